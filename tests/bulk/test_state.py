"""The resume sidecar."""

from __future__ import annotations

import pytest

from screening.bulk.state import RunState, state_path
from screening.errors import BadInput


def test_save_load_and_checks(tmp_path):
    out = tmp_path / "out.csv"
    path = state_path(out)
    assert path.name == "out.csv.screening-state.json"
    st = RunState(input_sha256="abc", options={"as_of": "2026-11-22", "lists": "v1"},
                  rows_done=3000, output_offset=12345, outcomes={"CLEAR": 2990}, errors=10)
    st.save(path)
    again = RunState.load(path)
    assert again == st
    again.check_resumable("abc", {"as_of": "2026-11-22", "lists": "v1"})
    with pytest.raises(BadInput, match="input file changed"):
        again.check_resumable("abd", {"as_of": "2026-11-22", "lists": "v1"})
    with pytest.raises(BadInput, match="cannot resume: lists changed"):
        again.check_resumable("abc", {"as_of": "2026-11-22", "lists": "v2"})


def test_missing_or_foreign_state_is_none(tmp_path):
    assert RunState.load(tmp_path / "none.json") is None
    (tmp_path / "bad.json").write_text("{not json")
    assert RunState.load(tmp_path / "bad.json") is None
    (tmp_path / "old.json").write_text('{"format": 0}')
    assert RunState.load(tmp_path / "old.json") is None
