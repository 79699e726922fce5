"""The import service: sample matching, de-duplication, atomic failure, watch folder."""

from __future__ import annotations

import copy
import hashlib
import time

import numpy as np
import pytest

from workbench.errors import UserFacingError
from workbench.importers.base import ParsedFile, ParsedMeasurement, column
from workbench.importers.service import ImportPlan, apply_plan, expand_paths
from workbench.importers.watch import FolderWatcher
from workbench.model import Project, Quantity


def _plan(names: list[str | None], raw: bytes = b"raw bytes of an export") -> ImportPlan:
    ms = []
    for i, name in enumerate(names):
        ms.append(
            ParsedMeasurement(
                kind="spectrum",
                sample_name=name,
                columns={
                    "x": column("x", "nm", np.linspace(1100, 2500, 5)),
                    "y": column("y", "", np.arange(5.0) + i),
                },
                signal="y",
                axes=["x"],
                label=f"spectrum {i}",
            )
        )
    parsed = ParsedFile("lab/export.csv", "test", "Test format", ms)
    return ImportPlan("lab/export.csv", raw, hashlib.sha256(raw).hexdigest(), parsed)


def _snapshot(project: Project):
    return (
        copy.deepcopy({k: (s.name, sorted(s.measurements)) for k, s in project.samples.items()}),
        sorted(project.sources),
        len(project.audit),
    )


def test_matches_samples_by_name_case_and_space_insensitive():
    project = Project()
    birch = project.add_sample("Birch  chips")
    outcome = apply_plan(project, _plan(["birch chips"]))
    assert outcome.status == "imported"
    assert len(birch.measurements) == 1
    m = next(iter(birch.measurements.values()))
    assert m.source_sha256 == outcome.sha256
    assert m.source_name == "export.csv"
    assert project.sources[outcome.sha256].read_bytes() == b"raw bytes of an export"


def test_unknown_sample_is_refused_without_any_change():
    project = Project()
    project.add_sample("Birch chips")
    before = _snapshot(project)
    with pytest.raises(UserFacingError, match="'Spruce bark' is not in the project"):
        apply_plan(project, _plan(["Birch chips", "Spruce bark"]))
    assert _snapshot(project) == before


def test_new_sample_creates_each_named_sample_once():
    project = Project()
    outcome = apply_plan(project, _plan(["A", "B", "a"]), new_sample=True)
    assert sorted(outcome.created_samples) == ["A", "B"]
    assert sorted(len(s.measurements) for s in project.samples.values()) == [1, 2]


def test_file_without_sample_name_needs_a_choice():
    project = Project()
    with pytest.raises(UserFacingError, match="names no sample"):
        apply_plan(project, _plan([None]))
    outcome = apply_plan(project, _plan([None]), new_sample=True)
    assert outcome.created_samples == ["export"]


def test_sample_option_overrides_file_names():
    project = Project()
    target = project.add_sample("Mine")
    apply_plan(project, _plan(["X", "Y"]), sample_name="mine")
    assert len(target.measurements) == 2


def test_same_file_twice_is_reported_not_duplicated():
    project = Project()
    project.add_sample("A")
    first = apply_plan(project, _plan(["A"]))
    again = apply_plan(project, _plan(["A"]))
    assert first.status == "imported"
    assert again.status == "already present"
    assert "already imported into A" in again.message
    assert sum(len(s.measurements) for s in project.samples.values()) == 1


def test_read_only_project_refuses_import():
    project = Project()
    project.add_sample("A")
    project.read_only = True
    with pytest.raises(UserFacingError, match="read-only"):
        apply_plan(project, _plan(["A"]))


def test_quantities_keep_unit_and_basis():
    project = Project()
    project.add_sample("A")
    plan = _plan(["A"])
    plan.parsed.measurements[0].quantities["moisture"] = Quantity(12.5, "%", "ar")
    apply_plan(project, plan)
    m = next(iter(project.find_sample("A").measurements.values()))
    assert (m.quantities["moisture"].value, m.quantities["moisture"].basis) == (12.5, "ar")


def test_expand_paths_skips_hidden_and_project_files(tmp_path):
    (tmp_path / "a.jdx").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.csv").write_text("x")
    (tmp_path / ".hidden.csv").write_text("x")
    (tmp_path / "p.fwproj").write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert found == ["a.jdx", "sub/b.csv"]
    with pytest.raises(UserFacingError, match="no such file"):
        expand_paths([tmp_path / "missing"])


def test_watcher_reports_new_stable_files_once(tmp_path):
    (tmp_path / "old.csv").write_text("already there")
    watcher = FolderWatcher(tmp_path)
    assert watcher.poll() == []
    new = tmp_path / "new.csv"
    new.write_text("1,2\n")
    assert watcher.poll() == []  # first sighting: wait until it stops changing
    assert watcher.poll() == [new]
    assert watcher.poll() == []
    growing = tmp_path / "growing.csv"
    growing.write_text("1")
    watcher.poll()
    time.sleep(0.01)
    growing.write_text("1,2,3")
    assert watcher.poll() == []  # changed since last poll
    assert watcher.poll() == [growing]
