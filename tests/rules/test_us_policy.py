"""US Entity List review policies in the lattice, and mixed policies resolved by ECCN."""

from __future__ import annotations

from screening.rules.context import classify_item
from screening.rules.rulebook import RuleBook
from screening.types import Entry, Name
from screening.rules.us_policy import entry_policy, resolve_mixed

RULES = RuleBook.load()

HIKVISION = ("Case-by-case review for ECCNs 1A004.c, 1A004.d, 1A995, 1A999.a, 1D003, 2A983, 2D983 and 2E983, "
             "and for EAR99 items described in the Note to ECCN 1A995; presumption of denial for all other items")
SMIC = ("Presumption of denial for items uniquely required for the production of semiconductors at advanced "
        "technology nodes (10 nanometers and below, including EUV technology); case-by-case review for all other items")


def el(text: str | None, policy: str | None = None, partial: bool = False) -> Entry:
    return Entry(id="us-el:x", list_id="us-el", type="company", names=[Name("X")],
                 license_policy_text=text, license_policy=policy, license_policy_partial=partial)


def test_resolve_mixed_policies():
    assert resolve_mixed(HIKVISION, classify_item("1A004.c")) == "CASE_BY_CASE"
    assert resolve_mixed(HIKVISION, classify_item("5A002")) == "PRESUMPTION_OF_DENIAL"
    assert resolve_mixed(HIKVISION, None) is None
    assert resolve_mixed(SMIC, classify_item("3B001")) is None  # "uniquely required" is not an ECCN test


def test_entry_policy_outcomes():
    assert entry_policy(el("Policy of denial."), None, RULES).outcome == "PRESUMPTION_OF_DENIAL"
    assert entry_policy(el("Policy of denial."), None, RULES).policy == "POLICY_OF_DENIAL"
    assert entry_policy(el("Case-by-case review."), None, RULES).outcome == "CASE_BY_CASE"
    assert entry_policy(el("Presumption of approval."), None, RULES).outcome == "LICENSE_REQUIRED"
    # No policy stated: the presumption of denial rules.md §7.1 gives "most China tech,
    # military and HPC entries", assumed and said to be (see docs/rules.md §5); never the
    # presumption of approval LICENSE_REQUIRED implies (§8.2: "no adverse party").
    none = entry_policy(el(None), None, RULES)
    assert (none.outcome, none.policy, none.partial) == ("PRESUMPTION_OF_DENIAL", None, False)
    assert none.words.startswith("no licence review policy stated in the source")
    assert "is assumed until the entry in Supp. No. 4 to Part 744 is checked" in str(none.words)


def test_entry_policy_mixed():
    smic = entry_policy(el(SMIC), classify_item("3B001"), RULES)
    assert (smic.outcome, smic.policy, smic.partial) == ("CASE_BY_CASE", "PRESUMPTION_OF_DENIAL", True)
    hik = entry_policy(el(HIKVISION), classify_item("1A995"), RULES)
    assert (hik.outcome, hik.partial) == ("CASE_BY_CASE", False)
