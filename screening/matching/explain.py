"""Readable explanations of a scored pair, for a compliance officer.

Examples: ``'haiguang' = 'Haiguang' (pinyin of 海光)``, ``numbers agree: 13``,
``legal form ignored: Co., Ltd.``, ``not in the listed name: 'robotics'``.
"""

from __future__ import annotations

import re

from screening.matching.alignment import Pair
from screening.matching.forms import Form
from screening.matching.names import GENERIC, LOCATION, NUMBER
from screening.texts import msg, table

#: Human labels of the qualifier features when they fire.
QUALIFIER_TEXT = {
    "numbers_disagree": "numbers differ",
    "number_missing": "a number appears in only one name",
    "sister_vessel": "a vessel's number appears in only one name (a sister ship?)",
    "vessel_words_differ": "a vessel's names put their words in another order (another ship?)",
    "sister_company": "a company's number appears in only one name (a sister company?)",
    "division_added": "held for review: the query is a complete legal name and the listed name adds a line of business to it (a division, subsidiary or sister of the query?)",
    "institution_kind_differs": "held for review: two institutions of one kind, one naming a field or kind the other lacks (another university or institute of the same place?)",
    "place_qualifier_added": "held for review: one firm's name adds a place as its qualifier (a subsidiary there, another legal person?)",
    "organ_added": "held for review: one organisation's name adds an organ of it (a service, a commission: listed on its own?)",
    "trailing_places_differ": "held for review: the names end in other places after a comma (a branch or a sister in another country?)",
    "short_name_variant": "held below review: a name of four letters or fewer met only by a spelling variant (a consonant of so short a name is another name)",
    "short_name_vowels": "held for review: a name of four letters or fewer met only with other vowels (a transliteration, or another name?)",
    "spelled_other_country": "held for review: the name is met only by its spelling, and the listed party is in other countries than the one given",
    "joined_by_spelling": "held for review: words written apart, one of them generic, meet one word only with a letter or more apart",
    "pinyin_syllables_differ": "held for review: two Chinese names whose pinyin spells other syllables (another Chinese character, another name)",
    "vowel_makes_another_name": "held for review: a name part differs by an a for an i (Jamal / Jamil: another name, not a spelling)",
    "given_name_gendered": "held for review: a given name in its other gender (Samir / Samira: a relative?)",
    "han_characters_differ": "held for review: names in Chinese characters read alike but written with other characters (another name?)",
    "parts_reordered": "held for review: a given name's syllables in another order (another person?)",
    "birth_years_differ": "the names' birth notes give other years (two people of one name?)",
    "nationalities_differ": "the names' nationality notes differ (two people of one name?)",
    "cantonese_syllables_differ": "held for review: Hong Kong romanised names whose syllables differ in one that spells another character (another name?)",
    "no_distinctive_agreement": "no distinctive word in common (only generic words, places or legal forms agree)",
    "locations_disagree": "the names give different places (a sister unit elsewhere?)",
    "country_agrees": "country agrees",
    "country_disagrees": "country differs from the listed countries",
    "schema_mismatch": "person vs organisation",
    "weak_alias": "matched a weak alias",
    "family_name_mismatch": "family names differ",
    "no_exact_name_part": "no part of the name is spelled alike",
    "patronymics_differ": "patronymics differ",
    "lineage_differs": "another place in one family: own and father's names swapped, or son and daughter",
    "initials_crossed": "two initials meet the other name's parts the other way round (a father, a son, or a slip?)",
    "legal_countries_differ": "legal forms of different countries (a sister company?)",
    "legal_kinds_differ": "legal forms of different kinds, such as a free-zone establishment and an LLC (another registration?)",
    "cantonese_guessed": "pinyin guessed from Cantonese spelling, no Chinese characters to confirm it",
    "chinese_places_differ": "two Chinese places spelled a letter apart (another province or city?)",
    "acronym_inside": "a word meets only as the initials of some of the other name's words (is it that acronym?)",
}
QUALIFIER_TEXT_ZH = {
    "numbers_disagree": "数字不同",
    "number_missing": "数字只出现在其中一个名称中",
    "sister_vessel": "船名中的编号只出现在其中一个名称中（可能是姊妹船？）",
    "vessel_words_differ": "船名词序不同（可能是另一艘船？）",
    "sister_company": "公司名称中的编号只出现在其中一个名称中（可能是关联公司？）",
    "division_added": "暂列待复核：查询名称是完整的法定名称，名单名称在其后另加业务范围（可能是其分部、子公司或关联公司？）",
    "institution_kind_differs": "暂列待复核：同类机构，一方名称多出专业或类别词（可能是同地的另一所大学或研究所？）",
    "place_qualifier_added": "暂列待复核：一方公司名称多出地名限定（可能是该地的子公司，另一法人？）",
    "organ_added": "暂列待复核：一方组织名称多出其下属机构（军种、委员会：是否单独列名？）",
    "trailing_places_differ": "暂列待复核：两个名称逗号后的地名不同（可能是另一国家的分支或关联公司？）",
    "short_name_variant": "低于复核线：不超过四个字母的名称仅以拼写变体相符（如此短的名称差一个辅音即是另一个名称）",
    "short_name_vowels": "暂列待复核：不超过四个字母的名称仅元音不同（是音译差异，还是另一个名称？）",
    "spelled_other_country": "暂列待复核：名称仅以拼写相符，且名单所列当事方位于所给国家以外的国家",
    "joined_by_spelling": "暂列待复核：分开书写的词（其一为通用词）合并后与一个词相差一个或以上字母",
    "pinyin_syllables_differ": "暂列待复核：两个中文名称的拼音音节不同（不同的汉字，即不同的名称）",
    "vowel_makes_another_name": "暂列待复核：姓名的一部分仅有一个元音不同（另一个名字，而非拼写差异）",
    "given_name_gendered": "暂列待复核：名字为另一性别的形式（亲属？）",
    "han_characters_differ": "暂列待复核：汉字姓名读音相同但用字不同（不同的名字？）",
    "parts_reordered": "暂列待复核：名字的音节顺序不同（另一个人？）",
    "birth_years_differ": "两个姓名的出生注记年份不同（同名的两个人？）",
    "nationalities_differ": "两个姓名的国籍注记不同（同名的两个人？）",
    "cantonese_syllables_differ": "暂列待复核：粤语拼写的名称有一个音节不同，对应不同的汉字（不同的名称？）",
    "no_distinctive_agreement": "没有共同的显著词（仅通用词、地名或组织形式一致）",
    "locations_disagree": "两个名称中的地名不同（可能是其他地方的同名单位？）",
    "country_agrees": "国家一致",
    "country_disagrees": "国家与名单所列国家不同",
    "schema_mismatch": "个人与组织不符",
    "weak_alias": "匹配的是弱别名",
    "family_name_mismatch": "姓氏不同",
    "no_exact_name_part": "名称中没有拼写相同的部分",
    "patronymics_differ": "父称不同",
    "lineage_differs": "家族中的不同成员：本名与父名互换，或儿子与女儿",
    "initials_crossed": "两个首字母与对方名字各部分顺序相反（可能是父亲、儿子或笔误？）",
    "legal_countries_differ": "组织形式属于不同国家（可能是姊妹公司？）",
    "legal_kinds_differ": "组织形式种类不同，例如自由区企业与有限责任公司（可能是另一注册实体？）",
    "cantonese_guessed": "由粤语拼写推测的拼音，无汉字可确认",
    "chinese_places_differ": "两个拼音地名相差一个字母（可能是另一个省或城市？）",
    "acronym_inside": "一个词只作为另一名称部分词语的首字母缩写相符（是否确为该缩写？）",
}
qualifier = table("qualifier", QUALIFIER_TEXT, QUALIFIER_TEXT_ZH)

#: How two name parts agree, in words.
HOW_TEXT = {"skeleton": "spelling variant", "variant": "spelling variant", "joined": "joined/split words",
            "initial": "initial", "nickname": "nickname", "similar": "similar", "acronym": "acronym of the words",
            "vowels": "vowels written otherwise", "respelled": "inner vowels written otherwise",
            "east slavic": "Belarusian / Ukrainian / Russian form",
            "west european": "a Russian name as German or French write it",
            "cognate": "Russian and English form of one word", "plural": "singular and plural",
            "translated": "Chinese characters and their English translation",
            "translated pinyin": "pinyin and a translation of its syllables",
            "initials": "initials of the pinyin syllables",
            "cut short": "cut at the end of a 35-character payment line",
            "abbreviation": "abbreviated with a full stop",
            "ampersand": "letters joined by & for their words (S&T: science and technology)"}
HOW_TEXT_ZH = {"skeleton": "拼写变体", "variant": "拼写变体", "joined": "连写/分写", "initial": "首字母",
               "nickname": "昵称", "similar": "近似", "acronym": "各词首字母缩写",
               "vowels": "元音拼法不同", "respelled": "词中元音拼法不同",
               "east slavic": "白俄罗斯语／乌克兰语／俄语拼法", "west european": "德语或法语拼写的俄语名",
               "cognate": "同一词的俄语与英语形式", "plural": "单数与复数",
               "translated": "汉字与其英译", "translated pinyin": "拼音与其音节的英译", "initials": "拼音音节首字母",
               "cut short": "在35字符的付款报文行末被截断", "abbreviation": "带句点的缩写",
               "ampersand": "以&连接的首字母代表其词（S&T：科学与技术）"}
how_words = table("how", HOW_TEXT, HOW_TEXT_ZH)

#: What an unmatched part is, in words.
PART_TEXT = {"place": "place", "generic": "generic word", "number": "number", "word": "word"}
PART_TEXT_ZH = {"place": "地名", "generic": "通用词", "number": "数字", "word": "词"}
part_words = table("part", PART_TEXT, PART_TEXT_ZH)
_PART_OF_TAG = {LOCATION: "place", GENERIC: "generic", NUMBER: "number"}

#: The normaliser's derivation notes (names_han, names_latin, names_ko_ja, forms), read
#: back into keyed texts so a Chinese page says them in Chinese; readings stay as written.
NOTE_PATTERNS = [(re.compile(pattern), key) for pattern, key in (
    (r"^pinyin of (?P<src>.+) \(other reading\)$", "derive.pinyin_other"),
    (r"^pinyin of (?P<src>.+)$", "derive.pinyin"),
    (r"^(?P<src>.+) = (?P<reading>.+) \(CC-CEDICT\)$", "derive.cedict"),
    (r"^brand (?P<src>.+) = (?P<reading>.+)$", "derive.brand"),
    (r"^(?P<src>.+) left out$", "derive.left_out"),
    (r"^legal form ignored: (?P<src>.+)$", "derive.legal_form"),
    (r"^number (?P<src>.+)$", "derive.number"),
    (r"^branch marker: (?P<src>.+)$", "derive.branch_marker"),
    (r"^Korean reading of (?P<src>.+)$", "derive.korean"),
    (r"^Japanese reading of (?P<src>.+)$", "derive.japanese"),
    (r"^romanised (?P<src>.+)$", "derive.romanised"),
    (r"^Wade-Giles (?P<src>\S+) = pinyin (?P<reading>.+)$", "derive.wade_giles"),
    (r"^plain pinyin$", "derive.plain_pinyin"),
    (r"^korean reading$", "derive.korean_form"),
    (r"^japanese reading$", "derive.japanese_form"),
)]


def note_text(note: str) -> str:
    """A derivation note as a keyed text (its English is the note itself), else the note."""
    for pattern, key in NOTE_PATTERNS:
        found = pattern.match(note)
        if found:
            text = msg(key, **found.groupdict())
            return text if text == note else note  # never change the English
    return note


def _side(form: Form, idx: tuple[int, ...]) -> str:
    """The tokens of ``form`` at ``idx`` as written in the name ("Haiguang")."""
    parts = []
    for i in idx:
        tok = form.tokens[i]
        source = tok.source or tok.text
        if source.isascii():
            source = _as_written(source, form.name)
        parts.append(source)
    return " ".join(parts)


def _as_written(word: str, name: str) -> str:
    """``word`` as ``name`` writes it (its case), found as a whole word; else ``word``.

    A plain case-insensitive find with letter boundaries: compiling a regex per
    word overflowed the regex cache and cost a third of a search.
    """
    low = name.lower()
    if len(low) != len(name):  # a letter whose lower case is longer (İ): let re align it
        found = re.search(r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])", name, re.IGNORECASE)
        return found.group(0) if found else word
    target = word.lower()
    start = low.find(target)
    while start >= 0:
        end = start + len(target)
        if not _ascii_letter(low, start - 1) and not _ascii_letter(low, end):
            return name[start:end]
        start = low.find(target, start + 1)
    return word


def _ascii_letter(text: str, i: int) -> bool:
    """True when ``text[i]`` exists and is an ASCII letter."""
    return 0 <= i < len(text) and "a" <= text[i] <= "z"


def _notes(form: Form, idx: tuple[int, ...]) -> list[str]:
    """Derivation notes of the tokens (pinyin, term table, abbreviation)."""
    return [form.tokens[i].note for i in idx if form.tokens[i].note and form.tokens[i].note not in ("place",)]


def explain(pair: Pair, values: dict[str, float], score: float) -> list[str]:
    """Explanation lines for one scored pair (each says itself in English and Chinese)."""
    q, c = pair.query, pair.result
    al = pair.alignment
    lines: list[str] = []  # each a Msg: its English text, and its Chinese on demand
    for link in sorted(al.links, key=lambda lk: lk.qi):
        qs, cs = _side(q, link.qi), _side(c, link.ci)
        qtext = " ".join(q.texts[i] for i in link.qi)
        notes = _notes(q, link.qi) + _notes(c, link.ci)
        # derivation notes (readings, term tables) are data, shown as the normaliser wrote them
        unique = [note_text(n) for n in dict.fromkeys(notes)]
        suffix: str = msg("explain.notes", notes=unique) if notes else ""
        if link.how == "number":
            lines.append(msg("explain.numbers_agree", text=qtext))
            continue
        label = qs if qs.lower() == qtext else f"{qs}" if not notes else qtext
        if link.sim >= 1.0:
            lines.append(msg("explain.same", query=label, listed=cs, notes=suffix))
        else:
            kind = how_words(link.how if link.how in HOW_TEXT else "similar")
            lines.append(msg("explain.similar", query=label, listed=cs, how=kind, sim=f"{link.sim:.2f}",
                             notes=suffix))
    if values.get("numbers_disagree"):
        lines.append(msg("explain.numbers_differ", query=", ".join(sorted(q.numbers)),
                         listed=", ".join(sorted(c.numbers))))
    for i in al.q_unmatched:
        what = part_words(_PART_OF_TAG.get(q.tags[i], "word"))
        lines.append(msg("explain.not_in_listed", part=_side(q, (i,)), what=what))
    for j in al.c_unmatched:
        what = part_words(_PART_OF_TAG.get(c.tags[j], "word"))
        lines.append(msg("explain.not_in_query", part=_side(c, (j,)), what=what))
    legal = list(dict.fromkeys(list(q.legal) + list(c.legal)))
    if legal:
        lines.append(msg("explain.legal_form", forms=", ".join(legal)))
    for name in QUALIFIER_TEXT:
        if values.get(name) and name != "numbers_disagree":
            lines.append(qualifier(name))
    if values.get("compact_name", 0) > values.get("name_tokens", 0):
        lines.append(msg("explain.compact", value=f"{values['compact_name']:.2f}"))
    if values.get("consonant_skeleton", 0) > values.get("name_tokens", 0):
        lines.append(msg("explain.consonants", consonants=q.consonants,
                         value=f"{values['consonant_skeleton']:.2f}"))
    lines.append(msg("explain.score_note" if c.note else "explain.score", score=f"{score:.2f}",
                     name=c.name, note=note_text(c.note) if c.note else ""))
    return lines
