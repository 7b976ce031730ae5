"""Side-by-side measures: each case runs a candidate and its baseline in the
same process, on the same data, alternately, and reports the ratio of their
best times. Every run is rolled back, so both start from the same state.
Benchmarks print; they assert nothing about time."""
import json
import os
import time

import requests

from odoo.tests.common import TransactionCase
from odoo.tools import config

RESULTS = []
PAGES = []
ARTIFACTS = os.path.join(os.path.dirname(__file__), "..", "..", "artifacts")


class BenchCase(TransactionCase):

    repeat = 2

    def timed_run(self, function):
        self.cr.execute("SAVEPOINT bench_run")
        start = time.perf_counter()
        function()
        elapsed = time.perf_counter() - start
        self.cr.execute("ROLLBACK TO SAVEPOINT bench_run")
        self.env.cache.invalidate()
        return elapsed

    def compare(self, case, candidate, baseline, unit_count=1, scale=None):
        """Time ``candidate`` and ``baseline`` alternately; print the ratio.
        ``scale``: the volume (1 for the demo's, 10 for ten times...), for
        the table of ratios by volume."""
        cand_times, base_times = [], []
        for _round in range(self.repeat):
            cand_times.append(self.timed_run(candidate))
            base_times.append(self.timed_run(baseline))
        result = {
            "case": case,
            "candidate_s": min(cand_times),
            "baseline_s": min(base_times),
            "ratio": min(cand_times) / min(base_times),
            "units": unit_count,
        }
        if scale:
            result["scale"] = scale
        RESULTS.append(result)
        print("\nbench %-58s candidate %8.3fs  baseline %8.3fs  ratio %6.2f%s" % (
            case, result["candidate_s"], result["baseline_s"], result["ratio"],
            "  (%d×)" % scale if scale else ""))
        return result


class PageBenchCase(BenchCase):
    """Pages served by the Odoo of the test run, fetched anonymously."""

    requests_per_run = 20

    def setUp(self):
        super().setUp()
        self.base_url = "http://127.0.0.1:%d" % config["http_port"]
        self.http = requests.Session()

    def get(self, path, marker):
        page = self.http.get(self.base_url + path, timeout=60)
        self.assertEqual(page.status_code, 200, path)
        self.assertIn(marker, page.text, path)

    def getter(self, path, marker):
        """A run of ``requests_per_run`` GETs of ``path``, after a warm-up
        (templates compiled, caches filled)."""
        self.get(path, marker)

        def run():
            for _i in range(self.requests_per_run):
                self.get(path, marker)
        return run


def record_page(case, scale, queries, seconds, rows):
    """A list's first page at a volume: its queries and its time."""
    PAGES.append({"case": case, "scale": scale, "queries": queries, "seconds": seconds,
                  "rows": rows})
    print("\npage  %-40s %3d×  %3d queries  %7.3fs  (%d rows)" % (
        case, scale, queries, seconds, rows))


def pages_by_scale():
    """``[(list, {scale: (queries, seconds)})]`` in the order they ran."""
    table = {}
    for row in PAGES:
        table.setdefault(row["case"], {})[row["scale"]] = (row["queries"], row["seconds"])
    return list(table.items())


def ratios_by_scale():
    """``[(case, {scale: ratio})]`` for the cases measured at several
    volumes, in the order they ran."""
    table = {}
    for row in RESULTS:
        if "scale" in row:
            table.setdefault(row["case"], {})[row["scale"]] = row["ratio"]
    return list(table.items())


def write_results():
    if not RESULTS and not PAGES:
        return
    folder = os.path.abspath(ARTIFACTS)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "bench.json"), "w") as out:
        json.dump({"cases": RESULTS, "pages": PAGES}, out, indent=2)
