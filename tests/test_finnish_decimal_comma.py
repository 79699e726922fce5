"""Numbers in Finnish texts have a decimal comma ("3,104 %"), English keeps its point.

``workbench.messages.fi_number`` is the one Finnish number formatter: the classifier's
Finnish sentences (``workbench.classify.texts``), pipeline descriptions and every
built-in plugin's Finnish notes, labels and titles use it. Checked here: the
formatter on hand-written values, and every built-in plugin run on the demo project
and on the small fixtures of ``test_plugin_messages_bilingual`` (plus the pipeline
with fractional arguments) gives no Finnish text with a decimal point, while the
English twin has the same numbers with a point.
"""

from __future__ import annotations

import html
import math
import re

import numpy as np
import pytest
from test_plugin_messages_bilingual import _demo_results, _edge_results, _pls_results

from tests.result_texts import result_texts
from workbench.analysis import discover, run_plugin
from workbench.analysis.pipelines import describe, resolve_pipeline
from workbench.classify import classify_project, texts
from workbench.demo import build_demo_project
from workbench.messages import NBSP, fi_number, text_in
from workbench.model import Result
from workbench.report.html_report import build_report_html
from workbench.report.sources import SourceIndex
from workbench.report.svgplot import PlotSpec, Series, render_svg

# A number written with a decimal point: digits, a point, digits. Not matched: dotted
# sequences of three or more parts ("1.2.0", a version string, which is not a number and
# stays as written), so the lookarounds refuse a point or digit on either side. Standard
# names ("ISO 18134-2", "EN 15104") and file names ("ash.csv") have no digit-point-digit
# and need no exclusion. A number glued to a letter is a code, not a quantity: the
# ISO 17225 property classes of the route files ("A0.7", "M10", "A10.0+") are written
# the same in every language, so a letter just before the digits is refused too.
POINT_NUMBER = re.compile(r"(?<![\w.])\d+\.\d+(?![\d.])")
COMMA_NUMBER = re.compile(r"(?<![\w,])\d+,\d+(?![\d,])")


@pytest.mark.parametrize(
    ("value", "spec", "expected"),
    [
        (3.104, ".3f", "3,104"),
        (3.104, "", "3,104"),
        (1.5, ".3f", "1,500"),  # the same number of decimals as the English text
        (48.77, ".2f", "48,77"),
        (-0.5, "", "-0,5"),  # the report's minus: "-", as format() writes it
        (-0.308, ".3f", "-0,308"),
        (1234.5, ".1f", "1234,5"),  # no thousands separator unless asked for
        (1234.5, ",.1f", f"1{NBSP}234,5"),  # asked for: a non-breaking space
        (1234567.25, ",.2f", f"1{NBSP}234{NBSP}567,25"),
        (1.2e-5, ".3g", "1,2e-05"),
        (0.05, "g", "0,05"),
        (100000.0, "", "100000,0"),
        (np.float64(98.94), ".1f", "98,9"),
        (np.float32(0.25), "", "0,25"),
        (7, "", "7"),
        (np.int64(1100), "g", "1100"),
        (float("nan"), ".2f", "nan"),  # as the English text shows it
        (float("inf"), ".2f", "inf"),
        (True, "", "True"),  # not a number to write
        ("v1.2.0", "", "v1.2.0"),  # text is formatted unchanged
    ],
)
def test_fi_number_hand_values(value, spec, expected):
    assert fi_number(value, spec) == expected


def test_fi_number_differs_from_english_only_in_the_marks():
    for value, spec in [(3.104, ".3f"), (-1234.5678, ",.2f"), (0.000123, ".3g"), (math.pi, "")]:
        english = format(value, spec)
        finnish = fi_number(value, spec)
        assert finnish == english.replace(",", NBSP).replace(".", ",")
        assert "." not in finnish


def test_the_classifier_uses_the_same_formatter():
    assert texts.fi_number is fi_number
    value = texts.msg("num", x=3.104, spec=".4g", unit=" %")
    t = texts.msg("reason.fail_limit", label="Ash", value=value, limit="≤ 3 %")
    assert str(t) == "Ash: 3.104 % does not meet ≤ 3 %"
    assert "3,104 %" in texts.fi(t) and "3.104" not in texts.fi(t)


def test_a_pipeline_described_in_finnish_has_decimal_commas():
    steps = resolve_pipeline("als-vector")
    assert describe(steps) == (
        "baseline_als(lam=100000.0, p=0.01, n_iter=10) -> normalise(method=vector)"
    )
    # a comma inside a number would read as an argument separator: semicolons instead
    assert describe(steps, "fi") == (
        "baseline_als(lam=100000,0; p=0,01; n_iter=10) -> normalise(method=vector)"
    )
    assert describe(resolve_pipeline("snv"), "fi") == "snv"


def _pipeline_results(registry) -> list[Result]:
    """PCA and preprocessing with a pipeline whose arguments are fractional numbers."""
    project = build_demo_project()
    ids = list(project.samples)
    spectra = [
        s.id
        for s in project.samples.values()
        if any(m.kind == "spectrum" for m in s.measurements.values())
    ]
    params = {"pipeline": "als-vector"}
    results = run_plugin(project, "pca", ids, {**params, "n_components": 3}, registry=registry)
    results += run_plugin(project, "spectral_preprocessing", spectra[0], params, registry=registry)
    return results


def _numbers(pattern: re.Pattern[str], text: str, mark: str) -> list[float]:
    return sorted(float(m.replace(mark, ".")) for m in pattern.findall(text))


def test_no_finnish_plugin_text_has_a_decimal_point_and_english_keeps_it():
    registry = discover(entry_points=False)
    results = (
        _demo_results(registry)
        + _edge_results(registry)
        + _pls_results(registry)
        + _pipeline_results(registry)
    )
    builtin = {r.id for r in registry if r.origin == "built-in"}
    assert {r.plugin_id for r in results} == builtin  # every built-in plugin was run
    problems, with_decimals, plugins_with_decimals = [], 0, set()
    for r in results:
        for where, text in result_texts(r):
            finnish, english = text_in(text, "fi"), text_in(text, "en")
            if POINT_NUMBER.search(finnish):
                problems.append(f"{r.plugin_id} {where}: Finnish {finnish!r}")
                continue
            fi_numbers = _numbers(COMMA_NUMBER, finnish, ",")
            if not fi_numbers:
                continue
            with_decimals += 1
            plugins_with_decimals.add(r.plugin_id)
            # the same numbers, with the same decimals, written with a point in English
            if fi_numbers != _numbers(POINT_NUMBER, english, "."):
                problems.append(f"{r.plugin_id} {where}: {finnish!r} vs {english!r}")
    assert not problems, "\n".join(problems)
    assert with_decimals > 30
    assert plugins_with_decimals == builtin, builtin - plugins_with_decimals


def test_the_ash_note_of_the_demo_reads_with_decimal_commas():
    registry = discover(entry_points=False)
    project = build_demo_project()
    notes = [
        m
        for sid in project.samples
        for r in run_plugin(project, "moisture_ash", sid, registry=registry)
        for m in r.messages
        if text_in(m, "en").startswith("Ash ")
    ]
    assert notes
    finnish = re.compile(
        r"^Tuhka \d+,\d{3} % \(kuiva-aine\) = \d+,\d{3} % saapumistilassa, "
        r"kun kosteus on \d+,\d{2} %\.$"
    )
    english = re.compile(
        r"^Ash \d+\.\d{3} % \(dry basis\) = \d+\.\d{3} % as received at moisture \d+\.\d{2} %\.$"
    )
    for note in notes:
        assert finnish.match(text_in(note, "fi")), note
        assert english.match(text_in(note, "en")), note
        assert text_in(note, "fi").split(" ")[1] == text_in(note, "en").split(" ")[1].replace(
            ".", ","
        )


def _visible_text(page: str) -> str:
    """The report's text as a reader sees it (no style sheet, tags or entities)."""
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page)).replace("\u00a0", " ")


def test_the_finnish_report_writes_its_numbers_with_a_decimal_comma():
    project = build_demo_project()
    registry = discover(entry_points=False)
    for sid in project.samples:
        run_plugin(project, "moisture_ash", sid, registry=registry)
    verdicts = [v.to_json() for v in classify_project(project)]
    no_plots = lambda svg, _id: ""  # noqa: E731  (plot tick labels are not checked here)
    fi = _visible_text(build_report_html(project, verdicts, lang="fi", embed=no_plots))
    en = _visible_text(build_report_html(project, verdicts, lang="en", embed=no_plots))
    # Quoted as written, not formatted by the report: a sample's own notes (typed text)
    # and the cited sources of the limits ("Table 4.2", "EBC (v10.2)").
    sources = SourceIndex()
    for v in verdicts:
        for c in v.get("criteria", []):
            sources.keys(str(c.get("source") or ""))
    verbatim = [s.notes for s in project.samples.values() if s.notes] + [
        c.text for c in sources.listing() if c.text
    ]
    for quoted in sorted(set(verbatim), key=len, reverse=True):
        fi, en = fi.replace(quoted, " "), en.replace(quoted, " ")
    # values, limits and scores in the tables; the ash notes of the analyses
    assert not POINT_NUMBER.findall(fi), POINT_NUMBER.findall(fi)[:10]
    assert len(COMMA_NUMBER.findall(fi)) > 50
    assert _numbers(COMMA_NUMBER, fi, ",") == _numbers(POINT_NUMBER, en, ".")
    assert "3,104" in fi and "3.104" in en and "3,104" not in en
    assert "1.0.0" in fi  # a plugin's version string is not a number and stays as written


def test_report_plot_ticks_have_a_decimal_comma_in_finnish():
    spec = PlotSpec(
        "Ash",
        "Replicate",
        "Ash (%)",
        [Series("ash", np.arange(1.0, 4.0), np.array([0.2, 0.5, 1.1]))],
    )
    ticks = {}
    for lang in ("en", "fi"):
        svg = render_svg(spec, lang=lang)  # coordinates have points; the shown texts are checked
        ticks[lang] = re.findall(
            r'<text x="[^"]*" y="[^"]*" text-anchor="(?:middle|end)">([^<]*)<', svg
        )
    assert ticks["fi"] == [t.replace(".", ",") for t in ticks["en"]]
    assert any(POINT_NUMBER.search(t) for t in ticks["en"])
    assert any(COMMA_NUMBER.search(t) for t in ticks["fi"])
    assert not any(POINT_NUMBER.search(t) for t in ticks["fi"])
