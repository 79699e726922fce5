"""Faulty plugins: the registry and runner survive and the project stays unchanged."""

from __future__ import annotations

import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from workbench.analysis import PluginRunError, discover, prepare_run
from workbench.cli.main import main
from workbench.model import Column, Measurement, Project, new_id
from workbench.paths import user_subdir
from workbench.progress import Progress

MANIFEST = """\
id = "{pid}"
name_en = "{pid}"
version = "0.1"
api_version = "{api}"
entry = "analysis:run"
consumes = ["table"]

[[parameters]]
name = "x"
type = "float"
min = 0.0
max = 10.0
default = 1.0

[produces]
values = [{{ property = "ash", unit = "%", basis = "db" }}]
columns = ["a", "b"]
"""

GOOD_OUTPUT = """
from workbench.analysis import AnalysisOutput
from dataclasses import replace

from workbench.model import Quantity

def good():
    return AnalysisOutput(values={"ash": Quantity(1.0, "%", "db")})
"""

BODIES = {
    "raise_import": "raise RuntimeError('broken at import time')\n",
    "raise_run": "def run(inputs, params, progress):\n    return 1 / 0\n",
    "returns_none": "def run(inputs, params, progress):\n    return None\n",
    "nan_value": GOOD_OUTPUT
    + "def run(i, p, pr):\n    o = good(); o.values['ash'] = replace(o.values['ash'], value=float('nan')); return o\n",
    "str_value": GOOD_OUTPUT
    + "def run(i, p, pr):\n    o = good(); o.values['ash'] = replace(o.values['ash'], value='high'); return o\n",
    "wrong_unit": GOOD_OUTPUT
    + "def run(i, p, pr):\n    o = good(); o.values['ash'] = replace(o.values['ash'], unit='g'); return o\n",
    "undeclared": GOOD_OUTPUT
    + "def run(i, p, pr):\n    o = good(); o.values['lignin'] = o.values['ash']; return o\n",
    "dict_value": GOOD_OUTPUT
    + "def run(i, p, pr):\n    o = good(); o.values['ash'] = 3.0; return o\n",
    "inf_column": GOOD_OUTPUT
    + "def run(i, p, pr):\n    o = good(); o.add_column('a', '', [1.0, float('inf')]); return o\n",
    "two_d_column": GOOD_OUTPUT
    + "import numpy as np\nfrom workbench.model import Column\n"
    + "def run(i, p, pr):\n    o = good(); o.columns['a'] = Column('a', '', np.ones((2, 2))); return o\n",
    "shape_mismatch": GOOD_OUTPUT
    + "def run(i, p, pr):\n    o = good(); o.add_column('a', '', [1, 2, 3]); o.add_column('b', '', [1, 2])\n"
    + "    o.plots.append({'x': 'a', 'y': ['b']}); return o\n",
    "ignores_cancel": GOOD_OUTPUT
    + "import threading, time\nSTOP = threading.Event()\n"
    + "def run(i, p, pr):\n    while not STOP.is_set():\n        time.sleep(0.01)\n    return good()\n",
    "good": GOOD_OUTPUT + "def run(i, p, pr):\n    return good()\n",
    "cooperative": GOOD_OUTPUT
    + "import time\ndef run(i, p, pr):\n    while True:\n        pr.check()\n        time.sleep(0.01)\n",
}


def write_plugin(root: Path, pid: str, body: str, api: str = "1.0") -> Path:
    folder = root / pid
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plugin.toml").write_text(MANIFEST.format(pid=pid, api=api), encoding="utf-8")
    (folder / "analysis.py").write_text(textwrap.dedent(body), encoding="utf-8")
    return folder


@pytest.fixture()
def user_plugins() -> Path:
    root = user_subdir("plugins")
    for pid, body in BODIES.items():
        write_plugin(root, pid, body)
    write_plugin(root, "future_api", BODIES["good"], api="2.0")
    bad = root / "bad_toml"
    bad.mkdir()
    (bad / "plugin.toml").write_text("id = [unclosed\n", encoding="utf-8")
    return root


def make_project() -> tuple[Project, str]:
    project = Project()
    sample = project.add_sample("S1")
    m = Measurement(id=new_id("m"), kind="table", columns={"v": Column("v", "", np.arange(3.0))})
    project.add_measurement(sample.id, m)
    project.dirty = False
    return project, sample.id


def snapshot(project: Project) -> tuple:
    return (
        len(project.audit),
        project.dirty,
        {sid: sorted(s.results) for sid, s in project.samples.items()},
        sorted(project.models),
    )


def test_failed_manifests_are_listed_not_fatal(user_plugins):
    reg = discover()
    by_id = {r.id: r for r in reg}
    assert "fibre_length" in reg  # built-ins still there
    assert by_id["future_api"].status == "failed"
    assert "API 2.0" in by_id["future_api"].error
    bad = [r for r in reg if "bad_toml" in r.source]
    assert bad and bad[0].status == "failed" and "TOML" in bad[0].error


@pytest.mark.parametrize(
    ("pid", "stage", "text"),
    [
        ("raise_import", "load", "broken at import time"),
        ("raise_run", "run", "ZeroDivisionError"),
        ("returns_none", "output", "NoneType"),
        ("nan_value", "output", "finite"),
        ("str_value", "output", "expected a number"),
        ("wrong_unit", "output", "declared"),
        ("undeclared", "output", "not declared"),
        ("dict_value", "output", "Quantity"),
        ("inf_column", "output", "NaN or infinite"),
        ("two_d_column", "output", "1-D"),
        ("shape_mismatch", "output", "different lengths"),
    ],
)
def test_faulty_plugin_leaves_project_unchanged(user_plugins, pid, stage, text):
    reg = discover()
    project, sid = make_project()
    before = snapshot(project)
    with pytest.raises(PluginRunError) as info:
        prepare_run(project, reg.get(pid), [sid])
    assert info.value.stage == stage
    assert text in str(info.value) or text in info.value.traceback
    assert info.value.traceback  # the traceback is kept for the plugins view / log
    assert snapshot(project) == before
    if stage == "load":
        assert reg.get(pid).status == "failed"
        assert "broken at import time" in reg.get(pid).traceback


def test_bad_parameter_refused(user_plugins):
    reg = discover()
    project, sid = make_project()
    for bad in ({"x": 11}, {"x": "abc"}, {"y": 1}):
        with pytest.raises(PluginRunError) as info:
            prepare_run(project, reg.get("good"), [sid], bad)
        assert info.value.stage == "parameters"
    out = prepare_run(project, reg.get("good"), [sid], {"x": "2,5"})
    assert out.results[0][1].parameters == {"x": 2.5}


def test_plugin_ignoring_cancel_returns_control_within_one_second(user_plugins):
    reg = discover()
    project, sid = make_project()
    before = snapshot(project)
    progress = Progress()
    rec = reg.get("ignores_cancel")
    import threading

    threading.Timer(0.2, progress.cancel).start()
    t0 = time.monotonic()
    with pytest.raises(PluginRunError) as info:
        prepare_run(project, rec, [sid], progress=progress, worker=True)
    elapsed = time.monotonic() - t0
    assert info.value.stage == "cancelled"
    assert elapsed < 0.2 + 1.0
    module = next(m for n, m in sys.modules.items() if "ignores_cancel" in n and hasattr(m, "STOP"))
    module.STOP.set()  # let the abandoned thread finish; its late result is discarded
    time.sleep(0.1)
    assert snapshot(project) == before


def test_timeout_abandons_runaway_plugin(user_plugins):
    reg = discover()
    project, sid = make_project()
    t0 = time.monotonic()
    with pytest.raises(PluginRunError) as info:
        prepare_run(project, reg.get("ignores_cancel"), [sid], timeout=0.3)
    assert info.value.stage == "timeout"
    assert time.monotonic() - t0 < 1.5
    module = next(m for n, m in sys.modules.items() if "ignores_cancel" in n and hasattr(m, "STOP"))
    module.STOP.set()


def test_good_user_plugin_runs(user_plugins):
    reg = discover()
    assert reg.get("good").origin == "user"
    project, sid = make_project()
    out = prepare_run(project, reg.get("good"), [sid])
    result = out.results[0][1]
    assert result.values["ash"].origin == "derived"
    assert result.inputs[0]["kind"] == "table"


def test_cli_failed_analysis_leaves_file_byte_identical(user_plugins, tmp_path, capsys):
    from workbench.project.store import close_project, save_project

    project, _ = make_project()
    path = tmp_path / "p.fwproj"
    save_project(project, path)
    close_project(project)
    before = path.read_bytes()
    for pid in ("raise_import", "raise_run", "nan_value", "shape_mismatch"):
        assert main(["analyse", str(path), pid]) == 2
        assert path.read_bytes() == before, pid
    assert main(["analyse", str(path), "good", "--param", "x=20"]) == 2
    assert path.read_bytes() == before
    capsys.readouterr()
    assert main(["plugins", "--json"]) == 0
    import json

    doc = json.loads(capsys.readouterr().out)
    status = {p["id"]: p for p in doc["plugins"]}
    assert status["good"]["status"] == "ok"
    assert status["future_api"]["status"] == "failed" and status["future_api"]["error"]


def test_cooperative_plugin_cancels_in_direct_and_worker_mode(user_plugins):
    import threading

    reg = discover()
    project, sid = make_project()
    before = snapshot(project)
    for worker in (False, True):
        progress = Progress()
        threading.Timer(0.1, progress.cancel).start()
        with pytest.raises(PluginRunError) as info:
            prepare_run(project, reg.get("cooperative"), [sid], progress=progress, worker=worker)
        assert info.value.stage == "cancelled"
    assert snapshot(project) == before


def test_run_with_timeout_returns_result(user_plugins):
    from workbench.analysis import AnalysisInputs, AnalysisOutput, run_with_timeout

    func = discover().get("good").load()
    out = run_with_timeout(func, AnalysisInputs(samples=[]), {}, Progress(), timeout=5.0)
    assert isinstance(out, AnalysisOutput)
