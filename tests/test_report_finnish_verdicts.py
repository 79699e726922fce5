"""The Finnish report explains verdicts with the engine's Finnish sentences."""

from __future__ import annotations

from html import escape

from workbench.classify import classify_project
from workbench.demo import build_demo_project
from workbench.report.html_report import build_report_html


def test_finnish_report_shows_finnish_reasons_conditions_and_suggestions():
    project = build_demo_project()
    verdicts = [v.to_json() for v in classify_project(project)]
    fi_html = build_report_html(project, verdicts, lang="fi")
    en_html = build_report_html(project, verdicts, lang="en")
    reasons = [(en, fi) for v in verdicts for en, fi in zip(v["reasons"], v["reasons_fi"])]
    conditions = [(en, fi) for v in verdicts for en, fi in zip(v["conditions"], v["conditions_fi"])]
    actions = [(s["action"], s["action_fi"]) for v in verdicts for s in v["suggestions"]]
    assert reasons and conditions and actions
    for en, fi in reasons + conditions + actions:
        assert escape(fi) in fi_html, fi
        assert escape(en) in en_html, en
    for en, fi in reasons:
        if en != fi:
            assert escape(en) not in fi_html, en
    assert "ei täytä rajaa" in fi_html and "Miksi:" in fi_html and "Ehdot:" in fi_html
    assert "does not meet" in en_html and "does not meet" not in fi_html
