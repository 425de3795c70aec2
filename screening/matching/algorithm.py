"""The scoring algorithm: one list of weighted features, one combining rule.

Following nomenklatura's pattern, every signal is a :class:`Feature` holding a
documented function and a weight. The score of a pair is the best
``weight * value`` over the main features, plus ``weight * value`` of each
qualifier (negative weights are penalties), clipped to [0, 1]. Qualifiers
only run when a main feature scored, which keeps the reject path cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from screening.matching import features as f
from screening.matching.alignment import Pair

NAME = "screening-v1"


@dataclass(frozen=True)
class Feature:
    """A documented signal and its weight (negative for penalties)."""

    func: Callable[[Pair], float]
    weight: float
    qualifier: bool = False

    @property
    def name(self) -> str:
        """The feature's name, as reported in ``Hit.features``."""
        return self.func.__name__

    @property
    def doc(self) -> str:
        """The feature's docstring: its explanation for users."""
        doc = self.func.__doc__
        assert doc, f"feature {self.name} has no docstring"
        return " ".join(doc.strip().split())


#: Every signal and its weight, in one place.
FEATURES: list[Feature] = [
    Feature(f.name_tokens, 1.0),
    Feature(f.compact_name, 0.92),
    Feature(f.consonant_skeleton, 0.92),
    Feature(f.full_name_edits, 1.0),
    Feature(f.brand_only, 1.0),
    Feature(f.numbers_disagree, -0.5, qualifier=True),
    Feature(f.number_missing, -0.12, qualifier=True),
    Feature(f.no_distinctive_agreement, -0.45, qualifier=True),
    Feature(f.locations_disagree, -0.2, qualifier=True),
    Feature(f.country_agrees, 0.03, qualifier=True),
    Feature(f.country_disagrees, -0.06, qualifier=True),
    Feature(f.schema_mismatch, -0.15, qualifier=True),
    Feature(f.family_name_mismatch, -0.12, qualifier=True),
    Feature(f.no_exact_name_part, -0.06, qualifier=True),
    Feature(f.patronymics_differ, -0.15, qualifier=True),
    Feature(f.weak_alias, -0.08, qualifier=True),
    Feature(f.homophone_brand, -0.35, qualifier=True),
    Feature(f.plural_differs, -0.2, qualifier=True),
]

MAIN_FEATURES = [ft for ft in FEATURES if not ft.qualifier]
QUALIFIERS = [ft for ft in FEATURES if ft.qualifier]


#: Most the qualifiers can add to a score (the sum of their positive weights).
QUALIFIER_GAIN = sum(ft.weight for ft in QUALIFIERS if ft.weight > 0)


def score_pair(pair: Pair, floor: float = 0.0) -> tuple[float, dict[str, float]]:
    """Score one pair: ``(score in [0, 1], {feature name: value})``.

    With ``floor``, a pair whose main features cannot reach it even with every
    positive qualifier is returned at once (the fast reject path of a search).
    """
    values: dict[str, float] = {}
    best = 0.0
    for ft in MAIN_FEATURES:
        v = ft.func(pair)
        values[ft.name] = v
        best = max(best, ft.weight * v)
    if best <= 0.0 or best + QUALIFIER_GAIN < floor:
        return min(best, 1.0), values
    total = best
    for ft in QUALIFIERS:
        v = ft.func(pair)
        if v:
            values[ft.name] = v
            total += ft.weight * v
    return min(1.0, max(0.0, total)), values


def describe_features() -> dict[str, dict[str, object]]:
    """Each feature's weight, kind and explanation (for the API and docs)."""
    return {
        ft.name: {"weight": ft.weight, "qualifier": ft.qualifier, "doc": ft.doc} for ft in FEATURES
    }
