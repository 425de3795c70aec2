"""Round 17 (session 21): customer-file noise, Turkish abbreviations, dotted acronyms,
-witz / -wicz and the Persian ezafe, from fresh11's read half (helper-66's set, written
without the code). Each rule has a pair that must stay apart."""

import pytest

from screening.matching import compare
from screening.matching.annotations import strip_annotations, without_reference
from screening.matching.normalize import skeleton
from screening.matching.strings import token_match
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        # an abbreviated Turkish business word is read in English as the word is
        ("Kaya Tic. Ltd. Sti.", "KAYA TRADING LTD"),
        ("Kaya Muh. Hiz. Ltd. Sti.", "KAYA ENGINEERING SERVICES LTD"),
        ("Atlas Dis Tic Ltd Sti", "ATLAS DIS TICARET LIMITED"),  # Dış Ticaret, one phrase
        # "Trade and Industry", the other order of the boilerplate
        ("Deniz Lojistik Tic. ve San. Ltd. Şti.", "DENIZ LOJISTIK TICARET VE SANAYI LIMITED SIRKETI"),
        ("Deniz Lojistik Tic. San. A.S.", "DENIZ LOJISTIK TICARET VE SANAYI ANONIM SIRKETI"),
        # an acronym written with full stops is one word
        ("N.O.R.D.", "NORD"),
        ("I.R.I.S.L.", "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES"),
        # a digit for a letter in a two-letter word, beside a longer word so written
        ("5INOTRANS 0F CHINA", "SINOTRANS OF CHINA"),
    ],
)
def test_firm_spellings(query, listed):
    assert compare(query, listed, "Company")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Kaya Tic. Ltd. Sti.", "KAYA INSAAT LTD"),  # another line of business
        ("Deniz Lojistik Tic. ve San. Ltd. Şti.", "DENIZ GEMICILIK TICARET VE SANAYI LIMITED SIRKETI"),
        ("N.O.R.D.", "NORDEX"),
        ("Unit 1A Trading", "UNIT LA TRADING"),  # 1A is a code, not "la"
        ("Kalaye Electric", "KALAM ELECTRIC"),
        # helper-67's review: a code alone stays a code; Tic. outside a Turkish firm's name
        ("D3 Technologies", "TECHNOLOGIES"),
        ("1N Silk Road", "SILK ROAD"),
        ("TIC Group", "TRADE GROUP"),
        ("La Paz Trading", "LA MARKETING TRADING"),
    ],
)
def test_firms_apart(query, listed):
    assert compare(query, listed, "Company")[0] < MATCH_THRESHOLD


def test_a_persons_initials_stay_letters():
    # "J.R.R." of a person is three initials, not the word "jrr"
    assert compare("J.R.R. Tolkien", "TOLKIEN, John Ronald Reuel")[0] >= REVIEW_THRESHOLD


def test_no_ezafe_rule():
    # the Persian -ye was tried and dropped: Tesfaye, Olaoye and Krasnoye are names and
    # words of their own (helper-67's review)
    assert compare("Tesfa Bekele", "BEKELE, Tesfaye", "Person")[0] < MATCH_THRESHOLD
    assert compare("Krasno Plant", "KRASNOYE PLANT", "Company")[0] < MATCH_THRESHOLD


@pytest.mark.parametrize(
    "german_or_polish, russian",
    [("Gelowitz", "Gelowicz"), ("Rabinowitz", "Rabinovich"), ("Berkowicz", "Berkovich"), ("Leibowitsch", "Leibovich")],
)
def test_vich_endings_one_skeleton(german_or_polish, russian):
    assert skeleton(german_or_polish.lower()) == skeleton(russian.lower())


def test_vich_endings_persons():
    assert compare("Anna Rabinowitz", "RABINOVICH, Anna", "Person")[0] >= MATCH_THRESHOLD
    assert compare("Moritz Weber", "MORICH, Weber", "Person")[0] < MATCH_THRESHOLD  # no -vi- before
    assert skeleton("levits") != skeleton("levich")  # a Latvian -its is no -witz


@pytest.mark.parametrize(
    "query, listed",
    [
        # an address of street names with no number, and what follows it
        ("Sepehr Energy Co, Vali Asr Ave, Tehran", "SEPEHR ENERGY COMPANY"),
        ("Acme Metals Ltd, Nathan Road, Kowloon", "ACME METALS LTD"),
        # whom the letter goes through
        ("OCEAN GRACE SHIPPING c/o Fujairah agency office, Fujairah", "OCEAN GRACE SHIPPING"),
        ("Acme Metals Ltd, Attn: Accounts Payable", "ACME METALS LTD"),
        # a document's reference after the name
        ("Rosoboronexport JSC, Moscow / Ref contract 77-204", "ROSOBORONEKSPORT OAO"),
        ("ACME METALS LTD - INV 2023-0412", "ACME METALS LTD"),
        ("Acme Metals Ltd (PO# 4471)", "ACME METALS LTD"),
        # a city after a numbered unit's name, with no legal form: where it is
        ("CETC No. 30 Research Institute, Chengdu",
         "China Electronics Technology Group Corporation, 30th Research Institute (CETC-30)"),
        # whom the letter goes through is screened too
        ("Ministry of Defense c/o Ahmad Vahidi", "VAHIDI, Ahmad"),
    ],
)
def test_customer_file_noise(query, listed):
    assert compare(query, listed, "Company")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Huawei Technologies, Thailand", "HUAWEI TECHNOLOGIES CO., LTD."),  # a country: maybe a sister
        ("Acme Metals Ltd, Moscow", "ACME METALS LTD, Minsk"),  # two places: two firms
        ("Avenue Capital Ltd", "AVENUE GROUP LTD"),
        # helper-67's review
        ("Endowment for the Care of Orphans", "ENDOWMENT FOR CARE OF LEBANESE AND PALESTINIAN FAMILIES"),
        ("Ministry of Defence, Minsk", "MINISTRY OF DEFENCE"),  # another state's
        ("Institute of Applied Physics, Minsk", "INSTITUTE OF APPLIED PHYSICS"),
        ("Hotel, Park Lane", "PARK HOTEL"),
    ],
)
def test_noise_rules_keep_apart(query, listed):
    assert compare(query, listed, "Company")[0] < MATCH_THRESHOLD


def test_trailing_reference_needs_a_document_word_and_a_number():
    assert without_reference("Acme Ltd / Ref contract 77-204") == "Acme Ltd"
    assert without_reference("Order of Lenin Plant 5") == "Order of Lenin Plant 5"
    assert without_reference("Acme Ltd, Order Logistics") == "Acme Ltd, Order Logistics"
    assert without_reference("Brigade, Order of Suvorov 76") == "Brigade, Order of Suvorov 76"
    assert without_reference("Alpha Group, Contract Manufacturing Unit 3").endswith("Unit 3")


def test_street_name_the_other_way_round_stays():
    assert compare("Detention Facility, Okrestina Street", "OKRESTINA STREET DETENTION FACILITY",
                   "Organization")[0] >= REVIEW_THRESHOLD
    assert compare("MARTIN, Lois Lane", "MARTIN, Lois Lane")[0] >= MATCH_THRESHOLD


def test_vessel_kind_in_brackets():
    assert compare("M/V CUMANAGOTO (tug)", "CUMANAGOTO", "Vessel")[0] >= MATCH_THRESHOLD
    # only for a vessel's name, and only kinds of vessel
    assert strip_annotations("SEA STAR (Alpha)", vessel_name=True)[0] == "SEA STAR (Alpha)"


@pytest.mark.parametrize(
    "query, listed",
    [
        # a list name of generic words only ("China Electronics ... 13th Research Institute")
        # still meets a query that adds the city it is in
        ("CETC 13th Research Institute, Shijiazhuang",
         "China Electronics Technology Group Corporation 13th Research Institute (CETC 13)"),
        # Persian-script organisation words
        ("دانشگاه صنعتی شریف", "Sharif University of Technology"),
        ("Daneshgah-e Sanati-ye Sharif", "SHARIF UNIVERSITY OF TECHNOLOGY"),
        ("کشتیرانی جمهوری اسلامی ایران", "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES"),
    ],
)
def test_generic_names_and_persian_words(query, listed):
    assert compare(query, listed, "Company")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("CETC 13th Research Institute, Chengdu",
         "China Electronics Technology Group Corporation 13th Research Institute, Shijiazhuang"),
        ("China Electronics Technology Group Corporation 14th Research Institute, Nanjing",
         "China Electronics Technology Group Corporation 13th Research Institute"),
        ("دانشگاه صنعتی اصفهان", "Sharif University of Technology"),  # Isfahan's, not Sharif's
    ],
)
def test_generic_names_and_persian_words_apart(query, listed):
    assert compare(query, listed, "Company")[0] < REVIEW_THRESHOLD



def test_hong_kong_reading_not_for_korean_names():
    # tried and reverted (helper-69's review): reading "LEE, Ka-chiu" in Cantonese although
    # Lee is a Korean family name also read "LEE, Sang Woo" so, and LI Shengwu met it at 1.00
    assert compare("LI Shengwu", "LEE, Sang Woo", "Person")[0] < REVIEW_THRESHOLD
    assert compare("李忠武", "LEE, Chung Woo", "Person")[0] < REVIEW_THRESHOLD

@pytest.mark.parametrize(
    "query, listed",
    [
        # Basque tx is Spanish ch
        ("Alfonso Etxegarai Atxirika", "ECHEGARAY ACHIRICA, Alfonso"),
        ("Mikel Bengoechea", "BENGOETXEA, Mikel"),
    ],
)
def test_double_family_names_and_basque(query, listed):
    assert compare(query, listed, "Person")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Anna Smith-Jones", "SMITH-BROWN, Anna"),  # the list writes another second half
        ("Chen Shui-bian", "Chen Shu-yi"),  # a hyphen joins given-name syllables
        ("Kim Min-jun", "Kim Min-jae"),
        ("Maria Lopez Garcia", "LOPEZ, Maria Elena"),
    ],
)
def test_double_family_names_apart(query, listed):
    assert compare(query, listed, "Person")[0] < MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        # tried and reverted (helper-69's review): reading a hyphenated word as a double family
        # name's other half also read compound given names so (Abdul-Karim, Klaus-Peter)
        ("Abdul-Karim Ahmed", "AHMED, Karim"),
        ("Klaus-Peter Schmidt", "SCHMIDT, Peter"),
        ("Maria Garcia-Lopez", "GARCIA PEREZ, Maria"),
    ],
)
def test_hyphenated_names_stay_apart(query, listed):
    assert compare(query, listed, "Person")[0] < MATCH_THRESHOLD



def test_middle_name_beside_a_second_family_name_stays_apart():
    # tried and dropped: reading "Archivaldo" as a middle name while the list's second
    # family name is left out put 78 more of the 100,000 family-first negatives at review
    # ("CASTRO, Raúl Claudia" / "CASTRO RODRIGUEZ, Raul")
    assert compare("CASTRO, Raul Claudia", "CASTRO RODRIGUEZ, Raul", "Person")[0] < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        # fresh12's read half (helper-68)
        ("Nataliya Poklonska", "POKLONSKAYA, Natalia", "Person"),  # Ukrainian -ska, Russian -skaya
        ("Deniz Makina Dış Tic. Paz. Ltd. Şti.",
         "DENIZ MAKINA DIS TICARET PAZARLAMA LIMITED SIRKETI", "Company"),  # Paz. in a Turkish name
        ("PO# 4471-22 / SZ DJI TECHNOLOGY CO LTD", "SZ DJI Technology Co., Ltd.", "Company"),
        ("Captain Dynasty Shipping LLC - UAE", "CAPTAIN DYNASTY SHIPPING L.L.C", "Company"),  # a dash, not a comma
    ],
)
def test_fresh12_read_half(query, listed, schema):
    assert compare(query, listed, schema)[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        ("Anna Kowalska", "KOWALSKI, Jan", "Person"),
        ("San Jose Trading Ltd", "SANAYI JOSE TRADING LTD", "Company"),
        # helper-69's review: San. is not read as Sanayi (brands end in -san: TAKSAN), nor Persian
        # ow before h as u (Dowhan is the Polish Dovhan), nor a brand as a document reference
        ("Jan Dowhan", "DUHAN, Jan", "Person"),
        ("Power2 / Energy", "ENERGY", "Company"),
        ("Captain Dynasty Shipping LLC - UAE", "CAPTAIN DYNASTY SHIPPING L.L.C - Oman", "Company"),
    ],
)
def test_fresh12_read_half_apart(query, listed, schema):
    assert compare(query, listed, schema)[0] < MATCH_THRESHOLD


def test_turkish_brand_written_apart_still_meets():
    assert compare("Tak San Makina", "TAKSAN MAKINA", "Company")[0] >= MATCH_THRESHOLD
    assert compare("Jan Dowhan", "DOVHAN, Jan", "Person")[0] >= MATCH_THRESHOLD


def test_generation_joined_by_a_hyphen_does_not_crash():
    # "KIM, Jong-II" raised ValueError in person_reorder (helper-69's review)
    assert compare("KIM, Jong-II", "KIM, Jong Il", "Person")[0] >= REVIEW_THRESHOLD
    assert compare("SMITH, John-III", "John Smith III", "Person")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        # helper-70's review: a short stem is Slavic too; a reference glued to its number
        ("Anna Gorska", "GORSKAYA, Anna", "Person"),
        ("PO4471 / Rosoboronexport", "ROSOBORONEKSPORT", "Company"),
        ("INV2023-04 - Rosoboronexport", "ROSOBORONEKSPORT", "Company"),
    ],
)
def test_final_review_kept(query, listed, schema):
    assert compare(query, listed, schema)[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Kingston Hull 5", "KINGSTON 5"),  # Hull the city: a yard's number has three digits
        ("Tug 5", "5"),  # a name left with a number alone keeps its word
        ("Tug A", "A"),
    ],
)
def test_vessel_words_that_stay(query, listed):
    assert compare(query, listed, "Vessel")[0] < MATCH_THRESHOLD


def test_vessel_tug_and_hull_words():
    assert compare("Tug PDVSA Cardón", "PDVSA CARDON", "Vessel")[0] >= MATCH_THRESHOLD
    assert compare("Hyundai Mipo Hull 2656", "HYUNDAI MIPO 2656", "Vessel")[0] >= MATCH_THRESHOLD
    assert compare("Hyundai Mipo Hull 2656", "HYUNDAI MIPO 2657", "Vessel")[0] < REVIEW_THRESHOLD
    # only on a vessel's name: a firm called Tug ... keeps its word
    assert compare("Tug Star Shipping Ltd", "STAR SHIPPING LTD", "Company")[0] < REVIEW_THRESHOLD
