"""Vietnamese personal names in Latin letters without diacritics.

A Vietnamese name is written family name first, and each part is one syllable
(Nguyễn Văn Minh, "Nguyen Van Minh"). As in a Chinese name, a letter more or
less makes another syllable, so another name: Manh is not Minh, Thang not
Thanh. Written without diacritics, y and i spell one vowel (Kỳ / Kì: Ky / Ki),
and a slip that makes no syllable (Houng for Huong) is a typing error, read as
any other. The family names are ``word_lists.yaml``'s ``vietnamese_surnames``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from screening.matching import korean
from screening.matching.resources import tables
from screening.matching.tokens import DISTINCTIVE

if TYPE_CHECKING:
    from screening.matching.forms import Form

#: The vowels of a Vietnamese syllable written without diacritics (ư, ơ as u, o; â, ă, ê, ô plain).
_VIET_NUCLEI = ("a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|iu|oa|oe|oi|ua|ue|ui|uo|uu|uy|ye|ieu|oai|oay|oeo|uay|uoi"
                "|uou|uya|uye|uyu|yeu")
#: One Vietnamese syllable: an initial, its vowels, a final (Nguyen, Thanh, Minh, Duc, Huynh).
_VIET_SYLLABLE = re.compile(
    rf"^(?:ngh|ng|nh|th|tr|ch|ph|kh|gi|qu|[bcdghklmnprstvx])?(?:{_VIET_NUCLEI})(?:ng|nh|ch|[cmnpt])?$"
)
#: Finals Vietnamese writes only after some vowels: nh and ch after a, i, e, y (Anh, Minh,
#: Huynh, Bach), ng after a, o, u, e (Hung, Dong, Tieng); never "ing" or "unh", which are
#: slips (helper-48: Minh / Ming is one name mistyped, not two names).
_FINAL_VOWELS = (("nh", "aiey"), ("ch", "aiey"), ("ng", "aoue"))


def syllable(word: str) -> bool:
    """True when ``word`` is one Vietnamese syllable written without diacritics."""
    if _VIET_SYLLABLE.match(word) is None:
        return False
    for final, after in _FINAL_VOWELS:
        if word.endswith(final) and len(word) > len(final):
            return word[-len(final) - 1] in after
    return True


def vietnamese_name(form: Form) -> bool:
    """A Vietnamese personal name: its family name (the marked one, else the first
    word, as Vietnamese write it) is a Vietnamese family name, and every part is one
    Vietnamese syllable ("Nguyen Van Minh", "TRAN, Duc Thanh")."""
    surnames = tables().vietnamese_surnames
    if not any(t in surnames for t in form.texts):
        return False  # most names: no Vietnamese family name at all
    if len(form.texts) < 2 or DISTINCTIVE not in form.tags:
        return False
    # the family name marked, else the first word, a stop word too (Le and Van are read as
    # the French and Dutch particles)
    family = next((t for t, f in zip(form.texts, form.family) if f), form.texts[0])
    return family in surnames and all(syllable(w) for w in form.texts)


def other_syllable(a: str, b: str) -> bool:
    """``a`` and ``b``, parts of two Vietnamese names, are two syllables, not one
    spelled otherwise: Manh / Minh, Thang / Thanh are two names (as Chinese Lei / Li),
    while y and i write one vowel (Ky / Ki) and a slip that is no syllable (Houng
    for Huong) is a typing error."""
    return a != b and a.replace("y", "i") != b.replace("y", "i") and syllable(a) and syllable(b)


def vietnamese_syllables_differ(q: Form, c: Form, a: str, b: str) -> bool:
    """:func:`other_syllable` of ``a`` and ``b`` in two Vietnamese names. Callers that
    compare many words of one pair ask :func:`vietnamese_name` once and then
    :func:`other_syllable` per word."""
    return vietnamese_name(q) and vietnamese_name(c) and other_syllable(a, b)


#: The middle names that mark a Vietnamese woman's name (Thị) and a man's (Văn).
_WOMAN, _MAN = "thi", "van"


def genders_differ(q: Form, c: Form) -> bool:
    """One Vietnamese name has Thị, a woman's middle name, where the other has Văn, a
    man's: "Nguyen Thi Thanh" is not "NGUYEN Van Thanh", whatever else agrees. A name of
    three syllables or more with Thi or Van is Vietnamese enough, whatever its family
    name (Ly, Mai, Lam ... are not on the list: helper-51's review)."""
    if not ((_WOMAN in q.texts or _MAN in q.texts) and (_WOMAN in c.texts or _MAN in c.texts)):
        return False  # most names: neither word on both sides
    qt, ct = set(q.texts), set(c.texts)
    one_way = _WOMAN in qt and _MAN in ct and _MAN not in qt and _WOMAN not in ct
    other_way = _MAN in qt and _WOMAN in ct and _WOMAN not in qt and _MAN not in ct
    return (one_way or other_way) and _syllables(q) and _syllables(c)


def _syllables(form: Form) -> bool:
    """Three words or more, each one Vietnamese syllable."""
    return len(form.texts) >= 3 and all(syllable(w) for w in form.texts)


def positions_differ(q: Form, c: Form) -> bool:
    """Two Vietnamese names of three syllables, one family name and one given name, whose
    middle names differ ("Tran Van Hung" is not "TRAN Quoc Hung"), or whose middle and
    given names trade places ("Nguyen Van Thi" is not "NGUYEN Thi Van"): words met in any
    order had made them one name (helper-51's review). A given name spelled otherwise
    (Manh / Minh) is judged word by word, and held for review."""
    if len(q.texts) != 3 or len(c.texts) != 3 or q.texts[0] != c.texts[0]:
        return False
    (_, a1, a2), (_, b1, b2) = q.texts, c.texts
    swapped = a1 == b2 and a2 == b1 and a1 != a2
    middle = a2 == b2 and other_syllable(a1, b1) and not korean.same_syllable(a1, b1)
    return (swapped or middle) and vietnamese_name(q) and vietnamese_name(c)
