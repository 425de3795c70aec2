"""Russian organisation names romanised on one side and translated on the other
(issue 14, round 5: csl / sdn alias pairs of derived folds 0-2). Names are made up.

What the change reads (the whole-name tests below scored under 0.85 at edb1465):
- international words: a Russian adjective or noun built on a Latin or Greek
  root (KOMMUNALNYE / Communal, NAVIGATSIONNYE / Navigation) and a town's
  adjective (BRYANSKII / Bryansk, and MOSKOVSKII / Moscow for a known place)
  met nothing in English;
- inflection: ``ru_org_terms.yaml`` listed each inflected form, so a form it
  lacked (PROIZVODSTVENNOGO, OBYEDINENIE) was read as a name word.

What it must not read: the hostile review of the first version (helper-26) found
the pairs of ``test_..._is_not_...`` below at match strength - one vowel apart
(Samarskii / Samir), a family name's feminine (Petrovskii / Petrova), other
languages' words with a Russian stem (Nova, Rossi, Krasna), readings that name
another body (okhrana / security) - and a mistyped legal form taking a name
word (Sociedad Anonima Cerda).
"""

import pytest

from screening.matching import Matcher, compare
from screening.matching.normalize import skeleton
from screening.matching.russian import cognate, english_word, lemma
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD
from screening.types import Entry, Name


def score(a, b, schema=None):
    return compare(a, b, schema)[0]


# ------------------------------------------------------------------ the signal
@pytest.mark.parametrize(
    "ru, en",
    [
        ("navigatsionnykh", "navigation"),
        ("informatsionnye", "information"),
        ("kommunalnye", "communal"),
        ("tsentralnoe", "central"),
        ("spetsialnogo", "special"),
        ("fizicheskikh", "physical"),
        ("teoreticheskoi", "theoretical"),
        ("tekhnologii", "technologies"),
        ("zarechenskii", "zarechensk"),  # a town's adjective and the town
        ("bryanskiy", "bryansk"),
    ],
)
def test_a_russian_word_meets_the_english_word_of_its_root(ru, en):
    assert cognate(ru, en) and cognate(en, ru)


def test_a_town_without_its_sk_is_met_only_as_a_known_place():
    assert cognate("moskovskaya", "moscow", b_place=True) and cognate("lesnovskoe", "lesnovo", b_place=True)
    assert not cognate("petrovskii", "petrova") and not cognate("kasperskii", "casper")
    # a town of Russia or a Russian-writing neighbour is known by the gazetteer, by a short
    # stem too (fresh19's dev half: Permskiy Kabelnyy Zavod / Perm Cable Plant)
    assert cognate("moskovskaya", "moscow") and cognate("permskiy", "perm") and cognate("tulskii", "tula")
    assert not cognate("parizhskii", "paris") and not cognate("berlinskii", "berlin")


@pytest.mark.parametrize(
    "a, b",
    [
        ("federalnaya", "federalnoe"),  # two Russian forms: inflection is the lemma's business
        ("national", "nation"),  # two English words
        ("petrovskii", "petrov"),  # a family name is not the town of a -sk adjective
        ("navigatsionnykh", "navigator"),
        ("fizicheskikh", "fiscal"),
        ("kommunalnye", "criminal"),
        ("zarechenskii", "zarech"),  # too short a stem for a place
        # one vowel apart is another word (helper-26)
        ("samarskii", "samir"), ("vitalnaya", "vitol"), ("khimicheskii", "chemical"),
        ("petrovskii", "petrova"), ("sikorsky", "sikora"), ("kowalski", "kowal"),
        ("alaska", "alask"), ("nebraska", "nebra"), ("rossiya", "rossi"),
    ],
)
def test_other_words_are_not_cognates(a, b):
    assert not cognate(a, b)


def test_inflected_forms_share_a_lemma():
    forms = ["proizvodstvennyi", "proizvodstvennaya", "proizvodstvennoe", "proizvodstvennogo",
             "proizvodstvennye", "proizvodstvennykh", "proizvodstvennoye"]
    assert len({lemma(skeleton(f)) for f in forms}) == 1
    assert lemma(skeleton("obyedinenie")) == lemma(skeleton("obedinenie"))
    assert lemma(skeleton("bank")) == "bank"  # too short to lose a letter
    assert lemma(skeleton("fonda")) == "fonda"
    assert lemma(skeleton("novaia")) != "nova" and lemma(skeleton("ruskie")) != "rusk"


# ------------------------------------------------------------------ whole names
@pytest.mark.parametrize(
    "query, listed",
    [
        ("OOO Kommunalnye Tekhnologii", "Communal Technologies LLC"),
        ("AO Navigatsionnye Sistemy", "Navigation Systems JSC"),
        ("AO Teoreticheskii Tsentr Kvant", "Kvant Theoretical Center JSC"),
        ("OOO Kommunalnye Tekhnologii Orion", "Limited Liability Company Orion Communal Technologies"),
        # an inflected form the table does not list
        ("Nauchno Proizvodstvennoe Obyedinenie Kvarts", "NPO Kvarts"),
        ("AO Ugolnaya Kompaniya Zarya", "Zarya Coal Company JSC"),
    ],
)
def test_a_romanised_russian_name_meets_its_translation(query, listed):
    assert score(query, listed) >= MATCH_THRESHOLD
    assert score(listed, query) >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("AO Federalnyi Tsentr Orion", "Federal Center Sirius JSC"),  # the names differ
        ("OOO Informatsionnye Resheniya", "Sirius Information Solutions LLC"),
        ("AO Petrovskii Zavod", "Petrov Plant JSC"),  # a family name, not a town
        # helper-26's pairs, each a match with the first version
        ("Samarskii Zavod", "Samir Plant"),
        ("Kazanskii Vertoletnyi Zavod", "Casino Helicopter Plant"),
        ("Polotsky Trading", "Pilot Trading"),
        ("Vitalnaya Energiya", "Vitol Energy"),
        ("AO Petrovskii Zavod", "Petrova Plant JSC"),
        ("Sikorsky Aircraft Corporation", "Sikora Aircraft Corporation"),
        ("Casper Group LLC", "OOO Kaspersky Group"),
        ("Nova Technologies", "New Technologies"),
        ("Novi Trading", "New Trading"),
        ("Krasna Technologies", "Red Technology"),
        ("Rusk Holdings", "Russian Holdings"),
        ("Rossiiskie Tekhnologii", "Rossi Technologies"),
        ("Caterpillar Inc", "Gusenichnyi Inc"),
        ("Federalnaya Sluzhba Okhrany", "Federal Security Service"),
        ("Tambovskii Kazennyi Porokhovoi Zavod", "Kazanskii Porokhovoi Zavod"),
    ],
)
def test_a_shared_international_word_or_stem_is_not_the_name(query, listed):
    assert score(query, listed) < REVIEW_THRESHOLD
    assert score(listed, query) < REVIEW_THRESHOLD


def test_a_listed_line_of_business_is_not_met_by_its_translation():
    # OOO Tekhnologiya (Technology LLC) is a name made of one business word: "Ben
    # Technologies" (ben is a name particle) matched it at 0.95 in the first version
    assert score("Ben Technologies", "OOO TEKHNOLOGIYA") < REVIEW_THRESHOLD
    assert score("De Technologies", "Obshchestvo s Ogranichennoi Otvetstvennostyu Tekhnologiya") < REVIEW_THRESHOLD


def test_words_of_one_stem_keep_their_own_readings():
    # объединённая (united) and объединение (association) share a stem: the first
    # version read either as either and matched these at 1.0 (helper-26)
    assert score("Obyedinennaya Aviastroitelnaya Korporatsiya", "Aircraft Building Association Corporation") < MATCH_THRESHOLD
    assert score("Nauchno Proizvodstvennoe Obyedinenie Kvarts", "NPO Kvarts") >= MATCH_THRESHOLD


def test_a_brand_that_is_a_russian_stem_keeps_its_matches():
    # Nova was read as новая "new" by the first version and lost these (helper-26)
    assert score("Nova Energy Co Ltd", "NOVA ENERGIES LLC") >= MATCH_THRESHOLD
    assert score("Nova Technologies", "Nova Technologies Co., Ltd.") >= MATCH_THRESHOLD
    # Neva for Nova matched too until session 24: a brand of four letters met with other
    # vowels is held for review (short_names.short_name_vowels, helper-76's review)
    assert REVIEW_THRESHOLD <= score("Neva Technologies", "Nova Technologies Co., Ltd.") < MATCH_THRESHOLD


def test_the_link_says_what_it_is():
    entry = Entry(id="r1", list_id="us-entity", type="entity",
                  names=[Name(value="Navigation Systems JSC")])
    (hit,) = Matcher([entry]).search("AO Navigatsionnye Sistemy")
    assert hit.strength == "match"
    assert any("Russian and English form of one word" in line for line in hit.explanation)


def test_a_search_finds_a_name_that_only_translates_the_russian_word():
    # the index keys English words by their cognate keys: no other word of the
    # query ("AO", "Sistemy") would have found the listed name
    entries = [Entry(id="r2", list_id="us-entity", type="entity",
                     names=[Name(value="Joint Stock Company Design Bureau of Navigation Systems")]),
               Entry(id="r3", list_id="us-entity", type="entity", names=[Name(value="Orion Navigation Ltd")])]
    hits = Matcher(entries).search("AO Konstruktorskoe Byuro Navigatsionnykh Sistem")
    assert [h.entry.id for h in hits if h.strength == "match"] == ["r2"]


# ------------------------------------------------------------------ helper-27's review of round 5
@pytest.mark.parametrize(
    "a, b",
    [
        ("navalny", "naval"),  # a family name: -alnyi needs a stem of four letters
        ("evgeniya", "evgeny"), ("valeriya", "valery"),  # given names are not cognates
    ],
)
def test_names_are_not_cognates(a, b):
    assert not cognate(a, b)


def test_a_polish_family_name_is_not_a_town():
    assert not cognate("kowalewski", "kowalewo")  # Russian romanisation writes no w
    assert cognate("lytkarinskii", "lytkarino")


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Navalny Group", "Naval Group"),
        ("Strakhov Trading", "Insurance Trading"),  # Strakhov, a name: no ending read, not страховой
        ("Kimia Rahimi", "Rahimi Chemicals Co"),  # Kimia, a Persian given name, is not kimya
        ("Tarim University", "Agricultural University"),
    ],
)
def test_a_name_is_not_read_as_a_table_word(query, listed):
    assert score(query, listed) < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        # a two-word entry (судостроительный завод) hid завод's own readings
        ("JSC ZARECHNY SUDOSTROITELNY FACTORY", "JSC ZARECHNY SUDOSTROITELNY ZAVOD"),
        ("NPO Imeni A.G. Orlova", "A.G. Orlov Scientific Production Association"),
        # the romanised word, not its English reading, is what the other name spells
        ("OOO TEKHNOLOGIYA 7", "TEKNOLOGIYA 7, OOO"),
        ("OAO TEKHNIKA SVYAZI VEGA", "AO TEKHNIKA SUVYAZI VEGA"),
        ("Zarechny Machine Building Plant", "PJSC Zarechny Mashinostroitelny Zavod"),
        ("JSC ZARECHNY SUDOSTROITELNY ZAVOD", "Zarechny Shipyard JSC"),
        # helper-28: "institut" inside the English "institute" is the word, spelled otherwise
        ("AO Nauchnoisledovatelskiy Institut Kvantovoy Elektroniki",
         "AO Nauchno-Issledovatelski Institut Kvantovoi Elektroniki"),
    ],
)
def test_aliases_of_one_russian_name_still_meet(query, listed):
    assert score(query, listed) >= MATCH_THRESHOLD


def test_machine_stays_a_name_word():
    # "machine(s)" as a generic word left "Thinking Machines Corp" to "Thinking" alone
    assert score("Thinking Corp", "Thinking Machines Corp") < REVIEW_THRESHOLD
    assert score("MACHINE GROUP LTD", "LIMITED TRADE DEVELOPMENT MACHINE GROUP") >= REVIEW_THRESHOLD


def test_an_english_word_spelled_as_a_table_word_keeps_its_initials():
    # "Electronic" spelled the Turkish elektronik and was rewritten: initials were lost
    assert score("ZHEMT", "Zhejiang Huaxin Electronic Measuring Technology") >= REVIEW_THRESHOLD


# ------------------------------------------------------------------ round 15: words without a suffix
# Russian nouns of an international root with a case ending (KOMPONENTOV, FIZIKI) and
# adjectives made with -n- (LAZERNOI, KOMPOZITNYE) had no rule: fresh set helper-53's
# "Zavod Elektronnykh Komponentov AO" / "ELECTRONIC COMPONENTS PLANT JSC" scored 0.00.
# Without a suffix to say the root is international, the English word must be one.
@pytest.mark.parametrize(
    "ru, en",
    [
        ("fiziki", "physics"), ("mikroelektroniki", "microelectronics"),
        ("avtomatiki", "automatics"), ("pnevmatika", "pneumatics"),  # au / eu written av / ev
        ("lazernoi", "laser"), ("kompozitnye", "composite"),  # a silent final e
        ("radiatornye", "radiators"), ("protonnaya", "proton"),
    ],
)
def test_a_russian_word_without_a_suffix_meets_its_english_word(ru, en):
    assert cognate(ru, en) and cognate(en, ru)


def test_a_genitive_plural_meets_its_noun_only_where_a_word_governs_it():
    assert cognate("komponentov", "components", a_governed=True)
    assert cognate("compressors", "kompressorov", b_governed=True)
    # -ov is a family name's ending too: OOO Masterov is no "Master LLC" (helper-55)
    assert not cognate("komponentov", "components") and not cognate("masterov", "master")


@pytest.mark.parametrize(
    "a, b",
    [
        ("kamennaya", "kamen"), ("zapadnaya", "zapad"),  # the other word is Russian too
        ("severnaya", "sever"), ("severnye", "severe"),  # ru_org_terms.yaml reads it: "northern"
        # helper-55's review: false friends read through a doubled letter, English
        # words with an -n- ending, an -ika noun against an -ical adjective
        ("kartonnaya", "cartoon"), ("raketnaya", "racket"), ("courtney", "court"),
        ("pseudonym", "pseudo"), ("fizika", "physical"),
        ("kalashnikov", "kalashnik"), ("aleksandrov", "aleksandr"),
        ("germany", "german"), ("company", "compan"),  # -n + y is no Russian adjective
        ("antenna", "anten"),
    ],
)
def test_a_russian_ending_alone_needs_an_english_word(a, b):
    assert not cognate(a, b)


def test_english_words_are_the_glosses_words():
    assert english_word("laser") and english_word("components") and english_word("radiator")
    assert not english_word("kamen") and not english_word("kalashnik")


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Zavod Elektronnykh Komponentov AO", "ELECTRONIC COMPONENTS PLANT JSC"),
        ("Institut Lazernoy Fiziki", "Institute of Laser Physics"),
        ("OOO Kompozitnye Materialy", "Composite Materials LLC"),
        ("Zavod Kompressorov", "Compressor Plant"),
        # one Russian word for two English ones
        ("AO Kontsern Radioelektronnye Tekhnologii", "JSC Concern Radio-Electronic Technologies"),
        ("Nauchno-Issledovatelskiy Institut Radioelektronnoy Tekhniki",
         "Scientific Research Institute of Radio Electronic Engineering"),
    ],
)
def test_a_russian_name_meets_its_translation_word_for_word(query, listed):
    assert score(query, listed, "company") >= MATCH_THRESHOLD
    assert score(listed, query, "company") >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        # helper-55's review of the first version: each at 0.90 or more
        ("OOO Masterov", "Master LLC"), ("OOO Generalov", "General LLC"), ("Masterov Group", "Master Group"),
        ("Christian Trading Ltd", "Khristianov Trading LLC"), ("Kapitan Masterov", "Captain Master"),
        ("Kartonnaya Fabrika", "Cartoon Factory"), ("Raketnaya Korporatsiya", "Racket Corporation"),
        ("Courtney Holdings", "Court Holdings"), ("Pseudonym Media", "Pseudo Media"),
        ("Fizika Trading", "Physical Trading"),
        ("Kamennaya Energy", "Kamen Energy"),
        ("Zapadnaya Kompaniya", "Zapad Company"),
        ("Kalashnikov Concern", "Kalashnik Concern"),
        ("Radiatorov Group", "Motor Group"),
    ],
)
def test_a_russian_ending_makes_no_name_of_another_russian_word(query, listed):
    assert score(query, listed, "company") < MATCH_THRESHOLD


def test_institut_takes_the_reading_the_other_name_writes():
    # the word as written (distinctive, weight 1) found inside "institute" (generic) counted
    # more than the reading "institute" found whole: Institut was met at half credit
    assert score("Institut Mikroelektroniki", "Institute of Microelectronics", "company") >= MATCH_THRESHOLD


def test_a_search_finds_a_plainly_spelled_english_word():
    entries = [Entry(id="c1", list_id="us-entity", type="entity", names=[Name(value="Composite Materials LLC")]),
               Entry(id="c2", list_id="us-entity", type="entity", names=[Name(value="Radiator Plant")]),
               Entry(id="c3", list_id="us-entity", type="entity", names=[Name(value="Acme Materials LLC")])]
    matcher = Matcher(entries)
    assert [h.entry.id for h in matcher.search("OOO Kompozitnye Materialy")][:1] == ["c1"]
    assert [h.entry.id for h in matcher.search("Zavod Radiatorov")][:1] == ["c2"]


def test_a_search_finds_two_english_words_one_russian_word_writes():
    # helper-55: compare() met "Radio Electronic" at 0.97, but no key led the search there
    entries = [Entry(id="r1", list_id="us-entity", type="entity", names=[Name(value="Radio Electronic Systems JSC")]),
               Entry(id="r2", list_id="us-entity", type="entity", names=[Name(value="Orion Systems LLC")])]
    assert [h.entry.id for h in Matcher(entries).search("AO Radioelektronnye Sistemy")] == ["r1"]
