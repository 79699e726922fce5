"""Issue 18 part 4: names and texts from files are data, never live or lost.

Before: a sample name from an imported worksheet starting with ``=`` became a live
formula in the XLSX export; an ANSI escape in a name made the XLSX export fail with an
internal error; ``Birch\\x00chips`` was stored as ``Birch``; ``templates add`` of
"Lab (2)" replaced the saved "Lab 2" without a word.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from workbench.cli.main import main
from workbench.errors import UserFacingError
from workbench.model import Project
from workbench.project.store import close_project, open_project, save_project
from workbench.safetext import cell, clean, one_line

HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTabbed",
    "\rCarriage",
    "Escape \x1b[31mred\x1b[0m",
    "Bell\x07and\x0bvertical",
]


def test_cell_rule():
    assert cell("=1+1") == "'=1+1" and cell("-5 mm") == "'-5 mm" and cell("Birch") == "Birch"
    assert cell(-5.0) == -5.0 and cell(3) == 3  # numbers stay numbers
    assert cell("A\x1bB") == "A\\x1bB"
    assert clean("a\nb\x00c") == "a\nb\\x00c" and one_line("a\nb\tc") == "a b c"


@pytest.fixture
def project_file(tmp_path):
    p = Project()
    for name in HOSTILE:
        p.add_sample(name, notes=name)
    for s in p.samples.values():
        p.set_sample_metadata(s.id, "origin note", s.name)
    path = tmp_path / "names.fwproj"
    save_project(p, path)
    close_project(p)
    return path


def _cells_start(values):
    return [v for v in values if isinstance(v, str) and v[:1] in "=+-@\t\r"]


def test_csv_export_escapes_formulas(project_file, tmp_path, capsys):
    out = tmp_path / "v.csv"
    assert main(["export", str(project_file), "--out", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert all(not _cells_start(r) for r in rows), rows
    flat = "\n".join(",".join(r) for r in rows)
    assert "\x1b" not in flat and "\x07" not in flat


def test_xlsx_export_has_no_formulas_and_no_crash(project_file, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "v.xlsx"
    assert main(["export", str(project_file), "--out", str(out)]) == 0
    wb = load_workbook(out)
    values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert [v for v in values if isinstance(v, str) and v.startswith("=")] == []
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    assert '\'=HYPERLINK("http://evil.example","click")' in values


def test_report_shows_control_characters_escaped(project_file, tmp_path):
    out = tmp_path / "r.html"
    assert main(["report", str(project_file), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\\x1b[31mred" in text


def test_nul_in_names_is_refused_with_a_message(tmp_path):
    p = Project()
    with pytest.raises(UserFacingError, match="NUL"):
        p.add_sample("Birch\x00chips")
    s = p.add_sample("Birch")
    with pytest.raises(UserFacingError, match="NUL"):
        p.set_sample_field(s.id, "name", "Birch\x00chips")
    with pytest.raises(UserFacingError, match="NUL"):
        p.set_sample_metadata(s.id, "lot", "7\x00")
    s.notes = "set directly\x00by a script"  # past the checks: the save refuses
    with pytest.raises(UserFacingError, match="NUL"):
        save_project(p, tmp_path / "n.fwproj")
    assert not (tmp_path / "n.fwproj").exists()


def test_nul_in_an_imported_sample_name_fails_that_file(tmp_path):
    from workbench.importers.service import import_files

    src = tmp_path / "moisture.csv"
    src.write_bytes(b"Sample;Moisture (%)\nBirch\x00chips;8.5\n")
    p = Project()
    summary = import_files(p, [src], new_sample=True)
    assert summary.count("failed") == 1 and not p.samples  # a message, nothing half-added


def test_jcamp_title_stays_one_line(tmp_path):
    import numpy as np

    from workbench.model import Column, Measurement

    p = Project()
    s = p.add_sample("Birch\r\n##END=\r\n##TITLE=forged")
    x = np.linspace(4000, 10000, 50)
    p.add_measurement(
        s.id,
        Measurement(
            id="m1",
            kind="spectrum",
            columns={"w": Column("w", "cm-1", x), "a": Column("a", "", np.sin(x))},
            signal="a",
            axes=["w"],
        ),
    )
    path = tmp_path / "j.fwproj"
    save_project(p, path)
    close_project(p)
    out = tmp_path / "c.jdx"
    assert main(["export", str(path), "--out", str(out), "--kind", "spectrum"]) == 0
    text = out.read_text()
    assert text.count("##END=") == 1 and "##TITLE=forged" not in text


def test_template_names_that_map_to_one_file_need_replace(tmp_path, capsys):
    base = {
        "delimiter": ";",
        "decimal": ",",
        "header_row": 1,
        "sample_column": "Sample",
        "measurement_kind": "fibre_summary",
        "columns": {"Length": {"target": "fibre_length_lw", "unit": "mm"}},
    }
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps({"name": "Lab 2", **base}))
    b.write_text(json.dumps({"name": "Lab (2)", **base}))
    assert main(["templates", "add", str(a)]) == 0
    capsys.readouterr()
    assert main(["templates", "add", str(b)]) == 2
    err = capsys.readouterr().err
    assert "Lab 2" in err and "--replace" in err and len(err.strip().splitlines()) == 1
    assert main(["templates", "add", str(a)]) == 0  # its own name again: an update
    assert main(["templates", "add", str(b), "--replace"]) == 0


def test_pipeline_names_differing_only_in_case_need_replace(tmp_path, capsys):
    snv = '[{"op": "snv"}]'
    assert main(["pipelines", "save", "SNV", snv]) == 0
    assert main(["pipelines", "save", "snv", snv]) == 2
    assert "--replace" in capsys.readouterr().err
    assert main(["pipelines", "save", "snv", snv, "--replace"]) == 0
    p = Project()
    from workbench.analysis.pipelines import save_pipeline

    save_pipeline("Baseline", json.loads(snv), project=p)
    with pytest.raises(UserFacingError, match="replace"):
        save_pipeline("baseline ", json.loads(snv), project=p)


def test_reopened_names_round_trip(project_file):
    q = open_project(project_file, read_only=True)
    assert sorted(s.name for s in q.samples.values()) == sorted(HOSTILE)
    close_project(q)
