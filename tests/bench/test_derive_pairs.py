"""``bench/derive_pairs.py``: labelled pairs derived from public records, split by entity."""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import shared_path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import derive_pairs as dp  # noqa: E402


def test_one_party_on_two_lists_shares_a_merge_key():
    assert dp.merge_keys("Bujduveanu, Traian") & dp.merge_keys("Traian Bujduveanu")
    assert dp.merge_keys("Hierax Co. Ltd.") & dp.merge_keys("Hierax Company Ltd.")
    assert dp.merge_keys("Saeng Pil Trading Corp. (STC)") & dp.merge_keys("Saeng Pil Trading Corp.")
    assert not dp.merge_keys("Leasing 3 Limited") & dp.merge_keys("Leasing 6 Limited")


def _entities() -> list[dp.Entity]:
    """Forty small parties; each rare word ('zephyr3') is shared by five of them."""
    out = []
    for i in range(40):
        word = f"Zephyr{i // 5}"
        out.append(dp.Entity(f"t:{i}", [f"{word} Alpha{i} Trading LLC", f"{word} Alpha{i} Co", f"AT{i}"], "company"))
    out.append(dp.Entity("t:dup", ["Alpha3 Zephyr0 Trading"], "company"))  # t:3 listed again, reordered
    return out


def test_pairs_of_one_entity_stay_in_one_fold_and_are_seeded():
    rows = dp.derive(_entities(), random.Random(1), limit=100)
    assert rows == dp.derive(_entities(), random.Random(1), limit=100)
    assert {r["category"] for r in rows} >= {"alias", "shared-rare-word"}
    for r in rows:
        if r["is_match"]:
            assert r["fold"] == dp.fold_of(str(r["note"]))
    folds_of_name = defaultdict(set)
    for r in rows:
        folds_of_name[r["name1"]].add(r["fold"])
        folds_of_name[r["name2"]].add(r["fold"])
    assert all(len(f) == 1 for f in folds_of_name.values())
    assert len(dp.merge_shared_names(_entities())) == 40
    # the duplicate merged into t:3, so no negative sets it against t:3's names
    party3 = {"Zephyr0 Alpha3 Trading LLC", "Zephyr0 Alpha3 Co", "AT3", "Alpha3 Zephyr0 Trading"}
    assert not any({r["name1"], r["name2"]} <= party3 for r in rows if not r["is_match"])


@pytest.mark.shared
def test_milcorps_set_from_the_shared_file():
    shared_path("data", "opensanctions", "us_dod_chinese_milcorps", "sanctions.csv")
    rows = dp.derive(dp.milcorps_entities(), random.Random("14:milcorps"), limit=1200)
    cats = {r["category"] for r in rows}
    assert {"alias", "parent"} <= cats
    parent = next(r for r in rows if r["category"] == "parent")
    assert parent["is_match"] == 0
    by_entity = defaultdict(set)
    for r in rows:
        if r["is_match"]:
            by_entity[r["note"]].add(r["fold"])
    assert all(len(f) == 1 for f in by_entity.values())


def test_alias_positives_say_what_joins_the_names():
    assert dp.alias_kind("Zhangjiang Lab", "Zhangjiang Laboratory") == "alias"
    assert dp.alias_kind("CTG", "China Three Gorges Corporation") == "alias-acronym"
    assert dp.alias_kind("LESPROMPROCESSING CJSC", "LESPROMPROTSESSING, ZAO") == "alias-no-shared-word"
    assert dp.alias_kind("Hikvision", "海康威视", "cross-script") == "cross-script"
