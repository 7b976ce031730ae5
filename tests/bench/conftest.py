from .harness import RESULTS, write_results


def pytest_terminal_summary(terminalreporter):
    if not RESULTS:
        return
    terminalreporter.section("benchmarks (ratio = candidate / baseline, same run)")
    for row in RESULTS:
        terminalreporter.write_line("%-60s ratio %6.2f  (%.3fs vs %.3fs, %d units)" % (
            row["case"], row["ratio"], row["candidate_s"], row["baseline_s"], row["units"]))
    write_results()
