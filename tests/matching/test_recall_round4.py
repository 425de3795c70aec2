"""Recall round 4 (issue 14, SDN alias pairs of derived folds 0-2): failure categories, made-up names.

Each test failed before the change it covers:
- a vowel added after a vowel read as a gendered form (Ozmai / Ozmaie);
- Arabic and Persian names read as pinyin because their parts spell in pinyin
  syllables (a-li ha-she-mi), so only exact parts counted;
- vowels a romanisation writes either way (Shokry / Shukri, Izzat / Ezzat);
- a name part written joined on one side and apart on the other, with the
  Arabic article or a vowel written otherwise (Elmaghraby / Al-Maghrabi,
  Noorzadi / Nur Zadi);
- Korean 태 as North Korea writes it (Thae) and as McCune-Reischauer does (T'ae);
- a Russian place adjective read as a gendered form (Novovyatsk / Novovyatski),
  and romanised Russian industry words with no English reading (mekhanicheski,
  aviaremontny, poluprovodniki, strakhovaya).
"""

import pytest

from screening.matching import Matcher, compare
from screening.matching.strings import token_match, vowel_spelling
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD
from screening.types import Entry, Name


def score(a, b, schema="person"):
    return compare(a, b, schema)[0]


# ------------------------------------------------ a vowel after a vowel is not a gender
def test_a_vowel_added_after_a_vowel_is_a_spelling():
    assert token_match("tabrizie", "tabrizi", "tabrizie", "tabrizi")[1] != "gendered"
    assert score("TABRIZIE, Omid", "TABRIZI, Omid") >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Olga Sokolova", "Olga Sokolov"),
        ("Emil Novak", "Emily Novak"),  # an added y, i or u is another name too (hostile review)
        ("Carl Johnson", "Carly Johnson"),
        ("Luca Ross", "Luca Rossi"),
    ],
)
def test_a_vowel_added_after_a_consonant_stays_another_name(query, listed):
    assert score(query, listed) < MATCH_THRESHOLD


def test_an_added_consonant_is_not_a_gendered_form():
    assert token_match("experts", "expert", "experts", "expert")[1] != "gendered"


def test_a_company_word_with_a_vowel_added_stays_another_word():
    assert score("Bell Trading", "Belli Trading", "company") < MATCH_THRESHOLD
    assert score("Hart Industries", "Harti Industries", "company") < MATCH_THRESHOLD


# ------------------------------------------------ names that spell in pinyin syllables
@pytest.mark.parametrize(
    "query, listed",
    [
        ("TAHERIE, Ali", "TAHERI, Ali"),  # ta-he-ri a-li: three syllables are not a Chinese part
        ("Musa Hasani", "Musa Hasanie"),
    ],
)
def test_names_spelling_in_pinyin_syllables_are_not_read_as_chinese(query, listed):
    assert score(query, listed) >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Wang Lei", "Wang Li"),
        ("Zhang Xiaoming", "Zhang Xiaomin"),
        ("Liu Yang", "Liu Ying"),
    ],
)
def test_chinese_names_still_need_every_syllable(query, listed):
    assert score(query, listed) < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [("Ouyang Wenjun", "Ouyang Wenjuan"), ("Ouyang Zhenhua", "Ouyang Zhanhua"), ("Sima Jianguo", "Sima Jiangou")],
)
def test_names_with_a_compound_chinese_family_name_are_chinese(query, listed):
    assert score(query, listed) < REVIEW_THRESHOLD


# ------------------------------------------------ vowels a romanisation writes either way
@pytest.mark.parametrize(
    "a, b",
    [("shokry", "shukri"), ("mohsen", "muhsin"), ("hashemi", "hashimi"),
     ("izzat", "ezzat")],  # a first e / i (session 9; Ellen / Allen, a first e / a, stay two names)
)
def test_vowel_spellings(a, b):
    assert vowel_spelling(a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("maria", "mario"),  # a / o: not one sound class
        ("carla", "carlo"),
        ("omar", "umar"),  # too short to tell
        ("nadir", "nadira"),  # a letter more
        ("hassan", "hossein"),  # letters besides vowels
        ("ellen", "allen"),  # a first vowel changed: two names (hostile review)
        ("alvin", "elvin"),
        ("ivan", "evan"),  # e / i, but four letters
    ],
)
def test_not_vowel_spellings(a, b):
    assert not vowel_spelling(a, b)


@pytest.mark.parametrize(
    "query, listed",
    [
        ("KHALAFI, Ezzat Shokry", "KHALAFI, Izzat Shukri"),
        ("RAHIMZADEH, Mohsen", "RAHIMZADEH, Muhsin"),
    ],
)
def test_vowel_spellings_of_a_full_name_match(query, listed):
    assert score(query, listed) >= MATCH_THRESHOLD


def test_a_vowel_spelling_with_a_listed_extra_part_reaches_review():
    assert score("DARWISH, Shokry", "DARWISH, Shukri Kamal") >= REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [("Ellen Barton", "Allen Berton"), ("Alvin Walton", "Elvin Welton"), ("Amber Molina", "Ember Melina")],
)
def test_first_vowels_changed_in_every_part_are_other_people(query, listed):
    assert score(query, listed) < MATCH_THRESHOLD


def test_vowel_spellings_do_not_join_a_name_to_its_other_gender():
    assert score("Simone Ferrante", "Simona Ferrante") < MATCH_THRESHOLD
    assert score("Mario Bellucci", "Maria Bellucci") < MATCH_THRESHOLD


# ------------------------------------------------ joined parts, the article written otherwise
@pytest.mark.parametrize(
    "query, listed",
    [
        ("ELQADIRY, Nabil Hamid", "AL-QADIRI, Nabil Hamid"),  # article joined and written el
        ("NOORZADI, Kamran", "NUR ZADI, Kamran"),  # joined, and oo / u
        ("ULHAQQANI, Farid", "UL HAQQANI, Farid"),
    ],
)
def test_a_part_joined_on_one_side_meets_its_words(query, listed):
    assert score(query, listed) >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        ("Elqadiry", "El Qadiry", "person"),  # the article alone on one side (hostile review)
        ("Ulhaq", "Ul Haq", "person"),
        ("Elnasr Company", "El Nasr Company", "company"),
    ],
)
def test_a_part_joined_on_one_side_meets_the_same_words_apart(query, listed, schema):
    assert score(query, listed, schema) >= MATCH_THRESHOLD


def test_a_short_word_is_not_read_as_the_article():
    assert score("Elton Johns", "Al Ton Johns") < MATCH_THRESHOLD
    assert score("Ilse Koch", "Al Se Koch") < MATCH_THRESHOLD


def test_a_joined_part_still_needs_the_same_letters():
    assert score("ELQADIRY, Nabil", "AL-KABIRI, Nabil") < MATCH_THRESHOLD
    # vowel spellings of a joined part are for personal names
    assert score("Noorzadi Trading LLC", "Nur Zadi Trading LLC", "company") < MATCH_THRESHOLD


# ------------------------------------------------ Korean thae / t'ae
def test_north_korean_thae_is_mccune_reischauer_tae():
    assert score("PAK, Thae Sun", "PAK, T'ae-sun") >= MATCH_THRESHOLD
    assert score("KIM, Yong Thaek", "KIM, Yong-t'aek") >= MATCH_THRESHOLD


def test_other_initial_th_stays_a_letter():
    # not one name; since session 13 held for review, as the issue asks of a one-letter
    # variant of a listed person's name (Thu and Tu are two Vietnamese syllables)
    assert REVIEW_THRESHOLD <= score("Nguyen Thi Thu", "Nguyen Thi Tu") < MATCH_THRESHOLD
    assert score("Thor Halvorsen", "Tor Halvorsen") < MATCH_THRESHOLD


def test_an_a_added_after_a_vowel_stays_a_gendered_form():
    assert token_match("andrea", "andre", "andrea", "andre")[1] == "gendered"


def test_near_joined_skeletons_are_not_a_joined_part():
    # a doubled letter collapsed or a y read i must not stretch a join
    assert score("Marisa Fontanez", "FONTANEZ SALAZAR, Maria A") < REVIEW_THRESHOLD


# ------------------------------------------------ Russian names: place adjectives, lines of industry
def test_a_place_adjective_is_not_a_gendered_form():
    assert token_match("belovodski", "belovodsk", "belovodski", "belovodsk")[1] != "gendered"
    assert token_match("alberto", "albert", "alberto", "albert")[1] == "gendered"  # another name still


@pytest.mark.parametrize(
    "query, listed",
    [
        ("AO Belovodski Mekhanicheski Zavod", "Joint Stock Company Belovodsk Mechanical Plant"),
        ("AO Kamenskoye Aviaremontnoye Predpriyatiye", "JSC Kamenskoye Aircraft Repair Enterprise"),
        ("OOO Zarya Poluprovodniki", "Zarya Semiconductors LLC"),
        ("AO Strakhovaya Gruppa Polyus", "Polyus Insurance Group JSC"),
    ],
)
def test_romanised_russian_industry_words_meet_their_english(query, listed):
    assert score(query, listed, None) >= MATCH_THRESHOLD


def test_directions_are_names_not_industry_words():
    # Severnaya Verf is a shipyard's name: reading severnaya as "northern" left it all generic words
    assert score("Severnaya Verf", "Severnaya Verf Shipbuilding Plant", None) >= MATCH_THRESHOLD
    assert score("Severny Trubny Zavod Imeni Kirova", "Yuzhny Trubny Zavod Imeni Kirova", None) < MATCH_THRESHOLD


def test_an_industry_word_is_not_the_name():
    assert score("AO Zarya Poluprovodniki", "Rassvet Semiconductors LLC", None) < REVIEW_THRESHOLD


# ------------------------------------------------ acronyms (alignment._acronym_candidates)
@pytest.mark.parametrize(
    "query, listed",
    [
        ("KVEG", "Kastoria Valley Energy Group"),
        ("ISRV", "Islamic Society of the Rahvan Valley"),  # stop words skipped
        ("TOGC", "Tarvan Oil and Gas Company"),  # the C of Company
        ("Mordan Institute of Thermal Optics", "MITO"),  # either side may be the acronym
    ],
)
def test_an_acronym_meets_the_words_it_abbreviates(query, listed):
    assert score(query, listed, None) >= MATCH_THRESHOLD


def test_a_three_letter_acronym_is_not_read():
    # one three-letter string in seven spells some listed organisation (hostile review: NIO, SAP, MSC)
    assert score("KVG", "Kastoria Valley Group", None) < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        ("KAPS", "Karl Anton Peter Schmidt", None),  # a person's initials are not an acronym
        ("KAPS", "SCHMIDT, Karl Anton Peter", "person"),
        ("TSML", "Tarvan Ship Management LLC", None),  # not the L of LLC or Ltd
        ("KVEG", "Kastoria Valley Energy Holdings", None),  # other initials
        ("SPAK", "NPO Kvant", "company"),  # initials of an expansion nobody writes (hostile review)
        ("MITO Trading", "Mordan Institute of Thermal Optics", None),  # an acronym is a whole name
        ("KVEG", "Kastoria Valley Energy Group Bank", None),  # ... of the whole listed name
        ("Kveg", "Kastoria Valley Energy Group", None),  # a word, unless written in capitals
        ("step", "Suzhou Telecom Electric Plant", None),
    ],
)
def test_what_is_not_an_acronym(query, listed, schema):
    assert score(query, listed, schema) < REVIEW_THRESHOLD


def test_a_search_finds_a_name_by_its_acronym_and_holds_it_for_review():
    entry = Entry(id="a1", list_id="us-entity", type="company", names=[Name(value="Tarvan Oil and Gas Company")])
    (hit,) = Matcher([entry]).search("TOGC")
    assert hit.score >= MATCH_THRESHOLD and hit.strength == "review"
    assert "initials" in hit.explanation[-1]
    assert any("acronym of the words" in line for line in hit.explanation)


# ------------------------------------------------ East Slavic forms (strings.slavic_spelling)
@pytest.mark.parametrize(
    "query, listed",
    [
        ("KOROTAEV, Leonid Grigoryevich", "KARATAEU, Leanid Hryhoryavich"),  # Belarusian: akanye, h, ў
        ("ZADOROZHNY, Dmitry Petrovich", "ZADAROZHNY, Dzmitry Piatrovich"),  # дз, я
        ("SEMENCHUK, Pavel Igorevich", "SEMENCHUK, Pavlo Ihorovych"),  # Ukrainian
        ("Sergei Sobolevsky", "Siarhei Sabaleuski"),  # я, h for г, ў for в, akanye
    ],
)
def test_belarusian_and_ukrainian_forms_of_a_russian_name_match(query, listed):
    assert score(query, listed) >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Kirill Sobolev", "Karol Sobolev"),  # k-r-l, but not one name's vowels
        ("Oleg Sobolev", "Olga Soboleva"),
        ("Pavel Ivanovich Sobolev", "Pavel Ivanovna Sobolev"),  # a patronymic's gender
        # hostile review (helper-25) of the first version:
        ("Roman Sobolev", "Ramon Sobolev"),  # a / o both ways: two names, not akanye
        ("Martin Sobolev", "Morton Sobolev"),
        ("Oskar Sobolev", "Askar Sobolev"),  # a first letter changed in a short name
        ("Harold Sobolev", "Gerald Sobolev"),
        ("Ali Magomedov", "Ali Mahmudov"),
        ("Salman Sobolev", "Suleiman Sobolev"),
        ("Oleksandra Sobolev", "Aleksandr Sobolev"),  # a woman's name and a man's
        ("Bohdana Sobolev", "Bogdan Sobolev"),
        ("Nikos Pavlou", "Nikos Pavlov"),  # Greek -ou is not Belarusian ў
        ("Friedrich Holger", "Friedrich Galgar"),  # -ich alone is not East Slavic
        ("Mamadou Halim", "Mamadou Gulim"),
    ],
)
def test_east_slavic_forms_do_not_join_other_names(query, listed):
    assert score(query, listed) < MATCH_THRESHOLD


def test_east_slavic_forms_are_read_only_in_east_slavic_names():
    from screening.matching import _flat_idf, analyze_name, forms_of
    from screening.matching.alignment import slavic_name

    def form(name):
        return forms_of(analyze_name(name, "person"), idf=_flat_idf, schema="person")[0]

    assert slavic_name(form("KARATAEU, Leanid")) and slavic_name(form("Pavlo Ihorovych"))
    assert not slavic_name(form("Hassan Karimi")) and not slavic_name(form("Maria Lopez"))


def test_slavic_keys():
    from screening.matching.strings import slavic_key, slavic_spelling

    assert slavic_key("halavanau") == slavic_key("golovanov")
    assert slavic_spelling("aliaksandr", "aleksandr") and slavic_spelling("oleksandr", "aleksandr")
    assert not slavic_spelling("kirill", "karol") and not slavic_spelling("olga", "oleg")


# ------------------------------------------------ the two spellings count as spelled alike
def test_a_shorter_name_met_through_an_east_slavic_spelling_is_part_of_the_longer():
    # name_parts_subset accepts the link as one word spelled otherwise (Dzmitry / Dmitry)
    assert score("ZALUTSKY, Dmitry Viktorovich", "ZALUTSKY, Dzmitry") >= MATCH_THRESHOLD
    entry = Entry(id="s1", list_id="us-sdn", type="person", names=[Name(value="ZALUTSKY, Dzmitry")])
    (hit,) = Matcher([entry]).search("ZALUTSKY, Dmitry Viktorovich", schema="person")
    assert hit.strength == "review"  # a part of a longer name: held
    assert any("Belarusian / Ukrainian / Russian form" in line for line in hit.explanation)


def test_a_vowel_spelling_is_explained_as_such():
    entry = Entry(id="s2", list_id="us-sdn", type="person", names=[Name(value="KHALAFI, Izzat Shukri")])
    (hit,) = Matcher([entry]).search("KHALAFI, Izzat Shokry", schema="person")
    assert any("vowels written otherwise" in line for line in hit.explanation)
