import subprocess
import tempfile

from odoo.tools import config

from .common import TrainingCase
from .test_attendance import SESSIONS


def pdf_text(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf_file:
        pdf_file.write(pdf)
        pdf_file.flush()
        return subprocess.run(
            ["pdftotext", "-layout", pdf_file.name, "-"], stdout=subprocess.PIPE,
            check=True).stdout.decode()


class TestCertificate(TrainingCase):

    @classmethod
    def set_up_class_data(cls):  # pylint: disable=missing-return
        super().set_up_class_data()
        cls.programme = cls.create_programme()
        cls.course = cls.create_run(cls.programme, SESSIONS, name="NAQ printemps 2018")
        cls.alice = cls.register(cls.course, cls.create_learner("Alice Martin"))
        cls.bruno = cls.register(cls.course, cls.create_learner("Bruno Le Goff"))
        first, second, third, _fourth = cls.course.defis_session_ids
        cls.attend(first, cls.alice)
        cls.attend(second, cls.alice, hours=1.75)  # late arrival
        cls.attend(third, cls.alice, "excused")
        cls.attend(first, cls.bruno)
        cls.report = cls.env.ref("defis_training.action_report_defis_training_certificate")

    def render_pdf(self, registrations):
        # Odoo renders HTML instead of PDF in tests unless a report directory is set
        with tempfile.TemporaryDirectory() as directory:
            previous = config["test_report_directory"]
            config["test_report_directory"] = directory
            try:
                pdf, kind = self.report.render_qweb_pdf(registrations.ids)
            finally:
                config["test_report_directory"] = previous
        self.assertEqual(kind, "pdf")
        return pdf_text(pdf)

    def test_certificate_lists_hours(self):
        text = self.render_pdf(self.alice)
        self.assertIn("Attestation de formation et de présence", text)
        self.assertIn("Alice Martin", text)
        self.assertIn("Numérique au quotidien", text)
        self.assertIn("du 05/03/2018 au 26/03/2018", text)
        self.assertIn("05/03/2018", text)
        self.assertIn("09:00 - 11:30", text)  # Paris time
        self.assertIn("12/03/2018", text)
        self.assertNotIn("19/03/2018", text)  # excused
        self.assertIn("1 h 45", text)
        self.assertIn("Total des heures de présence : 4 h 15 sur 10 h prévues", text)
        self.assertIn(self.env.user.company_id.name, text)
        self.assertNotIn("Bruno", text)

    def test_company_phone_as_dialled(self):
        """The association's number as a French reader dials it, whatever
        form it is stored in."""
        self.env.user.company_id.partner_id.phone = "+33297000000"
        text = self.render_pdf(self.alice)
        self.assertIn("02 97 00 00 00", text)
        self.assertNotIn("+33297000000", text)

    def test_certificate_says_what_is_true(self):
        """4 h of 5 h (80 %) completes the course by the threshold: the
        certificate does not say the whole course was attended."""
        sessions = [("2018-06-04 07:00:00", "2018-06-04 09:30:00"),
                    ("2018-06-11 07:00:00", "2018-06-11 09:30:00")]
        run = self.create_run(self.programme, sessions, name="NAQ juin 2018")
        whole, threshold, part = (
            self.register(run, self.create_learner(name))
            for name in ("Chloé Tanguy", "Denis Le Bihan", "Erwan Riou"))
        first, second = run.defis_session_ids
        for learner in (whole, threshold, part):
            self.attend(first, learner)
        self.attend(second, whole)
        self.attend(second, threshold, hours=1.5)
        self.assertEqual(threshold.defis_completion_rate, 80.0)
        self.assertTrue(threshold.defis_completed)
        texts = {registration: " ".join(self.render_pdf(registration).split())
                 for registration in (whole, threshold, part)}
        self.assertIn("a suivi l'intégralité de la formation", texts[whole])
        self.assertNotIn("intégralité", texts[threshold])
        self.assertIn("4 h sur 5 h prévues (80 %)", texts[threshold])
        self.assertIn("a validé la formation : ses heures de présence atteignent le seuil "
                      "de validation de 80 %", texts[threshold])
        self.assertIn("a suivi une partie de la formation, sous le seuil de validation de "
                      "80 %", texts[part])

    def test_hours_written_one_way(self):
        """Whole and partial hours in the same format: « 3 h », « 1 h 30 »."""
        registration = self.env["event.registration"]
        self.assertEqual([registration._defis_format_hours(hours) for hours in
                          (3.0, 1.5, 0.25, 10.0, 2.9999)],
                         ["3 h", "1 h 30", "0 h 15", "10 h", "3 h"])
        for line in self.alice._defis_certificate_lines():
            self.assertRegex(line["hours"], r"^\d+ h( \d\d)?$")

    def test_certificates_of_a_run_in_bulk(self):
        action = self.course.action_print_certificates()
        self.assertEqual(action["report_name"], "defis_training.report_certificate")
        self.assertEqual(set(action["context"]["active_ids"]), {self.alice.id, self.bruno.id})
        text = self.render_pdf(self.course.registration_ids)
        self.assertIn("Alice Martin", text)
        self.assertIn("Bruno Le Goff", text)
        self.assertEqual(text.count("Total des heures de présence"), 2)
        self.assertEqual(text.strip("\f").count("\f"), 1)  # one page each
        self.assertIn("2 h 30 sur 10 h prévues", text)
