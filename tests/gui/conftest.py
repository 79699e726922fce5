"""Fixtures for the GUI tests: offscreen Qt, private QSettings, leak checks.

Every test runs with QSettings in a temporary INI folder (never the user's real
settings). After each test no window may remain visible and no Python thread started
by the test may still run (napari's conftest does the same): a leaked worker or window
fails the test that leaked it.
"""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox


@pytest.fixture(scope="session", autouse=True)
def _private_settings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("FibreWorkbenchTests")
    QCoreApplication.setApplicationName("Fibre Workbench Tests")
    return folder


@pytest.fixture(scope="package", autouse=True)
def _gc_on_gui_thread(qapp):
    """As in the application (``workbench.gui.gc_guard``): cyclic garbage collection
    only on the GUI thread, never in a worker (it deadlocked whole GUI test runs)."""
    from workbench.gui import gc_guard

    with gc_guard.guarding(qapp):
        yield


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch):
    """A modal message box would hang an offscreen test: make it fail instead."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"a modal dialog was opened in a test: {args[1:3]}")

    for name in ("question", "information", "warning", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture(autouse=True)
def _no_leaks(qapp, monkeypatch):
    from leak_checks import LeakWatch, describe

    QSettings().clear()
    threads_before = {t.ident for t in threading.enumerate()}
    watch = LeakWatch()
    watch.install(monkeypatch)
    yield
    QApplication.processEvents()
    pending = watch.problems()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    leaked_threads = [
        t
        for t in threading.enumerate()
        if t.ident not in threads_before
        and t.is_alive()
        and not isinstance(t, threading._DummyThread)
    ]
    assert not visible, f"test left windows open: {visible}"
    assert not leaked_threads, f"test left threads running: {leaked_threads}"
    assert not pending, describe(pending)


@pytest.fixture
def finnish_ui(qapp):
    """The Finnish interface (catalogues and number format) for one test, then English."""
    from workbench.gui import i18n

    installed = i18n.install_translators(qapp, "fi")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    i18n.install_translators(qapp, "en")


@pytest.fixture
def window(qtbot):
    """A main window with no project; closed without questions at the end."""
    from workbench.gui.main_window import MainWindow

    win = MainWindow()
    # pytest-qt closes the window before fixture teardown: unsaved changes are discarded.
    win.ask_save_changes = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    assert win.runner.pool.activeThreadCount() == 0, "a task runner worker is still running"


@pytest.fixture
def demo_project():
    """The demonstration project built in memory (or a small hand-made one)."""
    try:
        from workbench.demo import build_demo_project
    except ImportError:
        return small_project()
    return build_demo_project()


@pytest.fixture
def make_project():
    """Factory for small hand-made projects: ``make_project(n_samples, n_measurements)``."""
    return small_project


def small_project(n_samples: int = 3, n_measurements: int = 2):
    """A project with a few samples, each with TGA-like curves (used when no demo exists)."""
    import numpy as np

    from workbench.model import Column, Measurement, Project

    project = Project()
    for i in range(n_samples):
        sample = project.add_sample(f"Sample {i + 1}", feedstock_type="bark")
        for j in range(n_measurements):
            t = np.linspace(25, 900, 50)
            m = Measurement(
                id=f"m-{i}-{j}",
                kind="tga",
                columns={
                    "temperature": Column("temperature", "°C", t, "Temperature"),
                    "mass": Column("mass", "%", 100 - t / 10 - j, "Mass"),
                },
                signal="mass",
                axes=["temperature"],
                label="TGA",
                replicate=j + 1,
            )
            project.add_measurement(sample.id, m)
    project.dirty = False
    return project
