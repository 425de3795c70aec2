"""The README's newcomer claims hold: the quick start, Chromium, and the `lists diff` examples."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_lines() -> list[str]:
    """The command lines of the README's sh blocks."""
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def run(args: list[str], db: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SCREENING_DB": str(db), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "screening.cli", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_quick_start_is_the_main_job_then_the_tests():
    quick = re.search(r"## Quick start\n(.*?)\n## ", README, re.S).group(1)
    first = re.search(r"```sh\n(.*?)```", quick, re.S).group(1).splitlines()
    assert [line.split()[0] for line in first] == ["scripts/serve", "scripts/test"]
    assert all((ROOT / line.split()[0]).exists() for line in first)


def test_readme_says_browser_tests_need_chromium_and_ci_installs_it():
    assert "/usr/bin/chromium" in README and "`.ci/run`" in README and "-ra" in README
    assert "apt-get install" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    from tests.web.test_browser import NO_CHROMIUM

    assert NO_CHROMIUM.split(":")[0] in README


def test_every_lists_diff_example_works_on_a_fresh_install_or_says_what_it_needs(tmp_path, shared_dir):
    examples = [line for line in shell_lines() if line.startswith("screening lists diff")]
    assert examples
    for line in examples:
        command, _, comment = line.partition("#")
        args = [a.replace("../shared", str(shared_dir)) for a in shlex.split(command)[1:]]
        res = run(args, tmp_path / f"fresh-{examples.index(line)}.db")
        if res.returncode != 0:  # allowed only when the README says what it needs
            assert "two versions" in comment, (line, res.stderr)
            assert "lists update" in res.stderr and "--file" in res.stderr, res.stderr
        else:
            assert " added" in res.stdout or '"added"' in res.stdout, res.stdout
