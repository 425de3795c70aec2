"""Annotations around a name are read off it (issue 14; made-up names, each failed before)."""

import pytest

from screening.matching import Matcher, analyze_name, compare
from screening.matching.annotations import strip_annotations
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD
from screening.types import Entry, Name


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        ("MV OCEAN ZEPHYR", "OCEAN ZEPHYR", None),
        ("M/T OCEAN ZEPHYR", "OCEAN ZEPHYR", "vessel"),
        ("T/B KARVELLA", "KARVELLA", "Vessel"),
        ("M.T. KARVELLA", "KARVELLA", "vessel"),  # dotted prefixes (helper-37's fresh pairs)
        ("M. V. KARVELLA", "KARVELLA", "Vessel"),
        ("F.V. KARVELLA", "KARVELLA", "vessel"),
        ("OCEAN ZEPHYR (ex-SEA QUILLON)", "OCEAN ZEPHYR", None),
        ("OCEAN ZEPHYR (ex-SEA QUILLON)", "SEA QUILLON", None),
        ("OCEAN ZEPHYR f/k/a SEA QUILLON", "SEA QUILLON", None),
        ("OCEAN ZEPHYR, PANAMA", "OCEAN ZEPHYR", None),
        ("OCEAN ZEPHYR (IMO 9123456)", "OCEAN ZEPHYR", None),
        ("BENEFICIARY: ZORVIK TRADING LLC", "Zorvik Trading LLC", None),
        ("SHIPPER: ZORVIK TRADING LLC", "Zorvik Trading LLC", "company"),
        ("ORDERING CUSTOMER: ZORVIK TRADING LLC", "Zorvik Trading LLC", None),
        ("FIELD 59: ZORVIK TRADING LLC", "Zorvik Trading LLC", None),
        (":59:/40123456789 ZORVIK TRADING LLC", "Zorvik Trading LLC", None),
        ("Zorvik Trading LLC - Dubai Branch", "Zorvik Trading LLC", "company"),
        ("Zorvik Trading LLC (Dubai Branch)", "Zorvik Trading LLC", None),
        ("Zorvik Trading LLC, Reg. No. 1027700123456", "Zorvik Trading LLC", None),
    ],
)
def test_annotation_is_read_off(query, listed, schema):
    assert compare(query, listed, schema)[0] >= MATCH_THRESHOLD


def test_former_name_kept_as_another_name():
    an = analyze_name("OCEAN ZEPHYR (ex-SEA QUILLON)")
    assert an.texts() == ["ocean", "zephyr"] and an.former == ["SEA QUILLON"]


@pytest.mark.parametrize(
    "name, schema, kept",
    [
        ("MV Agusta S.p.A.", "company", "mv"),  # a company called MV: no vessel prefix read off
        ("SMITH, John", None, "smith"),  # a comma before a given name is no port
        ("Exxon (Ex-Im) Trading", None, "exxon"),
    ],
)
def test_no_annotation_read_where_there_is_none(name, schema, kept):
    assert kept in analyze_name(name, schema).texts()
    assert analyze_name(name, schema).former == []


def test_search_finds_a_vessel_by_its_former_name():
    matcher = Matcher([Entry(id="v", list_id="t", type="vessel", names=[Name("SEA QUILLON", "primary")])])
    assert [h.entry.id for h in matcher.search("OCEAN ZEPHYR (ex-SEA QUILLON)")] == ["v"]


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Zorvik Group Co., Ltd. (Zorvik)", "Zorvik Group Co., Ltd."),
        ("Fujian Qarven Electron Technology Co., Ltd. (Qarven Electron)", "Fujian Qarven Electron Technology Co., Ltd."),
        ("Tavlo Group (also known as Tavlo Technology Co., Ltd.)", "Tavlo Group"),
        ("Tavlo Group (also known as Tavlo Technology Co., Ltd.)", "Tavlo Technology Co., Ltd."),
    ],
)
def test_trailing_short_form_and_aka_are_other_names(query, listed):
    assert compare(query, listed, "company")[0] >= MATCH_THRESHOLD


def test_parenthesised_place_is_not_a_short_form():
    assert analyze_name("Zorvik Technologies (Thailand) Co., Ltd.", "company").former == []


def test_dotted_prefix_of_a_name_not_known_as_a_vessel_is_initials():
    # "M.V." in a listed firm's name is its namesake's initials (M. V. Frunze), kept
    [hit] = Matcher([Entry(id="t:1", list_id="t", type="organization",
                           names=[Name("M.V. FRUNZE ARSENAL DESIGN BUREAU JOINT STOCK COMPANY")])]).search(
        "M.V. Frunze Arsenal Design Bureau")
    assert hit.strength == "match"
    assert [t.text for t in analyze_name("M.V. FRUNZE ARSENAL", None).tokens][:2] == ["m", "v"]


@pytest.mark.parametrize(
    "text, bare, other",
    [
        # helper-50's fresh set: another name written on after the name, without brackets
        ("Sea Star Shipping Co., Ltd. a.k.a. Haixing Shipping", "Sea Star Shipping Co., Ltd.", ["Haixing Shipping"]),
        ("ACME LLC d/b/a Acme Logistics", "ACME LLC", ["Acme Logistics"]),
        ("Oceanic a/k/a: Blue Ocean", "Oceanic", ["Blue Ocean"]),
        ("X Corp a/k/a Y Ltd a/k/a Z Inc", "X Corp", ["Y Ltd", "Z Inc"]),  # a chain
        ("X Corp a.k.a. Y Ltd; Z Inc", "X Corp", ["Y Ltd", "Z Inc"]),
        # helper-51's review: words of a name, not markers
        ("AKA Holdings Ltd", "AKA Holdings Ltd", []),  # a bare "aka"
        ("Shenzhen A.K.A. Trading Co Ltd", "Shenzhen A.K.A. Trading Co Ltd", []),  # capitals with dots
        ("Nordic Trading AS", "Nordic Trading AS", []),  # "Trading AS": a Norwegian firm
    ],
)
def test_aka_written_on_after_the_name(text, bare, other):
    assert strip_annotations(text) == (bare, other)


def test_aka_finds_the_listing_by_either_name():
    assert compare("Sea Star Shipping Co., Ltd. a.k.a. Haixing Shipping", "HAIXING SHIPPING CO., LTD.",
                   "company")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        # helper-50's fresh set, vessels (read half)
        ("MV Saviz (Iran flag)", "SAVIZ"),  # a flag in parentheses
        ("M/T SCF Primorye (Liberia)", "SCF PRIMORYE"),  # a vessel's bare flag in parentheses
        ("AEGEAN PEARL", "SEA ROSE (ex-AEGEAN PEARL, ex-MARIA K) IMO 9314064"),  # former names in a list
        ("MARIA K", "SEA ROSE (ex-AEGEAN PEARL, ex-MARIA K) IMO 9314064"),
        ("M/T GOLDEN BAY ex BAY STAR", "GOLDEN BAY"),  # a bare "ex" after a vessel's name
    ],
)
def test_vessel_annotations(query, listed):
    assert compare(query, listed, "vessel")[0] >= MATCH_THRESHOLD


def test_a_companys_country_in_parentheses_stays():
    """"(Thailand)" after a company's name names a subsidiary; only a vessel's is a flag."""
    assert compare("Huawei Technologies (Thailand) Co., Ltd.", "Huawei Technologies Co., Ltd.",
                   "company")[0] < MATCH_THRESHOLD
    assert strip_annotations("EX TRADING", vessel_name=True) == ("EX TRADING", [])


@pytest.mark.parametrize(
    "text, bare, others",
    [
        ("Joaquin 'El Chapo' Guzman", "Joaquin Guzman", ["El Chapo Guzman"]),  # with the family name
        ('Viktor "Merchant of Death" Bout', "Viktor Bout", ["Merchant of Death Bout"]),
        ("Joaquín «El Chapo» Guzmán", "Joaquín Guzmán", ["El Chapo Guzmán"]),
        ('SHAOHUA "ERIC" WANG', "SHAOHUA WANG", ["ERIC WANG"]),  # one word: with the family name
        ("Conor O'Brien", "Conor O'Brien", []),  # an apostrophe, not a quote
        ("'Ali' Hassan", "'Ali' Hassan", []),  # nothing before the quotes: not inside the name
    ],
)
def test_a_quoted_nickname_inside_a_persons_name_is_another_name(text, bare, others):
    assert strip_annotations(text, vessel=False, person=True) == (bare, others)


def test_quotes_in_a_name_not_known_as_a_persons_stay():
    assert strip_annotations('AO "Concern" Avtomatika', vessel=False) == ('AO "Concern" Avtomatika', [])


@pytest.mark.parametrize(
    "text, bare, others",
    [
        ("HE, Guoliang (何國良)", "HE, Guoliang", ["何國良"]),
        ("ROSNEFT (РОСНЕФТЬ)", "ROSNEFT", ["РОСНЕФТЬ"]),
        ("Acme (HK) Ltd", "Acme (HK) Ltd", []),  # not at the end, and Latin letters
    ],
)
def test_a_trailing_name_in_another_script_is_another_name(text, bare, others):
    assert strip_annotations(text, vessel=False) == (bare, others)


@pytest.mark.parametrize("text", ["Huawei Technologies Co., Ltd. (深圳)", "PETROV, Ivan (Россия)", "WANG, Li (男)"])
def test_a_place_or_note_in_another_script_is_no_name(text):
    # "Shenzhen" must not meet Huawei at 1.00 through its bracket (helper-54's review)
    assert analyze_name(text).former == []


# ------------------------------------------------------------------ a name that starts by saying it is another name
@pytest.mark.parametrize(
    "query, listed",
    [
        # us_other alias pairs (DHS UFLPA writes aliases so): the name is what follows
        ("formerly known as Gansu Yasheng International Trade Group Co., Ltd", "Gansu Yasheng International Trading Co., Ltd"),
        ("formerly known as Zorvik Biotechnology Co., Ltd", "Zorvik Biotechnology Co., Ltd"),
        ("f/k/a Zorvik Biotechnology Co., Ltd", "Zorvik Biotechnology Co., Ltd"),
        ("f.k.a. Zorvik Biotechnology Co., Ltd", "Zorvik Biotechnology Co., Ltd"),
        ("previously known as Zorvik Trading LLC", "Zorvik Trading LLC"),
        ("a.k.a. Zorvik Trading LLC", "Zorvik Trading LLC"),
        ("also known as: Karl Lee", "Karl Lee"),  # a CSL alias written so (ISN)
    ],
)
def test_a_name_after_the_words_that_say_it_is_another_name_is_the_name(query, listed):
    assert compare(query, listed)[0] >= MATCH_THRESHOLD
    bare = strip_annotations(query)[0]
    assert query.endswith(bare) and len(bare) < len(query)


@pytest.mark.parametrize("name", ["AKA Holdings", "FKA Industries", "A.K.A. Trading Co", "Trading AS Nordic",
                                  "Formerly Chaplin"])
def test_marker_letters_that_are_a_name_stay_the_name(name):
    """A bare "aka" or "fka", dotted capitals and "trading as" are names' words."""
    assert strip_annotations(name)[0] == name


def test_the_line_number_of_swift_field_50f_is_not_the_name():
    """helper-57's fresh8: "1/AVANGARD KOMPLEKT OOO" (50F writes "1/" before the name line)."""
    assert compare("1/ZORVIK KOMPLEKT OOO", "ZORVIK KOMPLEKT, OOO", "Company")[0] >= MATCH_THRESHOLD
    assert strip_annotations("1/2 Price Store")[0] == "1/2 Price Store"
    assert strip_annotations("24/7 Trading LLC")[0] == "24/7 Trading LLC"
    assert strip_annotations("7/ELEVEN INC")[0] == "7/ELEVEN INC"  # helper-58's review


def test_a_listed_vessels_hao_is_read_off_as_the_querys():
    """The index reads a listed vessel's name with no schema: both sides drop HAO, or an
    exact query would lose its match (helper-58's review: "HONG FENG 1 HAO")."""
    from screening.matching import Matcher
    from screening.types import Entry, Name

    m = Matcher([Entry(id="v:1", list_id="us-sdn", type="vessel", names=[Name("ZHEN FENG 1 HAO", "primary")],
                       countries=[])])
    for query in ("ZHEN FENG 1 HAO", "ZHEN FENG 1"):
        assert [h.strength for h in m.search(query)] == ["match"]


def test_hao_after_a_chinese_vessels_number_is_not_its_name():
    """号 (HAO, "number"): "XIN YUAN 18 HAO" is XIN YUAN 18 (helper-53's fresh7 vessels)."""
    assert compare("Zhen Yuan 18", "ZHEN YUAN 18 HAO", "Vessel")[0] >= MATCH_THRESHOLD
    assert strip_annotations("ZHEN YUAN 18 HAO", vessel_name=True)[0] == "ZHEN YUAN 18"
    assert strip_annotations("Hao Hao Trading")[0] == "Hao Hao Trading"  # a word, not after a number


def test_a_chinese_branch_is_its_company():
    # 分公司 after 有限公司, a place between (fresh9's read half)
    assert compare("深圳市嘉源电子有限公司北京分公司", "SHENZHEN JIAYUAN ELECTRONICS CO., LTD.", "company")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        # fresh9's read half labels these 1; cut, the branch's place went with it and
        # "Export Development Bank, Cairo Branch" met EXPORT DEVELOPMENT BANK OF IRAN
        # (helper-62's review): held for review
        ("Bank Mellat, Seoul Branch", "BANK MELLAT"),
        ("VTB BANK PJSC SHANGHAI BRANCH", "VTB BANK PJSC"),
    ],
)
def test_a_branch_after_a_comma_or_run_in_is_held_for_review(query, listed):
    assert REVIEW_THRESHOLD <= compare(query, listed, "company")[0] < MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Export Development Bank, Cairo Branch", "EXPORT DEVELOPMENT BANK OF IRAN"),  # helper-62's review
        ("VAN DYKE, Lisa Branch", "Lisa Branch VAN DYKE"),  # a person: must still match
    ],
)
def test_branch_words_after_a_comma_stay_in_the_name(query, listed):
    score = compare(query, listed, None)[0]
    assert score >= MATCH_THRESHOLD if "Lisa" in query else score < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Golden Branch Trading LLC", "Golden Trading LLC"),  # a word of the name
        ("Zorvik Branch", "Zorvik Trading LLC"),  # no legal form before it
    ],
)
def test_branch_as_a_word_of_the_name_stays(query, listed):
    assert compare(query, listed, "company")[0] < MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        # fresh9's read half: a bill of lading's vessel line
        ("VSL: LUNA STAR V.2317E  POL QINGDAO", "LUNA STAR", "Vessel"),
        ("CARRYING VESSEL: SEA SHARK / FLAG: PANAMA", "SEA SHARK", "Vessel"),
        ("Vessel: PACIFIC BRAVE (IMO No. 9305128), Panama flag", "PACIFIC BRAVE", "Vessel"),
        ("VSL: ZORVIK STAR VOY 045N POD ROTTERDAM", "ZORVIK STAR", None),  # the label says vessel
        ("鑫源18号", "XIN YUAN 18", "Vessel"),  # 号 after the number, as HAO
    ],
)
def test_a_shipping_documents_notes_around_a_vessel_are_read_off(query, listed, schema):
    assert compare(query, listed, schema)[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("ZORVIK STAR V 2", "ZORVIK STAR"),  # no label, no vessel: V 2 may be the name's
        ("PORT OF LOADING SERVICES LLC", "LOADING SERVICES LLC"),
    ],
)
def test_voyage_and_port_words_stay_in_a_name_not_known_to_be_a_vessels(query, listed):
    assert compare(query, listed, None)[0] < MATCH_THRESHOLD



@pytest.mark.parametrize(
    "query, listed, schema",
    [
        # helper-61's review: a bank's name is no legal form; the whole name stays
        ("BANK OF CHINA LONDON BRANCH", "BANK MELLI IRAN HAMBURG BRANCH", None),
        ("BANK TEJARAT PARIS BRANCH", "BANK SEPAH PARIS BRANCH", None),
        ("REAL ESTATE BANK OF KUWAIT DOHA BRANCH", "REAL ESTATE BANK OF SYRIA", None),
        # an institute's branch is not its group's
        ("中国电子科技集团公司第十四研究所分公司", "中国电子科技集团公司", None),
        # a vessel's V, POL or VOYAGE without a document's label is the name's
        ("STAR V 3", "STAR V 5", "Vessel"),
        ("SANTA POL 5", "SANTA POL 6", "Vessel"),
        ("OCEAN VOYAGE 8", "OCEAN VOYAGE 9", "Vessel"),
        ("VSL: HAI YANG V 168", "HAI YANG 169", "Vessel"),  # V 168 is a hull number, not a voyage
    ],
)
def test_branch_and_voyage_words_that_are_the_name_stay(query, listed, schema):
    assert compare(query, listed, schema)[0] < 0.70


def test_a_persons_name_after_a_comma_is_no_branch():
    assert compare("HARRIS, Mary Branch", "Mary Branch HARRIS", None)[0] >= MATCH_THRESHOLD



@pytest.mark.parametrize(
    "query, listed",
    [
        ("VSL: SANTA POL 5", "SANTA POL 5"),  # helper-62's review: POL before a number is the name's
        ("VESSEL: OCEAN VOYAGE 8", "OCEAN VOYAGE 8"),
        ("VSL: LUNA STAR V-2317E", "LUNA STAR"),  # voyages as documents write them
        ("VSL: LUNA STAR VOY NO. 045N", "LUNA STAR"),
    ],
)
def test_a_labelled_vessel_keeps_its_own_words(query, listed):
    assert compare(query, listed, "Vessel")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "text, bare",
    [
        ("INV 2023-0412 BILL TO: NORDIC STEEL TRADING AB", "NORDIC STEEL TRADING AB"),  # fresh10's read half
        ("ACCT 100234 - YMTC WUHAN", "YMTC WUHAN"),  # fresh9's read half
        ("PO# 4471: Acme Ltd", "Acme Ltd"),
        ("Legal name: Arctic Polar Resources LLP", "Arctic Polar Resources LLP"),
        ("Ship to: Zorvik GmbH", "Zorvik GmbH"),
    ],
)
def test_an_invoices_reference_and_label_are_no_name(text, bare):
    assert strip_annotations(text)[0] == bare


def test_trading_as_with_its_colon_gives_another_name():
    assert strip_annotations("Arctic Polar Resources LLP; Trading as: APR") == ("Arctic Polar Resources LLP", ["APR"])
    assert strip_annotations("Acme Ltd t/a Acme Logistics") == ("Acme Ltd", ["Acme Logistics"])
    assert strip_annotations("Nordic Trading AS")[0] == "Nordic Trading AS"  # a Norwegian firm


@pytest.mark.parametrize(
    "query, listed",
    [
        ("M/V STELLA MARIS, call sign 3FAB2", "STELLA MARIS"),  # fresh10's read half (0.40)
        ("STELLA MARIS Callsign: 9HA2157", "STELLA MARIS"),
        ("NB NORDIC ARROW", "NORDIC ARROW (Zvezda Shipbuilding Complex hull No. 1123)"),  # (0.15)
    ],
)
def test_a_vessels_call_sign_newbuilding_mark_and_hull_note_are_no_name(query, listed):
    assert compare(query, listed, "Vessel")[0] >= MATCH_THRESHOLD


def test_nb_is_a_newbuilding_only_on_a_vessels_name():
    assert [t.text for t in analyze_name("NB Trading Ltd", "Company").tokens][0] == "nb"


@pytest.mark.parametrize(
    "text, bare, others",
    [
        ("ISAMUDDIN, Nurjaman Riduan (a.k.a. HAMBALI; a.k.a. NURJAMAN, Encep)", "ISAMUDDIN, Nurjaman Riduan",
         ["HAMBALI", "NURJAMAN, Encep"]),  # fresh10's read half: 'Encep Nurjaman' scored 0.38
        ("KURDISTAN WORKERS PARTY (a.k.a. PKK; a.k.a. KADEK; a.k.a. KONGRA-GEL)", "KURDISTAN WORKERS PARTY",
         ["PKK", "KADEK", "KONGRA-GEL"]),
        # a semicolon without a.k.a. is no new name (helper-65's review)
        ("Abu Ali Trading (a.k.a. Abu Ali Co; Syria)", "Abu Ali Trading", ["Abu Ali Co; Syria"]),
        ("WU, Guowei (non-Latin script: 吳國偉)", "WU, Guowei", ["吳國偉"]),  # the SDN writes it so
    ],
)
def test_each_name_of_a_bracketed_group_is_its_own(text, bare, others):
    assert strip_annotations(text) == (bare, others)


def test_a_cantonese_spelling_meets_the_characters_the_list_gives():
    """fresh10's read half: 'Ng Kwok Wai' / 'WU, Guowei (non-Latin script: 吳國偉)' 0.43."""
    assert compare("Ng Kwok Wai", "WU, Guowei (non-Latin script: 吳國偉)", "Person")[0] >= MATCH_THRESHOLD


# --- session 31: notes fresh20's and fresh21's dev halves write around names ------------
# (helper-91's and helper-92's pairs, written without our code; issue 14 lists "port or
# flag after a comma" and "registry numbers" among the annotations to read off)
@pytest.mark.parametrize(
    "query, listed, schema",
    [
        ("Bulk carrier PACIFIC BRAVE, IMO 9312456, flag Panama", "PACIFIC BRAVE", "Vessel"),  # fresh20 dev
        ("PACIFIC BRAVE, flag of Panama", "PACIFIC BRAVE", "Vessel"),
        ("PACIFIC BRAVE, Panama-flagged", "PACIFIC BRAVE", "Vessel"),
        ("Nordic Timber AB (org. nr 556123-4567)", "Nordic Timber Aktiebolag", "Company"),  # fresh20 dev
        ("Alpha Trade Sp. z o.o. (KRS 0000123456)", "Alpha Trade Sp. z o.o.", "Company"),
        ("Muller Maschinenbau GmbH, HRB 86891", "Muller Maschinenbau GmbH", "Company"),
        ("Orchid Pte Ltd (UEN 201912345K)", "Orchid Pte Ltd", "Company"),  # helper-94: a UEN's letter
        ("Khaled Walid Mansour, Lebanese national", "Khalid Walid Mansur", "Person"),  # fresh20 dev
        ("Khaled Walid Mansour (a Lebanese citizen)", "Khalid Walid Mansur", "Person"),
        ("Khaled Walid Mansour, nationality: Lebanese", "Khalid Walid Mansur", None),
        ("Ismael Zambada Garcia", "Ismael ZAMBADA GARCIA alias El Mayo", "Person"),  # fresh21 dev
        ("Kowloon Star Enterprises Ltd", "KOWLOON STAR ENTERPRISES LIMITED 九龍星企業有限公司", "Company"),  # fresh20 dev
        ("九龍星企業有限公司", "KOWLOON STAR ENTERPRISES LIMITED 九龍星企業有限公司", "Company"),
    ],
)
def test_a_note_of_the_record_is_read_off(query, listed, schema):
    assert compare(query, listed, schema)[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        ("National Iranian Oil Company, National", "National Iranian Oil Company", None),  # a firm's word
        ("Smart Alias Ltd", "Smart Trading Ltd", None),        # Alias is a firm's word, no aka
        ("KARIMI, Bandar", "Hamidreza Karimi", "Person"),      # one word after the comma: a given name
        # helper-93's review
        ("Mohd Alias Ibrahim", "Mohd Alias Hassan", "Person"),          # Alias: a Malay given name
        ("MUHAMMAD BIN ALI 750101-14-5555", "MUHAMMAD BIN OMAR", "Person"),  # bin: son of
        ("KRS 12345 Logistics", "KRS 67890 Logistics", None),           # a label mid-name
        ("GARCIA LOPEZ, Jesus Maria", "GARCIA LOPEZ", "Person"),        # a given name that is a town
        ("Juan Carlos, Santa Cruz", "Juan Carlos", "Person"),           # a saint's town: a surname too
        ("ООО Сервисный центр Huawei Technologies", "Huawei Technologies Co Ltd", None),  # a service centre
        ("Trading Company Limited 九龍星企業有限公司", "Trading Company Limited", "Company"),
        ("Pacific Trading LLC", "Pacifica Trading LLC", "Company"),     # a letter added makes a name
        # helper-94's review: two numbers of one register are two firms
        ("ROMASHKA SP. Z O.O. (KRS 0000123456)", "ROMASHKA SP. Z O.O. (KRS 0000654321)", "Company"),
        ("Alfa Trading GmbH (HRB 12345)", "Alfa Trading GmbH (HRB 99887)", "Company"),
        ("Garcia Lopez, Jesus Maria", "GARCIA LOPEZ, Jose Luis", "Person"),  # given names that are a town
    ],
)
def test_words_like_a_note_stay_in_the_name(query, listed, schema):
    assert compare(query, listed, schema)[0] < MATCH_THRESHOLD


def test_a_place_in_another_script_is_not_read_as_a_second_name():
    # "Huawei Technologies Co., Ltd. (深圳)": Shenzhen must not meet Huawei (helper-54's review)
    assert analyze_name("Huawei Technologies Co., Ltd. (深圳)").former == []
    assert analyze_name("KOWLOON STAR ENTERPRISES LIMITED 九龍星企業有限公司").former[0] == "九龍星企業有限公司"
