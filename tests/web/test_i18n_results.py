"""The Chinese result page says everything the service itself writes in Chinese.

Screenings that reach every kind of trigger (the China lists and categories, the US
Entity List, SDN, §744.8, the Affiliates and 50 % rules through declared owners, a
transaction's item and end use, a possible match, a CLEAR) are shown on a Chinese
page; no English sentence may remain in the reasons, assumptions, next steps, notes,
regime lines, summary or match explanations. What the sources write is kept as it
is and taken out first: names, citations, quoted policy text, codes.
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest
from markupsafe import escape

from tests.web.conftest import login, make_app
from tests.web.test_ui import screen

CSL_SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "importers" / "csl_sample.json"
CETC13 = "China Electronics Technology Group Corporation 13th Research Institute (CETC 13)"

#: (form, the rules the screening must reach): together every trigger kind of rules.yaml.
SCREENINGS = [
    ({"name": "Skydio Inc.", "as_of": "2026-11-22"}, {"CN-UEL"}),
    ({"name": "Skydio Inc.", "as_of": "2026-06-01"}, {"CN-UEL"}),  # suspended: REVIEW
    ({"name": "Aerkomm Inc.", "as_of": "2025-06-01", "item": "Tb"}, {"CN-ECL", "CN-61-A2"}),
    ({"name": "ENEOS Corporation", "as_of": "2026-11-22"}, {"CN-EWL"}),
    ({"name": "United States Department of Defense", "as_of": "2026-11-22", "item": "gallium"},
     {"CN-46-A1"}),
    ({"name": "Taiwan Semiconductor Manufacturing Company Limited", "as_of": "2026-11-22",
      "item": "Tb", "end_use": "logic_le_14nm"}, {"CN-61-A4"}),
    ({"name": "Acme Optics Inc.", "as_of": "2026-12-05", "item": "gallium", "destination": "US"},
     {"CN-DUL-GA-GE", "CN-46-A2"}),
    ({"name": "Acme Magnets GmbH", "as_of": "2026-11-22", "item": "Tb", "end_use": "military",
      "destination": "DE"}, {"CN-18", "CN-61-A3"}),
    ({"name": "Nordlicht Magnets GmbH", "as_of": "2026-11-22", "item": "Tb", "end_use": "civil",
      "destination": "DE", "item_origin": "CN"}, {"CN-18"}),
    ({"name": CETC13, "as_of": "2026-11-22"}, {"US-EL"}),
    ({"name": "RIM, Ryong Nam", "as_of": "2026-11-22"}, {"OFAC-SDN"}),
    ({"name": "Nordlicht Sub GmbH", "as_of": "2026-11-22", "owners": f"{CETC13}=60"}, {"US-AFFIL"}),
    ({"name": "Nordlicht Trading GmbH", "as_of": "2026-11-22", "owners": "RIM, Ryong Nam=60"},
     {"OFAC-50"}),
    ({"name": "Nordlicht Minority GmbH", "as_of": "2026-11-22", "owners": f"{CETC13}=30"}, set()),
    ({"name": "Skydio Robotics Ltd", "as_of": "2026-11-22"}, set()),  # a possible match or affiliate
    ({"name": "Nordlicht Magnetics GmbH", "as_of": "2026-11-22"}, set()),  # CLEAR
    ({"name": "洛克希德·马丁公司", "as_of": "2026-11-22"}, {"CN-UEL"}),  # explained through pinyin
    ({"name": "金正恩", "as_of": "2026-11-22"}, set()),  # a Korean reading, tried as a fallback
]

#: Three English words in a row: a sentence or phrase the page should have said in Chinese.
ENGLISH = re.compile(r"[A-Za-z][a-z]+(?:[ ,'’-]+[A-Za-z]?[a-z]+){2,}")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The real app with the China lists and a sample of the Consolidated Screening List."""
    from screening.lists.store import open_store
    from screening.lists.update import update

    tmp = tmp_path_factory.mktemp("i18n")
    update(open_store(tmp / "screening.db"), "us-csl", file=CSL_SAMPLE, bounds=(1, 10))
    return make_app(tmp / "screening.db", tmp)


@pytest.fixture(scope="module")
def zh_client(app):
    client = app.test_client()
    login(client, "rita")
    client.get("/lang/zh?next=/screen")
    return client


def texts(page: str) -> dict[str, list[str]]:
    """The parts of a result page the service writes, by kind, as plain text."""
    def grab(pattern: str) -> list[str]:
        return [htmllib.unescape(re.sub(r"<[^>]+>", " ", m)).strip()
                for m in re.findall(pattern, page, re.S)]
    return {
        "summary": grab(r'<p class="summary" id="summary">(.*?)</p>'),
        "reason": grab(r'<p class="reason">(.*?)</p>'),
        "assumption": grab(r'<dd class="assumption">(.*?)</dd>'),
        "regime": grab(r'<details class="regime"[^>]*>\s*<summary>(.*?)</summary>'),
        "step or note": grab(r'<section class="card" id="next-steps">(.*?)</section>'),
        "explanation": grab(r'<ul class="explain">(.*?)</ul>'),
    }


def source_words(result: dict) -> list[str]:
    """What the sources and the query write, longest first: removed before looking for English."""
    words = [result["query"]["name"], *(result["query"].get("aliases") or [])]
    for f in result["findings"]:
        words += [f.get("party") or "", f.get("citation") or "", f.get("policy_text") or ""]
        words += [step.get("name") or "" for path in [f.get("path") or [], *(f.get("paths") or [])]
                  for step in path]
    for h in result["hits"]:
        words += [h["name"], h["matched_name"], h.get("query_name") or ""]
    return sorted({w for w in words if w}, key=len, reverse=True)


def english_left(text: str, data: list[str], kind: str) -> list[str]:
    for word in data:
        text = text.replace(word, " ")
    text = re.sub(r"「[^」]*」|“[^”]*”", " ", text)  # quoted source text and name parts
    if kind == "explanation":  # readings the normaliser derived ("海光 = hai guang")
        text = re.sub(r"= [^；）]*", " ", text)
    return ENGLISH.findall(text)


def test_chinese_result_pages_have_no_english_sentences(zh_client):
    reached: set[str] = set()
    outcomes: set[str] = set()
    for form, rules in SCREENINGS:
        page, url = screen(zh_client, **form)
        result = zh_client.get(url + "&format=json").json
        found = {f["rule"] for f in result["findings"]}
        assert rules <= found, (form["name"], found)
        reached |= found
        outcomes.add(result["outcome"])
        data = source_words(result)
        for kind, parts in texts(page).items():
            for part in parts:
                assert not english_left(part, data, kind), (form["name"], kind, part)
        assert page.count('<p class="reason">') == len(result["findings"])
    assert {"US-744-8", "CN-61-A2"} <= reached
    assert {"PROHIBITED", "PRESUMPTION_OF_DENIAL", "CASE_BY_CASE", "LICENSE_REQUIRED", "REVIEW",
            "CLEAR"} <= outcomes


def test_the_english_page_is_unchanged_and_the_api_keeps_english(app):
    client = app.test_client()
    login(client, "rita")
    client.get("/lang/en?next=/screen")
    page, url = screen(client, name="Skydio Inc.", as_of="2026-11-22")
    result = client.get(url + "&format=json").json
    uel = next(f for f in result["findings"] if f["rule"] == "CN-UEL")
    assert uel["reason"].startswith("Skydio, Inc. is on China's Unreliable Entity List")
    assert uel["reason_zh"].startswith("Skydio, Inc.已被列入不可靠实体清单")
    assert uel["reason_key"] == "reason.past_horizon"
    assert str(escape(uel["reason"])) in page
    assert result["next_steps_zh"] and result["summary"]["text_zh"]
