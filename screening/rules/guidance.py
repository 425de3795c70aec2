"""What a result means and what to do next, in words a compliance officer checks.

From the determination's findings (plain dicts) this builds, once per result:

* ``summary``: one line for the outcome (a code for translation, and the text);
* ``next_steps``: per outcome, which authority and route (MOFCOM licence, BIS
  licence, OFAC specific licence) and what to resolve first;
* ``regimes``: the findings grouped by regime and by listed party, each regime
  with a one-line summary; every finding is in a group (by its index);
* ``notes``: the assumptions the answer rests on (after-horizon reading, China
  origin assumed) and anything cut.

It decides nothing: the outcomes are the rules' (:mod:`screening.rules.determination`). The CLI
text, the JSON, the HTML page and the bulk CSV render these same words. A result
without findings costs a few dictionary look-ups (bulk throughput).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from screening.rules.findings import outcome_code, outcome_words, severity
from screening.rules.us_policy import policy_words
from screening.texts import Join, Msg, msg, render, table, templates

#: Last date any source speaks for, and the day the sources were last checked (rules.md).
HORIZON = "2026-11-10"
CHECKED = "2026-12-05"

#: The group of findings about the transaction rather than a listed party.
TRANSACTION = "the transaction"

REGIME_TITLES = {"CN": "China", "US": "United States", "OWN": "Your company's lists"}
REGIME_TITLES_ZH = {"CN": "中国", "US": "美国", "OWN": "本公司自有名单"}
regime_title = table("regime", REGIME_TITLES, REGIME_TITLES_ZH)

#: US rules whose licence route is BIS (the EAR) or the State Department; other US rules: OFAC.
BIS_RULES = frozenset({"US-EL", "US-MEU", "US-744-8", "US-AFFIL", "US-TGL7", "US-DPL", "US-UVL"})
STATE_RULES = frozenset({"US-ISN", "US-DTC"})

#: Plain words for the facts a result may depend on.
FACT_WORDS = {
    "item": "the item", "item_origin": "the item's origin", "cn_origin_share":
    "its China-origin rare-earth share", "made_with_cn_technology":
    "whether it was made with Chinese rare-earth technology", "subject_to_ear":
    "whether it is subject to the EAR", "us_person": "whether a US person is involved",
    "end_use": "the end use", "end_user_military": "whether the end user is military",
    "chinese_person_services": "whether Chinese persons provide rare-earth services",
    "destination": "the destination country", "country": "the party's country",
    "ownership": "who owns the party",
    "ownership_percent": "the listed owners' share",
}
FACT_WORDS_ZH = {
    "item": "物项", "item_origin": "物项原产地", "cn_origin_share": "其中国原产稀土的价值占比",
    "made_with_cn_technology": "是否使用中国稀土技术生产", "subject_to_ear": "是否受美国《出口管理条例》（EAR）管辖",
    "us_person": "是否涉及美国人", "end_use": "最终用途", "end_user_military": "最终用户是否为军事用户",
    "chinese_person_services": "是否由中国人员提供稀土相关服务",
    "destination": "目的国", "country": "当事方所在国家或地区", "ownership": "当事方的股东",
    "ownership_percent": "列名股东的持股比例",
}
fact_words = table("fact", FACT_WORDS, FACT_WORDS_ZH)

SUMMARIES = {
    "prohibited": "Do not proceed: a legal ban applies, with no ordinary licence route.",
    "presumption_of_denial": "A licence is required and in principle denied.",
    "case_by_case": "A licence is required; it is reviewed case by case.",
    "license_required_party": "A licence is required because the party is listed; no licence "
                              "exception applies unless its entry says so.",
    "license_required_item_review": "The item needs a licence, and other findings need a "
                                    "person's review.",
    "license_required_item": "The item needs a licence; no listed party or restricted end use "
                             "was found.",
    "review": "A person must decide: a possible match or an unresolved risk.",
    "clear": "No restriction found on the lists and rules in force.",
}
SUMMARIES_ZH = {
    "prohibited": "不得进行：存在法律禁止，且无常规许可途径。",
    "presumption_of_denial": "需要许可证，且原则上不予许可。",
    "case_by_case": "需要许可证，逐案审查。",
    "license_required_party": "因当事方被列入名单而需要许可证；除其条目另有规定外，不适用许可例外。",
    "license_required_item_review": "该物项需要许可证，其他结论须人工复核。",
    "license_required_item": "该物项需要许可证；未发现被列名的当事方或受限的最终用途。",
    "review": "须人工决定：存在可能匹配或尚未排除的风险。",
    "clear": "根据现行名单和规则，未发现限制。",
}
summary_text = table("summary", SUMMARIES, SUMMARIES_ZH)

#: Names joined: "A, B and C" / "A、B和C".
_COMMA = {"en": ", ", "zh": "、"}


#: Guidance of results without findings (most bulk rows), by what it depends on.
_PLAIN: dict[tuple, dict] = {}


def guidance(result: dict) -> dict:
    """``summary``, ``next_steps``, ``regimes`` and ``notes`` for one result dict (English),
    with the same texts in Chinese beside them (``text_zh``, ``next_steps_zh``, ...).

    A result without findings depends only on its outcome, what it depends on, the
    day's side of the horizon and the hit cap: its guidance is built once per such key.
    """
    if not result.get("findings") and not result.get("if_not_china_origin"):
        key = (result.get("outcome"), tuple(result.get("depends_on") or ()),
               str(result.get("as_of") or "") > HORIZON, result.get("after_horizon"),
               bool(result.get("hits_truncated")) and len(result.get("hits") or []))
        got = _PLAIN.get(key)
        if got is None:
            if len(_PLAIN) > 256:
                _PLAIN.clear()
            got = _PLAIN[key] = _guidance(result)
        return {k: (dict(v) if isinstance(v, dict) else list(v)) for k, v in got.items()}
    return _guidance(result)


def _guidance(result: dict) -> dict:
    findings = result.get("findings") or []
    binding = [f for f in findings if f.get("outcome") != "CLEAR"]
    code = summary_code(result.get("outcome") or "CLEAR", binding)
    steps = next_steps(binding, result.get("depends_on") or [])
    said = notes(result)
    return {
        "summary": {"code": code, "text": SUMMARIES[code], "text_zh": SUMMARIES_ZH[code]},
        "next_steps": [render(s) for s in steps],
        "next_steps_zh": [render(s, "zh") for s in steps],
        "regimes": regimes(findings) if findings else [],
        "notes": [render(n) for n in said],
        "notes_zh": [render(n, "zh") for n in said],
    }


def summary_code(outcome: str, binding: list[dict]) -> str:
    """The summary for the outcome; LICENSE_REQUIRED says whether a listed party causes it."""
    if outcome != "LICENSE_REQUIRED":
        return outcome.lower()
    if any(f["outcome"] == "LICENSE_REQUIRED" and f.get("basis") != "transaction" for f in binding):
        return "license_required_party"
    if any(f["outcome"] == "REVIEW" for f in binding):
        return "license_required_item_review"
    return "license_required_item"


# ----------------------------------------------------------------- next steps

def next_steps(binding: list[dict], depends_on: list[str]) -> list[Msg]:
    """One or two sentences per route and outcome, most severe first; parties named once."""
    steps: dict[str, tuple[str, dict, list[str]]] = {}
    for f in sorted(binding, key=lambda f: severity(f["outcome"])):
        key, params = review_step(f) if f["outcome"] == "REVIEW" else route_step(f)
        same = Msg(key, None, **params, party="\0").render()  # one step per sentence, whoever it names
        parties = steps.setdefault(same, (key, params, []))[2]
        party = f.get("party")
        if party and party not in parties:
            parties.append(party)
    out = [Msg(key, None, **params, party=_names(parties)) if "{party}" in templates(key)["en"]
           else Msg(key, None, **params) for key, params, parties in steps.values()]
    missing = [fact_words(d) if d in FACT_WORDS else d.replace("_", " ") for d in depends_on]
    if missing:
        out.append(msg("step.give_facts", facts=_and(missing)))
    return out


def route_step(f: dict) -> tuple[str, dict]:
    """The authority and route for a licence or ban finding: template key and parameters."""
    rule, outcome = f["rule"], f["outcome"]
    if f.get("regime") == "OWN":
        return "step.own_list", {}
    if f.get("regime") == "CN":
        if outcome == "PROHIBITED":
            return "step.cn_prohibited", {"rule": rule}
        return "step.cn_licence", {"rule": rule, "policy": _policy(f)}
    if rule in BIS_RULES:
        if rule == "US-DPL":
            return "step.us_dpl", {}
        if rule in ("US-EL", "US-AFFIL"):
            return "step.us_bis_entity", {"rule": rule, "policy": _policy(f)}
        return "step.us_bis", {"rule": rule, "policy": _policy(f)}
    if rule in STATE_RULES:
        return "step.us_state", {"rule": rule}
    if outcome == "PROHIBITED":
        return "step.us_ofac_prohibited", {"rule": rule}
    return "step.us_ofac", {"rule": rule}


def review_step(f: dict) -> tuple[str, dict]:
    """What to resolve for a REVIEW finding: template key and parameters."""
    rule, status, basis = f["rule"], f.get("status"), f.get("basis")
    if status == "suspended":
        would = outcome_code(f["would_be"]) if f.get("would_be") else outcome_words("REVIEW")
        if f.get("until"):
            return "step.suspended_until", {"rule": rule, "until": f["until"], "would": would}
        return "step.suspended", {"rule": rule, "would": would}
    if status == "unknown":
        return "step.unverified", {"rule": rule, "until": f.get("until") or HORIZON}
    if basis == "possible_match":
        return "step.possible_match", {}
    if "ownership_percent" in (f.get("depends_on") or []):
        return "step.owners_share", {}
    if basis == "affiliate_name":
        return "step.who_owns", {}
    if basis == "ownership":
        return "step.minority_owners", {}
    if rule == "US-EL-REPORTED":
        return "step.reported", {"rule": rule}
    return "step.officer_decides", {"rule": rule}


def _policy(f: dict) -> Msg:
    """The review to expect, in words (a US entry without a stated policy says so)."""
    if f.get("policy") == "POLICY_OF_DENIAL":
        return msg("expect.policy_of_denial")
    if f.get("partial"):
        return msg("expect.mixed")
    if f.get("rule") in ("US-EL", "US-AFFIL") and not f.get("policy"):
        return msg("expect.no_policy", assumed=policy_words(f["outcome"]))
    if f["outcome"] in ("PRESUMPTION_OF_DENIAL", "CASE_BY_CASE", "LICENSE_REQUIRED"):
        return msg("expect." + f["outcome"].lower())
    return msg("expect.see_finding")


# ------------------------------------------------------------------- grouping

def regimes(findings: list[dict]) -> list[dict]:
    """Findings grouped by regime, then listed party; most severe group first."""
    groups: dict[str, dict[str, list[int]]] = {}
    for i, f in enumerate(findings):
        party = f.get("party") or TRANSACTION
        groups.setdefault(f.get("regime") or "", {}).setdefault(party, []).append(i)
    out: list[dict[str, Any]] = []
    for regime, parties in groups.items():
        idx = [i for ids in parties.values() for i in ids]
        rows: list[dict[str, Any]] = [{"party": party, "outcome": _worst(findings[i] for i in ids),
                 "entry_ids": list(dict.fromkeys(findings[i]["entry_id"] for i in ids
                                                 if findings[i].get("entry_id"))),
                 "findings": ids} for party, ids in parties.items()]
        for row in rows:
            if row["party"] == TRANSACTION:
                row["party_zh"] = msg("word.the_transaction").render("zh")
        rows.sort(key=lambda r: (severity(r["outcome"]), r["findings"][0]))
        line = regime_line(regime, [findings[i] for i in idx], len(parties))
        title = regime_title(regime)
        out.append({"regime": regime, "title": render(title), "title_zh": render(title, "zh"),
                    "outcome": _worst(findings[i] for i in idx), "findings": len(idx),
                    "summary": line.render(), "summary_zh": line.render("zh"),
                    "parties": rows})
    out.sort(key=lambda g: (severity(g["outcome"]), g["regime"]))
    return out


def regime_line(regime: str, findings: list[dict], parties: int) -> Msg:
    """One line per regime: its outcome, what binds, what is only informational."""
    binding = [f for f in findings if f.get("outcome") != "CLEAR"]
    title = regime_title(regime)
    if not binding:
        return msg("regime.clear", title=title, n=len(findings))
    rules = ", ".join(dict.fromkeys(f["rule"] for f in binding))
    info = len(findings) - len(binding)
    return msg("regime.binding", title=title, worst=outcome_code(_worst(binding)), n=len(binding),
               rules=rules, parties=msg("regime.one_party" if parties == 1 else "regime.parties",
                                        n=parties),
               tail=msg("regime.informational", n=info) if info else msg("regime.end"))


def _worst(findings: Iterable[dict]) -> str:
    return min((f.get("outcome") or "CLEAR" for f in findings), key=severity, default="CLEAR")


# ---------------------------------------------------------------------- notes

def notes(result: dict) -> list[Msg]:
    """The assumptions the result rests on, in words."""
    out = []
    as_of, horizon = str(result.get("as_of") or ""), result.get("after_horizon") or "literal"
    if as_of > HORIZON:
        reading = horizon if horizon in ("literal", "extended", "flag") else "literal"
        out.append(msg("note.after_horizon", horizon=HORIZON, checked=CHECKED,
                       reading=msg(f"note.horizon_{reading}")))
    other = result.get("if_not_china_origin")
    if other:
        outcome = outcome_code(other["outcome"])
        out.append(msg("note.origin_assumed_dropped", outcome=outcome,
                       rules=", ".join(other["rules_dropped"]))
                   if other.get("rules_dropped") else msg("note.origin_assumed_result", outcome=outcome))
    if result.get("hits_truncated"):
        out.append(msg("note.hits_truncated", n=len(result.get("hits") or [])))
    return out


def _names(parties: list[str]) -> Msg | str:
    if not parties:
        return msg("default.party")
    if len(parties) > 3:
        return msg("names.more", names=Join(parties[:3], _COMMA), n=len(parties) - 3)
    return _and(parties)


def _and(words: list[str]) -> Msg | str:
    """"A, B and C" in either language."""
    if len(words) == 1:
        return words[0]
    return msg("names.and", head=Join(words[:-1], _COMMA), last=words[-1])

