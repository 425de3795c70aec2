"""The screening request, declared once: party, transaction context, owners, day, assumption.

Every door derives its inputs from :class:`ScreeningRequest`: the API validates
JSON with it (:func:`from_json`), the OpenAPI document publishes its JSON Schema,
the CLI builds the options of ``check`` and ``screen`` from its fields
(:mod:`screening.cli_options`), the web form lists :func:`form_fields`, and bulk
files map their columns with the header aliases held in each field's
:class:`Door` metadata (:func:`column_aliases`). A field added here appears
everywhere (``tests/test_request_model.py`` proves it field by field).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, StrictStr, ValidationError,
                      ValidationInfo, field_validator, model_validator)
from pydantic.json_schema import models_json_schema

from screening.rules.context import END_USES, FIELD_PARSERS, _field_name
from screening.rules.dates import HORIZONS, check_horizon, parse_date
from screening.errors import BadInput, Invalid
from screening.text import why_bad

#: Longest list of aliases or owners accepted for one party.
MAX_LIST = 50
#: Longest name, alias, owner name or address accepted (characters).
MAX_TEXT = 1000
#: Longest country accepted (an ISO code or a country name).
MAX_COUNTRY = 100
#: YYYY-MM-DD with a real-looking month and day (the parser also checks the calendar).
DATE_PATTERN = (r"^([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
                r"-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")


@dataclass(frozen=True)
class Door:
    """How a field is offered outside the API: CLI option, form input, bulk headers.

    ``cli``: the option / column stem (``cn-share`` gives ``--cn-share`` and
    ``--cn-share-col``); ``kind``: ``text``, ``tristate`` (yes / no / unknown),
    ``choice``, ``list`` (repeatable / one per line), ``owners``, ``date``, ``json``;
    ``headers``: English and Chinese column headers, most preferred first;
    ``per_row``: a bulk file may carry it in a column (else a per-run option only).
    """

    cli: str
    kind: str = "text"
    help: str = ""
    headers: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    per_row: bool = True
    negative: str | None = None  # the "off" flag of a tristate option
    placeholder: str = ""  # an example, shown in an empty form input


def _f(default: Any = ..., *, door: Door, extra: dict | None = None, **kw: Any) -> Any:
    """A pydantic ``Field`` carrying its :class:`Door` (dropped from the published schema)."""
    schema_extra: Any = {**(extra or {}), "door": door}  # the door is dropped before publishing
    return Field(default, json_schema_extra=schema_extra, **kw)


def _storable(value: Any, info: ValidationInfo | _Info) -> Any:
    """Text that can be stored and encoded (no lone surrogate, NUL, non-character)."""
    if isinstance(value, str):
        reason = why_bad(value)
        if reason:
            raise Invalid(f"{info.field_name} {reason}; remove it and send the request again",
                          field=info.field_name)
    return value


Text = Annotated[StrictStr, Field(max_length=MAX_TEXT), AfterValidator(_storable)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Owner(_Model):
    """A known owner of the party (rules.md §4: the 50% rules)."""

    name: Text
    percent: float | None = None
    country: Annotated[StrictStr | None, AfterValidator(_storable)] = None


def _bool_or_word(cli: str, help: str, headers: tuple[str, ...], negative: str) -> Any:
    return _f(None, extra={"type": ["boolean", "string", "null"]},
                 description=help, door=Door(cli, "tristate", help, headers, negative=negative))


class Context(_Model):
    """Transaction context (rules.md §8.1). Keys may be spelled ``end-use`` / ``endUse``;
    values are read tolerantly (``"0.5%"``, ``"yes"``, ``"Japan"``); unknown keys are 422."""

    model_config = ConfigDict(extra="forbid", strict=False)

    item: str | None = _f(
        None, description="China control code (1C904), element (Tb), 'rare-earth magnet', "
        "'sputtering target', 'technology', an ECCN", examples=["Tb", "1C904"],
        door=Door("item", help="Item: China control code (1C904), element (Tb), 'rare-earth "
                  "magnet', 'sputtering target', 'technology', an ECCN.", headers=(
                      "item", "product", "goods", "control code", "eccn", "item classification",
                      "物项", "产品", "商品", "货物", "管制编码", "物项编码")))
    cn_origin_share: float | str | None = _f(
        None, description="China-origin rare-earth share of the item's value (0.005 or '0.5%')",
        examples=["0.5%", 0.005],
        door=Door("cn-share", help="China-origin rare-earth share of the item's value "
                  "(0.005 or 0.5%).", headers=(
                      "cn share", "china share", "china origin share", "cn origin share",
                      "china-origin share", "cn_origin_share", "中国原产占比", "中国成分占比",
                      "中国原产比例")))
    made_with_cn_technology: bool | str | None = _bool_or_word(
        "cn-technology", "Made with Chinese rare-earth technology.",
        ("cn technology", "made with cn technology", "china technology", "中国技术"),
        "no-cn-technology")
    subject_to_ear: bool | str | None = _bool_or_word(
        "subject-to-ear", "Whether the item is subject to the EAR (US nexus).",
        ("subject to ear", "subject_to_ear", "us nexus"), "not-subject-to-ear")
    us_person: bool | str | None = _bool_or_word(
        "us-person", "A US person is involved.", ("us person", "u.s. person", "美国人"),
        "no-us-person")
    end_use: str | None = _f(
        None, description="one of " + ", ".join(END_USES) + " (or a common spelling)",
        examples=["military", "memory_ge_256_layers"],
        door=Door("end-use", "choice", "End use: " + ", ".join(END_USES) + ".",
                  ("end use", "end-use", "enduse", "最终用途", "用途"), END_USES))
    end_user_military: bool | str | None = _bool_or_word(
        "end-user-military", "The end user is a military end user.",
        ("end user military", "military end user", "军事最终用户"), "no-end-user-military")
    chinese_person_services: bool | str | None = _bool_or_word(
        "chinese-person-services", "Chinese persons provide services (MOFCOM No. 62).",
        ("chinese person services", "中国人员服务"), "no-chinese-person-services")
    item_origin: str | None = _f(
        None, description="where the item originates: CN, or a country such as JP / 'foreign'",
        door=Door("item-origin", help="Where the item originates (CN, or a country such as JP / "
                  "'foreign'); China origin is assumed, and said, when not given.", headers=(
                      "item origin", "country of origin", "origin country", "goods origin",
                      "item_origin", "原产地", "原产国", "货物原产地")))
    destination: str | None = _f(
        None, examples=["US", "Japan"],
        description="country the goods go to (ISO code or name); 2024 No. 46 Art. 2 "
                    "(Ga/Ge/Sb/superhard to the US) and 2026 No. 1 (Japan) turn on it",
        door=Door("destination", help="Country the goods go to (ISO code or name, e.g. US): "
                  "2024 No. 46 Art. 2 and 2026 No. 1 turn on it.", headers=(
                      "destination", "destination country", "country of destination",
                      "ship to country", "ship-to country", "dest country", "目的国", "目的地",
                      "目的国家", "目的国家/地区", "目的地国家")))

    @model_validator(mode="before")
    @classmethod
    def _read(cls, data: Any) -> Any:
        """Normalise key spellings and read each value with the context's own parser."""
        if not isinstance(data, dict):
            return data  # a type error (400)
        out: dict[str, Any] = {}
        for key, value in data.items():
            name = _field_name(str(key))
            if name is None:
                raise Invalid(f"unknown transaction field {key!r}; known fields: "
                              f"{', '.join(sorted(FIELD_PARSERS))}")
            if isinstance(value, str):
                _storable(value, _Info(name))
            out[name] = FIELD_PARSERS[name](value)
        return out


class MatchConfig(_Model):
    """Matcher overrides for one call (the fitted weights and thresholds otherwise)."""

    weights: dict[str, float] | None = Field(
        None, description="feature name: weight, overriding the fitted table for this call")
    match_threshold: float | None = Field(None, ge=0, le=1)
    review_threshold: float | None = Field(None, ge=0, le=1)


class ScreeningRequest(_Model):
    """One party screened on one day, optionally with its transaction and owners."""

    name: Annotated[StrictStr, Field(min_length=1, max_length=MAX_TEXT,
                                     examples=["成都海光集成电路设计有限公司"]),
                    AfterValidator(_storable)] = _f(
        door=Door("name", help="The party's name.", placeholder="成都海光集成电路设计有限公司 / Skydio Inc.", headers=(
            "name", "customer name", "company name", "party name", "entity name", "legal name",
            "full name", "full_name", "account name", "organisation name", "organization name",
            "counterparty", "counterparty name", "consignee", "end user", "customer", "company",
            "party", "entity", "organisation", "organization", "supplier name", "vendor name",
            "客户名称", "公司名称", "企业名称", "单位名称", "名称", "客户", "公司", "企业",
            "收货人", "最终用户", "供应商名称", "姓名")))
    country: Annotated[StrictStr | None, Field(max_length=MAX_COUNTRY),
                       AfterValidator(_storable)] = _f(
        None, description="ISO 3166-1 alpha-2 or a name (evidence, not a filter)",
        door=Door("country", help="Country of the party: ISO code or name (evidence, not a "
                  "filter).", placeholder="CN", headers=(
                      "country", "country code", "countrycode", "country/region",
                      "country region", "nationality", "nation", "国家", "国家/地区", "国家地区",
                      "国别", "国家代码", "国籍")))
    aliases: list[Text] | None = _f(
        None, max_length=MAX_LIST,
        door=Door("alias", "list", "Another name of the party (repeatable; in a column, "
                  "separated by ; or |).", headers=(
                      "aliases", "alias", "aka", "other names", "alternative names", "alt names",
                      "also known as", "former names", "english name", "chinese name",
                      "别名", "曾用名", "其他名称", "英文名称", "英文名", "中文名称")))
    address: Text | None = _f(
        None, door=Door("address", help="The party's address.", headers=(
            "address", "addr", "street address", "full address", "billing address",
            "地址", "公司地址", "注册地址", "详细地址")))
    schema_: Annotated[StrictStr | None, Field(max_length=100), AfterValidator(_storable)] = _f(
        None, alias="schema", description="FollowTheMoney schema of the party (Company, Person...)",
        door=Door("schema", help="Kind of party: Company, Person, Organization, Vessel... "
                  "(FollowTheMoney schema).", headers=("schema", "ftm schema", "entity schema")))
    as_of: StrictStr | None = _f(
        None, description="screen as of this day (default today)",
        extra={"format": "date", "pattern": DATE_PATTERN},
        door=Door("as-of", "date", "Screen as of this date (YYYY-MM-DD; default today).",
                  ("as of", "as_of", "as of date", "screening date", "筛查日期")))
    after_horizon: StrictStr | None = _f(
        None, extra={"enum": [*HORIZONS, None]},
        description="what a suspension past its horizon means (rules.md §8.4); "
                    "default $SCREENING_AFTER_HORIZON or literal",
        door=Door("after-horizon", "choice", "What to assume after a suspension's horizon "
                  "(rules.md §8.4; default $SCREENING_AFTER_HORIZON or literal).",
                  choices=HORIZONS, per_row=False))
    context: Context | None = None
    owners: list[Owner] | None = _f(
        None, max_length=MAX_LIST,
        door=Door("owner", "owners", "A known owner as NAME=PERCENT (PERCENT may be 'unknown'); "
                  "repeatable (in a column, separated by ;).",
                  ("owners", "owner", "shareholders", "owned by", "股东", "所有者")))
    config: MatchConfig | None = _f(
        None, door=Door("config", "json", "Matcher overrides as JSON: "
                        '{"weights": {...}, "match_threshold": ..., "review_threshold": ...}.',
                        per_row=False))

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not value.strip():
            raise Invalid("name is required", field="name")
        return value

    @field_validator("as_of", "after_horizon")
    @classmethod
    def _day_and_assumption(cls, value: str | None, info: ValidationInfo) -> str | None:
        """The one date parser and the one horizon validator (:mod:`screening.rules.dates`)."""
        if value is None:
            return None
        if not value.strip():
            raise Invalid(f"{info.field_name} is empty; send a value or null",
                          field=info.field_name)
        if info.field_name == "as_of":
            return parse_date(value, field="as_of").isoformat()
        return check_horizon(value)


@dataclass(frozen=True)
class _Info:
    """Stands in for pydantic's ValidationInfo where a field is read by hand."""

    field_name: str


#: Leaf fields of a request: (path, Door) with path "name" or "context.item".
def doors() -> list[tuple[str, Door]]:
    """Every request field that reaches a door, with its metadata, in declaration order."""
    out = []
    for name, info in ScreeningRequest.model_fields.items():
        key = info.alias or name
        if name == "context":
            out += [(f"context.{k}", _door(i)) for k, i in Context.model_fields.items()]
        else:
            out.append((key, _door(info)))
    return out


def _door(info: Any) -> Door:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    door = extra.get("door")
    assert isinstance(door, Door), f"request field without Door metadata: {info}"
    return door


@dataclass(frozen=True)
class FormField:
    """One input of the Screen form: its name (the field's own), where it goes, how it looks."""

    name: str
    path: str  # "country", "context.item"
    door: Door

    @property
    def in_context(self) -> bool:
        return self.path.startswith("context.")


def form_fields() -> list[FormField]:
    """The Screen form's inputs, one per request field, in declaration order."""
    return [FormField(path.rsplit(".", 1)[-1], path, door) for path, door in doors()]


def column_key(path: str, door: Door) -> str:
    """The bulk column key of a field: its name, or a context field's short name
    (``context.cn_origin_share`` -> ``cn_share``, as in ``--cn-share-col``)."""
    return door.cli.replace("-", "_") if path.startswith("context.") else path


def column_aliases() -> dict[str, tuple[str, ...]]:
    """Bulk column key -> header aliases (English and Chinese, most preferred first)."""
    return {column_key(p, d): d.headers for p, d in doors() if d.per_row}


def context_columns() -> dict[str, str]:
    """Bulk column key of each context field -> the field (``cn_share`` -> ``cn_origin_share``)."""
    return {column_key(p, d): p.split(".", 1)[1] for p, d in doors() if p.startswith("context.")}


def from_json(data: Any, where: str = "body") -> dict:
    """Validate a party object (API / form); returns the fields given, checked and normalised.

    Wrong JSON types are 400 (malformed); anything else unusable is 422 naming the field.
    """
    if not isinstance(data, dict):
        raise BadInput(f"{where} must be a JSON object")
    try:
        req = ScreeningRequest.model_validate(data)
    except ValidationError as exc:
        raise _error(exc, where) from None
    except Invalid as exc:  # raised by a field's own parser: already says what is wrong
        field = exc.detail.get("field")
        path = f"{where}.{field}" if field else where
        raise Invalid(f"{path}: {exc.message}", field=path) from None
    return _given(req)


def _given(req: ScreeningRequest) -> dict:
    """The request as a plain dict of the fields given (JSON-able: the UI carries it in a token).

    A context given with only empty facts stays (an empty context), as before.
    """
    out = req.model_dump(by_alias=True, exclude_unset=True)
    if req.context is not None and req.context.model_fields_set:
        out["context"] = req.context.model_dump(exclude_none=True)
    else:
        out.pop("context", None)
    return {k: v for k, v in out.items() if k == "context" or v not in (None, "", [], {})}


def _same_field(name: str) -> Any:
    """A field of :class:`ScreeningRequest`, reused as is (its door, checks and docs)."""
    return ScreeningRequest.model_fields[name]


class BatchRequest(_Model):
    """Up to 1,000 parties; ``as_of``, ``after_horizon``, ``context`` and ``config`` shared."""

    parties: list[ScreeningRequest] = Field(min_length=1, max_length=1000)
    as_of: StrictStr | None = _same_field("as_of")
    after_horizon: StrictStr | None = _same_field("after_horizon")
    context: Context | None = None
    config: MatchConfig | None = None


#: Fields a batch shares with each of its parties.
BATCH_SHARED = tuple(k for k in BatchRequest.model_fields if k != "parties")


def _error(exc: ValidationError, where: str) -> Exception:
    """The first pydantic error as 400 (a wrong type) or 422 (anything else), naming the field."""
    err = exc.errors(include_url=False)[0]
    path = where + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"])
    kind = err["type"]
    if kind == "extra_forbidden":
        known = ", ".join(info.alias or k for k, info in ScreeningRequest.model_fields.items())
        return Invalid(f"{where}: unknown field(s) {path.rsplit('.', 1)[-1]}; known: {known}",
                       field=path)
    if kind.endswith("_type") or kind in ("model_attributes_type", "dict_type", "list_type"):
        return BadInput(f"{path} has the wrong type: {err['msg']}")
    if kind == "string_unicode" and isinstance(err.get("input"), str):
        reason = why_bad(err["input"]) or "is not valid Unicode"
        return Invalid(f"{path} {reason}; remove it and send the request again", field=path)
    limit = (err.get("ctx") or {}).get("max_length")
    if kind == "string_too_long" and limit is not None:
        return Invalid(f"{path} is {len(err['input']):,} characters long; at most {limit:,}",
                       field=path)
    if kind == "too_long" and limit is not None:
        return Invalid(f"{path}: at most {limit} items", field=path)
    if kind == "missing":
        return Invalid(f"{path} is required", field=path)
    return Invalid(f"{path}: {err['msg']}", field=path)


def json_schemas() -> dict[str, dict]:
    """The request's JSON Schemas for the OpenAPI document: ``Party``, ``BatchRequest``,
    ``Context``, ``Owner``, ``MatchConfig``, generated from the models."""
    _, top = models_json_schema([(ScreeningRequest, "validation"), (BatchRequest, "validation")],
                                ref_template="#/components/schemas/{model}", by_alias=True)
    text = json.dumps(top["$defs"], default=_no_door).replace(
        '"#/components/schemas/ScreeningRequest"', '"#/components/schemas/Party"')
    out: dict[str, dict] = json.loads(text)
    out["Party"] = out.pop("ScreeningRequest")
    for s in out.values():
        _drop_doors(s)
    return out


def _no_door(value: Any) -> Any:
    if isinstance(value, Door):
        return None
    raise TypeError(type(value).__name__)


def _drop_doors(schema: Any) -> None:
    """Remove the ``door`` metadata (not JSON Schema) from a generated schema, in place."""
    if isinstance(schema, dict):
        schema.pop("door", None)
        for v in schema.values():
            _drop_doors(v)
    elif isinstance(schema, list):
        for v in schema:
            _drop_doors(v)


__all__ = ["BATCH_SHARED", "BatchRequest", "Context", "Door", "MatchConfig", "Owner", "ScreeningRequest", "column_aliases",
           "column_key", "context_columns", "doors", "FormField", "form_fields", "from_json", "json_schemas", "MAX_LIST", "MAX_TEXT",
           "MAX_COUNTRY", "DATE_PATTERN"]
