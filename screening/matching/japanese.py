"""Japanese names: kanji and kana to Hepburn romaji (pykakasi).

Kana only ever spell Japanese, so a name with kana is read in Japanese. A name
written only in kanji may be Chinese or Japanese; the matcher reads it as
Chinese first and tries the Japanese reading as a fallback (山田太郎 ->
Yamada Taro). Long vowels are written without macrons or doubling, as
English listings do (Tarō / Tarou -> taro, Yūko -> yuko).

pykakasi loads a dictionary of about 30 MB once, on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

#: Long-vowel spellings folded to the plain vowel ("ou" -> "o", "uu" -> "u").
_LONG_VOWELS = re.compile(r"(?<=[a-z])(ou|oo|uu|aa)")
_kakasi: Any = None  # pykakasi's converter, made on first use


def has_kana(text: str) -> bool:
    """True when ``text`` holds hiragana or katakana (not the prolonged-sound mark alone)."""
    return any("\u3041" <= ch <= "\u30fa" for ch in text)


def _converter():  # pragma: no cover - trivial
    """The pykakasi converter, created once."""
    global _kakasi
    if _kakasi is None:
        import pykakasi

        _kakasi = pykakasi.kakasi()
    return _kakasi


def fold_long_vowels(word: str) -> str:
    """Hepburn without long vowels: "tarou" -> "taro", "yuuko" -> "yuko"."""
    return _LONG_VOWELS.sub(lambda m: m.group(0)[0], word)


@lru_cache(maxsize=4096)
def romaji_words(text: str, whole: bool = False) -> tuple[str, ...]:
    """Hepburn words of a Japanese name, one per dictionary word ("山田太郎" -> yamada, taro).

    With ``whole``, ``()`` unless every character is read: pykakasi passes over the
    simplified Chinese characters Japanese does not write (三菱电机软件 gives only
    "mitsubishi"), and a part of a name read as the whole would meet every firm of
    that brand. Returns ``()`` when pykakasi is not installed.
    """
    try:
        conv = _converter()
    except ImportError:
        return ()
    words = []
    read = ""
    for item in conv.convert(text):
        roman = re.sub(r"[^a-z]", "", str(item.get("hepburn", "")).lower())
        if roman:
            words.append(fold_long_vowels(roman))
            read += str(item.get("orig", ""))
        elif whole:
            return ()
    if whole and read != text:
        return ()
    return tuple(words)
