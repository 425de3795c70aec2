"""Chinese names: segmentation over the term, place, legal and brand tables,
pinyin for the brand, CC-CEDICT for business words and translated names,
Chinese numerals, and personal names in Han characters.
"""

from __future__ import annotations

import re
from functools import lru_cache


from screening.matching import cedict
from screening.matching.normalize import skeleton, to_simplified
from screening.matching.resources import Readings, Tables, tables
from screening.matching.tokens import (
    ANALYSIS_CACHE,
    DISTINCTIVE,
    GENERIC,
    HAN_PERSON_MAX,
    LEGAL,
    LOCATION,
    NUMBER,
    Builder,
    Token,
)
from screening.matching.names_latin import latin_tag


#: Longest entry in the Chinese term tables we look for (characters).
ZH_MAX_TERM = 12


#: Organisation units a bare Chinese numeral may number (二院, 七〇二所, 十四所).
ZH_NUMBERED_UNITS = frozenset("所院厂局处室部")


@lru_cache(maxsize=ANALYSIS_CACHE)
def _pinyin(text: str) -> tuple[str, ...]:
    """Phrase-aware pinyin syllables of ``text`` (pypinyin, tone-less), cached: the same
    family names and name parts recur from name to name (王, 陈: most calls in bulk files),
    and each pypinyin call costs ~14 us however short the text."""
    from pypinyin import lazy_pinyin

    return tuple(s for s in lazy_pinyin(text, errors="ignore") if s.isalpha())


#: Most other readings of a brand from characters with several pronunciations.
HETERONYM_READINGS = 4


@lru_cache(maxsize=ANALYSIS_CACHE)
def other_pinyin(chars: str, usual: str) -> tuple[str, ...]:
    """Other pinyin of a brand whose characters have several readings (洪都: hongdu, not hongdou)."""
    from pypinyin import Style, pinyin

    per = [[p for p in dict.fromkeys(r) if p.isalpha()] for r in pinyin(chars, style=Style.NORMAL, heteronym=True)]
    if len(per) != len(chars) or any(not p for p in per):
        return ()
    base = [p[0] for p in per]
    out: list[str] = []
    for k, readings in enumerate(per):
        for r in readings[1:]:
            word = "".join(base[:k] + [r] + base[k + 1 :])
            if word != usual and word not in out:
                out.append(word)
    return tuple(out[:HETERONYM_READINGS])


def _zh_number(text: str, digits: dict[str, int]) -> int | None:
    """Value of a Chinese numeral such as 十三 or 二十一 (None if not one)."""
    if not text or any(ch not in digits for ch in text):
        return None
    if all(digits[ch] < 10 for ch in text):
        return int("".join(str(digits[ch]) for ch in text))  # 七〇二 = 702
    total, current = 0, 0
    for ch in text:
        value = digits[ch]
        if value >= 10:
            total += (current or 1) * value
            current = 0
        else:
            current = value
    return total + current


def _place_split(piece: str, t: Tables) -> tuple[str, str] | None:
    """``("乌鲁木齐", "市")`` for a suffixed place whose suffix is a term, else None.

    Listings write the suffix in different ways (Urumqi / Urumqi Municipal /
    Kashgar Prefecture), so it is read as its own, optional, term.
    """
    for k in (3, 2, 1):
        if len(piece) > k + 1 and piece[:-k] in t.zh_places and piece[-k:] in t.zh_terms:
            if any(not r for r in t.zh_terms[piece[-k:]]):
                return piece[:-k], piece[-k:]
    return None


@lru_cache(maxsize=ANALYSIS_CACHE)
def han_segments(text: str) -> tuple[tuple[str, str, Readings], ...]:
    """Split a simplified Han run into (kind, chars, readings) segments.

    Longest match first over the legal, place, term (incl. brand) and numeral
    tables; the characters between matches form a ``brand`` segment (romanised
    by pinyin). Kinds: legal, place, term, number, brand.
    """
    t = tables()
    out: list[tuple[str, str, Readings]] = []
    brand = ""
    i = 0
    n = len(text)
    digits = t.zh_digits

    def flush() -> None:
        nonlocal brand
        if brand:
            out.append(("brand", brand, ()))
            brand = ""

    while i < n:
        hit: tuple[str, str, Readings] | None = None
        for size in range(min(ZH_MAX_TERM, n - i), 0, -1):
            piece = text[i : i + size]
            if piece in t.zh_legal:
                hit = ("legal", piece, (t.zh_legal[piece],))
            elif piece in t.zh_places:
                hit = ("place", piece, t.zh_places[piece])
            elif piece in t.zh_terms and (size > 1 or not brand):
                hit = ("term", piece, t.zh_terms[piece])
            if hit:
                break
        if hit is None and text[i] in digits:
            j = i
            while j < n and text[j] in digits:
                j += 1
            if j < n and j > i and text[j] in ZH_NUMBERED_UNITS and not brand:
                value = _zh_number(text[i:j], digits)
                if value is not None:  # 二院, 七〇二所: a numbered unit without 第
                    hit = ("number", text[i:j], ((str(value),),))
        if hit is None and text[i] == "第":
            j = i + 1
            while j < n and text[j] in digits:
                j += 1
            value = _zh_number(text[i + 1 : j], digits)
            if value is not None:
                hit = ("number", text[i:j], ((str(value),),))
        if hit is None:
            brand += text[i]
            i += 1
            continue
        flush()
        split = _place_split(hit[1], t) if hit[0] == "place" else None
        if split:
            out.append(("place", split[0], t.zh_places[split[0]]))
            out.append(("term", split[1], t.zh_terms[split[1]]))
        else:
            out.append(hit)
        i += len(hit[1])
    flush()
    return tuple(out)


def _pinyin_words(syl: tuple[str, ...]) -> list[str]:
    """Plain pinyin words of a segment: two syllables per word ("jicheng dianlu")."""
    step = 2 if len(syl) > 2 else max(len(syl), 1)
    return ["".join(syl[k : k + step]) for k in range(0, len(syl), step)]


def _han_person(run: str, whole: bool = False) -> list[Token]:
    """Tokens of a Chinese personal name: family name first, given name joined ("xi jinping").

    ``whole``: the run is one part of a name written with spaces ("明珠" in
    "秀珠 明珠 周"), kept as one word.
    """
    return [tok for tok, _ in _han_person_parts(run, whole)]


def _han_person_parts(run: str, whole: bool = False) -> list[tuple[Token, str]]:
    """:func:`_han_person`'s tokens, each with the characters it reads (何, 国良)."""
    out: list[tuple[Token, str]] = []
    for part in re.split(r"[·・.]", run):
        syl = _pinyin(part)
        if not syl:
            continue
        if len(syl) >= 2 and "·" not in run and not whole:
            words = [syl[0], "".join(syl[1:])]
            chars = [part[:1], part[1:]] if len(part) == len(syl) else [part, part]
        else:
            words = ["".join(syl)]
            chars = [part]
        for k, w in enumerate(words):
            family = k == 0 and len(words) == 2
            out.append((Token(w, DISTINCTIVE, skeleton(w), part, f"pinyin of {part}", family), chars[k]))
    return out


#: Most Hong Kong spellings of one part of a Chinese personal name (its characters'
#: spellings combined, the usual first).
HONG_KONG_SPELLINGS = 4


#: Note of a Hong Kong spelling's token.
HONG_KONG_NOTE = "Hong Kong spelling of"


def hong_kong_spellings(chars: str, limit: int, surname: bool = False) -> list[str]:
    """``chars`` as Hong Kong spells them, the characters' spellings joined (国良:
    "kwokleung", "gwokleung"), at most ``limit``; a ``surname`` also as Singapore and
    Malaysia write it (陈: Tan). Empty when a character has no spelling."""
    t = tables()
    spellings = [""]
    for ch in chars:
        options = t.yue_chars.get(ch, ())
        if surname:
            options = options + t.min_nan_surnames.get(ch, ())
        if not options:
            return []
        spellings = [s + o for s in spellings for o in options][:limit]
    return spellings


def _hong_kong_readings(tok: Token, chars: str) -> list[tuple[Token, ...]]:
    """The part ``tok`` of a Chinese personal name, read from ``chars``, in its
    :func:`hong_kong_spellings`, as readings of a choice."""
    note = f"{HONG_KONG_NOTE} {chars}"
    return [(Token(s, DISTINCTIVE, skeleton(s), tok.source, note, tok.family),)
            for s in hong_kong_spellings(chars, HONG_KONG_SPELLINGS, tok.family) if s != tok.text]


def han_tokens(run: str, person: bool, whole: bool = False) -> tuple[Builder, list[Token], list[str]]:
    """Tokens for a Han run: (translated tokens with choices, plain-pinyin tokens, legal forms)."""
    t = tables()
    simp = to_simplified(run)
    main = Builder()
    plain: list[Token] = []
    legal: list[str] = []
    if person:
        parts = _han_person_parts(simp, whole)
        for tok, chars in parts:
            main.add([(tok,), *_hong_kong_readings(tok, chars)])
        return main, [tok for tok, _ in parts], legal
    if "·" in simp:
        joined = simp.replace("·", "")
        if not han_segments_have_terms(joined):  # 贝拉克·奥巴马: a foreign personal name
            toks = _han_person(simp)
            main.tokens.extend(toks)
            return main, list(toks), legal
        simp = joined  # 洛克希德·马丁公司: a company
    for kind, chars, readings in han_segments(simp):
        syl = _pinyin(chars)
        if kind == "legal":
            legal.append(chars)
            *words, form = readings[0] or ("ltd",)
            for word in words:  # 集团有限公司 -> group + ltd
                tok = Token(word, latin_tag(word, t), skeleton(word), chars, f"{chars} = {' '.join(readings[0])}")
                main.tokens.append(tok)
                plain.append(tok)
            if (form in t.legal_compare or not t.legal_compare) and form not in t.branch_words:
                tok = Token(form, LEGAL, form, chars, f"legal form ignored: {chars}")
            else:  # 分公司 -> "branch": a marker word, not a legal form
                tok = Token(form, latin_tag(form, t), skeleton(form), chars, f"{chars} = {form}")
            main.tokens.append(tok)
            plain.append(tok)
            continue
        if kind == "number":
            value = readings[0][0]
            tok = Token(value, NUMBER, value, chars, f"number {chars}")
            main.tokens.append(tok)
            plain.append(tok)
            continue
        pin_words = _pinyin_words(syl) if syl else []
        if kind == "brand":
            joined = "".join(syl)
            brand, business = _peel_business_words(chars, t)
            if brand != chars:  # 美丽制冷空调: the brand 美丽 stays pinyin, the business words translate
                syl = _pinyin(brand)
            name = "".join(syl)
            if name:
                tok = Token(name, DISTINCTIVE, skeleton(name), brand, f"pinyin of {brand}")
                others = [
                    (Token(w, DISTINCTIVE, skeleton(w), brand, f"pinyin of {brand} (other reading)"),)
                    for w in other_pinyin(brand, name)
                ]
                main.add([(tok,), *others])
            for word, readings in business:
                main.add(_business_readings(word, readings, t))
            if joined:
                plain.append(Token(joined, DISTINCTIVE, skeleton(joined), chars, f"pinyin of {chars}"))
            continue
        tag = LOCATION if kind == "place" else None
        label = "brand " if chars in t.zh_brands else ""
        alts: list[tuple[Token, ...]] = []
        for reading in readings:
            note = f"{label}{chars} = {' '.join(reading)}" if reading else f"{chars} left out"
            alts.append(tuple(_reading_token(w, tag, chars, note, t) for w in reading))
        pin = tuple(Token(w, tag or DISTINCTIVE, skeleton(w), chars, f"pinyin of {chars}") for w in pin_words)
        if pin and all([x.text for x in a] != pin_words for a in alts):
            alts.append(pin)
        main.add(alts)
        plain.extend(pin)
    return main, plain, legal


def _peel_business_words(chars: str, t: Tables) -> tuple[str, list[tuple[str, Readings]]]:
    """Split the characters between table terms into the brand and the business words after it.

    Chinese company names run place, brand (字号), line of business, form:
    江苏 | 美丽 | 制冷 空调 | 设备有限公司. Words at the end of the run that
    CC-CEDICT knows (制冷 refrigeration, 空调 air conditioning) or organisation
    units (厂 plant, 所 institute) are peeled off; the brand in front keeps at
    least two characters (one in runs of three or fewer) and stays pinyin.
    """
    business: list[tuple[str, Readings]] = []
    rest = chars
    keep = 2 if len(chars) >= 4 else 1
    while len(rest) > keep:
        found = None
        for k in range(min(cedict.MAX_CHARS, len(rest) - keep), 0, -1):
            piece = rest[-k:]
            got = t.zh_terms.get(piece) if k == 1 and piece in ZH_NUMBERED_UNITS else cedict.readings(piece) if k > 1 else ()
            if got:
                found = (piece, got)
                break
        if found is None:
            break
        business.insert(0, found)
        rest = rest[: -len(found[0])]
    return rest, business


def translated_reading(tokens: list[Token], t: Tables, sense: int = 0) -> tuple[Token, ...] | None:
    """The name with each pinyin brand word translated from CC-CEDICT, or None.

    Foreign organisations are named in Chinese by translation: 通用动力 is
    "General Dynamics", 机器人 "robot". A brand word is translated only when
    CEDICT words cover all its characters; the words keep their own kind (name
    words stay name words). ``sense`` picks each word's n-th gloss (its first
    when it has fewer); None when no word has that many.
    """
    out: list[Token] = []
    changed = False
    deepest = 0
    for tok in tokens:
        words = _cedict_cover(tok.source) if tok.tag == DISTINCTIVE and tok.note == f"pinyin of {tok.source}" else None
        if not words:
            out.append(tok)
            continue
        changed = True
        for chars in words:
            senses = cedict.readings(chars)
            deepest = max(deepest, len(senses))
            reading = senses[sense] if sense < len(senses) else senses[0]
            note = f"{chars} = {' '.join(reading)} (CC-CEDICT)"
            out.extend(Token(w, latin_tag(w, t), skeleton(w), chars, note) for w in reading)
    return tuple(out) if changed and sense < deepest else None


def _cedict_cover(chars: str) -> list[str] | None:
    """``chars`` split into CC-CEDICT words, longest first from the left; None if a character is left over."""
    out: list[str] = []
    i = 0
    while i < len(chars):
        for k in range(min(cedict.MAX_CHARS, len(chars) - i), cedict.MIN_CHARS - 1, -1):
            if cedict.readings(chars[i : i + k]):
                out.append(chars[i : i + k])
                i += k
                break
        else:
            return None
    return out or None


def _business_readings(word: str, readings: Readings, t: Tables) -> list[tuple[Token, ...]]:
    """Readings of a business word peeled off a brand: its English glosses, then its pinyin."""
    alts = [
        tuple(_reading_token(w, None, word, f"{word} = {' '.join(r)} (CC-CEDICT)", t) for w in r) for r in readings if r
    ]
    pin = "".join(_pinyin(word))
    if pin:
        alts.append((Token(pin, DISTINCTIVE, skeleton(pin), word, f"pinyin of {word}"),))
    return alts


def _reading_token(word: str, tag: str | None, source: str, note: str, t: Tables) -> Token:
    """A token of an English reading; legal-form words stay legal forms ("corporation")."""
    compare = t.legal_forms.get((word,)) if tag is None else None
    if compare is not None and compare not in t.branch_words and compare not in t.legal_parts:
        return Token(compare, LEGAL, compare, source, f"legal form ignored: {word}")
    kind = tag or latin_tag(word, t)
    if note.startswith("brand "):
        if kind == GENERIC and word not in t.org_class:
            kind = DISTINCTIVE  # 中芯国际 = "semiconductor manufacturing international": a name
    elif kind == DISTINCTIVE:
        kind = GENERIC  # a translated term (市 = city, 航空 = aero) is a business word, never a name
    return Token(word, kind, skeleton(word), source, note)


def han_segments_have_terms(simp: str, brands: bool = True) -> bool:
    """True when a Han run contains an organisation term, place or legal form.

    With ``brands=False`` the short brand names of ``zh_brands.yaml`` do not
    count: 大华 is a brand, but 张大华 is a personal name.
    """
    t = tables()
    for kind, chars, _ in han_segments(simp):
        if kind == "brand":
            continue
        if not brands and kind == "term" and chars in t.zh_brands and len(chars) <= 2:
            continue
        return True
    return False


def is_han_person(piece: str, han_chars: int, person: bool, company: bool) -> bool:
    """Is a Han run a personal name? Yes when declared, or short and free of organisation terms."""
    if person:
        return True
    if company or han_chars > HAN_PERSON_MAX:
        return False
    simp = to_simplified(piece).replace("·", "")
    t = tables()
    if simp in t.zh_terms or simp in t.zh_places:
        return False  # 华为, 大疆, 北京: a brand or a place on its own
    return not han_segments_have_terms(simp, brands=False)
