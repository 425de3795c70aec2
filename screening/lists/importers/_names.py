"""Name clean-up shared by the importers: a.k.a./f.k.a. splitting, boilerplate
removal, acronyms, de-duplication, and the entity-type guess for sources that
give no type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from screening.types import Name

#: "a.k.a." / "f.k.a." / "n.k.a." markers inside a name cell, with the
#: punctuation around them: "X (f.k.a., Y)", "X, a.k.a. Y", "X; a.k.a Y".
_AKA = re.compile(r"\s*[(\[,;]?\s*\b([afn])\.k\.a\b\.?,?\s*", re.I)
#: Undotted markers, recognised only right after a bracket: "X [aka Y]", "X (fka Y)".
_BRACKET_AKA = re.compile(r"([(\[])\s*([afn])ka\b\.?", re.I)
#: Name kind for each marker letter.
_AKA_KIND = {"a": "alias", "f": "former", "n": "alias"}
#: ISN boilerplate: "...; and any successor, sub-unit, or subsidiary thereof".
_SUCCESSOR = re.compile(r"[;,]?\s+and any successors?,? sub-units?,? or subsidiar(?:y|ies) thereof\.?\s*$", re.I)
#: A leading "and " left over from "A; B; and C" lists.
_LEADING_AND = re.compile(r"^(?:and|or)\s+", re.I)
#: Quote marks stripped from both ends of a name.
_QUOTES = "\"'“”‘’«»„"
#: A trailing parenthetical that may be an acronym: "... (AASPT)".
_TRAILING_PAREN = re.compile(r"^(?P<base>.+?)\s*\((?P<abbr>[^()]{2,15})\)\s*$")
#: Acronyms: capitals, digits, &, -, . and at most one inner space ("CETC 13").
_ACRONYM = re.compile(r"^[A-Z0-9&.\-]+(?: [A-Z0-9&.\-]+)?$")

#: Words that make an entity an organisation rather than a company, unless a
#: company form (below) is also present. Universities, institutes, ministries,
#: armed forces, government bodies.
_ORG_WORDS = re.compile(
    r"\b(universit\w*|college|academy|academies|institutes?|institut|laborator(?:y|ies)|ministry|"
    r"directorate|intelligence agency|bureau|department of|armed forces|army|navy|air force|"
    r"guard corps|corps|security service|intelligence|police|government of|state committee|committee for|commission|"
    r"school|hospital|council|party|front|brigade|battalion|regiment)\b",
    re.I,
)
#: Company forms: their presence keeps the "company" type.
_COMPANY_FORMS = re.compile(
    r"\b(co\.?|company|corp\.?|corporation|inc\.?|incorporated|ltd\.?|limited|llc|l\.l\.c\.|"
    r"jsc|ojsc|cjsc|pjsc|oao|ooo|zao|ao|pao|gmbh|ag|s\.a\.|sa|s\.r\.l\.|srl|bv|b\.v\.|plc|"
    r"pte|pvt|llp|lp|fze|fzco|fzc|fz-llc|group|holding|holdings|enterprise|trading)\b",
    re.I,
)


def make_name(value: str, kind: str = "primary") -> Name:
    """A :class:`Name`, skipping the per-character script scan for plain ASCII
    (always ``Latn``, or ``Zyyy`` without letters): 3x faster on big lists."""
    if value.isascii():
        script = "Latn" if any(c.isalpha() for c in value) else "Zyyy"
        return Name(value, kind, script)
    return Name(value, kind)


def clean(text: str | None) -> str:
    """Tidy one name: squash whitespace, drop ISN successor boilerplate, a
    leading "and ", wrapping quotes, unbalanced brackets and trailing
    punctuation, and the "?" the CSL uses for quote marks it could not encode."""
    if not text:
        return ""
    value = text.replace("?", " ") if "?" in text else text
    value = _SUCCESSOR.sub("", " ".join(value.split()))
    value = _LEADING_AND.sub("", value).strip(" ,;:")
    if value.count("(") < value.count(")") and value.endswith(")"):
        value = value[:-1].rstrip()
    if value.count("[") < value.count("]") and value.endswith("]"):
        value = value[:-1].rstrip()
    if value.count("(") > value.count(")"):
        value = value.rsplit("(", 1)[0].rstrip() if value.rstrip().endswith("(") else value + ")"
    if len(value) > 1 and value[0] in _QUOTES and value[-1] in _QUOTES:
        value = value[1:-1].strip()
    return value.strip(" ,;:")


def split_aka(text: str | None, kind: str = "primary") -> list[Name]:
    """Split a name cell that embeds other names.

    >>> [(n.value, n.kind) for n in split_aka("Gazprom Promgaz, AO (f.k.a. OAO Gazprom Promgaz)")]
    [('Gazprom Promgaz, AO', 'primary'), ('OAO Gazprom Promgaz', 'former')]
    """
    if not text:
        return []
    if "ka" in text:
        text = _BRACKET_AKA.sub(lambda m: f"{m.group(1)}{m.group(2)}.k.a.", text)
    parts = _AKA.split(text)
    names: list[Name] = []
    head = clean(parts[0])
    if head:
        names.append(make_name(head, kind))
    for i in range(1, len(parts) - 1, 2):
        value = clean(parts[i + 1])
        if value:
            names.append(make_name(value, _AKA_KIND[parts[i].lower()]))
    return names


def remark_names(remarks: str | None) -> list[Name]:
    """Names OFAC puts in remarks: ``a.k.a. 'X'``, ``f.k.a. 'Y'``, ``n.k.a. 'Z'``
    (quoted) or a bare ``f.k.a. Y`` item."""
    if not remarks:
        return []
    names: list[Name] = []
    for item in re.split(r";\s+", remarks):
        for m in re.finditer(r"\b([afn])\.k\.a\.?,?\s*(?:'([^']+)'|\"([^\"]+)\"|([^;']+))", item, re.I):
            value = clean(m.group(2) or m.group(3) or m.group(4) or "")
            if value:
                names.append(make_name(value.rstrip("."), _AKA_KIND[m.group(1).lower()]))
    return names


def acronym_names(name: str) -> list[Name]:
    """For "Academy of Aerospace Solid Propulsion Technology (AASPT)" return the
    acronym (kind ``acronym``) and the name without it (kind ``alias``).

    The parenthetical counts as an acronym only when it starts with the name's
    first letter and its letters occur in the name in order, so "PJSC VTB BANK
    (KIEV)" is left alone.
    """
    m = _TRAILING_PAREN.match(name)
    if not m:
        return []
    base, abbr = m.group("base").strip(" ,"), m.group("abbr").strip()
    if not _ACRONYM.match(abbr) or not base:
        return []
    letters = [c for c in abbr.upper() if c.isalpha()]
    haystack = base.upper()
    if not letters or letters[0] != haystack[0]:
        return []
    pos = 0
    for c in letters:
        pos = haystack.find(c, pos)
        if pos < 0:
            return []
        pos += 1
    return [make_name(abbr, "acronym"), make_name(base, "alias")]


def dedupe(names: Iterable[Name]) -> list[Name]:
    """Drop repeated names (case-insensitive); the first occurrence wins except
    that a ``former`` mark upgrades an earlier ``alias`` of the same value."""
    out: list[Name] = []
    seen: dict[str, Name] = {}
    for n in names:
        if not n.value:
            continue
        key = n.value.casefold()
        if key in seen:
            if n.kind == "former" and seen[key].kind == "alias":
                seen[key].kind = "former"
            continue
        seen[key] = n
        out.append(n)
    return out


#: Business words no personal name has (beside the company forms above): a name
#: in "X, Y" form holding one is a firm's ("Summit Marketing, Inc.", "Acme Trading, Ltd").
_BUSINESS_WORDS = re.compile(
    r"\b(trad\w*|industr\w*|technolog\w*|international|services?|systems?|electronic\w*|engineering|"
    r"import|export|bank|shipping|marine|energy|oil|gas|logistics|consult\w*|marketing|solutions?|"
    r"investments?|associates|partners|partnership|foundation|society|association|organi[sz]ation|"
    r"network|global|aviation|aerospace|shipyard|factory|plant|works|office|center|centre|agency|"
    r"enterprises|ventures|airlines?|airways|air|cargo|freight|express|transport\w*|communications?|"
    r"telecom\w*|media|supply|supplies|products|manufactur\w*|equipment|parts|machinery|chemicals?|"
    r"pharma\w*|motors?|auto\w*|metals?|steel|construction|design|research|development|security|"
    r"defen[cs]e|resources|capital|finance|financial|tech|labs?|studios?|hotels?|restaurant|store|shop|"
    r"market|farms?|electric\w*|power|sales|distribution|manufacturing|instruments?|devices?|"
    r"vertrieb\w*|handel\w*|computers?|results|contracting|comm?erci\w*|anstalt|distributors?)\b",
    re.I,
)
_WORD = r"[^\W\d_][\w'’.\-]*"
#: "FAMILY, Given Middle": a personal name as lists write it (no digits), a
#: generation after the family name or the whole name ("Andrade, Jr., Ramon").
_PERSON_COMMA = re.compile(
    rf"^{_WORD}(?: {_WORD}){{0,2}}(?:, (?:jr|sr|ii|iii|iv)\.?)?, {_WORD}(?: {_WORD}){{0,3}}(?:, (?:jr|sr|ii|iii|iv)\.?)?$",
    re.I,
)
#: A nickname in quotes or brackets inside a person's name (SHAOHUA "ERIC" WANG).
_NICKNAME = re.compile(r"\s*(?:\"[^\"]*\"|“[^”]*”|\([^)]*\))\s*")
#: Legal forms written last, dots dropped (COTRICOM S.A., YARRA ANSTALT A.G., SUNTRONIC F.Z.E.) ...
_LAST_FORMS = frozenset("sa sl ag fze fzco srl spa bv nv sas sro doo kk ooo llc plc oy asa sarl ltda lda cv gmbh kg ohg ug".split())
#: ... and two that are initials when dotted ("A.S.", "A.B."), forms only when written plain.
_PLAIN_FORMS = frozenset({"ab", "as"})
#: Two to four plain words ("JOSE ERNESTO GARCIA"): a person's only on a list of persons.
_PERSON_BARE = re.compile(rf"^{_WORD}(?: {_WORD}){{1,3}}$")


def looks_like_person(name: str) -> bool:
    """A personal name by its form: "FAMILY, Given" or two to four plain words,
    with no organisation, company or business word. Only asked of names on a
    list of people and firms (:func:`guess_type`): elsewhere "Huawei OpenLab,
    Singapore" has the same form.

    >>> looks_like_person("Henry, Mark"), looks_like_person("AIDEN DAVIDSON")
    (True, True)
    >>> looks_like_person("Summit Marketing, Inc."), looks_like_person("MISSION COMMUNICATIONS")
    (False, False)
    >>> looks_like_person("COTRICOM S.A."), looks_like_person('SHAOHUA "ERIC" WANG'), looks_like_person("Andrade, Jr., Ramon")
    (False, True, True)
    """
    name = " ".join(name.split())
    bare = " ".join(_NICKNAME.sub(" ", name).split())
    if not bare or not (_PERSON_COMMA if "," in bare else _PERSON_BARE).match(bare):
        return False
    last = bare.rsplit(" ", 1)[-1].rstrip(",")
    if last.replace(".", "").lower() in _LAST_FORMS or ("." not in last and last.lower() in _PLAIN_FORMS):
        return False
    return not (_ORG_WORDS.search(name) or _COMPANY_FORMS.search(name) or _BUSINESS_WORDS.search(name))


def guess_type(name: str, persons_list: bool = False) -> str:
    """The entry type of a name whose source gives none (or only "Entity"):
    ``person`` on a list of people and firms (``persons_list``: the Denied
    Persons List and the ITAR debarred list type individuals as entities) for
    a name of a person's form (:func:`looks_like_person`); ``organization``
    for universities, institutes, ministries, armed forces and other public
    bodies without a company form in the name; else ``company``.

    >>> guess_type("Northwestern Polytechnical University"), guess_type("Beijing Institute Co., Ltd.")
    ('organization', 'company')
    >>> guess_type("Li, Qingshan", persons_list=True), guess_type("Li, Qingshan")
    ('person', 'company')
    """
    if persons_list and looks_like_person(name):
        return "person"
    if _ORG_WORDS.search(name) and not _COMPANY_FORMS.search(name):
        return "organization"
    return "company"
