from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import DefisCase


class MeetingCase(DefisCase):
    """Two sub-networks with structures and their referents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Meeting = cls.env["defis.meeting"].with_context(tz="Europe/Paris")
        cls.lorient = cls.env["defis.subnetwork"].create({"name": "Pays de Lorient (test)"})
        cls.vannes = cls.env["defis.subnetwork"].create({"name": "Vannes (test)"})
        cls.ccas = cls.create_structure("CCAS de Lanester (test)", cls.lorient)
        cls.caf = cls.create_structure("CAF de Lorient (test)", cls.lorient)
        cls.withdrawn = cls.create_structure(
            "Mairie de Quéven (test)", cls.lorient, withdrawal="2025-12-31")
        cls.msa = cls.create_structure("MSA de Vannes (test)", cls.vannes)
        cls.anne = cls.create_referent(cls.ccas, "Anne Le Floch")
        cls.yann = cls.create_referent(cls.ccas, "Yann Guégan")
        cls.gael = cls.create_referent(cls.ccas, "Gaël Morvan", end="2026-01-15")
        cls.marie = cls.create_referent(cls.caf, "Marie Le Bihan")
        cls.loic = cls.create_referent(cls.withdrawn, "Loïc Tanguy")
        cls.soizic = cls.create_referent(cls.msa, "Soizic Le Gall")

    @classmethod
    def create_structure(cls, name, subnetwork, withdrawal=False):
        return cls.env["res.partner"].create({
            "name": name,
            "is_company": True,
            "defis_subnetwork_id": subnetwork.id,
            "defis_affiliation_date": "2024-01-01",
            "defis_withdrawal_date": withdrawal,
        })

    @classmethod
    def create_referent(cls, structure, name, start="2024-01-01", end=False):
        person = cls.env["res.partner"].create({"name": name, "parent_id": structure.id})
        cls.env["defis.referent"].create({
            "structure_id": structure.id, "partner_id": person.id,
            "date_start": start, "date_end": end})
        return person

    def meeting(self, date, subnetwork=None, state="planned", present=(), absent=()):
        """A meeting on ``date`` (14:00 in Lanester) with the given attendance."""
        lines = [(0, 0, {"partner_id": p.id, "present": True}) for p in present]
        lines += [(0, 0, {"partner_id": p.id, "present": False}) for p in absent]
        return self.Meeting.create({
            "name": "Réunion du %s" % date,
            "date": "%s 13:00:00" % date,
            "kind": "subnetwork" if subnetwork else "committee",
            "subnetwork_id": subnetwork.id if subnetwork else False,
            "state": state,
            "attendance_ids": lines,
        })


class TestMeeting(MeetingCase):

    def test_subnetwork_meeting_needs_a_subnetwork(self):
        meetings = self.Meeting.with_context(lang="en_US")
        with self.assertRaisesRegex(ValidationError, "needs a sub-network"):
            meetings.create({"name": "Réunion", "kind": "subnetwork"})
        with self.assertRaisesRegex(ValidationError, "leave its sub-network empty"):
            meetings.create({"name": "Comité", "kind": "committee",
                             "subnetwork_id": self.lorient.id})
        committee = meetings.create({"name": "Comité", "kind": "committee"})
        self.assertFalse(committee.subnetwork_id)

    def test_constraint_message_in_french(self):
        with self.assertRaisesRegex(ValidationError, "a besoin d'un sous-réseau"):
            self.Meeting.with_context(lang="fr_FR").create(
                {"name": "Réunion", "kind": "subnetwork"})

    def test_invite_subnetwork_referents(self):
        meeting = self.meeting("2026-03-12", self.lorient)
        meeting.action_invite_referents()
        # Gaël left in January, Quéven withdrew, Soizic is in another sub-network
        self.assertEqual(meeting.attendance_ids.mapped("partner_id"),
                         self.anne | self.yann | self.marie)
        line = meeting.attendance_ids.filtered(lambda l: l.partner_id == self.marie)
        self.assertEqual(line.structure_id, self.caf)
        self.assertFalse(any(meeting.attendance_ids.mapped("present")))
        self.assertEqual((meeting.invited_count, meeting.present_count), (3, 0))

    def test_invite_referents_in_office_on_the_meeting_day(self):
        meeting = self.meeting("2025-11-20", self.lorient)
        meeting.action_invite_referents()
        self.assertEqual(meeting.attendance_ids.mapped("partner_id"),
                         self.anne | self.yann | self.gael | self.marie | self.loic)

    def test_invite_committee_gathers_every_subnetwork(self):
        meeting = self.meeting("2026-03-12")
        meeting.action_invite_referents()
        invited = meeting.attendance_ids.mapped("partner_id")
        self.assertLessEqual(self.anne | self.yann | self.marie | self.soizic, invited)
        self.assertFalse((self.gael | self.loic) & invited)

    def test_invite_again_keeps_lines_and_presence(self):
        meeting = self.meeting("2026-03-12", self.lorient, present=self.anne)
        meeting.action_invite_referents()
        meeting.action_invite_referents()
        self.assertEqual(len(meeting.attendance_ids), 3)
        self.assertEqual(meeting.attendance_ids.filtered("present").partner_id, self.anne)

    def test_cancelled_meeting_invites_nobody(self):
        meeting = self.meeting("2026-03-12", self.lorient, state="cancelled")
        with self.assertRaises(UserError):
            meeting.action_invite_referents()

    def test_a_person_is_listed_once(self):
        meeting = self.meeting("2026-03-12", self.lorient, absent=self.anne)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint():
            meeting.write({"attendance_ids": [(0, 0, {"partner_id": self.anne.id})]})

    def test_structure_is_kept_when_the_person_moves(self):
        meeting = self.meeting("2026-03-12", self.lorient, present=self.marie)
        self.env["defis.referent"].search([("partner_id", "=", self.marie.id)]).action_end()
        self.marie.parent_id = self.ccas
        self.assertEqual(meeting.attendance_ids.structure_id, self.caf)

    def test_states(self):
        meeting = self.meeting("2026-03-12", self.lorient)
        meeting.action_held()
        self.assertEqual(meeting.state, "held")
        meeting.action_plan()
        meeting.action_cancel()
        self.assertEqual(meeting.state, "cancelled")

    def test_user_cannot_delete_a_meeting(self):
        meeting = self.meeting("2026-03-12", self.lorient)
        as_user = meeting.sudo(self.defis_user)
        as_user.write({"minutes": "<p>Compte rendu</p>"})
        with self.assertRaises(AccessError):
            as_user.unlink()
        meeting.sudo(self.defis_manager).unlink()
        self.assertFalse(meeting.exists())

    def test_meetings_menu(self):
        menu = self.env.ref("defis_network.menu_defis_network_meetings").id
        self.assertIn(menu, self.visible_menus(self.defis_user))
        self.assertNotIn(menu, self.visible_menus(self.internal_user))
        self.assertEqual(self.menu_name("defis_network.menu_defis_network_meetings"), "Réunions")


class TestAttendanceRate(MeetingCase):

    def test_structure_rate(self):
        # CCAS: represented at 2 of its 3 held meetings (twice the same meeting
        # counts once); planned and cancelled meetings are left out
        self.meeting("2025-06-12", self.lorient, "held", present=self.anne | self.yann)
        self.meeting("2025-09-11", self.lorient, "held", present=self.yann, absent=self.anne)
        self.meeting("2025-12-11", self.lorient, "held", absent=self.anne | self.yann | self.marie)
        self.meeting("2026-03-12", self.lorient, "planned", present=self.anne)
        self.meeting("2026-01-15", None, "cancelled", present=self.anne, absent=self.marie)
        structures = self.ccas | self.caf | self.msa
        rates = dict(zip(structures, structures.mapped("defis_meeting_attendance_rate")))
        self.assertAlmostEqual(rates[self.ccas], 66.7)  # 2 / 3, one decimal
        self.assertEqual(rates[self.caf], 0.0)  # invited, never present
        self.assertEqual(rates[self.msa], 0.0)  # never invited

    def test_committee_counts_for_the_structure(self):
        self.meeting("2025-06-12", None, "held", present=self.soizic, absent=self.anne)
        self.meeting("2025-09-11", self.vannes, "held", absent=self.soizic)
        self.assertEqual(self.msa.defis_meeting_attendance_rate, 50.0)
        self.assertEqual(self.ccas.defis_meeting_attendance_rate, 0.0)

    def test_subnetwork_rate(self):
        # Lorient: CCAS 2/2, CAF 1/2, Quéven 0/1 -> 3 / 5
        self.meeting("2025-06-12", self.lorient, "held",
                     present=self.anne | self.yann | self.marie, absent=self.loic)
        self.meeting("2025-09-11", self.lorient, "held", present=self.anne, absent=self.marie)
        self.meeting("2025-12-11", self.vannes, "held", present=self.soizic)
        self.assertAlmostEqual(self.lorient.meeting_attendance_rate, 60.0)
        self.assertEqual(self.vannes.meeting_attendance_rate, 100.0)

    def test_rate_follows_the_lines_and_the_meetings(self):
        first = self.meeting("2025-06-12", self.lorient, "held", present=self.anne)
        second = self.meeting("2025-09-11", self.lorient, "held", absent=self.anne)
        self.assertEqual(self.ccas.defis_meeting_attendance_rate, 50.0)
        second.attendance_ids.write({"present": True})
        self.assertEqual(self.ccas.defis_meeting_attendance_rate, 100.0)
        first.attendance_ids.write({"present": False})
        second.action_cancel()
        self.assertEqual(self.ccas.defis_meeting_attendance_rate, 0.0)
        second.action_held()
        first.unlink()
        self.assertEqual(self.ccas.defis_meeting_attendance_rate, 100.0)

    def test_structures_sorted_and_found_by_their_rate(self):
        self.meeting("2025-06-12", self.lorient, "held", present=self.anne, absent=self.marie)
        self.meeting("2025-09-11", self.lorient, "held", absent=self.anne | self.marie)
        mine = [("id", "in", (self.ccas | self.caf | self.msa).ids)]
        Partner = self.env["res.partner"]
        self.assertEqual(Partner.search(mine, order="defis_meeting_attendance_rate desc, id").ids,
                         [self.ccas.id, self.caf.id, self.msa.id])
        self.assertEqual(Partner.search(mine + [("defis_meeting_attendance_rate", ">=", 50)]),
                         self.ccas)

    def test_rate_of_50_structures_costs_as_much_as_5(self):
        subnetwork = self.env["defis.subnetwork"].create({"name": "Auray (test)"})
        structures = self.env["res.partner"]
        lines = []
        for number in range(50):
            structure = self.create_structure("Structure %d (test)" % number, subnetwork)
            referent = self.create_referent(structure, "Référent %d" % number)
            structures |= structure
            lines.append((0, 0, {"partner_id": referent.id, "present": number % 2 == 0}))
        self.Meeting.create({"name": "Réunion", "kind": "subnetwork", "state": "held",
                             "subnetwork_id": subnetwork.id, "attendance_ids": lines})
        self.count_rate_queries(structures[:1])  # warm the caches
        few, few_rates = self.count_rate_queries(structures[:5])
        many, many_rates = self.count_rate_queries(structures)
        self.assertEqual(few_rates, [100.0, 0.0, 100.0, 0.0, 100.0])
        self.assertEqual(sum(many_rates), 25 * 100.0)
        self.assertEqual(few, many)
        self.assertLessEqual(many, 2)

    def count_rate_queries(self, structures):
        structures = structures.browse(structures.ids)  # a fresh prefetch set
        structures.invalidate_cache()
        before = self.cr.sql_log_count
        rates = [structure.defis_meeting_attendance_rate for structure in structures]
        return self.cr.sql_log_count - before, rates


class TestNotRepresented(MeetingCase):

    def not_represented(self, date):
        mine = self.ccas | self.caf | self.withdrawn | self.msa
        return self.Meeting.structures_not_represented(date) & mine

    def test_last_four_quarters(self):
        self.meeting("2025-03-31", self.lorient, "held", present=self.marie)
        self.meeting("2025-04-01", self.lorient, "held", present=self.anne)
        self.meeting("2025-12-11", None, "cancelled", present=self.soizic)
        self.meeting("2026-03-12", self.vannes, "held", absent=self.soizic)
        # 2026-03-31: the 4 quarters from 2025-04-01; Quéven withdrew
        self.assertEqual(self.not_represented("2026-03-31"), self.caf | self.msa)
        # 2026-04-01: the CCAS's meeting of 2025-04-01 is too old
        self.assertEqual(self.not_represented("2026-04-01"),
                         self.ccas | self.caf | self.msa)
        # 2025-06-30: Quéven is still affiliated, the CAF was represented
        self.assertEqual(self.not_represented("2025-06-30"),
                         self.withdrawn | self.msa)

    def test_meeting_later_than_the_date_does_not_count(self):
        self.meeting("2026-03-12", self.lorient, "held", present=self.anne | self.marie)
        self.assertIn(self.ccas, self.not_represented("2026-03-11"))
        self.assertNotIn(self.ccas, self.not_represented("2026-03-12"))

    def test_planned_meeting_does_not_count(self):
        self.meeting("2026-03-12", self.lorient, "planned", present=self.anne)
        self.assertIn(self.ccas, self.not_represented("2026-03-31"))

    def test_meeting_day_in_local_time(self):
        # 00:30 in Lanester on 1 April 2025 is 31 March in UTC
        meeting = self.meeting("2025-04-01", self.lorient, "held", present=self.anne)
        meeting.date = "2025-03-31 22:30:00"
        self.assertNotIn(self.ccas, self.not_represented("2026-03-31"))

    def test_not_yet_affiliated(self):
        self.ccas.defis_affiliation_date = "2026-02-01"
        self.assertNotIn(self.ccas, self.not_represented("2026-01-31"))
        self.assertIn(self.ccas, self.not_represented("2026-02-01"))

    def test_action_lists_the_structures(self):
        action = self.env.ref(
            "defis_network.action_defis_structures_not_represented").sudo(self.defis_user).run()
        self.assertEqual(action["res_model"], "res.partner")
        listed = self.env["res.partner"].search(action["domain"])
        self.assertIn(self.ccas, listed)
        self.assertNotIn(self.withdrawn, listed)
