"""The matching data tables in ``screening/resources/`` load and agree with each other.

These tests read the YAML directly (not through ``screening.matching``) so a
broken table is reported as a data error, with the offending entry named.
Folding follows the contract in ``screening/resources/README.md``: NFKC,
apostrophes dropped, transliteration to ASCII, casefold, ``&`` -> "and",
every other non-alphanumeric character splits words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import opencc
import pytest
import yaml
from unidecode import unidecode

RESOURCES = Path(__file__).resolve().parents[2] / "screening" / "resources"
#: The tables this suite owns (countries.* belong to the importers).
TABLES = [
    "legal_forms.yaml",
    "abbreviations.yaml",
    "zh_terms.yaml",
    "generic_words.yaml",
    "homoglyphs.yaml",
    "romanization.yaml",
    "numbers.yaml",
    "zh_brands.yaml",
    "ru_org_terms.yaml",
    "tr_org_terms.yaml",
    "fa_org_terms.yaml",
    "ar_org_terms.yaml",
    "ko_org_terms.yaml",
    "nicknames.yaml",
    "ko_names.yaml",
]
#: A folded English word as stored in the tables.
WORD_RE = re.compile(r"^[a-z0-9]+$")
#: A folded English phrase: words separated by single spaces.
PHRASE_RE = re.compile(r"^[a-z0-9]+( [a-z0-9]+)*$")
APOSTROPHES = re.compile("['’‘`´ʼʻ′]")
T2S = opencc.OpenCC("t2s")


class _UniqueKeyLoader(yaml.SafeLoader):
    """A SafeLoader that refuses duplicate mapping keys (PyYAML keeps the last)."""


def _construct_unique(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    """Build a mapping, raising on a key seen twice."""
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique)


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Parse one table, refusing duplicate keys."""
    with (RESOURCES / name).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_UniqueKeyLoader)


def has_han(text: str) -> bool:
    """True when ``text`` holds a CJK ideograph."""
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def fold(text: str) -> str:
    """Fold a phrase the way the README contract says the matcher does."""
    text = unicodedata.normalize("NFKC", text)
    text = APOSTROPHES.sub("", text)
    text = unidecode(text).lower().replace("&", " and ")
    return " ".join(t for t in re.split(r"[^0-9a-z]+", text) if t)


def alternatives(value: Any) -> list[list[str]]:
    """The readings of a ``terms`` value: a word, a token list, or a list of token lists."""
    if isinstance(value, str):
        return [value.split()]
    if value and all(isinstance(v, list) for v in value):
        return [list(v) for v in value]
    return [list(value)]


def segment(text: str, *dicts: dict[str, Any]) -> list[str]:
    """Greedy longest-match segmentation of Han ``text`` over the given tables.

    Characters no table knows come out one by one (the matcher romanises them).
    """
    keys = set().union(*dicts)
    longest = max(len(k) for k in keys)
    out: list[str] = []
    i = 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 0, -1):
            if text[i : i + size] in keys:
                out.append(text[i : i + size])
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return out


# --- every table ------------------------------------------------------------------


@pytest.mark.parametrize("name", TABLES)
def test_table_parses_without_duplicate_keys(name: str) -> None:
    assert load(name) is not None


#: Keys whose value YAML may rightly read as true / false (switches, not words).
SWITCHES = {"written_first", "marks_an_organisation"}


def _bools_among_words(value: Any, path: str = "") -> list[str]:
    """Where a table holds true / false but for a switch: a bare NO (Norway), on, yes,
    off, y or n in a list of words, which YAML 1.1 reads as a bool."""
    if isinstance(value, bool):
        return [] if path.rsplit(".", 1)[-1] in SWITCHES else [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _bools_among_words(v, f"{path}.{k}")] + [
            f"{path}.<key {k}>" for k in value if isinstance(k, bool)]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _bools_among_words(v, f"{path}[{i}]")]
    return []


@pytest.mark.parametrize("name", sorted(p.name for p in RESOURCES.glob("*.yaml")))
def test_no_word_is_read_as_true_or_false(name: str) -> None:
    """word_lists.yaml's digit_small_words had on read as true, and
    legal_form_countries.yaml had Norway's NO read as false (compiled code, which
    checks types, found them)."""
    assert _bools_among_words(load(name)) == []


# --- legal_forms.yaml ---------------------------------------------------------------


def legal_groups() -> list[dict[str, Any]]:
    """The legal-form groups."""
    groups = load("legal_forms.yaml")
    assert isinstance(groups, list)
    return groups


def test_legal_groups_have_forms_and_compare() -> None:
    for group in legal_groups():
        assert set(group) in ({"forms", "compare"}, {"forms", "compare", "edge_forms"}), group
        assert PHRASE_RE.match(group["compare"]), group["compare"]
        assert group["forms"] and all(isinstance(f, str) and f.strip() for f in group["forms"]), group


def test_legal_forms_are_not_repeated_literally() -> None:
    seen: dict[str, str] = {}
    for group in legal_groups():
        for form in group["forms"]:
            assert form not in seen, f"{form!r} in {seen.get(form)} and {group['compare']}"
            seen[form] = group["compare"]


def test_a_folded_legal_form_has_one_meaning() -> None:
    meaning: dict[str, str] = {}
    for group in legal_groups():
        for form in group["forms"]:
            key = T2S.convert(form) if has_han(form) else fold(form)
            assert key, f"{form!r} folds to nothing"
            other = meaning.setdefault(key, group["compare"])
            assert other == group["compare"], f"{form!r} -> {key!r} is both {other} and {group['compare']}"


def legal_compare(form: str) -> str | None:
    """The compare form of ``form`` (folded lookup), or None."""
    key = T2S.convert(form) if has_han(form) else fold(form)
    for group in legal_groups():
        for f in group["forms"]:
            if (T2S.convert(f) if has_han(f) else fold(f)) == key:
                return str(group["compare"])
    return None


def test_legal_forms_cover_the_issue_list() -> None:
    assert legal_compare("Co., Ltd.") == "ltd"
    assert legal_compare("Company Limited") == "ltd"
    assert legal_compare("L.L.C.") == "llc"
    assert legal_compare("OOO") == "llc"
    assert legal_compare("ООО") == "llc"
    assert legal_compare("АО") == "jsc"
    assert legal_compare("ПАО") == "pjsc"
    assert legal_compare("PAO") == "pjsc"
    assert legal_compare("ЗАО") == "cjsc"
    assert legal_compare("ОАО") == "ojsc"
    assert legal_compare("ТОО") == "llp"
    assert legal_compare("GmbH & Co. KG") == "gmbh co kg"
    assert legal_compare("Sp. z o.o.") == "spzoo"
    assert legal_compare("spol. s r.o.") == "sro"
    assert legal_compare("S.p.A.") == "spa"
    assert legal_compare("Pte. Ltd.") == "ltd"
    assert legal_compare("Sdn. Bhd.") == "ltd"
    assert legal_compare("K.K.") == "kk"
    assert legal_compare("株式会社") == "kk"
    assert legal_compare("(주)") == "jsc"
    assert legal_compare("有限公司") == "ltd"
    assert legal_compare("股份有限公司") == "ltd"
    assert legal_compare("有限責任公司") == "ltd"
    assert legal_compare("集團有限公司") == "group ltd"
    assert legal_compare("ذ.م.م") == "llc"
    assert legal_compare("FZCO") == "fzco"
    assert legal_compare("Technology") is None


# --- abbreviations.yaml -------------------------------------------------------------


def test_abbreviations_are_single_folded_tokens_with_word_expansions() -> None:
    for abbr, expansion in load("abbreviations.yaml").items():
        assert WORD_RE.match(fold(abbr)) and " " not in fold(abbr), abbr
        readings = expansion if isinstance(expansion, list) else [expansion]
        for reading in readings:
            assert PHRASE_RE.match(reading), f"{abbr}: {reading!r}"
            assert reading != fold(abbr), f"{abbr} expands to itself"


def test_abbreviations_from_the_issues() -> None:
    abbr = load("abbreviations.yaml")
    assert abbr["comm"][0] == "communications"
    assert abbr["grp"] == "group"
    assert abbr["srvces"] == "services"
    assert abbr["tech"][0] == "technology"
    assert abbr["intl"] == "international"
    assert abbr["cetc"] == "china electronics technology group corporation"


def test_abbreviation_that_is_a_legal_form_expands_within_its_group() -> None:
    for abbr, expansion in load("abbreviations.yaml").items():
        compare = legal_compare(abbr)
        if compare is not None:
            first = expansion[0] if isinstance(expansion, list) else expansion
            assert legal_compare(first) == compare, abbr


# --- zh_terms.yaml ------------------------------------------------------------------


def test_zh_terms_sections() -> None:
    assert set(load("zh_terms.yaml")) == {"terms", "places", "legal"}


def test_zh_keys_are_simplified_han() -> None:
    data = load("zh_terms.yaml")
    for section in ("terms", "places", "legal"):
        for key in data[section]:
            assert all("\u3400" <= ch <= "\u9fff" for ch in key), key
            assert T2S.convert(key) == key, f"{key} is not simplified ({T2S.convert(key)})"


def test_zh_term_readings_are_folded_words() -> None:
    for term, value in load("zh_terms.yaml")["terms"].items():
        readings = alternatives(value)
        assert any(readings), f"{term}: no non-empty reading"
        for reading in readings:
            assert all(WORD_RE.match(tok) for tok in reading), f"{term}: {reading}"


def test_zh_term_count_is_several_hundred() -> None:
    assert len(load("zh_terms.yaml")["terms"]) >= 300


def test_zh_places_are_folded_phrases() -> None:
    for place, value in load("zh_terms.yaml")["places"].items():
        forms = value if isinstance(value, list) else [value]
        assert forms, place
        assert all(PHRASE_RE.match(f) for f in forms), f"{place}: {forms}"


def test_zh_places_cover_every_province_level_division() -> None:
    places = load("zh_terms.yaml")["places"]
    provinces = "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
    for name in provinces.split():
        assert name in places, name
    assert places["西安"][0] == "xian"
    assert places["香港"][0] == "hong kong"
    assert places["内蒙古"][0] == "inner mongolia"


def test_zh_legal_agrees_with_legal_forms() -> None:
    compares = {g["compare"] for g in legal_groups()}
    for term, compare in load("zh_terms.yaml")["legal"].items():
        assert compare in compares, f"{term}: {compare} is not a compare form"
        listed = legal_compare(term)
        assert listed in (None, compare), f"{term}: {compare} here, {listed} in legal_forms.yaml"


def test_chinese_name_segments_into_its_english_listing() -> None:
    """成都海光集成电路设计有限公司 ~ "Chengdu Haiguang Integrated Circuit Design Co., Ltd."."""
    data = load("zh_terms.yaml")
    parts = segment("成都海光集成电路设计有限公司", data["places"], data["terms"], data["legal"])
    assert parts == ["成都", "海", "光", "集成电路", "设计", "有限公司"]
    assert data["places"]["成都"] == "chengdu"
    assert alternatives(data["terms"]["集成电路"])[0] == ["integrated", "circuit"]
    assert alternatives(data["terms"]["设计"])[0] == ["design"]
    assert data["legal"]["有限公司"] == "ltd"


def test_research_institute_name_segments() -> None:
    data = load("zh_terms.yaml")
    parts = segment("中国电子科技集团公司第十三研究所", data["places"], data["terms"], data["legal"])
    assert parts == ["中国", "电子科技", "集团公司", "第", "十", "三", "研究所"]
    assert data["legal"]["集团公司"] == "group corp"
    assert ["research", "institute"] in alternatives(data["terms"]["研究所"])


# --- generic_words.yaml -------------------------------------------------------------


def test_generic_word_classes() -> None:
    data = load("generic_words.yaml")
    assert set(data) == {"org_class", "generic", "locations", "person_titles", "stopwords", "branch_words"}
    for cls, words in data.items():
        assert len(words) == len(set(words)), f"{cls} repeats a word"
        for word in words:
            assert PHRASE_RE.match(word), f"{cls}: {word!r}"


def test_generic_words_include_the_false_positive_culprits() -> None:
    data = load("generic_words.yaml")
    assert "company" in data["org_class"]
    assert "technology" in data["generic"]
    assert "hong kong" in data["locations"]
    assert "shenzhen" in data["locations"]
    assert "sheikh" in data["person_titles"]


def test_numbers_are_never_generic() -> None:
    data = load("generic_words.yaml")
    numbers = load("numbers.yaml")
    number_words = set(numbers["ordinals_en"]) | set(numbers["cardinals_en"])
    assert not number_words & set(data["generic"])
    assert not number_words & set(data["org_class"])


def test_chinese_provinces_are_locations() -> None:
    locations = set(load("generic_words.yaml")["locations"])
    for place, value in load("zh_terms.yaml")["places"].items():
        if place.endswith(("省", "自治区", "特别行政区")):
            first = value[0] if isinstance(value, list) else value
            assert first in locations, f"{place} -> {first}"


# --- homoglyphs.yaml ----------------------------------------------------------------


def test_homoglyphs_map_one_non_ascii_char_to_latin() -> None:
    for char, latin in load("homoglyphs.yaml").items():
        assert len(char) == 1 and not char.isascii(), char
        assert re.fullmatch("[a-z]", latin), f"{char!r} -> {latin!r}"


def test_homoglyphs_fold_spoofed_names() -> None:
    table = load("homoglyphs.yaml")

    def unspoof(text: str) -> str:
        return "".join(table.get(ch, ch) for ch in text).lower()

    assert unspoof("Huаwei") == "huawei"  # Cyrillic а
    assert unspoof("НUAWEI") == "huawei"  # Cyrillic Н
    assert unspoof("Ηikvisiοn") == "hikvision"  # Greek Η and ο
    assert unspoof("DJІ") == "dji"  # Ukrainian І


# --- romanization.yaml --------------------------------------------------------------


def skeleton(token: str) -> str:
    """Apply the romanisation rules to one token, as the README contract says."""
    out = fold(token)
    for rule in load("romanization.yaml")["rules"]:
        out = re.sub(rule["pattern"], rule["replace"], out)
    return out


def test_romanization_rules_compile_and_are_documented() -> None:
    for rule in load("romanization.yaml")["rules"]:
        re.compile(rule["pattern"])
        assert rule.get("note"), rule


@pytest.mark.parametrize("left,right", load("romanization.yaml")["examples"])
def test_romanization_examples_meet(left: str, right: str) -> None:
    assert skeleton(left) == skeleton(right)


@pytest.mark.parametrize("left,right", load("romanization.yaml")["negatives"])
def test_romanization_negatives_stay_apart(left: str, right: str) -> None:
    assert skeleton(left) != skeleton(right)


def test_romanization_skeletons() -> None:
    assert skeleton("Kholmogrant") == "holmogrant"
    assert skeleton("Zhytomyrskyi") == "zhitomirski"
    assert skeleton("Alexander") == "aleksandr"


# --- numbers.yaml -------------------------------------------------------------------


def read_zh_numeral(text: str) -> int:
    """The matcher's own Chinese-numeral reader, fed the ``zh_digits`` table."""
    from screening.matching.names import _zh_number

    value = _zh_number(text, load("numbers.yaml")["zh_digits"])
    assert value is not None, text
    return value


def read_roman(text: str) -> int:
    """Reference Roman-numeral reader (subtractive notation)."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for i, ch in enumerate(text):
        value = values[ch]
        total += -value if i + 1 < len(text) and values[text[i + 1]] > value else value
    return total


def test_zh_numeral_examples() -> None:
    patterns = {p["name"]: p for p in load("numbers.yaml")["patterns"]}
    for name in ("zh_ordinal", "zh_bare_numeral"):
        regex = re.compile(patterns[name]["regex"])
        for text, number in patterns[name]["examples"]:
            match = regex.search(text)
            assert match is not None, text
            assert read_zh_numeral(match.group(1)) == number, text


def test_roman_table_is_consistent() -> None:
    roman = load("numbers.yaml")["roman"]
    assert len(roman) == 50
    for numeral, value in roman.items():
        assert read_roman(numeral) == value, numeral
    assert roman["xiii"] == 13


def test_english_number_examples() -> None:
    numbers = load("numbers.yaml")
    patterns = {p["name"]: p for p in numbers["patterns"]}
    for name in ("en_ordinal_suffix", "number_prefix"):
        regex = re.compile(patterns[name]["regex"], re.IGNORECASE)
        for text, number in patterns[name]["examples"]:
            match = regex.search(text)
            assert match is not None, text
            assert int(next(g for g in match.groups() if g)) == number, text
    assert numbers["ordinals_en"]["thirteenth"] == 13
    assert numbers["cardinals_en"]["twenty"] + numbers["ordinals_en"]["first"] == 21
    assert read_roman("xiii") == numbers["roman"]["xiii"] == 13


# --- zh_brands.yaml -----------------------------------------------------------------


def test_zh_brands_keys_are_simplified_han_and_readings_folded() -> None:
    for section, entries in load("zh_brands.yaml").items():
        assert len(entries) >= 10, section
        for brand, value in entries.items():
            assert has_han(brand) and T2S.convert(brand) == brand, f"{section}: {brand}"
            assert "·" not in brand, f"{brand}: write foreign names without the interpunct"
            readings = alternatives(value)
            assert readings[0], f"{brand}: the first reading may not be empty"
            for reading in readings:  # [] (may be left out) only as an alternative
                assert all(isinstance(w, str) and WORD_RE.match(w) for w in reading), f"{brand}: {reading}"


def test_zh_brands_cover_the_issue_list() -> None:
    brands = {k: v for section in load("zh_brands.yaml").values() for k, v in section.items()}
    assert sum(len(v) for v in load("zh_brands.yaml").values()) >= 150
    expected = {
        "海康威视": "hikvision", "大疆": "dji", "中兴": "zte", "商汤": "sensetime", "旷视": "megvii",
        "科大讯飞": "iflytek", "浪潮": "inspur", "曙光": "sugon", "中芯国际": "smic", "长江存储": "ymtc",
        "寒武纪": "cambricon", "北京航空航天大学": "beihang", "中国电科": "cetc", "中国航天科工": "casic",
        "中国航天科技": "casc", "中国航空工业": "avic", "中国兵器": "norinco", "华为": "huawei",
        "海思": "hisilicon", "飞腾": "phytium", "申威": "sunway", "中科曙光": "sugon", "云从": "cloudwalk",
        "依图": "yitu", "美亚柏科": "meiya", "同方威视": "nuctech", "洛克希德马丁": "lockheed", "雷神": "raytheon",
        "波音": "boeing", "通用动力": "general", "诺斯罗普格鲁曼": "northrop",
    }
    for brand, word in expected.items():
        assert any(word in reading for reading in alternatives(brands[brand])), brand


# --- ru_org_terms.yaml --------------------------------------------------------------


def test_ru_org_terms_are_cyrillic_with_folded_readings() -> None:
    data = load("ru_org_terms.yaml")
    assert set(data) == {"terms", "brands"}
    for section in data.values():
        for word, value in section.items():
            # Russian letters, and Belarusian and Ukrainian ones (і ў ї є ґ: Беларускі
            # дзяржаўны ўніверсітэт, Служба безпеки України)
            assert re.fullmatch(r"[а-яёіўїєґ -]+", word), word
            for reading in alternatives(value):
                assert reading and all(WORD_RE.match(w) for w in reading), f"{word}: {reading}"


def test_ru_org_terms_cover_the_issue_list() -> None:
    terms = load("ru_org_terms.yaml")["terms"]
    for word, english in [
        ("концерн", "concern"), ("завод", "plant"), ("научно-исследовательский институт", "research"),
        ("нии", "research"), ("объединение", "association"), ("государственный", "state"),
    ]:
        assert any(english in r for r in alternatives(terms[word])), word
    assert "корпорация" not in terms  # a legal form (legal_forms.yaml), not a term


# --- tr_org_terms.yaml --------------------------------------------------------------


def test_tr_org_terms_are_turkish_with_folded_readings() -> None:
    data = load("tr_org_terms.yaml")
    assert set(data) == {"terms"}
    for word, value in data["terms"].items():
        assert re.fullmatch(r"[a-zçğıöşü ]+", word), word
        for reading in alternatives(value):
            assert reading and all(WORD_RE.match(w) for w in reading), f"{word}: {reading}"


def test_tr_org_terms_hold_no_legal_form_and_no_name_word() -> None:
    from screening.matching.normalize import fold_tokens
    from screening.matching.resources import tables

    t = tables()
    for word in load("tr_org_terms.yaml")["terms"]:
        phrase = tuple(fold_tokens(word))
        assert phrase not in t.legal_forms, word  # Şirketi, A.Ş. are legal_forms.yaml's
    # read as Turkish only through the table: "ticaret" has its English readings
    assert t.org_terms[("tikaret",)][0] == ("trade",)


# --- fa_org_terms.yaml --------------------------------------------------------------


def test_fa_org_terms_are_persian_with_folded_readings_read_as_written_first() -> None:
    data = load("fa_org_terms.yaml")
    assert set(data) == {"terms", "written_first", "marks_an_organisation"}
    assert data["written_first"] is True and data["marks_an_organisation"] is True
    for word, value in data["terms"].items():
        assert re.fullmatch(r"[a-z ]+|[\u0600-\u06ff\u200c ]+", word), word
        for reading in alternatives(value):
            assert reading and all(WORD_RE.match(w) for w in reading), f"{word}: {reading}"


def test_fa_org_terms_hold_no_legal_form_no_bank_name_and_no_family_name() -> None:
    from screening.matching.normalize import fold_tokens
    from screening.matching.resources import tables

    t = tables()
    terms = load("fa_org_terms.yaml")["terms"]
    for word in terms:
        assert tuple(fold_tokens(word)) not in t.legal_forms, word  # Sherkat Sahami is legal_forms.yaml's
    # helper-42's review: bank names and family names read as words met other parties
    for name in ("melli", "tejarat", "saderat", "sepah", "mellat", "madani", "daryaei", "sanati", "sanat", "folad"):
        assert name not in terms, name
    # the word as written is the usual reading, its English the alternatives
    from screening.matching.normalize import skeleton
    from screening.matching.russian import soft_e

    assert t.org_terms[(soft_e(skeleton("sanaye")),)][:2] == (("sanaye",), ("industries",))
    assert "sanaye" in t.org_marks


# --- ar_org_terms.yaml --------------------------------------------------------------


def test_ar_org_terms_are_arabic_script_business_words_and_no_legal_form() -> None:
    from screening.matching.normalize import fold_tokens
    from screening.matching.resources import tables

    data = load("ar_org_terms.yaml")
    assert set(data) == {"terms", "written_first", "marks_an_organisation"}
    t = tables()
    for word, value in data["terms"].items():
        # Arabic script, or its romanisation folded (tijara, lil tijara: session 16)
        assert re.fullmatch(r"[\u0600-\u06ff ]+", word) or re.fullmatch(r"[a-z]+( [a-z]+)*", word), word
        assert tuple(fold_tokens(word)) not in t.legal_forms, word  # شركة, ذ.م.م, sharikat are legal_forms.yaml's
        for reading in alternatives(value):
            assert reading and all(WORD_RE.match(w) for w in reading), f"{word}: {reading}"
    for name in ("الوطني", "الوطنية", "الخليج", "النور", "noor", "nour", "amal", "watani", "amma"):
        assert name not in data["terms"], name  # names, not business words


# --- ko_org_terms.yaml --------------------------------------------------------------


def test_ko_org_terms_are_hangul_words_and_places_are_known_places() -> None:
    from screening.matching.resources import tables

    data = load("ko_org_terms.yaml")
    assert set(data) == {"terms", "places"}
    for word, value in {**data["terms"], **data["places"]}.items():
        assert re.fullmatch(r"[\uac00-\ud7a3]+", word), word
        for reading in alternatives(value) if word in data["terms"] else [value]:
            assert reading, word
    t = tables()
    assert t.ko_places["조선"][0] == ("korea",)  # every place is a location (the loader checks it)
    assert "회사" not in data["terms"]  # a legal form, as 公司


# --- nicknames.yaml -----------------------------------------------------------------


def test_nickname_groups_are_folded_and_never_join_gendered_forms() -> None:
    groups = load("nicknames.yaml")["groups"]
    assert len(groups) >= 100
    together = set()
    for group in groups:
        assert len(group) >= 2 and all(WORD_RE.match(n) for n in group), group
        together.update((a, b) for a in group for b in group if a != b)
    for a, b in [("michael", "michelle"), ("alexander", "alexandra"), ("ivan", "john"), ("antonio", "antonia")]:
        assert (a, b) not in together, (a, b)
    for a, b in [("mike", "michael"), ("bill", "william"), ("sasha", "aleksandr"), ("jon", "john")]:
        assert (a, b) in together, (a, b)


# --- ko_names.yaml ------------------------------------------------------------------


def test_korean_surnames_and_hanja() -> None:
    data = load("ko_names.yaml")
    surnames, hanja = data["surnames"], data["hanja"]
    for syllable, spellings in surnames.items():
        assert len(syllable) == 1 and "\uac00" <= syllable <= "\ud7a3", syllable
        assert spellings and all(isinstance(s, str) and WORD_RE.match(s) for s in spellings), syllable
    assert surnames["김"][0] == "kim" and "lee" in surnames["이"] and "park" in surnames["박"]
    assert "choi" in surnames["최"] and "jung" in surnames["정"]
    readings = {ch: v for key, v in hanja.items() for ch in key}
    assert readings["金"] == "김" and readings["正"] == "정" and readings["恩"] == "은"
    assert all(len(v) == 1 and "\uac00" <= v <= "\ud7a3" for v in readings.values())


def test_place_suffixes_may_be_left_out() -> None:
    terms = load("zh_terms.yaml")["terms"]
    for suffix in ("市", "省", "区", "县", "镇", "地区"):
        assert [] in alternatives(terms[suffix]), suffix


def _copy_tables(dest, leave_out=None):
    """Copy the matcher's resource tables to ``dest``, all but ``leave_out``."""
    import shutil

    from screening.matching import resources

    for f in resources.DEFAULT_RESOURCE_DIR.iterdir():
        if f.is_file() and f.name != leave_out:
            shutil.copy(f, dest / f.name)


def test_word_lists_table_is_required(tmp_path):
    """The matcher's word lists live in word_lists.yaml; without it tables() fails loudly."""
    from screening.matching import resources

    _copy_tables(tmp_path, leave_out="word_lists.yaml")
    try:
        resources.use_resource_dir(tmp_path)
        with pytest.raises(FileNotFoundError):
            resources.tables()
        (tmp_path / "word_lists.yaml").write_text("roman_after: [unit]\n", encoding="utf-8")
        resources.use_resource_dir(tmp_path)
        with pytest.raises(ValueError, match="org_types"):
            resources.tables()
    finally:
        resources.use_resource_dir(None)
    assert "institute" in resources.tables().roman_after


def test_contrasting_prefixes_unquoted_on_off_are_refused(tmp_path):
    """YAML reads a bare on / off as true / false: a prefix pair read so is an error, not a
    table that silently never fires."""
    from screening.matching import resources

    _copy_tables(tmp_path)
    text = (tmp_path / "word_lists.yaml").read_text(encoding="utf-8")
    assert '["on", "off"]' in text
    (tmp_path / "word_lists.yaml").write_text(text.replace('["on", "off"]', "[on, off]"), encoding="utf-8")
    try:
        resources.use_resource_dir(tmp_path)
        with pytest.raises(ValueError, match="contrasting_prefixes"):
            resources.tables()
    finally:
        resources.use_resource_dir(None)
    assert ("off", "on") in resources.tables().contrasting_prefixes


def test_sound_classes_are_required(tmp_path):
    """romanization.yaml carries the sound classes of transliteration edits; without them tables() fails."""
    from screening.matching import resources

    _copy_tables(tmp_path)
    text = (tmp_path / "romanization.yaml").read_text(encoding="utf-8")
    (tmp_path / "romanization.yaml").write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("sound_classes:")), encoding="utf-8"
    )
    try:
        resources.use_resource_dir(tmp_path)
        with pytest.raises(ValueError, match="sound_classes"):
            resources.tables()
    finally:
        resources.use_resource_dir(None)
    assert frozenset("bv") in resources.tables().sound_pairs


# --- legal_forms_fingerprints.yaml (scripts/import_legal_forms.py) ----------------


def test_generated_legal_forms_are_long_forms_our_table_lacks() -> None:
    groups = load("legal_forms_fingerprints.yaml")
    assert groups, "generated by scripts/import_legal_forms.py from fingerprints' types.yml"
    ours = {fold(f) for g in legal_groups() for f in g["forms"] if not has_han(f)}  # Han forms are read apart
    for group in groups:
        for form in group["forms"]:
            words = form.split()
            assert len(words) >= 2 and all(len(w) > 1 for w in words), form  # short codes are also words
            assert fold(form) not in ours, f"{form!r} is ours already"


def test_generated_groups_add_long_forms_but_never_their_codes() -> None:
    from screening.matching.resources import tables

    t = tables()
    assert t.legal_forms[("drustvo", "sa", "ogranicenom", "odgovornoscu")] == "doo"  # Serbian d.o.o., ours "doo"
    assert t.legal_forms[("public", "stock", "company")] == "jsc"
    # a fingerprints group code ("is", "up", "sc") is a label, not a legal form: "IS" stays a word
    assert ("is",) not in t.legal_forms and ("up",) not in t.legal_forms
    # a listed company's name is not a legal form (fingerprints lists Tactical Missile Corporation)
    assert ("tactical", "missile", "corporation") not in t.legal_forms


# --------------------------------------------------------- romanisation shortcut
@pytest.mark.parametrize(
    "pattern, needs",
    [
        ("x", "x"),
        ("shch|sch|shtch", "chs"),  # common to every branch
        ("dzh|dj", "d"),
        ("(?<=[aeiou])ye(?=v|$)", "ey"),  # a lookaround adds no letter
        ("([aeiou])h$", "h"),  # a class adds none
        ("([a-z])\\1+", ""),  # nothing certain: the rule always runs
        ("a?b", "b"),  # an optional letter is not needed
        ("(?i)kh", ""),  # case-insensitive: no shortcut
    ],
)
def test_required_letters(pattern: str, needs: str) -> None:
    from screening.matching.resources import required_letters

    assert required_letters(pattern) == needs


def test_rules_with_the_shortcut_rewrite_as_the_bare_regexes() -> None:
    """The skip is only a shortcut: every word gets the skeleton the regexes give
    (words built from every rule's letters, so each rule fires somewhere)."""
    import itertools

    from screening.matching.resources import romanise, tables

    rules = tables().romanization
    assert any(r.needs for r in rules)
    letters = "aeiouyhkscdjzxtqwfmnrv"
    words = {"".join(p) for n in (2, 3, 4) for p in itertools.product("yeoahkcsdj", repeat=n)}
    words |= {"shchukin", "mohammed", "alexander", "lukashenka", "tchaikovsky", "quantum", "smirnoff",
              "sergej", "thaek", "artyom", "nikolayevich", "oustinov", "abdullah", "peter", letters}
    for word in sorted(words):
        bare = word
        for rule in rules:
            bare = rule.pattern.sub(rule.replace, bare)
        bare = re.sub(r"([a-z])\1+", r"\1", bare) or word
        assert romanise(rules, word) == bare, word
