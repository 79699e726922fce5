"""Main window: demo opens, selection plots curves with units, title, drop, close."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox


def test_first_start_opens_demo_project(window, qtbot):
    from workbench.gui.app import demo_path, start_window

    start_window(window, None)
    qtbot.waitUntil(lambda: window.doc.project is not None, timeout=60000)
    project = window.doc.project
    assert project.path == demo_path()
    assert len(project.samples) >= 6
    assert window.tree_model.rowCount() == len(project.samples)
    assert window.table_model.rowCount() == len(project.samples)
    assert window.windowTitle().startswith("demo —")
    assert window.ui_settings.first_start_done()
    assert str(demo_path()) in window.ui_settings.recent_files()


def test_selecting_a_sample_plots_its_curves_with_units(window, demo_project):
    window.set_project(demo_project)
    sample = next(
        s for s in demo_project.samples.values() if any(m.is_curve for m in s.measurements.values())
    )
    window.select_sample(sample.id)
    plots = window.plot.plot_items()
    curves = [m for m in sample.measurements.values() if m.is_curve]
    assert sum(len(p.listDataItems()) for p in plots) == len(curves)
    expected_units = {m.columns[m.axes[0]].unit for m in curves}
    shown_units = {p.getAxis("bottom").labelUnits for p in plots}
    assert shown_units == expected_units
    for p in plots:
        for side in ("bottom", "left"):
            axis = p.getAxis(side)
            assert axis.labelText, f"{side} axis has no label"
            assert axis.labelUnits, f"{side} axis has no unit"
            assert f"({axis.labelUnits})" in axis.labelString()
    assert len(window.plot.legend.entries()) == len(curves)  # the legend, beside the plots
    assert sample.name in window.details.text()


def test_selecting_several_samples_overlays_curves(window, make_project):
    project = make_project(3, 2)
    window.set_project(project)
    window.table.selectAll()
    window.flush_plot()  # the curves follow a selection in the next turn of the event loop
    plots = window.plot.plot_items()
    assert len(plots) == 1  # all TGA curves share axes: one plot, overlaid
    assert len(plots[0].listDataItems()) == 6
    assert plots[0].getAxis("bottom").labelString().startswith("<span")
    assert plots[0].getAxis("bottom").labelUnits == "°C"
    assert plots[0].getAxis("left").labelUnits == "%"


def test_measurement_details_show_source_and_sha(window, demo_project):
    window.set_project(demo_project)
    sample, m = next((s, m) for s, m in demo_project.iter_measurements() if m.source_sha256)
    index = window.tree_model.index_of_sample(sample.id)
    child = window.tree_model.index(list(sample.measurements).index(m.id), 0, index)
    window.tree.setCurrentIndex(child)
    text = window.details.text()
    assert m.source_sha256 in text
    assert demo_project.sources[m.source_sha256].name in text


def test_title_marks_dirty_and_read_only(window, make_project):
    project = make_project(1, 1)
    window.set_project(project)
    assert "*" not in window.windowTitle()
    window.add_sample()
    assert window.windowTitle().startswith("Untitled*")
    project.read_only = True
    project.read_only_reason = "opened read-only for the test"
    window.doc.notify_reset()
    window._on_project_replaced()
    assert "[read-only]" in window.windowTitle()
    assert "opened read-only for the test" in window.message_bar.text()
    assert not window.actions_.save.isEnabled()


def test_dropped_files_go_to_import_files(window, make_project, monkeypatch, tmp_path):
    window.set_project(make_project(1, 1))
    received: list[list[str]] = []
    monkeypatch.setattr(window, "import_files", lambda paths: received.append(paths))
    files = [tmp_path / "a.csv", tmp_path / "b.dx"]
    for f in files:
        f.write_text("x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert received == [[str(f) for f in files]]


def test_close_asks_to_save_when_dirty(window, make_project, monkeypatch):
    project = make_project(1, 1)
    window.set_project(project)
    window.add_sample()
    asked = []

    def cancel():
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(window, "ask_save_changes", cancel)
    assert window.close() is False
    assert asked and window.isVisible()
    monkeypatch.setattr(window, "ask_save_changes", lambda: QMessageBox.StandardButton.Discard)
    assert window.close() is True


def test_a_closed_window_starts_no_more_work(window, demo_project, qtbot):
    """Closing releases the project, which restarted the debounced refreshes (stale
    marks): a closed window that something still holds ran them later."""
    from PySide6.QtCore import QTimer

    window.set_project(demo_project)
    window.analysis.show_matrix()
    window.add_sample()
    assert any(t.isActive() for t in window.findChildren(QTimer))
    assert window.close() is True
    running = [t for t in window.findChildren(QTimer) if t.isActive()]
    assert not running, [t.parent() for t in running]


def test_save_as_and_reopen_through_the_window(window, make_project, monkeypatch, tmp_path, qtbot):
    from PySide6.QtWidgets import QFileDialog

    project = make_project(2, 1)
    window.set_project(project)
    target = tmp_path / "saved"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save_as()
    # The save runs on a worker thread; until it ends the project cannot change.
    assert window.doc.busy and not window.actions_.save.isEnabled()
    window.add_sample()
    assert len(project.samples) == 2
    sid = next(iter(project.samples))
    index = window.table_model.index(0, 0)
    assert not window.table_model.setData(index, "renamed during save")
    assert window.close() is False  # closing waits for the save
    qtbot.waitUntil(lambda: not window.doc.busy, timeout=60000)
    assert project.samples[sid].name == "Sample 1"
    assert window.actions_.save.isEnabled()
    saved = Path(str(target) + ".fwproj")
    assert saved.is_file() and not project.dirty
    assert window.windowTitle().startswith("saved —")
    window.close_project()
    assert window.doc.project is None
    window.open_path(str(saved))
    qtbot.waitUntil(lambda: window.doc.project is not None, timeout=60000)
    assert sorted(s.name for s in window.doc.project.samples.values()) == ["Sample 1", "Sample 2"]
    assert window.ui_settings.recent_files()[0] == str(saved.resolve())


def test_open_failure_is_reported_not_raised(window, qtbot, tmp_path):
    bad = tmp_path / "broken.fwproj"
    bad.write_bytes(b"not an hdf5 file")
    task = window.open_path(str(bad))
    qtbot.waitUntil(lambda: task.state != "running", timeout=60000)
    assert task.state == "failed"
    assert "broken.fwproj" in window.message_bar.text()
    assert window.doc.project is None


def test_recovery_is_offered_and_restored(window, make_project, monkeypatch, crashed_recovery):
    project = make_project(2, 1)
    project.add_sample("Unsaved work")
    crashed_recovery(project)
    monkeypatch.setattr(window, "ask_restore", lambda name, when: QMessageBox.StandardButton.Yes)
    assert window.offer_recovery()
    names = {s.name for s in window.doc.project.samples.values()}
    assert "Unsaved work" in names and window.doc.project.dirty


def test_recovery_written_in_background_when_dirty(window, make_project, qtbot):
    from workbench.project import recovery

    project = make_project(1, 1)
    window.set_project(project)
    assert window.write_recovery_now() is None  # clean: nothing to recover
    window.add_sample()
    task = window.write_recovery_now()
    assert task is not None and task.quiet
    window.add_sample()  # editing goes on while the snapshot is written
    qtbot.waitUntil(lambda: task.state != "running", timeout=30000)
    assert task.state == "done", task.details
    found = recovery.list_recoveries()
    assert len(found) == 1 and found[0].samples == 2  # the snapshot, not the later edit
    assert window.task_panel.tasks.topLevelItemCount() == 0  # housekeeping is not listed


def test_stale_recovery_is_dropped_after_save(window, make_project, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from workbench.project import recovery

    project = make_project(1, 1)
    window.set_project(project)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "p"), ""))
    window.add_sample()
    task = window.write_recovery_now()
    assert window.save_as()
    qtbot.waitUntil(lambda: task.state != "running" and not window.doc.busy, timeout=30000)
    assert recovery.list_recoveries() == []


def test_snapshot_is_independent_of_later_edits(make_project):
    from workbench.gui.recovery_writer import recovery_key, snapshot

    project = make_project(2, 1)
    snap = snapshot(project)
    sid = next(iter(project.samples))
    project.set_sample_field(sid, "name", "Changed")
    project.add_sample("New")
    assert snap.samples[sid].name == "Sample 1" and len(snap.samples) == 2
    assert snap.samples[sid].measurements == project.samples[sid].measurements
    assert recovery_key(snap) == recovery_key(project)


def test_diagnostics_lists_versions_and_paths(qapp):
    from workbench.gui.dialogs import diagnostics_text

    text = diagnostics_text()
    for word in (
        "PySide6",
        "pyqtgraph",
        "h5py",
        "numpy",
        "scikit-learn",
        "settings file",
        "log file",
    ):
        assert word in text


def test_details_follow_a_decimal_comma_locale(window, make_project):
    from PySide6.QtCore import QLocale

    from workbench.model import Quantity

    project = make_project(1, 1)
    sid = next(iter(project.samples))
    measurement = next(iter(project.samples[sid].measurements.values()))
    measurement.quantities["ash"] = Quantity(3.104, "%", "db", sd=0.013)
    window.set_project(project)
    previous = QLocale()
    QLocale.setDefault(QLocale("fi_FI"))
    try:
        window.select_sample(sid)
        assert "3,104 ± 0,013 %" in window.details.text()
    finally:
        QLocale.setDefault(previous)
    window._refresh_selection()
    assert "3.104 ± 0.013 %" in window.details.text()


def test_table_and_tree_selections_follow_each_other(window, make_project):
    project = make_project(3, 1)
    window.set_project(project)
    ids = list(project.samples)
    window.table.select_sample(ids[2])
    assert [r[1] for r in window.tree.selected_refs()] == [ids[2]]
    window.select_sample(ids[1])
    assert window.table.selected_sample_ids() == [ids[1]]
    assert len(window.plot.plot_items()[0].listDataItems()) == 1


def test_double_click_after_crash_offers_recovery_and_keeps_it(
    window, make_project, qtbot, tmp_path, crashed_recovery, monkeypatch
):
    """Issue 18: the project opened from its file (a double-click) after a crash offers
    the unsaved work; closing the question and the window without choosing keeps it."""
    from workbench.gui.app import start_window
    from workbench.project import recovery, store

    path = tmp_path / "crashed.fwproj"
    project = make_project(2, 1)
    store.save_project(project, path)
    project.add_sample("Unsaved work")
    info = crashed_recovery(project)
    store.state_of(project).handle.close()
    store.state_of(project).lock.release()
    asked = []
    monkeypatch.setattr(
        window,
        "ask_restore",
        lambda name, when: asked.append(name) or QMessageBox.StandardButton.No,
    )
    start_window(window, str(path))
    qtbot.waitUntil(lambda: window.doc.project is not None, timeout=30000)
    assert asked == ["crashed.fwproj"]
    window.close()
    assert info.file.exists(), "closing without choosing deleted the unsaved work"
    assert [i.key for i in recovery.crashed_recoveries(path)] == [info.key]


def test_double_click_after_crash_restores_on_yes(
    window, make_project, qtbot, tmp_path, crashed_recovery, monkeypatch
):
    from workbench.gui.app import start_window
    from workbench.project import recovery, store

    path = tmp_path / "crashed.fwproj"
    project = make_project(2, 1)
    store.save_project(project, path)
    project.add_sample("Unsaved work")
    crashed_recovery(project)
    store.state_of(project).handle.close()
    store.state_of(project).lock.release()
    monkeypatch.setattr(window, "ask_restore", lambda name, when: QMessageBox.StandardButton.Yes)
    start_window(window, str(path))
    qtbot.waitUntil(
        lambda: window.doc.project is not None and window.doc.project.dirty, timeout=30000
    )
    restored = window.doc.project
    assert "Unsaved work" in {s.name for s in restored.samples.values()}
    assert restored.path == path and not restored.read_only
    assert window.save(wait=True)
    assert recovery.list_recoveries() == []
