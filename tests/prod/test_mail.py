"""Outgoing mail of the production stack, from the SMTP settings of its
environment, received by a real SMTP server on loopback."""
from .committed import committed_run
from .stack import Client, journal_text, wait_as_a_person_would

SOURCE = "127.0.0.18"
PEOPLE = (   # name, phone as typed and as the mail shows it, e-mail
    ("Camille Courriel", "06 12 00 02 01", "camille.courriel@example.org"),
    ("Dominique Voisin", "06 12 00 02 02", "dominique.voisin@example.org"),
)


def send_queued_mail(stack, journal, recipients):
    """What the mail queue's cron does, for these recipients only, asked by
    the administrator through the web client's RPC."""
    admin = Client(stack, SOURCE, journal)
    admin.login("admin", "admin")
    mail_ids = admin.call_kw("mail.mail", "search", [[("email_to", "in", list(recipients))]])
    assert len(mail_ids) == len(recipients), journal_text(journal)
    admin.call_kw("mail.mail", "send", [mail_ids])


def text_of(message):
    return message.get_body(preferencelist=("html", "plain")).get_content()


def test_registration_confirmation_mail(stack, smtp_sink):
    journal = []
    with committed_run("Courriel de confirmation (proxy)") as run:
        visitor = Client(stack, SOURCE, journal)
        page = "/formations/%s" % run["slug"]
        forms = [visitor.form_fields(page) for _person in PEOPLE]
        wait_as_a_person_would()
        for (name, phone, email), form in zip(PEOPLE, forms):
            answer = visitor.post(page + "/inscription", data=dict(
                form, name=name, phone=phone, email=email))
            assert "/merci" in answer.headers.get("Location", ""), journal_text(journal)
        send_queued_mail(stack, journal, [email for _name, _phone, email in PEOPLE])
        for (name, phone, email), (other, other_phone, other_email) in (
                (PEOPLE[0], PEOPLE[1]), (PEOPLE[1], PEOPLE[0])):
            message = smtp_sink.wait_for(email)
            body = text_of(message)
            journal.append("SMTP to %s: %s | %s" % (
                message["To"], message["Subject"], " ".join(body.split())[:160]))
            print(journal[-1])
            assert message["To"] == email, journal_text(journal)
            assert message["Subject"] == "Votre inscription : Courriel de confirmation (proxy)"
            assert "Bonjour %s" % name in body, journal_text(journal)
            assert phone in body, journal_text(journal)
            for foreign in (other, other_email, other_phone):
                assert foreign not in body and foreign not in str(message["To"]), foreign
