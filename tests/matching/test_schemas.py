"""FollowTheMoney schema names: "Person", "Company", "LegalEntity"... are understood (issue 14)."""

import pytest

from screening.matching import compare
from screening.matching.schemas import canonical_schema


@pytest.mark.parametrize(
    "given, kind",
    [
        ("Person", "person"),
        ("PERSON", "person"),
        ("individual", "person"),
        ("Company", "company"),
        ("Organization", "company"),
        ("LegalEntity", "company"),
        ("legal_entity", "company"),
        ("Vessel", "vessel"),
        (None, None),
        ("", None),
    ],
)
def test_canonical_schema(given, kind):
    assert canonical_schema(given) == kind


@pytest.mark.parametrize("spelling", ["Person", "PERSON", "person"])
def test_ftm_person_scores_like_ours(spelling):
    # a prefix-extended family name is another person: the person rules must apply
    assert compare("Rubio Marco", "Rubino Marco", spelling)[0] == compare("Rubio Marco", "Rubino Marco", "person")[0]
    assert compare("Rubio Marco", "Rubino Marco", spelling)[0] < 0.85


@pytest.mark.parametrize("spelling", ["Company", "Organization", "LegalEntity", "company"])
def test_ftm_company_scores_like_ours(spelling):
    got = compare("Zentrix Holdings Ltd", "Zentrix Holdings Limited", spelling)[0]
    assert got == compare("Zentrix Holdings Ltd", "Zentrix Holdings Limited", "company")[0] == 1.0


def test_bench_pairs_reads_ftm_schema_column(tmp_path):
    """`screening bench pairs` (pairs_report) scores FtM schema names like ours."""
    from screening.evaluation import pairs_report

    path = tmp_path / "pairs.csv"
    path.write_text(
        "name1,name2,is_match,schema\n"
        "Rubio Marco,Rubino Marco,0,Person\n"
        "Zentrix Holdings Ltd,Zentrix Holdings Limited,1,Company\n"
        "Zentrix Holdings Ltd,Zentrix Holdings Limited,1,LegalEntity\n",
        encoding="utf-8",
    )
    report = pairs_report(path)
    assert report["n"] == 3 and report["f1"] == 1.0, report["errors"]
