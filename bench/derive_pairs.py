"""Derive labelled name pairs mechanically from the public records in ``../shared/data``.

Nobody here wrote or tuned on these pairs; the labels follow from the records:

- ``csl``: aliases of one Consolidated Screening List entry (non-SDN rows of
  ``derived/csl-2026.csv`` and ``watchman/csl.csv``) are positives;
- ``sdn``: aliases of one SDN entry (``ofac_sdn_kindrat86/ofac-sdn.csv``) are positives;
- ``cn_sanctions``: the Chinese and English names of one entity in the
  OpenSanctions ``cn_sanctions`` file are cross-script positives;
- ``milcorps``: the name, aliases and previous names of one company in
  ``us_dod_chinese_milcorps`` are positives, a subsidiary and its parent a negative;
- ``senzing``: the Senzing truth set, labelled by its own cluster key;
- ``us_other``: aliases of one entry of the US lists no other set reads (DHS
  UFLPA, CBP withhold-release orders, DoD Section 1286, BIS MIEU), leaving out
  every entry that shares a name with a CSL, SDN or 1260H entry: names added
  after the matcher's constants were set, read here only to measure.

In every set, names of *different* entities that share a rare word are hard
negatives, plus some random negatives. Entries sharing any name are merged into
one entity first, so the same party listed twice is never a negative.

Each entity gets a fold 0-4 from a stable hash of its id; a negative pairs two
entities of the same fold, so all pairs of one entity fall in one fold. The
output is deterministic for a given ``--seed``. Third-party data: the CSVs go
to ``--out`` (default ``/tmp/derived-pairs/``), never into the repository.

    .venv/bin/python bench/derive_pairs.py [--out DIR] [--seed N] [--max-positives N]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from match_common import SHARED

from screening.matching.families import groups_sharing_keys

COLUMNS = ["name1", "name2", "is_match", "schema", "category", "note", "fold"]
FOLDS = 5
#: A word is rare enough for a hard negative when at most this many entities carry it ...
RARE_MAX_SHARE = 0.002
RARE_MAX_MIN = 5
#: ... and it is not one of these (legal forms and business words shared by thousands).
COMMON_WORDS = frozenset(
    "the and for of company limited ltd llc inc co corp corporation group trading general "
    "international industrial industries industry technology technologies science research "
    "institute university bank holding holdings enterprise enterprises development services "
    "joint stock public closed open sarl fze gmbh jsc ojsc pjsc cjsc ooo zao oao".split()
)
#: Hard and random negatives, as shares of the positives.
HARD_SHARE = 0.75
RANDOM_SHARE = 0.35
#: Most alias pairs taken from one entity.
PER_ENTITY = 3
#: Passes over the rare words when drawing hard negatives.
HARD_ROUNDS = 3

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Entity:
    """One party: its names (primary first) and what kind it is."""

    key: str
    names: list[str]
    schema: str = ""
    #: (query name, list name, category) positives beyond primary-vs-alias.
    extra: list[tuple[str, str, str]] = field(default_factory=list)
    #: names of other entities known to be different (a parent company).
    others: list[str] = field(default_factory=list)


def norm(name: str) -> str:
    """Lower-case words only: the key under which two names are the same text."""
    return " ".join(_WORD.findall(name.lower()))


def words(name: str) -> set[str]:
    """Distinct words of a name that could make a hard negative (no numbers, no short words)."""
    return {w for w in _WORD.findall(name.lower()) if len(w) >= 3 and not w.isdigit() and w not in COMMON_WORDS}


def fold_of(key: str) -> int:
    """Stable fold 0-4 of an entity id (sha1, independent of the seed)."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def split_multi(cell: str, sep: str = ";") -> list[str]:
    """Values of a multi-valued cell, stripped, empty ones and ``-0-`` dropped."""
    return [v.strip() for v in (cell or "").split(sep) if v.strip() and v.strip() != "-0-"]


_BRACKETS = re.compile(r"\([^)]*\)")


def merge_keys(name: str) -> set[str]:
    """Keys under which two names are taken as one party's: the same words in any
    order, without legal forms and business words, with or without a bracketed part
    ("Brooks, Lance Michael" = "Lance Michael Brooks", "Hierax Co. Ltd." = "Hierax
    Company Ltd.", "Saeng Pil Trading Corp. (STC)" = "Saeng Pil Trading Corp.")."""
    keys = {norm(name)}
    for text in (name, _BRACKETS.sub(" ", name)):
        toks = sorted(w for w in _WORD.findall(text.lower()) if w not in COMMON_WORDS)
        if toks:
            keys.add("~" + " ".join(toks))
    keys.discard("")
    return keys


def merge_shared_names(entities: list[Entity]) -> list[Entity]:
    """Merge entities that share a name up to order, legal form and brackets (one party on two lists)."""
    group = groups_sharing_keys([{k for n in ent.names for k in merge_keys(n)} for ent in entities])
    groups: dict[int, list[Entity]] = defaultdict(list)
    for i, ent in enumerate(entities):
        groups[group[i]].append(ent)
    merged = []
    for members in groups.values():
        first = members[0]
        names = list(dict.fromkeys(n for m in members for n in m.names))
        extra = [x for m in members for x in m.extra]
        others = [o for m in members for o in m.others]
        merged.append(Entity(first.key, names, first.schema, extra, others))
    merged.sort(key=lambda e: e.key)
    return merged


# ------------------------------------------------------------------ sources
SCHEMA_OF_TYPE = {"individual": "person", "vessel": "vessel", "entity": "", "aircraft": ""}


def _csl_rows(path: Path) -> Iterator[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("source") != "source":  # watchman repeats the header on line 2
                yield row


def csl_entities() -> list[Entity]:
    """Non-SDN CSL entries of both CSL files (SDN is its own set)."""
    out = []
    for path in (SHARED / "derived" / "csl-2026.csv", SHARED / "watchman" / "csl.csv"):
        for row in _csl_rows(path):
            if "(SDN)" in row["source"] or not row["name"].strip():
                continue
            key = f"csl:{row['source'][:40]}:{norm(row['name'])}"
            names = [row["name"].strip(), *split_multi(row.get("alt_names", ""))]
            out.append(Entity(key, names, SCHEMA_OF_TYPE.get(row["type"].lower(), "")))
    return out


def sdn_entities() -> list[Entity]:
    """The SDN list of 2026-08-20 with its ALT.CSV aliases."""
    out = []
    with open(SHARED / "ofac_sdn_kindrat86" / "ofac-sdn.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names = [row["name"].strip(), *split_multi(row["alternate_names"])]
            out.append(Entity(f"sdn:{row['uid']}", names, SCHEMA_OF_TYPE.get(row["type"].lower(), "")))
    return out


CN_SCHEMA = {"Person": "person", "Company": "company", "Organization": "company"}


def cn_entities() -> list[Entity]:
    """cn_sanctions rows carrying both a Chinese and an English name (Chinese is the query side)."""
    out = []
    with open(SHARED / "opensanctions" / "cn_sanctions" / "sanctions.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            en = [row["Name"].strip(), *split_multi(row["Alias"])]
            zh = split_multi(row["Chinese name"])
            if not en[0] or not zh:
                continue
            key = f"cn:{row['QID'] or norm(en[0])}"
            extra = [(z, e, "cross-script") for z in zh for e in en]
            out.append(Entity(key, en + zh, CN_SCHEMA.get(row["Type"], ""), extra))
    return out


def milcorps_entities() -> list[Entity]:
    """1260H companies: clean name, listed name, aliases and previous names; parent as a known other."""
    out = []
    path = SHARED / "opensanctions" / "us_dod_chinese_milcorps" / "sanctions.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            clean = row["Clean Name"].strip() or row["Name"].strip()
            raw = row["Name"].strip().rstrip("*").strip()
            extra = [(a, clean, "alias") for a in split_multi(row["Alias"])]
            extra += [(p, clean, "previous-name") for p in split_multi(row["Previous Name"])]
            if raw and norm(raw) != norm(clean):
                extra.append((raw, clean, "listed-form"))
            names = [clean, *(q for q, _, _ in extra)]
            others = split_multi(row["Parent Name"])
            out.append(Entity(f"milcorps:{norm(clean)}", names, "company", extra, others))
    return out


def _senzing_name(row: dict[str, str]) -> list[str]:
    """The names of one Senzing record: full / organisation / parts, and the native name."""
    parts = [row.get(k, "").strip() for k in ("PRIMARY_NAME_FIRST", "PRIMARY_NAME_MIDDLE", "PRIMARY_NAME_LAST")]
    built = " ".join(p for p in parts if p)
    names = [row.get("PRIMARY_NAME_FULL", "").strip() or row.get("PRIMARY_NAME_ORG", "").strip() or built]
    names.append(row.get("NATIVE_NAME_FULL", "").strip())
    return [n for n in names if n]


def senzing_pairs() -> list[dict[str, object]]:
    """All name pairs of the truth set within one test group, labelled by cluster.

    Different clusters with the same name text are left out: a name matcher
    cannot separate namesakes (the truth set does it with dates of birth).
    """
    base = SHARED / "senzing_truthsets"
    records: dict[tuple[str, str], tuple[list[str], str]] = {}
    for fname in ("customers.csv", "watchlist.csv", "reference.csv"):
        with open(base / fname, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                schema = "person" if row.get("RECORD_TYPE") == "PERSON" else "company"
                records[(row["DATA_SOURCE"], row["RECORD_ID"])] = (_senzing_name(row), schema)
    groups: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # group -> (cluster, name, schema)
    with open(base / "actual_truthset_key.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names, schema = records.get((row["DATA_SOURCE"], row["RECORD_ID"]), ([], ""))
            for n in names:
                groups[row["TEST_GROUP"]].append((row["CLUSTER_ID"], n, schema))
    out: list[dict[str, object]] = []
    for group in sorted(groups):
        items = sorted(set(groups[group]))
        for i, (c1, n1, s1) in enumerate(items):
            for c2, n2, s2 in items[i + 1 :]:
                same = c1 == c2
                if norm(n1) == norm(n2) or s1 != s2:
                    continue
                out.append(_row(n1, n2, same, s1, "truthset" if same else "truthset-negative", f"group {group}", fold_of(f"senzing:{group}")))
    return out


NSFREG = SHARED / "nsfreg_us_lists"
#: Lists of ``nsfreg_us_lists`` that no other set reads (the rest are CSL sources).
OTHER_US_LISTS = ("dhs_uflpa", "cbp_wro", "dow_1286")


def _other_us_raw() -> list[Entity]:
    import json

    out = []
    for name in OTHER_US_LISTS:
        for k, ent in enumerate(json.loads((NSFREG / f"{name}.json").read_text(encoding="utf-8"))["entities"]):
            names = [ent["name"].strip(), *(a.strip() for a in ent.get("aliases") or [] if a and a.strip())]
            out.append(Entity(f"{name}:{norm(names[0])}", names, "company"))
    specs = ((SHARED / "opensanctions" / "us_special_leg" / "section_1286.csv", "name", "aliases", "1286"),
             (SHARED / "opensanctions" / "us_bis_mieu" / "mieu.csv", "Name", "Alias", "mieu"))
    for path, col, alias_col, tag in specs:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                names = [row[col].strip(), *split_multi(row[alias_col])]
                if names[0]:
                    out.append(Entity(f"{tag}:{norm(names[0])}", names, "company"))
    return out


def other_us_entities() -> list[Entity]:
    """Entries of the US lists no other set reads, less any sharing a name with a CSL, SDN or 1260H entry."""
    seen = {k for load in (csl_entities, sdn_entities, milcorps_entities) for e in load() for n in e.names for k in merge_keys(n)}
    return [e for e in _other_us_raw() if not any(k in seen for n in e.names for k in merge_keys(n))]


# ------------------------------------------------------------------ pairs
def _row(n1: str, n2: str, label: bool, schema: str, category: str, note: str, fold: int) -> dict[str, object]:
    return {"name1": n1, "name2": n2, "is_match": int(label), "schema": schema, "category": category, "note": note, "fold": fold}


def _initials(name: str) -> str:
    return "".join(w[0] for w in _WORD.findall(name.lower()))


def alias_kind(alias: str, name: str, category: str = "alias") -> str:
    """Refine a Latin alias positive by what joins the two names, so recall can be read per kind:
    ``alias`` (a distinctive word in common), ``alias-acronym`` ("CTG" for China Three Gorges
    Corporation) or ``alias-no-shared-word`` (no whole word in common: a transliteration variant
    such as LESPROMPROCESSING / LESPROMPROTSESSING, or a different name)."""
    if category not in ("alias", "previous-name"):
        return category
    if words(alias) & words(name):
        return category
    for short, long in ((alias, name), (name, alias)):
        letters = norm(short).replace(" ", "")
        if 2 <= len(letters) <= 10 and " " not in norm(short) and _subsequence(letters, _initials(long)):
            return f"{category}-acronym"
    return f"{category}-no-shared-word"


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(ch in it for ch in needle)


def positives(entities: list[Entity], rng: random.Random, limit: int) -> list[dict[str, object]]:
    """Up to ``PER_ENTITY`` (alias, primary) pairs per entity, ``limit`` in all."""
    cands: list[list[dict[str, object]]] = []
    for ent in entities:
        fold = fold_of(ent.key)
        rows = [_row(q, c, True, ent.schema, alias_kind(q, c, cat), ent.key, fold) for q, c, cat in ent.extra if norm(q) != norm(c)]
        if not ent.extra:
            primary = ent.names[0]
            rows = [_row(a, primary, True, ent.schema, alias_kind(a, primary), ent.key, fold) for a in ent.names[1:] if norm(a) != norm(primary)]
        if rows:
            rng.shuffle(rows)
            cands.append(rows[:PER_ENTITY])
    rng.shuffle(cands)
    out = [r for rows in cands for r in rows]
    return out[:limit]


def _rare_index(entities: list[Entity]) -> dict[str, list[int]]:
    """Rare word -> indexes of the entities whose names carry it."""
    carriers: dict[str, set[int]] = defaultdict(set)
    for i, ent in enumerate(entities):
        for n in ent.names:
            for w in words(n):
                carriers[w].add(i)
    cap = max(RARE_MAX_MIN, int(len(entities) * RARE_MAX_SHARE))
    return {w: sorted(ix) for w, ix in carriers.items() if 2 <= len(ix) <= cap}


def _query_name(ent: Entity, rng: random.Random, cross_script: bool) -> str:
    """The query side of a negative: a Chinese name in cross-script sets, else any name."""
    if cross_script:
        zh = [q for q, _, _ in ent.extra]
        if zh:
            return rng.choice(zh)
    return rng.choice(ent.names)


def negatives(entities: list[Entity], rng: random.Random, n_hard: int, n_random: int, cross_script: bool = False) -> list[dict[str, object]]:
    """Hard negatives (a rare word shared by two entities of one fold, or a known parent) and random ones."""
    folds = [fold_of(e.key) for e in entities]
    by_norm = {norm(n): i for i, e in enumerate(entities) for n in e.names}
    rare = _rare_index(entities)
    out: list[dict[str, object]] = []
    seen: set[tuple[int, int]] = set()

    def add(i: int, j: int, category: str, note: str) -> None:
        if i == j or (i, j) in seen or folds[i] != folds[j]:
            return
        seen.add((i, j))
        a, b = entities[i], entities[j]
        q = _query_name(a, rng, cross_script)
        c = b.names[0]
        if norm(q) == norm(c):
            return
        schema = a.schema if a.schema == b.schema else ""
        out.append(_row(q, c, False, schema, category, note, folds[i]))

    for i, ent in enumerate(entities):  # a subsidiary is not its parent
        for other in ent.others:
            j = by_norm.get(norm(other))
            if j is not None:
                add(i, j, "parent", f"{ent.key} vs parent")
    same_fold: list[tuple[str, list[int]]] = []  # (word, carriers in one fold)
    for w in sorted(rare):
        by_fold: dict[int, list[int]] = defaultdict(list)
        for i in rare[w]:
            by_fold[folds[i]].append(i)
        same_fold += [(w, ix) for _, ix in sorted(by_fold.items()) if len(ix) >= 2]
    for _ in range(HARD_ROUNDS):  # a word may serve again once every word has served
        rng.shuffle(same_fold)
        for w, ix in same_fold:
            if len(out) >= n_hard:
                break
            i, j = rng.sample(ix, 2)
            add(i, j, "shared-rare-word", w)
    hard = len(out)
    tries = 0
    while len(out) < hard + n_random and tries < n_random * 20 and len(entities) > 1:
        tries += 1
        i, j = rng.sample(range(len(entities)), 2)
        add(i, j, "random", "")
    return out


def derive(entities: list[Entity], rng: random.Random, limit: int, cross_script: bool = False) -> list[dict[str, object]]:
    """Positives, then hard and random negatives, for one set."""
    entities = merge_shared_names(entities)
    pos = positives(entities, rng, limit)
    neg = negatives(entities, rng, int(len(pos) * HARD_SHARE), int(len(pos) * RANDOM_SHARE), cross_script)
    return pos + neg


def write(path: Path, rows: Iterable[dict[str, object]]) -> int:
    """Write the rows as CSV; the number written."""
    rows = list(rows)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    return len(rows)


SETS = {
    "csl": (csl_entities, False),
    "sdn": (sdn_entities, False),
    "cn_sanctions": (cn_entities, True),
    "milcorps": (milcorps_entities, False),
    "us_other": (other_us_entities, False),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/derived-pairs", help="output directory (outside the repo)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--max-positives", type=int, default=1200, help="positives per set at most")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, (load, cross) in SETS.items():
        rng = random.Random(f"{args.seed}:{name}")
        rows = derive(load(), rng, args.max_positives, cross)
        _report(out / f"{name}.csv", rows)
    _report(out / "senzing.csv", senzing_pairs())


def _report(path: Path, rows: list[dict[str, object]]) -> None:
    n = write(path, rows)
    pos = sum(1 for r in rows if r["is_match"])
    per_fold = [sum(1 for r in rows if r["fold"] == k) for k in range(FOLDS)]
    print(f"{path}: {n} pairs ({pos} positive, {n - pos} negative), per fold {per_fold}")


if __name__ == "__main__":
    main()
