"""Parse the project's own China lists (``lists/**/*.yaml``) into :class:`Entry` objects.

``lists/`` holds what the project maintains by hand, transcribed from MOFCOM
announcements: one YAML file per announcement (UEL, Control List, Watch List,
countermeasure orders) or per end-user category (military, advanced
semiconductors). ``lists/README.md`` is the format contract; this module
enforces it and only parses: it never writes to the store.

Every file declares ``expected_count``; a file whose entry count falls outside
it raises :class:`~screening.errors.CountOutOfBounds`. Every other problem
(malformed YAML, unknown list id or field, missing key, duplicate key, bad date,
unknown measure code) raises :class:`~screening.errors.ImportFailed` with a
one-line message that names the file, so a reviewer can fix it at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from screening import yamlfast
from screening.lists.catalog import LISTS
from screening.errors import CountOutOfBounds, ImportFailed
from screening.types import ENTRY_TYPES, POLICIES, STATUS_KINDS, Entry, Name, StatusEvent

#: How sure we are of a fact: the official text, a reliable compiled source,
#: a single secondary source, or an inference.
CONFIDENCE_LEVELS = ("official", "high", "medium", "low")

#: Category policies may also be outright bans (2024 No. 46 Art. 1, 2026 No. 1),
#: which are not licence review policies and so not in ``types.POLICIES``.
CATEGORY_POLICIES = ("PROHIBITED", *POLICIES)

#: Typed measure codes (lists/README.md explains each with its Chinese wording).
MEASURES: dict[str, str] = {
    "prohibit_import_export": "banned from China-related import and export",
    "prohibit_new_investment_in_china": "banned from new investment in China",
    "entry_ban_senior_managers": "senior managers barred from entering China",
    "revoke_work_residence_permits_senior_managers":
        "senior managers' work permits, stay and residence refused or revoked",
    "entry_ban": "the person is barred from entering China",
    "revoke_work_residence_permits": "the person's work permit, stay and residence revoked",
    "fine": "fined (UEL: twice the value of Taiwan arms-sale contracts)",
    "prohibit_domestic_transactions":
        "organisations and individuals in China may not transact or cooperate with the party",
    "prohibit_data_transfer": "no transfer of data or sensitive information to the party",
    "prohibit_export_gene_sequencers_to_china": "the party may not export gene sequencers to China",
    "prohibit_dual_use_export": "no export of Chinese dual-use items to the party",
    "prohibit_transfer_china_origin_dual_use":
        "overseas parties may not transfer or provide China-origin dual-use items to the party",
    "no_general_licence": "no general licence or registration-based export to the party",
    "individual_licence_required": "each export needs an individual licence",
    "end_use_commitment_required":
        "licence application needs a risk assessment and a no-military-use commitment",
}
#: The same measures as MOFCOM's announcements word them (rules texts in Chinese).
MEASURES_ZH: dict[str, str] = {
    "prohibit_import_export": "禁止其从事与中国有关的进出口活动",
    "prohibit_new_investment_in_china": "禁止其在中国境内新增投资",
    "entry_ban_senior_managers": "禁止其高级管理人员入境",
    "revoke_work_residence_permits_senior_managers": "不予批准并取消其高级管理人员在中国境内的工作许可、停留或居留资格",
    "entry_ban": "禁止该人员入境",
    "revoke_work_residence_permits": "取消该人员在中国境内的工作许可、停留或居留资格",
    "fine": "处以罚款（不可靠实体清单：对台军售合同金额的两倍）",
    "prohibit_domestic_transactions": "禁止国内组织、个人与其进行交易、合作等活动",
    "prohibit_data_transfer": "禁止向其提供数据及敏感信息",
    "prohibit_export_gene_sequencers_to_china": "禁止其向中国出口基因测序仪",
    "prohibit_dual_use_export": "禁止向其出口中国两用物项",
    "prohibit_transfer_china_origin_dual_use": "禁止境外组织和个人将原产于中国的两用物项转移或提供给其",
    "no_general_licence": "不予给予通用许可，不得以登记填报信息方式向其出口",
    "individual_licence_required": "每次出口均须申请单项许可",
    "end_use_commitment_required": "申请许可时须提交风险评估报告并承诺不用于军事用途",
}

#: Name kinds an ``aliases`` mapping may use (``types.NAME_KINDS`` minus primary).
ALIAS_KINDS = ("alias", "former", "acronym", "weak", "chinese")

#: Entry keys: lower-case slugs, stable across versions ("cn-uel:<key>").
KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: ISO 3166-1 alpha-2 codes.
COUNTRY_PATTERN = re.compile(r"^[A-Z]{2}$")

FILE_FIELDS = frozenset({
    "list", "announcement", "announcement_en", "date", "published", "url", "url_note",
    "expected_count", "measures", "reason", "confidence", "source", "note", "history",
    "category", "license_policy", "license_policy_text", "entries",
})
ENTRY_FIELDS = frozenset({
    "key", "type", "name_en", "name_zh", "aliases", "country", "reason", "measures",
    "history", "confidence", "source", "parent", "linked", "note", "date", "url",
    "url_note", "end_uses",
})
EVENT_FIELDS = frozenset({
    "date", "status", "until", "horizon", "citation", "url", "confidence", "note", "measures",
})
CATEGORY_FIELDS = frozenset({
    "covers", "closed_list", "criterion", "policies", "citation", "url", "url_note", "note",
})
POLICY_FIELDS = frozenset({
    "id", "policy", "countries", "exclude_countries", "items", "text_zh", "text_en",
    "effective_from", "history", "citation", "url", "url_note", "confidence", "note",
})


class _UniqueKeyLoader(yamlfast.SafeLoader):  # type: ignore[valid-type, misc]
    """A safe loader that rejects a mapping with the same key twice and leaves
    dates as text, so that :func:`_date` validates them with a clear message."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> str:
        return str(self.construct_scalar(node))

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate field {key!r}", key_node.start_mark)
            seen.add(key)
        mapping: dict = super().construct_mapping(node, deep=deep)
        return mapping


_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                 _UniqueKeyLoader.construct_yaml_timestamp)


def list_files(path: Path) -> list[Path]:
    """The list files under ``path`` (or ``[path]`` for a file), sorted.

    ``README.md`` and any ``rules*.yaml`` (rule tables, not lists) are skipped.
    """
    path = Path(path)
    if path.is_file():
        return [path]
    files = [*path.rglob("*.yaml"), *path.rglob("*.yml")]
    return sorted(p for p in files if not p.name.startswith("rules"))


def parse(path: Path) -> Iterator[Entry]:
    """Yield the entries of one list file, after validating the whole file.

    Raises:
        ImportFailed: the file is malformed or breaks the lists/README.md contract.
        CountOutOfBounds: its entry count is outside ``expected_count``.
    """
    yield from _load_file(Path(path), Path(path).name)


def parse_dir(path: Path) -> Iterator[Entry]:
    """Yield every entry of the ``lists/`` tree (or of a single file).

    Besides each file's own checks, keys must be unique within a list across
    files, and every ``parent`` / ``linked`` id must name an entry in the tree.
    """
    root = Path(path)
    if not root.exists():
        raise ImportFailed(f"{root}: no such file or folder")
    base = root if root.is_dir() else root.parent
    entries: list[Entry] = []
    origin: dict[str, Path] = {}
    for file in list_files(root):
        for entry in _load_file(file, file.relative_to(base).as_posix()):
            if entry.id in origin:
                raise ImportFailed(
                    f"{file}: duplicate key {entry.extra['key']!r} in list {entry.list_id}"
                    f" (also in {origin[entry.id]})", file=str(file))
            origin[entry.id] = file
            entries.append(entry)
    for entry in entries:
        refs = [entry.extra.get("parent"), *entry.extra.get("linked", [])]
        for ref in refs:
            if ref and ref not in origin:
                raise ImportFailed(f"{origin[entry.id]}: entry {entry.extra['key']!r} refers to"
                                   f" unknown entry {ref!r}", file=str(origin[entry.id]))
    yield from entries


def expected_counts(path: Path) -> dict[str, tuple[int, int]]:
    """Sum the declared ``expected_count`` bounds per list id across files."""
    totals: dict[str, tuple[int, int]] = {}
    for file in list_files(Path(path)):
        data = _read_yaml(file)
        list_id = _list_id(file, data)
        low, high = _bounds(file, data)
        old_low, old_high = totals.get(list_id, (0, 0))
        totals[list_id] = (old_low + low, old_high + high)
    return totals


# -- internals ---------------------------------------------------------------


def _fail(file: Path, message: str) -> ImportFailed:
    return ImportFailed(" ".join(f"{file}: {message}".split()), file=str(file))


def _read_yaml(file: Path) -> dict:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(file, f"cannot read list file ({exc})") from exc
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise _fail(file, f"{where}malformed YAML: {problem}") from exc
    if not isinstance(data, dict):
        raise _fail(file, "a list file must be a YAML mapping (list:, date:, entries: ...)")
    return data


def _list_id(file: Path, data: Mapping) -> str:
    list_id = data.get("list")
    info = LISTS.get(list_id) if isinstance(list_id, str) else None
    if not isinstance(list_id, str) or info is None or info.source != "project":
        raise _fail(file, f"unknown list id {list_id!r} (expected one of the project lists"
                          " in screening/lists/catalog.py)")
    return list_id


def _bounds(file: Path, data: Mapping) -> tuple[int, int]:
    spec = data.get("expected_count")
    if not isinstance(spec, dict) or set(spec) != {"min", "max"}:
        raise _fail(file, "expected_count must be {min: N, max: M}")
    low, high = spec["min"], spec["max"]
    if not (isinstance(low, int) and isinstance(high, int) and 0 <= low <= high):
        raise _fail(file, f"expected_count {{min: {low}, max: {high}}} is not a valid range")
    return low, high


def _date(file: Path, value: Any, what: str) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise _fail(file, f"{what}: bad date {value!r} (expected YYYY-MM-DD)")


def _text(file: Path, value: Any, what: str, required: bool = False) -> str | None:
    if value is None or value == "":
        if required:
            raise _fail(file, f"{what} is missing")
        return None
    if not isinstance(value, str):
        raise _fail(file, f"{what} must be text, not {type(value).__name__}")
    return " ".join(value.split())


def _unknown_fields(file: Path, data: Mapping, allowed: frozenset, what: str) -> None:
    extra = sorted(str(k) for k in set(data) - allowed)
    if extra:
        raise _fail(file, f"{what}: unknown field(s) {', '.join(extra)}")


def _confidence(file: Path, value: Any, what: str) -> str:
    if value not in CONFIDENCE_LEVELS:
        raise _fail(file, f"{what}: confidence {value!r} is not one of {', '.join(CONFIDENCE_LEVELS)}")
    return str(value)


def _measures(file: Path, value: Any, what: str) -> list[str]:
    if not isinstance(value, list):
        raise _fail(file, f"{what}: measures must be a list of codes")
    unknown = [m for m in value if m not in MEASURES]
    if unknown:
        raise _fail(file, f"{what}: unknown measure code(s) {unknown} (see lists/README.md)")
    return list(value)


def _countries(file: Path, value: Any, what: str) -> list[str]:
    if value is None:
        return []
    codes = [value] if isinstance(value, str) else value
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise _fail(file, f"{what}: country must be a code or a list of codes")
    for code in codes:
        if code != "*" and not COUNTRY_PATTERN.match(code):
            raise _fail(file, f"{what}: bad country code {code!r} (ISO 3166-1 alpha-2)")
    return list(codes)


def _event(file: Path, raw: Any, what: str) -> StatusEvent:
    if not isinstance(raw, dict):
        raise _fail(file, f"{what}: a history event must be a mapping")
    _unknown_fields(file, raw, EVENT_FIELDS, what)
    status = raw.get("status")
    if status not in STATUS_KINDS:
        raise _fail(file, f"{what}: status {status!r} is not one of {', '.join(STATUS_KINDS)}")
    date = _date(file, raw.get("date"), what)
    until = _date(file, raw["until"], what) if raw.get("until") is not None else None
    if until is not None and until < date:
        raise _fail(file, f"{what}: until {until} is before the event date {date}")
    horizon = raw.get("horizon", False)
    if not isinstance(horizon, bool):
        raise _fail(file, f"{what}: horizon must be true or false")
    if "measures" in raw and status != "amended":
        raise _fail(file, f"{what}: only an 'amended' event may set measures")
    return StatusEvent(
        date=date,
        status=status,
        citation=_text(file, raw.get("citation"), f"{what}: citation", required=True) or "",
        url=_text(file, raw.get("url"), f"{what}: url"),
        until=until,
        horizon=horizon,
        note=_text(file, raw.get("note"), f"{what}: note"),
        confidence=_confidence(file, raw.get("confidence"), what),
    )


def _history(file: Path, raw: Any, what: str) -> list[StatusEvent]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise _fail(file, f"{what}: history must be a list of events")
    return [_event(file, ev, f"{what} history[{i}]") for i, ev in enumerate(raw)]


def _measure_changes(file: Path, raw: Any, what: str) -> list[dict]:
    """The ``amended`` events that set the party's measures from their date on, oldest first.

    A listing notice may impose no measure (UEL 〔2025〕4号) and a later notice add
    one (〔2025〕6号) or stop it (the 2025-11-05 spokesperson answer): the measures in
    force on a day are those of the last such change, else the entry's ``measures``.
    """
    changes = []
    for i, ev in enumerate(raw if isinstance(raw, list) else []):
        if isinstance(ev, dict) and "measures" in ev:
            where = f"{what} history[{i}]"
            changes.append({"date": _date(file, ev.get("date"), where),
                            "measures": _measures(file, ev["measures"], where),
                            "citation": _text(file, ev.get("citation"), f"{where}: citation") or ""})
    return sorted(changes, key=lambda c: c["date"])


def _aliases(file: Path, raw: Any, what: str) -> list[Name]:
    """``aliases`` is a list of strings and/or ``{kind: [names]}`` mappings, or one
    ``{kind: [names]}`` mapping; kinds are ALIAS_KINDS."""
    if raw is None:
        return []
    items = [raw] if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise _fail(file, f"{what}: aliases must be a list or a mapping of kind -> names")
    names: list[Name] = []
    for item in items:
        if isinstance(item, str):
            names.append(Name(item, "alias"))
            continue
        if not isinstance(item, dict):
            raise _fail(file, f"{what}: bad alias {item!r}")
        for kind, values in item.items():
            if kind not in ALIAS_KINDS:
                raise _fail(file, f"{what}: alias kind {kind!r} is not one of {', '.join(ALIAS_KINDS)}")
            values = [values] if isinstance(values, str) else values
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise _fail(file, f"{what}: {kind} names must be text")
            names.extend(Name(v, kind) for v in values)
    return names


def _names(file: Path, raw: Mapping, what: str) -> list[Name]:
    name_en = _text(file, raw.get("name_en"), f"{what}: name_en")
    name_zh = _text(file, raw.get("name_zh"), f"{what}: name_zh")
    if not name_en and not name_zh:
        raise _fail(file, f"{what}: needs name_en or name_zh")
    names: list[Name] = []
    if name_en:
        names.append(Name(name_en, "primary", lang="en"))
        if name_zh:
            names.append(Name(name_zh, "chinese", lang="zh"))
    else:
        names.append(Name(name_zh or "", "primary", lang="zh"))
    seen = {n.value.casefold() for n in names}
    for alias in _aliases(file, raw.get("aliases"), what):
        if alias.value and alias.value.casefold() not in seen:
            seen.add(alias.value.casefold())
            names.append(alias)
    return names


def _plain(value: Any) -> Any:
    """Dates to ISO strings, recursively, so ``extra`` round-trips through JSON."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _category(file: Path, raw: Any) -> dict:
    """Validate a category block; return it as plain JSON-able data."""
    if not isinstance(raw, dict):
        raise _fail(file, "category must be a mapping")
    _unknown_fields(file, raw, CATEGORY_FIELDS, "category")
    for field in ("covers", "citation"):
        _text(file, raw.get(field), f"category: {field}", required=True)
    if raw.get("closed_list") is not False:
        raise _fail(file, "category: closed_list must be false (these categories are open in law)")
    criterion = raw.get("criterion")
    if not isinstance(criterion, dict) or not criterion:
        raise _fail(file, "category: criterion must map end_user / end_use to lists of codes")
    policies = raw.get("policies")
    if not isinstance(policies, list) or not policies:
        raise _fail(file, "category: policies must be a non-empty list")
    out: dict = _plain(raw)
    for i, pol in enumerate(policies):
        what = f"category policies[{i}]"
        if not isinstance(pol, dict):
            raise _fail(file, f"{what}: must be a mapping")
        _unknown_fields(file, pol, POLICY_FIELDS, what)
        _text(file, pol.get("id"), f"{what}: id", required=True)
        _text(file, pol.get("citation"), f"{what}: citation", required=True)
        if pol.get("policy") not in CATEGORY_POLICIES:
            raise _fail(file, f"{what}: policy {pol.get('policy')!r} is not one of"
                              f" {', '.join(CATEGORY_POLICIES)}")
        if not _countries(file, pol.get("countries"), what):
            raise _fail(file, f"{what}: countries is missing (use ['*'] for any country)")
        _countries(file, pol.get("exclude_countries"), what)
        _date(file, pol.get("effective_from"), f"{what}: effective_from")
        _confidence(file, pol.get("confidence"), what)
        history = _history(file, pol.get("history"), what)
        out["policies"][i]["history"] = [vars(ev) for ev in history]
    return out


def _load_file(file: Path, label: str) -> list[Entry]:
    """Validate one list file and build its entries."""
    data = _read_yaml(file)
    _unknown_fields(file, data, FILE_FIELDS, "file")
    list_id = _list_id(file, data)
    low, high = _bounds(file, data)
    announcement = _text(file, data.get("announcement"), "announcement", required=True)
    date = _date(file, data.get("date"), "date")
    published = _date(file, data["published"], "published") if data.get("published") else None
    url = _text(file, data.get("url"), "url")
    url_note = _text(file, data.get("url_note"), "url_note")
    confidence = data.get("confidence")
    if confidence is not None:
        _confidence(file, confidence, "file")
    measures = _measures(file, data.get("measures", []), "file")
    history = _history(file, data.get("history"), "file")
    if _measure_changes(file, data.get("history"), "file"):
        raise _fail(file, "file history: measures may change per entry only")
    category = _category(file, data["category"]) if "category" in data else None
    policy = data.get("license_policy")
    if policy is not None and policy not in POLICIES:
        raise _fail(file, f"license_policy {policy!r} is not one of {', '.join(POLICIES)}")
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list):
        raise _fail(file, "entries must be a list")
    if not low <= len(raw_entries) <= high:
        raise CountOutOfBounds(
            f"{file}: {len(raw_entries)} entries, expected between {low} and {high}"
            " (expected_count); fix the file or its bounds", file=str(file))
    defaults = {
        "announcement": announcement, "date": date, "published": published, "url": url,
        "url_note": url_note, "confidence": confidence, "measures": measures, "history": history,
        "category": category, "policy": policy, "label": label, "data": data,
    }
    keys: set[str] = set()
    entries = []
    for i, raw in enumerate(raw_entries):
        entry = _entry(file, list_id, raw, i, defaults)
        if entry.extra["key"] in keys:
            raise _fail(file, f"duplicate key {entry.extra['key']!r} in list {list_id}")
        keys.add(entry.extra["key"])
        entries.append(entry)
    return entries


def _entry(file: Path, list_id: str, raw: Any, index: int, d: dict) -> Entry:
    """Build one Entry from its YAML mapping and the file-level defaults ``d``."""
    if not isinstance(raw, dict):
        raise _fail(file, f"entries[{index}] must be a mapping")
    key = raw.get("key")
    what = f"entry {key!r}" if key else f"entries[{index}]"
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        raise _fail(file, f"{what}: key is missing or not a lower-case slug (a-z, 0-9, -)")
    _unknown_fields(file, raw, ENTRY_FIELDS, what)
    etype = raw.get("type")
    if etype not in ENTRY_TYPES:
        raise _fail(file, f"{what}: type {etype!r} is not one of {', '.join(ENTRY_TYPES)}")
    data = d["data"]
    confidence = raw.get("confidence", d["confidence"])
    _confidence(file, confidence, what)
    listed_on = _date(file, raw["date"], what) if "date" in raw else d["date"]
    url = _text(file, raw.get("url"), f"{what}: url") or d["url"]
    url_note = _text(file, raw.get("url_note"), f"{what}: url_note") or d["url_note"]
    measures = _measures(file, raw["measures"], what) if "measures" in raw else list(d["measures"])
    listed = StatusEvent(date=listed_on, status="listed", citation=d["announcement"], url=url,
                         confidence=confidence)
    events = [listed, *d["history"], *_history(file, raw.get("history"), what)]
    events.sort(key=lambda ev: (ev.date, ev.status != "listed"))
    linked = raw.get("linked", [])
    if not isinstance(linked, list) or not all(isinstance(x, str) for x in linked):
        raise _fail(file, f"{what}: linked must be a list of entry ids")
    parent = _text(file, raw.get("parent"), f"{what}: parent")
    end_uses = raw.get("end_uses", [])
    if not isinstance(end_uses, list):
        raise _fail(file, f"{what}: end_uses must be a list of codes")
    notes = [n for n in (_text(file, data.get("note"), "note"),
                         _text(file, raw.get("note"), f"{what}: note")) if n]
    extra: dict[str, Any] = {
        "key": key,
        "reason": _text(file, raw.get("reason", data.get("reason")), f"{what}: reason"),
        "confidence": confidence,
        "source": _text(file, raw.get("source", data.get("source")), f"{what}: source"),
        "announcement_en": _text(file, data.get("announcement_en"), "announcement_en"),
        "file": d["label"],
    }
    optional = {"published": d["published"], "url_note": url_note, "parent": parent,
                "linked": list(linked), "end_uses": list(end_uses), "category": d["category"],
                "measure_changes": _measure_changes(file, raw.get("history"), what)}
    extra.update({k: v for k, v in optional.items() if v})
    return Entry(
        id=f"{list_id}:{key}",
        list_id=list_id,
        type=etype,
        names=_names(file, raw, what),
        countries=[c for c in _countries(file, raw.get("country"), what) if c != "*"],
        citation=d["announcement"],
        listed_on=listed_on,
        source_url=url,
        license_policy=d["policy"],
        license_policy_text=_text(file, data.get("license_policy_text"), "license_policy_text"),
        measures=measures,
        status_history=events,
        remarks=" ".join(notes) or None,
        extra=extra,
    )
