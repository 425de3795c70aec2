"""One-line builders for entries, hits and relationships (nomenklatura's ``e(...)`` habit).

The entries mirror real listings from rules.md and china-lists.csv (names, dates,
announcements, suspension history); they are written out here so the rules can
be tested without the list importers.
"""

from __future__ import annotations

from datetime import date

from dataclasses import replace

from screening.rules.context import TransactionContext
from screening.rules.ownership import OwnershipGraph
from screening.rules.determination import Determination, RuleBook, determine
from screening.types import Entry, Hit, Name, Relationship, StatusEvent

RULES = RuleBook.load()

#: China's one-year suspension horizon (Ann. 70, UEL and Control-List notices).
CN_HORIZON = "2026-11-10"


def ev(day: str, status: str, until: str | None = None, horizon: bool = False, citation: str = "") -> StatusEvent:
    """A status event."""
    return StatusEvent(date=day, status=status, until=until, horizon=horizon, citation=citation)


def entry(list_id: str, name: str, *, id: str | None = None, countries=("US",), history=(),
          listed_on: str | None = None, citation: str | None = None, measures=(), policy_text=None,
          policy=None, partial=False, fdp=None, programs=(), extra=None, remarks=None) -> Entry:
    """A list entry."""
    return Entry(
        id=id or f"{list_id}:{name.lower().replace(' ', '-')}", list_id=list_id, type="company",
        names=[Name(name)], countries=list(countries), status_history=list(history),
        listed_on=listed_on, citation=citation, measures=list(measures),
        license_policy_text=policy_text, license_policy=policy, license_policy_partial=partial,
        fdp_footnote=fdp, programs=list(programs), extra=dict(extra or {}), remarks=remarks,
    )


def hit(e: Entry, strength: str = "match", score: float | None = None) -> Hit:
    """A hit on an entry."""
    return Hit(entry=e, matched_name=e.name, score=score or (0.97 if strength == "match" else 0.78),
               strength=strength)


def rel(owner: str, owned: str, percent: float | None, **kw) -> Relationship:
    """An ownership edge."""
    return Relationship(owner=owner, owned=owned, percent=percent, source="test", **kw)


def run(hits=(), *, on: str = "2026-11-22", horizon: str = "literal", context: dict | None = None,
        relationships=(), party_keys=(), entries=(), affiliates=(), owners=()) -> Determination:
    """Determine with the project's rules."""
    by_id = {e.id: e for e in entries}
    for h in hits:
        by_id.setdefault(h.entry.id, h.entry)
    keys = list(party_keys) or [h.entry.id for h in hits if h.strength == "match"]
    return determine(
        hits=list(hits), affiliates=list(affiliates),
        context=TransactionContext.from_dict(context) if context else None,
        as_of=date.fromisoformat(on), horizon=horizon, rulebook=RULES,
        ownership=OwnershipGraph(relationships), party_keys=keys,
        lookup_entry=by_id.get, declared_owners=list(owners),
    )


def rules_fired(det: Determination) -> dict[str, str]:
    """rule id -> outcome, for findings that are not informational."""
    return {f.rule: f.outcome for f in det.findings if f.outcome != "CLEAR"}


def finding(det: Determination, rule: str):
    """The first finding of a rule (AssertionError naming the rules found when absent)."""
    for f in det.findings:
        if f.rule == rule:
            return f
    raise AssertionError(f"no {rule} finding; found {[f.rule for f in det.findings]}")


# ------------------------------------------------------------ real listings

UEL_2025_1 = "UEL Working Mechanism Announcement 2025 No. 1 (不可靠实体清单工作机制公告〔2025〕1号)"
UEL_2025_7 = "UEL Working Mechanism Announcement 2025 No. 7 (不可靠实体清单工作机制公告〔2025〕7号)"
TRADE_BAN = ["prohibit_import_export", "prohibit_investment_new", "entry_ban"]


def lockheed_mfc() -> list[Entry]:
    """Lockheed Martin Missiles and Fire Control: UEL 2025-01-02, Control List Ann. 1/2025, military user."""
    name = "Lockheed Martin Missiles and Fire Control"
    return [
        entry("cn-uel", name, history=[ev("2025-01-02", "listed", citation=UEL_2025_1)],
              citation=UEL_2025_1, measures=TRADE_BAN),
        entry("cn-control", name, history=[ev("2025-01-02", "listed")],
              citation="MOFCOM Announcement 2025 No. 1 (商务部公告2025年第1号)",
              measures=["prohibit_export_dual_use_items"]),
        entry("cn-military-end-users", name, history=[ev("2024-12-03", "listed")],
              citation="MOFCOM Announcement 2024 No. 46", extra={"category": {"criterion": "US military user"}}),
    ]


def skydio() -> list[Entry]:
    """Skydio: UEL Apr-4-2025 batch (suspended, then one year from 2025-11-10) and Control List Ann. 13 (lifted)."""
    return [
        entry("cn-uel", "Skydio, Inc.", citation=UEL_2025_7, measures=TRADE_BAN, history=[
            ev("2025-04-04", "listed", citation=UEL_2025_7),
            ev("2025-05-14", "suspended", until="2025-08-11", citation="MOFCOM spokesperson 2025-05-14"),
            ev("2025-08-12", "suspended", until="2025-11-09", citation="MOFCOM spokesperson 2025-08-12"),
            ev("2025-11-10", "suspended", until=CN_HORIZON, horizon=True,
               citation="MOFCOM spokesperson 2025-11-05: suspended one year from 2025-11-10"),
        ]),
        entry("cn-control", "Skydio, Inc.", citation="MOFCOM Announcement 2025 No. 13",
              measures=["prohibit_export_dual_use_items"], history=[
                  ev("2025-03-04", "listed"), ev("2025-11-10", "removed", citation="reported lifted Nov 2025")]),
    ]


def mp_materials() -> Entry:
    """MP Materials Corp.: Control List 2026-06-22."""
    return entry("cn-control", "MP Materials Corp.", history=[ev("2026-06-22", "listed")],
                 citation="MOFCOM Announcement 2026 (10 US entities)", measures=["prohibit_export_dual_use_items"])


def nwpu() -> Entry:
    """Northwestern Polytechnical University on the Entity List, as in watchman/csl.csv."""
    return entry("us-el", "Northwestern Polytechnical University", countries=["CN"], listed_on="2001-05-14",
                 citation="66 FR 24266; 75 FR 78883; 77 FR 58006; 81 FR 64696 and 84 FR 40241, 87 FR 62202; 88 FR",
                 policy_text="Presumption of denial.", policy="PRESUMPTION_OF_DENIAL")


SMIC_POLICY = ("Presumption of denial for items uniquely required for the production of semiconductors at "
               "advanced technology nodes (10 nanometers and below, including EUV technology); "
               "case-by-case review for all other items")
HIKVISION_POLICY = ("Case-by-case review for ECCNs 1A004.c, 1A004.d, 1A995, 1A999.a, 1D003, 2A983, 2D983 and "
                    "2E983, and for EAR99 items described in the Note to ECCN 1A995; presumption of denial "
                    "for all other items subject to the EAR")


def smic() -> Entry:
    return entry("us-el", "Semiconductor Manufacturing International Corporation", id="us-el:smic",
                 countries=["CN"], listed_on="2020-12-18", citation="85 FR 83416 (2020-12-22)",
                 policy_text=SMIC_POLICY, policy="PRESUMPTION_OF_DENIAL", partial=True)


def hikvision() -> Entry:
    return entry("us-el", "Hangzhou Hikvision Digital Technology Co., Ltd.", id="us-el:hikvision",
                 countries=["CN"], listed_on="2019-10-09", citation="84 FR 54002 (2019-10-09)",
                 policy_text=HIKVISION_POLICY, policy="PRESUMPTION_OF_DENIAL", partial=True)


def jp_control(name: str = "Mitsubishi Heavy Industries, Ltd.", key: str = "mhi") -> Entry:
    """A Japanese Control-List entity (MOFCOM 2026 No. 11, 2026-02-24)."""
    return entry("cn-control", name, id=f"cn-control:{key}", countries=["JP"],
                 history=[ev("2026-02-24", "listed")], citation="MOFCOM Announcement 2026 No. 11",
                 measures=["prohibit_dual_use_export", "prohibit_transfer_china_origin_dual_use"])


def jp_watch() -> Entry:
    """A Japanese Watch-List entity (2026-02-24)."""
    return entry("cn-watch", "Subaru Corporation", id="cn-watch:subaru", countries=["JP"],
                 history=[ev("2026-02-24", "listed")], citation="MOFCOM Announcement 2026 No. 11 (watch list)",
                 measures=["no_general_licence", "individual_licence_required", "end_use_commitment_required"])


def japan_mod() -> Entry:
    """Japan's Ministry of Defense on the military end-user category."""
    return entry("cn-military-end-users", "Ministry of Defense of Japan", countries=["JP"],
                 history=[ev("2024-12-03", "listed")],
                 extra={"category": {"criterion": {"end_user": ["military"]}}})


def hanwha() -> Entry:
    """A Hanwha Ocean US subsidiary under MOFCOM countermeasures, suspended one year from 2025-11-10."""
    return entry("cn-countermeasures", "Hanwha Philly Shipyard Inc.", measures=["prohibit_domestic_transactions"],
                 citation="MOFCOM Order 2025 No. 6", history=[
                     ev("2025-10-14", "listed"), ev("2025-11-10", "suspended", until=CN_HORIZON, horizon=True)])


def lithuanian_bank() -> Entry:
    """A Lithuanian bank countermeasure of 2025-08-13, cancelled 2026-04-24."""
    return entry("cn-countermeasures", "UAB Urbo Bankas", countries=["LT"], measures=["prohibit_domestic_transactions"],
                 history=[ev("2025-08-13", "listed"), ev("2026-04-24", "removed")])


def uel_march_batch() -> Entry:
    """A UEL 〔2025〕5号 entity (2025-03-04); its measures stopped from 2025-11-10."""
    return entry("cn-uel", "Shield AI, Inc.", measures=["prohibit_import_export", "prohibit_new_investment_in_china"],
                 citation="UEL 〔2025〕5号", history=[ev("2025-03-04", "listed"), ev("2025-11-10", "removed")])


def uel_executive() -> Entry:
    """A Lockheed Martin executive on the UEL: entry ban and permits only."""
    return entry("cn-uel", "James Donald Taiclet", measures=["entry_ban", "revoke_work_residence_permits"],
                 history=[ev("2023-02-16", "listed")])


def tsmc() -> Entry:
    """TSMC on the No. 61 Art. 4 category (suspended with No. 61)."""
    return entry("cn-semiconductor-end-users", "Taiwan Semiconductor Manufacturing Company", countries=["TW"],
                 policy="CASE_BY_CASE", history=[ev("2025-10-09", "listed"),
                                                 ev("2025-11-07", "suspended", until=CN_HORIZON, horizon=True)])


def techinsights() -> Entry:
    """TechInsights Inc., UEL 〔2025〕10号 'and its branches'."""
    return entry("cn-uel", "TechInsights Inc.", countries=["CA"], citation="UEL 〔2025〕10号",
                 measures=["prohibit_import_export", "prohibit_domestic_transactions"],
                 history=[ev("2025-10-09", "listed")],
                 remarks="Item 14: listed together with its branches (及其分支机构).")


def huawei() -> Entry:
    return entry("us-el", "Huawei Technologies Co., Ltd.", id="us-el:huawei", countries=["CN"],
                 listed_on="2019-05-16", citation="84 FR 22961 (2019-05-21)", policy_text="Presumption of denial",
                 policy="PRESUMPTION_OF_DENIAL", fdp="1")


def sdn(name: str, key: str, programs=("RUSSIA-EO14024",)) -> Entry:
    return entry("us-sdn", name, id=f"us-sdn:{key}", countries=["RU"], programs=programs)


def as_list(e: Entry, list_id: str) -> Entry:
    """The same party on another list id (e.g. an FtM party known to be an SDN)."""
    return replace(e, list_id=list_id)
