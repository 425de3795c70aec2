"""Burmese names read as Myanmar's own romanisation writes them.

anyascii reads Burmese letter by letter ("မင်းအောင်လှိုင်" is "mn'eanlhiun"), but
a Burmese syllable is read by its rime, the vowel and the final consonant together:
အောင် is "aung", လှိုင် "hlaing", မြင့် "myint". Lists write Burmese names in
the conventional romanisation (MIN AUNG HLAING, SOE WIN, THAN SHWE), one word per
syllable, and this reads them so:

- a syllable starts at a consonant or a vowel letter, unless an asat (်) or a
  stacking virama (္) makes the consonant the last of the syllable before;
- the onset is the consonant with its medials: ျ and ြ "y" (ကျ ky, ချ ch, မြ my),
  ွ "w", ှ an "h" before it (လှ hl, မှ hm), or "sh" with ရ and ယ (ရှ);
- the rime comes from the table of conventional rimes (:data:`_RIMES`): a
  consonant's own vowel "a", ောင် "aung", ိုင် "aing", ိန် "ein", ုန် "on", ွန်
  "un", ့ on a final ng "int" (Myint);
- titles before a name (ဦး U, ဒေါ် Daw, ဗိုလ်ချုပ် Bogyoke, ဒေါက်တာ Doctor)
  are left out, as lists leave them out.
"""

from __future__ import annotations

import re

from anyascii import anyascii

MYANMAR_RE = re.compile("[\u1000-\u109f]")
_RUN_RE = re.compile("[\u1000-\u109f]+")

_ONSETS = {
    "\u1000": "k", "\u1001": "kh", "\u1002": "g", "\u1003": "g", "\u1004": "ng", "\u1005": "s",
    "\u1006": "hs", "\u1007": "z", "\u1008": "z", "\u1009": "ny", "\u100a": "ny", "\u100b": "t",
    "\u100c": "ht", "\u100d": "d", "\u100e": "d", "\u100f": "n", "\u1010": "t", "\u1011": "ht",
    "\u1012": "d", "\u1013": "d", "\u1014": "n", "\u1015": "p", "\u1016": "ph", "\u1017": "b",
    "\u1018": "b", "\u1019": "m", "\u101a": "y", "\u101b": "y", "\u101c": "l", "\u101d": "w",
    "\u101e": "th", "\u101f": "h", "\u1020": "l", "\u1021": "", "\u103f": "th",
}
#: Vowel letters, each a syllable of its own.
_VOWEL_LETTERS = {"\u1023": "i", "\u1024": "i", "\u1025": "u", "\u1026": "u", "\u1027": "e",
                  "\u1029": "aw", "\u102a": "aw"}
#: A final consonant's class: the rime table is written by these.
_FINALS = {"\u1000": "k", "\u1004": "ng", "\u1005": "c", "\u1009": "nyin", "\u100a": "nyi", "\u100b": "t",
           "\u1010": "t", "\u1012": "t", "\u100f": "n", "\u1014": "n", "\u1015": "p", "\u1019": "m",
           "\u101a": "y", "\u101c": "n", "\u101e": "t"}
#: Conventional rimes: (vowel, final) -> spelling. The vowel is "" for a consonant's own.
_RIMES = {
    ("", ""): "a", ("a", ""): "a", ("i", ""): "i", ("u", ""): "u", ("e", ""): "e", ("ai", ""): "e",
    ("aw", ""): "aw", ("o", ""): "o",
    ("", "k"): "et", ("aw", "k"): "auk", ("o", "k"): "aik",
    ("", "ng"): "in", ("aw", "ng"): "aung", ("o", "ng"): "aing",
    ("", "c"): "it", ("", "nyi"): "i", ("", "nyin"): "in",
    ("", "t"): "at", ("i", "t"): "eik", ("u", "t"): "ok",
    ("", "n"): "an", ("i", "n"): "ein", ("u", "n"): "on",
    ("", "p"): "at", ("i", "p"): "eik", ("u", "p"): "ok",
    ("", "m"): "an", ("i", "m"): "ein", ("u", "m"): "on",
    ("", "y"): "e",
}
#: A medial w before these rimes is their vowel: ထွန်း Tun, ကျွတ် Kyut.
_W_RIMES = {"n": "un", "m": "un", "t": "ut", "p": "ut"}
_SIGNS = {"\u102b": "a", "\u102c": "a", "\u102d": "i", "\u102e": "i", "\u102f": "u", "\u1030": "u",
          "\u1031": "e", "\u1032": "ai"}
_ASAT, _VIRAMA, _DOT, _ANUSVARA = "\u103a", "\u1039", "\u1037", "\u1036"
_MEDIAL_Y, _MEDIAL_R, _MEDIAL_W, _MEDIAL_H = "\u103b", "\u103c", "\u103d", "\u103e"
#: Titles written before a Burmese name, longest first: Senior General, General, Colonel,
#: Doctor, U (Mr), Daw (Ms), Maung, Ko and Ma are left as names (they are name parts too).
_TITLES = ("ဒုတိယဗိုလ်ချုပ်မှူးကြီး", "ဗိုလ်ချုပ်မှူးကြီး", "ဗိုလ်ချုပ်ကြီး", "ဗိုလ်မှူးချုပ်", "ဗိုလ်မှူးကြီး",
           "ဗိုလ်ချုပ်", "ဒေါက်တာ", "ဦး", "ဒေါ်")


def has_burmese(text: str) -> bool:
    """True when ``text`` holds a letter of the Myanmar block."""
    return MYANMAR_RE.search(text) is not None


def romanise(text: str, plain: bool = False) -> str:
    """``text`` with every run of Burmese read, a word per syllable (other characters
    unchanged): "ဦးဝင်းမြင့်" -> "win myint". ``plain``: the other spelling names take
    (:data:`_PLAIN`), "ထွန်းစိုး" "tun soe" for "htun so"."""
    return _RUN_RE.sub(lambda m: " " + _read_run(m.group(0), plain) + " ", text).strip()


#: The other conventional spellings of an onset and of an open rime: ဆ without its h
#: (San, beside Hsan: ဆ and စ are both S in names, Aung San), ထ without it before un
#: only (Tun beside Htun: ထင် Htin and တင် Tin are two names, helper-77's review), ို as
#: oe (Soe, Moe), ု and ူ as oo (Htoo, Oo).
_PLAIN = {"hs": "s"}
_PLAIN_BEFORE_UN = {"ht": "t"}
_PLAIN_RIMES = {"o": "oe", "u": "oo"}
#: Letters of the Myanmar block's extensions (Mon, Shan, Karen ...), which the tables
#: here do not read: a run with one is left to anyascii.
_EXTENSIONS_RE = re.compile("[\u1050-\u109f]")


def _read_run(run: str, plain: bool) -> str:
    if _EXTENSIONS_RE.search(run):
        return anyascii(run)  # ၸၢႆးၶမ်း: Shan, not Burmese
    for title in _TITLES:
        if run.startswith(title) and len(run) > len(title):
            run = run[len(title):]
            break
    return " ".join(s for s in (_spell(syl, plain) for syl in _syllables(run)) if s)


def _syllables(run: str) -> list[str]:
    """The syllables of a run: a new one at each consonant or vowel letter that no asat
    or virama closes (a dot below may stand between: င့်)."""
    out: list[str] = []
    for k, ch in enumerate(run):
        starts = ch in _ONSETS or ch in _VOWEL_LETTERS or (ch.isdigit() and not (k and run[k - 1].isdigit()))
        if starts and ch in _ONSETS and _closed(run, k):
            starts = False
        if starts or not out:
            out.append(ch)
        else:
            out[-1] += ch
    return out


def _closed(run: str, k: int) -> bool:
    """The consonant at ``k`` ends its syllable: an asat or a virama follows it."""
    j = k + 1
    while j < len(run) and run[j] == _DOT:
        j += 1
    return j < len(run) and run[j] in (_ASAT, _VIRAMA)


def _spell(syl: str, plain: bool = False) -> str:
    """One syllable spelled: onset with medials, then the rime (``plain``: see :data:`_PLAIN`)."""
    first = syl[0]
    if first.isdigit():
        return "".join(str(int(c)) for c in syl if c.isdigit())
    if first not in _ONSETS and first not in _VOWEL_LETTERS:
        return ""  # a sign without its letter, or punctuation (၊ ။)
    if first in _VOWEL_LETTERS:
        return _VOWEL_LETTERS[first]
    onset = _ONSETS[first]
    rest = syl[1:]
    if _MEDIAL_H in rest:
        onset = "sh" if onset == "y" else "h" + onset
    if _MEDIAL_Y in rest or _MEDIAL_R in rest:
        onset = "ch" if onset == "kh" else onset + "y"
    medial_w = _MEDIAL_W in rest
    vowel = _vowel(rest)
    final = ""
    for k, ch in enumerate(rest):
        if ch in _ONSETS and _closed(rest, k):
            final = _FINALS.get(ch, "")
    if _ANUSVARA in rest and not final:
        final = "m"
    if medial_w and vowel == "" and final in _W_RIMES:
        rime = _W_RIMES[final]
    else:
        if medial_w:
            onset += "w"
        rime = _RIMES.get((vowel, final)) or (_RIMES.get((vowel, "")) or "a") + _RIMES.get(("", final), "")[1:]
    if final == "ng" and _DOT in rest and rime.endswith("in"):
        rime += "t"  # မြင့် Myint
    if plain:
        onset = _PLAIN.get(onset, onset)
        if rime == "un":
            onset = _PLAIN_BEFORE_UN.get(onset, onset)
        rime = _PLAIN_RIMES.get(rime, rime) if not final else rime
    return onset + rime


def _vowel(rest: str) -> str:
    """The vowel written on a syllable: ော aw, ို o, or one sign's."""
    if "\u1031" in rest and ("\u102c" in rest or "\u102b" in rest):
        return "aw"
    if "\u102d" in rest and "\u102f" in rest:
        return "o"
    for ch in rest:
        if ch in _SIGNS:
            return _SIGNS[ch]
    return ""
