"""The determination: what the law says about a deal with this party, on this day.

How to read this module (no fuzzy maths here; the matcher has already said who
the party may be):

1. For every rule in ``rules.yaml``, its triggers (:mod:`screening.rules.triggers`)
   list the facts that make it relevant: a list hit, an ownership chain, a
   possible affiliate, the item, the end use.
2. For each such fact, :func:`evaluate` checks the rule's conditions (is the item
   in scope? China-origin? subject to the EAR?) and the dates: the rule's own
   status and the listing's status on the day (:mod:`screening.rules.dates`).
3. The finding's outcome is then, in this order:

   * condition fails                  -> CLEAR, "not applicable" (reported, informational)
   * not yet in force / expired / removed -> CLEAR (reported, informational)
   * humanitarian exemption           -> CLEAR
   * suspended, or unknown (``flag``) -> REVIEW, ``would_be`` the outcome
   * only a possible match / affiliate by name / unknown ownership share -> REVIEW, ``would_be``
   * otherwise                        -> the rule's outcome

4. The determination's outcome is the most severe finding (rules.md §8.2), and
   every finding is returned, China and US alike.

A missing fact is never guessed silently: party rules that depend on the item
assume a China-origin dual-use item and say so in ``assumption`` and
``depends_on``; US rules without nexus data keep their outcome with
``nexus_unknown``.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable
from functools import lru_cache
from dataclasses import dataclass, field, replace
from datetime import date

from screening.lists.catalog import CATEGORY_LISTS, list_title
from screening.rules.context import TransactionContext
from screening.rules.dates import HORIZONS, StatusAt, check_horizon, combine, status_on
from screening.rules.findings import (
    OUTCOMES,
    outcome_code,
    outcome_words,
    Determination,
    Finding,
    most_severe,
    sort_findings,
)
from screening.rules.ownership import OwnershipGraph
from screening.rules.rulebook import Rule, RuleBook
from screening.texts import Msg, msg, render
from screening.texts import fields as texts_fields
from screening.rules.triggers import (
    TRIGGER_FUNCTIONS,
    Candidate,
    Facts,
    effective_origin,
    item as item_trigger,
)
from screening.types import Entry, Hit, StatusEvent

__all__ = [
    "HORIZONS", "OUTCOMES", "Finding", "Determination", "RuleBook", "determine",
    "entry_status_at", "evaluate",
]


#: The order facts are listed in ``depends_on``.
FACT_ORDER = ("item", "item_origin", "cn_origin_share", "made_with_cn_technology",
              "subject_to_ear", "us_person", "end_use", "end_user_military",
              "chinese_person_services", "destination", "country", "ownership", "ownership_percent")


def entry_status_at(entry: Entry, on: date, horizon: str) -> tuple[str, StatusEvent | None]:
    """A list entry's own status on day ``on`` (the same logic as the rules' dates)."""
    st = status_on(entry.status_history, on, check_horizon(horizon), listed_on=entry.listed_on)
    return st.status, st.event


def determine(
    *,
    hits: list[Hit],
    affiliates: Iterable = (),
    context: TransactionContext | None,
    as_of: date,
    horizon: str,
    rulebook: RuleBook,
    ownership: OwnershipGraph | None = None,
    party_keys: Iterable[str] = (),
    lookup_entry: Callable[[str], Entry | None] = lambda _id: None,
    declared_owners: Iterable[dict] = (),
    resolve_name: Callable[[str], list[Hit]] | None = None,
    party_country: str | None = None,
) -> Determination:
    """Apply every rule to the party (and the transaction, when given) on day ``as_of``.

    Args:
        hits: the matcher's hits; ``review``-strength hits only give REVIEW.
        affiliates: names that look like a listed party's branch (matcher's Affiliate objects).
        context: the transaction facts, or None for party screening only.
        as_of: the day the law is applied.
        horizon: ``literal``, ``extended`` or ``flag`` (rules.md §8.4).
        rulebook: the rules (``RuleBook.load()``).
        ownership: the ownership graph (relationships imported from CSV / FollowTheMoney).
        party_keys: the graph ids of the party: entry ids of its match hits, "name:<normalised>".
        lookup_entry: entry id -> Entry, to know whether an owner is listed.
        declared_owners: owners given with the query: ``{"name", "percent", "hits"}``.
        resolve_name: owner name -> the matcher's hits on the lists in force, so an
            owner known only by name in the ownership data is resolved when screened.
        party_country: the party's own country (ISO alpha-2) as the query gives it.
    """
    horizon = check_horizon(horizon)
    ctx = context if context is not None else TransactionContext()
    hits, affiliates, declared_owners = list(hits), list(affiliates), list(declared_owners)
    party_keys = list(party_keys)
    if (not hits and not affiliates and not declared_owners and ctx.is_empty()
            and not any(ownership is not None and ownership.owners(k) for k in party_keys)):
        # Nothing about this party reaches any rule: the answer depends only on
        # the day and the horizon assumption, so it is computed once and copied
        # (a pickle round trip: several times cheaper than deepcopy).
        copy: Determination = pickle.loads(_unmatched(as_of, horizon, rulebook))
        return copy
    return _determine(hits, affiliates, ctx, as_of, horizon, rulebook, ownership, party_keys,
                      lookup_entry, declared_owners, resolve_name, party_country)


def _determine(hits: list[Hit], affiliates: list, ctx: TransactionContext, as_of: date, horizon: str,
               rulebook: RuleBook, ownership: OwnershipGraph | None, party_keys: list[str],
               lookup_entry: Callable[[str], Entry | None], declared_owners: list[dict],
               resolve_name: Callable[[str], list[Hit]] | None = None,
               party_country: str | None = None) -> Determination:
    """Evaluate every rule against the facts (the body of :func:`determine`)."""
    facts = Facts(
        hits=list(hits), affiliates=list(affiliates), context=ctx, as_of=as_of, horizon=horizon,
        rulebook=rulebook, graph=ownership if ownership is not None else OwnershipGraph(),
        party_keys=list(party_keys), lookup_entry=lookup_entry, declared_owners=list(declared_owners),
        resolve_name=resolve_name, party_country=party_country,
    )
    findings: list[Finding] = []
    for rule in rulebook.rules:
        if rule.follows:
            continue
        findings.extend(evaluate(rule, cand, facts) for cand in candidates(rule, facts))
    findings.extend(follow_ups(rulebook, findings, facts))
    findings = sort_findings(findings)
    det = Determination(
        outcome=most_severe([f.outcome for f in findings]),
        findings=findings, as_of=as_of, assumption=horizon,
        depends_on=_depends_on(findings, facts), context=ctx.to_dict() or None,
    )
    if ctx.item_origin is None and any(
            "item_origin" in f.depends_on for f in findings if f.outcome != "CLEAR"):
        other = _determine(hits, affiliates, replace(ctx, item_origin="foreign"), as_of, horizon,
                           rulebook, ownership, party_keys, lookup_entry, declared_owners,
                           resolve_name, party_country)
        det.if_not_china_origin = _origin_alternative(findings, other)
    return det


def _origin_alternative(findings: list[Finding], other: Determination) -> dict:
    """What a non-China-origin item would get: the outcome and the rules that drop out.

    Each finding of a rule that drops out, and that rests on the assumed China
    origin, says so in its own ``assumption`` too (issue 12: the result says
    which answer a non-China-origin item would get), so a finding read on its
    own is as honest as the result's note.
    """
    still = {f.rule for f in other.findings if f.outcome != "CLEAR"}
    dropped = [r for r in dict.fromkeys(f.rule for f in findings if f.outcome != "CLEAR")
               if r not in still]
    for f in findings:
        if f.rule in dropped and f.outcome != "CLEAR" and "item_origin" in f.depends_on:
            f.assumption_text.append(msg("assume.not_china_origin", outcome=outcome_code(other.outcome)))
            f.assumption = render(f.assumption_text)
    return {"outcome": other.outcome, "rules_dropped": dropped}


@lru_cache(maxsize=64)
def _unmatched(as_of: date, horizon: str, rulebook: RuleBook) -> bytes:
    """The determination for a party with no hits, no owners and no context, pickled."""
    det = _determine([], [], TransactionContext(), as_of, horizon, rulebook, None, [],
                     lambda _id: None, [])
    return pickle.dumps(det, pickle.HIGHEST_PROTOCOL)


def candidates(rule: Rule, facts: Facts) -> list[Candidate]:
    """Every fact that makes ``rule`` relevant, each once."""
    seen: dict[tuple, Candidate] = {}
    for kind, spec in rule.applies_to.items():
        for cand in TRIGGER_FUNCTIONS[kind](rule, spec, facts):
            cand.trigger = cand.trigger or kind
            seen.setdefault(cand.key, cand)
    return list(seen.values())


# ----------------------------------------------------------------- one finding

@dataclass
class Check:
    """The result of a rule's ``requires`` conditions for one candidate."""

    ok: bool = True
    why_not: Msg | None = None
    gates: list[StatusAt] = field(default_factory=list)  # other rules the condition rests on
    depends_on: list[str] = field(default_factory=list)
    assumptions: list[Msg] = field(default_factory=list)
    notes: list[Msg] = field(default_factory=list)
    nexus_unknown: bool = False

    def fail(self, why: Msg) -> None:
        if self.ok:
            self.ok, self.why_not = False, why


def evaluate(rule: Rule, cand: Candidate, facts: Facts) -> Finding:
    """Turn one candidate of one rule into a finding (see the module docstring for the order)."""
    check = check_requirements(rule, cand, facts)
    status = combine(replace(rule.status_at(facts.as_of, facts.horizon), label="rule"),
                     *(replace(s, label="listing") for s in cand.statuses), *check.gates)
    base = cand.outcome or (rule.outcome if rule.outcome in OUTCOMES else "LICENSE_REQUIRED")
    core = _fill(rule, cand, facts)
    would_be: str | None = None
    exempt = facts.context.end_use in set(rule.exempt.get("end_uses") or [])

    if not check.ok:
        outcome, shown, reason = "CLEAR", "not_applicable", msg("reason.not_applicable",
                                                                why=check.why_not, core=core)
    elif status.informational:
        outcome, shown, reason = "CLEAR", status.status, _informational_reason(status, rule, cand, core)
    elif exempt:
        outcome, shown, reason = "CLEAR", "exempt", msg("reason.exempt", core=core)
    elif base == "CLEAR":
        outcome, shown, reason = "CLEAR", status.status, msg("reason.notes", notes=list(cand.notes),
                                                             core=core)
    else:
        outcome, shown, would_be, reason = _binding(rule, cand, status, base, core, facts)
    assumption = _assumption(status, check, cand, facts)
    return Finding(
        rule=rule.id, outcome=outcome, regime=rule.regime, reason=_cap(reason.render()),
        text=reason, citation=_citation(rule, cand), effective_from=_effective_from(rule, cand),
        effective_to=rule.effective_to, status=shown,
        assumption=render(assumption) or None, assumption_text=assumption,
        entry_id=cand.entry.id if cand.entry else None,
        list_id=cand.entry.list_id if cand.entry else None,
        would_be=would_be if would_be != "REVIEW" else None,
        depends_on=_ordered({*check.depends_on, *cand.depends_on}),
        path=list(cand.path), paths=[list(p) for p in cand.paths] if len(cand.paths) > 1 else [],
        policy_text=cand.policy_text, partial=cand.partial, nexus_unknown=check.nexus_unknown,
        url=(cand.entry.source_url if cand.entry and cand.entry.source_url else rule.url),
        title=rule.title, basis=cand.basis, party=cand.party,
        until=status.until if status.status in ("suspended", "unknown") else None,
        status_citation=(status.event.citation or None) if status.event else None,
        past_horizon=status.past_horizon, confidence=rule.confidence, policy=cand.policy,
        listed_on=_listed_on(cand.entry), fdp_footnote=cand.fdp_footnote,
        notes=[render(n) for n in (*cand.notes, *check.notes)], score=cand.score, exact=cand.exact,
    )


def _binding(rule: Rule, cand: Candidate, status: StatusAt, base: str, core: Msg,
             facts: Facts) -> tuple[str, str, str | None, Msg]:
    """Outcome, status, would_be and reason of a finding whose rule and listing bind on the day."""
    words = outcome_words(base)
    if status.status in ("suspended", "unknown") and (cand.review or cand.strength == "review"):
        doubt = cand.review or msg("doubt.possible_match", party=cand.party)
        core = msg("reason.doubt", doubt=doubt, core=core)  # the doubt about the party is kept in view
    if status.status == "suspended":
        when = (msg("when.extended", until=status.until) if status.past_horizon
                else msg("when.suspended_until", until=status.until) if status.until
                else msg("when.suspended"))
        return "REVIEW", "suspended", base, msg("reason.suspended", when=when, words=words, core=core)
    if status.status == "unknown":
        return ("REVIEW", "unknown", base, msg("reason.unknown", words=words, core=core,
                                              until=status.until or facts.rulebook.known_horizon))
    if cand.review:
        return "REVIEW", status.status, base, msg("reason.if_confirmed", review=cand.review,
                                                  words=words, core=core)
    if cand.strength == "review":
        listed = list_title(cand.entry.list_id) if cand.entry else msg("default.list")
        if base != "REVIEW":
            return "REVIEW", status.status, base, msg(
                "reason.possible_match_would", party=cand.party, list=listed,
                outcome=outcome_code(base), core=core)
        return "REVIEW", status.status, base, msg("reason.possible_match", party=cand.party,
                                                  list=listed, core=core)
    reason = core
    if status.past_horizon:
        reason = msg("reason.past_horizon", core=core, thing=_suspended_thing(status),
                     until=status.until)
    if cand.notes:
        reason = msg("reason.with_notes", text=reason, notes=list(cand.notes))
    return base, status.status, None, reason


def _suspended_thing(status: StatusAt) -> Msg:
    """Whose suspension the status rests on: the rule's, the listing's or a gate rule's."""
    if status.label == "listing":
        return msg("thing.listing")
    if status.label in (None, "rule"):
        return msg("thing.rule")
    return msg("thing.gate", rule=status.label)


def _informational_reason(status: StatusAt, rule: Rule, cand: Candidate, core: Msg) -> Msg:
    """Why a finding does not bind on the day: not yet, expired, removed."""
    label = status.label or "rule"
    what = msg(f"word.{label}") if label in ("rule", "listing") else label
    if status.status == "not_yet_effective":
        start = status.event.date if status.event else None
        if start is None:
            start = (cand.entry.listed_on if status.label == "listing" and cand.entry else rule.effective_from)
        return msg("reason.not_yet_effective", what=what, start=start, core=core)
    if status.status == "expired":
        return msg("reason.expired", end=rule.effective_to, core=core)
    return msg("reason.removed", what=what, since=status.since, core=core)


def check_requirements(rule: Rule, cand: Candidate, facts: Facts) -> Check:
    """Check the rule's ``requires`` conditions; missing facts are assumed and reported."""
    check = Check()
    req = rule.requires
    if "items" in req:
        _check_items(str(req["items"]), facts, check)
    if "item_origin" in req:
        _check_origin(str(req["item_origin"]), facts, check)
    if "nexus" in req:
        _check_nexus(str(req["nexus"]), cand, facts, check)
    if "party_outside" in req:
        _check_party_outside(list(req["party_outside"]), facts, check)
    return check


def _check_items(scope: str, facts: Facts, check: Check) -> None:
    """The item must be in ``scope``; with no (recognised) item it is assumed to be."""
    label = facts.rulebook.scopes.label(scope)
    info = facts.item
    found = facts.rulebook.scopes.match(scope, info)
    if found is False:
        check.fail(msg("why.item_not_in_scope", item=info.raw, label=label))  # type: ignore[union-attr]
    elif found is None:
        check.depends_on.append("item")
        check.assumptions.append(msg("assume.item_unrecognised", item=repr(info.raw), label=label)
                                 if info else msg("assume.no_item", label=label))


def _check_origin(origin: str, facts: Facts, check: Check) -> None:
    """China-origin item, or a foreign-made one brought into China's scope by No. 61 Art. 1."""
    actual = effective_origin(facts.context)
    if actual == origin:
        return
    if actual is None:
        check.depends_on.append("item_origin")
        check.assumptions.append(msg("assume.origin_not_given"))
        return
    probe = replace(facts, missing=set())  # collects the facts the gate rules would need
    for rid in facts.rulebook.settings.get("foreign_item_rules", []):
        gate = facts.rulebook.rule(rid)
        if item_trigger(gate, gate.applies_to.get("item"), probe):
            check.gates.append(replace(gate.status_at(facts.as_of, facts.horizon), label=rid))
            check.notes.append(msg("note.foreign_item_gate", rule=rid))
            return
    check.depends_on.extend(sorted(probe.missing))
    check.fail(msg("why.not_china_origin"))


def _check_party_outside(countries: list[str], facts: Facts, check: Check) -> None:
    """The party must be a foreign entity: its own country is not one of ``countries``.

    The BIS Affiliates rule reaches "any foreign entity" (rules.md §7.2). The
    party's country is the one the query gives; when it is not given the party
    is assumed foreign, and the finding says so instead of being dropped.
    """
    where = facts.party_country
    if where is None:
        check.depends_on.append("country")
        check.assumptions.append(msg("assume.party_foreign"))
    elif where.upper() in {c.upper() for c in countries}:
        check.fail(msg("why.party_domestic", country=where.upper()))


def _check_nexus(nexus: str, cand: Candidate, facts: Facts, check: Check) -> None:
    """US rules need a US nexus: the item subject to the EAR (``ear``) or a US person (``us_person``)."""
    field_name = "subject_to_ear" if nexus == "ear" else "us_person"
    value = getattr(facts.context, field_name)
    if value is True:
        return
    if value is None:
        check.nexus_unknown = True
        check.depends_on.append(field_name)
        check.assumptions.append(msg("assume.nexus_ear" if nexus == "ear" else "assume.nexus_us_person"))
        return
    if nexus == "ear" and cand.fdp_footnote:
        check.nexus_unknown = True
        check.depends_on.append(field_name)
        check.notes.append(msg("note.fdp_footnote", footnote=cand.fdp_footnote))
        return
    check.fail(msg("why.not_subject_to_ear" if nexus == "ear" else "why.no_us_person"))


# ------------------------------------------------------------------- follow-ups

def follow_ups(rulebook: RuleBook, findings: list[Finding], facts: Facts) -> list[Finding]:
    """Rules that only matter when another fired (TGL 7 after the Affiliates rule).

    A leading finding that is CLEAR (a listed owner under 25 %, a rule not yet in
    force) fired nothing, so nothing follows it.
    """
    out = []
    for rule in rulebook.rules:
        if not rule.follows:
            continue
        led = [f for f in findings if f.rule == rule.follows and f.basis == "ownership"
               and f.status != "not_applicable" and f.outcome != "CLEAR"]
        for f in led[:1]:
            cand = Candidate(basis="ownership", party=f.party, path=f.path,
                             fields={"party": f.party or msg("default.party")})
            out.append(evaluate(rule, cand, facts))
    return out


# ------------------------------------------------------------------------ text

#: Template values a candidate may lack: each reads as a neutral phrase, never as a crash.
DEFAULT_FIELDS = ("party", "list", "policy", "item", "end_use", "share", "percent", "owners",
                  "measures")


class _Fields(dict):
    """Template values; a missing one reads as a neutral phrase (``default.*``), never as a crash."""

    def __missing__(self, key: str) -> Msg | str:
        return msg(f"default.{key}") if key in DEFAULT_FIELDS else ""

    def __getitem__(self, key: str) -> str:  # str.format_map: plain English text
        return render(super().__getitem__(key))


def _fill(rule: Rule, cand: Candidate, facts: Facts) -> Msg:
    """The rule's reason sentence (its trigger's, if it has one) with the candidate's values."""
    trigger = cand.trigger or ""
    key = f"rule.{rule.id}.{trigger}" if trigger in rule.reasons else f"rule.{rule.id}"
    inline = rule.reason_templates(trigger)
    values = dict(cand.fields)
    if "list" in values:
        values["list"] = list_title(values["list"])
    if cand.path:
        from screening.rules.ownership import path_msg

        values.setdefault("path", path_msg(cand.path))
    defaults = _Fields()
    params = {name: values[name] if name in values else defaults.__missing__(name)
              for name in set().union(*(texts_fields(t) for t in inline.values()))}
    text = Msg(key, inline, **params)
    if cand.basis == "ownership" and cand.path:
        return msg("reason.with_path", text=text, path=values["path"])
    return text


def _citation(rule: Rule, cand: Candidate) -> str | None:
    """The entry's own citation (announcement, FR notice) with the rule's, else the rule's."""
    if cand.entry is not None and cand.entry.list_id in CATEGORY_LISTS:
        return rule.citation  # a category lists several instruments; the rule names the one applied
    if cand.entry is not None and cand.entry.citation and cand.basis in ("list", "possible_match"):
        return cand.entry.citation
    if cand.entry is not None and cand.entry.citation and cand.basis == "affiliate_name":
        return f"{rule.citation}; listing: {cand.entry.citation}"
    citation = rule.citation
    if citation and "{list}" in citation and cand.entry is not None:
        citation = citation.replace("{list}", cand.entry.list_id)
    return citation


def _assumption(status: StatusAt, check: Check, cand: Candidate, facts: Facts) -> list[Msg]:
    """Every assumption the finding rests on, in words (empty when it rests on none)."""
    parts: list[Msg] = []
    if status.past_horizon and check.ok and not status.informational:
        until = status.until or (status.event.until if status.event else None) or facts.rulebook.known_horizon
        parts.append(msg(f"assume.horizon_{facts.horizon}", until=until))
    parts.extend(check.assumptions)
    parts.extend(n for n in cand.notes if isinstance(n, Msg) and n.key == "note.origin_assumed")
    unique: dict[str, Msg] = {}
    for part in parts:  # the same assumption once, whichever condition made it
        unique.setdefault(part.render(), part)
    return list(unique.values())


def _depends_on(findings: list[Finding], facts: Facts) -> list[str]:
    """Facts that would change the result: those findings rest on, and those triggers missed."""
    found: set[str] = set(facts.missing)
    for f in findings:
        if f.outcome != "CLEAR":  # a rule not in force, or not applicable, depends on nothing
            found.update(f.depends_on)
    return _ordered(found)


def _ordered(names: Iterable[str]) -> list[str]:
    """Fact names in :data:`FACT_ORDER` (unknown names last, alphabetically)."""
    names = set(names)
    known = [n for n in FACT_ORDER if n in names]
    return known + sorted(names - set(FACT_ORDER))


def _effective_from(rule: Rule, cand: Candidate) -> str | None:
    """The first day the finding's measure reached this party: the later of the rule's
    start and the listing date (a UEL finding starts on the party's listing, not in 2020)."""
    days = [d for d in (rule.effective_from, _listed_on(cand.entry)) if d]
    return max(days) if days else None


def _listed_on(entry: Entry | None) -> str | None:
    """The day a listing took effect: its first ``listed`` event, else ``listed_on``."""
    if entry is None:
        return None
    for ev in sorted(entry.status_history, key=lambda e: e.date):
        if ev.status == "listed":
            return ev.date
    return entry.listed_on


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
