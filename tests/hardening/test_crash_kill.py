"""Crash safety: SIGKILL at random moments during import, analysis and save loses nothing.

See ``crashlib`` for the harness. Every kill is followed by a check that the project
opens without warnings and holds exactly the last saved state (or the state whose
save completed its atomic replace just before the kill), compared by a SHA-256 over
all samples, arrays, results, stored sources and the audit log. The default run does
10 kills; ``-m slow`` does 200. Each child imports (single files and batches parsed
by worker processes), analyses, labels, edits, saves, and saves as to a second file;
after every kill no process of its session may remain. (tests/test_project_crash.py
kills only during saves of a fixed change; this harness covers the whole cycle.)
"""

from __future__ import annotations

import pytest

from tests.hardening.crashlib import run_kills


def test_sigkill_during_import_analyse_save_loses_nothing(tmp_path):
    stats = run_kills(tmp_path, kills=10, seed=1)
    assert stats.kills == 10
    assert stats.saves_survived > 0, "no save completed before any kill: delays too short"


@pytest.mark.slow
def test_sigkill_200_kills(tmp_path):
    stats = run_kills(tmp_path, kills=200, seed=7)
    assert stats.kills == 200
    assert stats.in_save >= 20, f"too few kills landed inside a save: {stats}"
    assert stats.actions == {"crash.fwproj", "crash-saved-as.fwproj"}, "Save As was not killed"
    print(
        f"\n{stats.kills} kills survived: {stats.in_save} inside a save "
        f"({stats.new_state_after_kill} after the replace), {stats.saves_survived} saves "
        f"checked, {stats.samples_last} samples at the end"
    )
