"""Import from the window: drop -> preview -> confirm -> plot -> undo; failures; batches.

The files are generated here (a two-column FTIR CSV, a NETZSCH-like TGA export, a file
in no known format), so these tests do not need ../shared.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from workbench.gui.import_command import EXISTING, Target
from workbench.gui.import_preview_model import COLS


def write_spectrum_csv(path: Path, peak: float = 1700.0) -> Path:
    x = np.linspace(4000, 400, 200)
    y = np.exp(-(((x - peak) / 100) ** 2))
    path.write_text("\n".join(f"{a:.2f},{b:.5f}" for a, b in zip(x, y)) + "\n")
    return path


def write_netzsch_tga(path: Path, sample: str = "Birch chips") -> Path:
    t = np.linspace(30, 800, 100)
    lines = [
        "#EXPORTTYPE:DATA SINGLE",
        "#FORMAT:NETZSCH5",
        "#FTYPE:ANSI",
        "#DECIMAL:POINT",
        "#SEPARATOR:SEMICOLON",
        "#INSTRUMENT:NETZSCH TG 209F1 Libra",
        f"#SAMPLE:{sample}",
        "#SAMPLE MASS /mg:8.91",
        "#RANGE:30\xb0C/10.0(K/min)/800\xb0C",
        "",
        "##Temp./\xb0C;Time/min;Mass/%",
    ]
    lines += [f"{a:.3f};{i * 0.1:.3f};{100 - a / 10:.4f}" for i, a in enumerate(t)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def write_unknown(path: Path) -> Path:
    path.write_text("hello world\nthis is no instrument export\n")
    return path


def drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def wait_preview(window, qtbot):
    ctrl = window.import_controller
    ctrl.dialog = None
    qtbot.waitUntil(lambda: ctrl.dialog is not None and ctrl.dialog.isVisible(), timeout=30000)
    return ctrl.dialog


def confirm(window, qtbot, dialog):
    with qtbot.waitSignal(window.import_controller.importFinished, timeout=30000) as blocker:
        dialog.accept()
    return blocker.args[0]


def test_drop_preview_confirm_plot_undo(window, qtbot, make_project, tmp_path):
    project = make_project(1, 1)
    window.set_project(project)
    before = (set(project.samples), set(project.sources))
    tga = write_netzsch_tga(tmp_path / "run1.txt")
    spec = write_spectrum_csv(tmp_path / "pine.csv")
    drop(window, [tga, spec])
    dialog = wait_preview(window, qtbot)
    assert dialog.model.rowCount() == 2
    texts = [{c: dialog.cell_text(r, c) for c in COLS} for r in range(2)]
    tga_row = next(t for t in texts if t["file"] == "run1.txt")
    assert "NETZSCH" in tga_row["format"] and "TG 209F1" in tga_row["instrument"]
    assert tga_row["samples"] == "Birch chips" and tga_row["points"] == "100"
    assert "Temperature 30–800 °C" in tga_row["values"] and "Mass 20–97 %" in tga_row["values"]
    assert tga_row["target"] == "Birch chips (new)"
    spec_row = next(t for t in texts if t["file"] == "pine.csv")
    assert "cm⁻¹" in spec_row["values"] and spec_row["target"] == "pine (new)"
    assert "assumed" in spec_row["notes"]  # a headerless CSV: wavenumbers assumed
    assert project.samples.keys() == before[0], "nothing is written before Import"

    summary = confirm(window, qtbot, dialog)
    assert summary.count("imported") == 2 and summary.count("failed") == 0
    birch = project.find_sample("birch CHIPS")
    assert birch is not None and project.find_sample("pine") is not None
    m = next(iter(birch.measurements.values()))
    assert m.kind == "tga" and m.n_points == 100 and m.source_sha256 in project.sources
    assert window.tree_model.rowCount() == 3 and window.table_model.rowCount() == 3

    window.select_sample(birch.id)
    plots = window.plot.plot_items()
    assert len(plots) == 1
    assert plots[0].getAxis("bottom").labelUnits == "°C"
    assert plots[0].getAxis("left").labelUnits == "%"
    assert "imported" in window.message_bar.text()

    window.undo_stack.undo()
    assert (set(project.samples), set(project.sources)) == before
    assert window.tree_model.rowCount() == 1
    window.undo_stack.redo()
    assert project.find_sample("Birch chips") is birch and m.id in birch.measurements
    assert len(project.sources) == len(before[1]) + 2
    assert window.table_model.rowCount() == 3


def test_targets_existing_and_new_sample(window, qtbot, make_project, tmp_path):
    project = make_project(2, 1)
    window.set_project(project)
    first = write_netzsch_tga(tmp_path / "a.txt", sample="Somewhere else")
    second = write_spectrum_csv(tmp_path / "b.csv")
    window.import_files([str(first), str(second)])
    dialog = wait_preview(window, qtbot)
    rows = {dialog.items[r].path: r for r in range(2)}
    dialog.set_target(rows[str(first)], Target(EXISTING, "Sample 2"))
    dialog.table.selectRow(rows[str(second)])
    dialog.radio_new.setChecked(True)
    dialog.new_name.setText("Spruce bark")
    dialog.apply_target_to_selection()
    assert dialog.cell_text(rows[str(second)], "target") == "Spruce bark (new)"
    confirm(window, qtbot, dialog)
    s2 = project.find_sample("Sample 2")
    assert [m.kind for m in s2.measurements.values()] == ["tga", "tga"]
    assert project.find_sample("Somewhere else") is None
    bark = project.find_sample("spruce  bark")
    assert [m.kind for m in bark.measurements.values()] == ["spectrum"]
    window.undo_stack.undo()
    assert len(s2.measurements) == 1 and project.find_sample("Spruce bark") is None


def test_failed_file_shows_reason_and_project_unchanged(window, qtbot, make_project, tmp_path):
    project = make_project(1, 1)
    window.set_project(project)
    audit = len(project.audit)
    bad = write_unknown(tmp_path / "notes.txt")
    window.import_files([str(bad)])
    dialog = wait_preview(window, qtbot)
    assert dialog.cell_text(0, "result") == "Failed"
    reason = dialog.cell_text(0, "notes")
    assert dialog.table.columnSpan(0, COLS.index("notes")) >= 1  # over the columns in view
    assert "expected a supported instrument export" in reason and "byte 0" in reason
    assert not dialog.import_button.isEnabled()
    assert dialog.define_button.isEnabled()
    dialog.table.selectRow(0)  # the side panel shows what the file holds
    facts = dialog.details.facts.toPlainText()
    assert "The first lines of the file:" in facts and "this is no instrument export" in facts
    assert not dialog.details.plot.isVisibleTo(dialog)  # the lines take the plot's room
    dialog.reject()
    assert len(project.audit) == audit and not project.dirty
    assert window.undo_stack.count() == 0


def test_the_first_lines_of_a_failed_file_are_shown_safely(tmp_path):
    from workbench.gui.import_details import HEAD_BYTES, file_head

    assert file_head(str(write_unknown(tmp_path / "a.txt"))).splitlines() == [
        "hello world",
        "this is no instrument export",
    ]
    (tmp_path / "b.bin").write_bytes(b"PK\x03\x04\x00\x00binary")
    assert file_head(str(tmp_path / "b.bin")) == ""  # binary: nothing shown
    (tmp_path / "c.txt").write_bytes("Näyte\tMassa\r\n\x1b[31m".encode("cp1252"))
    assert file_head(str(tmp_path / "c.txt")) == "Näyte\tMassa\n\\x1b[31m"  # control escaped
    (tmp_path / "d.txt").write_text(("x" * 50 + "\n") * (HEAD_BYTES // 10))
    assert len(file_head(str(tmp_path / "d.txt")).splitlines()) == 20
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.csv")
        assert file_head(str(tmp_path / "pipe.csv")) == ""  # never blocks
    assert file_head(str(tmp_path / "missing.csv")) == ""


def test_mixed_batch_reports_failures_and_duplicates(window, qtbot, make_project, tmp_path):
    project = make_project(1, 1)
    window.set_project(project)
    spec = write_spectrum_csv(tmp_path / "s.csv")
    bad = write_unknown(tmp_path / "bad.txt")
    window.import_files([str(spec), str(bad)])
    summary = confirm(window, qtbot, wait_preview(window, qtbot))
    assert summary.count("imported") == 1 and summary.count("failed") == 1
    failed = next(o for o in summary.outcomes if o.status == "failed")
    assert "bad.txt" in failed.message
    log = [
        window.task_panel.log_view.topLevelItem(i).text(1)
        for i in range(window.task_panel.log_count())
    ]
    assert any("Not imported" in t and "bad.txt" in t for t in log)
    # the same file again: shown as already imported, unticked; ticking reports it
    window.import_files([str(spec)])
    dialog = wait_preview(window, qtbot)
    assert dialog.cell_text(0, "result") == "Already imported"
    assert dialog.choices() == []
    dialog.set_checked(0, True)
    summary = confirm(window, qtbot, dialog)
    assert summary.count("already present") == 1
    assert window.undo_stack.count() == 1


def _many(tmp_path: Path, n: int) -> list[Path]:
    folder = tmp_path / "batch"
    folder.mkdir()
    return [write_spectrum_csv(folder / f"s{i:03d}.csv", 1000 + 5 * i) for i in range(n)]


def test_batch_cancel_while_reading_changes_nothing(window, qtbot, make_project, tmp_path):
    project = make_project(1, 1)
    window.set_project(project)
    files = _many(tmp_path, 50)
    seen = []
    window.import_controller.previewShown.connect(seen.append)
    task = window.import_controller.import_files([str(tmp_path / "batch")])
    qtbot.waitUntil(lambda: task.fraction > 0.05 or task.state != "running", timeout=10000)
    task.cancel()
    qtbot.waitUntil(lambda: task.state != "running", timeout=10000)
    assert len(files) == 50
    if task.state == "cancelled":
        assert seen == []
        assert "cancelled" in window.message_bar.text().lower()
    assert len(project.samples) == 1 and window.undo_stack.count() == 0
    for d in seen:
        d.reject()


def test_large_batch_is_one_table_applied_in_slices(window, qtbot, make_project, tmp_path):
    from workbench.gui import import_controller

    project = make_project(1, 1)
    window.set_project(project)
    _many(tmp_path, 40)
    window.import_controller.import_files([str(tmp_path / "batch")])
    dialog = wait_preview(window, qtbot)
    assert dialog.model.rowCount() == 40
    slices = []
    original = import_controller.ImportController._apply_slice

    def counting(self):
        slices.append(len(self._queue))
        original(self)

    import_controller.SLICE_SECONDS, old = 0.0, import_controller.SLICE_SECONDS
    try:
        import_controller.ImportController._apply_slice = counting
        summary = confirm(window, qtbot, dialog)
    finally:
        import_controller.ImportController._apply_slice = original
        import_controller.SLICE_SECONDS = old
    assert summary.count("imported") == 40
    assert len(slices) > 5, "applying must yield to the event loop between slices"
    assert len(project.samples) == 41 and window.undo_stack.count() == 1
    assert window.isEnabled(), "the window is locked only while a large batch is applied"
    assert window.tree_model.rowCount() == 41 and window.table_model.rowCount() == 41
    window.undo_stack.undo()
    assert len(project.samples) == 1 and not project.sources
    assert window.tree_model.rowCount() == 1 and window.table_model.rowCount() == 1
    window.undo_stack.redo()
    assert window.tree_model.rowCount() == 41 and len(project.sources) == 40


@pytest.mark.parametrize("name", ["pytga_netzsch_TG209F1_single.txt"])
def test_shared_netzsch_file(window, qtbot, make_project, name):
    shared = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "tga" / name
    if not shared.is_file():
        pytest.skip(f"{shared} is absent (../shared not checked out)")
    project = make_project(0, 0)
    window.set_project(project)
    window.import_files([str(shared)])
    dialog = wait_preview(window, qtbot)
    assert "NETZSCH" in dialog.cell_text(0, "format")
    confirm(window, qtbot, dialog)
    sample = project.find_sample("AlPyr")
    assert sample is not None
    window.select_sample(sample.id)
    assert window.plot.plot_items()[0].getAxis("bottom").labelUnits == "°C"


def test_drop_without_a_project_starts_a_new_one(window, qtbot, tmp_path):
    assert window.doc.project is None
    drop(window, [write_spectrum_csv(tmp_path / "first.csv")])
    dialog = wait_preview(window, qtbot)
    confirm(window, qtbot, dialog)
    project = window.doc.project
    assert project is not None and project.path is None
    assert project.find_sample("first") is not None


def test_batch_parsed_on_worker_processes_imports_like_one_by_one(
    window, qtbot, make_project, tmp_path, monkeypatch, record_workers
):
    """The window's batch import with worker processes on (as the application turns
    them on for large batches): the preview lists every file in order and the
    import stores the same values as the files hold."""
    from workbench.importers import parallel

    monkeypatch.setenv(parallel.ENV, "1")
    from_workers = record_workers(0.03)
    project = make_project(1, 1)
    window.set_project(project)
    files = _many(tmp_path, 70)
    window.import_controller.import_files([str(tmp_path / "batch")])
    dialog = wait_preview(window, qtbot)
    assert dialog.model.rowCount() == 70
    assert "ok" in from_workers
    assert [dialog.cell_text(r, 0) for r in range(70)] == [f.name for f in files]
    summary = confirm(window, qtbot, dialog)
    assert summary.count("imported") == 70
    by_name = {s.name: s for s in project.samples.values()}
    for f in (files[0], files[35], files[69]):
        m = next(iter(by_name[f.stem].measurements.values()))
        expected = np.loadtxt(f, delimiter=",")  # no header line
        assert np.array_equal(np.asarray(m.columns["y"].data), expected[:, 1])
