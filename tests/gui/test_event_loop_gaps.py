"""The window keeps answering during long tasks (slow; issue 17 acceptance, issue 16.3).

Runs ``tests/gui/event_loop_gaps.py`` in its own process (a clean window and screen) and
checks the event-loop gaps it measures with a 10 ms timer: p99 <= 50 ms and no gap
over 250 ms during a 200-file import, a PLS calibration, a report save, the matrix of
150 samples, and selecting and filtering in a 1,000-sample x 10-spectrum project. The
figures are printed; the machine is shared, so read them beside the idle line.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -m slow tests/gui/test_event_loop_gaps.py -s
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SCENARIOS = ("idle", "import", "pls", "report", "matrix", "select", "filter")


@pytest.mark.slow
def test_event_loop_gaps_stay_small(tmp_path):
    out = tmp_path / "gaps.json"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(
        [sys.executable, str(HERE / "event_loop_gaps.py"), *SCENARIOS, "--json", str(out)],
        cwd=HERE.parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    print(done.stdout)
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(out.read_text())
    slow = {
        name: (f["p99_ms"], f["worst_ms"])
        for name, f in figures.items()
        if name != "idle" and not f["ok"]
    }
    assert not slow, f"p99 > 50 ms or a gap > 250 ms (p99, worst): {slow}"
