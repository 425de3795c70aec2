"""A group's division met by the group's full name: a hold, not a match.

"Oshkosh Corporation" names one legal person in full; the listed "Oshkosh Defense,
LLC" is another member of its group. Issue 14: "Huawei Technologies (UK) Co., Ltd."
is "a different legal person: a possible affiliate (REVIEW), unless it is listed
itself". The search already holds such hits for review (families.partial_hold);
this feature says so in the pair's own score, which ``compare`` and the benchmarks
read. Its weight is a cap (:attr:`screening.matching.algorithm.Feature.hold`).
"""

from __future__ import annotations

import re

from screening.matching.alignment import Pair
from screening.matching.forms import Form
from screening.matching.names import DISTINCTIVE, GENERIC, PERSON, STOP
from screening.matching.names_latin import legal_compare
from screening.matching.normalize import has_han
from screening.matching.pinyin import is_pinyin_word
from screening.matching.features import legal_countries
from screening.matching.resources import Tables, tables

_WORD = re.compile(r"\w+")


def division_added(pair: Pair) -> float:
    """1 when a firm named in full, its own words and a legal form ("Oshkosh Corporation",
    "NEC Corporation"), meets a listed name that adds a line of business after those words
    ("Oshkosh Defense, LLC", "NEC Aerospace Systems, Ltd."): a group's division is its own
    legal person, a possible affiliate held for review, as a qualifier in brackets holds
    Huawei (UK) (issue 14). Not when the query has a business word of its own ("Success
    Aviation FZC"); not for words that say how a firm works ("Trading", "Manufacturing":
    ``activity_words``); nor in names that state their line of business in the registered
    name: Chinese (in characters, or in pinyin), and those under a legal form of
    ``business_named_countries`` (Russian, Turkish...) or with the legal form written
    first, as Russian and Vietnamese names are ("Limited Liability Company Interros
    Invest" is "Interros Limited")."""
    q, c = pair.query, pair.result
    if PERSON in (q.schema, c.schema) or q.vessel or c.vessel or not q.legal:
        return 0.0
    al = pair.alignment
    if not al.links or any(q.tags[i] != STOP for i in al.q_unmatched) or GENERIC in q.tags:
        return 0.0
    t = tables()
    first, last = min(j for lk in al.links for j in lk.ci), max(j for lk in al.links for j in lk.ci)
    if not any(j > last and _line_of_business(c.texts[j], c.tags[j], t) for j in al.c_unmatched):
        return 0.0
    if q.russian or c.russian or has_han(q.name) or has_han(c.name):
        return 0.0
    if any(tok.source in t.pinyin_words or tok.text in t.pinyin_places for f in (q, c) for tok in f.tokens):
        return 0.0
    if all(is_pinyin_word(w) for w, tag in zip(q.texts, q.tags) if tag == DISTINCTIVE):
        return 0.0  # a Chinese firm's name in pinyin ("Yitu Limited" / "Yitu Technologies")
    if any(country.lower() in t.business_named_countries for form in q.legal + c.legal
           for country in legal_countries(form)):
        return 0.0
    return 0.0 if _legal_form_first(c, first, t) else 1.0


def _line_of_business(word: str, tag: str, t: Tables) -> bool:
    """A generic word naming a line of business ("Defense", "Aerospace", "Systems"): not
    an organisation's class ("Group"), a word for another entity ("Branch") or for how a
    firm works ("Trading")."""
    return (tag == GENERIC and word in t.generic and word not in t.org_class
            and word not in t.org_words and word not in t.activity_words)


def _legal_form_first(form: Form, first: int, t: Tables) -> bool:
    """The name writes a legal form before its first word at ``first`` ("LIMITED LIABILITY
    COMPANY INTERROS INVEST"), the order of Russian and Vietnamese names, which state
    their line of business in the registered name."""
    words = _WORD.findall(form.name.lower())
    source = form.tokens[first].source.lower()
    head = words.index(source) if source in words else 0
    return any(legal_compare(tuple(words[i:j]), t) is not None
               for i in range(head) for j in range(i + 1, head + 1))
