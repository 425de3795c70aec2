"""One spelling of "licence" in the English UI and docs: British, as the regime texts write it.

The outcome code ``LICENSE_REQUIRED``, identifiers (``license_policy``) and the proper
names of US instruments and of OFAC identifier types keep their own spelling.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

#: The American noun as a word of prose (not part of an identifier or of the outcome code).
AMERICAN = re.compile(r"(?<![_A-Za-z])[Ll]icen[cs]e(?![_A-Za-z])|(?<![_A-Za-z])[Ll]icenses(?![_A-Za-z])")

#: Proper names that are spelled the American way by their authors.
PROPER_NAMES = ("Temporary General License", "General License No.", "Driver's License",
                "Trade License")


def american(text: str) -> list[str]:
    """The American spellings of the noun in ``text`` ("licence" itself is fine)."""
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    return [m for m in AMERICAN.findall(text) if m.lower() != "licence"]


def english_texts() -> dict[str, str]:
    """Every English text the UI shows, by where it comes from."""
    out = {}
    for path in sorted((ROOT / "web" / "templates").glob("*.html")):
        out[str(path.relative_to(ROOT))] = re.sub(r"{[{%#].*?[}%#]}", " ", path.read_text("utf-8"), flags=re.S)
    for name in ("web/translations/messages.yaml", "screening/texts.yaml"):
        table = yaml.safe_load((ROOT / name).read_text("utf-8"))
        for key, texts in table.items():
            out[f"{name}:{key}"] = texts["en"]
    rules = yaml.safe_load((ROOT / "screening/rules/rules.yaml").read_text("utf-8"))
    for rule in rules["rules"]:
        for i, text in enumerate([rule.get("reason", ""), *(rule.get("reasons") or {}).values()]):
            out[f"rules.yaml:{rule['id']}:{i}"] = text
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        out[str(path.relative_to(ROOT))] = re.sub(r"`[^`]*`", " ", path.read_text("utf-8"))
    return out


def test_the_english_ui_says_licence():
    texts = english_texts()
    assert len(texts) > 300
    wrong = {where: american(text) for where, text in texts.items() if american(text)}
    assert wrong == {}


def test_the_check_catches_the_american_spelling():
    assert american("A license is required; two licenses.") == ["license", "licenses"]
    assert american("A licence is required (LICENSE_REQUIRED, license_policy).") == []
    assert american("BIS Temporary General License No. 7") == []
