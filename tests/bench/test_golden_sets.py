"""The labelled golden sets in ``bench/pairs`` and ``bench/search`` are well formed.

The pair files feed the matcher benchmark (precision / recall per category);
the search files feed the end-to-end search benchmark. A wrong label or a
misspelt expected name silently corrupts every figure computed from them, so
the structure is checked here, and - when ``../shared`` is present - every
expected name must exist verbatim in the list sources the search runs over.
"""

from __future__ import annotations

import csv
import gzip
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
#: The project's own default lists (China lists, end-user categories).
PROJECT_LISTS = ROOT / "lists"
#: Keys of a list-entry YAML mapping that hold names.
NAME_KEYS = ("name_en", "name_zh", "aliases")
PAIR_COLUMNS = ["name1", "name2", "is_match", "schema", "category", "note"]
SEARCH_COLUMNS = ["query", "expected"]
SCHEMAS = {"company", "person"}
#: The brief asks for at least this many labelled pairs in total.
MIN_PAIRS = 300
#: Share of matches the sets aim at (~55%), with slack either way.
MATCH_SHARE_RANGE = (0.45, 0.65)
#: Hard non-match categories that must be represented.
HARD_CATEGORIES = {"sibling", "numbered", "generic-shared", "affiliate", "person-common"}
#: Minimum search queries, and how many of them must expect nothing.
MIN_QUERIES = 100
MIN_NEGATIVE_QUERIES = 30


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a UTF-8 CSV file."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def pair_files() -> list[Path]:
    """All pair files."""
    return sorted((BENCH / "pairs").glob("*.csv"))


def search_files() -> list[Path]:
    """All search files."""
    return sorted((BENCH / "search").glob("*.csv"))


def all_pairs() -> list[dict[str, str]]:
    """Every labelled pair, from every file."""
    rows: list[dict[str, str]] = []
    for path in pair_files():
        rows.extend(read_csv(path)[1])
    return rows


def all_queries() -> list[dict[str, str]]:
    """Every search query, from every file."""
    rows: list[dict[str, str]] = []
    for path in search_files():
        rows.extend(read_csv(path)[1])
    return rows


@pytest.mark.parametrize("path", pair_files(), ids=lambda p: p.name)
def test_pair_file_format(path: Path) -> None:
    header, rows = read_csv(path)
    assert header == PAIR_COLUMNS
    assert rows, f"{path.name} is empty"
    for row in rows:
        assert row["name1"].strip() and row["name2"].strip(), row
        assert row["name1"] != row["name2"], row
        assert row["is_match"] in ("0", "1"), row
        assert row["schema"] in SCHEMAS, row
        assert row["category"].strip(), row


def test_pairs_are_unique_across_files() -> None:
    keys = Counter((r["name1"], r["name2"]) for r in all_pairs())
    assert [k for k, n in keys.items() if n > 1] == []


def test_pair_count_and_balance() -> None:
    rows = all_pairs()
    assert len(rows) >= MIN_PAIRS
    share = sum(r["is_match"] == "1" for r in rows) / len(rows)
    assert MATCH_SHARE_RANGE[0] <= share <= MATCH_SHARE_RANGE[1], share


def test_hard_non_match_categories_present() -> None:
    negatives = Counter(r["category"] for r in all_pairs() if r["is_match"] == "0")
    for category in HARD_CATEGORIES:
        assert negatives[category] >= 10, category


def test_issue_examples_are_labelled() -> None:
    pairs = {(r["name1"], r["name2"]): r["is_match"] for r in all_pairs()}
    assert pairs[("GUANGZHOU HAIGE COMM GRP", "Guangzhou Haige Communications Group Inc. Co.")] == "1"
    assert pairs[("George Bush", "George Habbash")] == "0"
    assert pairs[("emma daniels", "EMMA LLC")] == "0"
    assert pairs[("Hikvision Robotics", "Hangzhou Hikvision Digital Technology Co., Ltd.")] == "0"
    assert pairs[("Leasing 3 Limited", "Leasing 6 Limited")] == "0"
    assert pairs[("成都海光集成电路设计有限公司", "Chengdu Haiguang Integrated Circuit Design Co., Ltd.")] == "1"


@pytest.mark.parametrize("path", search_files(), ids=lambda p: p.name)
def test_search_file_format(path: Path) -> None:
    header, rows = read_csv(path)
    assert header == SEARCH_COLUMNS
    for row in rows:
        assert row["query"].strip(), row
        names = [n for n in row["expected"].split("|") if n] if row["expected"] else []
        assert all(n == n.strip() for n in names), row


def test_search_counts() -> None:
    rows = all_queries()
    assert len(rows) >= MIN_QUERIES
    assert sum(1 for r in rows if not r["expected"]) >= MIN_NEGATIVE_QUERIES
    queries = Counter(r["query"] for r in rows)
    assert [q for q, n in queries.items() if n > 1] == []


def listed_names(shared: Path) -> set[str]:
    """Every listed name and alias in the CSL 2026 snapshot and the China lists."""
    names: set[str] = set()
    csl = shared / "data" / "derived" / "csl-2026.csv"
    opener = gzip.open if csl.suffix == ".gz" else open
    with opener(csl, "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names.add(row["name"].strip())
            names.update(a.strip() for a in row["alt_names"].split(";") if a.strip())
    with (shared / "spec" / "china-lists.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names.add(row["name_en"].strip())
            names.add(row["name_zh"].strip())
            names.update(a.strip() for a in row["aliases"].split(";") if a.strip())
    names.discard("")
    return names


def project_list_names() -> set[str]:
    """Names and aliases of every entry in the project's ``lists/*/*.yaml`` files."""
    names: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in NAME_KEYS:
                    values = value if isinstance(value, list) else [value]
                    names.update(str(v).strip() for v in values if v)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in sorted(PROJECT_LISTS.glob("*/*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return names


def test_negative_queries_are_not_listed_names() -> None:
    """A query that must find nothing is not itself a name on the project's lists."""
    listed = {n.casefold() for n in project_list_names()}
    negatives = [r["query"] for r in all_queries() if not r["expected"]]
    assert [q for q in negatives if q.casefold() in listed] == []


@pytest.mark.shared
def test_negative_queries_are_not_listed_in_the_sources(shared_dir: Path) -> None:
    if not (shared_dir / "data" / "derived" / "csl-2026.csv").exists():
        pytest.skip("needs ../shared/data/derived/csl-2026.csv")
    listed = {n.casefold() for n in listed_names(shared_dir)}
    negatives = [r["query"] for r in all_queries() if not r["expected"]]
    assert [q for q in negatives if q.casefold() in listed] == []


@pytest.mark.shared
def test_every_expected_name_is_listed(shared_dir: Path) -> None:
    if not (shared_dir / "data" / "derived" / "csl-2026.csv").exists():
        pytest.skip("needs ../shared/data/derived/csl-2026.csv")
    names = listed_names(shared_dir)
    missing = [
        (row["query"], name)
        for row in all_queries()
        for name in row["expected"].split("|")
        if name and name not in names
    ]
    assert missing == []
