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


# Prefixes of opposite meaning (word_lists.yaml contrasting_prefixes): issue 14 asks to
# stop false positives on words that look alike and mean something else.
@pytest.mark.parametrize("query, listed", [
    ("Offshore Drilling SAL", "Onshore Drilling SAL"),  # 0.86, a match, before
    ("Interlink Systems", "Intralink Systems"),  # 0.97
    ("Microtek Systems", "Macrotek Systems"),  # 0.98
    ("John Underwood", "John Overwood"),
    ("Intertrade Ltd", "Intratrade Ltd"),
])
def test_words_apart_by_a_contrasting_prefix_are_two_words(query, listed):
    assert compare(query, listed)[0] < REVIEW_THRESHOLD


@pytest.mark.parametrize("query, listed", [
    ("Offshore Drilling", "Ofshore Drilling"),  # a typing slip stays one
    ("Interlink Systems", "Interlinc Systems"),
    ("Upstream Energy", "Upstrem Energy"),
    ("Import Export Co", "Import Export Company"),  # both words, each in both names
])
def test_a_slip_beside_a_prefix_still_matches(query, listed):
    assert compare(query, listed)[0] >= MATCH_THRESHOLD


def test_contrasting_prefixes_need_a_stem():
    from screening.matching.strings import contrasting

    assert contrasting("offshore", "onshore") and contrasting("import", "export")
    assert not contrasting("onto", "offto")  # "to": too short a stem to be a word
    assert not contrasting("inland", "inland")
    assert not contrasting("interlink", "interlinc")
