"""Every tuning value of the matcher in one object: :class:`MatchConfig`.

The feature weights are data (``screening/resources/match_weights.yaml``,
fitted by ``bench/fit_weights.py``); the match and review thresholds come from
:mod:`screening.settings`. A request may override any of them for one call
(:meth:`MatchConfig.override`, the ``config`` object of the screen API, as in
yente).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from screening import settings, yamlfast

WEIGHTS_FILE = settings.PACKAGE_DIR / "resources" / "match_weights.yaml"
#: Keys a request's ``config`` object may carry.
OVERRIDE_KEYS = ("weights", "match_threshold", "review_threshold")


class ConfigError(ValueError):
    """A weights table or a config override that cannot be used."""


@dataclass(frozen=True)
class MatchConfig:
    """Feature weights by feature name, and the two score thresholds."""

    weights: Mapping[str, float]
    match_threshold: float
    review_threshold: float

    def __reduce__(self) -> tuple[type, tuple[dict[str, float], float, float]]:
        # as its fields: compiled, a frozen dataclass cannot be rebuilt field by field
        return MatchConfig, (dict(self.weights), self.match_threshold, self.review_threshold)

    def weight(self, feature: str) -> float:
        """The weight of ``feature``; a feature absent from the table is an error."""
        try:
            return self.weights[feature]
        except KeyError:
            raise ConfigError(f"no weight for matching feature {feature!r} in {WEIGHTS_FILE.name}") from None

    def override(self, changes: Mapping[str, Any] | None) -> "MatchConfig":
        """A copy with a request's ``config`` applied (only known keys and features)."""
        if not changes:
            return self
        unknown = sorted(set(changes) - set(OVERRIDE_KEYS))
        if unknown:
            raise ConfigError(f"config: unknown key(s) {', '.join(unknown)}; known: {', '.join(OVERRIDE_KEYS)}")
        weights = dict(self.weights)
        new_weights = changes.get("weights") or {}
        if not isinstance(new_weights, Mapping):
            raise ConfigError("config.weights must be an object of feature: number")
        for name, value in new_weights.items():
            if name not in weights:
                raise ConfigError(f"config.weights: unknown feature {name!r}; known: {', '.join(weights)}")
            weights[name] = _number(value, f"config.weights.{name}", -1.0, 1.0)
        match = _number(changes.get("match_threshold", self.match_threshold), "config.match_threshold", 0.0, 1.0)
        review = _number(changes.get("review_threshold", self.review_threshold), "config.review_threshold", 0.0, 1.0)
        if review > match:
            raise ConfigError("config: review_threshold must not exceed match_threshold")
        return replace(self, weights=MappingProxyType(weights), match_threshold=match, review_threshold=review)

    def to_dict(self) -> dict[str, Any]:
        """JSON form (for audit records and the API)."""
        return {"weights": dict(self.weights), "match_threshold": self.match_threshold, "review_threshold": self.review_threshold}


def _number(value: Any, where: str, low: float, high: float) -> float:
    """``value`` as a float in [low, high], else :class:`ConfigError`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ConfigError(f"{where} must be a number from {low} to {high}")
    return float(value)


@lru_cache(maxsize=4)
def load_weights(path: Path = WEIGHTS_FILE) -> Mapping[str, float]:
    """The ``weights`` table of a weights file (missing file or table: an error)."""
    if not path.exists():
        raise ConfigError(f"matching weights table missing: {path}")
    with path.open(encoding="utf-8") as fh:
        data = yamlfast.safe_load(fh) or {}
    weights = data.get("weights")
    if not isinstance(weights, dict) or not weights:
        raise ConfigError(f"{path}: no 'weights' table")
    bad = [k for k, v in weights.items() if isinstance(v, bool) or not isinstance(v, (int, float))]
    if bad:
        raise ConfigError(f"{path}: weights must be numbers: {', '.join(map(str, bad))}")
    return MappingProxyType({str(k): float(v) for k, v in weights.items()})


def default_config() -> MatchConfig:
    """The weights table with the thresholds in force (``SCREENING_*_THRESHOLD``)."""
    return MatchConfig(load_weights(), settings.MATCH_THRESHOLD, settings.REVIEW_THRESHOLD)
