"""Load the matching data tables from ``screening/resources/``.

The tables (legal forms, abbreviations, Chinese organisation terms, generic
words, homoglyphs, romanisation rules, numbers) are data, not code: another
part of the project maintains them as YAML. This module reads them once, turns
them into the lookup structures the name pipeline needs, and tolerates missing
or partial files (an absent table simply contributes nothing).

Every phrase in a table is passed through :func:`screening.matching.normalize.fold`
so the caller's text and the table meet in the same form (rigour's contract:
normalise the table with the same flags as the input).
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar


from screening import yamlfast
from screening.settings import PACKAGE_DIR

#: Alternative readings of a table entry, the most common first; a reading is a
#: tuple of folded tokens and may be empty ("市" after a place is usually dropped).
Readings = tuple[tuple[str, ...], ...]

#: Where the tables live unless :func:`use_resource_dir` points elsewhere (tests).
DEFAULT_RESOURCE_DIR = PACKAGE_DIR / "resources"

_resource_dir: Path = DEFAULT_RESOURCE_DIR
#: One-word legal forms at least this long are also matched by skeleton.
LEGAL_SKELETON_MIN_LEN = 5


def use_resource_dir(path: Path | str | None) -> None:
    """Read tables from ``path`` (``None`` restores the packaged directory).

    Clears every cache that depends on the tables, so tests can swap in small
    placeholder tables.
    """
    global _resource_dir, _installed
    _resource_dir = Path(path) if path is not None else DEFAULT_RESOURCE_DIR
    _installed = None
    tables.cache_clear()
    _load_yaml.cache_clear()
    for clear in _on_change:
        clear()


#: Cache-clearing callbacks of the modules that derive data from the tables
#: (registered by them with :func:`on_change`: this module imports none of them).
_on_change: list[Callable[[], None]] = []


def on_change(clear: Callable[[], None]) -> Callable[[], None]:
    """Call ``clear`` whenever the tables change (:func:`set_resource_dir`); returns it."""
    _on_change.append(clear)
    return clear


_K = TypeVar("_K")
_V = TypeVar("_V")


def remember(cache: dict[_K, _V], key: _K, value: _V, cap: int) -> _V:
    """Keep ``value`` under ``key`` in ``cache``, emptied first once it holds more than
    ``cap``: the matcher's bounded caches (word pairs, look-ups)."""
    if len(cache) > cap:
        cache.clear()
    cache[key] = value
    return value


def resource_dir() -> Path:
    """The directory tables are currently read from."""
    return _resource_dir


@lru_cache(maxsize=None)
def _load_yaml(name: str) -> Any:
    """Parse ``<resource dir>/<name>`` (``.yaml`` or ``.yml``); ``None`` when absent."""
    for candidate in (_resource_dir / name, _resource_dir / name.replace(".yaml", ".yml")):
        if candidate.exists():
            with candidate.open(encoding="utf-8") as fh:
                return yamlfast.safe_load(fh)
    return None


@dataclass
class RewriteRule:
    """One romanisation rewrite: ``pattern`` (a regex) becomes ``replace``."""

    pattern: re.Pattern[str]
    replace: str
    #: Letters every match contains (:func:`required_letters`): a word lacking one
    #: is left alone without running the regex, which halves a skeleton's cost.
    needs: str = ""

    def apply(self, token: str) -> str:
        """``token`` rewritten by this rule."""
        for ch in self.needs:
            if ch not in token:
                return token
        return self.pattern.sub(self.replace, token)


def required_letters(pattern: str) -> str:
    """The letters every match of ``pattern`` contains, sorted ("" when unsure).

    Literals of the top-level sequence, of groups, of repeats taken at least
    once, and those common to every branch count; classes, lookarounds and
    anchors add none. "shch|sch|shtch" needs c, h, s; "([aeiou])h$" needs h.
    """
    try:  # the stdlib's own parser (re._parser), so the pattern has one reading
        parsed = importlib.import_module("re._parser").parse(pattern)
    except Exception:  # noqa: BLE001 - a private module may change: then no shortcut
        return ""
    if parsed.state.flags & re.IGNORECASE:
        return ""
    return "".join(sorted(_required(list(parsed))))


def _required(items: list) -> set[str]:
    """Body of :func:`required_letters` over one parsed sequence."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.add(chr(av))
        elif name == "SUBPATTERN":
            out |= _required(list(av[-1]))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            out |= _required(list(av[2]))
        elif name == "BRANCH":
            branches = [_required(list(b)) for b in av[1]]
            out |= set.intersection(*branches) if branches else set()
    return out


#: A letter written twice or more: the one pattern every module collapses doubled letters with.
DOUBLED_LETTERS = re.compile(r"([a-z])\1+")


def romanise(rules: list[RewriteRule], token: str) -> str:
    """``token`` through the romanisation ``rules`` in order, doubled letters
    collapsed: its skeleton (:func:`screening.matching.normalize.skeleton`)."""
    out = token
    for rule in rules:
        out = rule.apply(out)
    return DOUBLED_LETTERS.sub(r"\1", out) or token


@dataclass
class Tables:
    """Every table the name pipeline reads, in lookup form."""

    #: folded legal-form phrase (tuple of tokens) -> compare form ("ltd", "llc" ...)
    legal_forms: dict[tuple[str, ...], str] = field(default_factory=dict)
    #: legal-form phrases that are forms only as a name's first or last words ("joint stock")
    legal_edge_only: set[tuple[str, ...]] = field(default_factory=set)
    #: legal-form phrases by romanisation skeleton (OBSCHESTVO / OBSHCHESTVO),
    #: for phrases of two or more words or one long word
    legal_skel: dict[tuple[str, ...], str] = field(default_factory=dict)
    #: longest legal-form phrase by its first word (its keys: the words legal forms
    #: start with), and by its first word's skeleton (a name is scanned only as far
    #: as a form starting with the word can reach)
    legal_len: dict[str, int] = field(default_factory=dict)
    legal_skel_len: dict[str, int] = field(default_factory=dict)
    #: legal forms of LEGAL_TYPO_MIN_WORDS or more words by the skeleton of their first
    #: word, longest first (read with one word mistyped: names_latin._legal_with_typo)
    legal_long: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    #: the words multi-word places start with
    location_first: frozenset[str] = frozenset()
    #: folded abbreviation -> its readings (tech -> technology | technologies | technical)
    abbreviations: dict[str, Readings] = field(default_factory=dict)
    #: Chinese term -> English readings (集成电路 -> (integrated, circuit);
    #: 工业 -> industry | industrial | polytechnical); includes zh_brands.yaml
    zh_terms: dict[str, Readings] = field(default_factory=dict)
    #: the zh_terms keys that come from the brand table (海康威视, 大疆 ...)
    zh_brands: frozenset[str] = frozenset()
    #: toneless pinyin of each brand -> the characters it is written with
    #: (huawei -> 华为): another writing of that sound (华威) is another brand
    brand_sounds: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Chinese place -> English readings (成都 -> chengdu; 中国 -> china | chinese)
    zh_places: dict[str, Readings] = field(default_factory=dict)
    #: Latin names of Chinese places that are their own pinyin (beijing, hebei, hubei):
    #: a name with one is a Chinese name written in pinyin (Iran, 伊朗 yilang, is not)
    pinyin_places: frozenset[str] = frozenset()
    #: Russian and Turkish organisation words (skeletons of the romanised phrase) ->
    #: English readings (zavod -> plant | factory | works; havacilik -> aviation);
    #: ``org_first``: first skeletons
    org_terms: dict[tuple[str, ...], Readings] = field(default_factory=dict)
    #: Devanagari organisation word or phrase, as written -> its English reading
    #: (hi_org_terms.yaml): read in Devanagari only, never from a romanised name
    indic_terms: dict[str, str] = field(default_factory=dict)
    #: keys of org_terms read only in a Vietnamese name (vi_org_terms.yaml in_vietnamese_names)
    vietnamese_only: frozenset[tuple[str, ...]] = frozenset()
    #: org-term keys whose usual reading is the word as written (pinyin terms,
    #: fa_org_terms.yaml): choices.pick keeps it when no reading agrees
    written_first: set[tuple[str, ...]] = field(default_factory=set)
    #: legal forms the table writes with letters outside ASCII, casefolded, letters only (aş, oü, sàrl)
    legal_accented: set[str] = field(default_factory=set)
    #: folded legal form, its words joined by spaces ("sp z o o") -> the countries whose law
    #: defines it (legal_form_countries.yaml); English forms written everywhere are absent
    legal_countries: dict[str, frozenset[str]] = field(default_factory=dict)
    #: folded legal form, its words joined by spaces ("ltd sti") -> the kind of legal person
    #: it makes ("limited liability"; legal_form_kinds.yaml); forms of no plain kind are absent
    legal_kinds: dict[str, str] = field(default_factory=dict)
    #: the pinyin words and phrases of org_terms (keji, jicheng dianlu): readings, not spellings
    pinyin_words: frozenset[str] = frozenset()
    #: pinyin of three syllables or more for an organisation ("yanjiuyuan", ("gongye", "daxue")):
    #: one written word, or two (:func:`screening.matching.names_latin.looks_like_org`)
    pinyin_org_marks: frozenset[tuple[str, ...]] = frozenset()
    org_first: frozenset[str] = frozenset()
    org_max_len: int = 1
    #: the same phrases keyed by the lemma of each word (``russian.lemma``): every
    #: inflected form of a listed Russian adjective or noun meets its entry
    org_lemmas: dict[tuple[str, ...], Readings] = field(default_factory=dict)
    org_lemma_first: frozenset[str] = frozenset()
    #: one-word terms of at most ORG_SHORT_SKELETON letters -> the letters their
    #: romanisation has: a shorter word is another (Rossi is not России)
    org_min_len: dict[str, int] = field(default_factory=dict)
    #: folded given name -> ids of the nickname groups it belongs to
    #: (bill and william share one; alex is in alexander's and alexandra's)
    nicknames: dict[str, frozenset[int]] = field(default_factory=dict)
    #: the names of each nickname group, by group id
    nickname_groups: list[tuple[str, ...]] = field(default_factory=list)
    #: a given name, or one without its last vowel, -> its nickname groups (fathers' names in patronymics)
    father_names: dict[str, frozenset[int]] = field(default_factory=dict)
    #: one-word spellings of one place or brand (kashgar / kashi / kashi,
    #: sugon / dawning / shuguang): word -> group ids, and the groups
    equivalents: dict[str, frozenset[int]] = field(default_factory=dict)
    equivalent_groups: list[tuple[str, ...]] = field(default_factory=list)
    #: Korean family names (Hangul syllable -> romanisations, usual first)
    ko_surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Korean family names by romanisation: spelling -> Hangul syllables it writes
    #: (pak, park -> {박}); two spellings of one syllable are one family name
    ko_surname_of: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Cantonese spelling of a name syllable (kwok, leung) -> the pinyin syllables of its
    #: characters, most frequent first (yue_pinyin.tsv, generated)
    yue_pinyin: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: simplified character -> its Cantonese spellings (yue_chars.tsv, generated)
    yue_chars: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: simplified character -> its Hokkien / Teochew spellings as a family name (陈: tan)
    min_nan_surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Korean readings of Hanja used in names (金 -> 김)
    ko_hanja: dict[str, str] = field(default_factory=dict)
    #: Hangul organisation word -> its English readings, and Hangul place -> Latin (ko_org_terms.yaml)
    ko_terms: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    ko_places: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    #: Chinese legal-form terms -> compare tokens (last is the legal form,
    #: any before it are org-class words: 集团有限公司 -> (group, ltd))
    zh_legal: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: organisation-class words (company, group, holding ...)
    org_class: frozenset[str] = frozenset()
    #: generic business words (technology, international, trading ...)
    generic: frozenset[str] = frozenset()
    #: place words, single tokens; multi-word places in ``location_phrases``
    locations: frozenset[str] = frozenset()
    location_phrases: frozenset[tuple[str, ...]] = frozenset()
    #: honorifics and titles dropped from person names
    person_titles: frozenset[str] = frozenset()
    #: function words and name particles (of, the, al, bin, van ...)
    stopwords: frozenset[str] = frozenset()
    #: multi-word compare forms split into words ("groupcorp" -> group, corp):
    #: the leading org-class words are compared like any word, the last is the form
    legal_parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: compare forms of Latin legal forms ("ltd", "llc", ...)
    legal_compare: frozenset[str] = frozenset()
    #: branch / subsidiary marker words (branch, office, subsidiary ...)
    branch_words: frozenset[str] = frozenset()
    #: confusable character -> Latin
    homoglyphs: dict[str, str] = field(default_factory=dict)
    #: ordered romanisation rewrites applied to single tokens
    romanization: list[RewriteRule] = field(default_factory=list)
    #: letter pairs transliterations swap for one another ("bv", "gh", "ei" ...)
    sound_pairs: frozenset[frozenset[str]] = frozenset()
    #: letters a transliteration adds or drops (silent h, palatal y)
    silent_letters: frozenset[str] = frozenset()
    #: number words / ordinals (folded) -> integer
    number_words: dict[str, int] = field(default_factory=dict)
    #: roman numerals (folded) -> integer; numbers only in a numeric context
    roman: dict[str, int] = field(default_factory=dict)
    #: Chinese numeral characters -> value
    zh_digits: dict[str, int] = field(default_factory=dict)
    #: words that introduce a number ("no", "number", "nr") and are dropped
    number_prefixes: frozenset[str] = frozenset()
    #: word_lists.yaml (required): the word lists the matcher's rules read
    roman_after: frozenset[str] = frozenset()
    roman_before: frozenset[str] = frozenset()
    roman_name_words: frozenset[str] = frozenset()
    generation_words: dict[str, str] = field(default_factory=dict)
    #: titles read as the family name at a personal name's end (King, Major)
    surname_titles: frozenset[str] = frozenset()
    #: words of a street address (word_lists.yaml ``address_words``)
    address_words: frozenset[str] = frozenset()
    #: of those, the words that say an address with a number by themselves (``street_words``)
    street_words: frozenset[str] = frozenset()
    #: of those, the words that may name an organisation's own unit (``unit_words``)
    unit_words: frozenset[str] = frozenset()
    #: words that end a street's name (``street_ends``)
    street_ends: frozenset[str] = frozenset()
    #: words that say a name is a Turkish firm's (``turkish_marks``)
    turkish_marks: frozenset[str] = frozenset()
    #: two-letter words a digit may stand in for ("0F" = of; ``digit_small_words``)
    digit_small_words: frozenset[str] = frozenset()
    #: 科技's longer English reading: its science words, its technology words, and the
    #: kinds of name where the two readings are two names (``keji_science`` ...)
    #: words that say a name is Iranian (persian_marks): there ق is written gh or q
    persian_marks: frozenset[str] = frozenset()
    #: a person's words that say the name is Iranian (persian_given_names), and the
    #: endings of Iranian family names (persian_name_endings)
    persian_given_names: frozenset[str] = frozenset()
    persian_name_endings: tuple[str, ...] = ()
    #: English legal forms of one kind: each compare code -> its group (``legal_form_groups``)
    legal_form_groups: dict[str, int] = field(default_factory=dict)
    #: places that make a firm's name a Chinese one (``chinese_places``)
    chinese_places: frozenset[str] = frozenset()
    #: legal forms of CIS firms written in translation (``business_named_forms``)
    business_named_forms: frozenset[str] = frozenset()
    #: Turkish business words' abbreviations, read in Turkish firms' names only
    turkish_abbreviations: dict[str, str] = field(default_factory=dict)
    #: words that say how a firm works, not its line of business (``activity_words``)
    activity_words: frozenset[str] = frozenset()
    #: countries whose firms' registered names state their line of business, folded
    #: to lower case (``business_named_countries``)
    business_named_countries: frozenset[str] = frozenset()
    keji_science: frozenset[str] = frozenset()
    keji_technology: frozenset[str] = frozenset()
    academic_words: frozenset[str] = frozenset()
    #: East Slavic given names (slavic_given_names): they make a name East Slavic
    slavic_given_names: frozenset[str] = frozenset()
    #: words of a role or a department in an attention line (attention_roles)
    attention_roles: frozenset[str] = frozenset()
    #: a title in Arabic script, as written -> the Latin title it is read as (سید: seyyed)
    arabic_script_titles: dict[str, str] = field(default_factory=dict)
    #: a vessel title's word -> the ids of its groups (vessel_titles: saint / st)
    vessel_titles: dict[str, frozenset[int]] = field(default_factory=dict)
    #: places whose style says which of two states (titled_states: Korea, China, Congo)
    titled_states: frozenset[str] = frozenset()
    #: a ministry's words (ministry_heads), and its portfolio words before "Affairs" with
    #: the word each is read as (affairs_portfolios: internal -> interior)
    ministry_heads: frozenset[str] = frozenset()
    affairs_portfolios: dict[str, str] = field(default_factory=dict)
    #: a person's words that say the name is Arabic (arabic_marks)
    arabic_marks: frozenset[str] = frozenset()
    #: a vessel's words that say its name is Arabic (vessel_arabic_marks)
    vessel_arabic_marks: frozenset[str] = frozenset()
    #: endings of Thai name parts (thai_name_endings)
    thai_name_endings: tuple[str, ...] = ()
    #: words of a teaching institution (teaching_words) and of its field or kind (academic_fields)
    teaching_words: frozenset[str] = frozenset()
    academic_fields: frozenset[str] = frozenset()
    #: letters joined by "&" and the business words they stand for (st: science and technology)
    ampersand_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: folded phrases that say a name is Vietnamese (word_lists.yaml ``vietnamese_marks``)
    vietnamese_marks: frozenset[tuple[str, ...]] = frozenset()
    #: Persian family-name endings written apart ("Haji Zadeh"; word_lists.yaml ``name_suffixes``)
    name_suffixes: frozenset[str] = frozenset()
    #: words of a vessel's type (word_lists.yaml ``vessel_types``)
    vessel_types: frozenset[str] = frozenset()
    org_types: frozenset[str] = frozenset()
    org_marks: frozenset[str] = frozenset()
    #: an airline's last word, any of which another airline name may end with (word_lists.yaml)
    airline_words: frozenset[str] = frozenset()
    nauchno_words: frozenset[str] = frozenset()
    admin_units: frozenset[str] = frozenset()
    org_words: frozenset[str] = frozenset()
    filler_words: frozenset[str] = frozenset()
    broad_places: frozenset[str] = frozenset()
    compound_surnames: frozenset[str] = frozenset()
    #: family names that make a name Vietnamese (matching/vietnamese.py)
    vietnamese_surnames: frozenset[str] = frozenset()
    #: the Arabic article as written apart (al, el): free when left out before a met word
    arabic_articles: frozenset[str] = frozenset()
    #: prefixes of opposite meaning (on / off, micro / macro), both ways round, longest first
    contrasting_prefixes: tuple[tuple[str, str], ...] = ()
    #: of those, the pairs of four letters or more, words on their own too (micro / macro;
    #: not in / out or on / off, which are other words as well)
    contrasting_words: frozenset[tuple[str, str]] = frozenset()
    #: beginnings of words naming two trades (electric / electron), both ways round, and
    #: their first four letters, which both share ("elec")
    unlike_stems: tuple[tuple[str, str], ...] = ()
    unlike_heads: frozenset[str] = frozenset()
    #: business_synonyms: each business word -> the id of its group of synonyms
    business_synonyms: dict[str, int] = field(default_factory=dict)


def _as_list(value: Any) -> list[Any]:
    """Wrap scalars, pass lists through, map ``None`` to ``[]``."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return [value]


def _fold_phrase(text: str) -> tuple[str, ...]:
    """Fold a table phrase into tokens exactly as input text is folded."""
    from screening.matching.normalize import fold_tokens

    return tuple(fold_tokens(str(text)))


def _words(values: Any) -> set[str]:
    """Fold a list of words (multi-word entries contribute each token)."""
    out: set[str] = set()
    for value in _as_list(values):
        out.update(_fold_phrase(value))
    return out


def _load_legal(t: Tables) -> None:
    """Read ``legal_forms.yaml``, then the long forms of
    ``legal_forms_fingerprints.yaml`` (generated by scripts/import_legal_forms.py)
    that ours lacks: ``- {forms: [...], compare: ltd}`` groups."""
    data = _load_yaml("legal_forms.yaml")
    groups = data.get("groups", data.get("legal_forms", [])) if isinstance(data, dict) else data
    _add_legal_groups(t, _as_list(groups), override=True)
    _add_legal_groups(t, _as_list(_load_yaml("legal_forms_fingerprints.yaml")), override=False)
    t.legal_compare = frozenset(t.legal_forms.values())
    for p in t.legal_forms:
        t.legal_len[p[0]] = max(t.legal_len.get(p[0], 0), len(p))
    for group in _as_list(_load_yaml("legal_form_countries.yaml")):
        countries = frozenset(str(c).upper() for c in _as_list(group.get("countries")))
        for form in _as_list(group.get("forms")):
            phrase = _fold_phrase(str(form))
            if phrase not in t.legal_forms:
                raise ValueError(f"legal_form_countries.yaml: {form!r} is not a form of legal_forms.yaml")
            key = " ".join(phrase)
            t.legal_countries[key] = t.legal_countries.get(key, frozenset()) | countries
    for group in _as_list(_load_yaml("legal_form_kinds.yaml")):
        kind = str(group.get("kind") or "")
        for form in _as_list(group.get("forms")):
            phrase = _fold_phrase(str(form))
            if not kind or phrase not in t.legal_forms:
                raise ValueError(f"legal_form_kinds.yaml: {form!r} has no kind or is not a form of legal_forms.yaml")
            t.legal_kinds[" ".join(phrase)] = kind


#: Hangul syllables, jamo and the parenthesised syllables (㈜).
_HANGUL_RE = re.compile("[\u1100-\u11ff\u3130-\u318f\u3200-\u321e\uac00-\ud7a3]")


def _add_legal_groups(t: Tables, groups: list[Any], override: bool) -> None:
    """Add legal-form groups to ``t``; without ``override`` a known phrase keeps its code."""
    for group in groups:
        if not isinstance(group, dict):
            continue
        # our own compare codes are forms too; a generated group's code (fingerprints'
        # "is", "up") is only a label
        forms = _as_list(group.get("forms")) + (_as_list(group.get("compare")) if override else [])
        compare = str(group.get("compare") or (forms[0] if forms else "")).strip()
        compare_form = "".join(_fold_phrase(compare)) or compare.lower()
        if len(_fold_phrase(compare)) > 1:  # "group corp": an org-class word stays a word
            t.legal_parts[compare_form] = _fold_phrase(compare)
        edge = [(str(f), True) for f in _as_list(group.get("edge_forms"))]
        for form, at_edge in [(f, False) for f in forms] + edge:
            text = str(form)
            if _has_han(text):
                from screening.matching.normalize import to_simplified

                t.zh_legal[to_simplified(text)] = _fold_phrase(compare) or (compare_form,)
                continue
            phrase = _fold_phrase(text)
            if len(phrase) == 1 and len(phrase[0]) <= 2 and _HANGUL_RE.search(text):
                continue  # "(주)" is a form in Hangul; its "ju" in Latin letters is a given name (Bong-ju)
            if not text.isascii():  # "A.Ş.", "OÜ", "SÀRL": legal forms written with accents
                t.legal_accented.add(accent_key(text))
            if phrase and (override or phrase not in t.legal_forms):
                t.legal_forms[phrase] = compare_form
                if at_edge:
                    t.legal_edge_only.add(phrase)


def accent_key(text: str) -> str:
    """``text`` casefolded, letters and digits only, accents kept: how a legal form
    written with accents is known ("A.Ş." -> "aş"; ``Tables.legal_accented``)."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _has_han(text: str) -> bool:
    """True when ``text`` holds at least one CJK ideograph."""
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def _load_abbreviations(t: Tables) -> None:
    """Read ``abbreviations.yaml``: ``abbr: expansion`` (a list of readings when ambiguous)."""
    data = _load_yaml("abbreviations.yaml") or {}
    if isinstance(data, dict) and "abbreviations" in data and isinstance(data["abbreviations"], dict):
        data = data["abbreviations"]
    if not isinstance(data, dict):
        return
    for abbr, expansion in data.items():
        key = "".join(_fold_phrase(str(abbr)))
        readings = tuple(r for r in (_fold_phrase(v) for v in _as_list(expansion)) if r and r != (key,))
        if key and readings:
            t.abbreviations[key] = readings


def readings_of(value: Any, phrase: bool = False) -> Readings:
    """Every reading of a table value, most common first.

    Terms: ``"x y"`` or ``[x, y]`` is one reading; ``[[x, y], [z], []]`` lists
    alternatives (``[]``: the word may be left out). Places (``phrase=True``):
    a list holds alternative spellings, each a phrase (``[hong kong, hk]``).
    """
    values = _as_list(value)
    if not values:
        return ((),)
    if phrase or any(isinstance(v, (list, tuple)) for v in values):
        out = []
        for v in values:
            reading = tuple(tok for w in _as_list(v) for tok in _fold_phrase(w))
            if reading not in out:
                out.append(reading)
        return tuple(out)
    return (tuple(tok for v in values for tok in _fold_phrase(v)),)


def _load_zh(t: Tables) -> None:
    """Read ``zh_terms.yaml`` (``terms``, ``places``, ``legal``) and ``zh_brands.yaml``."""
    from screening.matching.normalize import to_simplified

    data = _load_yaml("zh_terms.yaml") or {}
    if not isinstance(data, dict):
        return
    for term, english in (data.get("terms") or {}).items():
        t.zh_terms[to_simplified(str(term))] = readings_of(english)
    for place, english in (data.get("places") or {}).items():
        t.zh_places[to_simplified(str(place))] = readings_of(english, phrase=True)
    legal = data.get("legal") or {}
    if isinstance(legal, dict):
        for term, compare in legal.items():
            comp = _as_list(compare)
            t.zh_legal[to_simplified(str(term))] = _fold_phrase(comp[0]) if comp else ("ltd",)
    else:
        for term in _as_list(legal):
            t.zh_legal.setdefault(to_simplified(str(term)), ("ltd",))
    brands = _load_yaml("zh_brands.yaml") or {}
    if isinstance(brands, dict):
        keys = set()
        for section in brands.values():
            for brand, english in (section or {}).items() if isinstance(section, dict) else ():
                key = to_simplified(str(brand))
                readings = readings_of(english)
                known = t.zh_terms.get(key, ())
                t.zh_terms[key] = readings + tuple(r for r in known if r not in readings)
                keys.add(key)
        t.zh_brands = frozenset(keys)
    _index_equivalents(t, sorted(t.zh_brands))
    _index_brand_sounds(t)


def _index_brand_sounds(t: Tables) -> None:
    """Toneless pinyin of every brand in the brand table, to tell its homophones."""
    from pypinyin import lazy_pinyin

    sounds: dict[str, set[str]] = {}
    for key in t.zh_brands:
        sound = "".join(s for s in lazy_pinyin(key, errors="ignore") if s.isalpha())
        if len(sound) >= 4:
            sounds.setdefault(sound, set()).add(key)
    t.brand_sounds = {k: frozenset(v) for k, v in sounds.items()}


#: A legal form of this many words or more is read with one word mistyped
#: (OTKRYTOE ATSIONERNOE OBSHCHESTVO; ``Tables.legal_long``).
LEGAL_TYPO_MIN_WORDS = 3
#: Tables of organisation words in other languages -> English readings, read alike.
ORG_TERM_TABLES = ("ru_org_terms.yaml", "tr_org_terms.yaml", "fa_org_terms.yaml", "ar_org_terms.yaml",
                   "es_org_terms.yaml", "ja_org_terms.yaml", "vi_org_terms.yaml", "ko_latin_org_terms.yaml")
#: The section of vi_org_terms.yaml read only in a name that says it is Vietnamese.
VIETNAMESE_ONLY = "in_vietnamese_names"
#: Russian words read by their lemma (any inflected form): adjectives and -ие / -ия
#: nouns. A noun's plural or case ending (системы, завода) is read only as listed:
#: "Sistema" is a brand, not "systems".
_INFLECTED_RE = re.compile(r"(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ых|их|ия|ии|ий)(-|$)")
#: Chinese terms of at least this many characters are read in pinyin too (科技 keji).
PINYIN_TERM_MIN_CHARS = 2
#: One-word terms whose skeleton has at most this many letters are read only from
#: a word as long as their romanisation (see ``Tables.org_min_len``).
ORG_SHORT_SKELETON = 5


def _load_org_terms(t: Tables) -> None:
    """Read ``ru_org_terms.yaml``, ``tr_org_terms.yaml`` and ``fa_org_terms.yaml``:
    Russian, Turkish and Persian organisation words -> English readings.

    Keys are written in Cyrillic (Turkish in its own letters) and romanised
    exactly as names are; they are stored as skeletons so that BGN, ISO and
    German spellings of a listing (ZAVOD, NAUCHNO-ISSLEDOVATELSKIY) meet the
    same entry, and by the lemma of each word, so that other inflected forms
    (ZAVODA, SIBIRSKOGO) meet it too.
    """
    from screening.matching.normalize import fold_tokens
    from screening.matching.russian import lemma

    ambiguous: set[tuple[str, ...]] = set()
    for name in ORG_TERM_TABLES:
        data = _load_yaml(name) or {}
        if not isinstance(data, dict):
            continue
        sections = [(k, v) for k, v in data.items() if k in ("terms", "brands", VIETNAMESE_ONLY) and isinstance(v, dict)]
        written_first = data.get("written_first") is True
        marks = data.get("marks_an_organisation") is True
        for key, section in sections:
            for word, english in section.items():
                written = tuple(fold_tokens(str(word)))
                phrase = _term_key(t, written)
                if not phrase:
                    continue
                if key == VIETNAMESE_ONLY:
                    t.vietnamese_only = t.vietnamese_only | {phrase}
                readings = readings_of(english)
                if written_first:  # the word as written is the usual reading (fa_org_terms.yaml says why)
                    readings = _read_as_written_first(t, phrase, written, readings)
                if marks and len(written) == 1:
                    t.org_marks = t.org_marks | {written[0]}
                _add_org_term(t, phrase, written, readings)
                cyrillic = str(word).split()
                inflected = [bool(_INFLECTED_RE.search(w)) for w in cyrillic]
                if len(cyrillic) != len(phrase) or not any(inflected) or not all(
                    f or lemma(k) == k for f, k in zip(inflected, phrase)
                ):
                    continue  # a noun's plural, case or stem (системы, завода, систем): only as listed
                stem = tuple(lemma(w) for w in phrase)
                known = t.org_lemmas.get(stem)
                if known is None and stem not in ambiguous:
                    t.org_lemmas[stem] = readings
                elif known is not None and set(known) != set(readings):
                    # two words of one stem (объединение association / объединённый united):
                    # only their listed forms are read
                    del t.org_lemmas[stem]
                    ambiguous.add(stem)
    _add_pinyin_terms(t)
    if t.org_terms:
        t.org_first = frozenset(p[0] for p in t.org_terms)
        t.org_lemma_first = frozenset(p[0] for p in t.org_lemmas)
        t.org_max_len = max(len(p) for p in t.org_terms)


#: Fewest syllables of a pinyin term that marks its name as an organisation's: Chinese
#: given names have one or two (Daxue may be a man's name; Gongye Daxue is a university).
PINYIN_MARK_SYLLABLES = 3


def _add_pinyin_terms(t: Tables) -> None:
    """Read Chinese organisation terms written in pinyin as their English.

    Registered names reach customer files romanised: "Beijing Huaxin Keji
    Youxian Gongsi" is "Beijing Huaxin Technology Co., Ltd.". Every term of
    ``zh_terms.yaml`` of at least ``PINYIN_TERM_MIN_CHARS`` characters (科技,
    集成电路) that is no brand (its usual reading is not one word outside the
    business, place and organisation words, as 中航 AVIC; no reading is its own
    pinyin, as 长江 changjiang; of its one-word readings only business words)
    is keyed by its toneless pinyin as one word ("keji", "jichengdianlu") and, for four
    characters or more, as words of two syllables ("jicheng dianlu"), as
    pinyin writers split them. A Russian or Turkish key of the same spelling wins.
    """
    from pypinyin import lazy_pinyin

    business = t.generic | t.org_class | t.stopwords | t.locations
    pinyin_words: set[str] = set()
    org_marks: set[tuple[str, ...]] = set()
    for term, readings in t.zh_terms.items():
        if len(term) < PINYIN_TERM_MIN_CHARS or term in t.zh_brands:
            continue
        usual = readings[0] if readings else ()
        if len(usual) == 1 and usual[0] not in business:
            continue  # 中航 is AVIC, 威视 Nuctech: a brand's pinyin may be another firm's name
        # one-word readings outside the business words are a guess too: zhihui is 智慧
        # "smart" (kept) or "wisdom" (not: 智汇 is a brand); phrases (remote sensing) stay
        readings = tuple(r for r in readings if len(r) > 1 or all(w in business for w in r))
        syllables = [x for x in lazy_pinyin(term, errors="ignore") if x.isalpha()]
        if len(syllables) != len(term):
            continue  # a letter or digit in the term (B2B): not all Han
        if any("".join(r) == "".join(syllables) for r in readings):
            continue  # the table spells the term in pinyin itself (长江: changjiang): a name
        spellings: set[tuple[str, ...]] = {("".join(syllables),)}
        if len(syllables) >= 4 and len(syllables) % 2 == 0:
            spellings.add(tuple("".join(syllables[k : k + 2]) for k in range(0, len(syllables), 2)))
        for written in spellings:
            phrase = _term_key(t, written)
            if phrase not in t.org_terms:
                # the pinyin itself first: when both names write it (Hangzhou Dianzi
                # University) it stays their shared name word, not a business word
                _add_org_term(t, phrase, written, _read_as_written_first(t, phrase, written, readings))
                pinyin_words.add(" ".join(written))
                if len(syllables) >= PINYIN_MARK_SYLLABLES and len(written) <= 2 and any(
                    w in t.org_class or w in t.generic for w in usual
                ):  # 研究院 yanjiuyuan, 工业大学 gongye daxue: no person is named so
                    org_marks.add(written)
    t.pinyin_words = frozenset(pinyin_words)
    t.pinyin_org_marks = frozenset(org_marks)


def _load_indic_terms(t: Tables) -> None:
    """Read ``hi_org_terms.yaml``: Devanagari organisation words, keyed as written and
    normalised as names are (:func:`~screening.matching.normalize.strip_controls`: NFKC,
    no joiners), each with its usual English reading. Not keyed by romanisation as the
    other org-term tables are: "Udyog", "Rashtriya" and "Sansthan" are words of
    Latin-script Indian firms' names, whose English names are other firms (helper-77's
    review)."""
    from screening.matching.normalize import strip_controls

    data = _load_yaml("hi_org_terms.yaml")
    terms = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, dict):
        raise FileNotFoundError(f"matching table hi_org_terms.yaml is missing or has no terms in {_resource_dir}")
    for word, english in terms.items():
        usual = readings_of(english)[0]
        if usual:
            t.indic_terms[strip_controls(str(word))] = " ".join(usual)


def _term_key(t: Tables, written: tuple[str, ...]) -> tuple[str, ...]:
    """How an org term is keyed: each word's skeleton, its soft e read as e
    (``names_latin.org_term_key`` for the tables loaded)."""
    from screening.matching.russian import soft_e

    return tuple(soft_e(_skeleton_with(t, w)) for w in written)


def _read_as_written_first(t: Tables, phrase: tuple[str, ...], written: tuple[str, ...], readings: Readings) -> Readings:
    """``readings`` with the term as written first, its key noted in ``Tables.written_first``."""
    t.written_first.add(phrase)
    return (written,) + tuple(r for r in readings if r != written)


def _add_org_term(t: Tables, phrase: tuple[str, ...], written: tuple[str, ...], readings: Readings) -> None:
    """Key ``readings`` under ``phrase``; a short one-word key is read only from a
    word as long as the term as written (``Tables.org_min_len``)."""
    t.org_terms[phrase] = readings
    if len(phrase) == 1 and len(phrase[0]) <= ORG_SHORT_SKELETON:
        t.org_min_len[phrase[0]] = min(len(written[0]), t.org_min_len.get(phrase[0], len(written[0])))


def _skeleton_with(t: Tables, token: str) -> str:
    """The romanisation skeleton of ``token`` under ``t``'s rules (see normalize.skeleton)."""
    return romanise(t.romanization, token)


def _index_legal_skeletons(t: Tables) -> None:
    """Key long legal forms by skeleton too, so transliteration variants meet them."""
    for phrase, compare in t.legal_forms.items():
        if len(phrase) >= 2 or len(phrase[0]) >= LEGAL_SKELETON_MIN_LEN:
            t.legal_skel.setdefault(tuple(_skeleton_with(t, w) for w in phrase), compare)
    long: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for p, compare in t.legal_skel.items():
        t.legal_skel_len[p[0]] = max(t.legal_skel_len.get(p[0], 0), len(p))
        if len(p) >= LEGAL_TYPO_MIN_WORDS:
            long.setdefault(p[0], []).append((p, compare))
    t.legal_long = {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in long.items()}


def _load_nicknames(t: Tables) -> None:
    """Read ``nicknames.yaml``: groups of given names that denote one name (Bill, William)."""
    data = _load_yaml("nicknames.yaml") or {}
    groups = data.get("groups", []) if isinstance(data, dict) else data
    members: dict[str, set[int]] = {}
    for gid, group in enumerate(_as_list(groups)):
        names = tuple(dict.fromkeys("".join(_fold_phrase(str(name))) for name in _as_list(group)))
        t.nickname_groups.append(tuple(n for n in names if n))
        for folded in names:
            if folded:
                members.setdefault(folded, set()).add(gid)
                members.setdefault(_skeleton_with(t, folded), set()).add(gid)
    t.nicknames = {name: frozenset(ids) for name, ids in members.items()}
    # fathers' names as patronymics spell them: whole, or without the last vowel (nikola-evich)
    fathers: dict[str, set[int]] = {}
    for gid, names in enumerate(t.nickname_groups):
        for n in names:
            for key in {n, _skeleton_with(t, n)}:  # also as spelled with i for y: mikola-iovich
                fathers.setdefault(key, set()).add(gid)
                if key[-1] in "aeiouy":
                    fathers.setdefault(key[:-1], set()).add(gid)
    t.father_names = {name: frozenset(ids) for name, ids in fathers.items()}


def _index_equivalents(t: Tables, brand_keys: list[str]) -> None:
    """Group the one-word readings of each Chinese place and brand, with its pinyin.

    喀什 gives {kashgar, kashi}, 克拉玛依 {karamay, kelamayi}, 曙光 {sugon,
    dawning, shuguang}: Latin names that spell one place or brand differently.
    """
    from pypinyin import lazy_pinyin

    sources = [(k, v) for k, v in t.zh_places.items()] + [(k, t.zh_terms[k]) for k in brand_keys]
    own_pinyin: set[str] = set()
    for key, readings in t.zh_places.items():
        sound = "".join(s for s in lazy_pinyin(key, errors="ignore") if s.isalpha())
        own_pinyin.update(r[0] for r in readings if len(r) == 1 and r[0] == sound)
    t.pinyin_places = frozenset(own_pinyin)
    groups = []
    for key, readings in sources:
        words = ["".join(r) for r in readings if r and (len(r) == 1 or key in t.zh_places)]
        if len(key) >= 2:
            words.append("".join(s for s in lazy_pinyin(key, errors="ignore") if s.isalpha()))
        shortest = 2 if key in t.zh_places else 3  # "hk", "uk" are places, "li" is no brand
        groups.append(tuple(dict.fromkeys(w for w in words if w and w.isalpha() and len(w) >= shortest)))
    _add_equivalents(t, groups)


def _add_equivalents(t: Tables, groups: list[tuple[str, ...]]) -> None:
    """Add groups of words that name one thing to the equivalents (groups of one word are skipped)."""
    kept = [group for group in groups if len(group) >= 2]
    t.equivalents = word_groups(kept, start=len(t.equivalent_groups), known=t.equivalents)
    t.equivalent_groups.extend(kept)


#: What a word of a group stands for: a group id, or a Korean family name's syllable.
_Group = TypeVar("_Group")


def word_groups(groups: Iterable[tuple[str, ...]], start: int = 0,
                known: Mapping[str, frozenset[int]] | None = None) -> dict[str, frozenset[int]]:
    """Each word of ``groups`` -> the ids of the groups it is in (numbered from ``start``,
    added to ``known``): two words are one when their ids meet (:func:`in_one_group`)."""
    members = {w: set(ids) for w, ids in (known or {}).items()}
    for gid, group in enumerate(groups, start):
        for w in group:
            members.setdefault(w, set()).add(gid)
    return {w: frozenset(ids) for w, ids in members.items()}


def known_place(words: tuple[str, ...], t: Tables) -> bool:
    """The folded ``words`` are one place of ``generic_words.yaml``: a place phrase ("hong
    kong", "marshall islands"), or a place written as one word ("hongkong", "malta")."""
    return words in t.location_phrases or "".join(words) in t.locations


def in_one_group(groups: Mapping[str, frozenset[_Group]], a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are words of one group of ``groups``: their group ids
    (:func:`word_groups`), or what else each word stands for (a Korean family name's
    Hangul syllables, ``ko_surname_of``), meet."""
    ga = groups.get(a)
    if not ga:
        return False
    gb = groups.get(b)
    return bool(gb and ga & gb)




def _load_cantonese(t: Tables) -> None:
    """Read ``yue_pinyin.tsv`` and ``yue_chars.tsv`` (scripts/import_cantonese.py):
    Cantonese spellings and their pinyin, characters and their Cantonese spellings; and
    ``min_nan_surnames.yaml``: family names as Hokkien and Teochew write them."""
    t.yue_pinyin = _load_tsv("yue_pinyin.tsv")
    t.yue_chars = _load_tsv("yue_chars.tsv")
    surnames = _load_yaml("min_nan_surnames.yaml")
    if not isinstance(surnames, dict) or not surnames:
        raise ValueError("min_nan_surnames.yaml: expected a mapping of characters to spellings")
    t.min_nan_surnames = {str(k): tuple(str(v) for v in _as_list(vs)) for k, vs in surnames.items()}


def _load_tsv(name: str) -> dict[str, tuple[str, ...]]:
    """Read a generated ``key<TAB>value value ...`` table (``#`` lines are comments);
    a missing or empty one is an error. Not YAML: its loader leaves 8 MB behind."""
    out: dict[str, tuple[str, ...]] = {}
    with (resource_dir() / name).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            key, _, values = line.rstrip("\n").partition("\t")
            out[key] = tuple(sys.intern(v) for v in values.split())
    if not out:
        raise ValueError(f"{name}: empty")
    return out


def _load_korean(t: Tables) -> None:
    """Read ``ko_names.yaml``: family-name romanisations and Hanja readings."""
    data = _load_yaml("ko_names.yaml") or {}
    if not isinstance(data, dict):
        return
    for syllable, spellings in (data.get("surnames") or {}).items():
        t.ko_surnames[str(syllable)] = tuple("".join(_fold_phrase(s)) for s in _as_list(spellings))
        for spelling in t.ko_surnames[str(syllable)]:
            t.ko_surname_of[spelling] = t.ko_surname_of.get(spelling, frozenset()) | {str(syllable)}
    for hanja, hangul in (data.get("hanja") or {}).items():
        for ch in str(hanja):
            t.ko_hanja.setdefault(ch, str(hangul))


def _load_korean_org(t: Tables) -> None:
    """Read ``ko_org_terms.yaml``: Hangul organisation words and places (a place must be
    a location of ``generic_words.yaml``: it is read as one)."""
    data = _load_yaml("ko_org_terms.yaml")
    if not isinstance(data, dict) or not data.get("terms") or not data.get("places"):
        raise ValueError("ko_org_terms.yaml lacks terms or places")
    for word, english in data["terms"].items():
        t.ko_terms[str(word)] = readings_of(english)
    for word, latin in data["places"].items():
        names = readings_of(latin, phrase=True)
        for name in names:
            if " ".join(name) not in t.locations and name not in t.location_phrases:
                raise ValueError(f"ko_org_terms.yaml: place {word} = {' '.join(name)!r} is no location of generic_words.yaml")
        t.ko_places[str(word)] = names


def _load_generic(t: Tables) -> None:
    """Read ``generic_words.yaml``: org_class, generic, locations, person_titles."""
    data = _load_yaml("generic_words.yaml") or {}
    if not isinstance(data, dict):
        return
    t.org_class = frozenset(_words(data.get("org_class")))
    t.generic = frozenset(_words(data.get("generic")))
    singles: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    for place in _as_list(data.get("locations")):
        tokens = _fold_phrase(place)
        if len(tokens) == 1:
            singles.add(tokens[0])
        elif tokens:
            phrases.add(tokens)
            # "hong kong" also indexes as the joined token "hongkong".
            singles.add("".join(tokens))
    t.locations = frozenset(singles)
    t.location_phrases = frozenset(phrases)
    t.location_first = frozenset(p[0] for p in phrases)
    # Only one-word titles: "al haj" must not make every "al" a title.
    t.person_titles = frozenset(
        toks[0] for toks in (_fold_phrase(v) for v in _as_list(data.get("person_titles"))) if len(toks) == 1
    )
    t.stopwords = frozenset(_words(data.get("stopwords")))
    t.branch_words = frozenset(_words(data.get("branch_words", data.get("branches"))))


def _load_homoglyphs(t: Tables) -> None:
    """Read ``homoglyphs.yaml``: confusable character -> Latin letter."""
    data = _load_yaml("homoglyphs.yaml") or {}
    if isinstance(data, dict) and isinstance(data.get("homoglyphs"), dict):
        data = data["homoglyphs"]
    if isinstance(data, dict):
        t.homoglyphs = {str(k): str(v) for k, v in data.items() if len(str(k)) == 1}


def _parse_rule(rule: Any) -> RewriteRule | None:
    """Accept ``{pattern, replace}``, ``[pattern, replace]`` or ``"a -> b"``."""
    pattern: str | None = None
    replace = ""
    if isinstance(rule, dict):
        pattern = rule.get("pattern") or rule.get("from") or rule.get("match")
        replace = str(rule.get("replace", rule.get("to", rule.get("with", ""))) or "")
    elif isinstance(rule, (list, tuple)) and rule:
        pattern = str(rule[0])
        replace = str(rule[1]) if len(rule) > 1 and rule[1] is not None else ""
    elif isinstance(rule, str) and "->" in rule:
        pattern, replace = (part.strip() for part in rule.split("->", 1))
    if not pattern:
        return None
    try:
        return RewriteRule(re.compile(str(pattern)), replace, required_letters(str(pattern)))
    except re.error as exc:
        raise ValueError(f"romanization.yaml: rule {pattern!r} is not a regex: {exc}") from None


def _load_romanization(t: Tables) -> None:
    """Read ``romanization.yaml``: an ordered list of rewrite rules."""
    data = _load_yaml("romanization.yaml")
    rules = data.get("rules", []) if isinstance(data, dict) else data
    for rule in _as_list(rules):
        parsed = _parse_rule(rule)
        if parsed is not None:
            t.romanization.append(parsed)
    if not isinstance(data, dict) or not data.get("sound_classes") or not data.get("silent"):
        raise ValueError("romanization.yaml lacks sound_classes or silent")
    classes = [str(c) for c in _as_list(data.get("sound_classes"))]
    t.sound_pairs = frozenset(frozenset((a, b)) for c in classes for a in c for b in c if a != b)
    t.silent_letters = frozenset(str(x) for x in _as_list(data.get("silent")))


def _load_numbers(t: Tables) -> None:
    """Read ``numbers.yaml``: words / ordinals / roman numerals and Chinese digits."""
    data = _load_yaml("numbers.yaml") or {}
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        if key in ("prefixes", "number_prefixes", "patterns"):
            continue
        if not isinstance(value, dict):
            continue
        for word, number in value.items():
            try:
                num = int(number)
            except (TypeError, ValueError):
                continue
            text = str(word)
            if _has_han(text) or key.startswith("zh") or text == "〇":
                t.zh_digits[text] = num
            else:
                folded = "".join(_fold_phrase(text))
                if folded:
                    (t.roman if key == "roman" else t.number_words)[folded] = num
    prefixes = data.get("prefixes", data.get("number_prefixes"))
    words = _words(prefixes) if prefixes else {"no", "nr", "number", "num"}
    t.number_prefixes = frozenset(words)


#: Letters of an ``unlike_stems`` pair's common beginning, looked up first ("elec").
UNLIKE_HEAD = 4
#: The keys word_lists.yaml must have (a list of words each, generation_words a mapping).
WORD_LISTS = ("roman_after", "roman_before", "roman_name_words", "generation_words", "surname_titles", "org_types",
              "org_marks", "nauchno_words", "admin_units", "org_words", "filler_words", "broad_places", "compound_surnames",
              "vietnamese_surnames", "arabic_articles", "business_synonyms", "word_forms", "airline_words",
              "address_words", "street_words", "unit_words", "street_ends", "turkish_marks", "digit_small_words", "vessel_types", "name_suffixes", "vietnamese_marks",
              "ampersand_words", "keji_science", "keji_technology", "academic_words", "slavic_given_names", "titled_states", "ministry_heads", "affairs_portfolios", "arabic_marks", "vessel_arabic_marks", "thai_name_endings", "vessel_titles", "attention_roles", "teaching_words", "academic_fields", "persian_marks",
              "persian_given_names", "persian_name_endings", "arabic_script_titles",
              "activity_words", "business_named_countries", "turkish_abbreviations",
              "legal_form_groups", "business_named_forms", "chinese_places", "contrasting_prefixes", "unlike_stems")


def _load_word_lists(t: Tables) -> None:
    """Read ``word_lists.yaml``; a missing file or key raises (rules depend on every list)."""
    data = _load_yaml("word_lists.yaml")
    if not isinstance(data, dict):
        raise FileNotFoundError(f"matching table word_lists.yaml is missing or not a mapping in {_resource_dir}")
    missing = [key for key in WORD_LISTS if key not in data]
    if missing:
        raise ValueError(f"word_lists.yaml lacks {', '.join(missing)}")
    for key in WORD_LISTS:
        if key == "arabic_script_titles":
            t.arabic_script_titles = {str(k): "".join(_fold_phrase(str(v))) for k, v in (data[key] or {}).items()}
        elif key in ("generation_words", "affairs_portfolios"):
            setattr(t, key, {"".join(_fold_phrase(str(k))): "".join(_fold_phrase(str(v)))
                             for k, v in (data[key] or {}).items()})
        elif key == "legal_form_groups":
            t.legal_form_groups = {" ".join(_fold_phrase(str(w))): gid for gid, group in enumerate(data[key] or [])
                                   for w in _as_list(group)}
        elif key == "business_named_forms":
            t.business_named_forms = frozenset(" ".join(_fold_phrase(str(w))) for w in _as_list(data[key]))
        elif key == "turkish_abbreviations":
            t.turkish_abbreviations = {"".join(_fold_phrase(str(k))): "".join(_fold_phrase(str(v)))
                                       for k, v in (data[key] or {}).items()}
        elif key == "business_synonyms":
            t.business_synonyms = {w: gid for gid, group in enumerate(data[key] or []) for w in _words(group)}
        elif key == "word_forms":
            _add_equivalents(t, [tuple(_words(group)) for group in data[key] or []])
        elif key == "ampersand_words":
            t.ampersand_words = {str(k).lower(): tuple(_fold_phrase(str(v))) for k, v in (data[key] or {}).items()}
        elif key == "contrasting_prefixes":  # both ways round, longest first
            pairs = [["".join(_fold_phrase(str(w))) for w in _as_list(pair)] for pair in data[key] or []]
            if any(len(pair) != 2 or not all(w.isalpha() and w.isascii() for w in pair) or pair[0] == pair[1]
                   for pair in pairs) or any(isinstance(w, bool) for pair in data[key] or [] for w in _as_list(pair)):
                raise ValueError("word_lists.yaml: each contrasting_prefixes entry is two prefixes")
            both = {(a, b) for x, y in pairs for a, b in ((x, y), (y, x))}
            t.contrasting_prefixes = tuple(sorted(both, key=lambda ab: (-len(ab[0]), ab)))
            t.contrasting_words = frozenset(ab for ab in both if min(map(len, ab)) >= 4)
        elif key == "vessel_titles":
            t.vessel_titles = word_groups(tuple(_words(group)) for group in data[key] or [])
        elif key in ("persian_name_endings", "thai_name_endings"):
            setattr(t, key, tuple(sorted(_words(data[key]))))
        elif key == "unlike_stems":  # both ways round
            stems = [[str(w) for w in _as_list(pair)] for pair in data[key] or []]
            if any(len(pair) != 2 or not all(w.isalpha() and w.isascii() and w.islower() for w in pair)
                   or pair[0].startswith(pair[1]) or pair[1].startswith(pair[0])
                   or pair[0][:UNLIKE_HEAD] != pair[1][:UNLIKE_HEAD] for pair in stems):
                raise ValueError("word_lists.yaml: each unlike_stems entry is two beginnings, neither of the "
                                 "other, sharing their first four letters")
            t.unlike_stems = tuple((a, b) for x, y in stems for a, b in ((x, y), (y, x)))
            t.unlike_heads = frozenset(x[:UNLIKE_HEAD] for x, _ in stems)
        elif key == "vietnamese_marks":  # phrases, each kept whole
            t.vietnamese_marks = frozenset(p for p in map(_fold_phrase, _as_list(data[key])) if p)
        else:
            setattr(t, key, frozenset(_words(data[key])))


#: Tables read back from an index snapshot of these same tables (see :func:`install`).
_installed: Tables | None = None


def install(t: Tables) -> None:
    """Use ``t`` as the loaded tables: an index snapshot keyed by a hash of these
    files and this code stores them, which saves a cold command reading the YAML."""
    global _installed
    _installed = t
    tables.cache_clear()


@lru_cache(maxsize=1)
def tables() -> Tables:
    """Every table, loaded once (call :func:`use_resource_dir` to reload)."""
    return _installed if _installed is not None else _load_tables()


def business_synonyms(a: str, b: str) -> bool:
    """Two business words of one meaning in registered names (plant / factory / works)."""
    groups = tables().business_synonyms
    gid = groups.get(a)
    return gid is not None and gid == groups.get(b)


def business_word(word: str) -> bool:
    """A generic business word or organisation-class word of the tables (trading,
    industries, company), however a name tagged it."""
    t = tables()
    return word in t.generic or word in t.org_class


def _load_tables() -> Tables:
    """Read every table file."""
    t = Tables()
    _load_homoglyphs(t)
    _load_legal(t)
    _load_abbreviations(t)
    _load_zh(t)
    _load_generic(t)
    _load_romanization(t)
    _load_numbers(t)
    _index_legal_skeletons(t)
    _load_word_lists(t)  # before the org terms: a table's terms may mark an organisation (org_marks)
    _load_org_terms(t)
    _load_indic_terms(t)
    _load_nicknames(t)
    _load_korean(t)
    _load_korean_org(t)
    _load_cantonese(t)
    return t
