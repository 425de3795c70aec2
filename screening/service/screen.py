"""The one screening core: name in, determination out.

The CLI, the web UI, the JSON API and the bulk path all call
:meth:`Screener.check` and render the :class:`ScreeningResult` it returns
(``to_dict()``), the way datasette renders one data dict as HTML or JSON.

A ``Screener`` is built once per list version: it loads the matcher's index
from its snapshot beside the database (:mod:`screening.matching.snapshot`) or
builds it from the entries in force, and loads the rules and the ownership
graph. Nothing is loaded inside a request (except by the one-shot CLI check,
which reads only the parts of the snapshot its name meets).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache

from screening import settings

from screening.rules.context import TransactionContext
from screening.rules.dates import check_horizon, parse_date
from screening.countries import to_iso2
from screening.service.decisions import DecisionBook
from screening.errors import Invalid
from screening.rules.guidance import guidance
from screening.heap import building_long_lived
from screening.lists.update import ensure_project_lists
from screening.matching.snapshot import open_matcher
from screening.matching.config import ConfigError, MatchConfig, default_config
from screening.rules.owners import is_entry_id, name_key
from screening.rules.ownership import OwnershipGraph
from screening.rules.determination import Determination, RuleBook, determine
from screening.lists.store import Store, open_store
from screening.types import Entry, Hit

#: Owner names whose matcher hits a screener remembers (they change only with the lists).
OWNER_CACHE = 100_000
#: Distinct country cells whose ISO code is remembered (the table never changes).
COUNTRY_CACHE = 4096


@lru_cache(maxsize=COUNTRY_CACHE)
def normalise_country(value: str | None) -> str | None:
    """ISO 3166-1 alpha-2 from a code or a country name in English or Chinese
    ("CN", "China", "中国"); None when empty or not recognised (then it is not
    used as evidence, and the query shows what was given). Remembered: a bulk
    file repeats a few hundred country cells, each folded by Unicode once."""
    if not value:
        return None
    return to_iso2(value)


def party_key(name: str) -> str:
    """Graph node id for an unlisted party known only by name (ownership CSV convention)."""
    return name_key(name)


@dataclass
class ScreeningResult:
    """Everything one screening produced; render it with :meth:`to_dict`."""

    query: dict
    hits: list[Hit]
    determination: Determination
    affiliates: list = field(default_factory=list)
    cleared: list[dict] = field(default_factory=list)
    list_versions: dict = field(default_factory=dict)
    screened_at: str = ""
    hits_truncated: bool = False  # more hits than settings.MAX_HITS: the weakest were cut (and said)

    @property
    def outcome(self) -> str:
        return self.determination.outcome

    def to_dict(self) -> dict:
        det = self.determination.to_dict()
        out = {
            "query": self.query,
            "outcome": det.pop("outcome"),
            "as_of": det.pop("as_of", self.query.get("as_of")),
            "after_horizon": det.pop("assumption", self.query.get("after_horizon")),
            "findings": det.pop("findings", []),
            "depends_on": det.pop("depends_on", []),
            **det,
            "hits": [h.to_dict() for h in self.hits],
            "affiliates": [a.to_dict() for a in self.affiliates],
            "cleared": self.cleared,
            "list_versions": self.list_versions,
            "screened_at": self.screened_at,
            **({"hits_truncated": True} if self.hits_truncated else {}),
        }
        out.update(guidance(out))
        return out


class Screener:
    """Screens parties against the lists in force in one store."""

    def __init__(self, store: Store, *, rulebook: RuleBook | None = None, lazy: bool = False) -> None:
        """``lazy`` is for one-shot commands: the index snapshot is read piece by piece
        as the check needs it, and written when missing or stale. Otherwise (servers,
        bulk) it is read whole when valid, and the index built without writing it
        (the `lists index` command, started by `lists update`, writes it)."""
        with building_long_lived():  # the index: millions of long-lived objects
            self._build(store, rulebook, lazy)

    def _build(self, store: Store, rulebook: RuleBook | None, lazy: bool) -> None:
        self.store = store
        self.data_version = store.data_version()
        self.matcher, self.entries = open_matcher(store, lazy=lazy, write=lazy)
        self.rulebook = rulebook or RuleBook.load()
        self.graph = OwnershipGraph(store.relationships())
        self.list_versions = {r["id"]: r["version"] for r in store.list_status()}
        self.decisions = DecisionBook(store)  # the one book: the web records through it too
        self._owner_hits: dict[str, list[Hit]] = {}

    def resolve_owner(self, name: str) -> list[Hit]:
        """The matcher's hits on an owner's name against the lists in force (memoised)."""
        key = name_key(name)
        found = self._owner_hits.get(key)
        if found is None:
            found = self.matcher.search(name) if name.strip() else []
            if len(self._owner_hits) < OWNER_CACHE:
                self._owner_hits[key] = found
        return found

    def declared_owner_hits(self, owner: dict, config: MatchConfig | None = None) -> list[Hit]:
        """Who a declared owner is: its entry when given by id, else the matcher's hits on its name."""
        oname = str(owner.get("name", "")).strip()
        if not oname:
            raise Invalid("each owner needs a name")
        if is_entry_id(oname) and oname.split(":", 1)[0] in self.list_versions:
            entry = self.entries.get(oname)
            if entry is None:
                raise Invalid(f"owner {oname!r}: no entry with this id is in force")
            return [Hit(entry=entry, matched_name=oname, score=1.0, strength="match")]
        return self.matcher.search(oname, country=owner.get("country"), config=config)

    def is_stale(self) -> bool:
        """True when the lists in force changed since this screener was built."""
        return self.store.data_version() != self.data_version

    def check(
        self,
        name: str,
        country: str | None = None,
        aliases: Sequence[str] = (),
        as_of: str | date | None = None,
        *,
        after_horizon: str | None = None,
        context: TransactionContext | dict | None = None,
        owners: Iterable[dict] = (),
        schema: str | None = None,
        address: str | None = None,
        apply_decisions: bool = True,
        config: dict | None = None,
    ) -> ScreeningResult:
        """Screen one party (and, optionally, one transaction) on one day.

        ``config`` overrides the matcher's weights / thresholds for this call
        (``{"weights": {...}, "match_threshold": ..., "review_threshold": ...}``).
        """
        name = (name or "").strip()
        if not name:
            raise Invalid("name is required")
        if len(name) > 1000:
            raise Invalid(f"name is {len(name)} characters long; at most 1000 are screened")
        on = parse_date(as_of)
        horizon = check_horizon(after_horizon)
        if isinstance(context, dict):
            context = TransactionContext.from_dict(context)
        aliases = [a.strip() for a in aliases if a and a.strip()]
        country_input = (country or "").strip() or None
        country = normalise_country(country_input)

        match_config = _match_config(config)
        hits = self.matcher.search(name, country=country, aliases=aliases, schema=schema,
                                   config=match_config, limit=settings.MAX_HITS + 1)
        truncated = len(hits) > settings.MAX_HITS
        hits = hits[:settings.MAX_HITS]
        affiliates = self.matcher.find_affiliates(name, country=country)
        cleared: list[dict] = []
        if apply_decisions:
            hits, cleared = self.decisions.apply(name, country, hits, on)

        declared = [{**owner, "hits": self.declared_owner_hits(owner, match_config)} for owner in owners]
        keys = [h.entry.id for h in hits if h.strength == "match"] + [party_key(name)]
        det = determine(
            hits=hits, affiliates=affiliates, context=context, as_of=on, horizon=horizon,
            rulebook=self.rulebook, ownership=self.graph, party_keys=keys,
            lookup_entry=self.entries.get, declared_owners=declared, resolve_name=self.resolve_owner,
            party_country=country,
        )
        query = {"name": name, "country": country, "aliases": aliases, "schema": schema,
                 **({"country_input": country_input} if country_input != country else {}),
                 "address": address, "as_of": on.isoformat(), "after_horizon": horizon,
                 "context": context.to_dict() if context is not None and hasattr(context, "to_dict") else None,
                 "owners": [{k: v for k, v in o.items() if k != "hits"} for o in declared],
                 **({"config": config} if config else {})}
        return ScreeningResult(
            query=query, hits=hits, determination=det, affiliates=affiliates,
            cleared=cleared, list_versions=self.list_versions, hits_truncated=truncated,
            screened_at=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        )


def _match_config(config: dict | None) -> MatchConfig | None:
    """A request's matcher overrides applied to the defaults (None: the defaults as they are)."""
    if not config:
        return None
    try:
        return default_config().override(config)
    except ConfigError as exc:
        raise Invalid(str(exc)) from None


def open_screener(db_path: str | None = None, *, load_defaults: bool = True, lazy: bool = False) -> Screener:
    """Open the store (``SCREENING_DB`` by default), load ``lists/`` on first use, build a screener."""
    store = open_store(db_path)
    if load_defaults:
        ensure_project_lists(store)
    return Screener(store, lazy=lazy)
