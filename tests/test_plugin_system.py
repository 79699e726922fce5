"""Plugin system: manifests, parameters, discovery (entry points, user folder), staleness, CLI."""

from __future__ import annotations

import importlib
import json
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from workbench.analysis import ManifestError, discover, rerun, run_plugin, stale_results
from workbench.analysis.manifest import api_compatible, parse_manifest
from workbench.analysis.params import ParameterError, parse_cli_params, validate_params
from workbench.cli.main import main
from workbench.model import Column, Measurement, Project, new_id
from workbench.paths import user_subdir

BASE = {
    "id": "demo_plugin",
    "name_en": "Demo",
    "version": "1.0",
    "api_version": "1.0",
    "entry": "analysis:run",
    "consumes": {"kinds": ["table"]},
}

PLUGIN_CODE = """
from workbench.analysis import AnalysisOutput
from workbench.model import Quantity

def run(inputs, params, progress):
    ms = inputs.sample.of_kind("table")
    total = sum(float(m.columns["v"].values().sum()) for m in ms) * params["factor"]
    progress.update(1.0, "done")
    return AnalysisOutput(values={"ash": Quantity(total, "%", "db")})
"""


def manifest(**changes):
    raw = dict(BASE)
    raw.update(changes)
    return parse_manifest(raw, source="test.toml")


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"id": "Bad Id"}, "id", "lower-case"),
        ({"api_version": "2.0"}, "api_version", "targets API 2.0"),
        ({"api_version": "1.9"}, "api_version", "targets API 1.9"),
        ({"entry": "no_colon"}, "entry", "module:function"),
        ({"consumes": {}}, "consumes", "at least one"),
        ({"scope": "galaxy"}, "scope", "not one of"),
        (
            {"parameters": [{"name": "a", "type": "complex", "default": 1}]},
            "parameters[0].type",
            "",
        ),
        (
            {"parameters": [{"name": "a", "type": "float", "default": 5, "max": 1}]},
            "parameters[0].default",
            "",
        ),
        ({"parameters": [{"name": "a", "type": "float"}]}, "parameters[0].default", "missing"),
        (
            {"parameters": [{"name": "a", "type": "choice", "default": "x"}]},
            "parameters[0].choices",
            "",
        ),
        (
            {"produces": {"values": [{"property": "ash", "basis": "wet"}]}},
            "produces.values[0].basis",
            "",
        ),
    ],
)
def test_manifest_errors_name_source_field_and_problem(changes, field, text):
    with pytest.raises(ManifestError) as info:
        manifest(**changes)
    assert info.value.source == "test.toml"
    assert info.value.field == field
    assert text in str(info.value)
    assert str(info.value).startswith("test.toml: ")


def test_missing_required_field():
    raw = dict(BASE)
    del raw["name_en"]
    with pytest.raises(ManifestError, match="name_en: missing"):
        parse_manifest(raw, source="x")


def test_api_compatibility():
    assert api_compatible("1.0", "1.2") and api_compatible("1", "1.0")
    assert not api_compatible("2.0", "1.9") and not api_compatible("1.3", "1.2")


def test_parameter_coercion_and_ranges():
    m = manifest(
        parameters=[
            {"name": "f", "type": "float", "min": 0, "max": 1, "default": 0.5},
            {"name": "n", "type": "int", "min": 1, "default": 3},
            {"name": "b", "type": "bool", "default": False},
            {"name": "c", "type": "choice", "choices": ["a", "b"], "default": "a"},
            {"name": "s", "type": "str", "default": ""},
            {"name": "edges", "type": "list", "item_type": "float", "min": 0, "default": [0, 1]},
        ]
    )
    p = validate_params(m, parse_cli_params(["f=0,25", "n=4", "b=yes", "c=b", "edges=0,0.2,0.5"]))
    assert p == {"f": 0.25, "n": 4, "b": True, "c": "b", "s": "", "edges": [0.0, 0.2, 0.5]}
    assert validate_params(m, {"edges": "[1, 2]"})["edges"] == [1.0, 2.0]
    assert validate_params(m, {})["n"] == 3
    for bad in (
        {"f": 2},
        {"n": 0},
        {"n": 1.5},
        {"b": "maybe"},
        {"c": "z"},
        {"edges": [-1]},
        {"zz": 1},
    ):
        with pytest.raises(ParameterError):
            validate_params(m, bad)
    with pytest.raises(ParameterError):
        parse_cli_params(["novalue"])


def _write_user_plugin(root: Path, pid: str = "drop_in") -> Path:
    folder = root / pid
    folder.mkdir(parents=True)
    (folder / "plugin.toml").write_text(
        textwrap.dedent(
            f"""\
            id = "{pid}"
            name_en = "Drop-in"
            name_fi = "Pudotus"
            version = "0.3"
            api_version = "1.0"
            entry = "analysis:run"
            consumes = ["table"]
            [[parameters]]
            name = "factor"
            type = "float"
            default = 1.0
            [produces]
            values = [{{ property = "ash", unit = "%", basis = "db" }}]
            """
        ),
        encoding="utf-8",
    )
    (folder / "analysis.py").write_text(PLUGIN_CODE, encoding="utf-8")
    return folder


def _project() -> tuple[Project, str]:
    project = Project()
    s = project.add_sample("S")
    project.add_measurement(
        s.id,
        Measurement(
            id=new_id("m"), kind="table", columns={"v": Column("v", "", np.array([1.0, 2.0]))}
        ),
    )
    return project, s.id


def test_user_folder_plugin_found_and_lazily_imported():
    _write_user_plugin(user_subdir("plugins"))
    before = {name for name in sys.modules if "drop_in" in name}  # other tests' plugins
    reg = discover()
    rec = reg.get("drop_in")
    assert rec.origin == "user" and rec.status == "ok" and not rec.loaded
    # discovery reads the manifest only: no module of this plugin is imported yet
    assert {name for name in sys.modules if "drop_in" in name} == before
    project, sid = _project()
    result = run_plugin(project, rec, sid, {"factor": 2.0})[0]
    assert rec.loaded
    assert result.values["ash"].value == pytest.approx(6.0)
    assert result.plugin_version == "0.3"
    assert result.parameters == {"factor": 2.0}
    assert result.app_version and result.created


def test_duplicate_id_is_recorded_as_failed():
    _write_user_plugin(user_subdir("plugins"), "fibre_length")  # clashes with the built-in
    reg = discover()
    assert reg.get("fibre_length").origin == "built-in"
    dup = [r for r in reg if r.origin == "user" and r.id == "fibre_length"]
    assert dup[0].status == "failed" and "already provided" in dup[0].error


@pytest.fixture()
def third_party_dist(tmp_path, monkeypatch):
    """A separately built plugin package, installed as a .dist-info on sys.path."""
    site = tmp_path / "site"
    pkg = site / "thirdparty_fw_plugin"
    pkg.mkdir(parents=True)
    folder = _write_user_plugin(pkg, "thirdparty")
    (pkg / "__init__.py").write_text(
        "from pathlib import Path\n"
        "def manifests():\n"
        "    return [Path(__file__).parent / 'thirdparty' / 'plugin.toml', {\n"
        "        'id': 'thirdparty_dict', 'name_en': 'Dict plugin', 'version': '2.1',\n"
        "        'api_version': '1.0', 'entry': 'thirdparty_fw_plugin.dictmod:run',\n"
        "        'consumes': ['table'],\n"
        "        'parameters': [{'name': 'factor', 'type': 'float', 'default': 1.0}],\n"
        "        'produces': {'values': [{'property': 'ash', 'unit': '%', 'basis': 'db'}]}}]\n",
        encoding="utf-8",
    )
    (pkg / "dictmod.py").write_text(PLUGIN_CODE, encoding="utf-8")
    dist = site / "thirdparty_fw_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: thirdparty-fw-plugin\nVersion: 1.0\n"
    )
    (dist / "entry_points.txt").write_text(
        "[fibre_workbench.plugins]\nthirdparty = thirdparty_fw_plugin:manifests\n"
        "broken = thirdparty_fw_plugin:does_not_exist\n"
    )
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    yield folder
    for name in [n for n in sys.modules if n.startswith("thirdparty_fw_plugin")]:
        del sys.modules[name]


def test_entry_point_plugin_found(third_party_dist):
    reg = discover()
    rec = reg.get("thirdparty")
    assert rec.origin == "installed" and rec.status == "ok"
    d = reg.get("thirdparty_dict")
    assert d.origin == "installed" and d.manifest.folder is None
    broken = [r for r in reg if r.origin == "installed" and "broken" in r.source]
    assert broken and broken[0].status == "failed"
    project, sid = _project()
    assert run_plugin(project, d, sid)[0].values["ash"].value == pytest.approx(3.0)
    assert run_plugin(project, rec, sid)[0].values["ash"].value == pytest.approx(3.0)


def test_stale_and_rerun():
    _write_user_plugin(user_subdir("plugins"))
    reg = discover()
    project, sid = _project()
    result = run_plugin(project, "drop_in", sid, registry=reg)[0]
    assert stale_results(project, reg) == []
    new_m = Measurement(
        id=new_id("m"),
        kind="table",
        columns={"v": Column("v", "", np.array([10.0]))},
        created="9999-01-01T00:00:00Z",
    )
    project.add_measurement(sid, new_m)
    stale = stale_results(project, reg)
    assert [s.result_id for s in stale] == [result.id]
    assert "new table measurement" in stale[0].reasons[0]
    fresh = rerun(project, sid, result.id, {"factor": 10.0}, registry=reg)
    assert result.id not in project.samples[sid].results
    assert fresh.values["ash"].value == pytest.approx(130.0)
    assert fresh.parameters == {"factor": 10.0}
    project.remove_measurement(sid, new_m.id)
    reasons = stale_results(project, reg)[0].reasons
    assert "no longer exists" in reasons[0]


def test_find_quantity_records_result_input():
    from workbench.analysis.api import sample_inputs

    _write_user_plugin(user_subdir("plugins"))
    reg = discover()
    project, sid = _project()
    first = run_plugin(project, "drop_in", sid, registry=reg)[0]
    si = sample_inputs(project.samples[sid], ["table"])
    q = si.find_quantity("ash", basis="db")
    assert q.value == pytest.approx(3.0)
    assert si.used[0].id == first.id
    assert si.find_quantity("lignin") is None
    with pytest.raises(ValueError):  # arrays handed to plugins are read-only
        si.measurements[0].columns["v"].values()[0] = 5


def test_cli_analyse_saves_results(tmp_path, capsys):
    from workbench.project.store import close_project, open_project, save_project

    _write_user_plugin(user_subdir("plugins"))
    project, sid = _project()
    project.add_sample("Empty")
    path = tmp_path / "a.fwproj"
    save_project(project, path)
    close_project(project)
    capsys.readouterr()
    assert main(["analyse", str(path), "drop_in", "--param", "factor=3", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["saved"] and len(doc["results"]) == 1  # the empty sample was skipped
    assert doc["results"][0]["values"]["ash"]["value"] == pytest.approx(9.0)
    assert main(["analyse", str(path), "drop_in", "--sample", "nobody"]) == 2
    assert main(["analyse", str(path), "no_such_plugin"]) == 2
    reopened = open_project(path, read_only=True)
    try:
        results = list(reopened.samples[sid].results.values())
        assert results[0].plugin_id == "drop_in"
        assert results[0].values["ash"].unit == "%" and results[0].values["ash"].basis == "db"
        assert results[0].parameters == {"factor": 3.0}
    finally:
        close_project(reopened)
    assert main(["plugins"]) == 0
    assert "drop_in" in capsys.readouterr().out


def _build_wheel(folder: Path) -> Path:
    """A minimal wheel of a third-party plugin package, written by hand (a wheel is a zip)."""
    import base64
    import hashlib
    import zipfile

    name, version = "fw_wheel_plugin", "0.2"
    files = {
        f"{name}/__init__.py": "from pathlib import Path\n\n"
        "def manifest_path():\n    return Path(__file__).parent / 'plugin.toml'\n",
        f"{name}/plugin.toml": (
            'id = "wheel_plugin"\nname_en = "Wheel plugin"\nversion = "0.2"\napi_version = "1.0"\n'
            'entry = "analysis:run"\nconsumes = ["table"]\n'
            '[[parameters]]\nname = "factor"\ntype = "float"\ndefault = 1.0\n'
            '[produces]\nvalues = [{ property = "ash", unit = "%", basis = "db" }]\n'
        ),
        f"{name}/analysis.py": PLUGIN_CODE,
        f"{name}-{version}.dist-info/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        f"{name}-{version}.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{name}-{version}.dist-info/entry_points.txt": f"[fibre_workbench.plugins]\nwheel_plugin = {name}:manifest_path\n",
    }
    record = []
    for path, text in files.items():
        digest = (
            base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        )
        record.append(f"{path},sha256={digest},{len(text.encode())}")
    record.append(f"{name}-{version}.dist-info/RECORD,,")
    files[f"{name}-{version}.dist-info/RECORD"] = "\n".join(record) + "\n"
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for path, text in files.items():
            zf.writestr(path, text)
    return wheel


def test_pip_installed_third_party_plugin_found_through_entry_point(tmp_path, monkeypatch):
    import subprocess

    wheel = _build_wheel(tmp_path)
    site = tmp_path / "site"
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--no-index",
        "--target",
        str(site),
        str(wheel),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    try:
        reg = discover()
        rec = reg.get("wheel_plugin")
        assert rec.origin == "installed" and rec.status == "ok"
        project, sid = _project()
        assert run_plugin(project, rec, sid, {"factor": 2.0})[0].values[
            "ash"
        ].value == pytest.approx(6.0)
    finally:
        for name in [n for n in sys.modules if n.startswith("fw_wheel_plugin")]:
            del sys.modules[name]
