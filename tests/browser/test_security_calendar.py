"""The calendar of training sessions shows what users typed as text
(CVE-2018-15641: closed in Odoo 11.0.7 already, checked in Chromium)."""
from odoo.addons.defis_training.tests.common import create_upcoming_run, create_web_programme

from .chrome import ChromeCase

MARKUP = '<img src="x" onerror="window.defisXss=1">'


class TestSessionCalendar(ChromeCase):

    def test_names_and_rooms_are_not_markup(self):
        user = self.create_user("Camille Calendrier", "camille.calendrier",
                                "defis_network.group_defis_manager")
        run = create_upcoming_run(self.env, create_web_programme(self.env, "Programme agenda"),
                                  name=MARKUP, days=0, sittings=1)
        run.defis_session_ids.write({"trainer_id": user.id, "room": MARKUP})
        self.login("camille.calendrier", "camille.calendrier-1")
        action = self.env.ref("defis_training.action_defis_training_session")
        self.open("/web#action=%d&view_type=calendar" % action.id)
        self.wait_for(".o_calendar_view .fc-event")
        self.assertIn(MARKUP, self.text(".o_calendar_view .fc-event"))
        self.assertIsNone(self.browser.execute_script("return window.defisXss"))
        self.assertFalse(self.find_all(".o_calendar_view .fc-event img"))
        self.assert_no_console_error()
