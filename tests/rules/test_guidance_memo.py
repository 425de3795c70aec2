"""Guidance of results without findings is built once per key (screening/rules/guidance.py)."""

from screening.rules import guidance as g


def plain(**kw):
    return {"outcome": "CLEAR", "findings": [], "hits": [], "as_of": "2026-12-05",
            "after_horizon": "literal", **kw}


def test_memoised_guidance_equals_a_fresh_build_and_is_not_shared():
    for result in (plain(), plain(depends_on=["item"]), plain(as_of="2026-01-01"),
                   plain(after_horizon="flag")):
        first = g.guidance(result)
        assert first == g._guidance(result)
        first["next_steps"].append("mutated")
        first["summary"]["text"] = "mutated"
        assert g.guidance(result) == g._guidance(result)


def test_what_the_guidance_depends_on_is_in_the_key():
    assert g.guidance(plain())["notes"] != g.guidance(plain(as_of="2026-01-01"))["notes"]
    assert g.guidance(plain(after_horizon="flag"))["notes"] != g.guidance(plain())["notes"]
