"""Round 23 (session 28): general gaps left from earlier dev halves and fresh18's dev half
(helper-86's pairs, written without our code), each with pairs that must stay apart, and
helper-87's hostile review of the round (the pairs it found joined wrongly are guards here).

- a ministry's portfolio is written with "Affairs" or without it: the Ministry of Foreign
  Affairs is the Foreign Ministry, of Internal (or Home) Affairs the Ministry of Interior;
  the Russian names (внутренних дел, иностранных дел, MVD) read so too;
- Russian organisation words, acronyms of listed bodies, a place qualifying a firm's name;
- document labels and addresses;
- Arabic, Thai, Belarusian, Korean and Chinese personal names written two ways.
"""

import pytest

from screening.matching import compare
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD


# issue 14, "Institution names reorder" and "Scripts outside CJK ... Use a maintained
# transliteration library": a ministry is named for its portfolio, "Affairs" or not.
@pytest.mark.parametrize("query, listed", [
    ("Iranian Foreign Ministry", "Ministry of Foreign Affairs of Iran"),
    ("Russian Ministry of Interior", "Ministry of Internal Affairs of the Russian Federation"),
    ("Ministry of Interior", "Ministry of Home Affairs"),
    ("Министерство внутренних дел Российской Федерации", "Ministry of Internal Affairs of the Russian Federation"),
    ("Министерство иностранных дел Российской Федерации", "Ministry of Foreign Affairs of the Russian Federation"),
    ("Ministerstvo Vnutrennikh Del", "Ministry of Internal Affairs"),
])
def test_a_ministry_is_named_for_its_portfolio_affairs_or_not(query, listed):
    assert compare(query, listed, "organization")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize("query, listed", [
    ("Ministry of Internal Affairs", "Ministry of Internal Trade"),  # Syria has both
    ("Ministry of Foreign Affairs", "Ministry of Foreign Trade"),
    ("Ministry of Foreign Affairs", "Ministry of Internal Affairs"),
    ("Ministry of Foreign Affairs of Iran", "Ministry of Foreign Affairs of Iraq"),
    ("Ministry of Interior", "Ministry of Foreign Affairs"),
])
def test_two_portfolios_stay_two_ministries(query, listed):
    assert compare(query, listed, "organization")[0] < REVIEW_THRESHOLD


def test_internal_alone_is_no_interior():
    """Only the phrase reads so: "internal" alone keeps its word."""
    assert compare("Interior Design Solutions LLC", "Internal Design Solutions LLC", "company")[0] < REVIEW_THRESHOLD


@pytest.mark.parametrize("query, listed, schema", [  # helper-87's review
    ("Ministry of Foreign Affairs and Trade", "Ministry of Foreign Trade", "organization"),  # two portfolios
    ("Department of Foreign Affairs and Trade", "Department of Foreign Trade", "organization"),
    ("Ministry of Internal Affairs and Communications", "Ministry of Interior", "organization"),  # Japan's
    ("Department of Internal Affairs", "Department of the Interior", "organization"),  # a ministry's only
    ("Council on Foreign Affairs", "Council on Foreign Relations", "organization"),
    ("Internal Affairs", "Ministry of Interior", "organization"),
    ("Home Affairs Design Studio Ltd", "Interior Design Studio Ltd", "company"),  # a firm's words
    ("Foreign Affairs Trading Co", "Foreign Trading Co", "company"),
])
def test_affairs_is_read_off_a_ministrys_portfolio_only(query, listed, schema):
    assert compare(query, listed, schema)[0] < REVIEW_THRESHOLD


# issue 14, "Annotations around the name" and the abbreviations table: the acronyms of
# Iranian, Russian and North Korean state bodies whose units the lists name either way.
@pytest.mark.parametrize("query, listed", [
    ("IRGC Aerospace Force", "Islamic Revolutionary Guard Corps Aerospace Force"),  # fresh18 dev
    ("IRGC Navy", "Islamic Revolutionary Guard Corps Navy"),  # SDN
    ("MODAFL", "Ministry of Defense and Armed Forces Logistics"),  # fresh18 dev
    ("KOMID", "Korea Mining Development Trading Corporation"),  # UN 1718
])
def test_a_known_acronym_of_a_listed_body_is_its_name(query, listed):
    assert compare(query, listed, "organization")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize("query, listed, schema", [  # helper-87's review
    ("FSB Ltd", "Federal Security Service", "company"),  # letters firms bear: no entry
    ("SVR Ltd", "Foreign Intelligence Service", "company"),
    ("AEOI Services Ltd", "Atomic Energy Organization of Iran", "company"),
])
def test_letters_firms_bear_are_no_listed_bodys_acronym(query, listed, schema):
    assert compare(query, listed, schema)[0] < REVIEW_THRESHOLD


@pytest.mark.parametrize("query, listed", [  # helper-87's review: subsidiaries stay below a match
    ("IRISL (Malta) Ltd", "IRISL"),
    ("IRISL Benelux NV", "IRISL"),
])
def test_a_groups_subsidiary_named_by_its_acronym_is_no_match(query, listed):
    assert compare(query, listed, "company")[0] < MATCH_THRESHOLD


# issue 14, "Annotations around the name: ... party labels ("SHIPPER:", "BENEFICIARY:",
# ...), port or flag after a comma": read off, as their own kind of evidence.
@pytest.mark.parametrize("query, listed, schema", [
    ("/BNF/ARIHANT TECHNO EXPORTS PVT LTD", "Arihant Techno Exports Pvt. Ltd.", "company"),  # SWIFT 72's /BNF/
    ("MT Caspian Dawn, flag: Comoros", "CASPIAN DAWN", "vessel"),  # fresh18 dev
    ("OOO PROMRESURS, MOSCOW", "Promresurs LLC", "company"),  # a legal form opens the name
    ("CONSIGNEE: OOO PROMRESURS, MOSCOW, RUSSIA", "Promresurs LLC", "company"),  # fresh18 dev
    ("Promresurs LLC, Dubai, UAE", "Promresurs LLC", "company"),  # the town's country costs nothing more
])
def test_a_label_a_flag_or_an_address_is_no_word_of_the_name(query, listed, schema):
    assert compare(query, listed, schema)[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize("query, listed, schema", [
    ("Promresurs LLC, Dubai", "Promresurs LLC, Moscow", "company"),  # two addresses: two firms
    ("OOO PROMRESURS, MOSCOW", "OOO PROMSERVIS", "company"),
    ("/BNF/ARIHANT TECHNO EXPORTS PVT LTD", "Arihant Foods Pvt. Ltd.", "company"),
])
def test_what_is_left_must_still_agree(query, listed, schema):
    assert compare(query, listed, schema)[0] < MATCH_THRESHOLD


# issue 14, "Qualifiers distinguish sister companies ... a possible affiliate (REVIEW)":
# however long the name that agrees.
@pytest.mark.parametrize("query, listed", [
    ("IRISL Europe GmbH", "Islamic Republic of Iran Shipping Lines"),  # fresh18 dev: 0.90
    ("Gazprom Neft Middle East B.V.", "Gazprom Neft PJSC"),
    ("Islamic Republic of Iran Shipping Lines Europe GmbH", "Islamic Republic of Iran Shipping Lines"),
])
def test_a_place_qualifying_a_long_name_is_held_for_review(query, listed):
    assert REVIEW_THRESHOLD <= compare(query, listed, "company")[0] < MATCH_THRESHOLD


@pytest.mark.parametrize("query, listed", [
    ("ARIHANT TECHNO EXPORTS PVT LTD MUMBAI", "Arihant Techno Exports Pvt. Ltd."),  # after its form: its town
    ("Chongqing Yuhang Aviation Parts Co., Ltd.", "Chongqing Yuhang Aviation Parts Co Ltd (China)"),
    ("Hangzhou Hikvision Digital Technology Co Ltd", "Hikvision Digital Technology Co Ltd"),  # registered there
    ("Acme (HK) Ltd", "Acme Hong Kong Limited"),  # one place, written two ways
])
def test_a_place_where_the_firm_is_is_no_qualifier(query, listed):
    assert compare(query, listed, "company")[0] >= MATCH_THRESHOLD


# issue 14, "Chinese names outside the brand table ... Industry and business words are
# translated word by word" (as Russian names are: ru_org_terms.yaml).
@pytest.mark.parametrize("query, listed, schema", [
    ("Saratovskiy Zavod Elektronnykh Priborov", "Saratov Electronic Instruments Plant", "company"),  # fresh18 dev
    ("Moscow Institute of Physics and Technology", "Московский физико-технический институт", "organization"),
    ("Military Unit 26165", "в/ч 26165", "organization"),  # fresh18 dev: the GRU's unit
    ("Military Unit 74455", "войсковая часть 74455", "organization"),
    ("Uralspetsmash JSC", "Uralspecmash JSC", "company"),  # ц written ts and c
    ("Spetsstroy LLC", "Specstroy LLC", "company"),
])
def test_russian_names_read_in_english(query, listed, schema):
    assert compare(query, listed, schema)[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize("query, listed, schema", [
    ("Casper Group LLC", "OOO Kaspersky Group", "company"),  # Casper, Wyoming, is no Russian town
    ("Military Unit 26165", "в/ч 74455", "organization"),
    ("Saratovskiy Zavod Elektronnykh Priborov", "Samara Electronic Instruments Plant", "company"),
    ("Tsarina Group LLC", "Carina Group LLC", "company"),  # ts before a vowel: an English word's
    ("Watsonia Ltd", "Waconia Ltd", "company"),  # helper-87's review
])
def test_a_russian_reading_still_needs_the_name(query, listed, schema):
    assert compare(query, listed, schema)[0] < REVIEW_THRESHOLD


@pytest.mark.parametrize("query, listed", [
    ("Xu Jiaxiang", "Xu Jiaxing"),  # fresh18 dev: Jiaxing is also a city, 嘉兴
    ("Wang Jiaxing", "Wang Jiaxiang"),
])
def test_a_chinese_name_part_that_is_a_place_is_still_a_syllable(query, listed):
    assert compare(query, listed, "person")[0] < REVIEW_THRESHOLD


# issue 14, "One-letter variants of person names ... must reach at least review strength
# unless other evidence contradicts it": Belarusian forms, Arabic names spelled the French
# way, and two Korean family names.
@pytest.mark.parametrize("query, listed", [
    ("Uladzimir Kavaliou", "Vladimir Kovalev"),  # fresh18 dev: ёў / ё
    ("Natallia Uladzimirauna Kachanava", "Natalya Vladimirovna Kochanova"),  # fresh18 dev: Ul- / Vl-
    ("Andrei Karaliou", "Andrei Korolyov"),
])
def test_belarusian_forms_meet_russian_ones(query, listed):
    assert compare(query, listed, "person")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize("query, listed", [
    ("Nikos Georgiou", "Nikos Georgiev"),  # Greek -iou: no akanye, held for review as before
    ("Nikos Vasiliou", "Nikos Vasilev"),
])
def test_a_greek_name_in_iou_is_no_belarusian_one(query, listed):
    assert compare(query, listed, "person")[0] < MATCH_THRESHOLD


def test_only_uladz_is_belarusian_vl():
    """Uladzimir, Uladzislau: у for в before -ladz-; Ulanova is a Russian family name of its own."""
    assert compare("Ulanova Galina", "Vlanova Galina", "person")[0] < MATCH_THRESHOLD  # helper-87's review


@pytest.mark.parametrize("query, listed", [
    ("Belkacem Hadjadj", "Belqasim Hajjaj"),  # fresh18 dev: French c and dj
    ("Youssef Chraibi", "Yusuf Shraybi"),  # French ch
    ("Rami Khalil Abou Chakra", "Rami Khalil Abu Shaqra"),
    ("Tarek Youssef Fakhoury", "Tariq Yusuf Fakhouri"),  # ق written k
])
def test_french_and_english_spellings_of_an_arabic_name_meet(query, listed):
    assert compare(query, listed, "person")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize("query, listed", [
    ("Peter Chomsky", "Peter Shumsky"),  # no Arabic name: ch and o are no sh and u
    ("Jean Chocron", "Jean Shukrun"),
    # helper-87's review: names Arabs share with others say nothing (Ali, Said, Leila, Ben)
    ("Leila Shelton", "Leila Chilton"),
    ("Ali Cheema", "Ali Shima"),
    ("Said Chelebi", "Said Shilibi"),
    ("Fatma Ceren Yilmaz", "Fatma Sirin Yilmaz"),  # Turkish c is j
    ("Ben Cline", "Ben Klein"),
    ("Ashfaq Cheema", "Ashfaq Shima"),  # a q alone says nothing: a Pakistani name
    ("Youssef Chraibi", "Yusuf Shraydi"),  # another consonant
    ("Tarek Haddad", "Tariq Hammad"),
])
def test_an_arabic_spelling_needs_an_arabic_name(query, listed):
    assert compare(query, listed, "person")[0] < MATCH_THRESHOLD


def test_a_vessels_arabic_name_is_spelled_either_way():
    assert compare("Nur Al Huda", "Noor Al Hoda", "vessel")[0] >= MATCH_THRESHOLD  # fresh18 dev
    assert compare("Nur Al Huda", "Noor Al Hadi", "vessel")[0] < REVIEW_THRESHOLD
    # helper-87's review: by vowels alone, and after the Arabic article only
    assert compare("El Cerro", "El Sero", "vessel")[0] < REVIEW_THRESHOLD
    assert compare("El Coco", "El Kuku", "vessel")[0] < REVIEW_THRESHOLD


def test_two_korean_family_names_are_two_names():
    assert compare("Pak Il Kyu", "Paek Il Kyu", "person")[0] < REVIEW_THRESHOLD  # fresh18 dev: 박 / 백
    assert compare("Pak Il Kyu", "Park Il Kyu", "person")[0] >= MATCH_THRESHOLD  # 박 twice


# issue 14, "Scripts outside CJK and Cyrillic score 0.0: Hebrew ...": a Latin c that says k
# meets the Hebrew כ (and the Arabic ك) in the consonant skeleton.
@pytest.mark.parametrize("query, listed", [
    ("משה כהן", "Moshe Cohen"),  # fresh18 dev: 0.84
    ("דוד כהן", "David Cohen"),
])
def test_a_hard_c_is_a_k_in_a_consonant_skeleton(query, listed):
    assert compare(query, listed, "person")[0] >= MATCH_THRESHOLD


def test_a_hard_c_keeps_its_other_letters():
    assert compare("משה כהן", "Moshe Cohan Levi", "person")[0] < MATCH_THRESHOLD


# issue 14, "One-letter variants of person names": a Thai name in its own spelling and the
# Royal Thai General System's.
@pytest.mark.parametrize("query, listed", [
    ("Chaiyaporn Kittisak", "Chaiyaphon Kittisak"),  # fresh18 dev: final ร, aspirate
    ("Prasert Chanthawong", "Prasoet Chanthawong"),  # fresh18 dev: เ-อ as er / oe
])
def test_a_thai_name_meets_its_rtgs_spelling(query, listed):
    assert compare(query, listed, "person")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize("query, listed", [
    ("Prasert Chanthawong", "Prasit Chanthawong"),  # another given name
    ("Peter Porter", "Peter Poter"),  # no Thai name: held as a one-letter variant was
    ("Stephan Reeves", "Stephan Rivers"),  # helper-87's review: -phan is no Thai ending
    ("Ali Nasiri Reeves", "Ali Nasiri Rivers"),
    ("Somchai Werner", "Somchai Wenner"),  # er is no e
])
def test_a_thai_spelling_needs_a_thai_name(query, listed):
    assert compare(query, listed, "person")[0] < MATCH_THRESHOLD


def test_sulayman_in_its_maghreb_and_west_african_forms():
    """سليمان: Slimane (Maghreb), Souleymane (West Africa), not Salman (سلمان)."""
    assert compare("Abdelaziz Ben Slimane", "Abdulaziz bin Sulayman", "person")[0] >= MATCH_THRESHOLD  # fresh18 dev
    assert compare("Souleymane Diallo", "Sulayman Diallo", "person")[0] >= MATCH_THRESHOLD
    assert compare("Slimane Haddad", "Salman Haddad", "person")[0] < REVIEW_THRESHOLD


# issue 14, "Arabic beyond the tables": Persian organisation words in Persian script.
@pytest.mark.parametrize("query, listed", [
    ("سپاه پاسداران انقلاب اسلامی", "Islamic Revolutionary Guard Corps"),  # fresh18 dev: 0.17
    ("سازمان انرژی اتمی ایران", "Atomic Energy Organization of Iran"),  # fresh18 dev: 0
])
def test_persian_script_organisation_words_read_in_english(query, listed):
    assert compare(query, listed, "organization")[0] >= MATCH_THRESHOLD


def test_persian_words_do_not_make_the_name():
    assert compare("سازمان انرژی اتمی ایران", "Iran Energy Organization", "organization")[0] < REVIEW_THRESHOLD
    assert compare("Bank Sepah", "Bank Corps", "company")[0] < REVIEW_THRESHOLD  # سپه, not سپاه


# issue 14, "Korean and Japanese names that are not in the tables": DPRK universities.
@pytest.mark.parametrize("query, listed", [
    ("Kim Il Sung University", "김일성종합대학"),  # fresh18 dev: 0
    ("Kim Chaek University of Technology", "김책공업종합대학"),
])
def test_a_dprk_university_in_hangul(query, listed):
    assert compare(query, listed, "organization")[0] >= MATCH_THRESHOLD


def test_two_dprk_universities_stay_two():
    assert compare("Kim Il Sung University", "김책공업종합대학", "organization")[0] < REVIEW_THRESHOLD


# issue 14, "Qualifiers distinguish sister companies": two names that end in other places
# after a comma were 1.0 when the kind was unknown (the place read off as a port or flag).
@pytest.mark.parametrize("query, listed", [
    ("Ecobank, Nigeria", "Ecobank, Kenya"),
    ("Bank Melli, Germany", "Bank Melli, France"),
    ("Ecobank, Liberia", "Ecobank, Sierra Leone"),  # flag states are places now too
])
def test_two_places_after_a_comma_are_held_for_review(query, listed):
    assert REVIEW_THRESHOLD <= compare(query, listed)[0] < MATCH_THRESHOLD


@pytest.mark.parametrize("query, listed, schema", [
    ("Acme Ltd, Dubai", "Acme Ltd", None),  # one place: an address
    ("OCEAN STAR, PANAMA", "OCEAN STAR", None),  # a flag
    ("Promresurs LLC, Dubai, UAE", "Promresurs LLC", "company"),
    ("Mauritius Ports Authority", "Mauritius Port Authority", "organization"),  # port is a business word
])
def test_one_place_after_a_comma_says_where_the_party_is(query, listed, schema):
    assert compare(query, listed, schema)[0] >= MATCH_THRESHOLD


def test_a_flag_state_qualifying_a_firm_is_a_place():
    """Malta, Liberia, the Marshall Islands ... are places (generic_words.yaml), so a
    subsidiary named for one is held as Huawei Technologies (UK) is."""
    assert REVIEW_THRESHOLD <= compare("Acme Shipping (Malta) Ltd", "Acme Shipping Ltd", "company")[0] < MATCH_THRESHOLD
