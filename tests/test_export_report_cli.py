"""Export (CSV, XLSX, JCAMP-DX) and report (HTML, PDF) from the CLI, on the demo project."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from workbench.cli.main import main
from workbench.importers.registry import parse_path
from workbench.project.store import close_project, open_project


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.fwproj"
    assert main(["demo", str(path)]) == 0
    return path


def _first_curve(path, kind):
    project = open_project(path, read_only=True)
    try:
        for sample in project.samples.values():
            for m in sample.measurements.values():
                if m.kind == kind and m.is_curve:
                    x = m.columns[m.axes[0]].values().copy()
                    y = m.columns[m.signal].values().copy()
                    return sample.name, x, y
    finally:
        close_project(project)
    raise AssertionError(f"no {kind} curve in the demo")


def test_xlsx_has_a_sheet_per_kind_with_units_in_headers(demo, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "values.xlsx"
    assert main(["export", str(demo), "--out", str(out)]) == 0
    wb = load_workbook(out, read_only=True)
    assert {"samples", "moisture", "ash", "results"} <= set(wb.sheetnames) or {
        "samples",
        "moisture",
        "ash",
    } <= set(wb.sheetnames)
    header = [c.value for c in next(wb["moisture"].iter_rows(max_row=1))]
    assert "sample" in header and "feedstock_type" in header
    assert any(h and h.startswith("moisture [%, ar]") for h in header)


def test_csv_values_carry_unit_and_basis(demo, tmp_path):
    out = tmp_path / "values.csv"
    assert main(["export", str(demo), "--out", str(out), "--kind", "ash"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and all(r["unit"] == "%" for r in rows if r["property"] == "ash")
    assert {r["basis"] for r in rows if r["property"] == "ash"} == {"db"}


@pytest.mark.parametrize("suffix", [".jdx", ".csv"])
def test_exported_spectrum_imports_back_to_the_same_values(demo, tmp_path, suffix):
    name, x, y = _first_curve(demo, "spectrum")
    out = tmp_path / f"spectrum{suffix}"
    args = ["export", str(demo), "--out", str(out), "--sample", name, "--kind", "spectrum"]
    assert main(args) == 0
    _raw, parsed = parse_path(out)
    (m,) = parsed.measurements
    x2 = np.asarray(m.columns[m.axes[0]].data)
    y2 = np.asarray(m.columns[m.signal].data)
    order, order2 = np.argsort(x), np.argsort(x2)
    np.testing.assert_allclose(x2[order2], x[order], rtol=1e-9)
    np.testing.assert_allclose(y2[order2], y[order], rtol=1e-9, atol=1e-12)


def test_curve_export_needs_exactly_one_curve(demo, tmp_path, capsys):
    assert main(["export", str(demo), "--out", str(tmp_path / "x.jdx")]) == 2
    assert "exactly one curve" in capsys.readouterr().err


def test_html_report_for_one_sample(demo, tmp_path):
    out = tmp_path / "r.html"
    assert main(["report", str(demo), "--out", str(out), "--sample", "Spruce bark"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "Spruce bark" in html and "Birch chips" not in html
    assert "SHA-256" in html and "data:image/svg+xml" in html


def test_pdf_report_is_a_pdf_with_pages(demo, tmp_path):
    pytest.importorskip("PySide6.QtSvg")
    out = tmp_path / "r.pdf"
    assert (
        main(["report", str(demo), "--out", str(out), "--sample", "Pine sawdust", "--lang", "fi"])
        == 0
    )
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert (
        data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page") >= 2
    )


def test_report_refuses_unknown_suffix(demo, tmp_path, capsys):
    assert main(["report", str(demo), "--out", str(tmp_path / "r.docx")]) == 2
    assert ".html or .pdf" in capsys.readouterr().err
