"""The project's China lists importer: the real lists/ tree, and its failure modes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from screening.errors import CountOutOfBounds, ImportFailed
from screening.lists.importers.project_yaml import expected_counts, parse, parse_dir
from screening.types import Entry

LISTS_DIR = Path(__file__).resolve().parents[3] / "lists"


@pytest.fixture(scope="module")
def entries() -> dict[str, Entry]:
    """Every entry of lists/, by id."""
    return {e.id: e for e in parse_dir(LISTS_DIR)}


def history(entry: Entry) -> list[tuple]:
    """An entry's status history as (date, status, until, horizon) tuples."""
    return [(ev.date, ev.status, ev.until, ev.horizon) for ev in entry.status_history]


def names(entry: Entry, kind: str) -> list[str]:
    return [n.value for n in entry.names if n.kind == kind]


# -- the real tree -------------------------------------------------------------


def test_counts_per_list(entries):
    counts: dict[str, int] = {}
    for e in entries.values():
        counts[e.list_id] = counts.get(e.list_id, 0) + 1
    assert counts["cn-uel"] == 87
    assert counts["cn-control"] == 153
    assert counts["cn-watch"] == 40
    assert counts["cn-countermeasures"] == 14
    assert counts["cn-military-end-users"] >= 40
    assert counts["cn-semiconductor-end-users"] >= 15


def test_expected_counts_sum_the_files():
    bounds = expected_counts(LISTS_DIR)
    assert bounds["cn-uel"] == (87, 87)
    assert bounds["cn-control"] == (153, 153)
    assert bounds["cn-watch"] == (40, 40)
    assert bounds["cn-countermeasures"] == (14, 14)
    assert bounds["cn-military-end-users"][0] <= 55 <= bounds["cn-military-end-users"][1]


def test_every_entry_cites_its_source(entries):
    for e in entries.values():
        assert e.citation, e.id
        assert e.listed_on, e.id
        assert e.source_url or e.extra.get("url_note"), f"{e.id}: no url and no url_note"
        assert e.extra["confidence"] in ("official", "high", "medium", "low"), e.id
        assert e.status_history[0].status == "listed", e.id


def test_skydio_uel_suspensions(entries):
    skydio = entries["cn-uel:skydio"]
    assert skydio.name == "Skydio, Inc."
    assert names(skydio, "chinese") == ["斯凯迪奥公司"]
    assert skydio.citation == "不可靠实体清单工作机制公告〔2025〕7号"
    assert history(skydio) == [
        ("2025-04-04", "listed", None, False),
        ("2025-05-14", "suspended", "2025-08-12", False),
        ("2025-08-12", "suspended", "2025-11-10", False),
        ("2025-11-10", "suspended", "2026-11-10", True),
    ]
    assert skydio.status_history[-1].url == (
        "https://www.mofcom.gov.cn/syxwfb/art/2025/art_adc429fe09db443cb2e5837524bc2eda.html")


def test_skydio_control_list_lifted(entries):
    skydio = entries["cn-control:skydio"]
    assert history(skydio) == [("2025-03-04", "listed", None, False),
                               ("2025-11-10", "removed", None, False)]
    assert skydio.status_history[-1].confidence == "medium"


def test_uel_april_9_batch_paused_then_stopped(entries):
    shield = entries["cn-uel:shield-ai"]
    assert shield.listed_on == "2025-04-10"
    assert shield.extra["published"] == "2025-04-09"
    assert history(shield) == [("2025-04-10", "listed", None, False),
                               ("2025-05-14", "suspended", None, False),
                               ("2025-08-12", "removed", None, False)]


def test_uel_march_4_batch_stopped(entries):
    assert history(entries["cn-uel:cubic"])[-1] == ("2025-11-10", "removed", None, False)
    # china-lists.csv, Illumina: "that notice imposes no specific measure ... Measure added
    # 2025-03-04 by 〔2025〕6号 ... STOPPED from 2025-11-10 ... The local texts do not say
    # the 〔2025〕4号 listing itself was revoked." The listing stands; its measures change.
    illumina = entries["cn-uel:illumina"]
    assert illumina.measures == []
    assert history(illumina) == [("2025-02-04", "listed", None, False),
                                 ("2025-03-04", "amended", None, False),
                                 ("2025-11-10", "amended", None, False)]
    assert [(c["date"], c["measures"]) for c in illumina.extra["measure_changes"]] == [
        ("2025-03-04", ["prohibit_export_gene_sequencers_to_china"]), ("2025-11-10", [])]
    assert entries["cn-uel:pvh-group"].measures == []


def test_control_list_suspensions(entries):
    assert history(entries["cn-control:sierra-nevada"])[1:] == [
        ("2025-05-14", "suspended", "2025-08-12", False),
        ("2025-08-12", "suspended", "2025-11-10", False),
        ("2025-11-10", "suspended", "2026-11-10", True),
    ]
    assert history(entries["cn-control:insitu"])[1:] == [
        ("2025-05-14", "suspended", "2025-08-12", False),
        ("2025-08-12", "removed", None, False),
    ]
    assert history(entries["cn-control:lockheed-martin"]) == [("2025-01-02", "listed", None, False)]


def test_countermeasures(entries):
    assert history(entries["cn-countermeasures:ab-mano-bankas"])[-1] == (
        "2026-04-24", "removed", None, False)
    assert history(entries["cn-countermeasures:hanwha-philly-shipyard"])[-1] == (
        "2025-11-10", "suspended", "2026-11-10", True)
    assert entries["cn-countermeasures:compliance-testing"].names[-1].kind == "weak"


def test_rare_earth_companies_on_control_list(entries):
    assert entries["cn-control:mp-materials"].listed_on == "2026-06-22"
    assert entries["cn-control:usa-rare-earth"].listed_on == "2026-06-22"
    assert names(entries["cn-control:usa-rare-earth"], "acronym") == ["USAR", "USARE"]
    assert entries["cn-control:mp-materials"].measures == [
        "prohibit_dual_use_export", "prohibit_transfer_china_origin_dual_use"]


def test_lockheed_martin_missiles_and_fire_control(entries):
    uel = entries["cn-uel:lockheed-martin-missiles-and-fire-control"]
    assert names(uel, "chinese") == ["洛克希德·马丁导弹与火控公司"]
    assert uel.measures == ["prohibit_import_export", "prohibit_new_investment_in_china",
                            "entry_ban_senior_managers",
                            "revoke_work_residence_permits_senior_managers"]
    assert "cn-control:lockheed-martin-missiles-and-fire-control" in entries
    military = entries["cn-military-end-users:lockheed-martin-missiles-and-fire-control"]
    assert military.name == "Lockheed Martin Missiles and Fire Control"
    assert "cn-uel:lockheed-martin-missiles-and-fire-control" in military.extra["linked"]
    assert military.countries == ["US"]
    assert military.extra["reason"]


def test_techinsights_named_branches(entries):
    branches = [e for e in entries.values() if e.extra.get("parent") == "cn-uel:techinsights"]
    assert len(branches) == 9
    assert sorted(e.name for e in branches)[:3] == [
        "SARI Strategy Analytics Private Limited", "SARL Strategy Analytics",
        "Strategy Analytics GmbH Market Research and Management Consulting"]
    japan = entries["cn-uel:techinsights-japan"]
    assert japan.name == "TechInsights Japan KK"
    assert japan.countries == ["JP"]
    assert japan.measures[-2:] == ["prohibit_domestic_transactions", "prohibit_data_transfer"]
    assert entries["cn-uel:techinsights"].countries == ["CA"]


def test_executives_are_people(entries):
    taiclet = entries["cn-uel:james-donald-taiclet"]
    assert taiclet.type == "person"
    assert taiclet.extra["linked"] == ["cn-uel:lockheed-martin"]
    assert taiclet.measures == ["entry_ban", "revoke_work_residence_permits"]
    assert taiclet.extra["confidence"] == "medium"


def test_military_category(entries):
    e = entries["cn-military-end-users:us-department-of-defense"]
    category = e.extra["category"]
    assert category["closed_list"] is False
    assert category["criterion"] == {"end_user": ["military"], "end_use": ["military"]}
    policies = {p["id"]: p for p in category["policies"]}
    assert (policies["CN-46-A1"]["policy"], policies["CN-46-A1"]["countries"]) == ("PROHIBITED", ["US"])
    assert (policies["CN-2026-1"]["policy"], policies["CN-2026-1"]["countries"]) == ("PROHIBITED", ["JP"])
    assert policies["CN-2026-1"]["effective_from"] == "2026-01-06"
    assert policies["CN-61-A2"]["policy"] == "PRESUMPTION_OF_DENIAL"
    assert [(h["date"], h["status"], h["until"], h["horizon"]) for h in policies["CN-61-A2"]["history"]] == [
        ("2025-11-07", "suspended", "2026-11-10", True)]
    assert e.license_policy is None


def test_semiconductor_category(entries):
    tsmc = entries["cn-semiconductor-end-users:tsmc"]
    category = tsmc.extra["category"]
    assert category["closed_list"] is False
    assert category["criterion"]["end_use"] == [
        "logic_le_14nm", "memory_ge_256_layers", "semiconductor_equipment",
        "semiconductor_materials", "military_ai"]
    assert [p["policy"] for p in category["policies"]] == ["CASE_BY_CASE"]
    assert tsmc.license_policy == "CASE_BY_CASE"
    assert tsmc.extra["end_uses"] == ["logic_le_14nm"]
    assert history(tsmc)[-1] == ("2025-11-07", "suspended", "2026-11-10", True)
    assert entries["cn-semiconductor-end-users:asml"].extra["confidence"] == "medium"
    assert entries["cn-semiconductor-end-users:sk-hynix"].extra["end_uses"] == ["memory_ge_256_layers"]


def test_entries_round_trip_through_json(entries):
    e = entries["cn-military-end-users:us-department-of-defense"]
    back = Entry.from_dict(json.loads(json.dumps(e.to_dict(), ensure_ascii=False)))
    assert back == e
    assert back.content_hash() == e.content_hash()


# -- failure modes ---------------------------------------------------------------

GOOD = """\
list: cn-uel
announcement: "不可靠实体清单工作机制公告〔2099〕1号"
date: 2099-01-02
url: "https://example.org/notice"
expected_count: {min: 2, max: 2}
confidence: official
measures: [prohibit_import_export]
history:
  - {date: 2099-03-01, status: suspended, until: 2099-06-01, citation: "notice", confidence: high}
entries:
  - key: acme
    type: company
    name_en: "Acme Corp."
    name_zh: "阿克米公司"
    country: US
  - key: acme-japan
    type: company
    name_en: "Acme Japan KK"
    parent: cn-uel:acme
    history:
      - {date: 2099-02-01, status: removed, citation: "notice 2", confidence: medium}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_file(tmp_path):
    path = write(tmp_path, "a.yaml", GOOD)
    acme, japan = parse(path)
    assert acme.id == "cn-uel:acme"
    assert [(n.value, n.kind) for n in acme.names] == [("Acme Corp.", "primary"), ("阿克米公司", "chinese")]
    assert acme.measures == ["prohibit_import_export"]
    assert history(japan) == [("2099-01-02", "listed", None, False),
                              ("2099-02-01", "removed", None, False),
                              ("2099-03-01", "suspended", "2099-06-01", False)]
    assert japan.extra["parent"] == "cn-uel:acme"


def test_chinese_only_name_is_primary(tmp_path):
    text = GOOD.replace('    name_en: "Acme Japan KK"\n', '    name_zh: "阿克米日本"\n')
    _, japan = parse(write(tmp_path, "a.yaml", text))
    assert [(n.value, n.kind) for n in japan.names] == [("阿克米日本", "primary")]


def test_alias_forms(tmp_path):
    text = GOOD.replace('    country: US\n', '    aliases: ["Acme", {former: ["Old Acme"]}, {acronym: [AC]}]\n'
                                             '    country: US\n')
    acme, _ = parse(write(tmp_path, "a.yaml", text))
    assert [(n.value, n.kind) for n in acme.names][2:] == [
        ("Acme", "alias"), ("Old Acme", "former"), ("AC", "acronym")]


def test_count_outside_bounds(tmp_path):
    path = write(tmp_path, "a.yaml", GOOD.replace("{min: 2, max: 2}", "{min: 3, max: 5}"))
    with pytest.raises(CountOutOfBounds, match=r"a\.yaml: 2 entries, expected between 3 and 5"):
        list(parse(path))


def test_count_outside_bounds_in_tree(tmp_path):
    write(tmp_path, "cn-uel/a.yaml", GOOD.replace("{min: 2, max: 2}", "{min: 0, max: 1}"))
    with pytest.raises(CountOutOfBounds, match="a.yaml"):
        list(parse_dir(tmp_path))


def test_malformed_yaml(tmp_path):
    path = write(tmp_path, "bad.yaml", GOOD.replace("entries:\n", "entries: [\n"))
    with pytest.raises(ImportFailed, match=r"bad\.yaml: line \d+: malformed YAML"):
        list(parse(path))


@pytest.mark.parametrize("old, new, message", [
    ("list: cn-uel", "list: cn-nope", "unknown list id 'cn-nope'"),
    ("list: cn-uel", "list: us-el", "unknown list id 'us-el'"),
    ("  - key: acme\n", "  - \n", "entries\\[0\\]: key is missing"),
    ("key: acme-japan", "key: Acme Japan", "key is missing or not a lower-case slug"),
    ("key: acme-japan", "key: acme", "duplicate key 'acme' in list cn-uel"),
    ("date: 2099-01-02", "date: 2099-13-02", "bad date '2099-13-02'"),
    ("date: 2099-01-02", 'date: "2 Jan 2099"', "bad date '2 Jan 2099'"),
    ("[prohibit_import_export]", "[prohibit_everything]", "unknown measure code"),
    ("confidence: official", "confidence: sure", "confidence 'sure'"),
    ("status: removed", "status: deleted", "status 'deleted'"),
    ("until: 2099-06-01", "until: 2098-06-01", "until 2098-06-01 is before"),
    ('citation: "notice 2", ', "", "citation is missing"),
    ("    country: US\n", "    country: USA\n", "bad country code 'USA'"),
    ("    country: US\n", "    countyr: US\n", "unknown field\\(s\\) countyr"),
    ("type: company\n    name_en: \"Acme Corp.\"", "type: company\n    type: person", "duplicate field 'type'"),
    ("expected_count: {min: 2, max: 2}", "expected_count: 2", "expected_count must be"),
    ('    name_en: "Acme Japan KK"\n', "", "needs name_en or name_zh"),
])
def test_invalid_file(tmp_path, old, new, message):
    assert old in GOOD
    path = write(tmp_path, "bad.yaml", GOOD.replace(old, new, 1))
    with pytest.raises(ImportFailed, match=message) as info:
        list(parse(path))
    assert str(path) in info.value.message
    assert "\n" not in info.value.message


def test_duplicate_key_across_files(tmp_path):
    write(tmp_path, "cn-uel/2099-01-02-a.yaml", GOOD)
    second = write(tmp_path, "cn-uel/2099-02-02-b.yaml", GOOD.replace("key: acme-japan", "key: acme-korea"))
    with pytest.raises(ImportFailed, match="duplicate key 'acme' in list cn-uel") as info:
        list(parse_dir(tmp_path))
    assert str(second) in info.value.message


def test_unknown_parent(tmp_path):
    write(tmp_path, "cn-uel/a.yaml", GOOD.replace("parent: cn-uel:acme", "parent: cn-uel:acme-holdings"))
    with pytest.raises(ImportFailed, match="refers to unknown entry 'cn-uel:acme-holdings'"):
        list(parse_dir(tmp_path))


def test_tree_skips_readme_and_rule_files(tmp_path):
    write(tmp_path, "cn-uel/a.yaml", GOOD)
    write(tmp_path, "README.md", "# not a list\n")
    write(tmp_path, "rules.yaml", "rules: [this is not a list file]\n")
    write(tmp_path, "cn-uel/rules-extra.yaml", "not: a list\n")
    assert [e.id for e in parse_dir(tmp_path)] == ["cn-uel:acme", "cn-uel:acme-japan"]
    assert expected_counts(tmp_path) == {"cn-uel": (2, 2)}


def test_category_must_be_open(tmp_path):
    category = """\
category:
  covers: "test"
  closed_list: true
  criterion: {end_use: [military]}
  citation: "test"
  policies:
    - {id: T-1, policy: PROHIBITED, countries: [US], effective_from: 2099-01-01, citation: "t", confidence: high}
"""
    text = GOOD.replace("list: cn-uel", "list: cn-military-end-users").replace("cn-uel:acme", "cn-military-end-users:acme")
    path = write(tmp_path, "c.yaml", text + category)
    with pytest.raises(ImportFailed, match="closed_list must be false"):
        list(parse(path))
    path.write_text(text + category.replace("closed_list: true", "closed_list: false"), encoding="utf-8")
    acme, _ = parse(path)
    assert acme.extra["category"]["policies"][0]["effective_from"] == "2099-01-01"
    path.write_text(text + category.replace("closed_list: true", "closed_list: false")
                    .replace("PROHIBITED", "FORBIDDEN"), encoding="utf-8")
    with pytest.raises(ImportFailed, match="policy 'FORBIDDEN'"):
        list(parse(path))
