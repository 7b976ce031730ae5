"""The workers' memory limits leave room for the programs a worker runs:
wkhtmltopdf for PDF reports and lessc for the website's styles both inherit
the worker's address-space limit (limit_memory_hard) and crash under it when
it is too low (1 GiB: "Échec de Wkhtmltopdf (code d'erreur : -11)")."""
import subprocess

from .committed import committed_env
from .stack import Client, journal_text

SOURCE = "127.0.0.20"
ERROR_DIALOG = "__assetsBundleErrorSeen"


def test_pdf_report_printed_by_a_worker(stack, tmp_path):
    journal = []
    admin = Client(stack, SOURCE, journal)
    admin.login("admin", "admin")
    module_id = admin.call_kw("ir.module.module", "search", [[("name", "=", "defis_network")]])[0]
    answer = admin.get("/report/pdf/base.report_irmodulereference/%d" % module_id)
    assert answer.status_code == 200, journal_text(journal) + stack.log_tail()
    assert answer.headers["Content-Type"] == "application/pdf", journal_text(journal)
    pdf = tmp_path / "module.pdf"
    pdf.write_bytes(answer.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], stdout=subprocess.PIPE,
                          universal_newlines=True, check=True).stdout
    assert "defis_network" in text


def test_styles_compiled_by_a_worker(stack):
    journal = []
    with committed_env() as env:
        # the website's compiled styles, compiled again on the next page
        env["ir.attachment"].search([("url", "=like", "/web/content/%web.assets_frontend%")]
                                    ).unlink()
    page = Client(stack, SOURCE, journal).get("/formations")
    assert page.status_code == 200, journal_text(journal)
    assert "web.assets_frontend" in page.text
    assert ERROR_DIALOG not in page.text, stack.log_tail()
