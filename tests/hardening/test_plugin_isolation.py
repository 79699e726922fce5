"""Plugins that try to write outside their result: the project stays as it was.

tests/test_plugin_faulty.py covers raising, hanging (cancel within 1 s), NaN/inf,
wrong shapes and types. This file adds plugins that try to change what they were
given or reach beyond their own result:

* writing into the input arrays (numpy refuses: the views are read-only);
* changing the metadata, quantities and earlier results they were handed (they get
  copies; the project's objects are untouched);
* writing through the project's open HDF5 handle (it is read-only);
* returning a stored model whose id would overwrite an existing model, or whose id
  is an HDF5 path that would land elsewhere in the file (``/samples/...``).

Each run is followed by a save; the project file must be byte-identical to the one
saved before (failed runs) or differ only by the new result (successful runs with
copied inputs).
"""

from __future__ import annotations

import copy
import textwrap
from pathlib import Path

import numpy as np
import pytest

from workbench.analysis import PluginRunError, discover, prepare_run, run_plugin
from workbench.cli.main import main
from workbench.model import Column, Measurement, Project, StoredModel, new_id
from workbench.paths import user_subdir
from workbench.project.store import close_project, open_project, save_project

MANIFEST = """\
id = "{pid}"
name_en = "{pid}"
version = "0.1"
api_version = "1.0"
entry = "analysis:run"
consumes = ["table"]

[produces]
values = [{{ property = "ash", unit = "%", basis = "db" }}]
"""

HEAD = """
import numpy as np
from workbench.analysis import AnalysisOutput
from workbench.model import Quantity, StoredModel

def good():
    return AnalysisOutput(values={"ash": Quantity(1.0, "%", "db")})

def first(inputs):
    return inputs.sample.measurements[0]
"""

BODIES = {
    "write_array": "def run(i, p, pr):\n    a = np.asarray(first(i).columns['v'].data)\n"
    "    a[0] = 999.0\n    return good()\n",
    "write_array_inplace_op": "def run(i, p, pr):\n    a = np.asarray(first(i).columns['v'].data)\n"
    "    a += 1\n    return good()\n",
    "mutate_copies": "def run(i, p, pr):\n    m = first(i)\n    m.metadata['evil'] = 1\n"
    "    m.quantities.clear()\n    m.columns.clear()\n    m.label = 'changed'\n"
    "    i.sample.metadata['evil'] = 'x'\n    i.sample.measurements.clear()\n"
    "    for r in i.sample.results:\n        r.values.clear()\n        r.label = 'changed'\n"
    "    return good()\n",
    "write_h5_handle": "def run(i, p, pr):\n    data = first(i).columns['v'].data._data\n"
    "    f = data.handle.file\n    f.attrs['evil'] = 1\n    return good()\n",
    "model_id_clash": "def run(i, p, pr):\n    o = good()\n"
    "    o.models.append(StoredModel(id='mdl-existing', kind='evil', name='x',"
    " arrays={'a': np.zeros(2)}))\n    return o\n",
    "model_id_path": "def run(i, p, pr):\n    o = good()\n"
    "    o.models.append(StoredModel(id='/samples/evil', kind='evil', name='x'))\n    return o\n",
    "model_id_nested": "def run(i, p, pr):\n    o = good()\n"
    "    o.models.append(StoredModel(id='a/b', kind='evil', name='x'))\n    return o\n",
    "model_id_dotdot": "def run(i, p, pr):\n    o = good()\n"
    "    o.models.append(StoredModel(id='..', kind='evil', name='x'))\n    return o\n",
}
FAILING = [
    "write_array",
    "write_array_inplace_op",
    "write_h5_handle",
    "model_id_clash",
    "model_id_path",
    "model_id_nested",
    "model_id_dotdot",
]


@pytest.fixture
def plugins() -> Path:
    root = user_subdir("plugins")
    for pid, body in BODIES.items():
        folder = root / pid
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "plugin.toml").write_text(MANIFEST.format(pid=pid), encoding="utf-8")
        (folder / "analysis.py").write_text(textwrap.dedent(HEAD + body), encoding="utf-8")
    return root


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    project = Project()
    sample = project.add_sample("S1", metadata={"site": "Joensuu"})
    m = Measurement(id=new_id("m"), kind="table", columns={"v": Column("v", "", np.arange(5.0))})
    project.add_measurement(sample.id, m)
    project.add_model(
        StoredModel(id="mdl-existing", kind="pls", name="keep me", arrays={"w": np.ones(3)})
    )
    path = tmp_path / "iso.fwproj"
    save_project(project, path)
    close_project(project)
    return path


def state(project: Project) -> tuple:
    """Everything a plugin could try to change, as plain values."""
    out = []
    for s in project.samples.values():
        out.append((s.id, s.name, dict(s.metadata), sorted(s.results)))
        for m in s.measurements.values():
            cols = {k: np.asarray(c.values()).tolist() for k, c in m.columns.items()}
            out.append((m.id, m.label, dict(m.metadata), sorted(m.quantities), cols))
    for mid, model in project.models.items():
        out.append((mid, model.kind, model.name, sorted(model.arrays)))
    return tuple(out)


@pytest.mark.parametrize("pid", FAILING)
@pytest.mark.parametrize("lazy", [True, False], ids=["opened", "in-memory"])
def test_plugin_writing_outside_its_result_fails_and_changes_nothing(plugins, saved, pid, lazy):
    before_bytes = saved.read_bytes()
    project = open_project(saved)
    if not lazy:  # arrays held in memory (a project being built before its first save)
        for _s, m in project.iter_measurements():
            for c in m.columns.values():
                c.data = np.array(c.values())
    before = state(project)
    audit = len(project.audit)
    sid = next(iter(project.samples))
    with pytest.raises(PluginRunError) as info:
        prepare_run(project, discover().get(pid), [sid])
    assert info.value.stage in ("run", "output"), info.value
    assert state(project) == before
    assert len(project.audit) == audit and not project.dirty
    close_project(project)
    assert saved.read_bytes() == before_bytes


def test_plugin_changing_its_copies_leaves_the_project_alone(plugins, saved):
    project = open_project(saved)
    sid = next(iter(project.samples))
    run_plugin(project, "mutate_copies", [sid], registry=discover())  # a first result
    before = state(project)
    before_results = copy.deepcopy(
        {rid: (r.label, sorted(r.values)) for rid, r in project.samples[sid].results.items()}
    )
    (new,) = run_plugin(project, "mutate_copies", [sid], registry=discover())
    after = state(project)
    # only the new result id was added to the sample's result list
    assert after[0][:3] == before[0][:3]
    assert after[0][3] == sorted([*before[0][3], new.id])
    assert after[1:] == before[1:]
    for rid, (label, values) in before_results.items():
        r = project.samples[sid].results[rid]
        assert (r.label, sorted(r.values)) == (label, values)
    save_project(project)
    close_project(project)
    reopened = open_project(saved, read_only=True)
    assert reopened.samples[sid].metadata == {"site": "Joensuu"}
    close_project(reopened)


def test_cli_analyse_with_escaping_plugins_leaves_file_byte_identical(plugins, saved, capsys):
    before = saved.read_bytes()
    for pid in FAILING:
        assert main(["analyse", str(saved), pid]) == 2, pid
        assert saved.read_bytes() == before, pid
    capsys.readouterr()
