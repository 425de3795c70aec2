"""Modern Greek in Latin letters as Greek passports write it (ELOT 743 / ISO 843, type 2),
with English usage at a word's start.

unidecode reads Greek letter by letter in the classical way (Δημήτρης "Demetres",
Ευάγγελος "Euaggelos"), and anyascii reads ου and υ as "oy" and "y"
(Κωνσταντίνου "Konstantinoy"). Greek passports, registries and sanctions lists
write the modern pronunciation: Dimitris Konstantinou, Evangelos, Papadopoulos,
Vasileios. This is that standard's transcription; it is the second reading of a
Greek name (:func:`screening.matching.names._other_transliterations`).

The rules (ELOT 743, the transcription of Greek passports):

* η and ι are i, υ is y, ω is o, β is v, θ is th, χ is ch, ξ is x, ψ is ps;
* ου is ou; αυ, ευ, ηυ are av, ev, iv before a vowel or a voiced consonant and
  af, ef, if before a voiceless one (θ κ ξ π σ τ φ χ ψ) or at the end of a word;
* γγ is ng, γξ nx, γχ nch; γκ, μπ, ντ are gk, mp, nt inside a word. At the start
  of a word ELOT (and so a passport) writes them gk, mp, nt too (NTORA MPAKOGIANNI),
  where English writes g, b, d (Dora Bakoyannis): this reading takes the English
  one, since unidecode's reading, the first, already keeps the letters;
* a diaeresis (ϊ, ϋ) parts two vowels: Μαΐου is Maiou, not Maou.

English and Cypriot usage also writes the sounds, not the letters (:func:`spoken`):
ει, οι and υ are all said i, αι is said e, so Βασιλειάδης is Vasileiadis on a passport
and Vassiliades or Vasiliadis elsewhere.
"""

from __future__ import annotations

import unicodedata

from unidecode import unidecode

_LETTERS = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
    "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
    "ω": "o",
}
_VOWELS = frozenset("αεηιουω")
#: Consonants after which αυ / ευ / ηυ are read af / ef / if.
_VOICELESS = frozenset("θκξπστφχψς")
#: Two letters read as one sound: (word start, inside a word).
_PAIRS = {"γκ": ("g", "gk"), "μπ": ("b", "mp"), "ντ": ("d", "nt"), "γγ": ("ng", "ng"),
          "γξ": ("nx", "nx"), "γχ": ("nch", "nch"), "ου": ("ou", "ou")}
_DIAERESIS = "\u0308"


def _letters(word: str) -> list[tuple[str, bool]]:
    """The word's base letters in lower case, each with whether it bears a diaeresis."""
    out: list[tuple[str, bool]] = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if unicodedata.combining(ch):
            if ch == _DIAERESIS and out:
                out[-1] = (out[-1][0], True)
            continue
        out.append((ch, False))
    return out


def _word(word: str) -> str:
    """One Greek word in Latin letters (other characters kept as they are)."""
    letters = _letters(word)
    out: list[str] = []
    i = 0
    while i < len(letters):
        ch, _ = letters[i]
        nxt, nxt_diaeresis = letters[i + 1] if i + 1 < len(letters) else ("", False)
        pair = ch + nxt
        if ch in "αεη" and nxt == "υ" and not nxt_diaeresis:
            after = letters[i + 2][0] if i + 2 < len(letters) else ""
            voiceless = not after or after in _VOICELESS or not ("\u03b1" <= after <= "\u03c9")
            out.append(_LETTERS[ch] + ("f" if voiceless else "v"))
            i += 2
            continue
        if pair in _PAIRS and not nxt_diaeresis:
            first, inside = _PAIRS[pair]
            out.append(first if i == 0 else inside)
            i += 2
            continue
        latin = _LETTERS.get(ch)
        if latin is None and ("\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff"):
            latin = unidecode(ch)  # an archaic or rare letter (ϟ, Ϛ): never left in Greek
        out.append(ch if latin is None else latin)
        i += 1
    return "".join(out)


def elot743(text: str) -> str:
    """``text`` with its Greek words in Latin letters by ELOT 743, capitalised as written.

    >>> elot743("Δημήτρης Κωνσταντίνου")
    'Dimitris Konstantinou'
    >>> elot743("Ευάγγελος Παπαδόπουλος")
    'Evangelos Papadopoulos'
    """
    words = []
    for word in text.split(" "):
        latin = _word(word)
        if word[:1].isupper() and latin:
            latin = latin.upper() if word.isupper() and len(word) > 1 else latin[:1].upper() + latin[1:]
        words.append(latin)
    return " ".join(words)


#: Vowel pairs said as one vowel (iotacism), unless the first bears the accent (Λάιος is
#: La-i-os) or the second a diaeresis (Μαΐου): ει, οι, υι are said i, αι is said e.
_SAID_PAIRS = {"ε": "ι", "ο": "ι", "υ": "ι", "α": "ε"}
#: Vowels that make a digraph with a following υ (αυ, ευ, ηυ, ου): ELOT reads those.
_BEFORE_Y = frozenset("αεηο")


def spoken(text: str) -> str | None:
    """``text``'s Greek words in Latin letters as said, not spelled ("Vasiliadis",
    "Irini"), or None when that reads as :func:`elot743` does: ει, οι, υι and a lone υ
    are said i, αι is said e, then the rest as ELOT writes it.

    >>> spoken("Βασιλειάδης Ειρήνη")
    'Vasiliadis Irini'
    >>> spoken("Λάιος") is None  # the accent parts the vowels: La-i-os
    True
    """
    letters: list[list[str]] = []  # [base letter, its combining marks]
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and letters:
            letters[-1][1] += ch
        else:
            letters.append([ch, ""])
    out: list[str] = []
    i = 0
    while i < len(letters):
        base, marks = letters[i]
        low = base.lower()
        nxt = letters[i + 1] if i + 1 < len(letters) else None
        if (low in _SAID_PAIRS and not marks and nxt is not None and nxt[0].lower() == "ι"
                and _DIAERESIS not in nxt[1]):
            said = _SAID_PAIRS[low]
            out.append((said.upper() if base.isupper() else said) + nxt[1])
            i += 2
            continue
        prev = letters[i - 1] if i else None
        if low == "υ" and _DIAERESIS not in marks and not (prev and prev[0].lower() in _BEFORE_Y and not prev[1]):
            out.append(("Ι" if base.isupper() else "ι") + marks)
        else:
            out.append(base + marks)
        i += 1
    said = elot743(unicodedata.normalize("NFC", "".join(out)))
    return said if said != elot743(text) else None
