"""Text primitives: controls, homoglyphs, transliteration, skeletons."""

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
