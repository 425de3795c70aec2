"""The sidecar that makes ``--resume`` possible: ``OUTPUT.screening-state.json``.

After every chunk the output is flushed, then this small file is replaced
atomically with: the input's sha256, the options that shape the answers, the
number of input rows done, the output offset after the last complete row, and
the running counts. A resumed run checks that the input, the options and the
lists in force are unchanged, truncates the output to the recorded offset and
skips the rows already done. Nothing about the rows themselves is kept in memory.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BadInput

#: Suffix of the state file beside the output.
STATE_SUFFIX = ".screening-state.json"
#: Bumped when the state layout changes; an older state cannot be resumed.
STATE_FORMAT = 1


def state_path(output: Path) -> Path:
    """Where the state of the run writing ``output`` lives."""
    return output.with_name(output.name + STATE_SUFFIX)


@dataclass
class RunState:
    """Progress of one run, as saved after each chunk."""

    input_sha256: str
    options: dict[str, Any]
    rows_done: int = 0
    output_offset: int | None = None
    outcomes: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    screened: int = 0  # distinct queries sent to the screener
    format: int = STATE_FORMAT

    def save(self, path: Path) -> None:
        """Write atomically (temp file + rename), so a kill never leaves half a state."""
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> "RunState | None":
        """The saved state, or None when there is none (or it is unreadable)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("format") != STATE_FORMAT:
            return None
        return cls(**data)

    def check_resumable(self, input_sha256: str, options: dict[str, Any]) -> None:
        """Raise BadInput unless the input and every option are as in the interrupted run."""
        if self.input_sha256 != input_sha256:
            raise BadInput("the input file changed since the interrupted run; "
                           "run again without --resume")
        changed = sorted(k for k in set(self.options) | set(options)
                         if self.options.get(k) != options.get(k))
        if changed:
            what = ", ".join(changed)
            raise BadInput(f"cannot resume: {what} changed since the interrupted run "
                           f"(was {', '.join(f'{k}={self.options.get(k)!r}' for k in changed)}); "
                           "run again without --resume")
