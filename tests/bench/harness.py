"""Side-by-side measures: each case runs a candidate and its baseline in the
same process, on the same data, alternately, and reports the ratio of their
best times. Every run is rolled back, so both start from the same state.
Benchmarks print; they assert nothing about time."""
import json
import os
import time

from odoo.tests.common import TransactionCase

RESULTS = []
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

    def compare(self, case, candidate, baseline, unit_count=1):
        """Time ``candidate`` and ``baseline`` alternately; print the ratio."""
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
        RESULTS.append(result)
        print("\nbench %-58s candidate %8.3fs  baseline %8.3fs  ratio %6.2f" % (
            case, result["candidate_s"], result["baseline_s"], result["ratio"]))
        return result


def write_results():
    if not RESULTS:
        return
    folder = os.path.abspath(ARTIFACTS)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "bench.json"), "w") as out:
        json.dump(RESULTS, out, indent=2)
