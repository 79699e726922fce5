"""The import preview as a technician uses it (issue 14 part 5, issue 17 part 4).

Beside the file list: a small plot of the selected file's data, its warnings (or the
reason it could not be read) wrapped where they are seen without scrolling, and a
choice of what to draw when a file holds several spectra or sheets. The dialog takes
the room the screen offers and never more (a 1366x768 laptop). A file of several
spectra can become one sample per spectrum. The core's refusals and warnings are
shown in Finnish in a Finnish window.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PySide6.QtGui import QGuiApplication
from test_import_flow import confirm, wait_preview, write_netzsch_tga, write_unknown

from workbench.gui import i18n
from workbench.gui.import_command import EACH
from workbench.gui.import_preview_model import COLS

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_import_spectra_spc_opus import opus_file, params, spc_new


def _row(dialog, name: str) -> int:
    return next(r for r, item in enumerate(dialog.items) if Path(item.path).name == name)


def _files(tmp_path: Path) -> list[Path]:
    spc = tmp_path / "nir20.spc"
    spc.write_bytes(spc_new([list(np.linspace(0.1, 0.5 + k / 40, 30)) for k in range(20)]))
    background = tmp_path / "background.0"
    blocks = [
        (0x041B, params(NPT=3, FXV=4000.0, LXV=400.0, DXU="WN")),
        (0x040B, np.array([5.0, 6.0, 7.0], "<f4").tobytes()),
    ]
    background.write_bytes(opus_file(blocks))
    headerless = tmp_path / "omnic.csv"
    headerless.write_text("".join(f"{4000 - 20 * i},{0.1 + 0.001 * i:.4f}\n" for i in range(150)))
    particles = tmp_path / "fibres.csv"
    particles.write_text(
        "Length (mm);Width (um);Curl (%)\n"
        + "".join(f"{0.2 + 0.02 * (i % 90):.2f};{20 + i % 7};{i % 11}\n" for i in range(300))
    )
    return [
        write_netzsch_tga(tmp_path / "run1.txt"),
        spc,
        background,
        headerless,
        particles,
        write_unknown(tmp_path / "notes.txt"),
    ]


def test_preview_draws_the_data_and_shows_warnings_beside_the_files(
    window, qtbot, make_project, tmp_path
):
    window.set_project(make_project(1, 1))
    window.import_files([str(f) for f in _files(tmp_path)])
    dialog = wait_preview(window, qtbot)
    panel = dialog.details

    dialog.table.selectRow(_row(dialog, "run1.txt"))
    assert panel.plot.drawn == "curve"
    assert panel.plot.plot.getPlotItem().getAxis("bottom").labelText.startswith("Temperature")

    dialog.table.selectRow(_row(dialog, "fibres.csv"))
    assert panel.plot.drawn == "histogram"

    row = _row(dialog, "omnic.csv")
    dialog.table.selectRow(row)
    assert "was assumed" in dialog.cell_text(row, "notes")  # beside the file, in the list
    assert not panel.notes.isHidden() and "assumed" in panel.notes.text()

    row = _row(dialog, "background.0")
    dialog.table.selectRow(row)
    assert "only the background" in dialog.cell_text(row, "notes")
    assert "only the background" in panel.notes.text()

    row = _row(dialog, "nir20.spc")
    dialog.table.selectRow(row)
    assert panel.choice.isVisibleTo(dialog) and panel.choice.count() == 20
    panel.choice.setCurrentIndex(7)
    assert panel.plot.drawn == "curve"

    row = _row(dialog, "notes.txt")
    dialog.table.selectRow(row)
    reason = dialog.cell_text(row, "notes")
    assert "expected a supported instrument export" in reason
    assert dialog.table.wordWrap()  # the reason is wrapped in its row ...
    assert dialog.table.rowHeight(row) > dialog.table.rowHeight(_row(dialog, "run1.txt"))
    assert panel.plot.drawn == "" and reason in panel.notes.text()  # ... and whole in the panel
    assert COLS.index("notes") < COLS.index("target")  # warnings before the wide columns
    dialog.reject()


def test_preview_fits_the_screen_and_is_resizable(window, qtbot, make_project, tmp_path):
    window.set_project(make_project(1, 1))
    window.import_files([str(write_unknown(tmp_path / "x.txt"))])
    dialog = wait_preview(window, qtbot)
    area = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert dialog.width() <= area.width() and dialog.height() <= area.height()
    assert dialog.isSizeGripEnabled()
    assert dialog.minimumSizeHint().height() <= 768 - 60  # room on a 1366x768 laptop
    dialog.reject()


def test_a_multi_spectrum_file_becomes_one_sample_per_spectrum(
    window, qtbot, make_project, tmp_path
):
    project = make_project(1, 1)
    window.set_project(project)
    spc = _files(tmp_path)[1]
    window.import_files([str(spc)])
    dialog = wait_preview(window, qtbot)
    dialog.table.selectRow(0)
    assert dialog.radio_each.isEnabled()
    dialog.radio_each.setChecked(True)
    dialog.apply_target_to_selection()
    assert dialog.targets[0].mode == EACH
    assert dialog.cell_text(0, "target").startswith("One sample per measurement")
    summary = confirm(window, qtbot, dialog)
    assert summary.count("imported") == 1
    names = [s.name for s in project.samples.values()]
    assert [f"nir20 #{i}" for i in range(1, 21)] == [n for n in names if n.startswith("nir20")]
    window.undo_stack.undo()
    assert not any(n.startswith("nir20") for n in (s.name for s in project.samples.values()))


def test_the_cores_messages_are_finnish_in_a_finnish_window(
    qapp, window, qtbot, make_project, tmp_path
):
    installed = i18n.install_translators(qapp, "fi")
    try:
        window.set_project(make_project(1, 1))
        files = _files(tmp_path)
        window.import_files([str(files[3]), str(files[5])])
        dialog = wait_preview(window, qtbot)
        failed = dialog.cell_text(_row(dialog, "notes.txt"), "notes")
        assert failed.startswith("tavu 0: odotettiin: tuettu laitteen vientitiedosto")
        warning = dialog.cell_text(_row(dialog, "omnic.csv"), "notes")
        assert warning.startswith("x:n yksikkö cm⁻¹ oletettiin")
        dialog.reject()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install_translators(qapp, "en")


def test_refusals_met_in_the_sweep_read_finnish(qapp):
    # refusals of other projects' public files (sweep of issue 14) that stayed English:
    # a JCAMP-DX point count, an archive's list of members, a Pyris DSC block
    from workbench.gui.import_texts import translate_message

    installed = i18n.install_translators(qapp, "fi")
    try:
        jcamp = translate_message(
            "line 18: expected 298 points as ##NPOINTS= declares (350 ordinates decoded)"
        )
        assert (
            jcamp
            == "rivi 18: odotettiin: 298 pistettä, kuten ##NPOINTS= ilmoittaa (350 y-arvoa purettu)"
        )
        members = translate_message(
            "every member: expected a ZIP archive holding instrument exports the workbench "
            "reads (a.dat: not an export the workbench reads (no reader recognised it); "
            "a.hdr: not an export the workbench reads (no reader recognised it))"
        )
        assert "not an export" not in members and members.count("a.") == 2
        dsc = translate_message(
            "end of file: expected a data block header such as '1) TGA Isothermal' (the data "
            "block '1) DSC 8500 Isothermal' is not TGA: the workbench reads Pyris TGA curves, "
            "not DSC heat flow)"
        )
        assert "expected" not in dsc and "'1) DSC 8500 Isothermal'" in dsc
        grouped = translate_message(
            "line 2: expected an unambiguous number in column 'TG (mg)' ('5.419.046' has a "
            "thousands separator or mixed decimal marks; the value is not guessed: export the "
            "data again without digit grouping (a spreadsheet program may have added it))"
        )
        assert "rivi 2" in grouped and "ilman numeroiden ryhmittelyä" in grouped
        assert "export" not in grouped
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install_translators(qapp, "en")
