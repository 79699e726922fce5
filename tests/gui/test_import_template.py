"""Template dialog: live preview follows every change; a saved template imports files."""

from __future__ import annotations

from pathlib import Path

from test_import_flow import confirm, wait_preview

from workbench.gui.template_dialog import PLAIN, SAMPLE, TemplateDialog, guess_header_row, slug
from workbench.importers.service import import_files
from workbench.importers.templates import list_templates, load_template
from workbench.model import Project

TABLE = (
    "Lab 2 fibre analyser\r\n"
    "exported 2026-03-01\r\n"
    "Sample ID;Ln (mm);Width (um);Fines %;Comment\r\n"
    "Birch A;0,912;18,5;4,1;ok\r\n"
    "Pine B;1,850;29,0;3,2;ok\r\n"
    "\r\n"
    "end of report\r\n"
)


def write_table(path: Path) -> Path:
    path.write_bytes(TABLE.encode("cp1252"))
    return path


def test_helpers():
    assert slug("Ln (mm)", set()) == "ln"  # the unit is the column's unit, not its name
    assert slug("Temperature (°C)", set()) == "temperature"
    assert slug("#1", set()) == "c_1"
    assert slug("x", {"x"}) == "x_2"
    lines = TABLE.split("\r\n")
    assert guess_header_row(lines, ";") == 3


def test_live_preview_and_save_then_import(qtbot, tmp_path):
    src = write_table(tmp_path / "fs5.csv")
    dialog = TemplateDialog(str(src))
    qtbot.addWidget(dialog)
    assert dialog.header_spin.value() == 3
    assert dialog.delim_combo.currentData() == ";"
    assert dialog.header == ["Sample ID", "Ln (mm)", "Width (um)", "Fines %", "Comment"]
    # the kind and a first mapping come from the column names
    assert dialog.kind_combo.currentData() == "fibre_summary"
    state = dialog.map_table.mapping_state()
    assert state["Sample ID"][0] == SAMPLE and state["Ln (mm)"][:2] == ("fibre_length_ln", "mm")
    assert state["Comment"][0] == "__ignore__"

    dialog.set_column("Sample ID", SAMPLE)
    dialog.set_column("Ln (mm)", "fibre_length_ln", "mm")
    dialog.set_column("Width (um)", "fibre_width", "um")
    dialog.decimal_combo.setCurrentIndex(dialog.decimal_combo.findData(","))
    qtbot.waitUntil(lambda: dialog.parsed is not None, timeout=3000)  # debounced live update
    assert dialog.parsed.sample_names == ["Birch A", "Pine B"]
    assert dialog.preview.rowCount() == 2
    heads = [dialog.preview.horizontalHeaderItem(c).text() for c in range(3)]
    assert heads == ["Sample", "fibre_length_ln [mm]", "fibre_width [µm]"]
    assert dialog.preview.item(0, 1).text() == "0.912"
    assert dialog.preview.item(1, 2).text() == "29"

    dialog.decimal_combo.setCurrentIndex(dialog.decimal_combo.findData("."))
    dialog.refresh()
    assert dialog.parsed is None and "line 4" in dialog.error  # "0,912" is not a number here
    dialog.decimal_combo.setCurrentIndex(dialog.decimal_combo.findData(","))
    dialog.set_column("Comment", PLAIN)
    dialog.refresh()
    assert "line 4" in dialog.error and "Comment" in dialog.error
    dialog.set_column("Comment", "__ignore__")
    dialog.name_edit.setText("FS5 lab 2")
    dialog.refresh()
    assert dialog.parsed is not None and dialog.save_button.isEnabled()

    with qtbot.waitSignal(dialog.templateSaved) as saved:
        assert dialog.save() == "FS5 lab 2"
    assert saved.args == ["FS5 lab 2"]
    assert isinstance(list_templates()["FS5 lab 2"], Path)
    assert load_template("FS5 lab 2").decimal == ","
    dialog.close()

    project = Project()
    other = write_table(tmp_path / "fs5_second.csv")
    summary = import_files(project, [other], template="FS5 lab 2", new_sample=True)
    assert summary.count("imported") == 1, summary.to_json()
    birch = project.find_sample("Birch A")
    q = next(iter(birch.measurements.values())).quantities
    assert q["fibre_length_ln"].value == 0.912 and q["fibre_width"].value == 18.5


def test_preview_rereads_failed_file_with_a_saved_template(window, qtbot, make_project, tmp_path):
    editor = TemplateDialog(str(write_table(tmp_path / "t.csv")))
    qtbot.addWidget(editor)
    editor.set_column("Sample ID", SAMPLE)
    editor.set_column("Fines %", "fines_length", "%")
    editor.decimal_combo.setCurrentIndex(editor.decimal_combo.findData(","))
    editor.name_edit.setText("Fines only")
    assert editor.save() == "Fines only", editor.error
    editor.close()

    project = make_project(1, 1)
    window.set_project(project)
    odd = tmp_path / "odd.csv"
    odd.write_bytes(TABLE.replace("Lab 2", "Lab 3").encode("cp1252"))
    window.import_files([str(odd)])
    dialog = wait_preview(window, qtbot)
    assert dialog.items[0].plan is None  # unknown to the built-in readers
    assert dialog.reread_button.isEnabled()
    dialog.template_combo.setCurrentText("Fines only")
    dialog.reread_button.click()
    qtbot.waitUntil(lambda: dialog.items[0].plan is not None, timeout=10000)
    assert dialog.items[0].plan.parsed.format_id == "template:Fines only"
    assert dialog.cell_text(0, "samples") == "Birch A, Pine B"
    confirm(window, qtbot, dialog)
    assert project.find_sample("Pine B") is not None


CURVE = "time_s\tweight_mg\tT_C\n0\t10.00\t25.0\n60\t9.90\t35.0\n120\t9.70\t45.0\n"


def test_curve_template_with_plain_columns(qtbot, tmp_path):
    src = tmp_path / "balance.tsv"
    src.write_text(CURVE)
    dialog = TemplateDialog(str(src))
    qtbot.addWidget(dialog)
    assert dialog.delim_combo.currentData() == "tab" and dialog.header_spin.value() == 1
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("tga"))
    dialog.set_column("T_C", PLAIN, "°C")
    dialog.set_column("weight_mg", PLAIN, "mg")
    dialog.x_combo.setCurrentIndex(dialog.x_combo.findData("t_c"))
    dialog.signal_combo.setCurrentIndex(dialog.signal_combo.findData("weight_mg"))
    dialog.refresh()
    m = dialog.parsed.measurements[0]
    assert (m.kind, m.signal, m.axes) == ("tga", "weight_mg", ["t_c"])
    assert m.columns["t_c"].unit == "°C" and list(m.columns["weight_mg"].values()) == [
        10.0,
        9.9,
        9.7,
    ]
    assert dialog.preview.rowCount() == 3


def test_define_template_from_the_preview(window, qtbot, make_project, tmp_path):
    project = make_project(1, 1)
    window.set_project(project)
    odd = tmp_path / "lab3.csv"
    odd.write_bytes(TABLE.replace("Lab 2", "Lab 3").encode("cp1252"))
    window.import_files([str(odd)])
    dialog = wait_preview(window, qtbot)
    assert dialog.items[0].plan is None and dialog.define_button.isEnabled()
    dialog.table.selectRow(0)
    dialog.define_button.click()
    editor = window.import_controller.template_dialog
    qtbot.waitUntil(editor.isVisible)
    assert editor.path == str(odd)
    editor.set_column("Sample ID", SAMPLE)
    editor.set_column("Ln (mm)", "fibre_length_ln", "mm")
    editor.decimal_combo.setCurrentIndex(editor.decimal_combo.findData(","))
    editor.name_edit.setText("Lab 3")
    assert editor.save() == "Lab 3"
    editor.close()
    qtbot.waitUntil(lambda: dialog.items[0].plan is not None, timeout=10000)
    assert dialog.template_combo.currentText() == "Lab 3"
    summary = confirm(window, qtbot, dialog)
    assert summary.count("imported") == 1
    q = next(iter(project.find_sample("Pine B").measurements.values())).quantities
    assert q["fibre_length_ln"].value == 1.85


def test_import_with_template_menu_action(window, qtbot, make_project, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    editor = TemplateDialog(str(write_table(tmp_path / "t.csv")))
    qtbot.addWidget(editor)
    editor.set_column("Sample ID", SAMPLE)
    editor.set_column("Width (um)", "fibre_width", "um")
    editor.decimal_combo.setCurrentIndex(editor.decimal_combo.findData(","))
    editor.name_edit.setText("Widths")
    assert editor.save() == "Widths", editor.error
    editor.close()
    project = make_project(1, 1)
    window.set_project(project)
    src = write_table(tmp_path / "widths.csv")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Widths", True))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(src)], ""))
    window.import_actions.import_template.trigger()
    dialog = wait_preview(window, qtbot)
    assert dialog.items[0].plan.parsed.format_id == "template:Widths"
    confirm(window, qtbot, dialog)
    q = next(iter(project.find_sample("Birch A").measurements.values())).quantities
    assert q["fibre_width"].value == 18.5 and q["fibre_width"].unit == "µm"


def test_the_editor_guesses_the_kind_and_shows_no_error_before_any_input(qtbot, tmp_path):
    # before: a TGA table opened as "Fibre analysis summary" with a red error at once
    tga = tmp_path / "tga_run.txt"
    rows = "".join(f"{i * 0.5:.1f}  {25 + 5 * i:.1f}  {10 - i * 0.02:.4f}\n" for i in range(30))
    tga.write_text("Run 7, nitrogen\nTime (min)  Temperature (°C)  Mass (mg)\n" + rows)
    dialog = TemplateDialog(str(tga))
    qtbot.addWidget(dialog)
    assert dialog.kind_combo.currentData() == "tga"
    dialog.refresh()
    assert dialog.parsed is not None and not dialog.error  # plain columns, read at once
    (m,) = dialog.parsed.measurements
    assert list(m.columns) == ["time", "temperature", "mass"]  # the importers' own names
    assert m.axes == ["temperature"] and m.signal == "mass"

    unknown = tmp_path / "unknown.csv"
    unknown.write_text("alpha;beta;gamma\n1;2;3\n4;5;6\n")
    dialog = TemplateDialog(str(unknown))
    qtbot.addWidget(dialog)
    dialog.refresh()  # unknown names: a plain table, no error
    assert dialog.kind_combo.currentData() == "table"
    assert not dialog.error and "#b41414" not in dialog.status.styleSheet()
    for name in dialog.header:
        dialog.set_column(name, "__ignore__")
    dialog.refresh()  # nothing mapped: guidance, still no error
    assert not dialog.error and "Say what each column is" in dialog.status.text()


def test_the_editor_fits_a_768_pixel_screen_and_reads_a_workbook_sheet(qtbot, tmp_path):
    import sys

    from PySide6.QtGui import QGuiApplication

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from test_import_excel import workbook

    book = tmp_path / "lab.xlsx"
    rows = [["Cover page"], [None], ["Sample", "Lignin (%)", "Ash (%)"], ["Birch", 20.1, 0.4]]
    book.write_bytes(workbook({"Notes": [["x"]], "Values": rows}))
    dialog = TemplateDialog(str(book))
    qtbot.addWidget(dialog)
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert dialog.height() <= area.height() and dialog.minimumSizeHint().height() <= 700
    assert dialog.sheet_combo.isEnabled() and dialog.sheet_combo.count() == 2
    assert dialog.sheet_combo.currentText() == "Values"  # the sheet with a table, not "Notes"
    assert dialog.header_spin.value() == 3 and dialog.kind_combo.currentData() == "properties"
    assert dialog.map_table.mapping_state()["Lignin (%)"][:2] == ("lignin", "%")
    dialog.refresh()
    assert dialog.parsed is not None, dialog.error
    assert dialog.parsed.measurements[0].quantities["lignin"].value == 20.1
    assert dialog.template_dict()["sheet"] == "Values"
