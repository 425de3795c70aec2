"""Korean and Japanese readings of names: Hangul personal names, and the
Korean / Japanese readings of Han personal names tried as fallbacks.
"""

from __future__ import annotations

import re
from functools import lru_cache


from screening.matching import japanese, korean
from screening.matching.names_latin import latin_tag
from screening.matching.normalize import fold_tokens, is_han, skeleton, to_simplified
from screening.matching.resources import Tables, tables
from screening.matching.tokens import (
    ANALYSIS_CACHE,
    DISTINCTIVE,
    HAN_PERSON_MAX,
    LEGAL,
    LOCATION,
    NUMBER,
    Builder,
    Choice,
    Token,
)


#: Kanji names of this length get a Japanese reading as a fallback (pykakasi
#: loads ~120 MB on first use, so shorter, mostly Chinese, names do not).
JAPANESE_NAME_LEN = 4


HANGUL_PIECE_RE = re.compile(r"[\uac00-\ud7a3]+")
#: Latin letters or digits in a name (a Hangul name mixed with them is read letter by letter).
_LATIN_OR_DIGIT_RE = re.compile(r"[A-Za-z0-9]")


def korean_person(hangul: str, t: Tables, source: str) -> tuple[list[Token], tuple[Choice, ...]]:
    """Tokens of a Korean personal name in Hangul: family name, then the given name.

    The family name takes its conventional spellings (김: Kim, Gim); the given
    name is one word whose spellings combine the syllables' spellings in order
    (정은: jeongeun, jongun, chongun ...), so 은정 (Eun-jeong) never meets
    "Jong Un". Every spelling is a choice; only exact spellings count.
    """
    b = Builder()
    chunks = HANGUL_PIECE_RE.findall(hangul)
    # "성훈 김": a one-syllable family name written last (given-family order)
    if len(chunks) == 2 and len(chunks[1]) == 1 and len(chunks[0]) > 1 and chunks[1] in t.ko_surnames:
        chunks = [chunks[1], chunks[0]]
    syllables = [ch for c in chunks for ch in c]
    if not syllables:
        return [], ()
    note = f"Korean reading of {source}" if source != hangul else f"romanised {hangul}"
    if len(syllables) == 1:
        b.add([(Token(s, DISTINCTIVE, skeleton(s), syllables[0], note),) for s in korean.syllable_spellings(syllables[0])])
        return b.tokens, tuple(b.choices)
    family, given = syllables[0], syllables[1:]
    spellings = korean.surname_spellings(family, t.ko_surnames)
    b.add([(Token(s, DISTINCTIVE, skeleton(s), family, note, True),) for s in spellings])
    combos = korean.given_name_spellings("".join(given))
    b.add([(Token(s, DISTINCTIVE, skeleton(s), "".join(given), note),) for s in combos])
    return b.tokens, tuple(b.choices)


def _hangul_legal(word: str, t: Tables) -> str | None:
    """The compare form of a Hangul legal form (주식회사: ltd), else None."""
    return t.legal_forms.get(tuple(fold_tokens(word)))


def _org_pieces(raw: str, t: Tables) -> list[tuple[str, bool]] | None:
    """The Hangul name ``raw`` cut at its known words (:func:`korean.segment`) when it
    reads as an organisation's (련봉총회사, 단천상업은행), else None.

    It must hold an organisation word or legal form, and no Latin letter or digit
    (a mixed name is read letter by letter). A name of a person's length (two to
    four syllables) is an organisation's only when known words cover all of it
    (조선무역): 김기술 is Kim Ki-sul, 석유진 Seok Yu-jin (석유 "oil"), 전자영 Jeon Ja-yeong,
    and 대성그룹 or 고려무역 may be a South Korean firm that a DPRK "Korea Daesong" or
    "Koryo" listing would otherwise meet (helper-45's review).
    """
    if _LATIN_OR_DIGIT_RE.search(raw):
        return None
    pieces = [p for run in HANGUL_PIECE_RE.findall(raw) for p in korean.segment(run, lambda w: _hangul_word(w, t))]
    if not any(known and piece not in t.ko_places for piece, known in pieces):
        return None
    if korean_name_like(raw) and not (sum(len(p) for p, _ in pieces) > 2 and all(known for _, known in pieces)):
        return None
    return pieces


def _hangul_word(word: str, t: Tables) -> bool:
    return word in t.ko_terms or word in t.ko_places or _hangul_legal(word, t) is not None


def korean_company(raw: str, t: Tables) -> tuple[list[Token], tuple[Choice, ...], list[str]] | None:
    """Tokens of an organisation's name in Hangul, cut at the words of ko_org_terms.yaml;
    None when the name does not read as an organisation's (:func:`_org_pieces`).

    조선련봉총회사 is 조선 (a place: Choson, Korea), 련봉 (the name) and 총회사 (general
    corporation): each organisation word reads its English, a place its Latin name,
    a legal form (주식회사) is set aside, and what is left is read as a name in
    every Revised Romanization and McCune-Reischauer spelling of its syllables
    (련봉: ryeonbong, ryonbong ...; 단천: dancheon, tanchon ...), of which the
    comparator takes the one the other name writes. Returns (tokens, choices, legal forms).
    """
    pieces = _org_pieces(raw, t)
    if pieces is None:
        return None
    b = Builder()
    legal: list[str] = []
    for piece, known in pieces:
        form = _hangul_legal(piece, t) if known else None
        if form is not None:
            b.tokens.append(Token(form, LEGAL, form, piece, f"legal form ignored: {piece}"))
            legal.append(piece)
        elif piece in t.ko_places:
            b.add([(Token("".join(name), LOCATION, skeleton("".join(name)), piece, "place"),)
                   for name in t.ko_places[piece]])
        elif known:
            b.add([tuple(Token(w, latin_tag(w, t), skeleton(w), piece, f"{piece} = {' '.join(r)}") for w in r)
                   for r in t.ko_terms[piece]])
        else:
            spellings = korean.given_name_spellings(piece)
            b.add([(Token(s, DISTINCTIVE, skeleton(s), piece, f"romanised {piece}"),) for s in spellings])
    return b.tokens, tuple(b.choices), legal


#: 호 (號, "number") after a Korean vessel's name or number: 천마산호 is the CHON MA SAN,
#: 금운산3호 the KUM UN SAN 3.
_SHIP_HO_RE = re.compile(r"(?<=[\uac00-\ud7a3\d])\s*호\s*$")
#: A number and 호 ending a Hangul name: a ship's (금운산3호), whatever kind the caller said.
SHIP_NUMBER_RE = re.compile(r"\d\s*호\s*$")
_VESSEL_PIECE_RE = re.compile(r"[\uac00-\ud7a3]+|\d+")
_LATIN_RE = re.compile(r"[A-Za-z]")


def korean_vessel(raw: str) -> tuple[list[Token], tuple[Choice, ...]] | None:
    """Tokens of a vessel's name in Hangul: each run of syllables one word in every
    Revised Romanization and McCune-Reischauer spelling (천마산: cheonmasan, chonmasan
    ...; the SDN writes DPRK vessels in McCune-Reischauer, "CHON MA SAN"), its digits a
    number, and the ship's 호 left out. None for a name with Latin letters or no Hangul."""
    text = raw.strip()
    bare = _SHIP_HO_RE.sub("", text)
    runs = HANGUL_PIECE_RE.findall(bare)
    if SHIP_NUMBER_RE.search(text) or (runs and len(runs[-1]) >= 2):
        text = bare  # not 대호 (Dae Ho): one syllable left is no name (helper-61's review)
    if _LATIN_RE.search(text) or not HANGUL_PIECE_RE.search(text):
        return None
    b = Builder()
    for piece in _VESSEL_PIECE_RE.findall(text):
        if piece.isdigit():
            value = str(int(piece))
            b.tokens.append(Token(value, NUMBER, value, piece, f"number {piece}"))
        else:
            b.add([(Token(s, DISTINCTIVE, skeleton(s), piece, f"romanised {piece}"),)
                   for s in korean.given_name_spellings(piece)])
    return b.tokens, tuple(b.choices)


def japanese_person(text: str) -> list[Token]:
    """Tokens of a Japanese name (kanji / kana) in Hepburn romaji, family name first."""
    words = japanese.romaji_words(text)
    return [
        Token(w, DISTINCTIVE, skeleton(w), text, f"Japanese reading of {text}", k == 0 and len(words) == 2)
        for k, w in enumerate(words)
    ]


#: Japanese legal forms written in kanji: a name with one is a Japanese firm's, whose
#: kanji are read in Japanese (中村光機 is Nakamura, not Zhongcun).
JAPANESE_FORMS = ("株式会社", "株式會社", "有限会社", "合同会社", "合資会社", "合名会社")
#: A run of kanji or kana (the prolonged-sound mark and 々 included).
_JAPANESE_RUN_RE = re.compile(r"[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]+")


def japanese_company(raw: str, legal: list[Token]) -> tuple[Token, ...] | None:
    """A Japanese firm's name read in Japanese: its kanji and kana in Hepburn romaji,
    its legal form (``legal``, the tokens already read) kept: "株式会社中村光機" ->
    KK NAKAMURA HIKARI KI beside the Chinese reading (ZHONGCUN). Only a name with
    kana or a Japanese legal form in kanji, written in kanji and kana only, each
    character read; None otherwise."""
    if not (japanese.has_kana(raw) or any(form in raw for form in JAPANESE_FORMS)):
        return None
    text = raw
    for form in JAPANESE_FORMS:
        text = text.replace(form, " ")
    if _LATIN_OR_DIGIT_RE.search(text):
        return None  # "三井E&S", "小松NTC": the Latin part would be left out of the reading
    runs = _JAPANESE_RUN_RE.findall(text)
    readings = [japanese.romaji_words(run, whole=True) for run in runs]
    if not runs or not all(readings):
        return None  # a character Japanese does not write (电, 软): a Chinese name, or not read whole
    words = [w for r in readings for w in r]
    return tuple(legal) + tuple(Token(w, DISTINCTIVE, skeleton(w), raw, "Japanese reading") for w in words)


@lru_cache(maxsize=ANALYSIS_CACHE)
def other_readings(raw: str, company: bool) -> list[tuple[str, tuple[Token, ...], tuple[Choice, ...]]]:
    """Korean and Japanese readings of a Han personal name, tried as fallbacks."""
    t = tables()
    han = "".join(ch for ch in raw if is_han(ch))
    # Only a name written as one run (金正恩, 山田太郎): "荣 金" or "欢 冬梅 吴" is a
    # Chinese name in given-family order, whose Korean / Japanese reading is noise.
    if company or not han or han != raw.strip() or len(han) > HAN_PERSON_MAX:
        return []
    out: list[tuple[str, tuple[Token, ...], tuple[Choice, ...]]] = []
    simp = to_simplified(han)
    hangul = korean.hanja_to_hangul(han, t.ko_hanja) or korean.hanja_to_hangul(simp, t.ko_hanja)
    if hangul and len(han) in (2, 3):
        toks, choices = korean_person(hangul, t, han)
        out.append(("korean", tuple(toks), choices))
    if len(han) == JAPANESE_NAME_LEN:  # 山田太郎: Japanese names are mostly four kanji, Chinese two or three
        toks = japanese_person(han)
        if toks:
            out.append(("japanese", tuple(toks), ()))
    return out


def korean_name_like(raw: str) -> bool:
    """A Hangul personal name: at most four syllables, optionally split by spaces."""
    syllables = HANGUL_PIECE_RE.findall(raw)
    total = sum(len(s) for s in syllables)
    return 2 <= total <= HAN_PERSON_MAX and not _LATIN_OR_DIGIT_RE.search(raw)
