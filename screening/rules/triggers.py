"""When does a rule apply? One small function per trigger kind of ``rules.yaml``.

Each trigger turns the facts of a screening (the hits, the possible affiliates,
the ownership graph, the transaction context) into *candidates*: one per fact
that makes the rule relevant, e.g. one per list hit, one per ownership result,
one for the item. :mod:`screening.rules.determination` then checks the rule's conditions and
dates for each candidate and writes the finding.

Nothing here decides an outcome on its own except where the rule says the
outcome comes from the fact: a US Entity List entry's review policy, an owner's
policy, a Chinese listing's measures.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from screening.lists.catalog import (
    CN_MILITARY_END_USERS,
    CN_SEMICONDUCTOR_END_USERS,
    LISTS,
    US_EL,
    US_MEU,
    US_SDN,
)
from screening.rules.context import ItemInfo, TransactionContext
from screening.rules.dates import StatusAt, status_on
from screening.errors import Invalid
from screening.rules.findings import most_severe, severity
from screening.lists.importers.project_yaml import MEASURES, MEASURES_ZH
from screening.rules.owners import Owner, is_entry_id, name_key, owner_from_hits
from screening.rules.ownership import OwnershipGraph, OwnershipResult
from screening.rules.rulebook import Rule, RuleBook
from screening.texts import Msg, msg, table
from screening.rules.us_policy import PolicyView, entry_policy, no_policy_view
from screening.types import Entry, Hit, Relationship

#: Graph node of the screened party when its keys are folded together.
PARTY_NODE = "party:query"

#: Listed ownership at or above this share (but below the threshold) is a review item (rules.md §8.2).
REVIEW_OWNERSHIP_MIN = 25.0

_NON_WORD = re.compile(r"[\W_]+")

#: Markers of "and its branches" listings (TechInsights, UEL 〔2025〕10号).
BRANCH_MARKERS = ("及其分支机构", "and its branches", "and its subsidiaries", "branches")

@dataclass
class Candidate:
    """One fact that makes a rule relevant, before its conditions and dates are checked."""

    basis: str  # list | possible_match | ownership | affiliate_name | transaction
    entry: Entry | None = None
    trigger: str | None = None  # the applies_to key that produced it
    party: str | None = None
    strength: str = "match"  # "review": a possible match only
    statuses: list[StatusAt] = field(default_factory=list)  # the listing's own status etc.
    outcome: str | None = None  # outcome taken from the fact (policy, measures, owners)
    review: Msg | None = None  # why this can only be a review item (unknown %, name only ...)
    path: list[dict] = field(default_factory=list)
    paths: list[list[dict]] = field(default_factory=list)
    fields: dict = field(default_factory=dict)  # values for the reason template
    policy: str | None = None
    policy_text: str | None = None
    partial: bool = False
    fdp_footnote: str | None = None
    notes: list[Msg] = field(default_factory=list)
    depends_on: list[str] = field(default_factory=list)
    score: float | None = None  # the hit's match strength
    exact: bool = False  # the hit's listed name is the name screened

    @property
    def key(self) -> tuple:
        """Identity for de-duplication: the same rule on the same fact once."""
        return (self.basis, self.entry.id if self.entry else None, tuple(
            s.get("entity") for s in self.path))


@dataclass
class Facts:
    """Everything one determination looks at."""

    hits: list[Hit]
    affiliates: list
    context: TransactionContext
    as_of: date
    horizon: str
    rulebook: RuleBook
    graph: OwnershipGraph
    party_keys: list[str]
    lookup_entry: Callable[[str], Entry | None]
    declared_owners: list[dict]
    resolve_name: Callable[[str], list[Hit]] | None = None  # owner name -> matcher hits (lists in force)
    party_country: str | None = None  # the party's own country as the query gives it (ISO alpha-2)
    missing: set[str] = field(default_factory=set)  # facts whose absence was noticed
    _party_view: OwnershipGraph | None = field(default=None, repr=False)
    _owners: dict[str, Owner] = field(default_factory=dict, repr=False)

    def party_graph(self) -> OwnershipGraph:
        """The ownership graph seen from the party (built once per determination)."""
        if self._party_view is None:
            self._party_view = _party_graph(self)
        return self._party_view

    def owner(self, node: str) -> Owner:
        """Who an owner node is: an entry in force by id, else its name resolved by the matcher."""
        found = self._owners.get(node)
        if found is None:
            entry = self.lookup_entry(node)
            if entry is not None:
                found = Owner((entry,), "match")
            elif node.startswith("name:") and self.resolve_name is not None:
                name = self.graph.name(node)
                found = owner_from_hits(self.resolve_name(name if name != node else node[5:]))
            else:
                found = Owner()
            self._owners[node] = found
        return found

    def owner_identity(self, node: str) -> str:
        """One id per owner party: a name that resolves to one entry alone is that entry."""
        return self.owner(node).single or node

    @property
    def item(self) -> ItemInfo | None:
        return self.context.item_info

    def entry_status(self, entry: Entry) -> StatusAt:
        """The listing's own status on the day (its status_history)."""
        return status_on(entry.status_history, self.as_of, self.horizon, listed_on=entry.listed_on)

    def match_hits(self) -> list[Hit]:
        return [h for h in self.hits if h.strength == "match"]

    def party_countries(self) -> set[str]:
        """The party's countries: the context's destination, else the country the query
        gives for the party, else those of its matched entries.

        Without a destination the answer rests on the party's own country, so
        "destination" is noted as something the result depends on.
        """
        if self.context.destination:
            return {self.context.destination}
        self.missing.add("destination")
        if self.party_country:
            return {self.party_country.upper()}
        return {c for h in self.match_hits() for c in h.entry.countries}

    def party_name(self) -> str:
        """The party's name: its matched entry's, else the name in its graph key."""
        hits = self.match_hits()
        if hits:
            return hits[0].entry.name
        for key in self.party_keys:
            if key.startswith("name:") and key[5:].strip():
                return key[5:].strip()
        for key in self.party_keys:  # an unlisted graph node: its name in the ownership data
            if self.graph.name(key) != key:
                return self.graph.name(key)
        return "the party"

    def node_name(self, node: str, graph: OwnershipGraph) -> str:
        """A display name for a graph node: the graph's, else its entry's."""
        name = graph.name(node)
        if name == node:
            entry = self.lookup_entry(node)
            if entry is not None:
                return entry.name
            if node.startswith("name:"):
                return node[5:]
        return name


# --------------------------------------------------------------------- list hits

def lists(rule: Rule, spec: Any, facts: Facts) -> list[Candidate]:
    """A hit on one of the rule's lists (for §744.8: on one of its SDN programs)."""
    wanted = set(spec or [])
    out = []
    for hit in facts.hits:
        entry = hit.entry
        if entry.list_id not in wanted:
            continue
        if rule.programs and not set(entry.programs) & set(rule.programs):
            continue
        out.append(_hit_candidate(rule, hit, facts))
    return out


def own_lists(rule: Rule, spec: Any, facts: Facts) -> list[Candidate]:
    """A hit on a list the catalog does not know: one of the company's own lists."""
    if not spec:
        return []
    return [_hit_candidate(rule, h, facts) for h in facts.hits if h.entry.list_id not in LISTS]


def _hit_candidate(rule: Rule, hit: Hit, facts: Facts) -> Candidate:
    """A candidate for one list hit, with its outcome when the entry decides it."""
    entry = hit.entry
    cand = Candidate(
        basis="list" if hit.strength == "match" else "possible_match",
        entry=entry, party=entry.name, strength=hit.strength,
        statuses=[facts.entry_status(entry)],
        fields={"party": entry.name, "list": entry.list_id, "matched_name": hit.matched_name},
        score=hit.score, exact=is_exact(hit),
    )
    if rule.outcome == "from_policy":
        view = entry_policy(entry, facts.item, facts.rulebook)
        cand.outcome, cand.policy, cand.partial = view.outcome, view.policy, view.partial
        cand.policy_text, cand.fields["policy"] = entry.license_policy_text, view.words
        cand.fdp_footnote = entry.fdp_footnote
        if view.partial:
            cand.depends_on.append("item")
    if rule.by_measures:
        apply_measures(rule, cand, entry, facts)
    if rule.measure_keywords and entry.measures:
        text = " ".join(entry.measures).lower()
        found = [o for word, o in rule.measure_keywords.items() if word.lower() in text]
        if found:
            cand.outcome = most_severe(found)
    if rule.policy:
        cand.policy = rule.policy
    for scope in facts.rulebook.scopes.matching(list(rule.outcome_by_scope), facts.item):
        cand.outcome = rule.outcome_by_scope[scope]  # e.g. ITAR debarment and a defence article
    return cand


def _plain(name: str) -> str:
    return " ".join(_NON_WORD.sub(" ", unicodedata.normalize("NFKC", name).casefold()).split())


def is_exact(hit: Hit) -> bool:
    """The hit's listed name is the name screened, case, width and punctuation aside."""
    return bool(hit.query_name) and _plain(hit.matched_name) == _plain(hit.query_name or "")


def measures_on(entry: Entry, day: date) -> tuple[list[str], dict | None]:
    """The party's measures in force on ``day`` and the ``amended`` change that set them
    (None: the listing's own measures); see lists/README.md "Status events"."""
    current, change = list(entry.measures), None
    for c in entry.extra.get("measure_changes") or []:
        if c["date"] <= day.isoformat():
            current, change = list(c["measures"]), c
    return current, change


def apply_measures(rule: Rule, cand: Candidate, entry: Entry, facts: Facts) -> None:
    """A Chinese listing's outcome and words from the measures the notices imposed on the party.

    A UEL listing "as the announcement states" (rules.md §3.2): when no measure is
    in force (PVH Group, 〔2025〕4号; Illumina after 〔2025〕6号 stopped) the rule's
    ``without_measures`` outcome applies (REVIEW), with the reason saying why.
    """
    measures, change = measures_on(entry, facts.as_of)
    if measures:
        cand.outcome, note = measures_outcome(measures, facts.rulebook)
        cand.fields["measures"] = [measure_words(m) for m in measures]
        if note:
            cand.notes.append(note)
        return
    if not rule.without_measures:
        return
    cand.outcome = rule.without_measures
    listing = entry.citation or msg("word.its_announcement")
    if change is None:
        cand.fields["measures"] = msg("measures.none_imposed", listing=listing)
        return
    before = [c for c in entry.extra.get("measure_changes") or [] if c["date"] < change["date"]]
    earlier, source = (before[-1]["measures"], before[-1]["citation"]) if before else (entry.measures, listing)
    stopped = [measure_words(m) for m in earlier] or msg("word.none")
    cand.fields["measures"] = msg("measures.stopped", source=source, stopped=stopped,
                                  date=change["date"], citation=change["citation"], listing=listing)


def measures_outcome(measures: list[str], rulebook: RuleBook) -> tuple[str, Msg | None]:
    """The outcome of a Chinese listing's measures; REVIEW when none restricts trade."""
    found = [rulebook.measure_outcomes[m] for m in measures if m in rulebook.measure_outcomes]
    if found:
        return most_severe(found), None
    return "REVIEW", msg("note.measures_not_restrictive")


# ----------------------------------------------------------------- party categories

def is_military_user(entry: Entry) -> bool:
    """A military user: on the military end-user category list, or marked so by its list.

    Only the *end-user* criterion counts. The advanced-semiconductor category
    (No. 61 Art. 4) names "military_ai" among its end uses; that makes its parties
    case-by-case end users, never military users (rules.md §3.1, §2.3).
    """
    if entry.list_id == CN_MILITARY_END_USERS or entry.extra.get("military_user") is True:
        return True
    category = entry.extra.get("category")
    criterion = category.get("criterion") if isinstance(category, dict) else None
    if isinstance(criterion, dict):
        return "military" in (criterion.get("end_user") or [])
    return isinstance(criterion, str) and "military user" in criterion.lower()


def military_user(rule: Rule, spec: Any, facts: Facts) -> list[Candidate]:
    """The party is a military user (of the given countries, when the rule names any).

    ``outside`` names countries whose military users the rule does not reach:
    No. 61 Art. 2 is about *overseas* military users (境外军事用户, rules.md §3.1),
    so a military user known to be in China is not one.
    """
    countries = set((spec or {}).get("countries") or [])
    outside = set((spec or {}).get("outside") or [])
    out = []
    for hit in facts.hits:
        entry = hit.entry
        if not is_military_user(entry):
            continue
        where = set(entry.countries) or facts.party_countries()
        if countries and not where & countries:
            continue
        if outside and where and where <= outside:
            continue
        cand = _hit_candidate(rule, hit, facts)
        doubt = _military_doubt(entry, facts)
        if doubt is not None:
            cand.review = msg("review.and", first=doubt, then=cand.review) if cand.review else doubt
        out.append(cand)
    if facts.context.end_user_military:
        where = facts.party_countries()
        if countries and not where:
            facts.missing.add("destination")
        elif outside and where and where <= outside:
            pass  # a domestic military user, not an overseas one
        elif not countries or where & countries:
            out.append(Candidate(basis="transaction", party=facts.party_name(),
                                 fields={"party": facts.party_name()},
                                 notes=[msg("note.transaction_military")]))
    return out


def _military_doubt(entry: Entry, facts: Facts) -> Msg | None:
    """Why a party of the military end-user category is only a review item, or None.

    "Military user" has no definition in the announcements (rules.md §3.1); the
    category says how sure each entry is (lists/cn-military-end-users). A party with a
    large civil business (``low``) is a review item; so is a defence manufacturer
    (``medium``) whose end user the screener declares not military. A state military
    body (``high``) is a military user whatever is declared (helper-76's review:
    Sierra Nevada and a declared-civil Shield AI were PROHIBITED)."""
    confidence = entry.extra.get("confidence")
    if confidence == "low":
        return msg("review.military_low", name=entry.name)
    if confidence != "high" and facts.context.end_user_military is False:
        return msg("review.military_declared_not", name=entry.name)
    return None


def semiconductor_user(rule: Rule, spec: Any, facts: Facts) -> list[Candidate]:
    """The party is on the advanced-semiconductor end-user category list (No. 61 Art. 4).

    Art. 4 turns on the *end use* ("最终用途为研发、生产14纳米及以下逻辑芯片 ...",
    rules.md §3.1); the category only stands in for an end use nobody stated. When
    the transaction states its end use, that decides: a chip maker buying for a
    stated civil use is not an Art. 4 case, and a stated Art. 4 use fires through
    the rule's ``end_use`` trigger whoever the party is.
    """
    if facts.context.end_use is not None:
        return []
    out = []
    for hit in facts.hits:
        if hit.entry.list_id == CN_SEMICONDUCTOR_END_USERS:
            cand = _hit_candidate(rule, hit, facts)
            cand.fields["end_use"] = msg("end_use.listed_semiconductor")
            out.append(cand)
    return out


# ------------------------------------------------------------------------ ownership

def ownership(rule: Rule, spec: Any, facts: Facts) -> list[Candidate]:
    """The party is owned by parties on ``owners_on`` (rules.md §8.3 aggregation).

    An owner counts when one of the entries it may be (:meth:`Facts.owner`) is
    on the rule's lists. Owners that are only possibly listed (review-strength
    name matches) are counted in a last, lenient pass; when that pass finds
    more, the finding is a review item at review strength.
    """
    spec = spec or {}
    owners_on = set(spec.get("owners_on") or [])
    programs = set(spec.get("sdn_programs") or [])
    graph = facts.party_graph()
    if not graph.owners(PARTY_NODE, facts.as_of):
        return []  # no owner on the day: nothing to aggregate (the common case)
    threshold = facts.rulebook.threshold

    def counts(entry: Entry, binding: bool) -> bool:
        if entry.list_id not in owners_on:
            return False
        if entry.list_id == US_SDN and programs and not set(entry.programs) & programs:
            return False
        status = facts.entry_status(entry)
        return status.status == "active" if binding else not status.informational

    def listed(strengths: tuple[str, ...], binding: bool) -> Callable[[str], bool]:
        def is_listed(node: str) -> bool:
            owner = facts.owner(node)
            return owner.strength in strengths and any(counts(e, binding) for e in owner.entries)
        return is_listed

    # Most certain first: owners whose listings bind on the day, then owners with
    # suspended listings too, then owners that are only possibly listed. A later
    # pass is used only when it says more, so adding an owner never lowers the result.
    result, strength, binding = None, "match", True
    for strengths, bind in ((("match",), True), (("match",), False), (("match", "review"), False)):
        res = graph.aggregate(PARTY_NODE, is_listed=listed(strengths, bind), threshold=threshold,
                              on=facts.as_of)
        if result is None or _weight(res) > _weight(result):
            result, strength, binding = res, ("review" if "review" in strengths else "match"), bind
        if result.caught:
            break
    assert result is not None  # the loop ran
    if not result.any_listed_owner:
        return []
    owner_entries = [e for node in result.listed_owners for e in facts.owner(node).entries
                     if counts(e, binding)]
    owner_entries = list({e.id: e for e in owner_entries}.values())
    for path in (*result.paths, *result.unknown_paths, *result.control_paths):
        for step in path:
            if step["entity"] == PARTY_NODE and facts.party_keys:
                step["entity"] = facts.party_keys[0]
            elif step["role"] == "listed" and facts.owner(step["entity"]).strength == "review":
                step["role"] = "possibly listed"
            step["name"] = facts.node_name(step["entity"], graph)
    cand = _ownership_candidate(rule, result, owner_entries, strength, facts)
    if strength == "review":  # say whose identity is in doubt: the owner's, not the party's
        names = ", ".join(dict.fromkeys(e.name for e in owner_entries))
        doubt = msg("review.owner_possible_match", names=names)
        cand.review = msg("review.and", first=doubt, then=cand.review) if cand.review else doubt
    return [cand]


def _weight(res: OwnershipResult) -> int:
    """How much an aggregation result says, for choosing the lenient pass (higher: more)."""
    if res.caught:
        return 4
    if res.unknown or res.percent >= REVIEW_OWNERSHIP_MIN:
        return 3
    if res.control:
        return 2
    return 1 if res.any_listed_owner else 0


def _party_graph(facts: Facts) -> OwnershipGraph:
    """The ownership graph with the party folded into one node and declared owners added.

    A declared owner is one node holding its declared share once: the entry it
    names by id, else its name, which stands for all the entries the matcher
    found for it (alternatives for who the owner is, not extra holdings).
    """
    extra: list[Relationship] = []
    for owner in facts.declared_owners:
        name = str(owner.get("name", "")).strip()
        percent = _percent(owner.get("percent"), name)
        hits = list(owner.get("hits") or [])
        node = name if is_entry_id(name) and facts.lookup_entry(name) else name_key(name)
        if node != name:
            facts._owners.setdefault(node, owner_from_hits(hits))
        extra.append(Relationship(owner=node, owned=PARTY_NODE, percent=percent,
                                  source="declared with the query", owner_name=name or None,
                                  owned_name=facts.party_name()))
    graph = facts.graph.with_party(PARTY_NODE, facts.party_keys, extra, identity=facts.owner_identity)
    graph.names.setdefault(PARTY_NODE, facts.party_name())
    return graph


def _percent(value: object, name: str) -> float | None:
    """A declared owner's share in percent: 60, "60", "60 %"; None or "" when unknown."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "unknown", "?")):
        return None
    try:
        number = float(str(value).strip().rstrip("%").strip())
    except ValueError:
        raise Invalid(f"owner {name!r}: percent must be a number like 60 or '60%', not {value!r}") from None
    if not 0 <= number <= 100:
        raise Invalid(f"owner {name!r}: percent must lie between 0 and 100, not {value!r}")
    return number


def _ownership_candidate(rule: Rule, res: OwnershipResult, owners: list[Entry], strength: str,
                         facts: Facts) -> Candidate:
    """A candidate from an aggregation result: caught, unknown share, minority or control."""
    names: Msg | str = ", ".join(dict.fromkeys(e.name for e in owners)) or msg("default.owners")
    paths = res.paths or res.unknown_paths or res.control_paths
    cand = Candidate(
        basis="ownership", party=facts.party_name(), strength=strength,
        statuses=[facts.entry_status(e) for e in owners],
        path=paths[0] if paths else [], paths=paths,
        fields={"party": facts.party_name(), "percent": f"{res.percent:g} %", "owners": names},
    )
    if rule.outcome == "from_owner_policy":
        cand.outcome, cand.policy, cand.partial, words = owner_policy(owners, facts)
        cand.fields["policy"] = words
        if cand.partial and cand.policy is not None:
            cand.depends_on.append("item")
        cand.policy_text = "; ".join(e.license_policy_text for e in owners if e.license_policy_text) or None
        cand.fdp_footnote = next((e.fdp_footnote for e in owners if e.fdp_footnote), None)
    if res.caught:
        if res.cycle:
            cand.notes.append(msg("note.ownership_cycle"))
        return cand
    if res.unknown:
        cand.review = msg("review.unknown_share", names=names)
        cand.depends_on.append("ownership_percent")
    elif res.percent >= REVIEW_OWNERSHIP_MIN:
        cand.review = msg("review.minority", names=names, percent=f"{res.percent:g}")
    elif res.control:
        cand.review = msg("review.control", names=names)
    else:  # listed ownership under 25 %: reported, informational
        cand.outcome = "CLEAR"
        cand.notes.append(msg("note.below_25", names=names, percent=f"{res.percent:g}"))
    return cand


def owner_policy(owners: list[Entry], facts: Facts) -> tuple[str, str | None, bool, Msg]:
    """The most restrictive owner's policy (Affiliates rule): outcome, policy, partial, words."""
    views = []
    for e in owners:
        if e.list_id == US_EL:
            views.append(_owner_el_policy(e, facts))
        elif e.list_id == US_MEU:
            views.append(PolicyView("PRESUMPTION_OF_DENIAL", "PRESUMPTION_OF_DENIAL", False,
                                    msg("policy.meu_owner", name=e.name)))
        elif e.list_id == US_SDN:
            views.append(PolicyView("PRESUMPTION_OF_DENIAL", "POLICY_OF_DENIAL", False,
                                    msg("policy.sdn_owner", name=e.name)))
    if not views:
        return "LICENSE_REQUIRED", None, False, msg("policy.owners_requirement")
    worst = min(views, key=lambda v: (severity(v.outcome), 0 if v.policy == "POLICY_OF_DENIAL" else 1,
                                      0 if not v.partial else 1, v.words.render()))
    return worst.outcome, worst.policy, worst.partial, worst.words


def _owner_el_policy(entry: Entry, facts: Facts) -> PolicyView:
    """An Entity-List owner's review policy as its affiliates inherit it (rules.md §7.2).

    When the list source gives the owner no review policy (the CSL's
    ``license_policy`` is empty), the affiliate gets exactly what the owner gets
    when screened itself (:func:`no_policy_view`), with the owner named.
    """
    view = entry_policy(entry, facts.item, facts.rulebook)
    if view.policy is not None:
        return view
    return no_policy_view(facts.rulebook, msg("policy.owner_not_given", name=entry.name))


# --------------------------------------------------------------- possible affiliates

def is_branch_listing(entry: Entry) -> bool:
    """A listing "and its branches" (TechInsights): unnamed branches are covered too."""
    if entry.extra.get("branches") is True or entry.extra.get("and_branches") is True:
        return True
    if entry.extra.get("parent"):  # a named branch of such a listing
        return True
    text = " ".join(filter(None, [entry.remarks, entry.citation, str(entry.extra.get("note", ""))]))
    return any(marker in text for marker in BRANCH_MARKERS[:3])


def affiliates(rule: Rule, spec: Any, facts: Facts) -> list[Candidate]:
    """A name that looks like a listed party's branch or subsidiary, with no ownership data."""
    spec = spec or {}
    wanted = set(spec.get("lists") or [])
    if _has_ownership_data(facts):
        return []
    matched_ids = {h.entry.id for h in facts.hits}
    if any(h.entry.list_id in wanted and not facts.entry_status(h.entry).informational for h in facts.match_hits()):
        return []  # the party itself is listed there on the day: its own listing decides
    out = []
    for aff in facts.affiliates:
        entry = aff.get("entry") if isinstance(aff, dict) else getattr(aff, "entry", None)
        if entry is None or entry.list_id not in wanted or entry.id in matched_ids:
            continue
        named_only = spec.get("branches_only") and not is_branch_listing(entry)
        marker = aff.get("marker") if isinstance(aff, dict) else getattr(aff, "marker", None)
        cand = Candidate(basis="affiliate_name", entry=entry, party=entry.name,
                         statuses=[facts.entry_status(entry)],
                         fields={"party": entry.name, "list": entry.list_id, "owners": entry.name,
                                 "percent": msg("word.unknown_share"), "marker": marker})
        if rule.outcome == "from_owner_policy":
            cand.outcome, cand.policy, cand.partial, cand.fields["policy"] = owner_policy([entry], facts)
        if rule.by_measures and entry.measures:
            cand.outcome, _ = measures_outcome(entry.measures, facts.rulebook)
        cand.review = msg("review.possible_affiliate", name=entry.name)
        if named_only:  # a listed parent is still a basis: say so, and that the listing names it alone
            cand.trigger = "lists"  # the reason of the parent's own listing, not the branches clause
            cand.review = msg("review.affiliate_named_only", name=entry.name)
        cand.depends_on.append("ownership")
        out.append(cand)
    return out


def _has_ownership_data(facts: Facts) -> bool:
    """True when anything is known about who owns the party."""
    if facts.declared_owners:
        return True
    return any(facts.graph.owners(k) for k in facts.party_keys)


# ------------------------------------------------------------- transaction triggers

def item(rule: Rule, spec: Any, facts: Facts) -> list[Candidate]:
    """The item is in the rule's scope, with the origin / share / technology / destination it names."""
    spec = spec or {}
    ctx, info = facts.context, facts.item
    if info is None:
        facts.missing.add("item")
        return []
    scopes = facts.rulebook.scopes.matching(spec.get("scope") or [], info)
    if not scopes:
        return []
    cand = Candidate(basis="transaction", party=facts.party_name(),
                     fields={"party": facts.party_name(), "item": info.raw, "scopes": scopes})
    origin = spec.get("origin")
    if origin:
        actual = effective_origin(ctx)
        if actual is None:
            if origin == "foreign":
                return []
            cand.depends_on.append("item_origin")
            cand.notes.append(msg("note.origin_assumed"))
        elif actual != origin:
            return []
    share_min = spec.get("cn_origin_share_min")
    if share_min is not None:
        if ctx.cn_origin_share is None:
            facts.missing.add("cn_origin_share")
            return []
        if ctx.cn_origin_share < float(share_min):
            return []
        cand.fields["share"] = f"{ctx.cn_origin_share * 100:g} %"
    if spec.get("made_with_cn_technology") is not None:
        if ctx.made_with_cn_technology is None:
            facts.missing.add("made_with_cn_technology")
            return []
        if ctx.made_with_cn_technology is not bool(spec["made_with_cn_technology"]):
            return []
    if not in_destinations(spec, facts):
        return []
    for scope in scopes:
        if scope in rule.outcome_by_scope:
            cand.outcome = rule.outcome_by_scope[scope]
    return [cand]


def in_destinations(spec: dict, facts: Facts) -> bool:
    """The party is in one of the countries the rule names (always true when it names
    none); an unknown country is noted as missing and does not qualify."""
    destinations = set(spec.get("destinations") or [])
    if not destinations:
        return True
    where = facts.party_countries()
    if not where:
        facts.missing.add("destination")
        return False
    return bool(where & destinations)


def effective_origin(ctx: TransactionContext) -> str | None:
    """``CN``, ``foreign`` or None; a China-origin *share* implies the item is made abroad."""
    if ctx.item_origin:
        return ctx.item_origin
    if ctx.cn_origin_share is not None or ctx.made_with_cn_technology:
        return "foreign"
    return None


def end_use(rule: Rule, spec: Any, facts: Facts) -> list[Candidate]:
    """The end use is one the rule names (in the destinations it names)."""
    spec = spec or {}
    use = facts.context.end_use
    if use is None:
        facts.missing.add("end_use")
        return []
    if use not in set(spec.get("end_uses") or []):
        return []
    if not in_destinations(spec, facts):
        return []
    return [Candidate(basis="transaction", party=facts.party_name(),
                      fields={"party": facts.party_name(), "end_use": end_use_words(use)})]


def context(rule: Rule, spec: Any, facts: Facts) -> list[Candidate]:
    """A transaction fact has the value the rule names (e.g. chinese_person_services: true)."""
    for name, wanted in (spec or {}).items():
        value = getattr(facts.context, name, None)
        if value is None:
            facts.missing.add(name)
            return []
        if value != wanted:
            return []
    return [Candidate(basis="transaction", party=facts.party_name(),
                      fields={"party": facts.party_name()})]


#: Plain words for the end uses in reasons.
END_USE_WORDS = {
    "military": "military", "wmd": "weapons of mass destruction", "terrorism": "terrorism",
    "logic_le_14nm": "≤ 14 nm logic chips", "memory_ge_256_layers": "≥ 256-layer memory",
    "semiconductor_equipment": "equipment for advanced chips",
    "semiconductor_materials": "materials for advanced chips",
    "military_ai": "AI with potential military use", "humanitarian": "humanitarian", "civil": "civil",
}
END_USE_WORDS_ZH = {
    "military": "军事用途", "wmd": "大规模杀伤性武器", "terrorism": "恐怖主义",
    "logic_le_14nm": "14纳米及以下逻辑芯片", "memory_ge_256_layers": "256层及以上存储芯片",
    "semiconductor_equipment": "先进芯片所用设备",
    "semiconductor_materials": "先进芯片所用材料",
    "military_ai": "具有潜在军事用途的人工智能", "humanitarian": "人道主义", "civil": "民用",
}
end_use_words = table("end_use_words", END_USE_WORDS, END_USE_WORDS_ZH)
measure_words = table("measure", MEASURES, MEASURES_ZH)

#: Trigger kind -> function (the keys of ``applies_to``).
TRIGGER_FUNCTIONS: dict[str, Callable[[Rule, object, Facts], list[Candidate]]] = {
    "lists": lists, "own_lists": own_lists, "military_user": military_user,
    "semiconductor_user": semiconductor_user, "ownership": ownership, "affiliates": affiliates,
    "item": item, "end_use": end_use, "context": context,
}

__all__ = ["Candidate", "Facts", "TRIGGER_FUNCTIONS", "is_military_user", "is_branch_listing",
           "effective_origin"]
