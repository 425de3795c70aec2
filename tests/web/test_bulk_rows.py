"""The bulk job page's table of non-CLEAR rows (issue 16 item 6), on the real screener."""

from __future__ import annotations

import html as htmllib
import io
import re

import pytest

from screening import settings
from tests.web.conftest import login
from tests.web.test_ui import upload

ROWS = ("客户名称,国家,别名\n"
        "洛克希德·马丁公司,US,\n"
        "Acme Bakery GmbH,DE,\n"
        "Skydio Inc.,US,Skydio\n"
        "=Skydio Inc.,US,\n"
        "MP Materials Corp.,US,\n")


@pytest.fixture(scope="module")
def rita(rita_module):
    return rita_module


@pytest.fixture(scope="module")
def job_id(rita, real_app):
    """One job for the module's tests (a bulk run takes seconds)."""
    job_id = upload(rita, "客户.csv", ROWS.encode("utf-8"), as_of="2026-11-22")
    job = real_app.extensions["screening"].jobs.wait(job_id)
    assert job.status == "done", job.message
    return job_id


def table_rows(page: str) -> list[str]:
    return re.findall(r'<tr class="row" data-outcome="[^"]*">.*?</tr>', page, re.S)


def test_non_clear_rows_are_listed_and_linked(rita, job_id):
    page = rita.get(f"/bulk/{job_id}").get_data(as_text=True)
    rows = table_rows(page)
    assert len(rows) == 4  # every row but the CLEAR bakery
    assert "Acme Bakery" not in "".join(rows)
    first = rows[0]
    assert ">2<" in first and "洛克希德·马丁公司" in first and 'data-outcome="PROHIBITED"' in first
    assert "/entries/" in first and "%" in first  # the top hit and its score
    assert "/reviews?q=%E6%B4%9B" in first  # the review queue, by the row's name
    # the row's link is its result page: same name, same day as the job
    href = htmllib.unescape(re.search(r'href="(/result\?q=[^"]+)"', first).group(1))
    result = rita.get(href)
    assert result.status_code == 200
    text = result.get_data(as_text=True)
    assert "洛克希德·马丁公司" in text and "2026-11-22" in text and 'data-outcome="PROHIBITED"' in text


def test_a_neutralised_formula_cell_links_to_the_name_as_read(rita, job_id):
    rows = table_rows(rita.get(f"/bulk/{job_id}").get_data(as_text=True))
    formula = [r for r in rows if ">=Skydio Inc.<" in r]
    assert formula and "&#39;=Skydio" not in formula[0]
    href = htmllib.unescape(re.search(r'href="(/result\?q=[^"]+)"', formula[0]).group(1))
    assert "=Skydio Inc." in rita.get(href + "&format=json").json["query"]["name"]


def test_filter_by_outcome_and_text(rita, job_id):
    page = rita.get(f"/bulk/{job_id}?outcome=PROHIBITED").get_data(as_text=True)
    rows = table_rows(page)
    assert rows and all('data-outcome="PROHIBITED"' in r for r in rows)
    rows = table_rows(rita.get(f"/bulk/{job_id}?text=mp+materials").get_data(as_text=True))
    assert len(rows) == 1 and "MP Materials" in rows[0]
    page = rita.get(f"/bulk/{job_id}?text=nothing-like-this").get_data(as_text=True)
    assert 'id="no-rows"' in page


def test_pages(rita, job_id, monkeypatch):
    monkeypatch.setattr(settings, "BULK_ROWS_PAGE", 3)
    first = rita.get(f"/bulk/{job_id}").get_data(as_text=True)
    assert len(table_rows(first)) == 3 and 'id="next-page"' in first
    second = rita.get(f"/bulk/{job_id}?page=2").get_data(as_text=True)
    assert len(table_rows(second)) == 1 and 'id="prev-page"' in second
    assert 'id="next-page"' not in second
    assert set(table_rows(first)).isdisjoint(table_rows(second))


def test_xlsx_job_rows(rita, real_app):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Company Name", "Country"])
    wb.active.append(["Skydio", "US"])
    wb.active.append(["Acme Bakery GmbH", "DE"])
    buf = io.BytesIO()
    wb.save(buf)
    job_id = upload(rita, "客户.xlsx", buf.getvalue(), as_of="2026-11-22")
    assert real_app.extensions["screening"].jobs.wait(job_id).status == "done"
    rows = table_rows(rita.get(f"/bulk/{job_id}").get_data(as_text=True))
    assert len(rows) == 1 and ">Skydio<" in rows[0] and ">2<" in rows[0]
