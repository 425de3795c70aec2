"""Every row of china-lists.csv, screened by its own listed name, is found.

rules.md §8.3: "Name match against china-lists.csv: name_en, aliases and name_zh,
normalised ... An exact or high-confidence match on an active listing gives that
list's outcome. A lower-confidence match gives REVIEW." A party screened under the
very name the announcement gives (English, Chinese or a listed alias) is an exact match, so the
matcher must return a match-strength hit on a China-list entry. One case per row and
name field; the id is the row's line number in china-lists.csv (header = line 1).
"""

from __future__ import annotations

import csv

import pytest

from tests.conftest import SHARED

from .conftest import screen

pytestmark = pytest.mark.shared

CSV = SHARED / "spec" / "china-lists.csv"

#: Rows whose exact listed name the matcher misses today (found by this file); none since the
#: company reading of person-like names ("HENSOLDT AG", "Red Six Solutions") became a variant.
MISSED: dict[tuple[int, str], str] = {}


def _cases() -> list:
    if not CSV.exists():
        return [pytest.param(0, "name_en", "", marks=pytest.mark.skip(reason="needs ../shared/spec"))]
    cases = []
    with CSV.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            names = [("name_en", row["name_en"]), ("name_zh", row["name_zh"])]
            names += [(f"alias{k}", a) for k, a in enumerate((row["aliases"] or "").split(";"), start=1)
                      if " business of " not in a]  # row 199's second "alias" describes, it does not name
            for field, name in names:
                name = (name or "").strip()
                if not name:
                    continue
                marks = ()
                if (line, field) in MISSED:
                    marks = (pytest.mark.xfail(strict=True, reason=MISSED[(line, field)]),)
                cases.append(pytest.param(line, field, name, id=f"row{line}-{field}", marks=marks))
    return cases


@pytest.mark.parametrize("line,field,name", _cases())
def test_listed_name_is_an_exact_match(csl_screener, line, field, name):
    """rules.md §8.3 (see the module docstring): china-lists.csv row ``line``, column ``field``."""
    result = screen(csl_screener, name)
    matched = [h for h in result["hits"] if h["strength"] == "match" and h["list"].startswith("cn-")]
    assert matched, (line, name, [(h["name"], h["strength"], h["score"]) for h in result["hits"][:3]])


def test_hensoldt_on_the_control_list_is_prohibited(csl_screener):
    """china-lists.csv row 194, HENSOLDT AG (DE), MOFCOM Announcement 2026 (7 EU entities), 2026-04-24: "In force
    (no suspension found)". rules.md §8.2 PROHIBITED: "active China Control List (dual-use items)"."""
    assert screen(csl_screener, "HENSOLDT AG")["outcome"] == "PROHIBITED"


def test_rheinmetall_on_the_control_list_is_prohibited(csl_screener):
    """china-lists.csv row 238, Rheinmetall AG (DE), MOFCOM Announcement 2026 No. 30, 2026-07-24: "In force (no
    suspension found)". rules.md §8.2 PROHIBITED: "active China Control List"."""
    assert screen(csl_screener, "Rheinmetall AG")["outcome"] == "PROHIBITED"


def test_red_six_solutions_while_both_listings_in_force_is_prohibited(csl_screener):
    """china-lists.csv rows 54 (UEL 〔2025〕7号, 2025-04-04; suspended only from 2025-05-14) and 128 (Control List
    Ann. 13, 2025-03-04): on 2025-04-20 both are in force, so Red Six Solutions is PROHIBITED (rules.md §8.2)."""
    assert screen(csl_screener, "Red Six Solutions", on="2025-04-20")["outcome"] == "PROHIBITED"
