"""What a result means and what to do next, in words a compliance officer checks.

From the determination's findings (plain dicts) this builds, once per result:

* ``summary``: one line for the outcome (a code for translation, and the text);
* ``next_steps``: per outcome, which authority and route (MOFCOM licence, BIS
  licence, OFAC specific licence) and what to resolve first;
* ``regimes``: the findings grouped by regime and by listed party, each regime
  with a one-line summary; every finding is in a group (by its index);
* ``notes``: the assumptions the answer rests on (after-horizon reading, China
  origin assumed) and anything cut.

It decides nothing: the outcomes are the rules' (:mod:`screening.rules.determination`). The CLI
text, the JSON, the HTML page and the bulk CSV render these same words. A result
without findings costs a few dictionary look-ups (bulk throughput).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from screening.rules.findings import severity

#: Last date any source speaks for, and the day the sources were last checked (rules.md).
HORIZON = "2026-11-10"
CHECKED = "2026-12-05"

HORIZON_NOTES = {
    "literal": "This result reads them literally, as ended, so those measures apply again; "
               "that assumption is not confirmed by any source.",
    "extended": "This result assumes each of them was extended, so those measures stay "
                "suspended; that assumption is not confirmed by any source.",
    "flag": "This result marks their status as unverified (REVIEW) instead of assuming either way.",
}

REGIME_TITLES = {"CN": "China", "US": "United States", "OWN": "Your company's lists"}

#: US rules whose licence route is BIS (the EAR) or the State Department; other US rules: OFAC.
BIS_RULES = frozenset({"US-EL", "US-MEU", "US-744-8", "US-AFFIL", "US-TGL7", "US-DPL", "US-UVL"})
STATE_RULES = frozenset({"US-ISN", "US-DTC"})

#: Plain words for the facts a result may depend on.
FACT_WORDS = {
    "item": "the item", "item_origin": "the item's origin", "cn_origin_share":
    "its China-origin rare-earth share", "made_with_cn_technology":
    "whether it was made with Chinese rare-earth technology", "subject_to_ear":
    "whether it is subject to the EAR", "us_person": "whether a US person is involved",
    "end_use": "the end use", "end_user_military": "whether the end user is military",
    "chinese_person_services": "whether Chinese persons provide rare-earth services",
    "destination": "the destination country", "country": "the party's country",
    "ownership": "who owns the party",
    "ownership_percent": "the listed owners' share",
}

SUMMARIES = {
    "prohibited": "Do not proceed: a legal ban applies, with no ordinary licence route.",
    "presumption_of_denial": "A licence is required and in principle denied.",
    "case_by_case": "A licence is required; it is reviewed case by case.",
    "license_required_party": "A licence is required because the party is listed; no licence "
                              "exception applies unless its entry says so.",
    "license_required_item_review": "The item needs a licence, and other findings need a "
                                    "person's review.",
    "license_required_item": "The item needs a licence; no listed party or restricted end use "
                             "was found.",
    "review": "A person must decide: a possible match or an unresolved risk.",
    "clear": "No restriction found on the lists and rules in force.",
}


def guidance(result: dict) -> dict:
    """``summary``, ``next_steps``, ``regimes`` and ``notes`` for one result dict."""
    findings = result.get("findings") or []
    binding = [f for f in findings if f.get("outcome") != "CLEAR"]
    code = summary_code(result.get("outcome") or "CLEAR", binding)
    return {
        "summary": {"code": code, "text": SUMMARIES[code]},
        "next_steps": next_steps(binding, result.get("depends_on") or []),
        "regimes": regimes(findings) if findings else [],
        "notes": notes(result),
    }


def summary_code(outcome: str, binding: list[dict]) -> str:
    """The summary for the outcome; LICENSE_REQUIRED says whether a listed party causes it."""
    if outcome != "LICENSE_REQUIRED":
        return outcome.lower()
    if any(f["outcome"] == "LICENSE_REQUIRED" and f.get("basis") != "transaction" for f in binding):
        return "license_required_party"
    if any(f["outcome"] == "REVIEW" for f in binding):
        return "license_required_item_review"
    return "license_required_item"


# ----------------------------------------------------------------- next steps

def next_steps(binding: list[dict], depends_on: list[str]) -> list[str]:
    """One or two sentences per route and outcome, most severe first; parties named once."""
    steps: dict[str, list[str]] = {}
    for f in sorted(binding, key=lambda f: severity(f["outcome"])):
        text = review_step(f) if f["outcome"] == "REVIEW" else route_step(f)
        parties = steps.setdefault(text, [])
        party = f.get("party")
        if party and party not in parties:
            parties.append(party)
    out = [text.replace("{party}", _names(parties)) for text, parties in steps.items()]
    missing = [FACT_WORDS.get(d, d.replace("_", " ")) for d in depends_on]
    if missing:
        out.append(f"To settle the answer, give {_and(missing)}.")
    return out


def route_step(f: dict) -> str:
    """The authority and route for a licence or ban finding."""
    rule, outcome = f["rule"], f["outcome"]
    if f.get("regime") == "OWN":
        return "Your company's own list names {party}: your compliance officer decides."
    if f.get("regime") == "CN":
        if outcome == "PROHIBITED":
            return (f"China ({rule}): do not export or transfer China-origin items to {{party}}; "
                    f"the ban has no ordinary MOFCOM licence route (only MOFCOM can allow an "
                    f"exception in special circumstances).")
        return (f"China ({rule}): the exporter applies to MOFCOM for a dual-use export licence "
                f"before shipping to {{party}}; {_policy(f)}.")
    if rule in BIS_RULES:
        if rule == "US-DPL":
            return ("United States (US-DPL): no one may take part in an export of items subject "
                    "to the EAR with {party}; only BIS can modify the denial order.")
        step = (f"United States ({rule}): apply to BIS for a licence for items subject to the "
                f"EAR to {{party}}; {_policy(f)}.")
        if rule in ("US-EL", "US-AFFIL"):
            step += " No licence exception applies to an Entity List party unless its entry says so."
        return step
    if rule in STATE_RULES:
        return (f"United States ({rule}): check the State Department notice for {{party}}; "
                f"defence articles need a DDTC authorisation.")
    if outcome == "PROHIBITED":
        return (f"United States ({rule}): US persons may not deal with {{party}} unless OFAC "
                f"issues a specific licence (or a general licence covers the dealing).")
    return f"United States ({rule}): check the OFAC measure that applies to {{party}}."


def review_step(f: dict) -> str:
    """What to resolve for a REVIEW finding."""
    rule, status, basis = f["rule"], f.get("status"), f.get("basis")
    if status == "suspended":
        until = f" until {f['until']}" if f.get("until") else ""
        return (f"{rule} is suspended{until} (it would be {f.get('would_be') or 'a review item'}): "
                f"screen again when the suspension ends.")
    if status == "unknown":
        return (f"{rule}: its status after {f.get('until') or HORIZON} is unverified; check MOFCOM "
                f"or the Federal Register before relying on the answer.")
    if basis == "possible_match":
        return "Confirm or rule out the possible match to {party}: compare identifiers, address and country."
    if "ownership_percent" in (f.get("depends_on") or []):
        return "Find out the listed owners' share (Red Flag 29): resolve it or apply for a licence."
    if basis == "affiliate_name":
        return "Find out who owns the party: it may be a subsidiary or branch of {party}."
    if basis == "ownership":
        return "Listed parties hold a minority of the party or control it: document the ownership and decide."
    return f"{rule}: a compliance officer decides what the listing of {{party}} means for the deal."


def _policy(f: dict) -> str:
    """The review to expect, in words (a US entry without a stated policy says so)."""
    if f.get("policy") == "POLICY_OF_DENIAL":
        return "expect a policy of denial"
    if f.get("partial"):
        return "the review policy depends on the item (mixed policy)"
    if f.get("rule") in ("US-EL", "US-AFFIL") and not f.get("policy"):
        return ("the source states no licence review policy: check the Entity List entry "
                "(Supp. No. 4 to Part 744); until then expect case-by-case review")
    return {
        "PRESUMPTION_OF_DENIAL": "expect a presumption of denial",
        "CASE_BY_CASE": "it is reviewed case by case",
        "LICENSE_REQUIRED": "normal review",
    }.get(f["outcome"], "see the finding")


# ------------------------------------------------------------------- grouping

def regimes(findings: list[dict]) -> list[dict]:
    """Findings grouped by regime, then listed party; most severe group first."""
    groups: dict[str, dict[str, list[int]]] = {}
    for i, f in enumerate(findings):
        party = f.get("party") or "the transaction"
        groups.setdefault(f.get("regime") or "", {}).setdefault(party, []).append(i)
    out: list[dict[str, Any]] = []
    for regime, parties in groups.items():
        idx = [i for ids in parties.values() for i in ids]
        rows: list[dict[str, Any]] = [{"party": party, "outcome": _worst(findings[i] for i in ids),
                 "entry_ids": list(dict.fromkeys(findings[i]["entry_id"] for i in ids
                                                 if findings[i].get("entry_id"))),
                 "findings": ids} for party, ids in parties.items()]
        rows.sort(key=lambda r: (severity(r["outcome"]), r["findings"][0]))
        out.append({"regime": regime, "title": REGIME_TITLES.get(regime, regime),
                    "outcome": _worst(findings[i] for i in idx), "findings": len(idx),
                    "summary": regime_line(regime, [findings[i] for i in idx], len(parties)),
                    "parties": rows})
    out.sort(key=lambda g: (severity(g["outcome"]), g["regime"]))
    return out


def regime_line(regime: str, findings: list[dict], parties: int) -> str:
    """One line per regime: its outcome, what binds, what is only informational."""
    binding = [f for f in findings if f.get("outcome") != "CLEAR"]
    title = REGIME_TITLES.get(regime, regime)
    if not binding:
        return f"{title}: CLEAR; {len(findings)} informational finding(s), none binds on this day."
    rules = ", ".join(dict.fromkeys(f["rule"] for f in binding))
    line = (f"{title}: {_worst(binding)}; {len(binding)} binding finding(s) ({rules}) "
            f"on {parties} part{'y' if parties == 1 else 'ies'}")
    info = len(findings) - len(binding)
    return line + (f", {info} informational." if info else ".")


def _worst(findings: Iterable[dict]) -> str:
    return min((f.get("outcome") or "CLEAR" for f in findings), key=severity, default="CLEAR")


# ---------------------------------------------------------------------- notes

def notes(result: dict) -> list[str]:
    """The assumptions the result rests on, in words."""
    out = []
    as_of, horizon = str(result.get("as_of") or ""), result.get("after_horizon") or "literal"
    if as_of > HORIZON:
        out.append(
            f"After {HORIZON} no public source (checked {CHECKED}) says what happened to the "
            f"MOFCOM No. 61/70 suspensions, the UEL and Control List suspensions, or the BIS "
            f"Affiliates-rule suspension (\"through 2026-11-09 absent a future extension\"); the "
            f"No. 72 suspension of 2024 No. 46 Art. 2 ran to 2026-11-27. "
            f"{HORIZON_NOTES.get(horizon, HORIZON_NOTES['literal'])}")
    other = result.get("if_not_china_origin")
    if other:
        out.append(f"The item's origin was not given, so China origin was assumed. For an item "
                   f"not of China origin the outcome would be {other['outcome']}"
                   + (f" ({', '.join(other['rules_dropped'])} would no longer apply)."
                      if other.get("rules_dropped") else "."))
    if result.get("hits_truncated"):
        out.append(f"Only the {len(result.get('hits') or [])} strongest hits were kept; refine the "
                   f"name (country, aliases) to see the others.")
    return out


def _names(parties: list[str]) -> str:
    if not parties:
        return "the party"
    if len(parties) > 3:
        return f"{', '.join(parties[:3])} and {len(parties) - 3} more"
    return _and(parties)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"

