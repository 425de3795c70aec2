"""Name analysis: tags, legal forms, numbers, acronyms, Chinese segmentation."""

import pytest

from screening.matching import analyze_name, compare


def tagged(text, schema=None):
    return [(t.text, t.tag) for t in analyze_name(text, schema).tokens]


def test_legal_forms_tagged_and_reported():
    an = analyze_name("Huawei Technologies Co., Ltd.")
    assert an.schema == "company"
    assert [t.text for t in an.tokens if t.tag == "distinctive"] == ["huawei"]
    assert an.legal == ["co ltd"]


def test_cyrillic_legal_form():
    assert tagged("ООО Техномар")[0][1] == "legal"


def test_homoglyph_folded():
    assert tagged("Huаwei") == [("huawei", "distinctive")]  # Cyrillic а


def test_abbreviations_expanded():
    assert tagged("GUANGZHOU HAIGE COMM GRP") == [
        ("guangzhou", "location"), ("haige", "distinctive"), ("communications", "generic"), ("group", "generic"),
    ]


def test_numbers_normalised():
    assert analyze_name("CETC 13th Research Institute").numbers == {"13"}
    assert analyze_name("CETC No. 13 Research Institute").numbers == {"13"}
    assert analyze_name("XIII Research Institute", "company").numbers == {"13"}
    assert analyze_name("第十三研究所").numbers == {"13"}


def test_parenthesised_acronym_becomes_alias():
    an = analyze_name("Semiconductor Manufacturing International Corporation (SMIC)")
    assert an.acronyms == ["SMIC"]
    assert "smic" not in [t.text for t in an.tokens]


def test_org_acronym_spelled_out_as_variant():
    an = analyze_name("CETC 13")
    assert [t.text for t in an.tokens] == ["cetc", "13"]
    assert "electronics" in [t.text for t in an.variants[0]]


def test_chinese_company_segmented():
    an = analyze_name("成都海光集成电路设计有限公司")
    assert tagged("成都海光集成电路设计有限公司")[:2] == [("chengdu", "location"), ("haiguang", "distinctive")]
    assert an.tokens[1].note == "pinyin of 海光"
    assert an.legal == ["有限公司"]
    assert [t.text for t in an.variants[0]][:3] == ["chengdu", "haiguang", "jicheng"]


def test_traditional_chinese_simplified_first():
    assert tagged("華為技術有限公司") == tagged("华为技术有限公司")


def test_chinese_person_family_name_first():
    an = analyze_name("习近平")
    assert [t.text for t in an.tokens] == ["xi", "jinping"]
    assert an.schema == "person"
    assert an.tokens[0].family


def test_person_comma_order():
    an = analyze_name("SALEK, Abdulhai")
    assert [t.text for t in an.tokens] == ["abdulhai", "salek"]
    assert [t.family for t in an.tokens] == [False, True]


def test_short_legal_form_is_a_name_part_in_a_person_name():
    assert tagged("Thomas Sa") == [("thomas", "distinctive"), ("sa", "distinctive")]


def test_generic_word_in_person_name_is_distinctive():
    assert tagged("Meghan West") == [("meghan", "distinctive"), ("west", "distinctive")]


def test_roman_numerals_only_in_numeric_context():
    assert analyze_name("Institute XIII of CETC").numbers == {"13"}
    assert analyze_name("Unit IV", "company").numbers == {"4"}
    assert analyze_name("John Smith III", "person").numbers == {"3"}
    assert analyze_name("Xi Jinping").numbers == frozenset()
    assert analyze_name("Li Ning Sports Goods Co., Ltd.").numbers == frozenset()
    assert analyze_name("I-Tech Mix Ltd").numbers == frozenset()


def test_chinese_zero_and_bare_unit_numerals():
    assert analyze_name("中国船舶重工集团公司第七〇二研究所").numbers == {"702"}
    assert analyze_name("航天科工二院").numbers == {"2"}
    assert analyze_name("中电科十四所").numbers == {"14"}


def test_russian_organisation_words_translated():
    texts = [t.text for t in analyze_name("АО «Концерн Калашников»").tokens]
    assert texts == ["jsc", "concern", "kalashnikov"]
    an = analyze_name("JOINT STOCK COMPANY VOTKINSKIY ZAVOD")
    assert ["zavod"] in [[t.text for t in r] for c in an.choices for r in c.readings]


def test_latin_letters_read_as_cyrillic_look_alikes():
    an = analyze_name("OOO TEXHOMAP")
    assert ["tekhnomar"] in [[t.text for t in r] for c in an.choices for r in c.readings]


def test_acronym_with_unit_number_is_an_alias_but_a_parent_acronym_is_not():
    assert analyze_name("China Electronics Technology Group Corporation 14th Research Institute (CETC 14)").acronyms == ["CETC 14"]
    an = analyze_name("Xinjiang Production and Construction Corps (XPCC) Public Security Bureau")
    assert an.acronyms == [] and "xpcc" not in [t.text for t in an.tokens]


def test_group_corporation_keeps_group():
    an = analyze_name("China Electronics Technology Group Corporation")
    assert [(t.text, t.tag) for t in an.tokens][-2:] == [("group", "generic"), ("corp", "legal")]


def test_brand_and_short_names():
    assert analyze_name("华为").schema != "person"  # a brand, not Hua Wei
    assert analyze_name("张大华").schema == "person"  # 大华 is a brand, 张大华 a person


@pytest.mark.parametrize("name", ["Acme GmbH", "Nordlicht Magnetics GmbH", "Acme KGaA"])
def test_a_mixed_case_legal_form_is_not_split_into_words(name):
    """Before: "GmbH" gave a variant with the words "gmb" and "h" (the capital H read as a new word)."""
    for variant in analyze_name(name).variants:
        assert "gmb" not in [t.text for t in variant] and "ga" not in [t.text for t in variant]


def test_joined_words_are_still_split():
    assert ["van", "der", "bilt"] in [[t.text for t in v][:3] for v in analyze_name("VanDerBilt Corp").variants]


# ------------------------------------------------------------------ an address after a firm's legal form
@pytest.mark.parametrize(
    "query, listed, schema",
    [
        # helper-57's fresh8, read half (names made up but for the layout)
        ("CONSIGNEE: ZORVIK TRADING CO LTD, RM 1203 12/F NATHAN RD KOWLOON HK", "ZORVIK TRADING COMPANY LIMITED", None),
        ("Zorvik Trading LLC, P.O. Box 1234, Dubai", "Zorvik Trading LLC", None),
    ],
)
def test_an_address_after_a_firms_legal_form_is_not_its_name(query, listed, schema):
    from screening.matching import compare

    assert compare(query, listed, schema)[0] >= 0.85


@pytest.mark.parametrize(
    "name",
    [
        "China Electronics Technology Group Corporation, 30th Research Institute",  # a unit, not an address
        "Kappa Marine S.A. Panama",  # one place without a comma: maybe a sister's qualifier
        "OOO Moskva",  # a legal form that opens the name
        "Zorvik LLC, Kestrel LLC",  # two names
        "Huawei Technologies (UK) Co., Ltd.",
        # helper-58's and helper-59's reviews
        "GULF ZORVIK TRADING LLC SHARJAH UAE",  # no comma: maybe the sister in another emirate
        "Zorvik Logistics Ltd, Hong Kong",  # a place alone: "Zorvik Hong Kong Ltd" must still meet it
        "Emirates Zorvik Holding LLC, Tower 1",  # one address word: a unit
        "Zorvik Inc, 12 Street Kids Foundation",  # a second party
        "Bank Zorvik Iran Branch, Hamburg Germany",  # a branch's place names the branch
        "Gazprom Zorvik Holding JSC, 7 Days Publishing House",  # a unit with a number
        "CETC, 54th Research Institute, 589 Zhongshan West Road",  # the unit before the address
        "Sinopec Zorvik Corp, No. 2 Refinery District",  # a numbered unit
    ],
)
def test_what_follows_a_legal_form_stays_when_it_is_no_address(name):
    from screening.matching.names import _address_cut
    from screening.matching.resources import tables

    assert _address_cut(name, tables()) == name


def test_a_place_after_a_comma_still_meets_the_place_inside_the_name():
    """helper-59's review: cutting ", Dubai" lost "Acme Dubai Ltd" (1.00 -> 0.69)."""
    from screening.matching import compare

    assert compare("Zorvik Dubai Ltd", "Zorvik Ltd, Dubai", "Company")[0] >= 0.85
    assert compare("Zorvik Ltd, Moscow", "Zorvik Ltd, Minsk", "Company")[0] < 0.85  # maybe sisters


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Ocean Link Logistics Ltd, Hong Kong", "OCEAN LINK LOGISTICS LIMITED"),  # fresh8's read half
        ("Tajco S.A.R.L., Beirut", "TAJCO"),  # fresh9's read half
        ("OCEAN LINK LOGISTICS LIMITED", "Ocean Link Logistics Ltd, Hong Kong"),  # the list writes it
    ],
)
def test_a_place_after_a_firms_legal_form_and_a_comma_is_where_it_is(query, listed):
    assert compare(query, listed, "Company")[0] >= 0.85


def test_two_places_after_the_legal_form_still_set_firms_apart():
    assert compare("Acme Ltd, Moscow", "Acme Ltd, Minsk", "Company")[0] < 0.70
    assert compare("Ecobank, Ghana", "Ecobank, Togo", "Company")[0] < 0.70  # no legal form: a name's place
    # both write a place after the form, and they differ: two branches (helper-59's review)
    assert compare("Bank Melli Iran PLC, Hamburg", "Bank Melli Iran PLC, Paris", "Company")[0] < 0.85


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        ("Mr. Li Fangwei, Dalian, Liaoning, PRC", "LI, Fangwei", "Person"),  # fresh9's read half
        ("Mr. Li Fangwei, Dalian, Liaoning, PRC", "LI, Fangwei", None),  # a title says a person
        ("SMITH, John, London, UK", "SMITH, John", "Person"),
    ],
)
def test_an_address_after_a_persons_name_is_where_the_person_lives(query, listed, schema):
    assert compare(query, listed, schema)[0] >= 0.85


def test_a_persons_address_keeps_the_name_and_a_firms_places_stay():
    # one place after a comma may be a given name ("JOHNSON, Chad"), and a family
    # name alone is not the person ("JORDAN, Georgia, Atlanta, USA" keeps Georgia)
    assert compare("JOHNSON, Chad", "JOHNSON, Mary", "Person")[0] < 0.70
    assert compare("JORDAN, Georgia, Atlanta, USA", "JORDAN, Mary", "Person")[0] < 0.70
    # the address does not make another person's name agree
    assert compare("Mr. Li Fangwei, Dalian, Liaoning, PRC", "LI, Fangmin", "Person")[0] < 0.70
    # without a title, a name of unknown kind may be a firm's, whose places set it apart
    assert compare("Acme Trading, Dalian, Liaoning, PRC", "ACME TRADING, Shanghai")[0] < 0.85


@pytest.mark.parametrize(
    "query, listed",
    [
        # fresh10's read half
        ("HANBIT TRADING CO LTD 12F, 45 Teheran-ro, Gangnam-gu, Seoul", "HANBIT TRADING CO., LTD."),
        ("SHIPPER: ZHEJIANG HUAYANG CHEMICAL CO LTD NO.88 BINHAI RD", "ZHEJIANG HUAYANG CHEMICAL CO., LTD."),
        ("Sinar Bahari Nusantara, P.T., Jl. Gunung Sahari No. 12, Jakarta", "SINAR BAHARI NUSANTARA, PT"),
        ("INV 2023-0412 BILL TO: NORDIC STEEL TRADING AB, Box 1234, Göteborg", "NORDIC STEEL TRADING AB"),
        ("ABC Ltd, 5th Floor", "ABC Ltd"),  # helper-57's review
    ],
)
def test_a_street_address_after_a_firms_legal_form_is_no_name(query, listed):
    assert compare(query, listed, "Company")[0] >= 0.85


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Acme Inc, 12 Street Kids Foundation", "Acme Inc"),  # another organisation (helper-62's review)
        ("Global Trading Ltd, 5th Floor Ventures", "Global Trading Ltd"),
        ("China Electronics Technology Group Corporation, 54th Research Institute, 589 Zhongshan West Road, "
         "Shijiazhuang", "China Electronics Technology Group Corporation"),  # a unit, then its address
    ],
)
def test_an_organisation_or_unit_after_the_legal_form_stays(query, listed):
    assert compare(query, listed)[0] < 0.70


def test_a_limited_partnership_is_not_its_partner_company():
    """fresh10's read half: 'Sp. z o.o. Sp. k.' is a limited partnership whose partner is the
    sp. z o.o. (1.00 before), as 'GmbH & Co. KG' is not its GmbH: review, not a match."""
    for query, listed in [("Baltmar Logistics Sp. z o.o. Sp. k.", "BALTMAR LOGISTICS SPOLKA Z OGRANICZONA ODPOWIEDZIALNOSCIA"),
                          ("Hansa Maschinenhandel GmbH & Co. KG", "HANSA MASCHINENHANDEL GMBH")]:
        assert 0.70 <= compare(query, listed, "Company")[0] < 0.85
    assert compare("Baltmar Logistics Sp. z o.o. Sp. k.", "BALTMAR LOGISTICS SP. Z O.O. SP.K.", "Company")[0] >= 0.85


def test_ii_and_iii_are_numbers_anywhere_in_a_firms_name():
    """fresh10's read half: 'Ocean Pearl II Navigation Inc' / 'OCEAN PEARL NAVIGATION INC'
    0.91 (the owner of a series' second ship); the SDN's ALPHACONNECT INVESTMENTS II and
    ALPHACONNECT INVESTMENTS are two designated firms."""
    assert compare("Ocean Pearl II Navigation Inc", "OCEAN PEARL NAVIGATION INC", "Company")[0] < 0.85
    assert compare("Ocean Pearl II Navigation Inc", "OCEAN PEARL 2 NAVIGATION INC", "Company")[0] >= 0.85
    assert compare("Ocean Pearl II Navigation Inc", "OCEAN PEARL III NAVIGATION INC", "Company")[0] < 0.70


def test_a_firms_place_after_its_legal_form_stays_when_no_schema_is_given():
    """helper-62's and helper-59's reviews: 'Kappa Marine SA, Panama' / '..., Liberia' and
    'Emirates Trading LLC, Dubai' / '..., Sharjah' met at 0.96 and 1.00 with no schema, as
    each place was read off as a vessel's flag; a firm's place now stays as a company's.
    (Flag states as places were withdrawn after helper-65's review: 'Ecobank, Liberia' /
    'Ecobank, Sierra Leone', with no legal form, were then read as two vessels' flags.)"""
    assert compare("Kappa Marine SA, Panama", "Kappa Marine SA, Liberia")[0] < 0.85
    assert compare("Emirates Trading LLC, Dubai", "Emirates Trading LLC, Sharjah")[0] < 0.70
    assert compare("Ocean Link Logistics Ltd, Hong Kong", "OCEAN LINK LOGISTICS LIMITED")[0] >= 0.85


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        ("S&amp;T Motiv Co Ltd", "S&T MOTIV CO., LTD.", "Company"),  # helper-65's review: 0
        ("AL-QA&#39;IDA", "AL-QA'IDA", "Organization"),
        ("Soci&eacute;t&eacute; G&eacute;n&eacute;rale", "SOCIETE GENERALE", "Company"),
    ],
)
def test_html_entities_of_a_web_export_are_the_characters_they_write(query, listed, schema):
    assert compare(query, listed, schema)[0] >= 0.85
