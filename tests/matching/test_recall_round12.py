"""Recall round 12 (issue 14, session 13): what the development halves of the
fourth and fifth fresh sets (written by helpers who never saw the code) pointed
at, with made-up names where the category allows. Each case cites the issue.

- "Scripts outside CJK and Cyrillic ... and Arabic beyond the tables": an
  organisation's name romanised from Arabic or Persian guesses its short vowels,
  so one long word is written with other inner vowels (Hezbollah / Hizballah /
  Hizbullah). Two inner vowels may differ in a word of eight letters or more.
"""

import pytest

from screening.matching import Matcher, compare
from screening.matching.alignment import _vowel_respelling
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD
from screening.types import Entry, Name


# ------------------------------------------------------------ vowel respelling
@pytest.mark.parametrize(
    "a, b, same",
    [
        ("hezbollah", "hizballah", True),
        ("hizbullah", "hizballah", True),
        ("mujahedin", "mujahidin", True),
        ("capitol", "capital", False),  # seven letters: two English words
        ("hezbollah", "hezbollahs", False),  # not a vowel swap
        ("sepahan", "sepahon", False),  # eight letters needed
        ("marinado", "marinada", False),  # the last letter is an ending
        ("katarina", "kotorono", False),  # three vowels changed
        ("hezbollah", "gezbollah", False),  # a consonant
    ],
)
def test_vowel_respelling(a, b, same):
    assert _vowel_respelling(a, b) is same


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        ("Hezbollah", "HIZBALLAH", "Organization"),
        ("Hezbollah", "HIZBALLAH", None),
        ("Hizbullah Trading", "Hizballah Trading", "Company"),
    ],
)
def test_inner_vowels_of_an_organisation_word(query, listed, schema):
    assert compare(query, listed, schema)[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        ("Hezbollah", "Hizb ut-Tahrir", "Organization"),  # only the Hizb prefix is shared
    ],
)
def test_not_a_respelling(query, listed, schema):
    assert compare(query, listed, schema)[0] < MATCH_THRESHOLD


# ------------------------------------------------- annotations and qualifiers
@pytest.mark.parametrize(
    "query, listed",
    [
        # "X (HK) Ltd" vs "X Hong Kong Limited" is the same name and must still match,
        # also when the list writes the place in capitals in parentheses
        ("Zhonghai Shipping (HK) Co Ltd", "ZHONGHAI SHIPPING (HONG KONG) COMPANY LIMITED"),
        ("Acme Trading (UAE) LLC", "ACME TRADING (UNITED ARAB EMIRATES) LLC"),
        # "Joined and split words": a clipped word the table expands is still a word to join
        ("Petromarine Sdn. Bhd.", "PETRO MARINE SDN BHD"),
        ("Petro Marine Sdn. Bhd.", "PETROLEUM MARINE SDN BHD"),
    ],
)
def test_company_names_that_agree(query, listed):
    assert compare(query, listed, "Company")[0] >= MATCH_THRESHOLD


def test_a_place_in_capitals_is_no_acronym_of_a_sister():
    """ "Qualifiers distinguish sister companies": Singapore is not Hong Kong."""
    assert compare("Zhonghai Shipping (Singapore) Pte Ltd", "ZHONGHAI SHIPPING (HONG KONG) COMPANY LIMITED",
                   "Company")[0] < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        # "vessel prefixes (MV, M/T, T/B)": TB written without its slash, on a vessel's name
        ("TB Hai Long 7", "HAI LONG 7"),
        ("SS Ocean Glory", "OCEAN GLORY"),
        # "port or flag after a comma": a flag state written out in full
        ("MT SCF Primorye, Liberia flag", "SCF PRIMORYE"),
        ("Ocean Glory, Marshall Islands", "OCEAN GLORY"),
    ],
)
def test_vessel_annotations(query, listed):
    assert compare(query, listed, "Vessel")[0] >= MATCH_THRESHOLD


def test_tb_is_a_companys_letters():
    assert compare("TB Holdings Ltd", "TB HOLDINGS LTD", "Company")[0] >= MATCH_THRESHOLD
    assert compare("TB Holdings Ltd", "HOLDINGS LTD", "Company")[0] < MATCH_THRESHOLD


# ------------------------------------------------------------- sister vessels
@pytest.mark.parametrize(
    "query, listed",
    [
        # "False positives to stop: ... singular vs plural vessel names"
        ("Sea Star", "SEA STARS"),
        # a number only one vessel's name has: a sister ship as often as a short form
        ("Atlantic Navigator II", "ATLANTIC NAVIGATOR"),
        ("Hai Long", "HAI LONG 7"),
    ],
)
def test_sister_vessels_are_held_for_review(query, listed):
    score = compare(query, listed, "Vessel")[0]
    assert REVIEW_THRESHOLD <= score < MATCH_THRESHOLD


def test_plural_vessel_of_common_words():
    assert compare("Golden Lion", "GOLDEN LIONS", "Vessel")[0] < MATCH_THRESHOLD


def test_one_imo_number_is_one_hull_even_without_the_numeral():
    assert compare("Atlantic Navigator (IMO 9234563)", "ATLANTIC NAVIGATOR II, IMO 9234563",
                   "Vessel")[0] >= MATCH_THRESHOLD


def test_a_listed_vessel_entry_is_read_as_a_vessel():
    """No schema in the query: the list entry's type says vessel, so a number only
    it has makes a possible sister ship, held for review with that reason."""
    m = Matcher([Entry(id="t:1", list_id="t", type="vessel", names=[Name("HAI LONG 7", "primary")]),
                 Entry(id="t:2", list_id="t", type="company", names=[Name("HAI LONG 7 TRADING LLC", "primary")])])
    hits = {h.entry.id: h for h in m.search("Hai Long", limit=5)}
    assert hits["t:1"].strength == "review"
    assert hits["t:1"].features.get("sister_vessel") == 1.0
    if "t:2" in hits:  # a company's name: no sister ship
        assert "sister_vessel" not in hits["t:2"].features


def test_a_company_keeps_its_plural_reading():
    assert compare("Dongguan Oasis Shoe Co., Ltd.", "DONGGUAN OASIS SHOES CO., LTD.", "Company")[0] >= MATCH_THRESHOLD


# ----------------------------------------------------------------- persons
@pytest.mark.parametrize(
    "query, listed",
    [
        # "One-letter variants of person names": Korean given syllables as RR and
        # McCune-Reischauer write them (은 Eun / Un, 성 Seong / Song)
        ("Kim Jong Eun", "KIM, Jong Un"),
        ("Park Seong Ho", "PAK, Song Ho"),
        # Persian ق / غ after a vowel, written gh, q or k
        ("Muhammad Reza Naghdi", "NAQDI, Mohammad Reza"),
        ("Ali Sadeghi", "SADEQI, Ali"),
    ],
)
def test_transliterated_persons(query, listed):
    assert compare(query, listed, "Person")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Kim Jong Eun", "KIM, Jong Il"),
        ("Ghazi Ahmed", "QAZI, Ahmed"),  # first letters: two Arabic names
        # Vietnamese names are read syllable by syllable, like Chinese ones
        ("Nguyen Van Manh", "NGUYỄN VĂN MINH"),
        ("Tran Duc Thang", "TRAN DUC THANH"),
    ],
)
def test_other_persons(query, listed):
    assert compare(query, listed, "Person")[0] < MATCH_THRESHOLD


def test_vietnamese_typo_is_still_a_typo():
    assert compare("Nguyen Van Thanh", "NGUYEN VAN THAHN", "Person")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize("a, b, same", [("eun", "un", True), ("seong", "sung", True), ("kwang", "gwang", True),
                                        ("jin", "jun", False), ("min", "man", False), ("smith", "smyth", False)])
def test_korean_same_syllable(a, b, same):
    from screening.matching.korean import same_syllable
    assert same_syllable(a, b) is same


# ----------------------------------------------------- organisation words
@pytest.mark.parametrize(
    "query, listed",
    [
        # "Institution names reorder" in other languages too: Romance organisation words
        ("Banco Central de Venezuela", "CENTRAL BANK OF VENEZUELA"),
        ("Fuerzas Armadas Revolucionarias de Colombia", "REVOLUTIONARY ARMED FORCES OF COLOMBIA"),
        ("Banco Nacional de Cuba", "NATIONAL BANK OF CUBA"),
        # Russian quarters of the compass, and the Belarusian republican unitary enterprise
        ("AO Severnoye Proizvodstvennoye Obedineniye Arktika",
         "Joint Stock Company Northern Production Association Arktika"),
        ("Production Republican Unitary Enterprise Minsk Wheeled Tractor Plant", "Minsk Wheeled Tractor Plant"),
    ],
)
def test_translated_organisation_words(query, listed):
    assert compare(query, listed, "Company")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Banco Central de Venezuela", "CENTRAL BANK OF IRAN"),  # a place differs
        ("Banco Santander", "BANCO DEL SUR"),  # only the word for bank agrees
        ("Northern Star LLC", "SOUTHERN STAR LLC"),
    ],
)
def test_translated_words_do_not_make_a_name(query, listed):
    assert compare(query, listed, "Company")[0] < REVIEW_THRESHOLD


def test_a_short_clipped_word_stays_an_abbreviation():
    """'Tic.' is Ticaret (trade) only: read as written it was found inside another
    name's words and left "trade" unmatched (a held-back pair crossed back)."""
    assert compare("Acme Makina Tic. Ltd. Sti.", "ACME MAKINA IC VE DIS TICARET LIMITED SIRKETI")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed, schema, match",
    [
        # Japanese business words in romaji (ja_org_terms.yaml)
        ("Kabushiki Kaisha Toyomi Boeki", "TOYOMI TRADING CO., LTD.", "Company", True),
        ("Mitsubishi Jukogyo", "MITSUBISHI HEAVY INDUSTRIES", "Company", True),
        ("Toyomi Boeki", "ACME TRADING CO., LTD.", "Company", False),  # only the business word
        ("Ken Tanaka", "TANAKA, Ken", "Person", True),
    ],
)
def test_japanese_romaji_business_words(query, listed, schema, match):
    assert (compare(query, listed, schema)[0] >= MATCH_THRESHOLD) is match


@pytest.mark.parametrize(
    "query, listed, match",
    [
        # "False positives to stop ... homophone brand words": romanised Chinese words
        # joined or split are read syllable by syllable, so a letter is another syllable
        ("Hai Xiang 5", "HAIXING 5", False),
        ("Shanghai Hai Xin Trading", "SHANGHAI HAIXING TRADING", False),
        ("Hai Xing 5", "HAIXING 5", True),  # the same letters, joined
        ("Van Der Bilt Corp", "VANDERBILT CORP", True),
    ],
)
def test_pinyin_joined_words(query, listed, match):
    assert (compare(query, listed, "Vessel" if listed[-1].isdigit() else "Company")[0] >= MATCH_THRESHOLD) is match


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        # "Arabic beyond the tables": the article written apart goes with its word
        ("Al-Qatirji Company", "QATERJI COMPANY", "Company"),
        ("Qaterji Company", "AL-QATERJI COMPANY", "Company"),
        ("El Nasr Trading", "NASR TRADING", "Company"),
    ],
)
def test_a_left_out_arabic_article_costs_nothing(query, listed, schema):
    assert compare(query, listed, schema)[0] >= MATCH_THRESHOLD
