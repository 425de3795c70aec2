"""Text primitives: controls, homoglyphs, transliteration, skeletons."""

import pytest

from screening.matching.normalize import consonants, fold_tokens, fold_word, skeleton, strip_controls


def test_zero_width_and_bidi_removed():
    assert strip_controls("Hua\u200bwei\u202e") == "Huawei"


def test_fold_tokens():
    assert fold_tokens("Gui'an New District Huawei Investment Co., Ltd.") == [
        "guian", "new", "district", "huawei", "investment", "co", "ltd",
    ]
    assert fold_tokens("Research & Development") == ["research", "and", "development"]
    assert fold_tokens("Владимир Путин") == ["vladimir", "putin"]
    assert fold_tokens("Société Générale") == ["societe", "generale"]


def test_skeleton_meets_transliteration_variants():
    assert skeleton("kholmogrant") == skeleton("holmogrant")
    assert skeleton("zhytomyrskyi") == skeleton("zhitomirskiy")
    assert skeleton("petrov") != skeleton("pavlov")


def test_consonants_meet_abjad_spellings():
    assert consonants("mhmd") == consonants("mohamed")
    assert consonants("dvd") == consonants("david")
    assert consonants("mohamed") != consonants("ahmed")


@pytest.mark.parametrize(
    "hebrew, hard",
    [("כהן", "khn"), ("בנימין", "bnymyn"), ("פרס", "prs"), ("אבא", "'v'"), ("פֿישער", "fys'r")],
)
def test_hebrew_b_k_p_that_start_a_word_are_hard_in_the_second_reading(hebrew: str, hard: str) -> None:
    """Word-initial ב כ פ are hard in Hebrew words (b, k, p: Binyamin, Cohen, Peres) and
    often soft in foreign names (Friedman, Fatma, Khalifa): anyascii's soft reading stays
    the first, the hard one is the second (names._other_transliterations); a rafe (פֿ) is soft."""
    from screening.matching.normalize import hebrew_hard, transliterate

    assert transliterate(hebrew_hard(hebrew)) == hard
    assert transliterate("פרידמן") == "frydmn"  # the first reading keeps the soft F


def test_plus_after_a_word_is_plus():
    """EN+ Group is listed as "EN+ GROUP PLC" and written "En Plus Group" (helper-50's set)."""
    assert fold_word("EN+") == ("en", "plus")
    assert fold_word("Canal+") == ("canal", "plus")
    assert fold_word("1+1") == ("1", "1")
