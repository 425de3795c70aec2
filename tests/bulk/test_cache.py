"""The on-disk answers cache."""

from __future__ import annotations

from pathlib import Path

from screening.bulk.cache import ResultCache


def test_answers_round_trip_and_first_answer_wins():
    with ResultCache() as cache:
        cache.put_many({b"k1" * 8: {"outcome": "CLEAR"}, b"k2" * 8: {"outcome": "REVIEW"}})
        cache.put_many({b"k1" * 8: {"outcome": "PROHIBITED"}})
        assert cache.get_many([b"k1" * 8, b"k3" * 8]) == {b"k1" * 8: {"outcome": "CLEAR"}}
        assert cache.known([b"k2" * 8, b"k3" * 8]) == {b"k2" * 8}
        assert len(cache) == 2


def test_many_keys_and_cleanup():
    keys = [i.to_bytes(16, "big") for i in range(5000)]
    cache = ResultCache()
    cache.put_many({k: {"n": i} for i, k in enumerate(keys)})
    got = cache.get_many(keys)
    assert [got[k]["n"] for k in keys] == list(range(5000))
    folder = Path(cache._dir.name)
    cache.close()
    assert not folder.exists()


def test_one_answer_object_under_many_keys_is_stored_for_each(monkeypatch):
    import pickle

    import screening.bulk.cache as cache_module

    dumped = []
    real = pickle.dumps
    monkeypatch.setattr(cache_module.pickle, "dumps", lambda v, p: dumped.append(v) or real(v, p))
    clear, review = {"outcome": "CLEAR"}, {"outcome": "REVIEW"}
    keys = [i.to_bytes(16, "big") for i in range(4)]
    with ResultCache() as cache:
        cache.put_many({keys[0]: clear, keys[1]: review, keys[2]: clear, keys[3]: clear})
        got = cache.get_many(keys)
    assert [got[k]["outcome"] for k in keys] == ["CLEAR", "REVIEW", "CLEAR", "CLEAR"]
    assert len(dumped) == 2  # pickled once per object, not once per key
