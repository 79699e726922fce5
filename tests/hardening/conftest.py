"""Hardening tests: print how many fuzz inputs ran per importer at the end of the session."""

from __future__ import annotations


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    from tests.hardening.fuzzlib import COUNTS

    if not COUNTS:
        return
    tr = terminalreporter
    tr.section("fuzz inputs run per importer")
    for key in sorted(COUNTS):
        tr.write_line(f"{key:32s} {COUNTS[key]:7d}")
    tr.write_line(f"{'total':32s} {sum(COUNTS.values()):7d}")
