"""The matching engine: find every listed party a counterparty may be.

Public surface::

    matcher = Matcher(entries)            # builds the index once
    matcher.search("Huawei Technologies", country="CN") -> list[Hit]
    matcher.search_many([{"name": ...}, ...]) -> Iterator[list[Hit]]
    matcher.find_affiliates("Hikvision Robotics") -> list[Affiliate]
    compare("GUANGZHOU HAIGE COMM GRP", "Guangzhou Haige Communications Group") -> (score, features)
    analyze_name("成都海光集成电路设计有限公司") -> NameAnalysis
"""

from __future__ import annotations

from screening.matching import native

native.choose()  # compiled hot modules, or their sources: before any is imported

from typing import Any, Iterable, Iterator, Sequence

from screening import settings
from screening.matching.affiliates import Affiliate, AffiliateIndex
from screening.matching.algorithm import FEATURES, Feature, Plan, score_pair
from screening.matching.config import MatchConfig
from screening.matching.explain import explain
from screening.matching.families import family_holds, partial_hold, partial_of
from screening.matching.alignment import Pair
from screening.matching.choices import expansions
from screening.matching.forms import Form, fallback_forms, forms_of
from screening.matching.index import NameIndex, entry_schema
from screening.matching.normalize import ARABIC_RE, has_han
from screening.matching.schemas import canonical_schema
from screening.matching.names import COMPANY, GENERIC, NameAnalysis, Token, analyze_name
from screening.matching.names_han import HONG_KONG_NOTE
from screening.types import Entry, Hit

__all__ = [
    "Affiliate",
    "FEATURES",
    "Feature",
    "MatchConfig",
    "Matcher",
    "NameAnalysis",
    "Token",
    "analyze_name",
    "compare",
]

#: Candidate forms scored per query form, as a multiple of settings.MAX_CANDIDATES.
CANDIDATE_FACTOR = 4
#: Query countries whose Han names are read in Korean / Japanese first.
FALLBACK_COUNTRIES = frozenset({"KR", "KP", "JP"})
#: Results cached by search_many (identical rows in bulk files).
BATCH_CACHE_MAX = 100_000
#: Compiled query forms remembered (search and find_affiliates of one party share them).
QUERY_MEMO_MAX = 64


def _query_forms(names: Sequence[str], schema: str | None, idf: Any, fallback: bool = False) -> list[tuple[str, Form]]:
    """Forms of every query name (and acronyms found in them).

    With ``fallback=True``, the forms of the readings tried only when the
    others find nothing (Korean / Japanese readings of Han names).
    """
    out: list[tuple[str, Form]] = []
    seen: set[tuple[str, ...]] = set()
    for name in names:
        if not name or not str(name).strip():
            continue
        an = analyze_name(str(name), schema)
        # a query in characters is read as pinyin only: its Hong Kong spellings are the
        # listed name's (何國良 is found by "Ho Kwok Leung"), and on every query in
        # characters they cost a search four times as much
        analyses = [x.without_readings(HONG_KONG_NOTE)
                    for x in [an] + [analyze_name(a, schema) for a in an.other_names]]
        for a in analyses:
            forms = fallback_forms(a, idf=idf, schema=schema) if fallback else forms_of(a, idf=idf, schema=schema)
            for form in forms:
                if form.texts in seen:
                    continue
                seen.add(form.texts)
                out.append((str(name), form))
    return out


def compare(
    name1: str, name2: str, schema: str | None = None, config: MatchConfig | None = None
) -> tuple[float, dict[str, float]]:
    """Score two names with the same comparator the search uses.

    Args:
        name1: the query-side name.
        name2: the list-side name.
        schema: ``"person"`` / ``"company"`` / ``"vessel"`` when known for both
            (FollowTheMoney names such as "Company" or "LegalEntity" too).
        config: other weights / thresholds (default: the weights table and settings).

    Returns:
        ``(score, {feature: value})`` with the score in [0, 1].
    """
    best: tuple[float, dict[str, float]] = (0.0, {})
    plan = Plan.of(config) if config else None
    review = config.review_threshold if config else settings.REVIEW_THRESHOLD
    for fallback, pair in form_pairs(name1, name2, schema):
        if fallback and best[0] >= review:
            break  # the usual readings found the name: no Korean / Japanese guesses
        score, values = score_pair(pair, plan=plan)
        if score > best[0] or not best[1]:
            best = (score, values)
    return best


def form_pairs(name1: str, name2: str, schema: str | None = None) -> Iterator[tuple[bool, Pair]]:
    """Every pair of name forms :func:`compare` scores, the usual readings of
    ``name1`` first, then its fallback readings (Korean / Japanese readings of
    Han names), each with whether it is a fallback."""
    q_schema, c_schema = _pair_schemas(name1, name2, canonical_schema(schema))
    c_an = analyze_name(name2, c_schema)
    c_analyses = [c_an] + [analyze_name(a, c_schema) for a in c_an.other_names]
    c_forms = [cf for an in c_analyses for cf in forms_of(an, idf=_flat_idf, schema=c_schema)]
    for fallback in (False, True):
        for _, qf in _query_forms([name1], q_schema, _flat_idf, fallback=fallback):
            for cf in c_forms:
                yield fallback, Pair(qf, cf)


def _pair_schemas(name1: str, name2: str, schema: str | None) -> tuple[str | None, str | None]:
    """The schema each name is read with: ``schema`` when given; otherwise a name
    whose words make it an organisation ("Izumrud OAO") makes the other one read
    as an organisation too when that finds a legal form or organisation word in
    it ("Izumrud AO": AO is a legal form, not a name word), as in a search,
    where a listed name is read with its entry's schema. "Tara Das" stays a
    person's name beside "Tara Limited"."""
    if schema is not None:
        return schema, schema
    q, c = analyze_name(name1), analyze_name(name2)
    if q.schema is None and c.schema == COMPANY and _legal_as_company(name1, q):
        return COMPANY, None
    if c.schema is None and q.schema == COMPANY and _legal_as_company(name2, c):
        return None, COMPANY
    return None, None


def _legal_as_company(name: str, plain: NameAnalysis) -> bool:
    """Does ``name`` read as an organisation find a legal form ("AO"), an
    organisation word ("Treid" = trade) or a business word behind an
    abbreviation ("Mgmt" = management) its plain reading missed?"""
    org = analyze_name(name, COMPANY)
    if len(org.legal) > len(plain.legal) or len(org.choices) > len(plain.choices):
        return True
    plain_texts = {t.text for t in plain.tokens}
    return any(t.tag == GENERIC and t.text not in plain_texts for t in org.tokens)


def _flat_idf(token: str) -> float:
    """Rarity when comparing two names without a list corpus (all tokens full)."""
    return 1.0


def craft_named_as_company(entry: Entry, qform: Form) -> bool:
    """A vessel or aircraft against a query that carries a legal form ("中国平安保险（集团）
    股份有限公司", "Acme Shipping Ltd"): a ship is not a company, so its name is no hit.
    (A company's name may be a ship's name; the company itself is screened by name.)"""
    return bool(qform.legal) and entry.type in ("vessel", "aircraft")


class Matcher:
    """Screens names against a fixed set of list entries.

    The index is built once in the constructor; pickling ships the entries and
    thresholds only and the receiving process rebuilds the index.
    """

    def __init__(
        self,
        entries: Iterable[Entry],
        *,
        match_threshold: float | None = None,
        review_threshold: float | None = None,
        max_candidates: int | None = None,
    ) -> None:
        self.match_threshold = settings.MATCH_THRESHOLD if match_threshold is None else match_threshold
        self.review_threshold = settings.REVIEW_THRESHOLD if review_threshold is None else review_threshold
        self.max_candidates = settings.MAX_CANDIDATES if max_candidates is None else max_candidates
        self._use(NameIndex(entries))

    def _use(self, index: NameIndex, affiliates: AffiliateIndex | None = None) -> None:
        """Screen against ``index`` (and its affiliate index, built when not given)."""
        self.index = index
        self.affiliates = affiliates or AffiliateIndex(index.entries, index.forms)
        self._batch_cache: dict[tuple[Any, ...], list[Hit]] = {}
        self._query_memo: dict[tuple[Any, ...], list[tuple[str, Form]]] = {}

    @classmethod
    def from_indexes(cls, index: NameIndex, affiliates: AffiliateIndex) -> "Matcher":
        """A matcher over indexes restored from a snapshot (thresholds from the settings)."""
        self = cls.__new__(cls)
        self.match_threshold = settings.MATCH_THRESHOLD
        self.review_threshold = settings.REVIEW_THRESHOLD
        self.max_candidates = settings.MAX_CANDIDATES
        self._use(index, affiliates)
        return self

    @property
    def entries(self) -> Sequence[Entry]:
        """The entries this matcher screens against."""
        return self.index.entries

    def __len__(self) -> int:
        return len(self.index.entries)

    def __getstate__(self) -> dict[str, Any]:
        return {
            "entries": list(self.index.entries),
            "match_threshold": self.match_threshold,
            "review_threshold": self.review_threshold,
            "max_candidates": self.max_candidates,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            state["entries"],
            match_threshold=state["match_threshold"],
            review_threshold=state["review_threshold"],
            max_candidates=state["max_candidates"],
        )

    # -------------------------------------------------------------- search
    def _score_all(
        self,
        name: str,
        country: str | None,
        aliases: Sequence[str],
        schema: str | None,
        min_score: float,
        min_cover: float | None = None,
        plan: Plan | None = None,
    ) -> dict[int, tuple[float, Pair, dict[str, float], str]]:
        """Best (score, pair, features, query name) per entry index above ``min_score``."""
        index = self.index
        best: dict[int, tuple[float, Pair, dict[str, float], str]] = {}
        limit = self.max_candidates * CANDIDATE_FACTOR
        names = (name, *aliases)
        han = any(has_han(str(n)) for n in names if n)  # only Han names have other readings
        fallback_first = han and country is not None and country.upper() in FALLBACK_COUNTRIES
        for fallback in ((True, False) if fallback_first else (False, True) if han else (False,)):
            for qname, qform in self._forms(names, schema, fallback):
                bound: dict[int, float] = {}
                for look in expansions(qform):
                    found = (
                        index.candidates_scored(look, limit)
                        if min_cover is None
                        else index.candidates_scored(look, limit, min_cover=min_cover)
                    )
                    for got, fid in found:
                        if got > bound.get(fid, -1.0):
                            bound[fid] = got
                # the best upper bounds over every reading looked up, at most `limit`
                fids = sorted(bound, key=lambda f: -bound[f])[:limit]
                # a registry number the query gives finds its hull under any name (IMO 9116412)
                fids += [f for key in qform.ids for f in index.postings.get(key, ()) if f not in bound]
                for fid in fids:
                    cform = index.forms[fid]
                    entry = index.entries[cform.entry]
                    if craft_named_as_company(entry, qform):
                        continue
                    pair = Pair(
                        qform,
                        cform,
                        query_country=country,
                        entry_countries=tuple(c.upper() for c in entry.countries),
                        query_schema=schema,
                        entry_type=entry_schema(entry),
                    )
                    score, values = score_pair(pair, min_score, plan)
                    if score < min_score:
                        continue
                    prev = best.get(cform.entry)
                    if prev is None or score > prev[0] or (
                        score == prev[0] and len(pair.alignment.c_unmatched) < len(prev[1].alignment.c_unmatched)
                    ):  # at a tie, the alias the query covers best (not one that says more)
                        best[cform.entry] = (score, pair, values, qname)
            if best and not fallback_first:
                break  # the Chinese reading found listed names: no Korean / Japanese guesses
        return best

    def search(
        self,
        name: str,
        *,
        country: str | None = None,
        aliases: Sequence[str] = (),
        schema: str | None = None,
        limit: int = 20,
        config: MatchConfig | None = None,
    ) -> list[Hit]:
        """Listed parties ``name`` may be: hits at review strength or above, best first.

        Args:
            name: the counterparty's name, any script.
            country: ISO alpha-2 country when known (evidence, not a filter).
            aliases: other names of the counterparty.
            schema: ``"person"`` or ``"company"`` when known.
            limit: most hits returned (one per entry).
            config: this call's weights and thresholds (default: the matcher's).
        """
        schema = canonical_schema(schema)
        match_t = config.match_threshold if config else self.match_threshold
        review_t = config.review_threshold if config else self.review_threshold
        plan = Plan.of(config) if config else None
        best = self._score_all(name, country, aliases, schema, review_t, plan=plan)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
        held = family_holds([(self.index.entries[idx], score >= match_t, partial_of(pair))
                             for idx, (score, pair, _, _) in ranked])
        hits = []
        for pos, (idx, (score, pair, values, qname)) in enumerate(ranked[:limit]):
            why = held.get(pos)
            if why is None and score >= match_t:
                why = partial_hold(self.index.entries[idx], pair, values, match_t)
            hits.append(
                Hit(
                    entry=self.index.entries[idx],
                    matched_name=pair.result.name,
                    score=score,
                    strength="match" if score >= match_t and why is None else "review",
                    features=dict(values),
                    explanation=explain(pair, values, score) + ([why] if why else []),
                    query_name=qname,
                )
            )
        return hits

    def search_many(self, queries: Iterable[dict[str, Any]]) -> Iterator[list[Hit]]:
        """Search many queries (dicts of :meth:`search` keywords), reusing identical rows."""
        cache = self._batch_cache
        for q in queries:
            name = q.get("name") or ""
            aliases = tuple(a for a in (q.get("aliases") or ()) if a)
            key = (name, q.get("country"), aliases, q.get("schema"), q.get("limit", 20))
            hits = cache.get(key)
            if hits is None:
                hits = self.search(
                    name,
                    country=q.get("country"),
                    aliases=aliases,
                    schema=q.get("schema"),
                    limit=q.get("limit", 20),
                )
                if len(cache) >= BATCH_CACHE_MAX:
                    cache.clear()
                cache[key] = hits
            yield hits

    # ---------------------------------------------------------- affiliates
    def find_affiliates(self, name: str, *, country: str | None = None) -> list[Affiliate]:
        """Listed organisations whose brand ``name`` carries with an extra marker.

        "Hikvision Robotics", "Huawei Technologies (Thailand) Co., Ltd.",
        "SMIC Beijing": the query names the listed brand plus a place, branch or
        business line. These are possible affiliates (ownership unknown), not
        name matches; the same party (a match) is not returned. The rules that
        keep a suggestion are in :mod:`screening.matching.affiliates`.
        """
        if not name or not str(name).strip():
            return []
        qforms = [f for _, f in self._forms((name,), None, False)]
        return self.affiliates.find(analyze_name(name, None), qforms, country, self.match_threshold)

    # --------------------------------------------------------------- memo
    def _forms(self, names: tuple[str, ...], schema: str | None, fallback: bool) -> list[tuple[str, Form]]:
        """:func:`_query_forms` on this index, remembered for the last few queries
        (``analyze_name`` keeps its own cache; compiling the forms is what is saved)."""
        key = (names, schema, fallback)
        got = self._query_memo.get(key)
        if got is None:
            if len(self._query_memo) >= QUERY_MEMO_MAX:
                self._query_memo.clear()
            idf = self.index.arabic_idf if any(ARABIC_RE.search(n) for n in names) else self.index.idf
            got = _query_forms(names, schema, idf, fallback=fallback)
            self._query_memo[key] = got
        return got
