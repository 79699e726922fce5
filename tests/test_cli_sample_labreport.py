"""A lab report taken round trip through the command line, as a lab would.

A property table the way a lab report gives it (elements in mg/kg dry basis, ash at
550 °C, N/S in %, the net calorific value in MJ/kg as received, moisture, pellet tests),
imported with a template; the sample's facts set with ``fibre-workbench sample set``
(categorical values in any case); then ``classify --json`` and the explanation. The
values sit exactly at the ENplus A1 limits, which ENplus writes as "≤" / "≥": every one
meets the class.
"""

from __future__ import annotations

import json

import pytest

from workbench.cli.main import main

REPORT = (
    "Sample;Moisture (% ar);Ash 550 °C (% db);N (% db);S (% db);Cl (mg/kg db);As (mg/kg db);"
    "Cd (mg/kg db);Cr (mg/kg db);Cu (mg/kg db);Pb (mg/kg db);Hg (mg/kg db);Ni (mg/kg db);"
    "Zn (mg/kg db);DT (°C);NCV (MJ/kg ar);Durability (%);Fines (%);Bulk density (kg/m3)\n"
    "Pellet feedstock A;8,5;0,70;0,30;0,040;200;1,0;0,5;10;10;10;0,10;10;100;1200;16,5;98,0;"
    "1,0;650\n"
    "Pellet feedstock B;8,5;0,71;0,30;0,040;201;1,0;0,5;10;10;10;0,10;10;100;1200;16,5;98,0;"
    "1,0;650\n"
)
COLUMNS = {
    "Moisture (% ar)": ("moisture", "%", "ar", "ISO 18134-2"),
    "Ash 550 °C (% db)": ("ash", "%", "db", "ISO 18122"),
    "N (% db)": ("nitrogen", "%", "db", "ISO 16948"),
    "S (% db)": ("sulfur", "%", "db", "ISO 16994"),
    "Cl (mg/kg db)": ("chlorine", "mg/kg", "db", "ISO 16994"),
    **{
        f"{el} (mg/kg db)": (pid, "mg/kg", "db", "ISO 16968")
        for el, pid in (
            ("As", "arsenic"),
            ("Cd", "cadmium"),
            ("Cr", "chromium"),
            ("Cu", "copper"),
            ("Pb", "lead"),
            ("Hg", "mercury"),
            ("Ni", "nickel"),
            ("Zn", "zinc"),
        )
    },
    "DT (°C)": ("ash_deformation_temperature", "°C", "", "CEN/TS 15370-1"),
    "NCV (MJ/kg ar)": ("net_calorific_value", "MJ/kg", "ar", "ISO 18125"),
    "Durability (%)": ("pellet_durability", "%", "ar", "ISO 17831-1"),
    "Fines (%)": ("pellet_fines", "%", "ar", "ISO 18846"),
    "Bulk density (kg/m3)": ("pellet_bulk_density", "kg/m3", "ar", "ISO 17828"),
}


@pytest.fixture
def lab_project(tmp_path):
    report = tmp_path / "lab_report.csv"
    report.write_text(REPORT, encoding="utf-8")
    template = {
        "name": "lab report",
        "delimiter": ";",
        "decimal": ",",
        "header_row": 1,
        "sample_column": "Sample",
        "measurement_kind": "properties",
        "columns": {
            col: {"target": t, "unit": u, **({"basis": b} if b else {}), "method": m}
            for col, (t, u, b, m) in COLUMNS.items()
        },
    }
    tpath = tmp_path / "lab_report.json"
    tpath.write_text(json.dumps(template), encoding="utf-8")
    project = tmp_path / "lab.fwproj"
    assert main(["new", str(project)]) == 0
    assert main(["templates", "add", str(tpath)]) == 0
    assert (
        main(["import", str(project), str(report), "--template", "lab report", "--new-sample"]) == 0
    )
    return project


def _classify(project, capsys, *extra):
    capsys.readouterr()
    assert main(["classify", str(project), "--route", "pellets_enplus_a1", "--json", *extra]) == 0
    return {v["sample"]: v for v in json.loads(capsys.readouterr().out)}


def test_a_lab_report_at_the_enplus_limits_meets_a1(lab_project, capsys):
    for name in ("Pellet feedstock A", "Pellet feedstock B"):
        assert (
            main(
                [
                    "sample",
                    "set",
                    str(lab_project),
                    name,
                    "--feedstock-type",
                    "Sawdust",
                    "--meta",
                    "chemical_treatment=Untreated",
                ]
            )
            == 0
        )
    verdicts = _classify(lab_project, capsys, "--explain")
    a = verdicts["Pellet feedstock A"]
    assert a["verdict"] == "suitable", (a["reasons"], a["missing"], a["conditions"])
    rows = {r["id"]: r for r in a["criteria"]}
    for cid in ("ash", "nitrogen", "chlorine", "durability", "net_calorific_value"):
        assert rows[cid]["result"] == "pass", rows[cid]
        assert rows[cid]["margin"] == 0
    cl = rows["chlorine"]
    assert cl["limit_text"] == "≤ 0.02 %" and cl["value"] == pytest.approx(0.02)
    assert cl["measured"] == {
        "value": 200.0,
        "unit": "mg/kg",
        "basis": "db",
        "method": "ISO 16994",
        "method_fi": "ISO 16994",
        "from": cl["from"],
        "source_file": "lab_report.csv",
        "label": "lab report Pellet feedstock A",
    }
    assert cl["conversions"] == ["200 mg/kg as the lab gave it = 0.02 % (converted on import)"]
    assert cl["conversions_fi"] == [
        "200 mg/kg laboratorion ilmoittamana = 0,02 % (muunnettu tuonnissa)"
    ]
    # just over: ash 0.71 % and Cl 201 mg/kg fail, and the reason shows the difference
    b = verdicts["Pellet feedstock B"]
    assert b["verdict"] == "not suitable"
    assert "Ash: 0.71 % does not meet ≤ 0.7 %" in b["reasons"]
    assert "Chlorine (Cl): 0.0201 % does not meet ≤ 0.02 %" in b["reasons"]
    assert b["score"] is None


def test_sample_set_and_show(lab_project, capsys):
    name = "Pellet feedstock A"
    args = ["sample", "set", str(lab_project), name]
    assert main([*args, "--meta", "chemical_treatment=Kemiallisesti käsitelty"]) == 0
    assert "chemical_treatment: chemically_treated" in capsys.readouterr().out
    assert main([*args, "--meta", "wood_type=spruce"]) == 2
    assert "not one of the choices: softwood, hardwood, mixed, non_wood" in capsys.readouterr().err
    assert main([*args, "--meta", "wood_type=", "--supplier", "Saha Oy"]) == 0
    assert main(["sample", "show", str(lab_project), name]) == 0
    out = capsys.readouterr().out
    assert "supplier: Saha Oy" in out and "wood_type" not in out
    assert "chlorine = 0.02 % db; ISO 16994 (lab_report.csv)" in out
    assert main(["sample", "set", str(lab_project), "New one", "--notes", "x"]) == 2
    assert (
        main(
            ["sample", "set", str(lab_project), "New one", "--create", "--feedstock-type", "straw"]
        )
        == 0
    )
    assert "feedstock_type: straw" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "0.02 %, dry basis (lab report: 200 mg/kg)"),
        ("fi", "0,02 %, kuiva-aine (laboratorion ilmoittama: 200 mg/kg)"),
    ],
)
def test_the_report_shows_the_value_as_the_lab_gave_it(lab_project, tmp_path, lang, expected):
    """The company's report compares Cl in % but the lab wrote 200 mg/kg: the reader
    holding the lab report finds that number beside the converted one; a value compared as
    given (ash 0.7 % db) gets nothing added."""
    args = ["sample", "set", str(lab_project), "Pellet feedstock A", "--feedstock-type", "sawdust"]
    assert main(args) == 0
    out = tmp_path / f"report_{lang}.html"
    assert main(["report", str(lab_project), "--out", str(out), "--lang", lang]) == 0
    html = out.read_text(encoding="utf-8").replace("\u2060", "").replace("\xa0", " ")
    assert expected in html
    ash = "0.7 %, dry basis" if lang == "en" else "0,7 %, kuiva-aine"
    assert f"<td>{ash}</td>" in html
