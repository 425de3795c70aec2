"""OFAC remarks parsing: real remark strings from sdn.csv / cons_prim.csv."""

from __future__ import annotations

from screening.lists.importers.ofac_remarks import parse_remarks


def test_person_remarks():
    r = parse_remarks(
        "DOB 01 Apr 1956; POB Adana, Turkey; nationality Turkey; Gender Male; Secondary sanctions risk: "
        "section 1(b) of Executive Order 13224, as amended by Executive Order 13886; Passport U24492445 "
        "(Turkey) expires 31 May 2031; National ID No. 17107188340 (Turkey); Linked To: SHAHRIYARI, Behnam."
    )
    assert r.dates_of_birth == ["01 Apr 1956"]
    assert r.places_of_birth == ["Adana, Turkey"]
    assert r.nationalities == ["TR"]
    assert r.gender == "male"
    assert r.identifiers == [
        {"type": "Passport", "value": "U24492445", "country": "TR"},
        {"type": "National ID", "value": "17107188340", "country": "TR"},
    ]
    assert r.linked_to == ["SHAHRIYARI, Behnam"]


def test_aliases_and_alt_citizen():
    r = parse_remarks("DOB 12 Feb 1961; alt. citizen Dominican Republic; a.k.a. 'Sweet Micky'; f.k.a. 'OLD NAME'.")
    assert [(n.value, n.kind) for n in r.names] == [("Sweet Micky", "alias"), ("OLD NAME", "former")]
    assert r.citizenships == ["DO"]


def test_company_identifiers():
    r = parse_remarks(
        "Tax ID No. 7744001497 (Russia); Legal Entity Number 253400WSS48YWMBUA688; Registration Number "
        "HRA 738077 (Stuttgart) (Germany); Unified Social Credit Code (USCC) 9113100033607322XK (China); "
        "Vessel Registration Identification IMO 7406784; Website www.cbr.ru."
    )
    assert r.identifiers == [
        {"type": "Tax ID", "value": "7744001497", "country": "RU"},
        {"type": "LEI", "value": "253400WSS48YWMBUA688"},
        {"type": "Registration Number", "value": "HRA 738077", "country": "DE"},
        {"type": "USCC", "value": "9113100033607322XK", "country": "CN"},
        {"type": "IMO", "value": "7406784"},
    ]


def test_empty():
    assert parse_remarks(None).names == []
    assert parse_remarks("").identifiers == []
