"""Import templates: strict validation, save/list/load by name, and parsing with them."""

from __future__ import annotations

import json

import numpy as np
import pytest

from workbench.errors import ImportFormatError, SpecificationError
from workbench.importers.templates import (
    MAX_TEMPLATE_BYTES,
    delete_template,
    list_templates,
    load_template,
    parse_with_template,
    save_template,
    template_from_bytes,
    template_from_dict,
)
from workbench.paths import user_subdir

SUMMARY = {
    "name": "Lab FS summary",
    "delimiter": ";",
    "decimal": ",",
    "encoding": "cp1252",
    "header_row": 3,
    "skip_rows": 1,
    "sample_column": "Näyte",
    "measurement_kind": "fibre_summary",
    "columns": {
        "Pituus (µm)": {"target": "fibre_length_lw", "unit": "µm"},
        "Hienoaine lkm (%)": {"target": "fines_count", "unit": "%"},
    },
}
SUMMARY_FILE = (
    "Laite;XYZ\r\n\r\n"
    "Näyte;Pituus (µm);Hienoaine lkm (%)\r\n"
    ";µm;%\r\n"
    "Koivu;930;6,3\r\n"
    "Mänty;NA;12,5\r\n"
    "\r\n"
    "Keskiarvot ISO 16065-2\r\n"
).encode("cp1252")


def test_round_trip_save_list_load_parse():
    t = template_from_dict(SUMMARY, "test")
    path = save_template(t)
    assert path.parent == user_subdir("templates") and path.suffix == ".json"
    assert json.loads(path.read_text("utf-8"))["name"] == "Lab FS summary"
    assert list(list_templates()) == ["Lab FS summary"]
    loaded = load_template("Lab FS summary")
    assert loaded == t
    parsed = parse_with_template(SUMMARY_FILE, "fs.csv", loaded)
    assert parsed.sample_names == ["Koivu", "Mänty"]
    koivu, manty = parsed.measurements
    assert koivu.kind == "fibre_summary"
    assert koivu.quantities["fibre_length_lw"].value == pytest.approx(0.93)
    assert koivu.quantities["fibre_length_lw"].unit == "mm"
    assert koivu.quantities["fines_count"].value == 6.3
    assert "fibre_length_lw" not in manty.quantities  # NA is a missing value
    delete_template("Lab FS summary")
    assert list_templates() == {}


def test_column_mode_template_groups_rows_by_sample():
    t = template_from_dict(
        {
            "name": "balance log",
            "delimiter": "tab",
            "decimal": "auto",
            "header_row": 1,
            "sample_column": "id",
            "measurement_kind": "tga",
            "columns": {
                "T": {"target": "temperature", "unit": "°C"},
                "m": {"target": "mass", "unit": "mg"},
            },
            "signal": "mass",
            "axes": ["temperature"],
        }
    )
    raw = b"id\tT\tm\nA\t30.0\t10.0\nA\t40.0\t9.5\nB\t30.0\t8.0\n"
    a, b = parse_with_template(raw, "log.txt", t).measurements
    np.testing.assert_allclose(a.columns["mass"].values(), [10.0, 9.5])
    assert a.signal == "mass" and a.axes == ["temperature"] and b.sample_name == "B"


def test_parse_errors_name_line_and_column():
    t = template_from_dict(SUMMARY)
    bad = SUMMARY_FILE.replace(b"930", b"9.300")
    with pytest.raises(ImportFormatError) as err:
        parse_with_template(bad, "fs.csv", t)
    assert err.value.where == "line 5" and "Pituus" in str(err.value)
    missing = SUMMARY_FILE.replace("Hienoaine lkm".encode("cp1252"), b"Fines")
    with pytest.raises(ImportFormatError, match="Hienoaine lkm"):
        parse_with_template(missing, "fs.csv", t)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"colour": "red"}, "colour"),
        ({"header_row": "3"}, "header_row"),
        ({"header_row": True}, "header_row"),
        ({"delimiter": "|"}, "delimiter"),
        ({"decimal": ";"}, "decimal"),
        ({"measurement_kind": "nmr"}, "measurement_kind"),
        ({"encoding": "klingon"}, "encoding"),
        ({"name": "../../etc/passwd"}, "name"),
        ({"name": "x" * 300}, "name"),
        ({"columns": {}}, "columns"),
        ({"columns": {"a": "fibre_length_ln"}}, "columns.a"),
        ({"columns": {"a": {"target": "Bad Name!"}}}, "columns.a.target"),
        ({"columns": {"a": {"target": "fibre_length_ln", "unit": "furlong"}}}, "columns.a.unit"),
        ({"columns": {"a": {"target": "x", "scale": 2}}}, "columns.a.scale"),
        ({"columns": {f"c{i}": {"target": f"c{i}"} for i in range(300)}}, "columns"),
        ({"signal": "nothing"}, "signal"),
        ({"version": 2}, "version"),
    ],
)
def test_malformed_templates_refused_with_field(change, field):
    data = {**SUMMARY, **change}
    with pytest.raises(SpecificationError) as err:
        template_from_dict(data, "lab.json")
    msg = str(err.value)
    assert msg.startswith("lab.json: field ") and f"'{field}" in msg, msg


def test_missing_required_field_and_non_object():
    data = dict(SUMMARY)
    del data["columns"]
    with pytest.raises(SpecificationError, match="'columns': missing"):
        template_from_dict(data, "t.json")
    with pytest.raises(SpecificationError, match="JSON object"):
        template_from_dict([1, 2], "t.json")


def test_oversized_and_invalid_json_files():
    with pytest.raises(SpecificationError, match="larger than 64 KiB"):
        template_from_bytes(b" " * (MAX_TEMPLATE_BYTES + 1), "big.json")
    with pytest.raises(SpecificationError, match="not valid JSON"):
        template_from_bytes(b"{'name': 1}", "bad.json")


def test_broken_file_in_folder_is_listed_with_its_error_and_not_loaded():
    folder = user_subdir("templates")
    (folder / "broken.json").write_text('{"name": 5}', encoding="utf-8")
    listed = list_templates()
    assert isinstance(listed["broken"], SpecificationError)
    with pytest.raises(SpecificationError, match="'name'"):
        load_template("broken")
    with pytest.raises(SpecificationError, match="no import template"):
        load_template("absent")


def test_cli_add_list_test_remove(tmp_path, capsys):
    from workbench.cli.main import main

    src = tmp_path / "t.json"
    src.write_text(json.dumps(SUMMARY, ensure_ascii=False), encoding="utf-8")
    data = tmp_path / "fs.csv"
    data.write_bytes(SUMMARY_FILE)
    assert main(["templates", "add", str(src)]) == 0
    assert main(["templates", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])["templates"][0]["name"] == (
        "Lab FS summary"
    )
    assert main(["templates", "test", "Lab FS summary", str(data)]) == 0
    assert json.loads(capsys.readouterr().out)["samples"] == ["Koivu", "Mänty"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": 1}', encoding="utf-8")
    assert main(["templates", "add", str(bad)]) == 2
    assert "field 'name'" in capsys.readouterr().err
    assert main(["templates", "remove", "Lab FS summary"]) == 0
    assert list_templates() == {}


def test_lab_units_with_dry_matter_and_toxic_equivalents():
    """Columns headed the way lab reports print them: a dry-matter marker on the unit
    means dry basis when the template states no basis, and PCDD/F in pg WHO-TEQ/g reach
    the property's ng/kg with the value as the lab gave it kept for the explanation."""
    t = template_from_dict(
        {
            "name": "char lab",
            "delimiter": ";",
            "decimal": ",",
            "header_row": 1,
            "sample_column": "Sample",
            "measurement_kind": "properties",
            "columns": {
                "PCDD/F": {"target": "char_pcdd_f", "unit": "pg WHO-TEQ/g"},
                "Zn": {"target": "char_zinc", "unit": "g/kg DM"},
                "Rejects": {"target": "non_paper_components", "unit": "% DM"},
            },
        }
    )
    raw = b"Sample;PCDD/F;Zn;Rejects\nChar 1;7,5;0,12;1,2\n"
    (one,) = parse_with_template(raw, "char.csv", t).measurements
    q = one.quantities
    assert q["char_pcdd_f"].value == pytest.approx(7.5) and q["char_pcdd_f"].unit == "ng/kg"
    assert q["char_zinc"].value == pytest.approx(120.0) and q["char_zinc"].basis == "db"
    assert q["non_paper_components"].basis == "db"  # "% DM": the lab says dry matter
    assert one.metadata["as_given"]["char_zinc"] == [0.12, "g/kg"]
    assert one.metadata["as_given"]["char_pcdd_f"] == [7.5, "pg/g"]  # same number, its unit
    plain = template_from_dict(
        {**t.to_dict(), "columns": {"R": {"target": "non_paper_components"}}}
    )
    (two,) = parse_with_template(b"Sample;R\nP;0,9\n", "p.csv", plain).measurements
    assert two.quantities["non_paper_components"].basis == "ar"  # the property's own basis
