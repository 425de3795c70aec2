"""Every sentence a result says has an English and a Chinese template with the same placeholders."""

from __future__ import annotations

import re

import pytest

# The modules that register fixed-phrase tables (list titles, measures, policies...).
import screening.lists.catalog  # noqa: F401
import screening.matching.explain  # noqa: F401
import screening.rules.guidance  # noqa: F401
import screening.rules.triggers  # noqa: F401
import screening.rules.us_policy  # noqa: F401
from screening.rules.rulebook import RuleBook
from screening.texts import Join, Msg, all_templates, fields, msg, render

#: Latin words a Chinese template may keep besides codes in capitals (BIS, US-DPL, NS-CMIC): units.
ALLOWED_LATIN = {"Wh/kg"}
CODE = re.compile(r"[A-Z0-9][A-Z0-9_:/.-]*")


def every_template() -> list[tuple[str, dict]]:
    found = dict(all_templates())
    book = RuleBook.load()
    for rule in book.rules:
        found[f"rule.{rule.id}"] = rule.reason_templates()
        for trigger in rule.reasons:
            found[f"rule.{rule.id}.{trigger}"] = rule.reason_templates(trigger)
    for name, spec in book.scopes.spec.items():
        if (spec or {}).get("label"):
            found[f"scope.{name}"] = {"en": spec["label"], "zh": spec.get("label_zh", "")}
    return sorted(found.items())


def test_there_are_templates_of_every_kind():
    keys = [k for k, _ in every_template()]
    for prefix in ("reason.", "rule.", "step.", "regime.", "note.", "assume.", "explain.", "list.",
                   "measure.", "policy.", "outcome.", "scope.", "qualifier."):
        assert any(k.startswith(prefix) for k in keys), prefix
    assert len(keys) > 250


@pytest.mark.parametrize("key,texts", every_template(), ids=lambda v: v if isinstance(v, str) else "")
def test_both_languages_with_the_same_placeholders(key, texts):
    en, zh = texts.get("en", ""), texts.get("zh", "")
    assert en.strip() and zh.strip(), f"{key}: a language is missing"
    assert fields(en) == fields(zh), f"{key}: placeholders differ"
    latin = {w for w in re.findall(r"[A-Za-z][A-Za-z0-9_:/.-]*", re.sub(r"\{[^}]*\}", "", zh))
             if not CODE.fullmatch(w)}
    assert latin <= ALLOWED_LATIN, f"{key}: English left in the Chinese text: {latin - ALLOWED_LATIN}"


def test_a_message_is_its_english_text_and_renders_in_chinese():
    m = msg("reason.suspended", when=msg("when.suspended_until", until="2026-11-10"),
            words=msg("outcome_words.PROHIBITED"), core="X is listed.")
    assert m == "Suspended until 2026-11-10, otherwise prohibited: X is listed."
    assert m.render("zh") == "暂停实施至2026-11-10，否则禁止：X is listed."
    assert m.to_dict()["key"] == "reason.suspended"


def test_messages_survive_pickling():
    import pickle

    m = msg("names.and", head=Join(["A", "B"], {"en": ", ", "zh": "、"}), last="C")
    back = pickle.loads(pickle.dumps([m, Msg("k", {"en": "x {a}", "zh": "乙{a}"}, a="1")]))
    assert back[0] == "A, B and C" and render(back[0], "zh") == "A、B和C"
    assert back[1].render("zh") == "乙1"
