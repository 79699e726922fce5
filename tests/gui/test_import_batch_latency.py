"""A batch import through the window keeps the event loop responsive (slow test).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -m slow \
     tests/gui/test_import_batch_latency.py -s
It prints the event-loop lateness (LatencyProbe) while 300 files are read on the worker
thread, previewed in one table and applied in slices, and checks the 99th percentile
stays under 100 ms.
"""

from __future__ import annotations

import time

import pytest
from test_import_flow import confirm, wait_preview, write_spectrum_csv

from workbench.gui.latency import LatencyProbe

N_FILES = 300


@pytest.mark.slow
def test_batch_import_keeps_the_gui_responsive(window, qtbot, make_project, tmp_path):
    project = make_project(1, 0)
    window.set_project(project)
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(N_FILES):
        write_spectrum_csv(folder / f"s{i:04d}.csv", 800 + 3 * i)
    probe = LatencyProbe(10)
    probe.start()
    t0 = time.perf_counter()
    window.import_files([str(folder)])
    dialog = wait_preview(window, qtbot)
    t_read = time.perf_counter() - t0
    reading = list(probe.samples)
    probe.start()
    t1 = time.perf_counter()
    summary = confirm(window, qtbot, dialog)
    t_apply = time.perf_counter() - t1
    probe.stop()
    applying = list(probe.samples)
    assert summary.count("imported") == N_FILES
    lateness = sorted(reading + applying)
    p99 = lateness[int(0.99 * (len(lateness) - 1))]
    print(
        f"\n{N_FILES} files: read+preview {t_read:.1f} s, apply {t_apply:.2f} s; "
        f"event-loop lateness p99 {p99 * 1000:.0f} ms, worst {lateness[-1] * 1000:.0f} ms"
    )
    assert p99 < 0.1
