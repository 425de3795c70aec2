"""Load and check ``rules.yaml``: the rules as dated, reviewable data.

The file is the single place where an outcome, a date, a suspension or a
citation is written down; this module only reads it, checks it for mistakes a
reviewer could make (an unknown outcome, a date that is not a date, a scope that
does not exist), and answers "is rule X in force on day D?" through
:func:`screening.rules.dates.status_on`, the same function list entries use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from screening import settings, yamlfast
from screening.rules.context import ItemInfo
from screening.rules.dates import StatusAt, rule_events, status_on, to_date
from screening.errors import Invalid
from screening.rules.findings import OUTCOMES
from screening.texts import Msg
from screening.types import StatusEvent

#: Outcomes a rule may name besides the lattice: taken from the entry / the owners.
DERIVED_OUTCOMES = ("from_policy", "from_owner_policy")

#: Trigger kinds of ``applies_to`` (any one suffices) and conditions of ``requires`` (all).
TRIGGERS = ("lists", "own_lists", "military_user", "semiconductor_user", "ownership",
            "affiliates", "item", "end_use", "context")
REQUIREMENTS = ("items", "item_origin", "nexus", "party_outside")

#: Item kinds that say nothing about China's controls (a US classification).
NEUTRAL_KINDS = frozenset({"ear99"})

REGIMES = ("CN", "US", "OWN")


@dataclass
class Rule:
    """One rule of ``rules.yaml`` (see the file header for the meaning of each field)."""

    id: str
    title: str
    regime: str
    outcome: str
    applies_to: dict = field(default_factory=dict)
    requires: dict = field(default_factory=dict)
    exempt: dict = field(default_factory=dict)
    effective_from: str | None = None
    effective_to: str | None = None
    suspensions: list[dict] = field(default_factory=list)
    citation: str | None = None
    url: str | None = None
    reason: str = ""
    reasons: dict = field(default_factory=dict)  # trigger kind -> reason, overriding ``reason``
    reason_zh: str = ""  # the reason in Chinese, same placeholders (English when missing)
    reasons_zh: dict = field(default_factory=dict)
    confidence: str | None = None
    notes: str | None = None
    by_measures: bool = False
    without_measures: str | None = None  # outcome of a listing with no measure in force
    outcome_by_scope: dict = field(default_factory=dict)
    programs: list[str] = field(default_factory=list)
    policy: str | None = None
    measure_keywords: dict = field(default_factory=dict)
    follows: str | None = None

    def reason_templates(self, trigger: str = "") -> dict[str, str]:
        """The reason for a trigger kind in each language: {"en": ..., "zh": ...}."""
        if trigger in self.reasons:
            return {"en": self.reasons[trigger], "zh": self.reasons_zh.get(trigger, "")}
        return {"en": self.reason, "zh": self.reason_zh}

    def events(self) -> list[StatusEvent]:
        """The rule's dates as a status history (listed / suspended / removed)."""
        return rule_events(self.effective_from, self.effective_to, self.suspensions)

    def status_at(self, on: date, horizon: str = "literal") -> StatusAt:
        """Active, suspended, not yet effective, expired or unknown on day ``on``."""
        return status_on(self.events(), on, horizon)


class ItemScopes:
    """The named item scopes of ``rules.yaml`` and the test "is this item in scope?"."""

    def __init__(self, spec: dict) -> None:
        self.spec = spec

    def names(self) -> list[str]:
        """All scope names."""
        return list(self.spec)

    def label(self, name: str) -> Msg:
        """A scope in words (``label`` / ``label_zh``), for reasons in either language."""
        s = self.spec.get(name) or {}
        en = s.get("label") or name.replace("_", " ")
        return Msg(f"scope.{name}", {"en": en, "zh": s.get("label_zh") or en})

    def _expanded(self, name: str, seen: tuple[str, ...] = ()) -> dict[str, set]:
        """A scope with its ``include``s merged in."""
        if name not in self.spec:
            raise Invalid(f"rules.yaml: unknown item scope {name!r}")
        if name in seen:
            raise Invalid(f"rules.yaml: item scope {name!r} includes itself")
        s = self.spec[name] or {}
        out = {"elements": set(s.get("elements", [])), "codes": {str(c).upper() for c in s.get("codes", [])},
               "kinds": set(s.get("kinds", [])), "any_code": {True} if s.get("any_code") else set()}
        for inc in s.get("include", []):
            for k, v in self._expanded(inc, (*seen, name)).items():
                out[k] |= v
        return out

    def matching(self, names: list[str] | str, info: ItemInfo | None) -> list[str]:
        """The scopes among ``names`` that the item falls in."""
        if info is None:
            return []
        names = [names] if isinstance(names, str) else list(names)
        hits = []
        for name in names:
            if set((self.spec[name] or {}).get("not_kinds", [])) & info.kinds:
                continue  # e.g. technology is not an Annex 1 goods item
            s = self._expanded(name)
            if (s["elements"] & info.elements or s["codes"] & info.codes or s["kinds"] & info.kinds
                    or (s["any_code"] and info.codes)):
                hits.append(name)
        return hits

    def match(self, names: list[str] | str, info: ItemInfo | None) -> bool | None:
        """True (in scope), False (recognised and outside it) or None (no item / not recognised)."""
        if info is None:
            return None
        if self.matching(names, info):
            return True
        if info.elements or info.codes or (info.kinds - NEUTRAL_KINDS):
            return False
        return None


class RuleBook:
    """All rules, their item scopes and settings, loaded from ``rules.yaml``."""

    def __init__(self, data: dict, source: str = "<dict>") -> None:
        self.source = source
        self.version = str(data.get("version", ""))
        self.settings: dict = dict(data.get("settings") or {})
        self.scopes = ItemScopes(dict(data.get("item_scopes") or {}))
        self.measure_outcomes: dict[str, str] = dict(data.get("measure_outcomes") or {})
        self.rules: list[Rule] = [_rule(r, source) for r in data.get("rules") or []]
        self.by_id: dict[str, Rule] = {}
        for rule in self.rules:
            if rule.id in self.by_id:
                raise Invalid(f"{source}: rule {rule.id} is defined twice")
            self.by_id[rule.id] = rule
        self._check()

    @classmethod
    def load(cls, path: str | Path | None = None) -> "RuleBook":
        """Read the rules file (default ``settings.RULES_FILE``, i.e. ``screening/rules/rules.yaml``)."""
        path = Path(path or settings.RULES_FILE)
        try:
            data = yamlfast.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise Invalid(f"rules file not found: {path}") from None
        except yaml.YAMLError as exc:
            raise Invalid(f"rules file {path} is not valid YAML: {exc}") from None
        if not isinstance(data, dict):
            raise Invalid(f"rules file {path} must hold a mapping with a 'rules' list")
        return cls(data, str(path))

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id (KeyError names it when missing)."""
        try:
            return self.by_id[rule_id]
        except KeyError:
            raise KeyError(f"no rule {rule_id!r} in {self.source}") from None

    def status_at(self, rule_id: str, on: date, horizon: str = "literal") -> str:
        """``active``, ``suspended``, ``not_yet_effective``, ``expired`` or ``unknown``."""
        return self.rule(rule_id).status_at(on, horizon).status

    @property
    def known_horizon(self) -> str:
        """The last date any source speaks for (2026-11-10)."""
        return str(self.settings.get("known_horizon", "2026-11-10"))

    @property
    def threshold(self) -> float:
        """The ownership threshold in percent (50)."""
        return float(self.settings.get("ownership_threshold", 50))

    def _check(self) -> None:
        """Refuse a rules file with mistakes a reviewer could make."""
        for rule in self.rules:
            where = f"{self.source}: rule {rule.id}"
            if rule.outcome not in OUTCOMES and rule.outcome not in DERIVED_OUTCOMES:
                raise Invalid(f"{where}: unknown outcome {rule.outcome!r}")
            if rule.regime not in REGIMES:
                raise Invalid(f"{where}: regime must be one of {REGIMES}")
            for key in rule.applies_to:
                if key not in TRIGGERS:
                    raise Invalid(f"{where}: unknown trigger {key!r} in applies_to")
            for key in rule.reasons:
                if key not in rule.applies_to:
                    raise Invalid(f"{where}: reasons names {key!r}, which is not one of its triggers")
            for key in rule.requires:
                if key not in REQUIREMENTS:
                    raise Invalid(f"{where}: unknown condition {key!r} in requires")
            extra = [rule.without_measures] if rule.without_measures else []
            for value in (*rule.outcome_by_scope.values(), *rule.measure_keywords.values(), *extra):
                if value not in OUTCOMES:
                    raise Invalid(f"{where}: unknown outcome {value!r}")
            scopes = list(rule.outcome_by_scope)
            if "items" in rule.requires:
                scopes.append(rule.requires["items"])
            item = rule.applies_to.get("item") or {}
            scopes.extend(_as_list(item.get("scope")))
            for name in scopes:
                self.scopes._expanded(name)
            if rule.follows and rule.follows not in {r.id for r in self.rules}:
                raise Invalid(f"{where}: follows unknown rule {rule.follows!r}")
        for value in self.measure_outcomes.values():
            if value not in OUTCOMES:
                raise Invalid(f"{self.source}: measure_outcomes: unknown outcome {value!r}")
        for rid in self.settings.get("foreign_item_rules", []):
            if rid not in self.by_id:
                raise Invalid(f"{self.source}: settings.foreign_item_rules names unknown rule {rid}")


def _as_list(value: object) -> list:
    """``None`` -> [], a scalar -> [scalar], a list -> itself."""
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _date_text(value: object, where: str) -> str | None:
    """A YAML date (or string) as ISO text; refuses anything that is not a date."""
    if value is None or value == "":
        return None
    try:
        parsed = to_date(value if isinstance(value, date) else str(value))
    except ValueError:
        raise Invalid(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None
    return parsed.isoformat() if parsed else None


def _rule(raw: dict, source: str) -> Rule:
    """One rule from its YAML mapping, with dates checked."""
    if not isinstance(raw, dict) or not raw.get("id"):
        raise Invalid(f"{source}: every rule needs an id")
    where = f"{source}: rule {raw['id']}"
    for key in ("title", "regime", "outcome"):
        if not raw.get(key):
            raise Invalid(f"{where}: missing {key}")
    suspensions = []
    for s in raw.get("suspensions") or []:
        if not s.get("from"):
            raise Invalid(f"{where}: a suspension needs 'from'")
        suspensions.append({**s, "from": _date_text(s["from"], where), "to": _date_text(s.get("to"), where),
                            "horizon": bool(s.get("horizon", False))})
    return Rule(
        id=str(raw["id"]), title=str(raw["title"]), regime=str(raw["regime"]),
        outcome=str(raw["outcome"]),
        applies_to=dict(raw.get("applies_to") or {}), requires=dict(raw.get("requires") or {}),
        exempt=dict(raw.get("exempt") or {}),
        effective_from=_date_text(raw.get("effective_from"), where),
        effective_to=_date_text(raw.get("effective_to"), where),
        suspensions=suspensions, citation=raw.get("citation"), url=raw.get("url"),
        reason=str(raw.get("reason") or ""), reasons=dict(raw.get("reasons") or {}),
        reason_zh=str(raw.get("reason_zh") or ""), reasons_zh=dict(raw.get("reasons_zh") or {}),
        confidence=raw.get("confidence"), notes=raw.get("notes"),
        by_measures=bool(raw.get("by_measures", False)),
        without_measures=raw.get("without_measures"),
        outcome_by_scope=dict(raw.get("outcome_by_scope") or {}),
        programs=[str(p) for p in raw.get("programs") or []], policy=raw.get("policy"),
        measure_keywords=dict(raw.get("measure_keywords") or {}), follows=raw.get("follows"),
    )
