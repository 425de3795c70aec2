"""Findings and the determination: the outcome lattice of rules.md §8.2.

A *finding* is one rule applied to one fact (a list hit, an ownership path, an
item, an end use) on one day: its outcome, the reason in one sentence, the
citation, the dates, and the assumption it rests on. The *determination* is all
findings plus the most severe outcome among them. China and US findings are both
reported; nothing is dropped because a more severe finding exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from screening.texts import Msg, render, table

#: The outcome lattice, most severe first (rules.md §8.2).
OUTCOMES = (
    "PROHIBITED",  # legal ban, no ordinary licence route
    "PRESUMPTION_OF_DENIAL",  # licence required and in principle denied (incl. policy of denial)
    "CASE_BY_CASE",  # licence required, individual review
    "LICENSE_REQUIRED",  # controlled item, normal review
    "REVIEW",  # possible match or unresolved risk: a person decides
    "CLEAR",  # nothing applies (or informational only)
)

#: §7.1 policies mapped into the lattice: "policy of denial" is reported as
#: PRESUMPTION_OF_DENIAL, with the finding saying "policy of denial".
POLICY_OUTCOME = {
    "POLICY_OF_DENIAL": "PRESUMPTION_OF_DENIAL",
    "PRESUMPTION_OF_DENIAL": "PRESUMPTION_OF_DENIAL",
    "CASE_BY_CASE": "CASE_BY_CASE",
    "LICENSE_REQUIRED": "LICENSE_REQUIRED",
}

#: Plain words for each outcome, for reasons.
OUTCOME_WORDS = {
    "PROHIBITED": "prohibited",
    "PRESUMPTION_OF_DENIAL": "a licence would be required and presumptively denied",
    "CASE_BY_CASE": "a licence would be required and reviewed case by case",
    "LICENSE_REQUIRED": "a licence would be required",
    "REVIEW": "a review item",
    "CLEAR": "clear",
}
OUTCOME_WORDS_ZH = {
    "PROHIBITED": "禁止",
    "PRESUMPTION_OF_DENIAL": "需要许可证，且原则上不予许可",
    "CASE_BY_CASE": "需要许可证，且逐案审查",
    "LICENSE_REQUIRED": "需要许可证",
    "REVIEW": "需复核事项",
    "CLEAR": "无限制",
}
#: The outcome codes stay codes in English; Chinese text names them in words.
OUTCOME_CODES_ZH = {
    "PROHIBITED": "禁止（PROHIBITED）",
    "PRESUMPTION_OF_DENIAL": "推定拒绝（PRESUMPTION_OF_DENIAL）",
    "CASE_BY_CASE": "逐案审查（CASE_BY_CASE）",
    "LICENSE_REQUIRED": "需要许可证（LICENSE_REQUIRED）",
    "REVIEW": "需复核（REVIEW）",
    "CLEAR": "通过（CLEAR）",
}
outcome_words = table("outcome_words", OUTCOME_WORDS, OUTCOME_WORDS_ZH)
outcome_code = table("outcome", {o: o for o in OUTCOMES}, OUTCOME_CODES_ZH)


def severity(outcome: str) -> int:
    """Lower is more severe: ``severity("PROHIBITED") == 0``."""
    return OUTCOMES.index(outcome)


def most_severe(outcomes: list[str]) -> str:
    """The most severe outcome of several; CLEAR when there are none."""
    return min(outcomes, key=severity) if outcomes else "CLEAR"


@dataclass
class Finding:
    """One rule applied to one fact, with everything needed to check it."""

    rule: str
    outcome: str
    regime: str  # CN | US | OWN
    reason: str
    citation: str | None = None
    effective_from: str | None = None
    effective_to: str | None = None
    status: str = "active"  # active | suspended | unknown | not_yet_effective | expired | removed | not_applicable
    assumption: str | None = None  # the assumption the finding rests on (horizon, missing facts)
    entry_id: str | None = None
    list_id: str | None = None
    would_be: str | None = None  # the outcome if the match / the measure were confirmed in force
    depends_on: list[str] = field(default_factory=list)
    path: list[dict] = field(default_factory=list)  # ownership path, listed owner first
    policy_text: str | None = None
    partial: bool = False  # item-dependent (mixed) US licence policy
    nexus_unknown: bool = False  # US nexus (EAR / US person) not given
    url: str | None = None
    title: str | None = None  # the rule's title
    basis: str = "list"  # list | possible_match | ownership | affiliate_name | transaction
    party: str | None = None  # the listed party's name
    until: str | None = None  # last day of a suspension
    status_citation: str | None = None  # the notice that set the current status
    past_horizon: bool = False  # the status rests on the after-horizon assumption
    confidence: str | None = None
    policy: str | None = None  # the §7.1 policy (POLICY_OF_DENIAL ...) for US EL findings
    paths: list[list[dict]] = field(default_factory=list)  # all ownership paths, when several
    listed_on: str | None = None  # the day the listing took effect
    fdp_footnote: str | None = None  # US foreign-direct-product footnote: foreign-made items too
    notes: list[str] = field(default_factory=list)
    score: float | None = None  # match strength of the hit the finding rests on
    exact: bool = False  # the hit's listed name is the query's name (case and punctuation aside)
    text: Msg | None = field(default=None, compare=False, repr=False)  # the reason, bilingual
    assumption_text: list = field(default_factory=list, compare=False, repr=False)

    @property
    def informational(self) -> bool:
        """True when the finding does not raise the outcome (reported for transparency)."""
        return self.outcome == "CLEAR"

    def to_dict(self) -> dict:
        """A plain dict for JSON (empty optional fields omitted)."""
        out: dict = {
            "rule": self.rule, "outcome": self.outcome, "regime": self.regime,
            "reason": self.reason, "citation": self.citation,
            "effective_from": self.effective_from, "effective_to": self.effective_to,
            "status": self.status, "assumption": self.assumption,
            "entry_id": self.entry_id, "list_id": self.list_id, "would_be": self.would_be,
            "depends_on": list(self.depends_on), "path": [dict(p) for p in self.path],
            "policy_text": self.policy_text, "partial": self.partial,
            "nexus_unknown": self.nexus_unknown, "url": self.url,
        }
        for key in ("title", "basis", "party", "until", "status_citation", "confidence", "policy",
                    "listed_on", "fdp_footnote"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.fdp_footnote:
            out["us_fdp_applies"] = True
        if self.paths:
            out["paths"] = [[dict(s) for s in p] for p in self.paths]
        if self.notes:
            out["notes"] = list(self.notes)
        if self.past_horizon:
            out["past_horizon"] = True
        if self.score is not None:
            out["score"] = round(self.score, 4)
        if self.exact:
            out["exact"] = True
        if self.text is not None:  # the same sentences in Chinese (reason stays English)
            out["reason_key"] = self.text.key
            out["reason_zh"] = self.text.render("zh")
        if self.assumption_text:
            out["assumption_zh"] = render(self.assumption_text, "zh")
        return out


@dataclass
class Determination:
    """The answer for one party (and transaction) on one day."""

    outcome: str
    findings: list[Finding]
    as_of: date
    assumption: str  # literal | extended | flag
    depends_on: list[str] = field(default_factory=list)
    context: dict | None = None
    #: China origin was assumed: the outcome for a non-China-origin item, and the rules dropped.
    if_not_china_origin: dict | None = None

    @property
    def review_required(self) -> bool:
        """True when any finding asks for a human decision, even under a graver outcome."""
        return any(f.outcome == "REVIEW" for f in self.findings)

    def to_dict(self) -> dict:
        """The result dict the CLI, API and UI render."""
        return {
            "outcome": self.outcome,
            "as_of": self.as_of.isoformat(),
            "assumption": self.assumption,
            "depends_on": list(self.depends_on),
            "findings": [f.to_dict() for f in self.findings],
            "hard_stop": self.outcome == "PROHIBITED",  # §8.2 four-category mapping
            "licence_required": self.outcome in OUTCOMES[:4],
            "review_required": self.review_required,
            **({"if_not_china_origin": self.if_not_china_origin} if self.if_not_china_origin else {}),
        }


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Findings that bind first, the exact name match among them first (Huawei's own
    entry before "Huawei Tech Investment"); then most severe, then strongest match;
    CN before US and rule id keep the order stable. Informational findings come last."""
    return sorted(findings, key=lambda f: (
        f.outcome == "CLEAR", not f.exact, severity(f.outcome), -(f.score or 0.0), f.regime,
        f.rule, f.entry_id or ""))
