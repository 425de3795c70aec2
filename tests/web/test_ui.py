"""The UI on the real screener: screen, result, review decisions, entry, lists, bulk, language."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import urlsplit

import pytest
from openpyxl import Workbook, load_workbook

from tests.web.conftest import csrf_of, login


def screen(client, **form):
    """Post the Screen form; returns (result page HTML, result URL)."""
    token = csrf_of(client.get("/screen").get_data(as_text=True))
    resp = client.post("/screen", data={"csrf_token": token, **form})
    assert resp.status_code == 303, resp.get_data(as_text=True)
    url = resp.headers["Location"]
    page = client.get(url)
    assert page.status_code == 200
    return page.get_data(as_text=True), url


@pytest.fixture
def rita(real_app):
    client = real_app.test_client()
    login(client, "rita")
    return client


def test_screen_chinese_name_shows_prohibited_finding(rita):
    html, _ = screen(rita, name="洛克希德·马丁公司", as_of="2026-11-22")
    assert 'data-outcome="PROHIBITED"' in html
    assert "CN-UEL" in html
    assert "不可靠实体清单" in html  # the citation, as the source gives it
    assert "literal" in html  # the date assumption is shown


def test_result_json_is_the_api_dict(rita):
    _, url = screen(rita, name="Skydio Inc.", as_of="2026-11-22", after_horizon="flag")
    data = rita.get(url + "&format=json").json
    assert data["after_horizon"] == "flag"
    assert data["query"]["name"] == "Skydio Inc."


def test_screen_form_errors_are_shown(rita):
    token = csrf_of(rita.get("/screen").get_data(as_text=True))
    resp = rita.post("/screen", data={"csrf_token": token, "name": "  "})
    assert resp.status_code == 422
    assert "name is required" in resp.get_data(as_text=True)


def test_bad_date_is_422_page(rita):
    token = csrf_of(rita.get("/screen").get_data(as_text=True))
    resp = rita.post("/screen", data={"csrf_token": token, "name": "Skydio Inc.",
                                      "as_of": "2026-02-30"})
    assert resp.status_code == 422 and "not a real date" in resp.get_data(as_text=True)


def test_screen_with_context_and_owners(rita):
    html, _ = screen(rita, name="Acme Magnets GmbH", country="DE", as_of="2026-11-22",
                     item="Tb", cn_origin_share="0.5%", end_use="civil",
                     owners="Lockheed Martin=60")
    assert "Acme Magnets GmbH" in html
    assert "item=" in html  # the context is echoed


def test_screen_form_has_destination(rita):
    assert 'name="destination"' in rita.get("/screen").get_data(as_text=True)
    html, _ = screen(rita, name="Acme Optics Inc.", as_of="2026-12-05", item="gallium",
                     destination="US")
    assert 'data-outcome="PRESUMPTION_OF_DENIAL"' in html
    assert "CN-46-A2" in html and "destination=US" in html


def test_screen_form_has_item_origin(rita):
    # rules.md §8.1 takes the item's origin as an input; §8.2 LICENCE-REQUIRED is for "China-origin No. 18
    # items": Australian Tb to an unlisted buyer is CLEAR, and the form must be able to say so.
    assert 'name="item_origin"' in rita.get("/screen").get_data(as_text=True)
    html, _ = screen(rita, name="Nordlicht Magnetics GmbH", as_of="2026-06-01", item="Tb", item_origin="AU")
    assert 'data-outcome="CLEAR"' in html


def test_result_page_groups_findings_and_says_what_to_do(rita):
    # Issue 12: findings grouped by regime and party (collapsible), next steps, horizon note.
    html, _ = screen(rita, name="Skydio Inc.", as_of="2026-12-05")
    assert '<details class="regime" id="regime-CN" open>' in html
    assert 'class="party"' in html and 'id="next-steps"' in html
    assert "no ordinary MOFCOM licence route" in html
    assert "not confirmed by any source" in html
    assert "China origin was assumed" in html
    assert "no adverse finding" not in html and "LICENCE REQUIRED" not in html


def test_result_token_is_bound_to_its_user(real_app, rita):
    _, url = screen(rita, name="Skydio Inc.")
    other = real_app.test_client()
    login(other, "sam")
    assert other.get(url).status_code == 400
    assert rita.get("/result?q=forged").status_code == 400


def test_false_positive_is_remembered_then_cleared(rita, real_app):
    html, url = screen(rita, name="General Atomics Aeronautical Systems", country="FR",
                       as_of="2026-11-22")
    entries = re.findall(r'name="entry_id" value="([^"]+)"', html)
    assert entries, "expected hits with a review form"
    token = csrf_of(html)
    q = dict(p.split("=", 1) for p in urlsplit(url).query.split("&"))["q"]
    resp = rita.post("/decisions", data={"csrf_token": token, "q": q, "entry_id": entries[0],
                                         "decision": "false_positive",
                                         "reason": "French catering firm of the same name"})
    assert resp.status_code == 303
    page = rita.get(resp.headers["Location"]).get_data(as_text=True)
    assert "cleared by rita on " in page
    assert f'name="entry_id" value="{entries[0]}"' not in page
    log = list(real_app.extensions["screening"].audit.records())
    assert [r for r in log if r["action"] == "decision" and r["user"] == "rita"]
    assert real_app.extensions["screening"].audit.verify().ok


def test_screener_sees_no_review_form(real_app):
    client = real_app.test_client()
    login(client, "sam")
    html, _ = screen(client, name="Skydio Inc.", as_of="2026-11-22")
    assert "decision-form" not in html


def test_entry_page(rita):
    html = rita.get("/entries/cn-uel:skydio").get_data(as_text=True)
    assert "Skydio" in html
    assert 'lang="zh"' in html  # the Chinese name is listed
    assert "ev-listed" in html and "ev-suspended" in html  # dated status history
    assert 'id="source-link"' in html


def test_entry_404(rita):
    resp = rita.get("/entries/cn-uel:nobody")
    assert resp.status_code == 404
    assert "no entry" in resp.get_data(as_text=True)


def test_lists_page(rita):
    html = rita.get("/lists").get_data(as_text=True)
    for list_id in ("cn-uel", "cn-control", "cn-watch"):
        assert f'id="list-{list_id}"' in html


def test_language_switch(rita):
    rita.get("/lang/zh?next=/screen")
    html = rita.get("/screen").get_data(as_text=True)
    assert "筛查交易对方" in html and 'lang="zh-CN"' in html
    rita.get("/lang/en")
    assert "Screen a counterparty" in rita.get("/screen").get_data(as_text=True)


def test_language_from_browser(real_app):
    client = real_app.test_client()
    html = client.get("/login", headers={"Accept-Language": "zh-CN,zh;q=0.9"}).get_data(as_text=True)
    assert "登录" in html


def upload(client, filename: str, data: bytes, **form):
    token = csrf_of(client.get("/bulk").get_data(as_text=True))
    resp = client.post("/bulk", data={"csrf_token": token, "file": (io.BytesIO(data), filename),
                                      **form}, content_type="multipart/form-data")
    assert resp.status_code == 303, resp.get_data(as_text=True)
    return resp.headers["Location"].rsplit("/", 1)[-1]


def test_bulk_csv_upload_and_download(rita, real_app):
    rows = "客户名称,国家\n洛克希德·马丁公司,US\nAcme Bakery GmbH,DE\n=cmd|' /C calc'!A0,\n"
    job_id = upload(rita, "客户.csv", rows.encode("gb18030"), as_of="2026-11-22")
    job = real_app.extensions["screening"].jobs.wait(job_id)
    assert job.status == "done", job.message
    status = rita.get(f"/bulk/{job_id}/status").json
    assert status["percent"] == 100 and status["rows_done"] == 3
    assert sum(status["counts"].values()) + status["errors"] == 3
    page = rita.get(f"/bulk/{job_id}").get_data(as_text=True)
    assert "<svg class=\"chart\"" in page
    resp = rita.get(f"/bulk/{job_id}/download")
    assert resp.status_code == 200
    text = resp.data.decode("utf-8-sig")
    out = list(csv.reader(io.StringIO(text)))
    assert out[0][:2] == ["客户名称", "国家"] and "outcome" in out[0]
    assert out[1][out[0].index("outcome")] == "PROHIBITED"
    assert not out[3][0].startswith("=")  # formula neutralised
    real_app.extensions["screening"].audit_writer.flush()
    audit = [r for r in real_app.extensions["screening"].audit.records() if r["action"] == "bulk"]
    assert audit[-1]["subject"] == "客户.csv"


def test_bulk_xlsx_round_trip(rita, real_app):
    wb = Workbook()
    ws = wb.active
    ws.append(["Company Name", "Country"])
    ws.append(["Skydio", "US"])
    ws.append(["Nice Noodles Ltd", "SG"])
    buf = io.BytesIO()
    wb.save(buf)
    job_id = upload(rita, "customers.xlsx", buf.getvalue())
    assert real_app.extensions["screening"].jobs.wait(job_id).status == "done"
    resp = rita.get(f"/bulk/{job_id}/download")
    rows = list(load_workbook(io.BytesIO(resp.data)).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Company Name", "Country") and len(rows) == 3


def test_bulk_rejects_other_files(rita):
    token = csrf_of(rita.get("/bulk").get_data(as_text=True))
    resp = rita.post("/bulk", data={"csrf_token": token, "file": (io.BytesIO(b"x"), "a.exe")},
                     content_type="multipart/form-data")
    assert resp.status_code == 400


def test_bulk_job_of_another_user(rita, real_app):
    job_id = upload(rita, "mine.csv", b"name\nSkydio\n")
    real_app.extensions["screening"].jobs.wait(job_id)
    other = real_app.test_client()
    login(other, "sam")
    assert other.get(f"/bulk/{job_id}").status_code == 403
    admin = real_app.test_client()
    login(admin, "ada")
    assert admin.get(f"/bulk/{job_id}").status_code == 200


def test_bulk_broken_file_fails_the_job_not_the_app(rita, real_app):
    job_id = upload(rita, "broken.xlsx", b"this is not a zip file")
    job = real_app.extensions["screening"].jobs.wait(job_id)
    assert job.status == "failed" and job.message
    assert rita.get(f"/bulk/{job_id}").status_code == 200
    assert rita.get(f"/bulk/{job_id}/download").status_code == 404


def test_ownership_path_drawn(rita):
    html, _ = screen(rita, name="Acme Defense Sub KK", country="JP", as_of="2026-11-22",
                     item="Tb", owners="Lockheed Martin=60")
    assert '<figure class="ownership">' in html
    assert ">60%</text>" in html
