"""The self-test runner: steps pass on a healthy install and failures are reported."""

from __future__ import annotations

import pytest

from workbench import selftest


def test_all_steps_pass(tmp_path):
    lines: list[str] = []
    assert selftest.run_self_test(tmp_path, out=lines.append)
    assert len(lines) == len(selftest.STEPS) + 1
    assert all(line.startswith("OK") for line in lines[:-1])


def test_a_failing_step_is_reported_with_a_log(tmp_path, monkeypatch, _workbench_home):
    def broken(workdir):
        selftest.check(False, "the reopened arrays differ")

    monkeypatch.setattr(selftest, "STEPS", [*selftest.STEPS[:1], ("broken step", broken)])
    lines: list[str] = []
    assert not selftest.run_self_test(tmp_path, out=lines.append)
    assert lines[0].startswith("OK")
    assert lines[1].startswith("FAIL  broken step") and "reopened arrays differ" in lines[1]
    log = lines[-1].rsplit("details in ", 1)[1]
    assert log.startswith(str(_workbench_home))
    with open(log, encoding="utf-8") as f:
        assert "SelfTestFailure" in f.read()


def test_compare_projects_finds_a_changed_array():
    project = selftest._selftest_project()
    other = selftest._selftest_project()
    for sid, sample in project.samples.items():
        for mid, m in sample.measurements.items():
            other.samples[sid].measurements[mid].created = m.created
        for rid, r in sample.results.items():
            other.samples[sid].results[rid].created = r.created
    for mid, model in project.models.items():
        other.models[mid].created = model.created
    other.audit = list(project.audit)
    selftest.compare_projects(project, other)  # equal: no exception
    sample = next(iter(other.samples.values()))
    tga = next(m for m in sample.measurements.values() if m.kind == "tga")
    tga.columns["mass"].data = tga.columns["mass"].values() + 1e-9
    with pytest.raises(selftest.SelfTestFailure, match="mass: the data changed"):
        selftest.compare_projects(project, other)


def test_step_names_are_unique():
    with pytest.raises(ValueError, match="registered twice"):
        selftest.step(selftest.STEPS[0][0])(lambda workdir: None)
