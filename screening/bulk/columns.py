"""Which input column holds what: automatic mapping from common headers.

CRM and ERP exports name their columns in English or Chinese ("Customer Name",
"客户名称", "公司名称", "Country/Region", "国家"). A header is normalised
(case, spaces, punctuation) and compared with the aliases below, in order of
preference, so a file with both "Company" and "Customer Name" uses "Customer
Name" for the party. ``--name-col`` and friends override the guess by header
text or by 1-based column number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..errors import BadInput

#: The fields a row can feed into ``Screener.check``, in output-report order.
FIELDS = ("name", "country", "address", "aliases", "item", "end_use", "destination", "item_origin",
          "cn_share", "cn_technology", "subject_to_ear", "us_person", "as_of", "owners")

#: Transaction-context fields (rules.md §8.1) and the key ``TransactionContext.from_dict`` takes.
CONTEXT_FIELDS = {
    "item": "item",
    "end_use": "end_use",
    "destination": "destination",
    "item_origin": "item_origin",
    "cn_share": "cn_origin_share",
    "cn_technology": "made_with_cn_technology",
    "subject_to_ear": "subject_to_ear",
    "us_person": "us_person",
}

#: Header aliases per field, most preferred first. Compared after :func:`normalise_header`.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "name", "customer name", "company name", "party name", "entity name", "legal name",
        "full name", "full_name", "account name", "organisation name", "organization name",
        "counterparty", "counterparty name", "consignee", "end user", "customer", "company",
        "party", "entity", "organisation", "organization", "supplier name", "vendor name",
        "客户名称", "公司名称", "企业名称", "单位名称", "名称", "客户", "公司", "企业",
        "收货人", "最终用户", "供应商名称", "姓名",
    ),
    "country": (
        "country", "country code", "countrycode", "country/region", "country region",
        "nationality", "nation", "国家", "国家/地区", "国家地区", "国别", "国家代码", "国籍",
    ),
    "address": (
        "address", "addr", "street address", "full address", "billing address",
        "地址", "公司地址", "注册地址", "详细地址",
    ),
    "aliases": (
        "aliases", "alias", "aka", "other names", "alternative names", "alt names",
        "also known as", "former names", "english name", "chinese name",
        "别名", "曾用名", "其他名称", "英文名称", "英文名", "中文名称",
    ),
    "item": (
        "item", "product", "goods", "control code", "eccn", "item classification",
        "物项", "产品", "商品", "货物", "管制编码", "物项编码",
    ),
    "end_use": ("end use", "end-use", "enduse", "最终用途", "用途"),
    "destination": (
        "destination", "destination country", "country of destination", "ship to country",
        "ship-to country", "dest country", "目的国", "目的地", "目的国家", "目的国家/地区", "目的地国家",
    ),
    "item_origin": (  # not a bare "origin": CRM files use it for the lead's source
        "item origin", "country of origin", "origin country", "goods origin", "item_origin",
        "原产地", "原产国", "货物原产地",
    ),
    "cn_share": (
        "cn share", "china share", "china origin share", "cn origin share",
        "china-origin share", "cn_origin_share", "中国原产占比", "中国成分占比", "中国原产比例",
    ),
    "cn_technology": (
        "cn technology", "made with cn technology", "china technology", "中国技术",
    ),
    "subject_to_ear": ("subject to ear", "subject_to_ear", "us nexus"),
    "us_person": ("us person", "u.s. person", "美国人"),
    "as_of": ("as of", "as_of", "as of date", "screening date", "筛查日期"),
    "owners": ("owners", "owner", "shareholders", "owned by", "股东", "所有者"),
}

#: Separators between several aliases in one cell (commas are part of company names).
ALIAS_SPLIT = re.compile(r"\s*[;|；、\n]\s*")

_PUNCT = re.compile(r"[\s_\-./:：（）()\[\]]+")


def normalise_header(text: object) -> str:
    """Casefold, drop spaces/underscores/punctuation: ``"Customer_Name "`` -> ``"customername"``."""
    return _PUNCT.sub("", str(text or "").strip().casefold())


@dataclass
class ColumnMap:
    """Field name -> 0-based column index, for the fields the file has."""

    headers: list[str]
    index: dict[str, int] = field(default_factory=dict)

    def describe(self) -> dict[str, str]:
        """``{field: header}`` for the summary and the resume check."""
        return {f: self.headers[i] for f, i in self.index.items()}


def _resolve_override(headers: Sequence[str], spec: str, field_name: str) -> int:
    """A header text (exact, then normalised) or a 1-based column number."""
    for i, h in enumerate(headers):
        if h == spec:
            return i
    wanted = normalise_header(spec)
    for i, h in enumerate(headers):
        if normalise_header(h) == wanted:
            return i
    if spec.isdigit() and 1 <= int(spec) <= len(headers):
        return int(spec) - 1
    raise BadInput(f"--{field_name.replace('_', '-')}-col {spec!r}: no such column "
                   f"(columns: {shown_columns(headers)})")


def map_columns(headers: Sequence[object], overrides: Mapping[str, str | None] | None = None
                ) -> ColumnMap:
    """Map each field to a column by override, else by the first matching header alias.

    Raises :class:`BadInput` when no column can hold the party's name.
    """
    names = [str(h) if h is not None else "" for h in headers]
    normalised = [normalise_header(h) for h in names]
    overrides = {k: v for k, v in (overrides or {}).items() if v}
    unknown = set(overrides) - set(FIELDS)
    if unknown:
        raise BadInput(f"unknown column field(s): {', '.join(sorted(unknown))}")
    cmap = ColumnMap(names)
    used: set[int] = set()
    for f, spec in overrides.items():
        cmap.index[f] = _resolve_override(names, spec, f)
        used.add(cmap.index[f])
    for f in FIELDS:
        if f in cmap.index:
            continue
        for alias in HEADER_ALIASES[f]:
            key = normalise_header(alias)
            hit = next((i for i, h in enumerate(normalised) if h == key and i not in used), None)
            if hit is not None:
                cmap.index[f] = hit
                used.add(hit)
                break
    if "name" not in cmap.index:
        raise BadInput("no column with the party's name; found columns: "
                       f"{shown_columns(names, quote=True)}. Use --name-col COLUMN")
    return cmap


#: Headers named in an error message; a hostile file may have 200,000 of them.
SHOWN_COLUMNS = 30


def shown_columns(headers: Sequence[str], *, quote: bool = False) -> str:
    """The first headers, for a message: ``a, b, ... (200,000 columns)``."""
    shown = [repr(h[:80]) if quote else h[:80] for h in headers[:SHOWN_COLUMNS]]
    more = f", ... ({len(headers):,} columns)" if len(headers) > SHOWN_COLUMNS else ""
    return ", ".join(shown) + more
