"""Candidate-generation recall against exhaustive scoring.

Scores every list name of a matcher exhaustively for each query and checks
that each entry reaching review strength is also returned through the index.
Target: recall >= 99.5%.

Exhaustive scoring of 50,000 list forms per query is slow, so by default the
matcher holds a sample of the lists (``--subset`` entries of the US CSL 2026
and China lists, plus the UN names the perturbed queries come from) and the
queries are ``--n`` (default 500): list names with a deleted letter, swapped
letters or dropped words, perturbed UN names, Chinese names from the China
lists, and negatives. ``--subset 0`` uses the full lists (hours).

    .venv/bin/python bench/match_recall.py [--n 500] [--subset 4000]
"""

from __future__ import annotations

import argparse
import random
import time

from match_common import YENTE, full_entries, read_names

from screening.matching import Matcher, _query_forms
from screening.matching.algorithm import score_pair
from screening.matching.features import Pair
from screening.matching.index import entry_schema
from screening.types import Entry, Name


def exhaustive(matcher: Matcher, query: str) -> set[int]:
    """Entry indexes at review strength when every list form is scored."""
    index = matcher.index
    found: set[int] = set()
    forms = _query_forms([query], None, index.idf) or []
    for fallback in (False, True):
        for _, qform in _query_forms([query], None, index.idf, fallback=fallback):
            for cform in index.forms:
                if cform.entry in found:
                    continue
                entry = index.entries[cform.entry]
                pair = Pair(qform, cform, entry_countries=tuple(entry.countries), entry_type=entry_schema(entry))
                if score_pair(pair)[0] >= matcher.review_threshold:
                    found.add(cform.entry)
        if found or not forms:
            break
    return found


def perturb(name: str, rng: random.Random) -> str:
    """A typo'd or shortened form of ``name``: one letter deleted or swapped, or a word dropped."""
    chars = list(name)
    kind = rng.randrange(3)
    if kind == 0 and len(chars) > 5:
        del chars[rng.randrange(1, len(chars) - 1)]
    elif kind == 1 and len(chars) > 5:
        i = rng.randrange(1, len(chars) - 2)
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    else:
        words = name.split()
        if len(words) > 2:
            del words[rng.randrange(len(words))]
        return " ".join(words)
    return "".join(chars)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="queries")
    parser.add_argument("--subset", type=int, default=4000, help="list entries sampled (0 = all lists)")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    entries = full_entries()
    chinese_entries = [e for e in entries if any(n.kind == "chinese" for n in e.names)]
    if args.subset:
        entries = rng.sample(entries, args.subset) + [e for e in chinese_entries if rng.random() < 0.5]
        entries = list({e.id: e for e in entries}.values())
    treated = read_names(YENTE / "positives_un_treated.csv")
    untreated = read_names(YENTE / "positives_un_untreated.csv")
    un_ids = rng.sample(range(len(treated)), args.n // 5)
    un = [Entry(id=f"un:{i}", list_id="un", type="person", names=[Name(untreated[i])]) for i in un_ids]
    matcher = Matcher(un + entries)
    negatives = read_names(YENTE / "negatives_global.csv.gz")
    listed = [e.name for e in rng.sample(entries, args.n * 2 // 5)]
    chinese = [n.value for e in matcher.entries for n in e.names if n.kind == "chinese"]
    queries = (
        [treated[i] for i in un_ids]
        + [perturb(n, rng) for n in listed]
        + rng.sample(chinese, min(args.n // 5, len(chinese)))
        + rng.sample(negatives, args.n - args.n // 5 - len(listed) - min(args.n // 5, len(chinese)))
    )
    print(f"matcher: {len(matcher)} entries, {len(matcher.index.forms)} forms; queries: {len(queries)}")
    total = got = 0
    lost = []
    t0 = time.perf_counter()
    for q in queries:
        want = exhaustive(matcher, q)
        have = {e.id for e in (h.entry for h in matcher.search(q, limit=1000))}
        for idx in want:
            total += 1
            if matcher.entries[idx].id in have:
                got += 1
            else:
                lost.append((q, matcher.entries[idx].name))
    print(f"exhaustive scoring time: {time.perf_counter() - t0:.0f} s")
    print(f"entries at review strength by exhaustive scoring: {total}")
    print(f"of which found through the index: {got} = {got / max(total, 1):.4%}")
    for q, name in lost[:20]:
        print(f"  lost: {q!r} -> {name!r}")


if __name__ == "__main__":
    main()
