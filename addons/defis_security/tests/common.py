"""HTTP and RPC helpers: each attack is sent as the attacker would send it,
with their own session or password, to the Odoo of the test run."""
import contextlib
import json
import xmlrpc.client

from odoo.tools import config

from odoo.addons.defis_network.tests.common import DefisHttpCase, create_portal_user
from odoo.addons.defis_network.tests.test_portal_referral import CSRF


def user_password(login):
    """A password the company's policy accepts (12 characters or more, lower
    and upper case, a digit, a special character)."""
    return "%s-Pw-2026!" % login


class SecurityHttpCase(DefisHttpCase):

    def create_internal_user(self, login, groups=("base.group_user",)):
        return self.env["res.users"].with_context(no_reset_password=True).create({
            "name": login.replace(".", " ").title(),
            "login": login,
            "email": "%s@exemple.fr" % login,
            "password": user_password(login),
            "lang": "fr_FR",
            "groups_id": [(6, 0, [self.env.ref(group).id for group in groups])],
        })

    def create_portal_user(self, login, parent=None):
        return create_portal_user(self.env, login, login.replace(".", " ").title(), parent)

    def login_as(self, user):
        """Opens a session of ``user`` (portal users' password: ``login-pw``)."""
        password = "%s-pw" % user.login if user.share else user_password(user.login)
        self.authenticate(user.login, password)
        return password

    @contextlib.contextmanager
    def requests_turn(self):
        """Lets the HTTP server use the test cursor (as ``url_open`` does) for
        requests sent with the session's own client."""
        self.cr.commit()  # pylint: disable=invalid-commit
        self.cr.release()
        try:
            yield "http://127.0.0.1:%d" % config["http_port"]
        finally:
            self.cr.acquire()
            self.env.cache.invalidate()

    def post_files(self, path, data, files):
        with self.requests_turn() as server:
            return self.opener.post(server + path, data=data, files=files, timeout=30)

    def page_csrf_token(self, path="/web"):
        page = self.url_open(path)
        return CSRF.search(page.text).group(1)

    def json_post(self, path, params):
        """A JSON-RPC request of the web client, with the session's cookie:
        returns (result, error name or None)."""
        payload = {"jsonrpc": "2.0", "method": "call", "params": params, "id": 1}
        self.opener.headers["Content-Type"] = "application/json"
        try:
            response = self.url_open(path, data=json.dumps(payload))
        finally:
            del self.opener.headers["Content-Type"]
        self.assertEqual(response.status_code, 200, response.text[:500])
        answer = response.json()
        if "error" in answer:
            self.last_error = answer["error"]["data"]["message"]
            return None, answer["error"]["data"]["name"]
        # Odoo leaves out a result of None
        return answer.get("result"), None

    def call_kw(self, model, method, args, kwargs=None):
        """What the web client sends for ``model.method(*args, **kwargs)``."""
        return self.json_post("/web/dataset/call_kw/%s/%s" % (model, method), {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    def xmlrpc_execute(self, login_uid, password, model, method, args):
        """``execute_kw`` over XML-RPC, authenticated by the password (no
        session), as scripts and other applications call Odoo: returns
        (result, fault string or None)."""
        body = xmlrpc.client.dumps(
            (self.env.cr.dbname, login_uid, password, model, method, args), "execute_kw")
        self.opener.headers["Content-Type"] = "text/xml"
        try:
            response = self.url_open("/xmlrpc/2/object", data=body.encode())
        finally:
            del self.opener.headers["Content-Type"]
        try:
            return xmlrpc.client.loads(response.content)[0][0], None
        except xmlrpc.client.Fault as fault:
            return None, fault.faultString
