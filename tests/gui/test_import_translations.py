"""Every string of the import/export GUI has a Finnish translation in the catalogue."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication

from workbench.gui import i18n, translations_tool

MODULES = (
    "import_actions",
    "import_command",
    "import_controller",
    "import_dialog",
    "import_preview_model",
    "import_details",
    "import_plot",
    "import_texts",
    "import_text_forms",
    "template_dialog",
    "template_mapping",
    "export_dialog",
)


def finished(ts) -> set[tuple[str, str]]:
    """(context, source) of messages with a finished (not "unfinished") translation."""
    out = set()
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.text and tr.get("type") is None:
                out.add((name, msg.findtext("source") or ""))
    return out


def test_import_strings_are_translated(tmp_path):
    exe = translations_tool.tool("pyside6-lupdate")
    if exe is None:
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    sources = [str(translations_tool.GUI_DIR / f"{m}.py") for m in MODULES]
    ts = tmp_path / "import.ts"
    subprocess.run([str(exe), *sources, "-ts", str(ts)], check=True, capture_output=True)
    ours = {(c, s) for c, s, _t in translations_tool.messages(ts)}
    assert len(ours) > 100
    catalogue = {
        (c, s): t for c, s, t in translations_tool.messages(translations_tool.ts_path("fi"))
    }
    missing = sorted(k for k in ours if not catalogue.get(k))
    assert not missing, "run: python -m workbench.gui.translations_tool, then translate: " + str(
        missing[:10]
    )


def test_finnish_import_menu_and_dialog(qapp, qtbot, make_project):
    from workbench.gui.import_dialog import ImportPreviewDialog

    installed = i18n.install_translators(qapp, "fi")
    try:
        assert installed
        assert QCoreApplication.translate("ImportActions", "&Watch folder…") == "&Seuraa kansiota…"
        dialog = ImportPreviewDialog([], make_project(1, 0))
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Tuonnin esikatselu"
        assert dialog.import_button.text() == "Tuo"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install_translators(qapp, "en")
