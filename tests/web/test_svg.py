"""Layouts of the inline SVG drawings."""

from __future__ import annotations

from web.svg import bar_layout, outcome_class, path_layout, percent_label, short, star_layout


def test_percent_label():
    assert percent_label(60.0) == "60%"
    assert percent_label(25.5) == "25.5%"
    assert percent_label(None) == "?%"


def test_short():
    assert short("Semiconductor Manufacturing International Corporation", 20) == "Semiconductor Manuf…"
    assert short(None) == ""


def test_path_layout_labels_edges_with_shares():
    path = [{"entity": "us-el:smic", "name": "SMIC", "percent": 60.0, "role": "listed"},
            {"entity": "name:holdco", "name": "HoldCo", "percent": None, "role": "caught"},
            {"entity": "name:acme", "name": "Acme Sub", "percent": None, "role": "party"}]
    layout = path_layout(path)
    assert [b["label"] for b in layout["boxes"]] == ["SMIC", "HoldCo", "Acme Sub"]
    assert [e["label"] for e in layout["edges"]] == ["60%", "?%"]
    assert layout["edges"][0]["x1"] == layout["boxes"][0]["x"] + layout["boxes"][0]["w"]
    assert layout["width"] == layout["boxes"][-1]["x"] + layout["boxes"][-1]["w"] + 10


def test_star_layout():
    owners = [{"owner": "a", "owned": "e", "percent": 30.0, "owner_name": "A"},
              {"owner": "b", "owned": "e", "percent": None, "owner_name": "B"}]
    owned = [{"owner": "e", "owned": "c", "percent": 100.0, "owned_name": "C"}]
    layout = star_layout("Entry", owners, owned)
    assert [b["label"] for b in layout["boxes"]] == ["Entry", "A", "B", "C"]
    assert [e["label"] for e in layout["edges"]] == ["30%", "?%", "100%"]
    assert all(0 <= b["y"] <= layout["height"] for b in layout["boxes"])


def test_star_layout_without_owners_starts_at_top():
    layout = star_layout("Entry", [], [{"owner": "e", "owned": "c", "percent": 51.0}])
    assert layout["boxes"][0]["y"] == 10


def test_bar_layout_orders_by_severity():
    layout = bar_layout({"CLEAR": 90, "PROHIBITED": 3, "REVIEW": 7})
    assert [b["outcome"] for b in layout["bars"]] == ["PROHIBITED", "REVIEW", "CLEAR"]
    widths = {b["outcome"]: b["w"] for b in layout["bars"]}
    assert widths["CLEAR"] > widths["REVIEW"] > widths["PROHIBITED"] > 0


def test_outcome_class():
    assert outcome_class("DENY-PRESUMED") == "o-deny-presumed"
    assert outcome_class("CASE_BY_CASE") == "o-case-by-case"


def test_feature_chips():
    from web.svg import feature_chips

    chips = feature_chips({"name_tokens": 0.93, "compact_name": 0.0, "country_disagrees": 1.0,
                           "phonetic": 0.3, "generic_only": -0.2})
    assert [(c["name"], c["kind"]) for c in chips] == [
        ("name_tokens", "pos"), ("phonetic", "weak"), ("country_disagrees", "neg"),
        ("generic_only", "neg")]
