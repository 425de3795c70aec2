"""Text primitives: controls, homoglyphs, transliteration, skeletons."""

import pytest

from screening.matching.normalize import consonants, fold_tokens, skeleton, strip_controls


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
    "hebrew, latin",
    [("כהן", "khn"), ("בנימין", "bnymyn"), ("פרס", "prs"), ("אבא", "'v'")],
)
def test_hebrew_b_k_p_are_hard_at_the_start_of_a_word(hebrew: str, latin: str) -> None:
    """Word-initial ב כ פ take a dagesh (b, k, p: Binyamin, Cohen, Peres); inside a
    word anyascii's soft reading stays (אבא, abba, is read with v: a guess either way)."""
    from screening.matching.normalize import transliterate

    assert transliterate(hebrew) == latin
