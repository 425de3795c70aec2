"""Access: log-in, roles, CSRF, session cookie flags, every page behind authentication."""

from __future__ import annotations

import pytest

from tests.web.conftest import PASSWORDS, api_key, csrf_of, login

PAGES = ["/", "/screen", "/lists", "/bulk", "/entries/cn-uel:skydio", "/result?q=x",
         "/bulk/abc", "/bulk/abc/status", "/bulk/abc/download"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_redirect_to_login(fake_app, path):
    resp = fake_app.test_client().get(path)
    assert resp.status_code == 302
    assert resp.headers["Location"].startswith("/login")


@pytest.mark.parametrize("path", ["/api/v1/lists", "/api/v1/entries/cn-uel:skydio"])
def test_api_needs_a_key(fake_app, path):
    resp = fake_app.test_client().get(path)
    assert resp.status_code == 401
    assert resp.json["status"] == 401
    assert resp.headers["WWW-Authenticate"].startswith("Bearer")


def test_health_is_public(fake_app):
    resp = fake_app.test_client().get("/api/v1/health")
    assert resp.status_code == 200 and resp.json["status"] == "ok"
    assert resp.json["entries"] == 2


def test_openapi_document_is_public_as_the_readme_shows(fake_app):
    resp = fake_app.test_client().get("/api/v1/openapi.json")
    assert resp.status_code == 200 and resp.json["openapi"].startswith("3.1")
    assert resp.json["paths"]["/api/v1/openapi.json"]["get"]["security"] == []


def test_login_page_and_static_are_public(fake_app):
    client = fake_app.test_client()
    assert client.get("/login").status_code == 200
    assert client.get("/static/style.css").status_code == 200


def test_login_wrong_password(fake_app):
    client = fake_app.test_client()
    token = csrf_of(client.get("/login").get_data(as_text=True))
    resp = client.post("/login", data={"username": "sam", "password": "nope nope nope",
                                       "csrf_token": token})
    assert resp.status_code == 401
    assert "Wrong username or password" in resp.get_data(as_text=True)


def test_login_throttled_after_repeated_failures(fake_app):
    client = fake_app.test_client()
    token = csrf_of(client.get("/login").get_data(as_text=True))
    codes = [client.post("/login", data={"username": "throttle-me", "password": "x" * 12,
                                         "csrf_token": token}).status_code for _ in range(7)]
    assert codes[:5] == [401] * 5 and codes[-1] == 429


def test_login_sets_httponly_samesite_cookie(fake_app):
    client = fake_app.test_client()
    token = csrf_of(client.get("/login").get_data(as_text=True))
    resp = client.post("/login", data={"username": "sam", "password": PASSWORDS["sam"],
                                       "csrf_token": token})
    cookie = resp.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_login_then_pages_work(fake_app):
    client = fake_app.test_client()
    login(client, "sam")
    for path in ("/screen", "/lists", "/bulk", "/entries/cn-uel:skydio"):
        assert client.get(path).status_code == 200, path


def test_login_without_csrf_is_rejected(fake_app):
    client = fake_app.test_client()
    client.get("/login")
    resp = client.post("/login", data={"username": "sam", "password": PASSWORDS["sam"]})
    assert resp.status_code == 400


@pytest.mark.parametrize("path,data", [
    ("/screen", {"name": "Skydio Inc."}),
    ("/decisions", {"entry_id": "cn-uel:skydio", "decision": "false_positive", "reason": "x"}),
    ("/logout", {}),
])
def test_forms_need_csrf(fake_app, path, data):
    client = fake_app.test_client()
    login(client, "rita")
    assert client.post(path, data=data).status_code == 400
    assert client.post(path, data={**data, "csrf_token": "forged"}).status_code == 400


def test_open_redirect_refused(fake_app):
    client = fake_app.test_client()
    token = csrf_of(client.get("/login").get_data(as_text=True))
    resp = client.post("/login", data={"username": "sam", "password": PASSWORDS["sam"],
                                       "csrf_token": token, "next": "https://evil.example/"})
    assert resp.headers["Location"] == "/screen"


def test_logout(fake_app):
    client = fake_app.test_client()
    login(client, "sam")
    token = csrf_of(client.get("/screen").get_data(as_text=True))
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/screen").status_code == 302


def test_screener_cannot_record_decisions(fake_app):
    client = fake_app.test_client()
    login(client, "sam")
    token = csrf_of(client.get("/screen").get_data(as_text=True))
    resp = client.post("/decisions", data={"csrf_token": token, "q": "x",
                                           "entry_id": "cn-uel:skydio",
                                           "decision": "false_positive", "reason": "bakery"})
    assert resp.status_code == 403


def test_session_cookie_does_not_open_the_api(fake_app):
    client = fake_app.test_client()
    login(client, "ada")
    assert client.get("/api/v1/lists").status_code == 401


def test_api_key_does_not_open_the_ui(fake_app):
    key = api_key(fake_app)
    resp = fake_app.test_client().get("/screen", headers={"Authorization": f"Bearer {key}"})
    assert resp.status_code == 302


def test_security_headers(fake_app):
    resp = fake_app.test_client().get("/login")
    assert resp.headers["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in resp.headers["Content-Security-Policy"]


def saved_cookie(client) -> str:
    return client.get_cookie("screening_session").value


def replay(app, cookie: str):
    """A request with a session cookie an attacker saved earlier."""
    other = app.test_client()
    other.set_cookie("screening_session", cookie)
    return other.get("/screen")


def test_a_cookie_saved_before_logout_no_longer_works(fake_app):
    client = fake_app.test_client()
    login(client, "sam")
    cookie = saved_cookie(client)
    assert replay(fake_app, cookie).status_code == 200
    token = csrf_of(client.get("/screen").get_data(as_text=True))
    client.post("/logout", data={"csrf_token": token})
    assert replay(fake_app, cookie).status_code == 302


def test_a_password_change_ends_every_session_of_that_user_only(fake_app):
    from click.testing import CliRunner

    from screening.cli import cli

    sam1, sam2, rita = (fake_app.test_client() for _ in range(3))
    login(sam1, "sam")
    login(sam2, "sam")
    login(rita, "rita")
    res = CliRunner().invoke(cli, ["users", "passwd", "sam", "--password", "a new password 1",
                                   "--db", fake_app.config["DB_PATH"]])
    assert res.exit_code == 0, res.output
    assert sam1.get("/screen").status_code == 302
    assert sam2.get("/screen").status_code == 302
    assert rita.get("/screen").status_code == 200


def test_logout_ends_only_that_session(fake_app):
    one, two = fake_app.test_client(), fake_app.test_client()
    login(one, "sam")
    login(two, "sam")
    one.post("/logout", data={"csrf_token": csrf_of(one.get("/screen").get_data(as_text=True))})
    assert one.get("/screen").status_code == 302
    assert two.get("/screen").status_code == 200


def test_a_disabled_account_is_signed_out(fake_app):
    client = fake_app.test_client()
    login(client, "sam")
    store = fake_app.extensions["screening"].store
    store.db.execute("update users set disabled = 1 where username = 'sam'")
    store.db.conn.commit()
    assert client.get("/screen").status_code == 302


def attempt(client, username: str, password: str, address: str = "10.0.0.66"):
    token = csrf_of(client.get("/login").get_data(as_text=True))
    return client.post("/login", data={"username": username, "password": password,
                                       "csrf_token": token},
                       environ_base={"REMOTE_ADDR": address})


def test_throttled_login_says_when_to_retry(fake_app):
    client = fake_app.test_client()
    for _ in range(5):
        assert attempt(client, "sam", "wrong password").status_code == 401
    resp = attempt(client, "sam", "wrong password")
    assert resp.status_code == 429
    assert 1 <= int(resp.headers["Retry-After"]) <= 60
    assert f"try again in {resp.headers['Retry-After']} s" in resp.get_data(as_text=True)


def test_password_spraying_from_one_address_is_throttled(fake_app):
    client = fake_app.test_client()
    codes = [attempt(client, f"user{i}", "Summer2026!").status_code for i in range(11)]
    assert codes[:10] == [401] * 10 and codes[10] == 429
    # the same address cannot go on with a real account either; another address can
    assert attempt(client, "rita", PASSWORDS["rita"]).status_code == 429
    assert attempt(client, "rita", PASSWORDS["rita"], address="10.0.0.7").status_code == 302


def test_guessing_one_account_from_many_addresses_is_throttled(fake_app):
    client = fake_app.test_client()
    codes = [attempt(client, "sam", "wrong password", address=f"10.1.0.{i}").status_code
             for i in range(6)]
    assert codes == [401] * 5 + [429]


def test_an_attacker_cannot_lock_the_real_user_out(fake_app):
    """A browser that signed in as sam before is not subject to sam's username limit."""
    real = fake_app.test_client()
    assert attempt(real, "sam", PASSWORDS["sam"], address="192.0.2.10").status_code == 302
    attacker = fake_app.test_client()
    for i in range(8):
        attempt(attacker, "sam", "wrong password", address=f"203.0.113.{i}")
    assert attempt(attacker, "sam", PASSWORDS["sam"], address="203.0.113.99").status_code == 429
    assert attempt(real, "sam", PASSWORDS["sam"], address="192.0.2.10").status_code == 302


def test_login_failures_are_counted_across_server_processes(fake_app):
    """`serve --processes 2`: a failure counted in one worker throttles the other."""
    import multiprocessing

    def guess() -> None:
        for _ in range(5):
            attempt(fake_app.test_client(), "ada", "wrong password", address="10.9.9.9")

    child = multiprocessing.get_context("fork").Process(target=guess)
    child.start()
    child.join(30)
    assert child.exitcode == 0
    assert attempt(fake_app.test_client(), "ada", "wrong password",
                   address="10.9.9.10").status_code == 429
