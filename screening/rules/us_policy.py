"""US Entity List licence review policies, read into the outcome lattice.

The parser rule of rules.md §7.1 lives in :mod:`screening.rules.policy`; this module
turns an entry's policy into an outcome, and resolves *mixed* policies where the
text allows it: Hikvision's "case-by-case review for ECCNs 1A004.c, ...;
presumption of denial for all other items" is decided by the item's ECCN, while
SMIC's "presumption of denial for items uniquely required for ... 10 nm and
below; case-by-case for all other items" cannot be, and stays CASE_BY_CASE,
flagged partial (rules.md §8.2: mixed entries when the item is unknown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from screening.rules.context import ItemInfo
from screening.rules.findings import POLICY_OUTCOME
from screening.rules.policy import parse_license_policy
from screening.rules.rulebook import RuleBook
from screening.texts import Msg, msg, table
from screening.types import Entry

#: Plain words for the §7.1 policies.
POLICY_WORDS = {
    "POLICY_OF_DENIAL": "a policy of denial",
    "PRESUMPTION_OF_DENIAL": "a presumption of denial",
    "CASE_BY_CASE": "case-by-case review",
    "LICENSE_REQUIRED": "a presumption of approval",
}
POLICY_WORDS_ZH = {
    "POLICY_OF_DENIAL": "拒绝政策",
    "PRESUMPTION_OF_DENIAL": "推定拒绝",
    "CASE_BY_CASE": "逐案审查",
    "LICENSE_REQUIRED": "推定批准",
}
policy_words = table("policy", POLICY_WORDS, POLICY_WORDS_ZH)


@dataclass
class PolicyView:
    """An Entity List entry's review policy as the lattice sees it."""

    outcome: str
    policy: str | None
    partial: bool
    words: Msg  # the policy in the reason's words (said once: no separate note repeats it)


def entry_policy(entry: Entry, item: ItemInfo | None, rulebook: RuleBook) -> PolicyView:
    """Map an entry's licence review policy into the lattice (rules.md §7.1).

    Mixed, item-dependent policies (SMIC, the Xinjiang listings) are resolved
    when the item names an ECCN the policy lists; otherwise they are
    CASE_BY_CASE and flagged ``partial`` (rules.md §8.2).
    """
    text = entry.license_policy_text
    policy, partial = entry.license_policy, entry.license_policy_partial
    if policy is None and text:
        policy, partial = parse_license_policy(text)
    if policy is None:
        return no_policy_view(rulebook, msg("policy.none_stated"))
    outcome = POLICY_OUTCOME[policy]
    if not partial:
        return PolicyView(outcome, policy, False, msg(f"policy.{policy}"))
    resolved = resolve_mixed(text or "", item)
    if resolved is not None:
        return PolicyView(POLICY_OUTCOME[resolved], resolved, False,
                          msg("policy.mixed_resolved", policy=policy_words(resolved), text=text))
    return PolicyView("CASE_BY_CASE", policy, True, msg("policy.mixed", text=text))


def no_policy_view(rulebook: RuleBook, words: Msg) -> PolicyView:
    """An entry whose source states no review policy: ``outcome_if_no_policy``, the
    presumption of denial of most China entries (rules.md §7.1), assumed.

    Used for the listed party and for the affiliates that inherit its policy
    (rules.md §7.2), so both get the same answer. The words say that the policy
    is unknown, what is assumed, and where to check it.
    """
    outcome = str(rulebook.settings.get("outcome_if_no_policy", "PRESUMPTION_OF_DENIAL"))
    return PolicyView(outcome, None, False, msg("policy.until_checked", words=words, assumed=policy_words(outcome)))


_CLAUSES = re.compile(r";|\.\s")
_ECCN_IN_TEXT = re.compile(r"\b(\d[A-E]\d{3}(?:\.[a-z0-9]+)*)", re.I)


def resolve_mixed(text: str, item: ItemInfo | None) -> str | None:
    """The policy of the clause that covers the item's ECCN, or None when undecidable.

    Only policies whose special clauses list ECCNs can be resolved (Hikvision:
    "case-by-case for ECCNs 1A004.c, ...; presumption of denial for all other
    items"); SMIC's "items uniquely required for ... 10 nm and below" cannot.
    """
    if item is None or not item.eccns:
        return None
    clauses = [c.strip() for c in _CLAUSES.split(text) if c.strip()]
    special, other = [], None
    for clause in clauses:
        policy, _ = parse_license_policy(clause)
        if policy is None:
            continue
        if "all other" in clause.lower():
            other = policy
        else:
            special.append((policy, {e.upper() for e in _ECCN_IN_TEXT.findall(clause)}))
    if not special or any(not eccns for _, eccns in special):
        return None
    for policy, eccns in special:
        if item.eccns & eccns or (item.codes & eccns):
            return policy
    if _paragraph_untold(item, {e for _, eccns in special for e in eccns}):
        return None
    return other


def _paragraph_untold(item: ItemInfo, named: set[str]) -> bool:
    """True when the item gives an ECCN without the paragraph the policy turns on.

    "1A004" may be 1A004.c (case-by-case for Hikvision) or 1A004.a ("all other
    items"): the policy cannot be told until the paragraph is known.
    """
    return any(e.startswith(code + ".") for code in item.eccns for e in named)
