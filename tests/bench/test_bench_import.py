"""Households imported from a spreadsheet through Odoo's import (``load``,
as the import screen calls it) with the network add-on's checks: the time a
row takes at 100 and 1,000 rows, and 10,000 with ``BENCH_SCALE=100``. An
import is linear when that time stays flat as the file grows."""
import os

from .harness import RESULTS, BenchCase

SIZES = (100, 1000, 10000) if os.environ.get("BENCH_SCALE") == "100" else (100, 1000)
FIELDS = ["name", "defis_is_household", "street", "zip", "city", "phone", "email"]


def household_rows(count, first=0):
    return [["Foyer importé %05d" % number, "1", "%d rue de la Marne" % (number % 200 + 1),
             "56600", "Lanester", "06 20 %02d %02d %02d" % (
                 number // 10000, number // 100 % 100, number % 100),
             "foyer%05d@example.org" % number]
            for number in range(first, first + count)]


class TestBenchImport(BenchCase):

    def import_rows(self, rows):
        result = self.env["res.partner"].load(FIELDS, rows)
        errors = [message for message in result["messages"] if message["type"] == "error"]
        assert not errors and len(result["ids"]) == len(rows), errors[:3]

    def test_time_per_row_is_flat(self):
        per_row = {}
        for size in SIZES:
            rows = household_rows(size)
            per_row[size] = self.timed_run(lambda rows=rows: self.import_rows(rows)) / size
        smallest, largest = SIZES[0], SIZES[-1]
        RESULTS.append({"case": "import of households: time a row, %d vs %d rows"
                                % (largest, smallest),
                        "candidate_s": per_row[largest], "baseline_s": per_row[smallest],
                        "ratio": per_row[largest] / per_row[smallest], "units": 1})
        print("\nbench import of households, ms a row: %s; ratio %d rows / %d rows %.2f" % (
            ", ".join("%d rows %.1f" % (size, 1000 * per_row[size]) for size in SIZES),
            largest, smallest, per_row[largest] / per_row[smallest]))
