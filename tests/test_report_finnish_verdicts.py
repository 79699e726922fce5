"""The Finnish report explains verdicts in Finnish plain words, the English one in English."""

from __future__ import annotations

from html import escape

from workbench.classify import classify_project
from workbench.demo import build_demo_project
from workbench.report.html_report import build_report_html
from workbench.report.plain import plain_reasons


def _visible(html: str) -> str:
    return html.replace("\u00a0", " ")


def test_finnish_report_shows_finnish_reasons_and_suggestions():
    project = build_demo_project()
    verdicts = [v.to_json() for v in classify_project(project)]
    fi_html = _visible(build_report_html(project, verdicts, lang="fi"))
    en_html = _visible(build_report_html(project, verdicts, lang="en"))
    reasons = [
        (en, fi)
        for v in verdicts
        for en, fi in zip(plain_reasons(v, "en", 2, 1), plain_reasons(v, "fi", 2, 1))
    ]
    actions = [(s["action"], s["action_fi"]) for v in verdicts for s in v["suggestions"]]
    assert reasons and actions
    for en, fi in reasons + actions:
        assert escape(fi).replace("\u00a0", " ") in fi_html, fi
        assert escape(en).replace("\u00a0", " ") in en_html, en
    for en, fi in reasons:
        if en != fi:
            assert escape(en).replace("\u00a0", " ") not in fi_html, en
    assert "Tarvitaan arvo" in fi_html and "Miksi" in fi_html and "Tarkistettava vielä" in fi_html
    assert "We need a value" in en_html and "We need a value" not in fi_html
