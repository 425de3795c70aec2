"""Round 20 (session 25): three readings from OFAC SDN and CSL aliases in the derived
sets' tuning folds (0-2), each general, each with pairs that must stay apart.

- "J/V" is a joint venture, read as "JV" (abbreviations.yaml), not two initials;
- Lebanon's offshore company, "S.A.L. (Off-Shore)", is a legal form (Law 46/2019);
- a name after bin / ben with its article between ("Ben Al-Azhar") is a patronymic.
"""

import pytest

from screening.matching import compare, form_pairs
from screening.matching.alignment import is_patronymic
from screening.matching.normalize import fold_tokens
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD


def _pair(query, listed, schema="person"):
    return max(form_pairs(query, listed, schema), key=lambda fp: len(fp[1].query.texts))[1]


def test_j_v_is_a_joint_venture():
    # SDN: KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION, a.k.a. ... J/V CORPORATION
    assert fold_tokens("Korea Ryenha Machinery J/V Corporation")[-2:] == ["jv", "corporation"]
    assert compare("KOREA RYENHA MACHINERY J/V CORPORATION",
                   "KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize("written, folded", [
    ("Maersk A/S", ["maersk", "a", "s"]),  # Danish A/S stays the legal form it is
    ("Petrobras S/A", ["petrobras", "s", "a"]),
    ("Ram s/o Shyam", ["ram", "s", "o", "shyam"]),  # son of: two names, not a word
    ("TJ/V Holding", ["tj", "v", "holding"]),  # not a lone J/V
])
def test_other_slashed_letters_are_not_joined(written, folded):
    assert fold_tokens(written) == folded


@pytest.mark.parametrize("listed", [
    "CONCEPTO SCREEN SAL OFF-SHORE",
    "CONCEPTO SCREEN S.A.L. (OFFSHORE)",
    "Concepto Screen SAL (Off Shore)",
])
def test_lebanese_offshore_company_form_is_a_legal_form(listed):
    # SDN: CONCEPTO SCREEN SAL OFF-SHORE, a.k.a. CONCEPTOSCREEN
    assert compare("CONCEPTOSCREEN", listed)[0] >= MATCH_THRESHOLD
    assert compare("Concepto Screen", listed, "company")[0] >= MATCH_THRESHOLD


def test_offshore_as_a_name_word_stays():
    pair = _pair("Offshore Drilling SAL", "Offshore Drilling", "company")
    assert pair.query.texts == ("offshore", "drilling")


def test_patronymic_after_bin_and_an_article():
    # SDN: BEN SOLTANE, Adel Ben Al-Azhar Ben Youssef (a.k.a. BEN SOLTANE, Adel)
    pair = _pair("Adel Ben Al-Azhar Ben Youssef", "Adel")
    texts = pair.query.texts
    assert is_patronymic(pair.query, texts.index("azhar"))
    assert is_patronymic(pair.query, texts.index("youssef"))
    assert not is_patronymic(pair.query, texts.index("adel"))


def test_another_father_after_the_article_contradicts():
    assert compare("Adel Ben Al-Azhar", "Adel Ben Youssef", "person")[0] < REVIEW_THRESHOLD
