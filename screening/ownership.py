"""Ownership graph and the 50 % aggregation rules.

Three rules look through ownership (rules.md §3.1, §7.2, §7.3, §8.3):

* China, No. 61 Art. 2: subsidiaries and branches **50 % or more** held by
  Control-List or Watch-List parties;
* the BIS Affiliates rule (when in force): foreign entities owned **50 % or more**,
  directly or indirectly, individually or **in aggregate**, by Entity-List, MEU or
  §744.8 SDN parties, or by entities already caught through such ownership;
* the OFAC 50 Percent Rule: entities owned 50 % or more in aggregate by blocked
  persons, counting indirect ownership **through blocked intermediates only**.

All three are computed the same way here. A node is *caught* when the shares
held in it by listed owners, plus the shares held by owners that are themselves
caught, add up to the threshold. A caught intermediate passes on its full direct
share (A blocked owns 50 % of B, B owns 50 % of C: C is blocked); a non-caught
intermediate passes on nothing (percentages are never multiplied through it).
Two SDNs holding 25 % each catch the entity.

A listed (or caught) owner whose share is unknown sets ``unknown`` (BIS Red Flag
29: the exporter must resolve it or get a licence). A ``control`` edge from a
listed owner sets ``control`` (OFAC: control without ownership, "act with caution"). Cycles terminate:
a node already on the current path counts as not caught.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from .dates import to_date
from .types import Relationship

#: The ownership threshold of all three rules, in percent.
THRESHOLD = 50.0

#: Maximum ownership chain length followed (deeper chains are cut, not errors).
MAX_DEPTH = 10


@dataclass
class OwnershipResult:
    """What the listed owners of one node add up to."""

    node: str
    percent: float = 0.0  # aggregate known share held by listed or caught owners
    caught: bool = False  # percent >= threshold
    unknown: bool = False  # a listed/caught owner (or a possibly caught one) has an unknown share
    control: bool = False  # a listed owner controls it (control edge, not ownership)
    paths: list[list[dict]] = field(default_factory=list)  # listed owner -> ... -> node
    unknown_paths: list[list[dict]] = field(default_factory=list)  # paths with an unknown share
    control_paths: list[list[dict]] = field(default_factory=list)  # paths ending in a control edge
    listed_owners: list[str] = field(default_factory=list)  # ultimate listed owners found
    cycle: bool = False  # a cycle was met (and cut)

    @property
    def any_listed_owner(self) -> bool:
        """True when some listed owner holds anything in the node, known or not."""
        return bool(self.paths or self.unknown_paths or self.control_paths)


class OwnershipGraph:
    """Who owns whom, from :class:`~screening.types.Relationship` edges."""

    def __init__(self, relationships: Iterable[Relationship] = ()) -> None:
        self.relationships: list[Relationship] = list(relationships)
        self._owners: dict[str, list[Relationship]] = {}
        self.names: dict[str, str] = {}
        for rel in self.relationships:
            self._owners.setdefault(rel.owned, []).append(rel)
            if rel.owner_name:
                self.names.setdefault(rel.owner, rel.owner_name)
            if rel.owned_name:
                self.names.setdefault(rel.owned, rel.owned_name)

    def __len__(self) -> int:
        return len(self.relationships)

    def owners(self, node: str, on: date | None = None) -> list[Relationship]:
        """The edges into ``node`` (its owners), in force on ``on`` when given.

        Where one owner holds the same node under several overlapping records
        (registries often repeat a holding with different figures), the largest
        known share is kept: for a 50 % threshold that is the cautious reading.
        """
        best: dict[tuple[str, str], Relationship] = {}
        for rel in self._owners.get(node, []):
            if on is not None and not _in_force(rel, on):
                continue
            key = (rel.owner, rel.relation)
            old = best.get(key)
            if old is None or _share(rel) > _share(old):
                best[key] = rel
        return list(best.values())

    def name(self, node: str) -> str:
        """A display name for a node (its id when no name is known)."""
        return self.names.get(node, node)

    def with_party(self, party: str, keys: Iterable[str], extra: Iterable[Relationship] = ()) -> "OwnershipGraph":
        """A graph where ``party`` has the owners of every node in ``keys``, plus ``extra`` edges.

        The screened party may be known under several ids (its listed entries
        and its name key); this folds them into one node.
        """
        keys = [k for k in keys if k != party]
        added = [
            Relationship(owner=r.owner, owned=party, percent=r.percent, source=r.source,
                         owner_name=r.owner_name, owned_name=r.owned_name,
                         start_date=r.start_date, end_date=r.end_date, relation=r.relation)
            for k in keys for r in self._owners.get(k, [])
        ]
        return OwnershipGraph([*self.relationships, *added, *extra])

    def aggregate(
        self,
        node: str,
        *,
        is_listed: Callable[[str], bool],
        through: Callable[[str], bool] | None = None,
        max_depth: int = MAX_DEPTH,
        threshold: float = THRESHOLD,
        on: date | None = None,
    ) -> OwnershipResult:
        """Aggregate what listed owners hold in ``node``, directly and through caught chains.

        Args:
            node: the graph id of the party.
            is_listed: True for owners on the lists this rule counts.
            through: optional; True for intermediates that pass on their shares
                even when not caught by ownership (e.g. blocked on another ground).
                By default only listed or caught intermediates pass shares on.
            max_depth: longest chain followed.
            threshold: the percentage that catches a node (50).
            on: only ownership records in force on this day count (None: all).
        """
        return _Aggregator(self, is_listed, through, max_depth, threshold, on).result(node, (), 0)


class _Aggregator:
    """One aggregation run, memoising each node's result."""

    def __init__(self, graph: OwnershipGraph, is_listed, through, max_depth, threshold, on) -> None:
        self.graph, self.is_listed, self.through = graph, is_listed, through
        self.max_depth, self.threshold, self.on = max_depth, threshold, on
        self.memo: dict[str, OwnershipResult] = {}

    def result(self, node: str, stack: tuple[str, ...], depth: int) -> OwnershipResult:
        """The aggregate for ``node``; ``stack`` is the chain being followed (for cycles)."""
        if node in self.memo:
            return self.memo[node]
        res = OwnershipResult(node=node)
        stack = (*stack, node)
        cut = False
        for rel in self.graph.owners(node, self.on):
            owner = rel.owner
            if owner in stack:  # a cycle: cut it here
                res.cycle = cut = True
                continue
            step = {"entity": owner, "name": self.graph.name(owner), "percent": rel.percent}
            if self.is_listed(owner):
                self._count(res, rel, [[{**step, "role": "listed"}]], [], [owner])
                continue
            if depth + 1 >= self.max_depth:
                cut = True
                continue
            up = self.result(owner, stack, depth + 1)
            res.cycle = res.cycle or up.cycle
            cut = cut or up.cycle
            if up.caught or (self.through is not None and self.through(owner)):
                role = "caught" if up.caught else "through"
                paths = [[*p[:-1], {**step, "role": role}] for p in up.paths] or [[{**step, "role": role}]]
                self._count(res, rel, paths, [], up.listed_owners)
            elif up.unknown:  # possibly caught: some listed share in it is unknown
                paths = [[*p[:-1], {**step, "role": "possibly caught"}] for p in up.unknown_paths]
                self._count(res, rel, [], paths, up.listed_owners, possible=True)
            if up.control and not up.caught and (rel.percent is None or rel.percent >= self.threshold):
                res.control = True  # controlled parent holding a majority: caution passes down
                res.control_paths.extend([*p[:-1], {**step, "role": "controlled"}] for p in up.control_paths)
                _merge(res.listed_owners, up.listed_owners)
        res.percent = min(res.percent, 100.0)
        res.caught = res.percent >= self.threshold
        tail = {"entity": node, "name": self.graph.name(node), "percent": None, "role": "party"}
        res.paths = [[*p, tail] for p in res.paths]
        res.unknown_paths = [[*p, tail] for p in res.unknown_paths]
        res.control_paths = [[*p, tail] for p in res.control_paths]
        if not cut:  # results cut by a cycle or the depth limit depend on the path: not memoised
            self.memo[node] = res
        return res

    def _count(self, res: OwnershipResult, rel: Relationship, paths: list[list[dict]],
               unknown_paths: list[list[dict]], owners: list[str], *, possible: bool = False) -> None:
        """Count one edge from a listed, caught or possibly caught owner into ``res``."""
        _merge(res.listed_owners, owners)
        if rel.relation == "control":
            res.control = True
            res.control_paths.extend(paths or unknown_paths)
            return
        if possible or rel.percent is None:
            res.unknown = True
            res.unknown_paths.extend(unknown_paths or paths)
            return
        res.percent += float(rel.percent)
        res.paths.extend(paths)


def _merge(into: list[str], items: Iterable[str]) -> None:
    """Append the items not yet in ``into``, keeping order."""
    for item in items:
        if item not in into:
            into.append(item)


def _share(rel: Relationship) -> float:
    """An edge's share for comparison (unknown sorts lowest)."""
    return -1.0 if rel.percent is None else float(rel.percent)


def _in_force(rel: Relationship, on: date) -> bool:
    """True when the ownership record covers day ``on`` (open ends count as covering)."""
    try:
        start, end = to_date(rel.start_date), to_date(rel.end_date)
    except ValueError:
        return True
    return (start is None or start <= on) and (end is None or on <= end)


def path_text(path: list[dict]) -> str:
    """One line for a path: ``SMIC (listed) --60%--> Acme Sub``."""
    parts: list[str] = []
    for i, step in enumerate(path):
        label = step.get("name") or step.get("entity")
        role = step.get("role")
        if role in ("listed", "caught", "possibly caught", "controlled"):
            label = f"{label} ({role})"
        parts.append(label)
        if i < len(path) - 1:
            pct = step.get("percent")
            parts.append(f"--{_pct(pct)}-->")
    return " ".join(parts)


def _pct(value: float | None) -> str:
    """``60%``, ``25.5%`` or ``?%``."""
    if value is None:
        return "?%"
    return f"{value:g}%"
