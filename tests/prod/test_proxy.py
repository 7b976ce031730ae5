"""The production stack from outside, through nginx, as a visitor or an
attacker would see it. Each test prints what each of its requests got."""
import socket
import ssl
import threading
import time
import uuid

from odoo.service import db as db_service
from odoo.tools import config

from .committed import committed_run
from .stack import Client, journal_text, wait_as_a_person_would

# one loopback address per test: the proxy's limits count per address
SOURCES = {
    "database": "127.0.0.11",
    "login": "127.0.0.12",
    "cookies": "127.0.0.13",
    "headers": "127.0.0.14",
    "longpolling": "127.0.0.15",
    "tls": "127.0.0.16",
    "registration": "127.0.0.17",
    "referral": "127.0.0.22",
}
LOGIN_BURST = 20      # defis.conf.template: zone defis_login, burst=19 (+1)
FORM_BURST = 10       # zone defis_forms, burst=9 (+1)


def json_call(params):
    return {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}


def concurrently(count, action):
    """Run ``action(number, start)`` in ``count`` threads, each calling
    ``start.wait()`` once ready so that their requests leave together; the
    list of what each returned (or the exception it raised)."""
    start = threading.Barrier(count, timeout=120)
    answers = [None] * count

    def run(number):
        try:
            answers[number] = action(number, start)
        except Exception as error:  # pylint: disable=broad-except
            start.abort()
            answers[number] = error
    threads = [threading.Thread(target=run, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    return answers


def outcome(answer):
    """"registered" (redirected to the thank-you page), else the status."""
    status = getattr(answer, "status_code", None)
    if status is None:
        return repr(answer)
    if status in (302, 303) and "/merci" in answer.headers.get("Location", ""):
        return "registered"
    return status


def set_cookies(response):
    return response.raw.headers.getlist("Set-Cookie")


def test_database_manager_blocked(stack):
    journal = []
    client = Client(stack, SOURCES["database"], journal)
    for path in ("/web/database/manager", "/web/database/selector"):
        assert client.get(path).status_code == 404, journal_text(journal)
    for path in ("/web/database/list", "/web/database/backup", "/web/database/drop"):
        assert client.post(path, json=json_call({})).status_code == 404, journal_text(journal)
    xml_list = ("<?xml version='1.0'?><methodCall><methodName>list</methodName>"
                "<params></params></methodCall>")
    for path in ("/xmlrpc/db", "/xmlrpc/2/db"):
        answer = client.post(path, data=xml_list, headers={"Content-Type": "text/xml"})
        assert answer.status_code == 404, journal_text(journal)
    # the JSON-RPC route is shared with the other services: Odoo refuses
    # the database service itself (list_db = False)
    for method, args in (("list", []),
                         ("create_database", ["admin", "intrus", False, "fr_FR", "x"]),
                         ("drop", ["admin", config["db_name"]])):
        answer = client.post("/jsonrpc", json=json_call(
            {"service": "db", "method": method, "args": args}))
        payload = answer.json()
        client.report("JSON-RPC db.%s" % method, "", answer, " %s" % (
            payload.get("error", {}).get("data", {}).get("name") or payload.get("result")))
        assert "error" in payload and "result" not in payload, journal_text(journal)
        assert config["db_name"] not in answer.text or method == "drop", journal_text(journal)
    assert "intrus" not in db_service.list_dbs(force=True)
    assert config["db_name"] in db_service.list_dbs(force=True)


def test_login_throttled(stack):
    journal = []
    clients = [Client(stack, SOURCES["login"], journal) for _number in range(LOGIN_BURST + 1)]
    tokens = [client.csrf_token("/web/login") for client in clients]

    # the proxy counts per address whatever the login (an unknown one here,
    # so that a per-account lock of Odoo's does not interfere with admin)
    def wrong_password(number, start):
        start.wait()
        return clients[number].post("/web/login", data={
            "csrf_token": tokens[number], "login": "intrus", "password": "devine-%d" % number})
    answers = concurrently(LOGIN_BURST + 1, wrong_password)
    statuses = sorted(getattr(answer, "status_code", repr(answer)) for answer in answers)
    assert statuses == [200] * LOGIN_BURST + [429], journal_text(journal)
    assert not any(client.logged_in() for client in clients), journal_text(journal)
    # the right password once the window has let one more attempt in
    client = clients[0]
    deadline = time.monotonic() + 60
    while True:
        answer = client.post("/web/login", data={
            "csrf_token": tokens[0], "login": "admin", "password": "admin"})
        if answer.status_code != 429 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert answer.status_code == 200 and client.logged_in(), journal_text(journal)


def test_cookies_samesite(stack):
    journal = []
    for https in (False, True):
        client = Client(stack, SOURCES["cookies"], journal, https=https)
        answer = client.get("/web/login")
        cookies = set_cookies(answer)
        client.report("  Set-Cookie", "", answer, " %s" % cookies)
        session = [cookie for cookie in cookies if cookie.startswith("session_id=")]
        assert session, journal_text(journal)
        flags = [flag.strip().lower() for flag in session[0].split(";")[1:]]
        assert "samesite=lax" in flags, journal_text(journal)
        assert "httponly" in flags, journal_text(journal)
        assert ("secure" in flags) == https, journal_text(journal)


def test_security_headers(stack):
    journal = []
    for https in (False, True):
        client = Client(stack, SOURCES["headers"], journal, https=https)
        for path, frame in (("/web/login", "DENY"), ("/formations", "SAMEORIGIN"),
                            ("/web/database/manager", "SAMEORIGIN"),
                            ("/page-qui-n-existe-pas", "SAMEORIGIN")):
            answer = client.get(path)
            headers = answer.headers
            client.report("  headers", "", answer, " %s" % {
                name: headers.get(name) for name in (
                    "X-Frame-Options", "Content-Security-Policy", "X-Content-Type-Options",
                    "Referrer-Policy", "Strict-Transport-Security", "Server")})
            assert headers.get("X-Frame-Options") == frame, journal_text(journal)
            assert "frame-ancestors 'self'" in headers.get("Content-Security-Policy", "")
            assert headers.get("X-Content-Type-Options") == "nosniff"
            assert headers.get("Referrer-Policy") == "same-origin"
            assert headers.get("Server") == "nginx", journal_text(journal)
            hsts = headers.get("Strict-Transport-Security")
            if https:
                assert hsts and "max-age=31536000" in hsts, journal_text(journal)
            else:
                assert hsts is None, journal_text(journal)


def test_longpolling_routed(stack):
    journal = []
    client = Client(stack, SOURCES["longpolling"], journal)
    channel = "defis-test-%s" % uuid.uuid4().hex
    sent = client.post("/longpolling/send", json=json_call(
        {"channel": channel, "message": "bonjour"}))
    assert sent.status_code == 200 and "error" not in sent.json(), journal_text(journal)
    poll = json_call({"channels": [channel], "last": 0})
    answer = client.post("/longpolling/poll", json=poll)
    client.report("  poll", "", answer, " %s" % answer.text[:200])
    messages = [row["message"] for row in answer.json().get("result", [])]
    assert messages == ["bonjour"], journal_text(journal)
    # the HTTP workers cannot serve it: the proxy must send it elsewhere
    workers = client.post(stack.odoo_url + "/longpolling/poll", json=poll)
    client.report("  poll (HTTP workers)", "", workers, " %s" % workers.text[:200])
    assert "bus.Bus unavailable" in workers.text, journal_text(journal)


def test_tls_termination(stack):
    journal = []
    context = ssl.create_default_context(cafile=stack.certificate)
    with socket.create_connection(("127.0.0.1", stack.https_port), timeout=30,
                                  source_address=(SOURCES["tls"], 0)) as raw:
        with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            version, cipher = tls.version(), tls.cipher()[0]
    journal.append("TLS handshake: %s %s" % (version, cipher))
    print(journal[-1])
    assert version in ("TLSv1.2", "TLSv1.3"), journal_text(journal)
    client = Client(stack, SOURCES["tls"], journal, https=True)
    assert client.get("/web/login").status_code == 200, journal_text(journal)
    # Odoo sees the original scheme (X-Forwarded-Proto, proxy_mode)
    redirect = client.get("/web")
    client.report("  Location", "", redirect, " %s" % redirect.headers.get("Location"))
    assert redirect.headers["Location"].startswith(stack.https_url), journal_text(journal)
    plain = Client(stack, SOURCES["tls"], journal).get("/web")
    assert plain.headers["Location"].startswith(stack.url), journal_text(journal)


def test_registration_form_rate_limited(stack):
    journal = []
    count = FORM_BURST + 2
    with committed_run("Inscriptions limitées (proxy)") as run:
        clients = [Client(stack, SOURCES["registration"], journal) for _number in range(count)]
        page = "/formations/%s" % run["slug"]
        forms = [client.form_fields(page) for client in clients]
        wait_as_a_person_would()

        def register(number, start):
            start.wait()
            return clients[number].post(page + "/inscription", data=dict(
                forms[number], name="Limite Proxy %02d" % number,
                phone="06 12 00 01 %02d" % number))
        outcomes = [outcome(answer) for answer in concurrently(count, register)]
        assert sorted(outcomes, key=str) == [429] * 2 + ["registered"] * FORM_BURST, \
            journal_text(journal)
        assert run["registrations"]() == FORM_BURST, journal_text(journal)
        # reading pages does not count
        assert clients[0].get(page).status_code == 200, journal_text(journal)
    # the referents' form, from another address: Odoo answers the first ten
    # (a visitor who is not logged in is sent to the login page)
    referents = [Client(stack, SOURCES["referral"], journal) for _number in range(FORM_BURST + 1)]

    def refer(number, start):
        start.wait()
        return referents[number].post("/my/referrals/new", data={"name": "Orientation"})
    statuses = [getattr(answer, "status_code", repr(answer))
                for answer in concurrently(FORM_BURST + 1, refer)]
    assert statuses.count(429) == 1 and all(status in (200, 302, 303, 400, 429)
                                            for status in statuses), journal_text(journal)
