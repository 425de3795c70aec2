"""Re-screen 100,000 monitored counterparties after a typical daily change of the CSL.

Target (issue 16 item 2): ``screening counterparties rescreen`` after a daily list change
(about 20 entries added, changed or removed in us-csl) takes at most 60 s for 100,000
monitored counterparties.

Setup (not timed): a fresh database with the project lists and the watchman CSL extract
(../shared/data/watchman/csl.csv, 4,226 entries); 100,000 counterparties, 96% made-up
company names and 4% perturbed listed names (case, legal form, one letter), screened
and stored in bulk (``Monitor.add_many`` in batches, audited via monitor, as
``counterparties import`` does), not 100,000 CLI calls. The change: a new version of
every us-* list in which 7 entries are removed, 7 changed (an alias added) and 6 added
(3 Entity List names from ../shared/data/nsfreg_us_lists not in the extract, and 3
made-up names equal to monitored counterparties: "a customer got listed").

Timed: building the screener (as the command does) and the rescreen itself.

    .venv/bin/python bench/monitor_rescreen.py [--count 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from screening.lists.store import VersionInfo, open_store
from screening.lists.update import ensure_project_lists, update
from screening.service.affected import counterparty_index, index_path
from screening.service.monitor import Monitor, party_of
from screening.service.rescreen import rescreen
from screening.service.screen import Screener
from screening.types import Entry, Name

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
CSL = SHARED / "watchman" / "csl.csv"
BIS = SHARED / "nsfreg_us_lists" / "bis_entity_list.json"

WORDS = ("Amber Birch Cobalt Dune Ember Falcon Garnet Harbor Iris Juniper Kestrel Lumen "
         "Meridian Nimbus Onyx Prairie Quartz Raven Sierra Tundra Umber Vertex Willow Xenon "
         "Yarrow Zenith Alder Basalt Cedar Delta Elm Fjord Glacier Heron Indigo Jasper Kelp "
         "Larch Maple Nectar Oak Pebble Quill Reed Saffron Thistle Upland Violet Wren").split()
TRADES = ("Trading Logistics Foods Textiles Software Consulting Ceramics Furniture Packaging "
          "Robotics Printing Plastics Pharma Optics Valves Bearings Coatings Fasteners").split()
FORMS = ("GmbH", "Ltd", "LLC", "S.A.", "Inc.", "Pty Ltd", "B.V.", "S.r.l.", "AB", "Oy", "K.K.",
         "Co., Ltd.", "SAS", "A/S", "Sp. z o.o.")
CITIES = ("Lyon", "Porto", "Graz", "Turku", "Leeds", "Osaka", "Busan", "Perth", "Quito", "Cork",
          "Brno", "Gent", "Bergen", "Malmo", "Bilbao", "Austin", "Denver", "Halifax")
COUNTRIES = ("DE", "FR", "GB", "US", "JP", "KR", "NL", "IT", "SE", "FI", "ES", "PL", "AU", "CA")


def made_up(rng: random.Random) -> str:
    """A company name no list holds (a few words collide with listed names: hits to review)."""
    return (f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(TRADES)} "
            f"{rng.choice(CITIES)} {rng.choice(FORMS)}")


def perturbed(rng: random.Random, name: str) -> str:
    """A listed name as a CRM may hold it: other case, a legal form dropped, a letter off."""
    kind = rng.randrange(3)
    if kind == 0:
        return name.upper() if rng.random() < 0.5 else name.title()
    if kind == 1:
        words = name.split()
        return " ".join(words[:-1]) if len(words) > 2 else name + " Ltd"
    i = rng.randrange(len(name))
    return name[:i] + rng.choice("aeiou") + name[i + 1:]


def seed(store, count: int, rng: random.Random) -> tuple[list[str], float]:
    """Monitor ``count`` counterparties, screened and stored in batches; returns the names."""
    listed = [e.name for e in store.current_entries() if e.list_id.startswith("us-")]
    names, seen = [], set()
    while len(names) < count:
        name = perturbed(rng, rng.choice(listed)) if rng.random() < 0.04 else made_up(rng)
        if name not in seen:
            seen.add(name)
            names.append(name)
    monitor, screener = Monitor(store), Screener(store)
    t0 = time.perf_counter()
    for i in range(0, count, 5000):
        batch = [(party_of({"name": n, "country": rng.choice(COUNTRIES)}), f"CRM-{i + k}")
                 for k, n in enumerate(names[i:i + 5000])]
        monitor.add_many(screener, batch, "bench")
    return names, time.perf_counter() - t0


def daily_change(store, names: list[str], rng: random.Random) -> dict:
    """Put in force new us-* versions: 7 removed, 7 changed, 6 added entries."""
    by_list: dict[str, list[Entry]] = {}
    for e in store.current_entries():
        if e.list_id.startswith("us-"):
            by_list.setdefault(e.list_id, []).append(e)
    el = by_list["us-el"]
    removed = {e.id for e in rng.sample(el, 7)}
    changed = {e.id for e in rng.sample([e for e in el if e.id not in removed], 7)}
    el = [replace(e, names=e.names + [Name(e.name + " Branch Office", "alias")])
          if e.id in changed else e for e in el if e.id not in removed]
    bis = [x for x in json.loads(BIS.read_text(encoding="utf-8"))["entities"]
           if x.get("country") == "China"]
    known = {e.name.casefold() for es in by_list.values() for e in es}
    fresh = [x["name"] for x in bis if x["name"].casefold() not in known][:3]
    fresh += rng.sample(names, 3)  # monitored customers that got listed
    run = rng.randrange(10**6)
    for n, name in enumerate(fresh):
        el.append(Entry(id=f"us-el:bench-new-{run}-{n}", list_id="us-el", type="company",
                        names=[Name(name)], countries=["CN"], citation="91 FR 00000",
                        listed_on="2026-12-01", license_requirement="For all items subject to the EAR",
                        license_policy="PRESUMPTION_OF_DENIAL"))
    by_list["us-el"] = el
    store.put_lists(by_list, VersionInfo(source="us-csl", location="bench daily change",
                                         format="bench", sha256="bench"))
    return {"removed": len(removed), "changed": len(changed), "added": len(fresh),
            "listed_customers": fresh[3:]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, help="Keep the database in this folder.")
    ap.add_argument("--again", action="store_true",
                    help="Reuse the database kept in --keep by an earlier run: only a new daily "
                         "change and the timed rescreen.")
    ap.add_argument("--cold", action="store_true",
                    help="No counterparty name index kept beforehand (`counterparties add` and "
                         "`import` start `counterparties index` in the background): built now.")
    ap.add_argument("--verify", action="store_true",
                    help="Then re-screen every counterparty (--full): no outcome may change, "
                         "or the diff-based rescreen missed one.")
    args = ap.parse_args()
    rng = random.Random(16)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        store = open_store(folder / "bench.db")
        if args.again:
            rng = random.Random(time.time_ns())
            names = [r[0] for r in store.db.execute("select name from counterparties")]
            seed_s = 0.0
        else:
            ensure_project_lists(store)
            update(store, "us-csl", file=str(CSL), accept_cut_last_row=True)
            names, seed_s = seed(store, args.count, rng)
        change = daily_change(store, names, rng)
        index_s = 0.0
        if not args.cold:  # what the background `counterparties index` keeps ready
            t = time.perf_counter()
            counterparty_index(Monitor(store).parties(), index_path(store))
            index_s = time.perf_counter() - t
        t0, c0 = time.perf_counter(), time.process_time()
        screener = Screener(store)
        build_s = time.perf_counter() - t0
        report = rescreen(store, screener, "bench")
        total_s, cpu_s = time.perf_counter() - t0, time.process_time() - c0
        outcomes = dict(store.db.execute(
            "select outcome, count(*) from counterparties group by outcome").fetchall())
        print(json.dumps({"counterparties": len(names), "seed_s": round(seed_s, 1),
                          "index_kept_s": round(index_s, 2),
                          "screener_build_s": round(build_s, 2), "total_s": round(total_s, 2),
                          "cpu_s": round(cpu_s, 2)}), flush=True)
        missed = None
        if args.verify:
            full = rescreen(store, screener, "bench-verify", full=True, send=False)
            missed = {"screened": full.screened, "outcomes_changed": len(full.alerts),
                      "seconds": round(full.seconds, 1)}
    print(json.dumps({"counterparties": len(names), "seed_s": round(seed_s, 1),
                      "index_kept_s": round(index_s, 2), "outcomes_after": outcomes, "change": change,
                      "screener_build_s": round(build_s, 2), "rescreen": report.to_dict(),
                      "total_s": round(total_s, 2), "cpu_s": round(cpu_s, 2), "target_s": 60,
                      "verify_full_rescreen": missed}, indent=2))


if __name__ == "__main__":
    main()
