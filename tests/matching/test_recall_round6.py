"""Recall round 6 (issue 14, SDN alias pairs of derived folds 0-2): failure categories, made-up names.

Each test failed before the change it covers:
- legal forms written otherwise: "Public Joint Stock" after "Company", "Joint
  Public Stock Company", JPSC, Kyrgyz OsOO, the Russian international company
  forms (MKOOO, MKPAO); AKB for commercial bank, JV for joint venture;
- "Joint Stock Commercial Bank Xbank": the kind of organisation said twice;
- two letters written joined and apart (KD Hotel / K D Hotel);
- 朝鮮 read in Korean (Chosun) and "North Korean" as the place Korea;
- business synonyms (plant / factory / works); exact joins first;
- one father's name in Ukrainian / Belarusian and Russian form (Mykolaiovych / Nikolaevich).

Rules of this round reverted after two hostile reviews (helpers 29 and 30), and
kept out by the tests at the end: English "oo" for u (Good Luck / Good Look), a
first vowel e / i, o / u, E.U. as a legal form, IT / ME / GT abbreviations (ME Bank
met Middle East Bank), filler words left out of names of generic words (a group
met its subsidiary), Greek eu as ev (Leeuw / Lev), one sound edit after skeletons
(Mitchell / Mechel), and compare() reading a bare name with a business word as an
organisation (Li Wei Trading met Li Wei). A third review (helper-31) reverted a
place_qualifier_only feature and narrowed the patronymic link.
"""

import pytest

from screening.matching import compare
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD


def score(a, b, schema=None):
    return compare(a, b, schema)[0]


# ------------------------------------------------ legal forms written otherwise
@pytest.mark.parametrize(
    "a, b",
    [
        ("Velkor Petrochemical Company Public Joint Stock", "Velkor Petrochemical Company"),
        ("Nordavia Design Bureau JPSC", "Joint Public Stock Company Nordavia Design Bureau"),
        ("Trelvan Petroleum OsOO", "Obshtestvo s Ogranichennoy Otvetstvennostyu Trelvan Petroleum"),
        ("Morvel MKOOO", "Morvel LLC"),
        ("Morvel MKPAO", "Public Joint Stock Company Morvel"),
        ("Korvan Machinery JV Corporation", "Korvan Machinery Joint Venture Corporation"),
        ("Sardex Public Joint Stock Co.", "Sardex Company"),
    ],
)
def test_legal_forms_written_otherwise(a, b):
    assert score(a, b) >= MATCH_THRESHOLD
    assert score(b, a) >= MATCH_THRESHOLD


def test_joint_stock_before_a_business_word_is_the_legal_form():
    assert score("Zelvikbank", "Joint Stock Commercial Bank Zelvikbank") >= MATCH_THRESHOLD
    assert score("AO AKB Zelvikbank", "Joint Stock Commercial Bank Zelvikbank") >= MATCH_THRESHOLD


# ------------------------------------------------ the kind of organisation said twice
def test_a_kind_of_organisation_repeated_inside_a_word_costs_nothing():
    assert score("Zelvikbank AO", "Commercial Bank Zelvikbank") >= MATCH_THRESHOLD


def test_a_kind_of_organisation_not_repeated_still_counts():
    # "Bank" is no ending of "Zelvikmetal": the listed name is a bank, the query a metal firm
    assert score("Zelvikmetal", "Commercial Bank Zelvikmetal") < MATCH_THRESHOLD
    # a word that only ends like a kind of organisation says more: "Insurance" is not echoed
    assert score("Zelvikbank", "Zelvikbank Insurance") < MATCH_THRESHOLD


# ------------------------------------------------ letters written joined and apart
def test_two_letters_joined_and_apart():
    assert score("KD Hotel", "K D Hotel Co Ltd") >= MATCH_THRESHOLD
    assert score("KB Morvana", "K B Morvana") >= MATCH_THRESHOLD  # KB is also "design bureau"
    assert score("KD Hotel", "K T Hotel Co Ltd") < MATCH_THRESHOLD


# ------------------------------------------------ Korea
@pytest.mark.parametrize(
    "a",
    ["North Korean Velmar Trading Corporation", "Chosun Velmar Trading", "DPRK Velmar Trading Corporation"],
)
def test_north_korea_written_otherwise(a):
    assert score(a, "Korea Velmar Trading Corporation") >= MATCH_THRESHOLD


def test_another_country_is_not_korea():
    assert score("Japan Velmar Trading Corporation", "Korea Velmar Trading Corporation") < MATCH_THRESHOLD


# ------------------------------------------------ reverted rules stay out
def test_english_words_with_oo_and_u_are_other_words():
    assert score("Good Luck Trading LLC", "Good Look Trading LLC") < REVIEW_THRESHOLD
    assert score("Sun Shipping", "Soon Shipping") < REVIEW_THRESHOLD


def test_a_first_vowel_changed_is_another_family():
    assert score("ORBAN, Viktor Mihaly", "URBAN, Viktor Mihaly", "person") < MATCH_THRESHOLD
    assert score("TAVERN, Ellen", "TAVERN, Allen James", "person") < REVIEW_THRESHOLD


# ------------------------------------------------ one word translated two ways
def test_plant_factory_and_works_are_one_word():
    assert score("Krasnoye Vostok Plant JSC", "JSC Factory Krasnoe Vostok") >= MATCH_THRESHOLD
    assert score("Vostok Shipyard", "Vostok Dockyard") >= MATCH_THRESHOLD


def test_other_business_words_are_not_synonyms():
    assert score("Vostok Plant", "Vostok Shipyard") < REVIEW_THRESHOLD


# ------------------------------------------------ a joined word and its parts, equal, come first
def test_an_exact_join_is_preferred_to_a_single_word():
    assert score("TAVIRI, Mohamedsalim Mohamed", "TAVIRI, Mohamed Salim Mohamed", "person") >= MATCH_THRESHOLD


# ------------------------------------------------ the hostile review of this round (helper-29)
def test_a_persons_initials_are_not_a_legal_form():
    assert score("OKAFOR, E.U.", "OKAFOR, Emeka Uche", "person") >= MATCH_THRESHOLD


def test_joint_stock_inside_a_name_is_the_names_own_words():
    assert score("Moscow Stock Exchange", "Moscow Joint Stock Exchange") >= MATCH_THRESHOLD


def test_akb_keeps_its_bank():
    assert score("AKB Zelvik", "Zelvik Trading Company") < REVIEW_THRESHOLD
    assert score("AO AKB Zelvikbank", "Joint Stock Commercial Bank Zelvikbank") >= MATCH_THRESHOLD


def test_letters_apart_must_be_the_whole_run():
    assert score("ABC Trading", "A B C D Trading", "company") < MATCH_THRESHOLD
    assert score("KB Trading", "K B M Trading", "company") < MATCH_THRESHOLD
    # a person's initials are not an acronym of a two-letter family name
    assert score("J M A", "MA, Jie", "person") < MATCH_THRESHOLD


def test_korean_is_north_korea_too():
    assert score("Korean People's Army", "Chosun People's Army") >= REVIEW_THRESHOLD
    assert score("Korean Velmar Development", "North Korean Velmar Development") >= REVIEW_THRESHOLD


def test_an_alias_that_names_the_kind_twice_is_not_held_for_review():
    from screening.matching import Matcher
    from screening.types import Entry, Name

    listed = Entry(id="us-sdn:zb", list_id="us-sdn", type="company",
                   names=[Name("ZELVIKBANK PJSC"), Name("OPEN JOINT STOCK BANK ZELVIKBANK")])
    [hit] = Matcher([listed]).search("Zelvikbank PJSC")
    assert hit.strength == "match"
    [hit] = Matcher([listed]).search("Zelvikbank")
    assert hit.strength == "match"


def test_reverted_rules_stay_out():
    # a group and its subsidiary, both listed, named in generic words (helper-30)
    assert score("National Development and Investment Group", "National Development Investment Company",
                 "company") < MATCH_THRESHOLD
    assert score("ME Bank", "Middle East Bank") < REVIEW_THRESHOLD
    assert score("Mitchell Inc", "Mechel PJSC") < REVIEW_THRESHOLD
    assert score("Li Wei Trading", "Li Wei") < MATCH_THRESHOLD
    assert score("Peter de Leeuw", "Peter Lev", "person") < MATCH_THRESHOLD


def test_synonyms_do_not_make_a_name_of_generic_words():
    assert score("Metal Works", "Metal Factory", "company") < REVIEW_THRESHOLD
    assert score("Plant No 5", "Works No 5", "company") < REVIEW_THRESHOLD


# ------------------------------------------------ one father's name in Ukrainian and Russian form
@pytest.mark.parametrize(
    "a, b",
    [
        ("TKACHENKO, Ivan Mykolaiovych", "TKACHENKO, Ivan Nikolaevich"),
        ("TKACHENKO, Olena Mykolaivna", "TKACHENKO, Elena Nikolaevna"),
        ("TKACHENKA, Stiapan Mikalayevich", "TKACHENKA, Stepan Nikolaevich"),
    ],
)
def test_one_fathers_name_in_two_forms(a, b):
    assert score(a, b, "person") >= MATCH_THRESHOLD


def test_patronymics_of_other_fathers_or_a_daughters_stay_apart():
    assert score("TKACHENKO, Ivan Petrovych", "TKACHENKO, Ivan Nikolaevich", "person") < MATCH_THRESHOLD
    assert score("Pavel Ivanovich Sobolev", "Pavel Ivanovna Sobolev", "person") < MATCH_THRESHOLD


def test_a_patronymic_links_only_a_whole_fathers_name():
    # helper-31: "ali" only starts "aliaksandr"; -ich ends South Slavic family names (Kostić, Borić)
    assert score("Rustam Alievich Nazarov", "Rustam Aleksandrovich Nazarov", "person") < MATCH_THRESHOLD
    assert score("KOSTICH, Aleksandr", "KONSTANTINOVICH, Aleksandr", "person") < REVIEW_THRESHOLD
    assert score("BORICH, Ivan", "BORISOVICH, Ivan", "person") < REVIEW_THRESHOLD
    assert score("Dmitry Yurich", "YURIEVICH, Dmitry", "person") < REVIEW_THRESHOLD
    assert score("Ivan Katovich", "Ivan Katerynovich", "person") < REVIEW_THRESHOLD


def test_a_one_word_brand_with_a_place_is_an_affiliate_suggestion():
    # issue 14, "Qualifiers distinguish sister companies": the pair stays under review strength
    # (a place_qualifier_only feature was reverted after helper-31: "Air China Ltd" met "PT Air",
    # "Emma London Ltd" met "EMMA LLC"); check() reviews it through find_affiliates
    from screening.matching import Matcher
    from screening.types import Entry, Name

    listed = Entry(id="us-el:vk", list_id="us-el", type="company", names=[Name("Velkora Limited")])
    assert [a.entry.id for a in Matcher([listed]).find_affiliates("Velkora (HK) Limited")] == ["us-el:vk"]
