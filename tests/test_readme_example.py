"""The README's scripting-API example, run exactly as written (taken from README.md, so the
two cannot drift), on real instrument exports: a moisture analyser printout and two
spectra from the shared sample files (copied into a temporary folder, never into the
project). Also the API's contract: read-only opens refuse changes, tables without
pandas are plain columns, curves carry their units."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from workbench.errors import UserFacingError

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples"
FILES = (
    "moisture/mettler_HS153_printout.txt",
    "spectra/openspecy_raman_hdpe.csv",
    "spectra/openspecy_ftir_pva_without_header.csv",
)


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- example: scripting-api -->\n```python\n(.*?)```", text, re.S)
    assert found, "the README lost its scripting-api example"
    return found.group(1)


@pytest.fixture
def exports(tmp_path, monkeypatch):
    missing = [f for f in FILES if not (SAMPLES / f).is_file()]
    if missing:
        pytest.skip(f"shared sample files not present ({SAMPLES}): {missing}")
    folder = tmp_path / "exports"
    folder.mkdir()
    for f in FILES:
        shutil.copy(SAMPLES / f, folder / Path(f).name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("pandas", ["absent", "installed"])
def test_readme_scripting_example_runs(exports, capsys, monkeypatch, pandas):
    if pandas == "absent":
        monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas -> ImportError
    else:
        pytest.importorskip("pandas")
    exec(compile(readme_example(), "README.md (scripting-api example)", "exec"), {})
    out = capsys.readouterr().out
    assert out.count("imported ") == 3
    assert "2 spectra; x: " in out and "verdicts" in out
    svg = (exports / "spectra.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.count("<polyline") == 2
    from workbench import api as fw

    with fw.open_project(exports / "lab.fwproj") as project:
        table = project.values(as_frame=False)
        row = next(table.where(property="moisture").rows())
        assert row["unit"] == "%" and row["origin"] == "measured" and row["source"] == "measurement"
        assert any(p["id"] == "ADF" and p["origin"] == "project" for p in project.properties())
        with pytest.raises(UserFacingError, match="read-only"):
            project.add_property("NDF", unit="%")
        spectrum = next(m for s in project.samples for m in s.measurements if m.kind == "spectrum")
        curve = spectrum.curve()
        assert curve.x.size == curve.y.size > 100 and curve.x_unit
        assert spectrum.metadata == spectrum._m.metadata


def test_api_verdicts_say_their_conditions(tmp_path):
    """A script reading 'conditionally suitable' learns what the condition is (the table
    had reasons and missing measurements only)."""
    from workbench import api as fw
    from workbench.demo import write_demo

    path = tmp_path / "demo.fwproj"
    write_demo(path)
    with fw.open_project(path) as project:
        table = project.classify(as_frame=False)
    assert "conditions" in table.columns
    conditional = list(table.where(verdict="conditionally suitable").rows())
    assert conditional and all(row["conditions"] for row in conditional)
    assert any("to be verified" in row["conditions"] for row in conditional)
