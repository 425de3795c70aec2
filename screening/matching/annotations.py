"""Annotations written around a name, taken off before it is analysed.

Payment messages, shipping documents and vessel lists wrap the party's name in
words that are not part of it:

* party labels: "BENEFICIARY: ACME TRADING", "SHIPPER:", SWIFT ":59:/123456 ACME", and
  the line number of SWIFT field 50F ("1/ACME TRADING");
* vessel prefixes: "MV OCEAN STAR", "M/T OCEAN STAR", "T/B ..."; the HAO (号) after a
  Chinese vessel's number ("XIN YUAN 18 HAO", 鑫源18号);
* a shipping document's vessel line: its label ("VSL:", "CARRYING VESSEL:"), which makes
  the name a vessel's, and after it the voyage ("V.2317E"), ports ("POL QINGDAO") and
  "FLAG: PANAMA";
* former names and other names: "OCEAN STAR (ex-SEA BREEZE)", "f/k/a ...",
  a name that starts with the words "formerly known as" (the name is what follows),
  "(also known as ...)", "... a.k.a. ...", "... d/b/a ...", a trailing short form "Costar Group Co., Ltd. (Costar)"
  -- kept as other names of the party, so either name can find a listing;
* a nickname in quotes inside a person's name: Joaquin "El Chapo" Guzman -- kept as
  another name with the family name ("El Chapo Guzman"; "SHAOHUA 'ERIC' WANG" is also
  "ERIC WANG");
* "M/s" or "Messrs" before a firm's name ("M/s Shree Ganesh Polymers Pvt Ltd");
* a port or flag after a comma: "OCEAN STAR, PANAMA";
* branch suffixes set off by a dash or parentheses: "ACME TRADING LLC - DUBAI
  BRANCH", "(LONDON BRANCH)", and a Chinese 分公司 after its company's name: a branch
  is the same legal person as its company;
* registry numbers: "IMO 9123456", "Reg. No. 12345", "OGRN 1027700000000".

:func:`strip_annotations` returns the bare name and the former names. Each rule
only fires where what it removes is unmistakable, and never empties a name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Callable, Iterable, Mapping

from screening.matching import pinyin
from screening.matching.normalize import fold_words
from screening.countries import country_names, to_iso2
from screening.matching.resources import known_place, tables

#: The words of a document's reference, before or after the name.
_DOC_WORDS = r"inv(?:oice)?|p\.?o\.?|order|ref|acct|account|a/c"
#: A document's own reference before a party's label or name: "INV 2023-0412 BILL TO:",
#: "ACCT 100234 - YMTC WUHAN", "PO# 4471:". A word with a digit after the document's
#: word (its dashes inside a number: "2023-0412"), then a dash, a colon, or an address
#: label. "A/C 24-7 Services" is a firm: its 7 is no reference's (helper-64's review).
_DOC_REF = (r"(?:" + _DOC_WORDS + r"|cust(?:omer)?\s+(?:id|no))"
            # the word ends where its word ends ("Power2" is no PO), or its number is written
            # on in digits ("PO4471", "INV2023-04": helper-70's review)
            r"(?:(?![^\W_])\.?\s*(?:no\.?|#|:|-)?\s*[\w/]*\d(?:[\w/]|-(?=[\w/]*\d))*|\d[\d/]*(?:-\d+)*(?![^\W_]))"
            r"(?:\s*[-–/]\s*(?=[^\W\d])|\s*:\s*|\s+(?=(?:bill|ship|sold|invoice|deliver)\s+to\b))")
#: A document's reference written after the name, to its end: "Rosoboronexport JSC, Moscow /
#: Ref contract 77-204", "ACME LTD - INV 2023-0412", "Acme Ltd (PO# 4471)". After a separator,
#: the document's word (and a number's word, or a second document word: "Ref contract"), then
#: a word with a digit that ends the text. Not "Order of Suvorov 76" (helper-67's review).
_TRAILING_REF_RE = re.compile(
    r"\s*(?:[/,;|(\[]|\s[-–])\s*(?:reference|" + _DOC_WORDS + r"|contract)\b"
    r"\.?(?:\s*(?:no\.?|nr\.?|number|#|:)|\s+(?:contract|invoice|order|ref|po))?\s*[#:]?\s*[\w/.-]*\d[\w/.-]*"
    r"\s*[)\]]?\s*$",
    re.IGNORECASE,
)
#: Document labels that introduce a party (SWIFT fields and field 72's /BNF/ and /ORD/
#: codes, bills of lading, LCs, invoices, KYC forms), after the document's reference if any.
_LABEL_RE = re.compile(
    r"^\s*(?:" + _DOC_REF + r")?(?:(?:swift\s+)?field\s*:?\s*\d{2}[a-z]?\s*:|:?\d{2}[a-z]?:|/\d{2}[a-z]?/(?=\s)|/(?:bnf|ben|ord)/(?=[^\W\d_])|"
    r"(?:ordering\s+customer|beneficiary(?:\s+customer|\s+bank)?|shipper|consignee|notify\s+party|"
    r"applicant|remitter|sender|receiver|buyer|seller|payee|payer|debtor|creditor|"
    r"intermediary(?:\s+bank)?|account\s+with\s+institution|exporter|importer|end\s+user|"
    r"(?:bill|ship|sold|invoice|deliver)[\s-]+to|supplier|vendor|consignor|"
    r"(?:customer|client|legal|registered|company|account|entity|full|vendor|supplier)\s+name|"
    r"(?:customer|client|vendor|supplier)(?:\s*(?:#|no\.?|id)\s*[\w-]*\d[\w-]*)?|"
    r"counterparty|party|name|(?:in\s+)?favou?r(?:\s+of)?)\s*:|" + _DOC_REF + r")\s*(?:/\S*\s+)?",
    re.IGNORECASE,
)
#: A party's role in a shipping or payment document written after its name, set off by a
#: dash or brackets: "ZHEJIANG DAHUA TECH CO LTD - SHIPPER", "Acme GmbH (Consignee)".
_ROLES_AFTER = (r"ordering\s+customer|beneficiary(?:\s+customer|\s+bank)?|shipper|consignee|notify\s+party|applicant"
                r"|remitter|exporter|importer|end\s+user|consignor")
_TRAILING_ROLE_RE = re.compile(r"\s*(?:\s[-–—]|[(\[])\s*(?:" + _ROLES_AFTER + r")\s*[)\]]?\s*$", re.IGNORECASE)
#: The line number SWIFT field 50F writes before the name line: "1/AVANGARD KOMPLEKT OOO"
#: (only 1/: "7/ELEVEN INC" is a name).
_SWIFT_LINE_RE = re.compile(r"^\s*1/(?=[^\W\d_]{2})")
#: "(also known as X)", "(a.k.a. X)", "(aka X)", "(alias 'X')", the SDN's "(non-Latin script: 吳國偉)":
#: another name of the party; "(a.k.a. X; a.k.a. Y)" two.
_AKA_RE = re.compile(r"[\(\[]\s*(?:also\s+known\s+as|a\.?k\.?a\.?|d/b/a|dba|trading\s+as|t/a|alias(?:es)?\s*:?"
                     r"|non[-\s]?latin\s+script\s*:),?\s+([^()\[\]]+?)\s*[\)\]]",
                     re.IGNORECASE)
#: ... and written on after the name, without brackets: "Sea Star Shipping Co., Ltd. a.k.a.
#: Haixing Shipping", "ACME LLC d/b/a Acme Logistics". Only markers no name has as words:
#: not a bare "aka" or "dba" (AKA Holdings), not "A.K.A." in capitals (Shenzhen A.K.A.
#: Trading), and not "trading as", which is "Nordic Trading AS", a Norwegian firm
#: (helper-51's review).
_AKA_MARK = (r"(?:(?-i:a\.k\.a\.?)|a/k/a|also\s+known\s+as|d/b/a|(?-i:d\.b\.a\.?)|doing\s+business\s+as"
             r"|t/a|trading\s+as\s*:)")  # "trading as" with its colon only: "Nordic Trading AS" is a firm
_AKA_AFTER_RE = re.compile(r"[\s,;]+" + _AKA_MARK + r",?:?\s+(.+)$", re.IGNORECASE)
#: A person's other name after a bare "alias" ("Ismael ZAMBADA GARCIA alias El Mayo"):
#: written in lower case, or after a comma. Not Alias as a name, a Malay given name ("Mohd
#: Alias Ibrahim": helper-93's review), nor in a firm's name.
_ALIAS_AFTER_RE = re.compile(r"(?:\s*[,;]\s*(?i:alias)|\s+alias)\s*:?\s+(.+)$")
#: Where the next name of a bracketed group begins: "(a.k.a. PKK; a.k.a. KADEK)"; not at any
#: semicolon ("(a.k.a. Abu Ali Co; Syria)", "AL-QA&#39;IDA": helper-65's review).
_AKA_GROUP_RE = re.compile(r"\s*;\s*(?:a\.?k\.?a\.?|also\s+known\s+as)\s*[,:]?\s+", re.IGNORECASE)
#: Where a chain of other names goes on: "X a/k/a Y a/k/a Z", "X a.k.a. Y; Z".
_AKA_NEXT_RE = re.compile(r"\s*;\s*|[\s,]+" + _AKA_MARK + r",?:?\s+", re.IGNORECASE)
#: A name written after the words that say it is another name of the party: "formerly
#: known as Gansu Yasheng Trade Co., Ltd", "f/k/a X", "a.k.a. X", "previously known as X"
#: (lists write aliases so; customer files too). The name is what follows. Not a bare
#: "aka", "fka", "dba" or "formerly", nor dotted capitals (AKA Holdings, FKA Industries
#: and "A.K.A. Trading" are names), nor "trading as" ("Trading AS" is a Norwegian firm).
_LEADING_MARK_RE = re.compile(
    r"^\s*(?:(?:formerly|previously|now|also)\s+known\s+as|f/k/a|(?-i:f\.k\.a\.?)|a/k/a|(?-i:a\.k\.a\.?)"
    r"|n/k/a|d/b/a|(?-i:d\.b\.a\.?)|doing\s+business\s+as),?:?\s+(?=\S)",
    re.IGNORECASE,
)
#: "M/s" or "Messrs" before a firm's name, as Indian and British documents write it ("M/s
#: Shree Ganesh Polymers Pvt Ltd", "M/S. ..."): no word of the name. Not "M/S" without its
#: stop: a motor ship's prefix ("M/S ESTONIA"), or a firm's letters ("M/S Trading Ltd").
_MESSRS_RE = re.compile(r"^\s*(?:(?:MESSRS|[Mm]essrs|M/s)\.?|M/S\.)\s+(?=\S)")
#: A nickname in quotes inside a person's name: Joaquín "El Chapo" Guzmán, Ali 'Chemical'
#: Hassan. Single quotes only between spaces (O'Brien, Mu'ammar are letters).
_NICKNAME_RE = re.compile(r"(?<=\S)\s+(?:[\"“„«]([^\"“”„«»]{2,40})[\"”“»]"  # "El Chapo", «El Chapo»
                          r"|['‘]([^'‘’\"]{2,40})['’])\s+(?=\S)")  # 'El Chapo'; not O'Brien
#: A trailing parenthesised short name: "Costar Group Co., Ltd. (Costar)".
_SHORT_FORM_RE = re.compile(r"\s*\(([^()]{2,60})\)\s*$")
_WORD_RE = re.compile(r"[^\W_]{3,}|\d+")
#: A former name needs at least this many letters or digits.
FORMER_MIN_CHARS = 3
#: Vessel type prefixes: motor vessel, motor tanker, tug/barge, fishing vessel ...
_VESSEL_RE = re.compile(
    r"^\s*(?:m\.?\s?v\.?|m/v|m\.?\s?t\.?|m/t|t/b|f/v|f\.v\.|m/y|s/v|r/v)\s+(?=\S)", re.IGNORECASE
)
#: A shipping document's label of a vessel's name: "VSL:", "CARRYING VESSEL:", "Vessel
#: name:". What follows is a vessel's name, with the document's notes after it.
_VESSEL_LABEL_RE = re.compile(
    r"^\s*(?:carrying\s+|ocean\s+|feeder\s+|mother\s+)?(?:vessel|vsl|ship)(?:\s+name)?\s*:\s*(?=\S)", re.IGNORECASE
)
#: A bill of lading's notes after a labelled vessel's name: the voyage number ("V.2317E",
#: "VOY 045N"; not "V 168", a hull number), the ports of loading and discharge ("POL
#: QINGDAO"), the flag ("/ FLAG: PANAMA"). Only after a label: "SANTA POL 5" and "STAR V
#: 3" are vessels' names (helper-61's review).
_VOYAGE_RE = re.compile(
    r"\s+(?:v[.-]\s*\d{1,5}[nsew]?|v\s*\d{1,5}[nsew]|voy(?:age)?\s*(?:no\.?|[.:#])\s*\d{1,5}[nsew]?"
    r"|voy(?:age)?\s*\d{1,5}[nsew])(?=\s|$|[/,;])",
    re.IGNORECASE,
)
#: A port after POL / POD: words of letters to the end or the next separator ("SANTA POL
#: 5" is a vessel's name: helper-62's review).
_PORTS_RE = re.compile(r"\s+(?:pol|pod|port\s+of\s+(?:loading|discharge))\s*:?\s+[^\W\d_][^\W\d_ ]*(?:\s+[^\W\d_]+)*\s*(?=$|[/,;])",
                       re.IGNORECASE)
_FLAG_LABEL_RE = re.compile(r"\s*[/,;]?\s*\bflag\s*:\s*[^/,;()]*", re.IGNORECASE)
#: Prefixes written without a slash or dot, read off only a name known to be a vessel's
#: ("TB HAI LONG 7": tug boat, "SS", "FV", "RV", "NB NORDIC ARROW": a newbuilding; "Vessel
#: DUNE", "Tanker ADRIAN DARYA": the kind, written as a word); elsewhere they are a name's
#: letters or words.
_KNOWN_VESSEL_PREFIXES = (r"(?:tb|ss|fv|rv|sv|nb|tug|vessel|vsl\.?"  # NB: a newbuilding, before its delivery
                          r"|(?:(?:crude\s+)?oil\s+|lpg\s+|lng\s+|chemical\s+|products?\s+)?tanker)")
_KNOWN_VESSEL_RE = re.compile(rf"^\s*{_KNOWN_VESSEL_PREFIXES}\s+(?=\S)", re.IGNORECASE)
#: "f/k/a", "f.k.a.,", "fka", "formerly known as": what a former name follows.
_FKA = r"(?:f[./]?k[./]?a\.?|formerly\s+known\s+as),?"
#: "(ex-SEA BREEZE)", "(ex SEA BREEZE)", "(formerly SEA BREEZE)", "f/k/a SEA BREEZE",
#: "(f.k.a., SEA BREEZE)".
_FORMER_RE = re.compile(
    r"[\(\[]\s*(?:ex[-\s.:]+|" + _FKA + r"\s+|formerly\s+|former(?:ly)?\s+name:?\s+)([^()\[\]]+?)\s*[\)\]]"
    r"|\s+(?:" + _FKA + r"|formerly)\s+(.+)$",
    re.IGNORECASE,
)
#: Where a list of former names goes on to the next: "ex-AEGEAN PEARL, ex-MARIA K".
_NEXT_FORMER_RE = re.compile(r"\s*[,;]\s*(?:ex[-\s.:]+|" + _FKA + r"\s+|formerly\s+)", re.IGNORECASE)
#: A vessel's former name written on after a bare "ex": "M/T GOLDEN BAY ex BAY STAR"
#: (only on a name known to be a vessel's; elsewhere "Ex" may be a name's word).
_VESSEL_EX_RE = re.compile(r"\s+ex[-\s.:]+(?=[^\W\d])(.+)$", re.IGNORECASE)
#: A flag in closing parentheses: "(Iran flag)", "(flag: Panama)", and a vessel's bare
#: "(Liberia)"; a company's "(Thailand)" names a subsidiary and stays.
_PAREN_FLAG_RE = re.compile(r"\s*\(\s*(flag\s*:?\s*)?([^()]+?)(?(1)|(?:\s+(flag)(?:ged)?)?)\s*\)\s*$", re.IGNORECASE)
#: A branch suffix set off by a dash or parentheses: "- Dubai Branch", "– X Branch
#: Office", "(London Branch)". Not a representative office: cut, its place went with it
#: ("Export Development Bank (Cairo Representative Office)" met EXPORT DEVELOPMENT BANK OF
#: IRAN: helper-83's review). A branch after a comma or run into the name ("Bank
#: Mellat, Seoul Branch", "... Co., Ltd. Beijing Branch") stays: cut, its place went
#: with it, and "Export Development Bank, Cairo Branch" met EXPORT DEVELOPMENT BANK OF
#: IRAN (helper-62's review); such a name is held for review.
_BRANCH_RE = re.compile(
    r"(?:\s+[-–—]\s+|\s*\()\s*(?:[^()\-–—,.]{0,40}?\s)?branch(?:\s+office)?\s*\)?\s*$", re.IGNORECASE
)
#: A person's nationality written after the name: ", Lebanese national", "(a Syrian citizen)",
#: ", nationality: Iranian", ", citizen of Iraq". Words of a note, never of a name.
_NATIONALITY_RE = re.compile(
    r"\s*[,(;]\s*(?:(?:an?\s+)?(?:[^\W\d_][\w'.-]*\s+){1,3}(?:national|citizen)"
    r"|(?:nationality|citizenship)\s*:?\s+[^\W\d_][^,();]*|citizen\s+of\s+[^\W\d_][^,();]*)\s*\)?\s*$",
    re.IGNORECASE,
)
#: A person's birth written after the name: "(DOB 12 MAR 1975)", ", born 1975", "(Uzbekistan,
#: b.1974)", ", date of birth: 12/03/1975", "(d.o.b. 1975; POB Tehran)". A note of the
#: record, not a part of the name (fresh21's dev half: 0.04 with it).
_BIRTH = r"(?:d\.?o\.?b\b\.?|date\s+of\s+birth|born(?:\s+(?:on|in))?|b\.(?=\s*\d))"
#: The end of a name searched for a note of birth or nationality: a note is short, and a
#: long text repeating ", born 1" must not cost the search quadratic time (helper-93's review).
NOTE_TAIL = 80
_BIRTH_RE = re.compile(
    r"\s*(?:\([^()]*\b" + _BIRTH + r"[^()]*\)|[,;]\s*" + _BIRTH + r"\s*:?\s*[^()]*?\d[^()]*?)\s*$",
    re.IGNORECASE,
)
#: Whom a letter reaches the party through, to the end: "MAHAN AIR c/o Dubai GSA office,
#: Deira", "Acme Ltd, Attn: Accounts". The party is the name before; the one after c/o is
#: screened too, as another name ("Ministry of Defense c/o Ahmad Vahidi"). Not "care of",
#: which is English inside names ("Society for the Care of Orphans": helper-67's review).
_CARE_OF_RE = re.compile(r"\s*[,;(]?\s*(?:\b(c/o)|\battn\b\.?|\battention\s*:)\s*:?\s+(\S.*)$", re.IGNORECASE)
#: Fewest words after "Attn: <role>," read as the party ("Attn: Accounts, Perkasa Marine Sdn Bhd").
ATTN_PARTY_MIN_WORDS = 2
#: A vessel's kind in brackets after its name: "CUMANAGOTO (tug)", "SEA STAR (bulk carrier)".
_VESSEL_KIND_RE = re.compile(r"\s*\(\s*([a-z][a-z\s/-]{1,30}?)\s*\)\s*$", re.IGNORECASE)
#: A Chinese branch (分公司) after its company's registered name: "深圳市嘉源电子有限公司北京分公司"
#: is 深圳市嘉源电子有限公司's Beijing branch. Only a place's few characters between: a unit
#: (第十四研究所分公司: an institute's branch, helper-61's review) keeps its name.
_HAN_BRANCH_RE = re.compile(r"(?<=公司)[^\s公司所院厂部局处室第中心]{2,5}分公司$")
#: A Nordic organisation number's label ("org. nr", "organisationsnummer").
_ORG_LABEL = r"org(?:ani[sz]ation)?\.?\s*(?:no|nr|number)\.?|organisationsnummer"
#: Registry numbers: "IMO 9123456", "(IMO: 9123456)", "Reg. No. 123", "OGRN 1027700000000".
_REGISTRY_RE = re.compile(
    r"[\(,]?\s*\b(?:(?:imo|mmsi|ogrn|огрн|(?-i:INN|ИНН))(?:\.?\s*(?:no|number|nr)\.?)?"
    r"|reg(?:istration)?\.?\s*(?:no|number|nr)\.?|cr\s*no\.?|company\s+(?:reg(?:istration)?\.?\s*)?(?:no|number)\.?"
    # a national register's number by its label: Sweden's "org. nr"
    r"|" + _ORG_LABEL + r")"
    # a register's letters before the number: Cyprus "Reg No HE 345678"
    r"\s*[:#.]?\s*(?:(?<=[\s:#.])[a-z]{1,3}\s?)?\d[\d\s-]{3,}\d\s*\)?",
    re.IGNORECASE,
)
#: A register's number by the register's own letters, in capitals, after a bracket or a
#: comma and straight before its digits: "(KRS 0000123456)", ", HRB 86891", "(EDRPOU
#: 12345678)", a Singapore UEN or an Indian CIN with its letters. Not mid-name ("KRS 12345
#: Logistics"), nor Malay BIN ("MUHAMMAD BIN ALI 750101-14-5555" is son of Ali: helper-93's
#: review). The number is kept as the name's registry number (:func:`registry_numbers`):
#: two firms of one name under two numbers of one register are two (helper-94's review).
_REGISTER_CODE_RE = re.compile(
    r"\s*[(,;]\s*(?:(UEN|CIN)\s*[:#]?\s*([A-Z0-9]{8,21})|(CRN|KRS|REGON|NIP|EDRPOU|ЄДРПОУ|ЕДРПОУ|UNP|УНП|БИН"
    r"|EIN|KvK|SIREN|SIRET|CNPJ|RUC|CUIT|HRB|HRA)\s*[:#]?\s*(\d[\d\s./-]{3,}\d))\s*\)?"
)
#: A Nordic organisation number by its label ("org. nr 556123-4567"), kept as the name's
#: registry number as the register codes are.
_ORG_NUMBER_RE = re.compile(r"(?i)\b(?:" + _ORG_LABEL + r")\s*[:#]?\s*(\d[\d\s-]{3,}\d)")
#: Each register's code as its numbers are kept (``kind:digits``): one register in two
#: spellings is one kind.
_REGISTER_KINDS = {"єдрпоу": "edrpou", "едрпоу": "edrpou", "унп": "unp", "бин": "bin"}
#: A vessel's radio call sign ("call sign 3FAB2", "Callsign: 9ha2157": letters with a
#: digit, or four capitals) and a note of its
#: hull at a yard ("(Zvezda Shipbuilding Complex hull No. 1123)"): no part of its name.
_CALL_SIGN_RE = re.compile(r"[\(,;]?\s*\b(?:call\s*sign|callsign)\s*[:#.]?\s*"
                           r"(?:(?=[a-z]*\d)[a-z\d]{3,8}|(?-i:(?!CORP\b|GMBH\b)[A-Z]{4}))\b\s*\)?",
                           re.IGNORECASE)  # not "Callsign Ltd" (a UK firm: helper-64's review)
_HULL_NOTE_RE = re.compile(r"\s*\([^()]*\bhull\b[^()]*\d[^()]*\)", re.IGNORECASE)
#: A yard's hull number written in a vessel's name: "HYUNDAI MIPO HULL 2656" is HYUNDAI MIPO 2656
#: (not "Kingston Hull 5": helper-70's review).
_HULL_WORD_RE = re.compile(r"\bhull\s*(?:no\.?|#)?\s*(?=\d{3})", re.IGNORECASE)  # a yard's number: 3 digits or more
#: "HAO" (号, number) after a Chinese vessel's number: "XIN YUAN 18 HAO" and 鑫源18号 are XIN YUAN 18.
_HAO_RE = re.compile(r"(?<=\d)\s*(?:hao|号|號)\s*$", re.IGNORECASE)
#: A registry number of a known kind and its digits, written together: "IMO 9234563",
#: "(IMO No. 9234563)", "OGRN 1027700000000", "ИНН 7707083893". INN only in capitals:
#: "Comfort Inn 8002285150" is a hotel and its telephone (helper-44's review). Not
#: MMSI: a ship's MMSI changes with its flag, so two of them say nothing.
_NUMBERED_RE = re.compile(
    r"\b((?i:imo|ogrn|огрн)|INN|ИНН)\.?\s*(?:(?i:no|number|nr)\.?)?\s*[:#]?\s*(\d{7,15})(?!\d)"
)
_DIGIT_RE = re.compile(r"\d")
#: The one empty set of numbers: CPython makes a new empty frozenset each time, and
#: 50,000 listed forms holding one each cost 11 MB.
NO_NUMBERS: frozenset[str] = frozenset()
#: The kind each label names.
_KINDS = {"imo": "imo", "ogrn": "ogrn", "огрн": "ogrn", "inn": "inn", "инн": "inn"}
#: Digits of each kind of number (an INN has 10 digits for a company, 12 for a person).
_NUMBER_LENGTHS = {"imo": (7,), "ogrn": (13, 15), "inn": (10, 12)}


_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: Names whose notes are remembered (:func:`birth_years`, :func:`nationality`).
NOTE_CACHE = 4096


def _tail_note(pattern: re.Pattern[str], text: str) -> int | None:
    """Where a note ``pattern`` finds at the end of ``text`` starts (within its last
    :data:`NOTE_TAIL` characters), or None."""
    tail = text[-NOTE_TAIL:]
    m = pattern.search(tail)
    return None if m is None else len(text) - len(tail) + m.start()


@lru_cache(maxsize=NOTE_CACHE)
def birth_years(text: str) -> tuple[int, int] | None:
    """The years of a birth note written after a person's name, as a span widened by the
    note's slack ("(DOB 12 MAR 1975)": 1974-1976; "(DOB 1960 to 1962)": 1959-1963), or
    None: :func:`strip_annotations` reads the note off the name, and
    ``birth_years_differ`` compares the spans (a search asks of one query name for every
    candidate, hence the cache)."""
    if _DIGIT_RE.search(text) is None:
        return None
    start = _tail_note(_BIRTH_RE, text)
    if start is None:
        return None
    note = text[start:]
    years = [int(y) for y in _YEAR_RE.findall(note)]
    years += [int(a[:2] + b) for a, b in _YEAR_PAIR_RE.findall(note)]  # "1960/61"
    years += [int(y) + 9 for y in _DECADE_RE.findall(note)]  # "1960s": to 1969
    years += [_century(int(y)) for y in _SHORT_DATE_RE.findall(note)]  # "12/03/75"
    for y in map(int, _HIJRI_YEAR_RE.findall(note)):  # "born 1352" (solar) or "DOB 1395" (lunar)
        years += [y - y // 33 + LUNAR_HIJRI_OFFSET, y + SOLAR_HIJRI_OFFSET + 1]
    if not years:
        return None
    slack = BIRTH_CIRCA_SLACK if _CIRCA_RE.search(note) else BIRTH_YEAR_SLACK
    return (min(years) - slack, max(years) + slack)


#: Years a birth note's year may be off: lists give alternative and approximate dates
#: (Baradar 1967 / 1968: helper-94's review), and "circa" says so.
BIRTH_YEAR_SLACK = 1
BIRTH_CIRCA_SLACK = 3
_CIRCA_RE = re.compile(r"(?i)\b(?:circa|ca\.|c\.(?=\s*\d)|approx|about|around)")
_DECADE_RE = re.compile(r"(?<!\d)((?:19|20)\d0)'?s\b")
#: A lunar Hijri year is about this many years behind the Gregorian one, less a year in 33.
LUNAR_HIJRI_OFFSET = 622


#: "1960/61": a year written with the next one, either may be right.
_YEAR_PAIR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*/\s*(\d\d)(?!\d)")
#: A date with a two-digit year: "12/03/75", "12.03.75".
_SHORT_DATE_RE = re.compile(r"(?<!\d)\d{1,2}[./-]\d{1,2}[./-](\d\d)(?!\d)")
#: A year of the Iranian (Solar Hijri) calendar, 1300-1419 ("born 1352"), and the years it
#: runs behind the Gregorian one (1352 began in March 1973).
_HIJRI_YEAR_RE = re.compile(r"(?<!\d)(1[34]\d\d)(?!\d)")
SOLAR_HIJRI_OFFSET = 621
#: Two-digit years up to this are this century's (a screened person born later is rare).
_CENTURY_CUT = 10


def _century(yy: int) -> int:
    """A two-digit year's four digits (75: 1975, 05: 2005)."""
    return 2000 + yy if yy <= _CENTURY_CUT else 1900 + yy


def _may_note_nationality(text: str) -> bool:
    """``text`` has a word a nationality note needs (the cheap test first)."""
    low = text.lower()
    return "nation" in low or "citizen" in low


@lru_cache(maxsize=NOTE_CACHE)
def nationality(text: str) -> str:
    """The nationalities a note after a person's name gives (", Lebanese national",
    ", citizen of Iraq", ", US-Iranian dual national"), as country codes joined by spaces;
    "" without a note or a nationality read (Persian, Iraki: spellings no country begins with)."""
    if not _may_note_nationality(text):
        return ""
    start = _tail_note(_NATIONALITY_RE, text)
    if start is None:
        return ""
    note = text[start:]
    words = [w for w in fold_words(note) if w not in _NOTE_WORDS]
    whole = to_iso2(" ".join(words))
    if whole:
        return whole
    codes = sorted({c for c in (to_iso2(w) or demonym_country(w) for w in words) if c})
    return " ".join(codes)


def demonym_country(word: str) -> str | None:
    """The country a demonym names, by the first letters it shares with one country's
    name alone (Lebanese: Lebanon, Syrian: Syria, Taiwanese: Taiwan); None when none or
    several share them (British: British Virgin Islands and British Indian Ocean
    Territory), or for a spelling no name begins with (Iraki, Belorussian)."""
    if len(word) < NATIONALITY_PREFIX:
        return None
    return _by_prefix().get(word[:NATIONALITY_PREFIX])


@lru_cache(maxsize=1)
def _by_prefix() -> dict[str, str]:
    """Country names' first letters -> the country, for prefixes only one country has."""
    seen: dict[str, set[str]] = {}
    for code, name in country_names().items():
        key = "".join(fold_words(name))[:NATIONALITY_PREFIX]
        seen.setdefault(key, set()).add(code)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


#: Words of a nationality note that are not the nationality.
_NOTE_WORDS = frozenset({"a", "an", "national", "citizen", "of", "nationality", "citizenship", "dual", "the"})
#: Letters a demonym shares with its country's name (Lebanese / Lebanon, Syrian / Syria).
NATIONALITY_PREFIX = 4


def registry_numbers(text: str) -> frozenset[str]:
    """The registry numbers written in ``text``, as ``kind:digits`` ("imo:9234563"):
    IMO ship numbers, and Russian OGRN and INN company numbers.

    A number that cannot be one of its kind is left out: the wrong count of
    digits, or an OGRN or INN whose check digits fail (a telephone number after
    "Inn"). An IMO number is read whatever its check digit, since its label says
    what it is: a slip then cannot set it apart from the hull it was typed for
    (:func:`possible_slip`), but seven other digits still name another hull.
    :func:`strip_annotations` takes the numbers off the name; the features
    compare them (``registry_number_agrees``).
    """
    if _DIGIT_RE.search(text) is None:
        return NO_NUMBERS  # most names: at once, and one shared empty set (a form holds it)
    out = set()
    for m in _NUMBERED_RE.finditer(text):
        kind, digits = _KINDS[m.group(1).lower()], m.group(2)
        if len(digits) in _NUMBER_LENGTHS[kind] and (kind == "imo" or _CHECKS[kind](digits)):
            out.add(f"{kind}:{digits}")
    for m in _ORG_NUMBER_RE.finditer(text):
        out.add(f"orgnr:{re.sub(r'[^0-9]', '', m.group(1))}")
    for m in _REGISTER_CODE_RE.finditer(text):
        label, number = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        label = label.lower()
        out.add(f"{_REGISTER_KINDS.get(label, label)}:{re.sub(r'[^0-9A-Za-z]', '', number).upper()}")
    return frozenset(out) if out else NO_NUMBERS


def identifier_numbers(identifiers: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """An entry's registry numbers of the kinds names carry, as :func:`registry_numbers`
    writes them: ``{"type": "IMO", "value": "9116412"}`` is ``imo:9116412``."""
    out: set[str] = set()
    for ident in identifiers:
        kind = str(ident.get("type") or "").strip().lower()
        if kind in _NUMBER_LENGTHS:
            out |= registry_numbers(f"{kind.upper()} {str(ident.get('value') or '').replace(' ', '')}")
    return frozenset(out)


def _inn_ok(digits: str) -> bool:
    """A Russian INN's check digits (the tax service's weights, mod 11, mod 10):
    one for a company's ten digits, two for a person's twelve."""
    def check(weights: tuple[int, ...]) -> int:
        return sum(int(d) * w for d, w in zip(digits, weights)) % 11 % 10

    if len(digits) == 10:
        return check((2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(digits[9])
    return (check((7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(digits[10])
            and check((3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(digits[11]))


def _ogrn_ok(digits: str) -> bool:
    """A Russian OGRN's check digit: the number before it mod 11 (mod 13 for a sole
    trader's fifteen digits), mod 10."""
    return int(digits[:-1]) % (11 if len(digits) == 13 else 13) % 10 == int(digits[-1])


def imo_check_digit_ok(digits: str) -> bool:
    """The IMO ship number's check: the first six digits weighted 7 down to 2 sum
    to a number whose last digit is the seventh (9074729: 139, 9)."""
    return len(digits) == 7 and digits.isdigit() and (
        sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1))) % 10 == int(digits[6])
    )


#: The check of each kind of number: a typed slip, or a telephone number after "INN",
#: fails it (one number in ten passes by chance).
_CHECKS = {"imo": imo_check_digit_ok, "ogrn": _ogrn_ok, "inn": _inn_ok}


def possible_slip(a: str, b: str) -> bool:
    """Two registry numbers (``kind:digits``) of one kind that may be one number
    typed twice: one fails its check digit, and they differ in one digit or in two
    neighbours swapped ("IMO 9074729" typed 9074792). Check digits exist to catch
    exactly that slip, so it says nothing against the other hull; seven other digits do."""
    kind, x = a.split(":", 1)
    other, y = b.split(":", 1)
    check = _CHECKS.get(kind)
    if kind != other or len(x) != len(y) or check is None or (check(x) and check(y)):
        return False
    diff = [k for k in range(len(x)) if x[k] != y[k]]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                              and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]])


#: Places read off the end of a vessel's name, each after a comma: a port, then a flag.
TRAILING_PLACES_MAX = 2
#: What may follow a name's last comma (or a slash set apart: "MORNING GLORY / Comoros
#: flag", "Caspian Dawn, flag: Comoros", "..., flag of Panama", "..., Panama-flagged")
#: to be read as a port or flag.
_TRAILING_PLACE_RE = re.compile(r"(?:,|\s/)\s*(?:flag(?:ged)?(?:\s*:\s*|\s+(?:of|in)\s+|\s+))?([^,/]+?)"
                                r"(?:[\s-]{1,3}flag(?:ged)?)?\s*$", re.IGNORECASE)


#: Most words of a vessel's kind written before its name ("Bulk Carrier", "LPG Tanker").
KIND_WORDS_MAX = 3
#: Fewest words of name after them: "Carrier Star" and "Yacht Queen" keep their words.
KIND_NAME_MIN = 2


#: The words that end a vessel's kind written as words ("Bulk Carrier", "Cargo Ship", "LPG"):
#: "General", "Supply" or "Oil" alone may open a name ("GENERAL SAN MARTIN"), and so does
#: LNG, which LNG carriers' registered names begin with ("LNG PORT HARCOURT": helper-85).
KIND_HEADS = frozenset({"tanker", "carrier", "ship", "tug", "tugboat", "barge", "trawler", "dredger", "yacht",
                        "ferry", "bulker", "reefer", "freighter", "lpg"})


def _kind_word(word: str) -> str:
    """A word as written, read for a vessel's kind: lower case, its stop or colon off."""
    return word.lower().strip(".,:")


def _without_kind(name: str) -> str:
    """A known vessel's name without the kind written in words before it ("Yacht LADY
    AMIRA", "LPG ARCTIC DAWN", "Bulk Carrier STAR OCEAN": ``vessel_types`` ending in one
    of :data:`KIND_HEADS`), when two words of name or more follow."""
    words = name.split()
    types = tables().vessel_types
    k = 0
    while k < min(KIND_WORDS_MAX, len(words)) and _kind_word(words[k]) in types:
        k += 1
    while k and _kind_word(words[k - 1]) not in KIND_HEADS:
        k -= 1
    return " ".join(words[k:]) if k and len(words) - k >= KIND_NAME_MIN else name


def _vessel_kind(text: str) -> bool:
    """Words in brackets that say a vessel's kind, and perhaps its country: "tug", "bulk
    carrier", "Iranian tanker", "Panama-flagged tanker"; never a name's own word alone."""
    t = tables()
    words = [w for w in re.split(r"[\s/-]+", text.lower()) if w]
    kinds = [w in t.vessel_types for w in words]
    return any(kinds) and all(k or w in t.locations or w in ("flag", "flagged") for w, k in zip(words, kinds))


def without_reference(text: str) -> str:
    """``text`` without a document's reference written after the name ("... / Ref contract 77-204")."""
    return _TRAILING_REF_RE.sub("", text, count=1) if _DIGIT_RE.search(text) else text


def name_line(text: str) -> str:
    """The name as a payment message's line holds it: without a party label
    ("BENEFICIARY:", ":59:/account") or SWIFT 50F's line number "1/"."""
    return _SWIFT_LINE_RE.sub("", _LABEL_RE.sub("", text, count=1), count=1).strip()


def strip_annotations(
    text: str, is_place: Callable[[str, str], bool] | None = None, vessel: bool = True, vessel_name: bool = False,
    person: bool = False, organisation: bool = False, notes: bool | None = None,
) -> tuple[str, list[str]]:
    """``(bare name, former names)`` of ``text``.

    Args:
        text: the name as written.
        is_place: tells a port or flag ("Panama", "Hong Kong") after the last
            comma, given it and the name before it (its vessel prefix read off); without
            it a trailing place is kept.
        vessel: whether a vessel prefix ("MV", "M/T") may be read off.
        vessel_name: the name is known to be a vessel's (its prefix may be dotted).
        person: the name is known to be a person's (a quoted nickname inside it is
            another name; a company's quotes hold its name: OOO "Romashka").
        organisation: the name is known or reads to be an organisation's (a bracket
            after it may hold another name: :func:`_bracketed_name`).
        notes: a person's notes (a birth, a nationality) may follow the name; by default
            unless it is an organisation's.
    """
    if notes is None:
        notes = not organisation
    if not text or not _may_carry(text, vessel_name, person):
        return text, []
    former: list[str] = []
    lead = _LEADING_MARK_RE.match(text)
    if lead:
        text = text[lead.end():]  # the other name is the name screened
    if person:
        text = _NICKNAME_RE.sub(lambda m: _kept(former, m.group(1) or m.group(2)), text)
        if former:
            # a nickname names one person with the family name ("El Chapo Guzman", "ERIC
            # WANG"), not alone: many men are "El Gordo", any firm may be "Eric" (helper-54)
            last = text.split()[-1]
            former[:] = [f"{f} {last}" for f in former]

    def keep_former(m: re.Match[str], split: re.Pattern[str] = _NEXT_FORMER_RE) -> str:
        name = (m.group(1) or m.group(2) or "").strip()
        if sum(ch.isalnum() for ch in name) < FORMER_MIN_CHARS:
            return m.group(0)  # "(Ex-Im)": a word, not a former name
        # "(ex-AEGEAN PEARL, ex-MARIA K)", "(a.k.a. HAMBALI; a.k.a. NURJAMAN, Encep)": each its own
        former.extend(n.strip() for n in split.split(name) if n.strip())
        return " "

    name = _FORMER_RE.sub(keep_former, text)
    if vessel_name or (vessel and _VESSEL_RE.match(name)):
        name = _VESSEL_EX_RE.sub(keep_former, name, count=1)  # "M/T GOLDEN BAY ex BAY STAR"
    name = _AKA_RE.sub(lambda m: keep_former(m, _AKA_GROUP_RE), name)
    m = _AKA_AFTER_RE.search(name) or (_ALIAS_AFTER_RE.search(name) if person else None)
    if m:
        others = [o.strip() for o in _AKA_NEXT_RE.split(m.group(1)) if sum(ch.isalnum() for ch in o) >= FORMER_MIN_CHARS]
        if others:
            former.extend(others)
            name = name[: m.start()]
    short = _SHORT_FORM_RE.search(name)
    if short and (_short_form_of(short.group(1), name[: short.start()])
                  or (organisation and not person and not vessel_name
                      and _bracketed_name(short.group(1), name[: short.start()]))):
        former.append(short.group(1).strip())  # "(Torch Electron)": the party's short name
        name = name[: short.start()]
    name = _LABEL_RE.sub("", name, count=1)
    if not person and not vessel_name:
        name = _MESSRS_RE.sub("", name, count=1)
    if not person:  # "Anna Schmidt - Payer" may be a double surname
        name = _TRAILING_ROLE_RE.sub("", name, count=1) if name[: -1].strip() else name
    labelled = _VESSEL_LABEL_RE.match(name)
    if labelled:  # a shipping document's vessel: its voyage, ports and flag are no name
        name = name[labelled.end():]
        vessel_name = vessel = True
        name = _FLAG_LABEL_RE.sub(" ", _PORTS_RE.sub(" ", _VOYAGE_RE.sub(" ", name)))
    name = _SWIFT_LINE_RE.sub("", name, count=1)
    name = without_reference(name)
    if notes and _DIGIT_RE.search(name):
        born = _tail_note(_BIRTH_RE, name)
        if born is not None and len(name[:born].split()) >= 2:
            name = name[:born]  # "SAEED ABBAS KARIMI (DOB 12 MAR 1975)"
    if notes and _may_note_nationality(name):
        noted = _tail_note(_NATIONALITY_RE, name)
        if noted is not None and len(name[:noted].split()) >= 2:
            name = name[:noted]  # "Khaled Mansour, Lebanese national": a note, not the name
    care = _CARE_OF_RE.search(name) if "/" in name or "att" in name.lower() else None
    if care and name[: care.start()].strip(" ,;"):
        if care.group(1):  # whom a letter goes through is screened too: another name
            former.append(care.group(2).strip(" ,;)"))
        name = name[: care.start()]
    elif care and care.group(1):
        name = care.group(2)  # "c/o Sertal LLC, Moscow": the name is the party the letter reaches
    elif care:
        # "Attn: Accounts Payable, Perkasa Marine Sdn Bhd": a role or a department, then the
        # party; else what follows the label is the party ("Attn: Perkasa Marine Sdn Bhd",
        # "Attn: Sovcomflot PJSC, Moscow"), or a person ("Attn: REZAEI, Ali Akbar")
        head, _, tail = care.group(2).partition(",")
        name = tail if (len(tail.split()) >= ATTN_PARTY_MIN_WORDS
                        and not tables().attention_roles.isdisjoint(fold_words(head))) else care.group(2)
    name = _HAO_RE.sub("", name, count=1)  # both sides: a listed vessel's name is read with no schema
    name = _REGISTER_CODE_RE.sub(" ", _REGISTRY_RE.sub(" ", name))
    name = _HULL_NOTE_RE.sub(" ", _CALL_SIGN_RE.sub(" ", name))
    name = _BRANCH_RE.sub("", name)
    if not person:
        name = _HAN_BRANCH_RE.sub("", name)
    if vessel:
        name = _VESSEL_RE.sub("", name, count=1)
        if vessel_name:
            name = _named_on(_KNOWN_VESSEL_RE.sub("", name, count=1), name)
            name = _named_on(_HULL_WORD_RE.sub("", name, count=1), name)
            name = _without_kind(name)
            kind = _VESSEL_KIND_RE.search(name)
            if kind and name[: kind.start()].strip() and _vessel_kind(kind.group(1)):
                name = name[: kind.start()]
    if is_place is not None:
        m = _PAREN_FLAG_RE.search(name)
        if m and (vessel_name or m.group(1) or m.group(3)) and is_place(m.group(2), name[: m.start()]) and name[: m.start()].strip():
            name = name[: m.start()]  # "MV SAVIZ (Iran flag)", a vessel's "(Liberia)": its flag
        whole = name
        # a vessel's port and flag: "PACIFIC GLORY, Freetown, Sierra Leone flag"; one place
        # of another name ("Mr. GREF, German, Moscow": German is his given name)
        for _ in range(TRAILING_PLACES_MAX if vessel_name else 1):
            m = _TRAILING_PLACE_RE.search(name)
            if not (m and is_place(m.group(1), name[: m.start()]) and name[: m.start()].strip()):
                break
            name = name[: m.start()]
        if name is not whole:
            # the whole name stays another reading: a list-side name of known schema keeps
            # its place ("CSBC Corporation, Taiwan"), and the two must still meet
            former.append(" ".join(whole.replace(",", " ").split()))
    name = " ".join(name.split()).strip(" ,;:-")
    if not name:
        return text, []
    return name, former


def _named_on(cut: str, name: str) -> str:
    """``cut`` when it keeps a name, not just a number or a letter ("Tug 5" stays "Tug 5",
    "TB A" stays: helper-70's review); ``name`` otherwise."""
    return cut if sum(ch.isalpha() for ch in cut) > 1 else name


def _kept(names: list[str], name: str) -> str:
    """Keep ``name`` as another name; a space takes its place in the text."""
    names.append(name.strip())
    return " "


def _short_form_of(inner: str, before: str) -> bool:
    """True when ``inner`` shortens the name before it: one of its words (of three
    letters or more, or a number) is in that name ("Qihoo 360" for "360 Security
    Technology Inc.") and it is not a legal form or place on its own; or when it
    writes the name in another script than Latin letters ("CHEN, Weiming (陳偉明)")."""
    if _latin_letters(before) and any(ch.isalpha() for ch in inner) and not _latin_letters(inner):
        return True
    words = {w.casefold() for w in _WORD_RE.findall(inner)}
    return bool(words) and bool(words & {w.casefold() for w in _WORD_RE.findall(before)})


#: Most words a trailing bracket read as another name may have ("(Kataib Hezbollah)").
BRACKETED_NAME_MAX_WORDS = 4
#: Longest word in capitals in brackets left to the acronym reader ("(SMIC)", "(NORINCO)").
ACRONYM_MAX = 8


def _bracketed_name(inner: str, before: str) -> bool:
    """True when ``inner``, in brackets after an organisation's name, is another name of
    it ("Tula Cartridge Works JSC (TulAmmo)", "Ministry of Defence, Myanmar (Tatmadaw)",
    "Ansarullah (Houthis)"): at most four words of letters, not a place ("(Hong Kong)"),
    not all pinyin ("(Liyang)"), none of them a place, a business or legal word, a
    vessel's kind or a role, which would make it a qualifier ("(UK)", "(Holdings)",
    "(Pvt)", "(Consignee)") or another kind of note. Not an acronym in
    capitals, which names.split_acronyms reads ("(SMIC)"); not after a vessel's name,
    whose bracket is its kind or another note ("SEA STAR (Alpha)")."""
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+|\d+", inner)]
    if not words or len(words) > BRACKETED_NAME_MAX_WORDS or not re.search(r"[^\W\d_]", before):
        return False
    if any(w.isdigit() for w in words) or _TRAILING_ROLE_RE.search(" (" + inner + ")"):
        return False
    if len(words) == 1 and inner.strip().isupper() and len(inner.strip()) <= ACRONYM_MAX:
        return False  # "(SMIC)": an acronym, which names.split_acronyms reads as one
    t = tables()
    if known_place(tuple(words), t):
        return False  # "(Hong Kong)": a place of two words (helper-75's review)
    if all(pinyin.is_pinyin_word(w) for w in words):
        return False  # "(Liyang)", "(Shenzhen)": a Chinese place, mostly, or a qualifier in pinyin
    return not any(w in t.locations or w in t.generic or w in t.org_class or w in t.org_words or w in t.vessel_types
                   or (w,) in t.legal_forms or w in t.stopwords for w in words)


def _latin_letters(text: str) -> bool:
    """True when ``text`` has a letter of the Latin alphabet."""
    return any(ch.isalpha() and ch < "\u0250" for ch in text)


#: Characters or words that any annotation needs; most names have none and return at once.
_QUICK_RE = re.compile(r"[:(\[,/]|\d|\bex\b|\balias\b|branch|\bmessrs\b|\battn\b|分公司|\bfka\b|formerly|^\s*m[vt]\b|a\.k\.a|f\.k\.a|d\.b\.a|known\s+as"
                       r"|business\s+as|\s[-–—]\s*(?:" + _ROLES_AFTER + r")\b", re.IGNORECASE)
#: ... and for a name known to be a vessel's, the prefixes written with dots or
#: spaces ("M.T. AMBER SKY") or as plain letters ("TB"); elsewhere they are initials
#: ("M.V. Frunze Arsenal").
_QUICK_VESSEL_RE = re.compile(rf"^\s*m\.?\s?[vt]\b|^\s*f\.v\.|^\s*{_KNOWN_VESSEL_PREFIXES}\s", re.IGNORECASE)


def _opens_with_kind(text: str) -> bool:
    """``text``'s first word is a word of a vessel's kind ("Yacht", "LPG"); False for a
    text of blanks alone (a zero-width space and a space: nothing to split)."""
    first = text.split(maxsplit=1)
    return bool(first) and _kind_word(first[0]) in tables().vessel_types


#: A bilingual name's parts: its chunks between spaces, slashes and brackets.
_BILINGUAL_CHUNK_RE = re.compile(r"[^\s/|()（）\[\]]+")
#: Fewest words of the Latin part, and letters of the other, for a name read as two.
BILINGUAL_LATIN_WORDS = 2
BILINGUAL_OTHER_LETTERS = 2


def _chunk_script(chunk: str) -> str:
    """The script of a chunk's letters ("LATIN", "CJK", "CYRILLIC", ...; kana as CJK), ""
    with no letter, "MIXED" when they are of two scripts ("TCL科技")."""
    seen = ""
    for ch in chunk:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        script = name.split(" ", 1)[0]
        if script in ("HIRAGANA", "KATAKANA", "HANGUL") or "IDEOGRAPH" in name:
            script = "CJK" if script != "HANGUL" else script
        if seen and script != seen:
            return "MIXED"
        seen = script
    return seen


def bilingual_split(text: str) -> tuple[str, str] | None:
    """A name written twice, in Latin letters and in another script, one after the other:
    ``(the Latin part, the other part)``. "KOWLOON STAR ENTERPRISES LIMITED 九龍星企業有限公司",
    "OOO Romashka / ООО Ромашка" (fresh20's dev half: 0.07 against the English name):
    both under a legal form, or set apart by a slash or brackets, or a person's name.
    None for a name of one script, or one that mixes them in a word ("TCL科技集团") or
    more than once; the Latin part must have two words ("Huawei 华为" stays one name)."""
    if text.isascii():
        return None
    spans = [(m.start(), m.end(), _chunk_script(m.group())) for m in _BILINGUAL_CHUNK_RE.finditer(text)]
    spans = [sp for sp in spans if sp[2]]
    if len(spans) < 2 or any(sp[2] == "MIXED" for sp in spans):
        return None
    cuts = [k for k in range(1, len(spans)) if spans[k][2] != spans[k - 1][2]]
    if len(cuts) != 1:
        return None
    first, second = spans[: cuts[0]], spans[cuts[0]:]
    latin, other = (first, second) if first[0][2] == "LATIN" else (second, first)
    if latin[0][2] != "LATIN" or len(latin) < BILINGUAL_LATIN_WORDS:
        return None
    if sum(ch.isalpha() for a, b, _ in other for ch in text[a:b]) < BILINGUAL_OTHER_LETTERS:
        return None
    punct = " /|()（）[],;:-"
    a, b = (text[sp[0][0]: sp[-1][1]].strip(punct) for sp in (latin, other))
    between = text[first[-1][1]: second[0][0]]
    # two names: each a firm's under its legal form ("... LIMITED 九龍星企業有限公司"), or
    # set apart by a slash or brackets ("Romashka / Ромашка"), or a person's few characters
    # after a Latin name ("Li Wei 李伟"). Not a Latin brand inside another script's firm
    # ("ООО Сервисный центр Huawei Technologies" is a service centre: helper-93's review)
    apart = "/" in between or "(" in between or "（" in between or text.rstrip().endswith((")", "）"))
    person = other[0][2] == "CJK" and len(other) == 1 and len(b) <= HAN_PERSON_CHARS and len(latin) <= 4
    if not (apart or person or (_legal_form_in(a) and _legal_form_in(b))):
        return None
    if not _named(a):
        return None  # "Trading Company Limited 九龍星企業有限公司": the Latin words name no one
    return a, b


#: Most characters of a person's name in Han characters after its Latin form.
HAN_PERSON_CHARS = 4
#: Most words of a legal form looked for in a part of a bilingual name.
_LEGAL_WORDS_MAX = 5


def _named(part: str) -> bool:
    """``part`` has a word that is no business word, legal form or place: a name of its own."""
    t = tables()
    words = list(fold_words(part))
    placed = {k for n in (3, 2, 1) for i in range(len(words) - n + 1)
              if known_place(tuple(words[i:i + n]), t) for k in range(i, i + n)}
    return any(w not in t.generic and (w,) not in t.legal_forms and k not in placed and len(w) > 1
               for k, w in enumerate(words))


def _legal_form_in(part: str) -> bool:
    """``part`` has a legal form somewhere in it (any script: its words are read folded)."""
    words = tuple(fold_words(part))
    forms = tables().legal_forms
    return any(words[i:j] in forms for i in range(len(words))
               for j in range(i + 1, min(len(words), i + _LEGAL_WORDS_MAX) + 1))


def _may_carry(text: str, vessel_name: bool = False, person: bool = False) -> bool:
    """True when ``text`` may hold an annotation (a cheap pre-check)."""
    return (_QUICK_RE.search(text) is not None
            or (vessel_name and (_QUICK_VESSEL_RE.search(text) is not None or _opens_with_kind(text)))
            or (person and _NICKNAME_RE.search(text) is not None))
