"""In Finnish, the verdict explanation, the matrix tooltips and the wizard sentences use the
engine's Finnish texts (``reasons_fi``, ``limit_text_fi``, ...), not its English ones."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.gui import i18n


def _in_finnish(qapp):
    return i18n.install_translators(qapp, "fi")


def _back_to_english(qapp, installed):
    for translator in installed:
        qapp.removeTranslator(translator)
    i18n.install_translators(qapp, "en")


def test_finnish_explanation_shows_finnish_reasons(qapp, qtbot, window, demo_project):
    from workbench.gui.verdict_view import plain_reasons

    installed = _in_finnish(qapp)
    try:
        window.doc.set_project(demo_project)
        panel = window.analysis.suitability
        window.analysis.show_matrix()
        qtbot.waitUntil(lambda: panel.computations > 0, timeout=20000)
        cells = panel.model.cells.values()
        failing = next(v for v in cells if v["verdict"] == "not suitable" and v["reasons"])
        assert panel.select(failing["sample_id"], failing["route"])
        text = panel.explanation.toPlainText()
        assert "Miksi" in text and "Kriteerit" in text
        for en, fi in zip(failing["reasons"], failing["reasons_fi"]):
            assert fi in text
            assert en == fi or en not in text
        assert "does not meet" not in text and "no value for" not in text
        with_conditions = next(v for v in cells if v["conditions"])
        assert panel.select(with_conditions["sample_id"], with_conditions["route"])
        text = panel.explanation.toPlainText()
        assert with_conditions["conditions_fi"][0] in text
        assert "to be verified" not in text
        # the matrix tooltip lists the Finnish reasons and the Finnish verdict word
        tips = [
            panel.model.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
            for r in range(panel.model.rowCount())
            for c in range(panel.model.columnCount())
        ]
        assert any(failing["reasons_fi"][0] in (t or "") for t in tips)
        assert all("not suitable" not in (t or "") for t in tips)
        # the wizard's plain sentences and tips
        explained = [panel.model.explain(*key) for key in panel.model.cells]  # rows on demand
        with_tip = next(  # a tip that changes the answer (the others say nothing)
            v
            for v in explained
            if v["suggestions"]
            and v["suggestions"][0]["new_verdict"] not in (v["verdict"], "not enough data")
        )
        sentences = " ".join(plain_reasons(with_tip, 3))
        assert with_tip["suggestions"][0]["detail_fi"] in sentences or (
            with_tip["suggestions"][0]["action_fi"] in sentences
        )
    finally:
        _back_to_english(qapp, installed)


def test_wizard_sentences_for_the_demo_have_no_english_in_finnish(qapp):
    import re

    from workbench.classify import classify_project
    from workbench.demo import build_demo_project
    from workbench.gui.verdict_view import plain_reasons

    english = re.compile(
        r"\b(the|is|of|and|or|to|not|no|value|measured|by|for|with|from|score|limit|"
        r"basis|missing|verified|confirm|predicted|softwood|hardwood|untreated|woody)\b"
    )
    verdicts = [v.to_json() for v in classify_project(build_demo_project())]
    installed = _in_finnish(qapp)
    try:
        sentences = {s for v in verdicts for s in plain_reasons(v, 4)}
    finally:
        _back_to_english(qapp, installed)
    assert len(sentences) > 20
    bad = [s for s in sentences if english.search(s)]
    assert not bad, bad[:5]
    assert any(re.search(r"\d,\d", s) for s in sentences)  # decimal comma in Finnish
