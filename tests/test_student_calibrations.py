"""A student's project as issue 15 describes it, checked from the user's side: properties
the vocabulary lacks (ADF, CP), calibrated in one project, whose results, exports, text
summaries and scripting-API objects must stay apart and say which property they are of."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from tests.spectral_synth import project_with_spectra, synthetic
from workbench import properties as up
from workbench.cli.main import main
from workbench.project.store import close_project, save_project
from workbench.vocab import PROPERTIES

N = 24


def _forget_own_properties() -> None:
    for pid in ("ADF", "CP"):
        PROPERTIES.pop(pid, None)


@pytest.fixture(scope="module")
def student(tmp_path_factory):
    """24 samples with spectra (origin 'Lahti'); ADF and CP defined by the project; a
    reference table in which every third sample has no value (those are predicted);
    one calibration of each property run through the command line."""
    tmp = tmp_path_factory.mktemp("student")
    x, Y, y, C = synthetic(N, 100, seed=11)
    project = project_with_spectra(x, Y)
    for sample in project.samples.values():
        sample.origin = "Lahti"
    up.add(
        project, up.make_definition("ADF", unit="%", basis="db", label_en="Acid detergent fibre")
    )
    up.add(project, up.make_definition("CP", unit="%", basis="db", label_en="Crude protein"))
    path = tmp / "cane.fwproj"
    save_project(project, path)
    close_project(project)
    table = tmp / "refs.csv"
    with table.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["sample", "ADF", "CP"])
        for i in range(N):
            adf = "" if i % 3 == 0 else f"{y[i]:.4f}"
            cp = "" if i % 3 == 0 else f"{8 + 6 * C[i, 1]:.4f}"
            w.writerow([f"S{i + 1:03d}", adf, cp])
    for pid in ("ADF", "CP"):
        argv = ["analyse", str(path), "pls_calibration", "--param", f"property={pid}"]
        argv += ["--param", f"reference_table={table}", "--param", "pipeline=none"]
        assert main([*argv, "--param", "folds=4"]) == 0
    yield path
    _forget_own_properties()


def test_value_csv_keeps_the_sample_origin_apart_from_the_value_origin(student, tmp_path):
    out = tmp_path / "values.csv"
    assert main(["export", str(student), "--out", str(out)]) == 0
    with out.open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert len(header) == len(set(header)), f"a column name twice: {header}"
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    predicted = [r for r in rows if r["property"] == "ADF"]
    assert predicted and {r["origin"] for r in predicted} == {"predicted"}
    assert {r["sample_origin"] for r in rows} == {"Lahti"}


def test_value_exports_name_the_calibration_each_figure_belongs_to(student, tmp_path):
    out = tmp_path / "values.csv"
    assert main(["export", str(student), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    rmsecv = [r for r in rows if r["property"] == "pls_rmsecv" and r["sample"] == "S002"]
    assert {r["label"] for r in rmsecv} == {
        "PLS calibration of Acid detergent fibre",
        "PLS calibration of Crude protein",
    }
    xlsx = tmp_path / "values.xlsx"
    assert main(["export", str(student), "--out", str(xlsx)]) == 0
    wb = load_workbook(xlsx, read_only=True)
    for sheet in ("results", "values"):
        table = list(wb[sheet].iter_rows(values_only=True))
        header = list(table[0])
        assert len(header) == len(set(header)), f"{sheet}: a column name twice: {header}"
        labels = {row[header.index("label")] for row in table[1:]}
        assert "PLS calibration of Crude protein" in labels, sheet


def test_info_text_names_each_result_by_its_label(student, capsys):
    assert main(["info", str(student)]) == 0
    out = capsys.readouterr().out
    block = out.split("  S002 [", 1)[1].split("\n\n", 1)[0]
    assert "PLS calibration of Acid detergent fibre" in block
    assert "PLS calibration of Crude protein" in block


def _one_line_error(capsys, argv) -> str:
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 2, captured
    lines = [ln for ln in captured.err.splitlines() if ln.strip()]
    assert len(lines) == 1, captured.err
    return lines[0]


@pytest.mark.parametrize(
    ("param", "expected"),
    [
        ("folds=1", "parameter folds: 1 is below the minimum 2."),
        ("fold=3", "has no parameter fold"),
        ("folds=abc", "expected a whole number"),
    ],
)
def test_a_wrong_parameter_is_one_line_without_every_sample_name(student, capsys, param, expected):
    line = _one_line_error(capsys, ["analyse", str(student), "pls_calibration", "--param", param])
    assert expected in line and "pls_calibration" in line
    assert "S001" not in line and "S024" not in line  # not the names of all 24 samples
    assert line.endswith("Nothing was saved; the project is unchanged.")


def test_scripting_api_tells_the_calibrations_apart_and_reaches_their_curves(student):
    from workbench import api as fw

    with fw.open_project(student) as project:
        # S002 is not the sample that stores the run's shared curves (S001 does)
        results = project.sample("S002").results
        labels = [r.label for r in results]
        assert labels == [
            "PLS calibration of Acid detergent fibre",
            "PLS calibration of Crude protein",
        ]
        assert "Crude protein" in repr(results[1])
        for result in results:
            curve = result.curve("reference", "cv_predicted")
            assert curve.x.size == curve.y.size == 16 and curve.x_unit == "%"
        table = project.values(properties=["pls_rmsecv"], samples=["S002"], as_frame=False)
        assert sorted(table["label"]) == sorted(labels)


def test_scripting_api_errors_are_one_plain_line(student):
    from workbench import api as fw
    from workbench.errors import AnalysisError

    with fw.open_project(student, edit=True) as project:
        with pytest.raises(AnalysisError) as info:
            project.analyse("pls_calibration", property="ADFX")
        text = str(info.value)
        assert "'ADFX' is not a known property id" in text and "Did you mean ADF" in text
        assert "AnalysisError:" not in text and "S001, S002" not in text
        with pytest.raises(AnalysisError, match="minimum 2") as info:
            project.analyse("pls_calibration", property="ADF", folds=1)
        assert "S001, S002" not in str(info.value)


def test_scripting_api_saves_a_copy_of_a_read_only_project(student, tmp_path):
    from workbench import api as fw
    from workbench.errors import UserFacingError

    with fw.open_project(student) as project:
        with pytest.raises(UserFacingError, match="read-only"):
            project.save()
        copy = tmp_path / "mine.fwproj"
        project.save(copy)
    with fw.open_project(copy) as again:
        assert len(again.samples) == N


ROUTE = """schema_version = 1
id = "forage_fibre"
version = "0.1.0"
group = "biogas"
name_en = "Forage of moderate fibre (a student's route)"
name_fi = "Kohtuukuituinen rehu"
description_en = "Acid detergent fibre at most 60 % on a dry basis."
description_fi = "Happodetergenttikuitu enintään 60 % kuiva-aineesta."
score_thresholds = { suitable = 70, conditional = 40, note = "course policy" }

[[criteria]]
id = "adf"
property = "ADF"
basis = "db"
unit = "%"
comparator = "<="
limit = 60
kind = "hard"
label_en = "ADF at most 60 %"
label_fi = "ADF enintään 60 %"
source = "course handout"
reliability = "C"
"""


def test_a_user_route_may_judge_a_property_of_the_project(student, capsys):
    from workbench.classify.routes import user_routes_dir

    (user_routes_dir() / "forage.toml").write_text(ROUTE, encoding="utf-8")
    _forget_own_properties()  # a fresh process: only the project file defines ADF
    try:
        code = main(["classify", str(student), "--route", "forage_fibre", "--sample", "S001"])
        captured = capsys.readouterr()
    finally:
        _forget_own_properties()
    assert code == 0, captured.err
    assert "skipped" not in captured.err and "unknown property" not in captured.err
    assert "forage_fibre" in captured.out
    assert "no value" not in captured.out  # S001's predicted ADF is judged


TEMPLATE = {
    "name": "wet chemistry (course)",
    "delimiter": ";",
    "decimal": ",",
    "header_row": 1,
    "sample_column": "Sample",
    "measurement_kind": "properties",
    "columns": {
        "ADF (%)": {"target": "ADF", "unit": "%", "method": "ANKOM ADF"},
        "CP (%)": {"target": "CP", "unit": "%"},
    },
}


def test_an_import_template_may_map_a_column_to_a_property_of_the_project(
    student, tmp_path, capsys
):
    import json
    import shutil

    from workbench.project.store import open_project

    path = tmp_path / "copy.fwproj"
    shutil.copy(student, path)
    template = tmp_path / "wet.json"
    template.write_text(json.dumps(TEMPLATE), encoding="utf-8")
    data = tmp_path / "wet.csv"
    data.write_text("Sample;ADF (%);CP (%)\nS001;31,5;9,25\nS004;33,0;NA\n", encoding="utf-8")
    _forget_own_properties()  # a fresh process: only the project file defines ADF and CP
    try:
        # without the project nobody knows ADF: refused, saying how to name the project
        line = _one_line_error(capsys, ["templates", "add", str(template)])
        assert "ADF" in line and "--project" in line
        assert main(["templates", "add", str(template), "--project", str(path)]) == 0
        _forget_own_properties()
        assert main(["templates", "list", "--project", str(path)]) == 0
        assert "BROKEN" not in capsys.readouterr().out
        _forget_own_properties()
        assert (
            main(["templates", "test", "wet chemistry (course)", str(data), "--project", str(path)])
            == 0
        )
        assert '"ADF"' in capsys.readouterr().out
        _forget_own_properties()
        argv = ["import", str(path), str(data), "--template", "wet chemistry (course)"]
        assert main(argv) == 0, capsys.readouterr()
    finally:
        _forget_own_properties()
    project = open_project(path, read_only=True)
    try:
        s1 = project.find_sample("S001")
        (m,) = [m for m in s1.measurements.values() if m.kind == "properties"]
        assert m.quantities["ADF"].value == pytest.approx(31.5)
        assert m.quantities["ADF"].unit == "%" and m.quantities["ADF"].basis == "db"
        assert m.quantities["CP"].value == pytest.approx(9.25)
    finally:
        close_project(project)
        _forget_own_properties()


def test_a_closed_projects_properties_do_not_leak_into_the_next_project(student, tmp_path):
    """The window opens one project after another in one process: a property of the
    first must not be offered, and accepted, in the second, which does not define it."""
    from workbench.model import Project
    from workbench.project.store import open_project

    other = tmp_path / "other.fwproj"
    bare = Project()
    bare.add_sample("B1")
    save_project(bare, other)
    close_project(bare)
    _forget_own_properties()

    first = open_project(student, read_only=True)
    assert "ADF" in PROPERTIES
    second = open_project(other, read_only=True)
    close_project(first)  # the window closes the old project after reading the new one
    try:
        assert "ADF" not in PROPERTIES and "CP" not in PROPERTIES
        assert "lignin" in PROPERTIES  # built-in ones are never touched
    finally:
        close_project(second)

    # two open projects defining one id: closing the later one brings the earlier back
    twin = tmp_path / "twin.fwproj"
    bare = Project()
    up.add(bare, up.make_definition("ADF", unit="g/kg", basis="db"))
    save_project(bare, twin)
    close_project(bare)
    first = open_project(student, read_only=True)
    second = open_project(twin, read_only=True)
    assert PROPERTIES["ADF"].unit == "g/kg"
    close_project(second)
    assert PROPERTIES["ADF"].unit == "%"
    close_project(first)
    assert "ADF" not in PROPERTIES


def test_scripting_api_refuses_to_edit_a_project_open_elsewhere(student, tmp_path):
    """open_project(path, edit=True) on a project another program holds: an error naming
    the holder at once, not a read-only project whose first edit then says to pass
    edit=True, which the script did."""
    import json
    import shutil

    from workbench import api as fw
    from workbench.errors import UserFacingError
    from workbench.project.lock import lock_path

    path = tmp_path / "held.fwproj"
    shutil.copy(student, path)
    lock_path(path).write_text(
        json.dumps({"pid": 1, "host": "lab-pc.example", "user": "tech", "time": "t"}),
        encoding="utf-8",
    )
    with pytest.raises(UserFacingError) as info:
        fw.open_project(path, edit=True)
    text = str(info.value)
    assert "lab-pc.example" in text and "edit=True" not in text
    with fw.open_project(path) as project:  # reading it is fine
        assert project.read_only and len(project.samples) == N


def test_a_value_table_without_pandas_prints_its_values(student):
    """print(project.values()) in the README's example, without pandas: the rows are
    shown (it printed only the column names)."""
    from workbench import api as fw

    with fw.open_project(student) as project:
        table = project.values(properties=["ADF"], origin="predicted", as_frame=False)
        text = str(table)
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["sample", "source", "source_id"]
    first = next(table.rows())
    assert first["sample"] in lines[1] and f"{first['value']:.6g}" in lines[1]
    assert "predicted" in lines[1] and "%" in lines[1]
    assert len(lines) == 1 + len(table)


def test_no_reference_values_says_where_they_come_from(student, capsys):
    """A calibration of a property nobody measured: one line that says where reference
    values come from, and no test set that was never asked for."""
    line = _one_line_error(
        capsys, ["analyse", str(student), "pls_calibration", "--param", "property=lignin"]
    )
    assert "Only 0 of the 24 samples have a reference value of Lignin" in line
    assert "test set" not in line and "reference_table" in line


def test_a_calibration_export_says_how_to_repeat_the_calibration(student, tmp_path):
    """The figures sheet of a published calibration names the model, its preprocessing,
    the components tried and the reference table (name and SHA-256), not only the figures."""
    from openpyxl import load_workbook

    from workbench.project.store import open_project

    project = open_project(student, read_only=True)
    try:
        model = next(m for m in project.models.values() if m.params["property"] == "CP")
    finally:
        close_project(project)
    out = tmp_path / "cp.xlsx"
    assert main(["export", str(student), "--model", model.id, "--out", str(out)]) == 0
    rows = load_workbook(out, read_only=True)["figures"].iter_rows(min_row=2, values_only=True)
    figures = {(r[0], r[1]): r[2] for r in rows}
    assert figures[("model", "model id")] == model.id
    assert figures[("model", "name")] == model.name
    assert figures[("model", "preprocessing")] == "no preprocessing"
    assert figures[("model", "components tried")] == 10
    assert figures[("model", "reference table")] == "refs.csv"
    assert len(figures[("model", "reference table SHA-256")]) == 64
