"""The issue's end-to-end checks through `screening check --json` on a fresh database."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from screening.cli import cli
from tests.conftest import shared_path


def check(db_path, name, *args):
    res = CliRunner().invoke(cli, ["check", name, "--json", "--db", str(db_path), *args],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def test_result_shape(db_path):
    d = check(db_path, "Lockheed Martin Missiles and Fire Control", "--as-of", "2026-11-22")
    assert set(d) >= {"query", "outcome", "findings", "hits", "after_horizon", "as_of"}
    hit = d["hits"][0]
    assert set(hit) >= {"entry_id", "list", "name", "matched_name", "score", "strength", "features"}
    for f in d["findings"]:
        assert set(f) >= {"rule", "outcome", "regime", "reason", "citation", "assumption"}


def test_lockheed_mfc_prohibited(db_path):
    d = check(db_path, "Lockheed Martin Missiles and Fire Control", "--as-of", "2026-11-22")
    assert d["outcome"] == "PROHIBITED"
    assert d["after_horizon"] == "literal"


@pytest.mark.parametrize("as_of,outcome", [("2026-11-22", "PROHIBITED"), ("2026-01-01", "CLEAR")])
def test_mp_materials_by_date(db_path, as_of, outcome):
    assert check(db_path, "MP Materials Corp.", "--as-of", as_of)["outcome"] == outcome


@pytest.mark.parametrize("as_of,horizon,outcome", [
    ("2026-06-01", "literal", "REVIEW"),
    ("2026-11-22", "literal", "PROHIBITED"),
    ("2026-11-22", "extended", "REVIEW"),
    ("2026-11-22", "flag", "REVIEW"),
])
def test_skydio_by_date_and_horizon(db_path, as_of, horizon, outcome):
    d = check(db_path, "Skydio Inc.", "--as-of", as_of, "--after-horizon", horizon)
    assert d["outcome"] == outcome
    assert d["after_horizon"] == horizon


def test_chinese_name_finds_english_listing(db_path):
    d = check(db_path, "斯凯迪奥公司", "--as-of", "2026-11-22")
    assert any("Skydio" in h["name"] for h in d["hits"])


@pytest.mark.shared
def test_nwpu_presumption_of_denial_after_csl_import(db_path):
    csl = shared_path("data", "watchman", "csl.csv")
    res = CliRunner().invoke(cli, ["lists", "update", "us-csl", "--file", str(csl),
                                   "--accept-cut-last-row", "--db", str(db_path)])
    assert res.exit_code == 0, res.output
    d = check(db_path, "Northwestern Polytechnical University", "--as-of", "2026-11-22")
    assert d["outcome"] == "PRESUMPTION_OF_DENIAL"
    el = [f for f in d["findings"] if f.get("list_id") == "us-el" or f["rule"].startswith("US-EL")]
    assert el, d["findings"]
    assert "FR" in el[0]["citation"]
    assert "presumption of denial" in (el[0].get("policy_text") or "").lower()


def test_country_names_become_iso_codes(db_path):
    d = check(db_path, "Skydio Inc.", "--country", "美国", "--as-of", "2026-11-22")
    assert d["query"]["country"] == "US" and d["query"]["country_input"] == "美国"
    d = check(db_path, "Skydio Inc.", "--country", "Atlantis", "--as-of", "2026-11-22")
    assert d["query"]["country"] is None and d["query"]["country_input"] == "Atlantis"
    assert d["outcome"] == "PROHIBITED"  # an unknown country is not evidence either way


# rules.md §2.3: No. 46 Art. 2, "Ga, Ge, Sb and superhard-material exports to the US 'in principle
# not permitted' ... suspended 2025-11-09 → 2026-11-27 ... it revives 2026-11-28 unless extended."
@pytest.mark.parametrize("destination,as_of,outcome", [
    ("US", "2026-12-05", "PRESUMPTION_OF_DENIAL"),
    ("United States", "2026-12-05", "PRESUMPTION_OF_DENIAL"),
    ("US", "2026-11-22", "REVIEW"),  # still suspended by No. 72
    ("DE", "2026-12-05", "CLEAR"),
])
def test_destination_decides_no46_art2(db_path, destination, as_of, outcome):
    d = check(db_path, "Acme Optics Inc.", "--item", "gallium", "--destination", destination,
              "--as-of", as_of)
    a2 = [f for f in d["findings"] if f["rule"] == "CN-46-A2"]
    assert d["query"]["context"]["destination"] in ("US", "DE")
    if outcome == "CLEAR":
        assert not a2
    else:
        assert a2[0]["outcome"] == outcome
        assert d["outcome"] == outcome or outcome == "REVIEW"


# rules.md §2.1 / §8.2: LICENCE-REQUIRED for "China-origin No. 18 items"; §8.1 lists the item's origin
# among the transaction inputs. The result asks for the item's origin when it is not given, so the CLI
# must take it: Australian-origin Tb to an unlisted buyer is CLEAR, China-origin Tb needs a licence.
@pytest.mark.parametrize("origin,outcome", [("AU", "CLEAR"), ("foreign", "CLEAR"), ("CN", "LICENSE_REQUIRED")])
def test_item_origin_option(db_path, origin, outcome):
    d = check(db_path, "Nordlicht Magnetics GmbH", "--item", "Tb", "--item-origin", origin,
              "--as-of", "2026-06-01")
    assert d["outcome"] == outcome
    assert "item_origin" not in d["depends_on"]
    assert not d.get("if_not_china_origin")
