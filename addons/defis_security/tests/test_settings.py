"""The OCA modules with the settings of data/: login throttling
(auth_brute_force), password policy (password_security), idle sessions
(auth_session_timeout), audit trail (auditlog)."""
import os
import time

import requests

from odoo import http

from .common import CSRF, SecurityHttpCase, user_password


class TestLoginAndSessions(SecurityHttpCase):

    def setUp(self):
        super().setUp()
        self.user = self.create_internal_user("benevole.connexion")

    def web_login(self, password):
        self.authenticate(None, None)
        page = self.url_open("/web/login")
        return self.url_open("/web/login", data={
            "login": self.user.login, "password": password,
            "csrf_token": CSRF.search(page.text).group(1)})

    def logged_in(self):
        return "/web/login" not in self.url_open("/my/home").url

    def test_eleventh_attempt_refused_even_with_the_right_password(self):
        for _attempt in range(10):
            self.web_login("mauvais mot de passe")
            self.assertFalse(self.logged_in())
        self.web_login(user_password(self.user.login))
        self.assertFalse(self.logged_in())
        attempts = self.env["res.authentication.attempt"].search(
            [("login", "=", self.user.login)], order="id")
        self.assertEqual(len(attempts), 11)
        self.assertEqual(attempts[-1].result, "banned")

    def test_right_password_after_a_few_mistakes(self):
        for _attempt in range(3):
            self.web_login("mauvais mot de passe")
        self.web_login(user_password(self.user.login))
        self.assertTrue(self.logged_in())

    def test_idle_session_is_closed_after_30_minutes(self):
        self.login_as(self.user)
        self.assertTrue(self.logged_in())
        path = http.root.session_store.get_session_filename(self.session_id)
        idle = time.time() - 31 * 60
        os.utime(path, (idle, idle))
        self.assertFalse(self.logged_in())

    def test_first_visit_of_an_anonymous_visitor_is_served(self):
        # a new visitor: no cookie, no session file yet
        with self.requests_turn() as server:
            response = requests.get(server + "/formations", timeout=30)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/formations"), response.url)


class TestPasswordPolicy(SecurityHttpCase):

    def test_weak_password_refused_strong_one_accepted(self):
        user = self.create_internal_user("benevole.motdepasse")
        old = self.login_as(user)
        _result, error = self.call_kw("res.users", "change_password", [old, "formation"])
        self.assertEqual(error, "odoo.addons.password_security.exceptions.PassError")
        _result, error = self.call_kw("res.users", "change_password",
                                      [old, "Atelier-Numerique-2026"])
        self.assertIsNone(error)


class TestAuditTrail(SecurityHttpCase):

    def test_change_of_a_household_is_logged_with_its_author(self):
        volunteer = self.create_internal_user(
            "benevole.audit", ("base.group_user", "defis_network.group_defis_user"))
        household = self.env["res.partner"].create({
            "name": "Foyer Audit", "defis_is_household": True, "city": "Lanester"})
        self.login_as(volunteer)
        _result, error = self.call_kw("res.partner", "write", [[household.id], {
            "city": "Lorient"}])
        self.assertIsNone(error)
        log = self.env["auditlog.log"].search([
            ("model_id.model", "=", "res.partner"), ("res_id", "=", household.id),
            ("method", "=", "write")])
        self.assertEqual(log.user_id, volunteer)
        line = log.line_ids.filtered(lambda l: l.field_id.name == "city")
        self.assertEqual((line.old_value_text, line.new_value_text), ("Lanester", "Lorient"))
