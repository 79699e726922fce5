"""Excel workbooks (.xlsx) and other containers (issue 14 part 1 and 3).

Every reader that takes a table takes a worksheet too, with the same values as the
same table saved as text; a workbook of several sheets reads each sheet (and says
which it could not); a template can name a sheet and a cell range; formulas are read as
the result the file stores, and a formula without a stored result is a warning naming
its cell. Containers are recognised before any instrument reader looks: a ZIP of
exports is imported member by member, other containers are refused by name.
"""

from __future__ import annotations

import io
import json
import re
import zipfile

import numpy as np
import openpyxl
import pytest

from workbench.errors import ImportFormatError
from workbench.importers.registry import detect, parse_bytes
from workbench.importers.service import import_files
from workbench.importers.templates import parse_with_template, template_from_dict
from workbench.model import Project


def workbook(sheets: dict[str, list[list]], cached: dict[str, object] | None = None) -> bytes:
    """An .xlsx of the given sheets (rows of cell values; "=..." is a formula). openpyxl
    stores no result with a formula; ``cached`` {cell: value} writes one, as Excel does."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    raw = out.getvalue()
    if not cached:
        return raw
    src = zipfile.ZipFile(io.BytesIO(raw))
    patched = io.BytesIO()
    with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                text = data.decode()
                for cell, value in cached.items():
                    text = re.sub(
                        rf'(<c r="{cell}"[^>]*><f>[^<]*</f>)<v\s*/>', rf"\g<1><v>{value}</v>", text
                    )
                data = text.encode()
            dst.writestr(info, data)
    return patched.getvalue()


MOISTURE = [
    ["Sample", "Replicate", "Dish (g)", "Dish + wet sample (g)", "Dish + dry sample (g)"],
    ["Birch chips", 1, 10.0102, 12.0155, 11.8143],
    ["Birch chips", 2, 10.2201, 12.2287, 12.0264],
    ["Spruce bark", 1, 9.8876, 11.9021, 11.1010],
]
ASH = [
    ["Sample", "Crucible (g)", "Crucible + sample (g)", "Crucible + ash (g)", "Furnace (°C)"],
    ["Birch chips", 20.1005, 21.1020, 20.1051, 550],
    ["Birch chips", 20.2003, 21.2011, 20.2050, 550],
]
FIBRE_REPORT = [
    ["Sample ID", "Ln (mm)", "Lw (mm)", "Lww (mm)", "Fines (%)", "Width (µm)"],
    ["Birch kraft", 0.71, 0.93, 1.05, 8.2, 19.8],
    ["Pine TMP", 1.21, 1.88, 2.35, 21.5, 33.0],
]
PARTICLES = [["Length (mm)", "Width (µm)", "Curl (%)"]] + [
    [round(0.2 + 0.013 * i, 3), 15 + i % 7, 5 + i % 11] for i in range(120)
]
TGA = [["Time (min)", "Temperature (°C)", "Mass (mg)"]] + [
    [i * 0.5, 25 + 5 * i, round(10 - i * 0.02, 4)] for i in range(60)
]
SPECTRAL_TABLE = [["Sample", *range(908, 1680, 8)]] + [
    [f"S{k}", *[round(0.1 + 0.001 * j + 0.01 * k, 5) for j in range(len(range(908, 1680, 8)))]]
    for k in range(3)
]
SPECTRUM = [["Wavenumber (cm-1)", "Absorbance"]] + [
    [4000 - 2 * i, round(0.2 + 0.1 * np.sin(i / 20), 6)] for i in range(400)
]


def _as_text(rows: list[list], delim: str = "\t") -> bytes:
    return ("\n".join(delim.join(str(c) for c in row) for row in rows) + "\n").encode()


@pytest.mark.parametrize(
    ("rows", "format_id"),
    [
        (MOISTURE, "gravimetric_worksheet"),
        (ASH, "gravimetric_worksheet"),
        (FIBRE_REPORT, "fibre_report"),
        (PARTICLES, "fibre_particles"),
        (TGA, "tga_generic"),
        (SPECTRAL_TABLE, "spectral_table"),
        (SPECTRUM, "spectrum_text"),
    ],
    ids=["moisture", "ash", "fibre report", "particles", "tga", "spectral table", "spectrum"],
)
def test_every_table_reader_takes_a_worksheet(rows, format_id):
    raw = workbook({"Data": rows})
    assert detect(raw, "lab.xlsx").format_id == "xlsx"
    parsed = parse_bytes(raw, "lab.xlsx")
    assert parsed.format_id == "xlsx" and parsed.format_label.endswith(
        detect(_as_text(rows), "t.txt").format_label
    )
    as_text = parse_bytes(_as_text(rows), "lab.txt")
    assert as_text.format_id == format_id
    assert len(parsed.measurements) == len(as_text.measurements)
    for got, want in zip(parsed.measurements, as_text.measurements, strict=True):
        assert got.kind == want.kind and got.sample_name == want.sample_name
        assert got.metadata["sheet"] == "Data"
        for name, col in want.columns.items():
            np.testing.assert_array_equal(got.columns[name].data, col.data)
            assert got.columns[name].unit == col.unit
        for pid, q in want.quantities.items():
            assert got.quantities[pid].value == q.value and got.quantities[pid].unit == q.unit


def test_a_workbook_of_several_sheets_reads_each_and_names_the_rest():
    raw = workbook(
        {"Moisture": MOISTURE, "TGA run 7": TGA, "Notes": [["oven 2, lab B"]], "Empty": []}
    )
    parsed = parse_bytes(raw, "lab.xlsx")
    sheets = [m.metadata["sheet"] for m in parsed.measurements]
    assert sheets == ["Moisture", "Moisture", "TGA run 7"]
    assert parsed.metadata["sheets"]["Notes"].startswith("not a table")
    assert parsed.metadata["sheets"]["Empty"] == "empty"
    assert any("'Notes'" in w and "not imported" in w for w in parsed.warnings)
    assert "Gravimetric" in parsed.format_label and "TGA table" in parsed.format_label


def test_a_sheet_no_reader_takes_alone_is_refused_naming_the_sheet():
    with pytest.raises(ImportFormatError, match="sheet 'Notes': not a table"):
        parse_bytes(workbook({"Notes": [["just a note"], ["and another"]]}), "notes.xlsx")


def test_a_bad_cell_is_named_by_sheet_and_row():
    rows = [r[:] for r in TGA]
    rows[6][2] = "#DIV/0!"
    with pytest.raises(ImportFormatError, match=r"sheet 'Run': row 7: .*'#DIV/0!'"):
        parse_bytes(workbook({"Run": rows}), "run.xlsx")


def test_formulas_are_read_as_their_stored_results():
    rows = [r[:] for r in MOISTURE]
    rows[2][3] = "=C3+2.0086"
    raw = workbook({"Moisture": rows}, cached={"D3": "12.2287"})
    parsed = parse_bytes(raw, "lab.xlsx")
    birch = parsed.measurements[0]
    assert birch.columns["dish_plus_wet_mass"].data.tolist() == [12.0155, 12.2287]
    assert not any("formula" in w for w in parsed.warnings)


def test_a_formula_without_a_stored_result_is_a_warning_naming_its_cell():
    rows = [["Sample ID", "Ln (mm)", "Lw (mm)", "Lww (mm)"], ["Birch", 0.71, "=B2*1.3", 1.05]]
    parsed = parse_bytes(workbook({"Report": rows}), "report.xlsx")
    (warning,) = [w for w in parsed.warnings if "formula" in w]
    assert "sheet 'Report'" in warning and "(C2)" in warning and "no stored result" in warning
    q = parsed.measurements[0].quantities
    assert "fibre_length_lw" not in q and q["fibre_length_ln"].value == 0.71  # empty, not guessed


def test_a_template_names_a_sheet_and_a_cell_range():
    junk = [["Lab report 2024-05-06", None, None, None, None], [None] * 5]
    table = [
        [None, "Sample", "Cellulose (%)", "Lignin (%)", None],
        [None, "Birch chips", 41.5, 20.1, "checked"],
        [None, "Spruce bark", 28.3, 38.9, None],
        [None, None, None, None, None],
        [None, "Signed: T. Technician", None, None, None],
    ]
    raw = workbook({"Cover": [["see sheet Data"]], "Data": junk + table})
    template = template_from_dict(
        {
            "name": "Lab values",
            "delimiter": "auto",
            "decimal": "auto",
            "header_row": 1,
            "sample_column": "Sample",
            "measurement_kind": "properties",
            "sheet": "Data",
            "cell_range": "B3:D5",
            "columns": {
                "Cellulose (%)": {"target": "cellulose", "unit": "%"},
                "Lignin (%)": {"target": "lignin", "unit": "%"},
            },
        }
    )
    parsed = parse_with_template(raw, "report.xlsx", template)
    values = {
        m.sample_name: {k: q.value for k, q in m.quantities.items()} for m in parsed.measurements
    }
    assert values == {
        "Birch chips": {"cellulose": 41.5, "lignin": 20.1},
        "Spruce bark": {"cellulose": 28.3, "lignin": 38.9},
    }
    assert (
        parsed.metadata["sheet"] == "Data" and parsed.metadata["template"]["cell_range"] == "B3:D5"
    )
    # a row of the range that is not a number is named by its sheet row, not the range line
    bad = workbook({"Data": [*junk, table[0], [None, "Birch chips", "n.d.x", 20.1]]})
    with pytest.raises(ImportFormatError, match=r"sheet 'Data', row 4: .*Cellulose"):
        parse_with_template(bad, "report.xlsx", template)


def test_template_sheet_and_range_are_validated():
    base = {"name": "t", "delimiter": "auto", "decimal": "auto", "header_row": 1,
            "measurement_kind": "properties", "columns": {"a": {"target": "lignin"}}}  # fmt: skip
    for key, value in (("cell_range", "B3"), ("cell_range", "3B:C9"), ("sheet", "a/b"),
                       ("sheet", "x" * 40)):  # fmt: skip
        with pytest.raises(Exception, match=key):
            template_from_dict({**base, key: value})
    assert template_from_dict({**base, "cell_range": "$b$3:$d$5"}).cell_range == "B3:D5"


# -- containers -------------------------------------------------------------------------
def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def test_a_zip_of_exports_is_imported_member_by_member():
    raw = _zip({
        "run7/tga.txt": _as_text(TGA, ";"),
        "run7/spectrum.csv": _as_text(SPECTRUM, ","),
        "run7/readme.txt": b"exported by the lab PC\n",
        "run7/nested.zip": _zip({"a.txt": b"1"}),
    })  # fmt: skip
    assert detect(raw, "run7.zip").format_id == "zip"
    parsed = parse_bytes(raw, "run7.zip")
    assert [m.metadata["archive_member"] for m in parsed.measurements] == [
        "run7/tga.txt",
        "run7/spectrum.csv",
    ]
    assert any("readme.txt" in w and "not imported" in w for w in parsed.warnings)
    assert any("nested.zip" in w and "not opened" in w for w in parsed.warnings)


def test_a_zip_bomb_is_refused_before_anything_is_unpacked():
    raw = _zip({"huge.csv": b"1," * (200 * 2**20)})  # 400 MB of text packed to ~400 KB
    with pytest.raises(ImportFormatError, match="compression ratio"):
        parse_bytes(raw, "bomb.zip")


@pytest.mark.parametrize(
    ("head", "named"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Excel 97-2003"),
        (b"\x89HDF\r\n\x1a\n" + b"\0" * 600, "HDF5"),
        (b"%PDF-1.7\n" + b"x" * 600, "PDF"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 600, "PNG image"),
        (b"\xff\xd8\xff\xe0" + b"\0" * 600, "JPEG image"),
        (b"\x1f\x8b\x08" + b"\0" * 600, "gzip"),
    ],
)
def test_other_containers_are_refused_by_name(head, named):
    with pytest.raises(ImportFormatError, match=re.escape(named)):
        parse_bytes(head, "thing.dat")


def test_a_zip_is_never_taken_for_an_spc_file():
    # before: byte 1 of "PK" is the "K" of an SPC version byte, and a ZIP or XLSX was
    # refused as a damaged SPC file ("byte 0x210: expected a plausible subfile count")
    raw = _zip({"notes.txt": b"hello"})
    assert detect(raw, "x.spc").format_id == "zip"
    with pytest.raises(ImportFormatError) as caught:
        parse_bytes(raw, "x.spc")
    assert "subfile" not in str(caught.value) and "notes.txt: not an export" in str(caught.value)


def test_an_xlsx_is_never_taken_for_an_spc_file():
    # an .xlsx is a ZIP too ("PK"): it is read as the workbook it is, whatever its name
    raw = workbook({"Moisture": MOISTURE})
    assert detect(raw, "x.spc").format_id == "xlsx"
    parsed = parse_bytes(raw, "x.spc")
    assert parsed.format_id == "xlsx" and len(parsed.measurements) == 2


def test_the_command_line_previews_a_workbook(tmp_path, capsys):
    from workbench.cli.main import main

    book = tmp_path / "lab.xlsx"
    book.write_bytes(workbook({"Moisture": MOISTURE, "Notes": [["oven 2"]]}))
    project = tmp_path / "p.fwproj"
    assert main(["new", str(project)]) == 0
    capsys.readouterr()
    assert main(["import", str(project), str(book), "--dry-run", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    understood = out["files"][0]["understood"]
    assert understood["format"] == "xlsx"
    assert understood["samples"] == ["Birch chips", "Spruce bark"]
    assert any("Notes" in w for w in understood["warnings"])


def test_a_workbook_imports_into_a_project(tmp_path):
    book = tmp_path / "lab.xlsx"
    book.write_bytes(workbook({"Ash": ASH}))
    project = Project()
    summary = import_files(project, [book], new_sample=True)
    assert summary.count("imported") == 1
    sample = project.find_sample("Birch chips")
    (m,) = sample.measurements.values()
    assert m.kind == "ash" and m.metadata["sheet"] == "Ash" and m.source_format == "xlsx"
