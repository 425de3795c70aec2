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

from screening.matching.alignment import Pair, address_place, first_word
from screening.matching.forms import Form
from screening.matching.gazetteer import is_town
from screening.matching.names import DISTINCTIVE, GENERIC, LOCATION, PERSON, STOP, after_legal_form
from screening.matching.names_latin import legal_compare
from screening.matching.normalize import fold_words, has_han
from screening.matching.pinyin import is_pinyin_word
from screening.matching.features import legal_countries
from screening.matching.resources import Tables, tables

_WORD = re.compile(r"\w+")


def division_added(pair: Pair) -> float:
    """1 when a firm named in full, its own words and a legal form ("Oshkosh Corporation",
    "NEC Corporation"), meets a listed name that adds a line of business after those words
    under a legal form of another kind ("Oshkosh Defense, LLC", "NEC Aerospace Systems,
    Ltd."): a group's division, registered on its own, is its own legal person, a possible
    affiliate held for review, as a qualifier in brackets holds Huawei (UK) (issue 14).

    Not when the query has a business word of its own ("Success Aviation FZC"); not for
    words that say how a firm works ("Trading": ``activity_words``); not when the forms
    are of one kind (Inc. / Incorporated: ``legal_form_groups``), or say no kind (Company,
    Co.), or one name has none; not when one registry number is in both; nor in names that
    state their line of business in the registered name: Chinese (in characters, or in
    pinyin), those under a legal form of ``business_named_countries`` (Russian, Turkish)
    or of ``business_named_forms`` (JSC, PJSC), or with the legal form written first, as
    Russian names are ("Limited Liability Company Interros Invest" is "Interros Limited")."""
    q, c = pair.query, pair.result
    if PERSON in (q.schema, c.schema) or q.vessel or c.vessel or q.ids & c.ids:
        return 0.0
    t = tables()
    if not _forms_of_other_kinds(q.legal, c.legal, t):
        return 0.0
    al = pair.alignment
    if not al.links or any(q.tags[i] != STOP for i in al.q_unmatched) or GENERIC in q.tags:
        return 0.0
    first, last = min(j for lk in al.links for j in lk.ci), max(j for lk in al.links for j in lk.ci)
    if not any(j > last and _line_of_business(c.texts[j], c.tags[j], t) for j in al.c_unmatched):
        return 0.0
    if q.russian or c.russian or has_han(q.name) or has_han(c.name):
        return 0.0
    if any(tok.source in t.pinyin_words or tok.text in t.pinyin_places or tok.text in t.chinese_places
           for f in (q, c) for tok in f.tokens):
        return 0.0
    if all(is_pinyin_word(w) for w, tag in zip(q.texts, q.tags) if tag == DISTINCTIVE):
        return 0.0  # a Chinese firm's name in pinyin ("Yitu Limited" / "Yitu Technologies")
    if any(country.lower() in t.business_named_countries for form in q.legal + c.legal
           for country in legal_countries(form)):
        return 0.0
    q_first = min(i for lk in al.links for i in lk.qi)
    return 0.0 if _legal_form_first(c, first, t) or _legal_form_first(q, q_first, t) else 1.0


def institution_kind_differs(pair: Pair) -> float:
    """1 when two names of a teaching institution (a university, a college, an academy:
    ``teaching_words``, met in both) agree on a town alone and only one of them names a
    field or a kind ("Technology", "Medical", "Polytechnic": ``academic_fields``):
    "University of Isfahan" is not "Isfahan University of Technology", nor "University
    of Tirana" the "Polytechnic University of Tirana", two institutions of one city
    (fresh17's dev half). Held for review, as a firm's division is.

    Not a university of its own name, which drops its field freely ("Bauman University"
    for the Bauman Moscow State Technical University); not when each name has a field
    the other lacks ("Universidad Politécnica" may be the "Technical University", one
    field in two languages); not an institute, whose names drop their generic words
    freely ("Central Research Institute of Robotics" / "... Central Research and
    Experimental and Design Institute ..."). An eponym or a place only one name has is
    no field ("Lomonosov Moscow State University")."""
    q, c = pair.query, pair.result
    if PERSON in (q.schema, c.schema) or q.vessel or c.vessel:
        return 0.0
    t = tables()
    if t.teaching_words.isdisjoint(q.texts):
        return 0.0  # most names: no university's word (the cheap test first)
    al = pair.alignment
    met = [i for lk in al.links for i in lk.qi]
    if not any(q.texts[i] in t.teaching_words for i in met):
        return 0.0
    named = [i for i in met if q.tags[i] in (DISTINCTIVE, LOCATION)]
    if not named or not all(q.tags[i] == LOCATION or is_town((q.texts[i],)) for i in named):
        return 0.0  # a university of its own name, not only of its town
    q_field = any(q.texts[i] in t.academic_fields for i in al.q_unmatched)
    c_field = any(c.texts[j] in t.academic_fields for j in al.c_unmatched)
    return 1.0 if q_field != c_field else 0.0


def place_qualifier_added(pair: Pair) -> float:
    """1 when one firm's name adds a place the other lacks as its qualifier: in brackets
    ("Huawei Technologies (UK) Co., Ltd.") or as its last word before its legal form
    ("IRISL Europe GmbH", fresh18's dev half). A subsidiary of that place is another legal
    person: a possible affiliate, held for review (issue 14), however long the name that
    agrees (a long name scored the place's share away: 0.90).

    Not a place the name opens with (where the firm is registered: "Hangzhou Hikvision"),
    nor one after "of" ("Sberbank of Russia"), nor an address after the legal form and a
    comma ("Promresurs LLC, Moscow"); not when both add one (``locations_disagree`` reads
    those), nor with one registry number in both."""
    q, c = pair.query, pair.result
    if PERSON in (q.schema, c.schema) or q.vessel or c.vessel or q.ids & c.ids:
        return 0.0
    al = pair.alignment
    if LOCATION not in q.tags and LOCATION not in c.tags:
        return 0.0  # most names: no place (the cheap test first)
    if not al.distinctive_agree:
        return 0.0
    return 1.0 if _qualified(q, al.q_unmatched, c) != _qualified(c, al.c_unmatched, q) else 0.0


def _qualified(form: Form, unmatched: tuple[int, ...], other: Form) -> bool:
    """A place of ``form`` left ``unmatched`` qualifies the firm's name before its legal
    form (:func:`place_qualifier_added`); after it, a place is where the firm is ("...
    PVT LTD MUMBAI", "... Co Ltd (China)")."""
    if not form.legal:
        return False
    last = len(form.texts) - 1
    after: frozenset[str] | None = None
    for k in unmatched:
        if form.tags[k] != LOCATION or k == first_word(form) or (k > 0 and form.texts[k - 1] == "of"):
            continue
        if (k == last or _bracketed(form, k)) and not address_place(form, other, k):
            if after is None:
                split = after_legal_form(form.name, tables(), comma=False)
                after = frozenset(fold_words(split[1])) if split else frozenset()
            if not after.intersection(fold_words(form.tokens[k].source)):
                return True
    return False


#: Words that name an armed service or a body of an organisation, read after its name
#: ("Korean People's Army Navy", "IRGC Qods Force") for :func:`organ_added`.
SERVICE_WORDS = frozenset({"navy", "naval", "air", "aerospace", "ground", "marine", "marines", "qods", "quds",
                           "coast", "special", "intelligence"})
#: Words before "of" that name a state itself, not an organ of it.
_STATE_WORDS = frozenset({"government", "state", "republic", "kingdom", "people", "peoples"})
#: Fewest words of the name an organ is added to: "Korean People's Army", not "Army".
ORGAN_PARENT_MIN = 2


def organ_added(pair: Pair) -> float:
    """1 when one organisation's name is the other's with an organ of it added: a service
    after it ("Korean People's Army" / "Korean People's Army Navy", "Islamic Revolutionary
    Guard Corps" / "... Navy"; not "Command" or "Force", which name a service itself:
    Turkish Land Forces Command, helper-93's review), or a body before it and "of"
    ("Workers' Party of Korea" / "Central Military Commission of the Workers' Party of
    Korea"; not a state's Government of). An organ may be listed
    on its own, and its parent is not it: held for review (fresh20's dev half labels them
    two parties; they scored 0.89-0.97). The shorter name has two words or more and every
    word of it is met; not for persons, vessels, or firms under a legal form."""
    q, c = pair.query, pair.result
    if PERSON in (q.schema, c.schema) or q.vessel or c.vessel or q.legal or c.legal:
        return 0.0
    al = pair.alignment
    if not al.links or (not al.q_unmatched) == (not al.c_unmatched):
        return 0.0  # most pairs: all met on both sides, or words left on both
    shorter, longer, left, shorter_left = ((q, c, al.c_unmatched, al.q_unmatched) if al.c_unmatched
                                           else (c, q, al.q_unmatched, al.c_unmatched))
    if any(shorter.tags[k] != STOP for k in shorter_left):
        return 0.0  # every word of the shorter name is met
    if sum(g != STOP for g in shorter.tags) < ORGAN_PARENT_MIN:
        return 0.0
    met = sorted(j for lk in al.links for j in (lk.ci if longer is c else lk.qi))
    words = [k for k in left if longer.tags[k] != STOP]
    if not words:
        return 0.0
    if all(k > met[-1] for k in words) and any(longer.texts[k] in SERVICE_WORDS for k in words):
        return 1.0
    before = [k for k in range(met[0]) if longer.tags[k] != STOP]
    if all(k < met[0] for k in words) and before and "of" in longer.texts[before[-1] + 1: met[0]]:
        # not a state's government ("Government of the Islamic Republic of Iran": helper-94)
        return 0.0 if all(longer.texts[k] in _STATE_WORDS for k in before) else 1.0
    return 0.0


def _bracketed(form: Form, k: int) -> bool:
    """Token ``k`` of ``form`` is written in brackets ("(UK)", "(Hong Kong)")."""
    if "(" not in form.name:
        return False
    source = form.tokens[k].source.lower()
    return any(source in inner.lower() for inner in _BRACKETS.findall(form.name))


_BRACKETS = re.compile(r"\(([^()]*)\)")


def _forms_of_other_kinds(q_legal: tuple[str, ...], c_legal: tuple[str, ...], t: Tables) -> bool:
    """Both names have legal forms that say a kind, none of one kind with the other's,
    none a CIS form in translation (``business_named_forms``)."""
    generic = ("company", "co")  # Company, Co.: no kind ("Sepehr Noor Mobin Company")
    q_forms = [f for f in q_legal if f not in generic]
    c_forms = [f for f in c_legal if f not in generic]
    if not q_forms or not c_forms or any(f in t.business_named_forms for f in q_forms + c_forms):
        return False
    return not {_kind(f, t) for f in q_forms} & {_kind(f, t) for f in c_forms}


def _kind(form: str, t: Tables) -> str:
    """A legal form's kind: the group (``legal_form_groups``) of a word of it ("co limited",
    "company ltd", "limited company" are all Ltd), else the form itself."""
    for word in form.split():
        group = t.legal_form_groups.get(word)
        if group is not None:
            return f"group {group}"
    return form


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
