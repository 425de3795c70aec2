"""Automatic column mapping from English and Chinese headers."""

from __future__ import annotations

import pytest

from screening.bulk.columns import map_columns, normalise_header
from screening.errors import BadInput


def test_normalise_header():
    assert normalise_header(" Customer_Name ") == "customername"
    assert normalise_header("Country/Region") == "countryregion"
    assert normalise_header("国家（地区）") == "国家地区"


@pytest.mark.parametrize("headers, expected", [
    (["客户名称", "国家", "地址"], {"name": "客户名称", "country": "国家", "address": "地址"}),
    (["公司名称", "国家/地区", "别名"], {"name": "公司名称", "country": "国家/地区", "aliases": "别名"}),
    (["Customer", "Country", "Address", "Aliases"],
     {"name": "Customer", "country": "Country", "address": "Address", "aliases": "Aliases"}),
    (["ID", "Company Name", "Country Code", "Item", "End Use", "CN Share"],
     {"name": "Company Name", "country": "Country Code", "item": "Item", "end_use": "End Use",
      "cn_share": "CN Share"}),
    (["full_name", "nationality"], {"name": "full_name", "country": "nationality"}),
    # "Customer Name" is preferred to "Company" for the party; "Company" is left alone.
    (["Company", "Customer Name"], {"name": "Customer Name"}),
    (["客户编号", "客户名称", "英文名称", "物项", "最终用途", "中国原产占比"],
     {"name": "客户名称", "aliases": "英文名称", "item": "物项", "end_use": "最终用途",
      "cn_share": "中国原产占比"}),
])
def test_headers_are_mapped(headers, expected):
    assert map_columns(headers).describe() == expected


def test_overrides_by_header_or_number():
    headers = ["Kunde", "Land", "Name of rep"]
    assert map_columns(headers, {"name": "Kunde", "country": "2"}).describe() == {
        "name": "Kunde", "country": "Land"}
    # An override takes its column away from the automatic guess.
    assert map_columns(["name", "customer"], {"name": "customer"}).describe() == {
        "name": "customer"}


def test_missing_name_column_says_what_to_do():
    with pytest.raises(BadInput, match="--name-col"):
        map_columns(["Kunde", "Land"])
    with pytest.raises(BadInput, match="no such column"):
        map_columns(["Kunde"], {"name": "Customer"})


def test_a_column_number_is_in_ascii_digits():
    """"²" is a digit to str.isdigit and int() refuses it: a clear error, not a ValueError."""
    with pytest.raises(BadInput, match="no such column"):
        map_columns(["Kunde", "Land"], {"name": "\u00b2"})
