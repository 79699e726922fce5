"""Watch folder: a file written into the watched folder is imported and the user told."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from test_import_flow import write_netzsch_tga, write_spectrum_csv

from workbench.gui.import_command import NEW
from workbench.gui.import_controller import WATCH_KEY


def poll_until_imported(window, qtbot):
    ctrl = window.import_controller
    with qtbot.waitSignal(ctrl.importFinished, timeout=10000) as blocker:
        # first poll notes the new file, the second sees it unchanged (stable) and reads it
        assert ctrl.poll_watch() is None
        assert ctrl.poll_watch() is not None
    return blocker.args[0]


def test_watch_folder_imports_new_stable_files(window, qtbot, make_project, tmp_path):
    project = make_project(1, 1)
    window.set_project(project)
    folder = tmp_path / "instrument"
    folder.mkdir()
    write_spectrum_csv(folder / "already_there.csv")
    ctrl = window.import_controller
    ctrl.start_watch(str(folder))
    assert ctrl.watch_timer.isActive() and ctrl.watch_timer.interval() == 2000
    assert QSettings().value(WATCH_KEY) == str(folder)
    assert window.import_actions.stop_watch.isEnabled()
    assert ctrl.poll_watch() is None  # the file that was already there is left alone

    write_netzsch_tga(folder / "run7.txt", sample="Sample 1")
    summary = poll_until_imported(window, qtbot)
    assert summary.count("imported") == 1
    sample = project.find_sample("Sample 1")
    assert [m.kind for m in sample.measurements.values()] == ["tga", "tga"]
    assert "Watch folder" in window.message_bar.text() and "run7.txt" in window.message_bar.text()
    assert "run7.txt" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 1

    write_spectrum_csv(folder / "unnamed.csv")
    poll_until_imported(window, qtbot)
    assert project.find_sample("unnamed") is not None  # names no sample: a new one

    ctrl.stop_watch()
    assert not ctrl.watch_timer.isActive() and not window.import_actions.stop_watch.isEnabled()


def test_watch_policy_new_sample_and_failures_reported(window, qtbot, make_project, tmp_path):
    project = make_project(1, 1)
    window.set_project(project)
    folder = tmp_path / "w"
    folder.mkdir()
    ctrl = window.import_controller
    ctrl.start_watch(str(folder), NEW)
    write_netzsch_tga(folder / "tga_42.txt", sample="Sample 1")
    (folder / "garbage.txt").write_text("not data\n")
    summary = poll_until_imported(window, qtbot)
    assert summary.count("imported") == 1 and summary.count("failed") == 1
    assert project.find_sample("tga_42") is not None
    assert len(project.find_sample("Sample 1").measurements) == 1
    ctrl.stop_watch()


def test_watch_dialog_remembers_folder_and_policy(qtbot, tmp_path):
    from workbench.gui.import_actions import WatchDialog

    QSettings().setValue(WATCH_KEY, str(tmp_path))
    QSettings().setValue("import/watch_policy", NEW)
    dialog = WatchDialog()
    qtbot.addWidget(dialog)
    assert dialog.folder_edit.text() == str(tmp_path)
    assert dialog.policy() == NEW
    dialog.radio_file.setChecked(True)
    assert dialog.policy() == "file"


def test_a_watched_file_written_again_is_a_new_version_and_the_user_is_told(
    window, qtbot, make_project, tmp_path
):
    # issue 18: an instrument that writes every result to the same file name; before,
    # only the first result was imported and later versions never were
    project = make_project(1, 1)
    window.set_project(project)
    folder = tmp_path / "instrument"
    folder.mkdir()
    ctrl = window.import_controller
    ctrl.start_watch(str(folder), NEW)
    result = write_spectrum_csv(folder / "result.csv", peak=1700.0)
    assert poll_until_imported(window, qtbot).count("imported") == 1
    assert "changed since it was imported" not in window.message_bar.text()

    write_spectrum_csv(result, peak=1100.0)  # the next run, same name, other bytes
    st = result.stat()
    os.utime(result, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    summary = poll_until_imported(window, qtbot)
    assert summary.count("imported") == 1
    text = window.message_bar.text()
    assert "result.csv changed since it was imported" in text and "earlier one is kept" in text
    sample = project.find_sample("result")
    versions = list(sample.measurements.values())
    assert len(versions) == 2  # the earlier version is kept beside the new one
    assert versions[1].metadata["earlier_versions"] == [versions[0].source_sha256]
    ctrl.stop_watch()
