"""Issue 18: the window's own Save and Save As when the disk fills up.

The core save path is tested under injected disk errors (``tests/test_disk_full.py``)
and on a real tmpfs (``tests/hardening/test_full_disk_tmpfs.py``); here the same
failure goes through File > Save of the window, the way a user meets it: the save runs
on a worker thread, fails, and the window must say so in plain words, keep the unsaved
work (title, undo state, the new sample), leave the project file byte for byte as it
was with no temporary file beside it, and let the user Save As somewhere else.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_disk_full import FailingDisk
from workbench.project.store import close_project, open_project, save_project
from workbench.project.synthetic import make_project


def _project_file(folder: Path) -> Path:
    p = make_project(3)
    path = folder / "birch.fwproj"
    save_project(p, path)
    close_project(p)
    return path


def _open_in_window(window, qtbot, path: Path):
    window.open_path(str(path))
    qtbot.waitUntil(lambda: window.doc.project is not None and not window.doc.busy, timeout=60000)
    project = window.doc.project
    assert project is not None and not project.read_only
    return project


def _marked_unsaved(window) -> bool:
    """The title marks unsaved changes with '*' after the project's name."""
    return "*" in window.windowTitle().split(" — ")[0]


def _save_fails_and_keeps_everything(window, qtbot, path: Path, before: bytes) -> None:
    """Add a sample, press Save, and check what the user is left with."""
    project = window.doc.project
    window.add_sample()
    added = set(project.samples)
    assert project.dirty and _marked_unsaved(window)
    assert window.save() is True  # handed to a worker thread
    qtbot.waitUntil(lambda: not window.doc.busy, timeout=60000)
    text = window.message_bar.label.text()
    assert window.message_bar.level == "error", text
    assert text.startswith(f"{path.name} was not saved: the disk is full.") and "\n" not in text
    assert "still here" in text and "Save As" in text, text
    assert "Traceback" not in text and "Errno" not in text, text
    # nothing touched on disk, nothing left beside the file
    assert path.read_bytes() == before
    assert sorted(os.listdir(path.parent)) == sorted(
        n for n in (path.name, path.name + ".lock", "filler") if (path.parent / n).exists()
    )
    # the work is still in the window, marked unsaved, and Save is still offered
    assert window.doc.project is project and set(project.samples) == added
    assert project.dirty and _marked_unsaved(window)
    assert not window.undo_stack.isClean()
    assert window.actions_.save.isEnabled() and window.actions_.save_as.isEnabled()


def _save_as_elsewhere(window, qtbot, monkeypatch, target: Path, n_samples: int) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save_as() is True
    qtbot.waitUntil(lambda: not window.doc.busy, timeout=60000)
    # the failure of the earlier save is no longer shown once the work is saved
    assert window.message_bar.level != "error", window.message_bar.label.text()
    assert not window.doc.project.dirty and not _marked_unsaved(window)
    saved = open_project(target, read_only=True)
    try:
        assert len(saved.samples) == n_samples
    finally:
        close_project(saved)


def test_window_save_on_a_full_disk_keeps_the_work_and_save_as_works(
    window, qtbot, tmp_path, monkeypatch
):
    folder = tmp_path / "full"
    folder.mkdir()
    path = _project_file(folder)
    before = path.read_bytes()
    _open_in_window(window, qtbot, path)
    disk = FailingDisk()
    try:
        disk.arm(errno.ENOSPC, len(before) // 2)
        _save_fails_and_keeps_everything(window, qtbot, path, before)
        assert disk.failures, "the injected failure was not reached"
    finally:
        disk.disarm()
    _save_as_elsewhere(window, qtbot, monkeypatch, tmp_path / "elsewhere.fwproj", 4)
    assert path.read_bytes() == before  # Save As left the original alone


@pytest.fixture
def tmpfs(tmp_path):
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs Linux and root")
    where = tmp_path / "tmpfs"
    where.mkdir()
    out = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4096k", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        pytest.skip(f"this system refuses to mount a tmpfs: {out.stderr.strip()}")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=False)


@pytest.mark.slow
def test_window_save_on_a_really_full_tmpfs(window, qtbot, tmp_path, monkeypatch, tmpfs):
    """The same on a real 4 MB tmpfs filled to the last few kilobytes."""
    path = _project_file(tmpfs)
    before = path.read_bytes()
    _open_in_window(window, qtbot, path)
    st = os.statvfs(tmpfs)
    with open(tmpfs / "filler", "wb") as fh:
        for _ in range(st.f_bavail * st.f_frsize // 1024 - 4):
            try:
                fh.write(b"\0" * 1024)
                fh.flush()
            except OSError:
                break
    _save_fails_and_keeps_everything(window, qtbot, path, before)
    window.grab().save(str(tmp_path / "full_disk_window.png"))
    shot = os.environ.get("FW_SCREENSHOT_DIR")
    if shot:
        window.grab().save(str(Path(shot) / "full_disk_window.png"))
    _save_as_elsewhere(window, qtbot, monkeypatch, tmp_path / "elsewhere.fwproj", 4)
    assert path.read_bytes() == before


def test_a_full_disk_is_said_in_finnish(finnish_ui, window, qtbot, tmp_path):
    path = _project_file(tmp_path)
    before = path.read_bytes()
    _open_in_window(window, qtbot, path)
    window.add_sample()
    disk = FailingDisk()
    try:
        disk.arm(errno.ENOSPC, 0)
        window.save()
        qtbot.waitUntil(lambda: not window.doc.busy, timeout=60000)
    finally:
        disk.disarm()
    text = window.message_bar.label.text()
    assert text.startswith("Tiedostoa birch.fwproj ei tallennettu: levy on täynnä."), text
    assert "Tallenna nimellä" in text and path.read_bytes() == before
