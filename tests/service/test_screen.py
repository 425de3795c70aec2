"""The one screening core: a screener over the project's lists, its inputs and its result."""

from __future__ import annotations

import pytest

from screening.errors import Invalid
from screening.service.screen import normalise_country, open_screener, party_key


@pytest.fixture(scope="module")
def screener(tmp_path_factory):
    return open_screener(str(tmp_path_factory.mktemp("screen") / "screening.db"))


def test_countries_are_read_in_english_chinese_or_code():
    assert normalise_country("China") == normalise_country("中国") == normalise_country("CN") == "CN"
    assert normalise_country("") is None and normalise_country(None) is None


def test_a_repeated_country_cell_is_read_once(monkeypatch):
    """Bulk rows repeat a few hundred country cells; each is folded and looked up once."""
    from screening.service import screen as screen_mod

    calls = []
    monkeypatch.setattr(screen_mod, "to_iso2", lambda v: calls.append(v) or "RS")
    screen_mod.normalise_country.cache_clear()
    try:
        assert [normalise_country("Serbia") for _ in range(3)] == ["RS"] * 3
    finally:
        screen_mod.normalise_country.cache_clear()  # forget the stand-in's answer
    assert calls == ["Serbia"]


def test_party_key_is_the_same_for_spellings_of_one_name():
    assert party_key("Acme  Trading") == party_key("acme trading")


def test_a_listed_party_is_found_and_determined(screener):
    result = screener.check("TechInsights Inc.", as_of="2026-11-01")
    assert result.outcome != "CLEAR"
    assert result.hits[0].entry.list_id == "cn-uel" and result.hits[0].strength == "match"
    d = result.to_dict()
    assert d["outcome"] == result.outcome and d["as_of"] == "2026-11-01"
    assert d["query"]["name"] == "TechInsights Inc." and "cn-uel" in d["list_versions"]


def test_an_unknown_party_is_clear(screener):
    result = screener.check("Zyxwvut Qqqq Widgets", as_of="2026-11-01")
    assert result.outcome == "CLEAR" and result.hits == []


def test_the_request_is_checked(screener):
    with pytest.raises(Invalid, match="name is required"):
        screener.check("   ")
    with pytest.raises(Invalid, match="at most 1000"):
        screener.check("x" * 1001)


def test_a_fresh_screener_is_not_stale(screener):
    assert not screener.is_stale()
