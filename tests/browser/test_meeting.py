"""A network meeting in Chromium: invite the referents, mark who came."""

from .chrome import ChromeCase


class TestMeetingForm(ChromeCase):

    def setUp(self):
        super().setUp()
        self.create_user(
            "Gwenaëlle Le Roux", "gwen.browser", "defis_network.group_defis_user")
        subnetwork = self.env["defis.subnetwork"].create({"name": "Pays de Lorient (test)"})
        structure = self.env["res.partner"].create({
            "name": "CCAS de Lanester (test)", "is_company": True,
            "defis_subnetwork_id": subnetwork.id, "defis_affiliation_date": "2024-01-01",
        })
        for name in ("Anne Le Floch", "Yann Guégan"):
            person = self.env["res.partner"].create({"name": name, "parent_id": structure.id})
            self.env["defis.referent"].create({
                "structure_id": structure.id, "partner_id": person.id,
                "date_start": "2024-01-01"})
        self.meeting = self.env["defis.meeting"].create({
            "name": "Sous-réseau de Lorient, 2e trimestre",
            "date": "2030-04-10 12:00:00",
            "subnetwork_id": subnetwork.id,
        })

    def test_invite_and_mark_present(self):
        self.login("gwen.browser", "gwen.browser-1")
        self.open("/web#model=defis.meeting&view_type=form&id=%d" % self.meeting.id)
        self.click(".o_statusbar_buttons button.btn-primary")  # Invite the referents
        self.wait_for(".o_field_x2many_list .o_data_row")
        self.wait_for_idle()
        self.assertEqual(len(self.find_all(".o_field_x2many_list .o_data_row")), 2)
        self.click(".o_form_button_edit")
        self.click(".o_field_x2many_list .o_data_row:first-child .o_field_widget[name=present]")
        self.click(".o_form_button_save")
        self.wait_for(".o_form_button_edit")
        self.wait_for_idle()
        self.assertEqual(self.meeting.present_count, 1)
        self.assertEqual(self.text(".o_form_statusbar .btn-primary.disabled"), "Prévue")
        self.screenshot("meeting-form")
