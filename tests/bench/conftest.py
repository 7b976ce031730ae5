from .harness import PAGES, RESULTS, pages_by_scale, ratios_by_scale, write_results


def pytest_terminal_summary(terminalreporter):
    if RESULTS:
        write_ratios(terminalreporter)
    if PAGES:
        write_page_table(terminalreporter)
    write_results()


def write_ratios(terminalreporter):
    terminalreporter.section("benchmarks (ratio = candidate / baseline, same run)")
    for row in RESULTS:
        case = row["case"] + (" (%d×)" % row["scale"] if "scale" in row else "")
        terminalreporter.write_line("%-60s ratio %6.2f  (%.3fs vs %.3fs, %d units)" % (
            case, row["ratio"], row["candidate_s"], row["baseline_s"], row["units"]))
    write_scale_table(terminalreporter)


def write_scale_table(terminalreporter):
    """The ratios of the cases measured at several volumes, side by side."""
    table = ratios_by_scale()
    if not table:
        return
    scales = sorted({scale for _case, ratios in table for scale in ratios})
    terminalreporter.section("ratios by volume (× the demo's)")
    terminalreporter.write_line("%-60s %s" % ("", "".join("%8d×" % s for s in scales)))
    for case, ratios in table:
        terminalreporter.write_line("%-60s %s" % (case, "".join(
            "%9.2f" % ratios[s] if s in ratios else "%9s" % "-" for s in scales)))


def write_page_table(terminalreporter):
    """The first page of each list at each volume: queries, then seconds."""
    table = pages_by_scale()
    scales = sorted({scale for _case, pages in table for scale in pages})
    terminalreporter.section("first page of the lists by volume: queries (seconds)")
    terminalreporter.write_line("%-40s %s" % ("", "".join("%15d×" % s for s in scales)))
    for case, pages in table:
        terminalreporter.write_line("%-40s %s" % (case, "".join(
            "%7d (%6.3f)" % pages[s] if s in pages else "%16s" % "-" for s in scales)))
