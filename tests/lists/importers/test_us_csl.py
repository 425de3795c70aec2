"""US Consolidated Screening List importer: golden rows of the real files,
per-source counts, JSON/CSV parity and truncation detection."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import shared_path
from screening.errors import ImportFailed
from screening.lists.importers import us_csl

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "importers"

#: Per-list counts of watchman/csl.csv (shared/data/README.md).
WATCHMAN_COUNTS = {
    "us-sdn": 1738, "us-el": 919, "us-dpl": 577, "us-ssi": 288, "us-uvl": 186, "us-isn": 144,
    "us-dtc": 142, "us-plc": 78, "us-meu": 71, "us-cmic": 68, "us-mbs": 14, "us-fse": 1, "us-cap": 1,
}
#: Per-list counts of derived/csl-2026.csv (shared/data/README.md §6).
CSL_2026_COUNTS = {
    "us-sdn": 19249, "us-el": 3409, "us-dtc": 779, "us-dpl": 564, "us-isn": 528,
    "us-meu": 70, "us-cmic": 68,
}


@pytest.fixture(scope="module")
def consolidated() -> dict:
    path = shared_path("data", "watchman", "consolidated.csv")
    return {e.id: e for e in us_csl.parse_csv(path)}


@pytest.fixture(scope="module")
def watchman() -> list:
    # The extract's last row is cut off mid-cell; strict=False keeps it.
    return list(us_csl.parse_csv(shared_path("data", "watchman", "csl.csv"), strict=False))


# --- consolidated.csv (13 rows, golden) -----------------------------------------

def test_consolidated_row_count_and_lists(consolidated):
    assert len(consolidated) == 13
    assert Counter(e.list_id for e in consolidated.values()) == {
        "us-ssi": 3, "us-plc": 2, "us-isn": 1, "us-uvl": 1, "us-meu": 1, "us-sdn": 1,
        "us-dtc": 1, "us-dpl": 1, "us-fse": 1, "us-el": 1,
    }


def test_consolidated_entity_list_row(consolidated):
    e = consolidated["us-el:99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7be"]
    assert e.name == "China Electronics Technology Group Corporation 13th Research Institute (CETC 13)"
    assert e.citation == "83 FR 37423; 87 FR 77505"
    assert e.listed_on == "2018-08-01"
    assert e.license_policy == "POLICY_OF_DENIAL"
    assert e.license_policy_partial is True  # "... EAR99, which will be reviewed on a case-by-case basis"
    assert e.license_policy_text.startswith("Policy of denial for all items subject to the EAR apart from food")
    assert e.license_requirement == "For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)"
    assert e.fdp_footnote == "3"
    assert e.countries == ["CN"]
    assert ("CETC 13", "acronym") in [(n.value, n.kind) for n in e.names]
    assert ("CETC Research Institute 13", "alias") in [(n.value, n.kind) for n in e.names]  # "and " dropped
    assert e.addresses[0] == "113 Hezuo Road, Shijiazhuang, Hebei, China"


def test_consolidated_sdn_individual(consolidated):
    e = consolidated["us-sdn:52291"]
    assert (e.type, e.name, e.programs) == ("person", "RIM, Ryong Nam", ["NPWMD"])
    assert e.countries == ["CN", "KP"]
    assert e.identifiers == [{"type": "Passport", "value": "836238033", "country": "KP"}]
    assert e.extra["dates_of_birth"] == ["1978-12-05"]
    assert e.extra["gender"] == "male"


def test_consolidated_plc_aliases_and_details(consolidated):
    e = consolidated["us-plc:9673"]
    assert [(n.value, n.kind) for n in e.names] == [
        ("Mohammed ABU JHEISHEH", "primary"),
        ("Mohammad Mutlaq ABU JHESHEH", "alias"),
        ("Mohammed ABU JEHEISHA", "alias"),
    ]
    assert e.remarks == "HAMAS - Hebron"
    assert e.extra["places_of_birth"] == ["Izna, Hebron"]


def test_consolidated_other_lists(consolidated):
    isn = consolidated["us-isn:233a4d725770c81fb561ffe3842c14010c2201971d6be62eca1e613b"]
    assert isn.name == "Sinobright Import and Export Company"  # successor boilerplate dropped
    assert isn.citation == "Vol. 88, No. 151, 08/08/2023"
    assert isn.listed_on == "2023-07-19"
    assert isn.programs == ["INKSNA"]
    meu = consolidated["us-meu:66f6ab3f26234b75a9093fce79ef0ce0"]
    assert meu.type == "organization"
    assert meu.license_policy is None  # "... is specified in §744.21(d) and (e)": no policy words
    assert meu.countries == ["CN"]
    dpl = consolidated["us-dpl:b601cbf2841d0aaedfe63661581ffbc3d54b6ba39d7e3a9027cff50e"]
    assert dpl.extra["end_date"] == "2056-06-29"
    assert dpl.extra["type_inferred"] is True
    assert dpl.countries == ["US"]
    ssi = consolidated["us-ssi:28603"]
    assert ssi.programs == ["VENEZUELA-EO13850", "UKRAINE-EO13662"]
    assert ssi.identifiers[0] == {"type": "V.A.T. Number", "value": "CHE-267.936.404", "country": "CH"}
    assert consolidated["us-fse:26182"].countries == ["TR"]


# --- watchman/csl.csv (4,227 rows, Nov 2023 extract) ----------------------------

def test_watchman_counts_per_source(watchman):
    assert len(watchman) == 4227
    assert Counter(e.list_id for e in watchman) == WATCHMAN_COUNTS
    assert len({e.id for e in watchman}) == 4227


def test_watchman_truncated_last_row_fails_when_strict():
    path = shared_path("data", "watchman", "csl.csv")
    with pytest.raises(ImportFailed) as exc:
        list(us_csl.parse_csv(path))
    assert exc.value.message == f"{path}: line 4233: bad CSV: quoted field never closed (truncated file?)"


def test_watchman_truncated_last_row_kept_when_lenient(watchman):
    last = watchman[-1]
    assert (last.id, last.name) == ("us-sdn:11476", "BERMUDEZ SUAZA, Pedro Antonio")


def test_watchman_northwestern_polytechnical_university(watchman):
    (e,) = [e for e in watchman if e.name == "Northwestern Polytechnical University"]
    assert e.list_id == "us-el"
    assert e.type == "organization"
    assert e.citation == "66 FR 24266; 75 FR 78883; 77 FR 58006; 81 FR 64696 and 84 FR 40241, 87 FR 62202; 88 FR"
    assert e.license_policy_text == "Presumption of denial."
    assert (e.license_policy, e.license_policy_partial) == ("PRESUMPTION_OF_DENIAL", False)
    assert e.license_requirement == "For all items subject to the EAR. (See §744.11 of the EAR)"
    assert e.listed_on == "2001-05-14"
    assert e.fdp_footnote is None
    assert "Northwest Polytechnical University" in [n.value for n in e.names]


def test_watchman_entity_list_policies(watchman):
    el = [e for e in watchman if e.list_id == "us-el"]
    assert Counter(e.license_policy for e in el) == {
        "PRESUMPTION_OF_DENIAL": 796, None: 87, "CASE_BY_CASE": 32,
        "LICENSE_REQUIRED": 2, "POLICY_OF_DENIAL": 2,
    }
    (gru,) = [e for e in el if e.name == "Main Intelligence Directorate"]
    assert (gru.license_policy, gru.license_policy_partial, gru.fdp_footnote) == ("POLICY_OF_DENIAL", True, "3")


def test_watchman_fdp_footnote_4_for_supercomputer_entries(watchman):
    fn4 = sorted(e.name for e in watchman if e.fdp_footnote == "4")
    assert len(fn4) == 4
    assert fn4[0].startswith("National Supercomputing Center")
    assert "National University of Defense Technology (NUDT)" in fn4


def test_watchman_former_name_from_remarks(watchman):
    (e,) = [e for e in watchman if e.list_id == "us-el" and e.name == "Rosneft Trade Limited"]
    assert ("TNK Trade Limited", "former") in [(n.value, n.kind) for n in e.names]


def test_watchman_fka_inside_name_cell(watchman):
    (e,) = [e for e in watchman if e.name == "Gazprom Promgaz, AO"]
    assert ("Otkrytoe Aktsionernoe Obshchestvo Gazprom Promgaz", "former") in [(n.value, n.kind) for n in e.names]


# --- derived/csl-2026.csv (24,667 rows, full size) ------------------------------

def test_watchman_persons_on_persons_lists_are_people(watchman):
    # The CSL types every row of the DPL and the ITAR debarred list "Entity" (or
    # leaves it empty), though most are individuals ("Denied Persons"); read as
    # companies they met "Michelle Cox" as "MICHAEL COX" (no person rules).
    dpl = [e for e in watchman if e.list_id == "us-dpl"]
    dtc = [e for e in watchman if e.list_id == "us-dtc"]
    assert sum(e.type == "person" for e in dpl) >= 400 and sum(e.type == "person" for e in dtc) >= 120
    # firms on those lists keep a firm's type: a legal form or a business word
    firms = [e for e in dpl + dtc if e.type == "person" and any(
        w in e.name.upper().split() for w in ("LTD", "LTD.", "GMBH", "CORPORATION", "AIRLINES", "TRADING", "GROUP", "AVIATION"))]
    assert firms == []
    # other lists are not guessed: an Entity List "Huawei OpenLab, Singapore" has a person's form
    assert not [e for e in watchman if e.list_id in ("us-el", "us-isn", "us-meu") and e.type == "person"]


@pytest.mark.parametrize(
    "source, name, expected",
    [
        ("Denied Persons List (DPL) - Bureau of Industry and Security", "AIDEN DAVIDSON", "person"),
        ("Denied Persons List (DPL) - Bureau of Industry and Security", "MISSION COMMUNICATIONS", "company"),
        ("Denied Persons List (DPL) - Bureau of Industry and Security", "AL-NASER AIRLINES", "company"),
        ("ITAR Debarred (DTC) - State Department", "Li, Qingshan", "person"),
        ("ITAR Debarred (DTC) - State Department", "Summit Marketing Inc.", "company"),
        ("Entity List (EL) - Bureau of Industry and Security", "Huawei OpenLab, Singapore", "company"),
        ("Nonproliferation Sanctions (ISN) - State Department", "Agroplast, a.s.", "company"),
        # helper-35's review: firms with dotted or Nordic legal forms, and people with a generation or a nickname
        ("Denied Persons List (DPL) - Bureau of Industry and Security", "COTRICOM S.A.", "company"),
        ("Denied Persons List (DPL) - Bureau of Industry and Security", "YARRA ANSTALT A.G.", "company"),
        ("Denied Persons List (DPL) - Bureau of Industry and Security", "SUNTRONIC F.Z.E.", "company"),
        ("Denied Persons List (DPL) - Bureau of Industry and Security", "DATASAAB CONTRACTING AB", "company"),
        ("Denied Persons List (DPL) - Bureau of Industry and Security", "GLOBE COMPUTERS", "company"),
        ("ITAR Debarred (DTC) - State Department", "Andrade, Jr., Ramon", "person"),
        ("Denied Persons List (DPL) - Bureau of Industry and Security", 'SHAOHUA "ERIC" WANG', "person"),
        ("Denied Persons List (DPL) - Bureau of Industry and Security", "RAFAEL PALOMARES, JR.", "person"),
    ],
)
def test_entity_type_guessed_from_the_name_on_lists_of_people(source, name, expected):
    entry = us_csl.row_to_entry({"source": source, "name": name, "type": "Entity"}, "x")
    assert entry.type == expected


def test_csl_2026_counts_and_unique_ids():
    entries = list(us_csl.parse_csv(shared_path("data", "derived", "csl-2026.csv")))
    assert len(entries) == 24667
    assert Counter(e.list_id for e in entries) == CSL_2026_COUNTS
    assert len({e.id for e in entries}) == 24667
    el = [e for e in entries if e.list_id == "us-el"]
    assert {e.license_policy for e in el} == {None}  # the derived file has no policy column values
    assert all(e.license_requirement for e in el)
    assert Counter(e.fdp_footnote for e in el)["1"] >= 100  # Huawei affiliates: "734.9(e) 1"
    huawei = next(e for e in el if e.name == "Huawei Cloud Argentina")
    assert huawei.fdp_footnote == "1"
    assert huawei.id == "us-el:" + huawei.extra["csl_id"]


# --- JSON -------------------------------------------------------------------------

def test_json_parity_with_csv(consolidated):
    from_json = {e.id: e for e in us_csl.parse_json(FIXTURES / "csl_sample.json")}
    assert sorted(from_json) == sorted([
        "us-sdn:52291", "us-el:99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7be",
        "us-plc:9673", "us-ssi:28603",
    ])
    same = ("list_id", "type", "names", "countries", "identifiers", "programs", "citation",
            "listed_on", "license_requirement", "license_policy_text", "license_policy",
            "license_policy_partial", "fdp_footnote", "remarks", "source_url", "status_history")
    for entry_id, j in from_json.items():
        c = consolidated[entry_id]
        for attr in same:
            assert getattr(j, attr) == getattr(c, attr), (entry_id, attr)
    # JSON addresses are dicts; they flatten to "address, city, state, zip, country".
    assert from_json["us-ssi:28603"].addresses == ["place du Lac 2, Geneve, 1204, CH"]
    assert from_json["us-el:99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7be"].addresses == \
        consolidated["us-el:99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7be"].addresses


def test_json_plain_list(tmp_path):
    records = json.loads((FIXTURES / "csl_sample.json").read_text(encoding="utf-8"))["results"]
    path = tmp_path / "csl.json"
    path.write_text(json.dumps(records[2:3]), encoding="utf-8")
    assert [e.id for e in us_csl.parse_json(path)] == ["us-plc:9673"]


# --- malformed input ----------------------------------------------------------------

HEADER = ",".join(us_csl.CSL_COLUMNS)


def _row(**cells: str) -> str:
    return ",".join(f'"{cells.get(c, "")}"' for c in us_csl.CSL_COLUMNS)


def test_short_last_row_fails(tmp_path):
    path = tmp_path / "consolidated.csv"
    good = _row(_id="1", source="Entity List (EL) - Bureau of Industry and Security", name="Acme")
    path.write_text(f"{HEADER}\n{good}\n\"2\",\"Entity List (EL) - Bureau of Industry and Security\",\"\"\n",
                    encoding="utf-8")
    with pytest.raises(ImportFailed) as exc:
        list(us_csl.parse_csv(path))
    assert exc.value.message == f"{path}: line 3: row has 3 columns, expected 29 (truncated file?)"


def test_unclosed_quote_fails(tmp_path):
    path = tmp_path / "consolidated.csv"
    path.write_text(f'{HEADER}\n"1","Entity List (EL) - Bureau of Industry and Security","","","","Acme',
                    encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"line 2: bad CSV: quoted field never closed"):
        list(us_csl.parse_csv(path))


def test_broken_json_fails(tmp_path):
    path = tmp_path / "consolidated.json"
    path.write_text('{"results": [{"source": "Entity List (EL)", "name": "Acme"}, {"sou', encoding="utf-8")
    with pytest.raises(ImportFailed) as exc:
        list(us_csl.parse_json(path))
    assert exc.value.message.startswith(f"{path}: line 1: invalid JSON:")
    assert "\n" not in exc.value.message


@pytest.mark.parametrize("content", ["", HEADER + "\n"])
def test_empty_or_header_only_fails(tmp_path, content):
    path = tmp_path / "consolidated.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"(empty file|no CSL rows found)$"):
        list(us_csl.parse_csv(path))


def test_bom_and_gzip(tmp_path):
    import gzip

    body = f"{HEADER}\n{_row(_id='x1', source='Entity List (EL) - Bureau of Industry and Security', name='Acme Ltd.')}\n"
    plain = tmp_path / "bom.csv"
    plain.write_text("\ufeff" + body, encoding="utf-8")
    packed = tmp_path / "csl.csv.gz"
    packed.write_bytes(gzip.compress(body.encode("utf-8")))
    assert [e.id for e in us_csl.parse_csv(plain)] == ["us-el:x1"]
    assert [e.id for e in us_csl.parse_csv(packed)] == ["us-el:x1"]


def test_row_without_ids_gets_hash_key():
    row = {"source": "Entity List (EL) - Bureau of Industry and Security", "name": "Acme Ltd."}
    assert us_csl.entry_key(row) == us_csl.entry_key(dict(row))
    assert us_csl.entry_key(row).startswith("h") and len(us_csl.entry_key(row)) == 17
    assert us_csl.entry_key({**row, "_id": "abc"}) == "abc"
    assert us_csl.entry_key({**row, "_id": "abc", "entity_number": "123"}) == "123"


@pytest.mark.parametrize(
    "requirement,expected",
    [
        ("For all items subject to the EAR. (See §§ 734.9(e) and 744.11 of the EAR)4", "4"),
        ("For all items subject to the EAR, see §§ 734.9(e) 1 and 744.11 of the EAR 2", "1"),
        ("For all items subject to the EAR (See §§ 734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR) 5", "5"),
        ("For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR) 4", "4"),
        ("All items subject to the EAR.  (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)", "3"),
        ("For all items subject to the EAR. (See § 744.11 of the EAR)", None),
        ("For all items subject to the EAR; footnote 1 applies", "1"),
    ],
)
def test_fdp_footnote(requirement, expected):
    assert us_csl.fdp_footnote(requirement, "Presumption of denial.") == expected


def test_iso_date():
    assert us_csl.iso_date("2023-07-19") == "2023-07-19"
    assert us_csl.iso_date("9/4/02") == "2002-09-04"
    assert us_csl.iso_date("08/08/2023") == "2023-08-08"
    assert us_csl.iso_date("2023") is None


# --- the listing date from the Federal Register citation (helper-76's review) ------------

@pytest.mark.parametrize("citation, day", [
    ("84 FR 22963, 5/21/19", "2019-05-21"),
    ("84 FR 54004, 10/9/19.; 85 FR 34505, 6/5/20.; 85 FR 44161, 7/22/20", "2019-10-09"),  # the first notice
    ("62 FR 35334, 6/30/97", "1997-06-30"),
    ("83 FR 37423; 87 FR 77505", None),  # no date written
    (None, None),
])
def test_citation_date(citation, day):
    assert us_csl.citation_date(citation) == day


def test_an_entry_without_a_start_date_is_listed_from_its_first_notice():
    """rules.md §8.4: "US-EL-<entry> | FR date per entry". The Entity List's CSL rows have no
    start_date, so a screening as of a day before Huawei's listing found it listed."""
    path = shared_path("data", "derived", "csl-2026.csv")
    huawei = next(e for e in us_csl.parse_csv(path) if e.name == "Huawei Technologies Co., Ltd.")
    assert huawei.listed_on == "2019-05-21"
    assert huawei.extra["listed_on_from"] == "federal_register_notice"


def test_other_lists_are_not_dated_by_their_citation():
    """A Denied Persons or ISN citation may date a later notice than the listing (helper-78:
    Virgil Griffith, DPL, start 2023-05-08, cited 5/12/2023); only the Entity List's rows,
    whose citation date is their start date, are dated so."""
    row = {"source": "Denied Persons List (DPL) - Bureau of Industry and Security", "name": "Test Person",
           "type": "Individual", "federal_register_notice": "88 FR 30000, 5/12/2023", "start_date": ""}
    assert us_csl.row_to_entry(row, "us-dpl").listed_on is None
    assert us_csl.row_to_entry(row, "us-el").listed_on == "2023-05-12"
