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
