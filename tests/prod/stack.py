"""The production stack for tests and benchmarks: ``scripts/prod.sh serve``
(Odoo with workers behind nginx, from the very templates of ``make prod``) on
ports picked free, in a folder of its own, stopped at the end.

Clients talk to it from an address of the loopback range of their own
(127.0.0.N) so that the proxy's per-address rate limits of one test do not
touch another's; each request is reported (``Client.report``)."""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time

import requests
from requests.adapters import HTTPAdapter

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
STAMP = re.compile(r'name="form_stamp" value="([^"]+)"')
# the public forms refuse what is posted sooner after they are shown
# (defis_network.form_min_seconds, 3 s by default; stamps count whole seconds)
FORM_MIN_SECONDS = 3


def free_ports(count):
    """Ports nobody listens on now, on 127.0.0.1."""
    sockets = []
    try:
        for _number in range(count):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


class ProdStack:
    """``scripts/prod.sh serve`` of ``database``, on free ports."""

    def __init__(self, database, workers=2, extra_env=None):
        self.database = database
        self.directory = prod_dir()
        self.env = prod_env(self.directory, PROD_DB=database, PROD_WORKERS=str(workers),
                            **(extra_env or {}))
        self.http_port, self.https_port, self.odoo_port, self.longpolling_port = (
            int(self.env[name]) for name in (
                "PROD_PORT", "PROD_TLS_PORT", "PROD_ODOO_PORT", "PROD_LONGPOLLING_PORT"))
        self.url = "http://127.0.0.1:%d" % self.http_port
        self.https_url = "https://127.0.0.1:%d" % self.https_port
        self.odoo_url = "http://127.0.0.1:%d" % self.odoo_port
        self.longpolling_url = "http://127.0.0.1:%d" % self.longpolling_port

    def start(self):
        result = prod_script("serve", self.env, timeout=600)
        if result.returncode:
            self.stop()
            raise RuntimeError("production stack did not start:\n%s\n%s" % (
                result.stdout, self.log_tail()))
        return self

    def stop(self):
        prod_script("stop", self.env, timeout=120)
        remove_prod_dir(self.directory)

    def path(self, *parts):
        return os.path.join(self.directory, *parts)

    @property
    def certificate(self):
        return self.path("tls", "fullchain.pem")

    def log_tail(self, lines=40):
        log = self.path("log", "odoo.log")
        if not os.path.exists(log):
            return ""
        with open(log, encoding="utf-8", errors="replace") as handle:
            return "".join(handle.readlines()[-lines:])

    def pids(self):
        """Odoo's master process and nginx's, from their pid files."""
        found = {}
        for name in ("odoo", "nginx"):
            with open(self.path("run", "%s.pid" % name)) as handle:
                found[name] = int(handle.read().strip())
        return found


def prod_dir():
    """A folder for a stack, under .data/ (nginx's workers, www-data, must
    reach it: pytest's temporary folders are closed to others)."""
    return tempfile.mkdtemp(prefix="prod-", dir=os.path.join(ROOT, ".data"))


def remove_prod_dir(directory):
    """The stack's folder, and the one nginx's workers wrote in when it was
    not the stack's own (scripts/prod.sh, place_web_dirs)."""
    web_dir = os.path.dirname(os.path.realpath(os.path.join(directory, "log")))
    if web_dir != os.path.realpath(directory):
        shutil.rmtree(web_dir, ignore_errors=True)
    shutil.rmtree(directory, ignore_errors=True)


def prod_env(directory, **extra):
    """The environment of scripts/prod.sh for a stack in ``directory``, on
    free ports."""
    http, https, odoo_port, longpolling = free_ports(4)
    return dict(os.environ, PROD_DIR=str(directory), PROD_PORT=str(http),
                PROD_TLS_PORT=str(https), PROD_ODOO_PORT=str(odoo_port),
                PROD_LONGPOLLING_PORT=str(longpolling), **extra)


def prod_script(action, env, timeout=1800):
    """``scripts/prod.sh ACTION``; its output (errors included) in ``stdout``."""
    return subprocess.run([os.path.join(ROOT, "scripts", "prod.sh"), action], cwd=ROOT,
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, timeout=timeout)


class SourceAddressAdapter(HTTPAdapter):
    """Connections from a given local address (127.0.0.N)."""

    def __init__(self, source, **kwargs):
        self.source = source
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


class Client(requests.Session):
    """A visitor of the stack from the loopback address ``source``, who
    notes what each of its requests got."""

    def __init__(self, stack, source, journal=None, https=False, quiet=False):
        super().__init__()
        self.quiet = quiet
        self.stack = stack
        self.base = stack.https_url if https else stack.url
        # the stack's own certificate, not the CA bundle or proxy of the
        # environment (REQUESTS_CA_BUNDLE, HTTP_PROXY)
        self.trust_env = False
        self.verify = stack.certificate
        self.journal = journal if journal is not None else []
        adapter = SourceAddressAdapter(source)
        self.mount("http://", adapter)
        self.mount("https://", adapter)

    def request(self, method, url, *args, **kwargs):
        """Redirections are not followed unless ``follow=True``."""
        kwargs.setdefault("timeout", 120)
        kwargs["allow_redirects"] = kwargs.pop("follow", False)
        full = url if "://" in url else self.base + url
        response = super().request(method, full, *args, **kwargs)
        if not self.quiet:
            self.report(method, full, response)
        return response

    def report(self, method, url, response, note=""):
        line = "%s %s -> %s %s%s" % (method, url.replace(self.base, ""), response.status_code,
                                     response.reason, note)
        self.journal.append(line)
        print(line)

    def csrf_token(self, path):
        page = self.get(path)
        page.raise_for_status()
        return CSRF.search(page.text).group(1)

    def form_fields(self, path):
        """What a person's browser posts besides what they type on the form
        of page ``path``: its CSRF token and time stamp, the consent ticked."""
        page = self.get(path)
        page.raise_for_status()
        return {"csrf_token": CSRF.search(page.text).group(1),
                "form_stamp": STAMP.search(page.text).group(1), "consent": "1"}

    def login(self, login, password):
        token = self.csrf_token("/web/login")
        return self.post("/web/login", data={
            "csrf_token": token, "login": login, "password": password, "redirect": ""})

    def logged_in(self):
        """The web client opens (200) only for a logged-in user."""
        return self.get("/web").status_code == 200

    def call_kw(self, model, method, args, kwargs=None):
        """JSON-RPC of the web client (the logged-in user's rights)."""
        answer = self.post("/web/dataset/call_kw/%s/%s" % (model, method), json={
            "jsonrpc": "2.0", "method": "call", "id": 1,
            "params": {"model": model, "method": method, "args": args,
                       "kwargs": kwargs or {}}})
        payload = answer.json()
        if "error" in payload:
            raise RuntimeError("%s.%s: %s" % (model, method, payload["error"]))
        return payload.get("result")  # None is left out of the answer


def journal_text(journal):
    return "\n".join(journal)


def wait_as_a_person_would():
    """A person reads a form before sending it: the forms' minimum age passes."""
    time.sleep(FORM_MIN_SECONDS + 1)
