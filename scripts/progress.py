"""Plain progress lines for a person waiting on a database creation.

Odoo's own log goes to a file; this prints on the terminal the phases of the
creation and of the demo, with counts and an estimate of the time left. The
demo generators report on the ``defis.demo`` logger, e.g.
``_progress.info("till sales", extra={"done": 50, "total": 350})``; the
network's XML files are reported when Odoo's loader opens them."""
import logging
import sys
import time

DEMO_LOGGER = "defis.demo"
LOADING_LOGGER = "odoo.modules.loading"
# files of the demo add-on, named for a person
DEMO_FILES = {
    "defis_demo/data/network/defis_subnetwork_demo.xml": "network: sub-networks",
    "defis_demo/data/network/res_partner_structure_demo.xml": "network: 231 structures",
    "defis_demo/data/network/res_partner_referent_demo.xml": "network: referents",
    "defis_demo/data/network/defis_meeting_demo.xml": "network: meetings",
    "defis_demo/data/network/res_partner_household_demo.xml": "network: 300 households",
    "defis_demo/data/network/membership_demo.xml": "network: memberships",
    "defis_demo/data/network/defis_referral_demo.xml": "network: referrals",
    "defis_demo/data/reuse/defis_intake_demo.xml": "workshop: the 40 intakes of 2018",
    "defis_demo/data/reuse/pos_order_demo.xml": "till: the 350 sales of 2018",
    "defis_demo/data/reuse/defis_loan_demo.xml": "loans and recycling",
    "defis_demo/data/reuse/defis_reuse_history_demo.xml": "reuse: the years 2007-2017",
    "defis_demo/data/reuse/defis_reuse_current_demo.xml":
        "workshop, loans and till: the current year",
    "defis_demo/data/defis_training_demo.xml": "training: programmes, funders, trainers",
}


def minutes(seconds):
    seconds = int(round(seconds))
    if seconds < 60:
        return "%d s" % seconds
    return "%d min %02d s" % (seconds // 60, seconds % 60)


class Reporter:
    """Prints a line per phase and, for counted phases, at most one line
    every few seconds with the count and the time left at the pace so far."""

    def __init__(self, stream=None, every=10.0):
        self.stream = stream or sys.stdout
        self.every = every
        self.started = time.time()
        self.phase = None
        self.phase_started = self.started
        self.last_line = 0.0

    def line(self, text):
        self.last_line = time.time()
        self.stream.write("[%s] %s\n" % (minutes(time.time() - self.started), text))
        self.stream.flush()

    def phase_line(self, name, estimate=None):
        self.phase, self.phase_started = name, time.time()
        self.line(name + (" (about %s)" % estimate if estimate else ""))

    def count(self, name, done, total):
        now = time.time()
        if name != self.phase:
            # the counted work began when the previous line was printed
            self.phase, self.phase_started = name, self.last_line or self.phase_started
            self.last_line = 0.0
        if done < total and now - self.last_line < self.every:
            return
        elapsed = now - self.phase_started
        left = elapsed / done * (total - done) if done else None
        self.line("%s %d/%d%s" % (name, done, total, "" if done >= total or left is None
                                  else ", about %s left" % minutes(left)))


class DemoHandler(logging.Handler):
    """Turns the demo generators' records into progress lines."""

    def __init__(self, reporter):
        super().__init__(logging.INFO)
        self.reporter = reporter

    def emit(self, record):
        done, total = getattr(record, "done", None), getattr(record, "total", None)
        if done is not None and total:
            self.reporter.count(record.getMessage(), done, total)
        else:
            self.reporter.phase_line(record.getMessage())


class LoadingHandler(logging.Handler):
    """Names the demo's XML files when Odoo loads them."""

    def __init__(self, reporter):
        super().__init__(logging.INFO)
        self.reporter = reporter

    def emit(self, record):
        if record.msg == "loading %s/%s" and len(record.args) == 2:
            label = DEMO_FILES.get("%s/%s" % record.args)
            if label:
                self.reporter.phase_line(label)


def attach(reporter):
    """Report the demo on ``reporter`` whatever the log level of Odoo."""
    for name, handler in ((DEMO_LOGGER, DemoHandler(reporter)),
                          (LOADING_LOGGER, LoadingHandler(reporter))):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        logger.addHandler(handler)
