"""The project tree model: a correct Qt model, lazy and fast on large projects."""

from __future__ import annotations

import time

import numpy as np

from workbench.gui.document import ProjectDocument
from workbench.gui.project_tree import REF_ROLE, ProjectTreeModel
from workbench.model import Column, Measurement, Project, Result


def test_model_passes_qt_model_tester(qtmodeltester, make_project):
    doc = ProjectDocument()
    project = make_project(3, 2)
    sid = next(iter(project.samples))
    project.add_result(sid, Result(id="r-1", plugin_id="tga.proximate", plugin_version="1.0"))
    doc.set_project(project)
    model = ProjectTreeModel(doc)
    qtmodeltester.check(model, force_py=True)
    parent = model.index_of_sample(sid)
    assert model.rowCount(parent) == 3
    assert model.index(2, 0, parent).data(REF_ROLE) == ("result", sid, "r-1")
    doc.add_sample("Added")
    doc.remove_sample(sid)
    qtmodeltester.check(model, force_py=True)


def test_contents_change_updates_children(make_project):
    doc = ProjectDocument()
    project = make_project(1, 1)
    doc.set_project(project)
    model = ProjectTreeModel(doc)
    sid = next(iter(project.samples))
    parent = model.index_of_sample(sid)
    assert model.rowCount(parent) == 1
    project.add_result(sid, Result(id="r-2", plugin_id="p", plugin_version="1"))
    doc.notify_sample_contents(sid)
    assert model.rowCount(parent) == 2


def _large_project(n_samples: int, per_sample: int) -> Project:
    project = Project()
    x = np.linspace(0, 1, 8)
    col = Column("x", "s", x)
    for i in range(n_samples):
        sample = project.add_sample(f"Sample {i}")
        for j in range(per_sample):
            m = Measurement(
                id=f"m{j}", kind="tga", columns={"x": col, "y": col}, signal="y", axes=["x"]
            )
            sample.measurements[m.id] = m
    return project


def test_large_project_model_is_lazy_and_fast(qapp):
    project = _large_project(1000, 10)
    doc = ProjectDocument()
    doc.set_project(project)
    started = time.perf_counter()
    model = ProjectTreeModel(doc)
    assert model.rowCount() == 1000
    built = time.perf_counter() - started
    assert built < 0.5, f"building the model took {built:.2f} s"
    assert model._children == {}  # nothing below the top level was touched
    last = model.index(999, 0)
    assert model.rowCount(last) == 10
    assert len(model._children) == 1


def test_large_project_in_window_stays_responsive(window, qtbot):
    project = _large_project(1000, 10)
    started = time.perf_counter()
    window.set_project(project)
    window.tree.expandAll()
    qtbot.wait(10)
    elapsed = time.perf_counter() - started
    assert elapsed < 5.0, f"showing 1,000 samples / 10,000 measurements took {elapsed:.2f} s"
    started = time.perf_counter()
    window.select_sample(list(project.samples)[500])
    # 10 curves with a legend; generous bound because CI machines are shared and busy
    assert time.perf_counter() - started < 3.0
