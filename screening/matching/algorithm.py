"""The scoring algorithm: one list of weighted features, one combining rule.

Following nomenklatura's pattern, every signal is a :class:`Feature` holding a
documented function; its weight is data (``resources/match_weights.yaml``, read
into :class:`~screening.matching.config.MatchConfig`). The score of a pair is the best
``weight * value`` over the main features, plus ``weight * value`` of each
qualifier (negative weights are penalties), clipped to [0, 1]. Qualifiers
only run when a main feature scored, which keeps the reject path cheap. A hold
(:attr:`Feature.hold`) caps the score at its weight instead: a match it holds
for review scores that, and a lower score stays as it was.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from screening.matching import divisions
from screening.matching import features as f
from screening.matching import fitted
from screening.matching import person_variants as pv
from screening.matching import short_names
from screening.matching.alignment import Pair
from screening.matching.config import MatchConfig, default_config

NAME = "screening-v1"


@dataclass(frozen=True)
class Feature:
    """A documented signal; its weight comes from the weights table."""

    func: Callable[[Pair], float]
    qualifier: bool = False
    #: A qualifier on registry numbers, which only names carrying them on both
    #: sides can have: the fast reject path leaves it out of its bound.
    registry: bool = False
    #: A qualifier whose weight is a cap, not an addend: when it fires the score is at
    #: most that (a match held for review), and never lowered below it.
    hold: bool = False

    def __reduce__(self) -> tuple[type, tuple[Callable[[Pair], float], bool, bool, bool]]:
        # as its fields: compiled, a frozen dataclass cannot be rebuilt field by field
        return Feature, (self.func, self.qualifier, self.registry, self.hold)

    @property
    def name(self) -> str:
        """The feature's name, as reported in ``Hit.features``."""
        return self.func.__name__

    @property
    def weight(self) -> float:
        """The feature's weight in the default configuration (negative for penalties)."""
        return default_config().weight(self.name)

    @property
    def doc(self) -> str:
        """The feature's docstring: its explanation for users (read from the source
        when the function is compiled, which keeps no docstring)."""
        doc = self.func.__doc__ or source_docstring(self.func)
        assert doc, f"feature {self.name} has no docstring"
        return " ".join(doc.strip().split())


@lru_cache(maxsize=None)
def _module_docstrings(module: str) -> dict[str, str]:
    """Function name -> docstring of the top-level functions of ``module``'s source."""
    mod = sys.modules[module]
    source = Path(mod.__file__ or "")
    source = source.with_name(source.name.split(".", 1)[0] + ".py")
    tree = ast.parse(source.read_text(encoding="utf-8"))
    return {node.name: ast.get_docstring(node) or "" for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}


def source_docstring(func: Callable[..., object]) -> str:
    """The docstring of a top-level function as its source writes it (mypyc drops them)."""
    return _module_docstrings(func.__module__).get(func.__name__, "")


#: Every signal, in one place; the weights are in ``resources/match_weights.yaml``.
FEATURES: list[Feature] = [
    Feature(f.name_tokens),
    Feature(f.compact_name),
    Feature(f.consonant_skeleton),
    Feature(f.full_name_edits),
    Feature(f.name_parts_subset),
    Feature(f.brand_only),
    Feature(fitted.fitted_similarity),
    Feature(f.registry_number_agrees, qualifier=True, registry=True),
    Feature(f.registry_numbers_differ, qualifier=True, registry=True),
    Feature(f.numbers_disagree, qualifier=True),
    Feature(f.number_missing, qualifier=True),
    Feature(f.sister_vessel, qualifier=True),
    Feature(f.vessel_words_differ, qualifier=True),
    Feature(f.sister_company, qualifier=True),
    Feature(divisions.division_added, qualifier=True, hold=True),
    Feature(divisions.institution_kind_differs, qualifier=True, hold=True),
    Feature(divisions.place_qualifier_added, qualifier=True, hold=True),
    Feature(divisions.organ_added, qualifier=True, hold=True),
    Feature(short_names.short_name_variant, qualifier=True, hold=True),
    Feature(short_names.short_name_vowels, qualifier=True, hold=True),
    Feature(short_names.spelled_other_country, qualifier=True, hold=True),
    Feature(short_names.joined_by_spelling, qualifier=True, hold=True),
    Feature(short_names.pinyin_syllables_differ, qualifier=True, hold=True),
    Feature(pv.vowel_makes_another_name, qualifier=True, hold=True),
    Feature(pv.given_name_gendered, qualifier=True, hold=True),
    Feature(pv.han_characters_differ, qualifier=True, hold=True),
    Feature(pv.parts_reordered, qualifier=True, hold=True),
    Feature(pv.cantonese_syllables_differ, qualifier=True, hold=True),
    Feature(pv.birth_years_differ, qualifier=True),
    Feature(pv.nationalities_differ, qualifier=True),
    Feature(f.no_distinctive_agreement, qualifier=True),
    Feature(f.locations_disagree, qualifier=True),
    Feature(f.trailing_places_differ, qualifier=True, hold=True),
    Feature(f.country_agrees, qualifier=True),
    Feature(f.country_disagrees, qualifier=True),
    Feature(f.schema_mismatch, qualifier=True),
    Feature(f.family_name_mismatch, qualifier=True),
    Feature(f.no_exact_name_part, qualifier=True),
    Feature(f.patronymics_differ, qualifier=True),
    Feature(f.lineage_differs, qualifier=True),
    Feature(f.initials_crossed, qualifier=True),
    Feature(f.weak_alias, qualifier=True),
    Feature(f.homophone_brand, qualifier=True),
    Feature(f.chinese_places_differ, qualifier=True),
    Feature(f.acronym_inside, qualifier=True),
    Feature(f.plural_differs, qualifier=True),
    Feature(f.legal_countries_differ, qualifier=True),
    Feature(f.legal_kinds_differ, qualifier=True),
    Feature(f.cantonese_guessed, qualifier=True),
]


@dataclass(frozen=True)
class Plan:
    """The features of one configuration with their weights resolved (built once per config)."""

    main: tuple[tuple[str, Callable[[Pair], float], float], ...]
    qualifiers: tuple[tuple[str, Callable[[Pair], float], float], ...]
    #: Most the qualifiers can add to a score (the sum of their positive weights),
    #: registry numbers aside (:attr:`Feature.registry`).
    gain: float
    #: The holds, each with its cap (:attr:`Feature.hold`).
    holds: tuple[tuple[str, Callable[[Pair], float], float], ...] = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        # as its fields: compiled, a frozen dataclass cannot be rebuilt field by field
        return Plan, (self.main, self.qualifiers, self.gain, self.holds)

    @classmethod
    def of(cls, config: MatchConfig) -> "Plan":
        """Resolve every feature's weight in ``config`` (a missing one raises)."""
        main = tuple((ft.name, ft.func, config.weight(ft.name)) for ft in FEATURES if not ft.qualifier)
        quals = tuple((ft.name, ft.func, config.weight(ft.name)) for ft in FEATURES if ft.qualifier and not ft.hold)
        holds = tuple((ft.name, ft.func, config.weight(ft.name)) for ft in FEATURES if ft.hold)
        registry = {ft.name for ft in FEATURES if ft.registry}
        return cls(main, quals, sum(w for name, _, w in quals if w > 0 and name not in registry), holds)


#: The plan of the default weights (the hot path).
DEFAULT_PLAN = Plan.of(default_config())


def score_pair(pair: Pair, floor: float = 0.0, plan: Plan | None = None) -> tuple[float, dict[str, float]]:
    """Score one pair: ``(score in [0, 1], {feature name: value})``.

    With ``floor``, a pair whose main features cannot reach it even with every
    positive qualifier is returned at once (the fast reject path of a search).
    ``plan`` carries other weights (:meth:`Plan.of` a request's config).
    """
    plan = plan or DEFAULT_PLAN
    values: dict[str, float] = {}
    best = 0.0
    for name, func, weight in plan.main:
        if not weight:
            continue  # switched off by a config (a request's, or a fit's baseline)
        v = func(pair)
        values[name] = v
        best = max(best, weight * v)
    if (best <= 0.0 or best + plan.gain < floor) and not (pair.query.ids and pair.result.ids):
        return min(best, 1.0), values  # (registry numbers on both sides may still decide)
    total = best
    for name, func, weight in plan.qualifiers:
        v = func(pair)
        if v:
            values[name] = v
            total += weight * v
    for name, func, cap in plan.holds:
        v = func(pair)
        if v:
            values[name] = v
            total = min(total, cap)
    return min(1.0, max(0.0, total)), values


def describe_features() -> dict[str, dict[str, object]]:
    """Each feature's weight, kind and explanation (for the API and docs)."""
    return {
        ft.name: {"weight": ft.weight, "qualifier": ft.qualifier, "hold": ft.hold, "doc": ft.doc} for ft in FEATURES
    }
