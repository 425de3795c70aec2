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
listed owner sets ``control`` (OFAC: control without ownership, "act with caution").
Cycles terminate: caught nodes are a least fixed point, so a ring of companies
owning each other is never caught unless a listed owner feeds it.
"""

from __future__ import annotations

from collections import ChainMap, deque
from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from screening.rules.dates import to_date
from screening.texts import Join, msg
from screening.types import Relationship

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
        #: Who an owner node is: nodes with the same value are one party (see :meth:`owners`).
        self.identity: Callable[[str], str] = _same
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
        An owner written once by entry id and once by a name that resolves to
        that entry alone is one owner (``identity``), so its share counts once.
        """
        best: dict[tuple[str, str], Relationship] = {}
        for rel in self._owners.get(node, []):
            if on is not None and not _in_force(rel, on):
                continue
            key = (self.identity(rel.owner), rel.relation)
            old = best.get(key)
            if old is None or _share(rel) > _share(old):
                best[key] = rel
        return list(best.values())

    def name(self, node: str) -> str:
        """A display name for a node (its id when no name is known)."""
        return self.names.get(node, node)

    def with_party(self, party: str, keys: Iterable[str], extra: Iterable[Relationship] = (),
                   identity: Callable[[str], str] | None = None) -> "OwnershipGraph":
        """A view of this graph where ``party`` has the owners of every node in ``keys``, plus ``extra`` edges.

        The screened party may be known under several ids (its listed entries
        and its name key); this folds them into one node. The view shares this
        graph's edges (nothing is copied), so it is cheap to build per screening;
        its ``relationships`` are only the edges it adds. ``identity`` tells which
        owner nodes are one party (see :meth:`owners`).
        """
        keys = [k for k in keys if k != party]
        added = [
            Relationship(owner=r.owner, owned=party, percent=r.percent, source=r.source,
                         owner_name=r.owner_name, owned_name=r.owned_name,
                         start_date=r.start_date, end_date=r.end_date, relation=r.relation)
            for k in keys for r in self._owners.get(k, [])
        ]
        view = OwnershipGraph([*added, *extra])
        view._owners = ChainMap(view._owners, self._owners)  # type: ignore[assignment]
        view.names = ChainMap(view.names, self.names)  # type: ignore[assignment]
        if identity is not None:
            view.identity = identity
        return view

    def ancestors(self, root: str, on: date | None, max_depth: int) -> dict[str, list[Relationship]]:
        """Every owner of ``root`` up to ``max_depth`` levels, with its owner edges in force on ``on``.

        Memoised per graph, so the three ownership rules of one screening walk
        the graph once.
        """
        key = (root, on, max_depth)
        cache: dict[tuple, dict[str, list[Relationship]]] = self.__dict__.setdefault("_ancestor_cache", {})
        if key in cache:
            return cache[key]
        depth = {root: 0}
        inn: dict[str, list[Relationship]] = {}
        queue = deque([root])
        while queue:
            node = queue.popleft()
            if depth[node] >= max_depth:
                inn[node] = []  # beyond the depth limit
                continue
            inn[node] = self.owners(node, on)
            for rel in inn[node]:
                if rel.owner not in depth:
                    depth[rel.owner] = depth[node] + 1
                    queue.append(rel.owner)
        cache[key] = inn
        return inn

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
        return _Aggregator(self, is_listed, through, max_depth, threshold, on).run(node)


class _Aggregator:
    """One aggregation run over the party's ancestors (linear in the edges it reaches).

    1. Collect the ancestors of the node up to ``max_depth`` (listed owners are
       not expanded: a listed owner counts whoever owns it).
    2. *Caught* nodes are the least fixed point of "listed, pass-through or
       caught owners hold >= threshold": a worklist adds a node once its share
       reaches the threshold and re-checks only the nodes it owns. A cycle can
       never catch itself without a listed owner feeding it.
    3. *Possibly caught* nodes are the same fixed point counting unknown shares
       (and possibly caught owners) as up to 100 %.
    4. Paths are read back along the largest contributing edge of each caught
       node, so every finding can show one readable chain per direct owner.
    """

    def __init__(self, graph: OwnershipGraph, is_listed: Callable[[str], bool],
                 through: Callable[[str], bool] | None, max_depth: int, threshold: float,
                 on: date | None) -> None:
        self.graph, self.threshold, self.on = graph, threshold, on
        self.is_listed = is_listed
        self.through = through or (lambda _node: False)
        self.max_depth = max_depth
        self.inn: dict[str, list[Relationship]] = {}  # node -> its owner edges (collected nodes)
        self.children: dict[str, list[str]] = {}  # owner -> nodes it holds (collected edges)
        self.listed: set[str] = set()
        self.relevant: set[str] = set()  # nodes downstream of a listed or pass-through owner
        self.cycle = False

    # -- 1. ancestors
    def collect(self, root: str) -> None:
        full = self.graph.ancestors(root, self.on, self.max_depth)
        seeds: list[str] = []
        for node, edges in full.items():
            if node != root and self.is_listed(node):
                self.listed.add(node)
                seeds.append(node)
                self.inn[node] = []  # a listed owner counts whoever owns it
            elif node != root and self.through(node):
                seeds.append(node)
                self.inn[node] = []  # passes its share on whoever owns it
            else:
                self.inn[node] = edges
        for node, edges in self.inn.items():
            for rel in edges:
                self.children.setdefault(rel.owner, []).append(node)
        # Only nodes downstream of a listed (or pass-through) owner can be caught.
        self.relevant = set(seeds)
        stack = list(seeds)
        while stack:
            for child in self.children.get(stack.pop(), []):
                if child not in self.relevant:
                    self.relevant.add(child)
                    stack.append(child)
        self.cycle = _has_cycle({n: self.inn[n] for n in self.relevant}, self.children)

    def passes(self, node: str, caught: set[str]) -> bool:
        """True when ``node`` passes its shares on: listed, pass-through or caught."""
        return node in self.listed or node in caught or self.through(node)

    # -- 2./3. fixed points
    def fixed_point(self, counts: Callable[[str, set[str]], float], seeds: set[str]) -> set[str]:
        """Nodes whose ``counts(node, found)`` share reaches the threshold, grown to a fixed point.

        Only nodes downstream of ``seeds`` are looked at, and a node is re-checked
        only when one of its owners has just been added.
        """
        found: set[str] = set()
        work = [c for n in seeds for c in self.children.get(n, [])]
        while work:
            node = work.pop()
            if node in found or node in self.listed or node not in self.relevant:
                continue
            if counts(node, found) >= self.threshold:
                found.add(node)
                work.extend(self.children.get(node, []))
        return found

    def share(self, node: str, caught: set[str]) -> float:
        """Known ownership share held in ``node`` by owners that pass shares on."""
        return min(100.0, sum(float(r.percent) for r in self.inn.get(node, [])
                              if r.relation == "ownership" and r.percent is not None
                              and self.passes(r.owner, caught)))

    def potential(self, node: str, caught: set[str], possible: set[str]) -> float:
        """The largest share ``node`` could have if every unknown resolved against it."""
        total = 0.0
        for r in self.inn.get(node, []):
            if r.relation != "ownership":
                continue
            if self.passes(r.owner, caught):
                total += 100.0 if r.percent is None else float(r.percent)
            elif r.owner in possible:
                total += 100.0 if r.percent is None else float(r.percent)
        return min(total, 100.0)

    # -- 4. the result for the root
    def run(self, root: str) -> OwnershipResult:
        self.collect(root)
        seeds = {n for n in self.relevant if n in self.listed or self.through(n)}
        caught = self.fixed_point(lambda n, found: self.share(n, found), seeds)
        possible = self.fixed_point(lambda n, found: 0.0 if n in caught else self.potential(n, caught, found),
                                    seeds | caught)
        controlled = self._controlled(caught)
        res = OwnershipResult(node=root, cycle=self.cycle)
        res.percent = self.share(root, caught)
        res.caught = res.percent >= self.threshold
        tail = self._step(root, None, "party")
        for rel in self.inn.get(root, []):
            owner = rel.owner
            if rel.relation == "control":
                if self.passes(owner, caught):
                    res.control = True
                    res.control_paths.append([*self._chain(owner, caught, rel.percent), tail])
                    _merge(res.listed_owners, self._roots(owner, caught))
                continue
            if self.passes(owner, caught):
                path = [*self._chain(owner, caught, rel.percent), tail]
                (res.paths if rel.percent is not None else res.unknown_paths).append(path)
                res.unknown = res.unknown or rel.percent is None
                _merge(res.listed_owners, self._roots(owner, caught))
            elif owner in possible:
                res.unknown = True
                res.unknown_paths.append([*self._chain(owner, caught, rel.percent, possible), tail])
                _merge(res.listed_owners, self._roots(owner, caught, possible))
            elif owner in controlled and (rel.percent is None or rel.percent >= self.threshold):
                res.control = True  # a controlled parent holding a majority: caution passes down
                res.control_paths.append([*self._chain(owner, caught, rel.percent, controlled=controlled), tail])
                _merge(res.listed_owners, self._roots(owner, caught, controlled=controlled))
        if res.caught:
            res.unknown = False  # already caught on known shares
        return res

    def _controlled(self, caught: set[str]) -> set[str]:
        """Nodes controlled (not owned) by listed or caught parties, and their majority holdings."""
        def counts(node: str, found: set[str]) -> float:
            for r in self.inn.get(node, []):
                if r.relation == "control" and self.passes(r.owner, caught):
                    return 100.0
                if r.owner in found and (r.percent is None or r.percent >= self.threshold):
                    return 100.0
            return 0.0
        return self.fixed_point(counts, {n for n in self.relevant if self.passes(n, caught)}) - caught

    def _step(self, node: str, percent: float | None, role: str) -> dict:
        return {"entity": node, "name": self.graph.name(node), "percent": percent, "role": role}

    def _chain(self, node: str, caught: set[str], percent: float | None,
               possible: Set[str] = frozenset(), controlled: Set[str] = frozenset()) -> list[dict]:
        """One readable chain from a listed owner down to ``node`` (which holds ``percent`` next)."""
        chain: list[dict] = []
        seen: set[str] = set()
        while True:
            seen.add(node)
            if node in self.listed:
                chain.append(self._step(node, percent, "listed"))
                break
            if self.through(node) and node not in caught:
                chain.append(self._step(node, percent, "through"))
                break
            role = ("caught" if node in caught else "possibly caught" if node in possible
                    else "controlled")
            chain.append(self._step(node, percent, role))
            edge = self._best_edge(node, caught, possible, controlled, seen)
            if edge is None:
                break
            node, percent = edge.owner, edge.percent
        return list(reversed(chain))

    def _best_edge(self, node: str, caught: set[str], possible: Set[str], controlled: Set[str],
                   seen: set[str]) -> Relationship | None:
        """The largest edge into ``node`` from an owner that explains its status."""
        best = None
        for r in self.inn.get(node, []):
            if r.owner in seen:
                continue
            if not (self.passes(r.owner, caught) or r.owner in possible or r.owner in controlled):
                continue
            if best is None or _share(r) > _share(best):
                best = r
        return best

    def _roots(self, node: str, caught: set[str], possible: Set[str] = frozenset(),
               controlled: Set[str] = frozenset()) -> list[str]:
        """The listed owners behind ``node`` (following caught, possible or controlled owners)."""
        out: list[str] = []
        seen: set[str] = set()
        stack = [node]
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.add(n)
            if n in self.listed or (self.through(n) and n not in caught):
                out.append(n)
                continue
            for r in self.inn.get(n, []):
                if self.passes(r.owner, caught) or r.owner in possible or r.owner in controlled:
                    stack.append(r.owner)
        return sorted(out)


def _has_cycle(inn: dict[str, list[Relationship]], children: dict[str, list[str]]) -> bool:
    """True when the owner edges among the nodes of ``inn`` contain a cycle (Kahn's algorithm)."""
    indegree = {n: sum(1 for r in edges if r.owner in inn) for n, edges in inn.items()}
    ready = [n for n, d in indegree.items() if d == 0]
    seen = 0
    while ready:
        n = ready.pop()
        seen += 1
        for child in children.get(n, []):
            if child in indegree:
                indegree[child] -= 1
                if indegree[child] == 0:
                    ready.append(child)
    return seen < len(indegree)


def _same(node: str) -> str:
    """Every node is its own party (the default identity)."""
    return node


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
    return path_msg(path).render()


def path_msg(path: list[dict]) -> Join:
    """A path as a bilingual line: each party, its role in words, the share between."""
    parts: list[Any] = []
    for i, step in enumerate(path):
        label = str(step.get("name") or step.get("entity"))
        role = step.get("role")
        if role in ("listed", "possibly listed", "caught", "possibly caught", "controlled"):
            parts.append(msg("path.step", name=label, role=msg("role." + role.replace(" ", "_"))))
        else:
            parts.append(label)
        if i < len(path) - 1:
            pct = step.get("percent")
            parts.append(f"--{_pct(pct)}-->")
    return Join(parts, " ")


def _pct(value: float | None) -> str:
    """``60%``, ``25.5%`` or ``?%``."""
    if value is None:
        return "?%"
    return f"{value:g}%"
