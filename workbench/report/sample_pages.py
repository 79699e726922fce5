"""One sample's part of the report: a page of answers and reasons, then the evidence.

The first page is what a company hands on: what the material is (and the answers given
about it), and for every product route the answer with its reasons in plain words
(``workbench.report.plain``). The evidence follows: every value used (with its unit,
basis, method and where it came from), the curves, and for each route the checks made
against the limits as the standards write them. No ids, file formats or maintainers'
notes: the words are the reader's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from workbench.messages import message_text, method_text, text_in
from workbench.model import Measurement, Result, Sample
from workbench.report import plain
from workbench.report.sources import SourceIndex
from workbench.report.strings import TEXTS, text
from workbench.report.svgplot import PlotSpec, Series, render_svg
from workbench.safetext import html_escape as escape  # control chars visible
from workbench.value_labels import INTERNAL_METADATA, metadata_label, metadata_value, value_label
from workbench.vocab import BASIS_LABELS, Basis

ImageEmbedder = Callable[[str, str], str]  # (svg text, id) -> <img> markup

VERDICT_ORDER = ("suitable", "conditionally suitable", "not suitable", "not enough data")
VERDICT_STYLE = {
    "suitable": ("✔", "#c8e6c9"),
    "conditionally suitable": ("◐", "#fff3b0"),
    "not suitable": ("✘", "#ffcdd2"),
    "not enough data": ("?", "#e0e0e0"),
}


# -- small pieces ---------------------------------------------------------------------------
def nobreak(value: str) -> str:
    """A value that must stay on one line ("45 %", "20–30 mm") in the PDF and browsers."""
    return value.replace(" ", plain.NBSP).replace("–", "–\u2060").replace("/", "/\u2060")


def verdict_cell(verdict: str, lang: str, attrs: str = "") -> str:
    symbol, colour = VERDICT_STYLE.get(verdict, ("", "#ffffff"))
    word = nobreak(f"{symbol} {text(verdict, lang)}")
    return f'<td bgcolor="{colour}"{attrs}>{escape(word)}</td>'


def table(head: list[str], rows: list[list[str]], widths: list[int] | None = None) -> str:
    """A table of already-escaped cells; ``widths`` in percent of the page."""
    widths = widths or []
    cells = "".join(
        f'<th align="left"{_width(widths, i)}>{escape(h)}</th>' for i, h in enumerate(head)
    )
    body = "".join(f"<tr>{''.join(r)}</tr>" for r in rows)
    return (
        '<table width="100%" cellspacing="0" cellpadding="3" border="1" class="grid">'
        f"<thead><tr>{cells}</tr></thead>{body}</table>"
    )


def _width(widths: list[int], i: int) -> str:
    return f' width="{widths[i]}%"' if i < len(widths) else ""


def _short_nobreak(value: str, longest: int = 24) -> str:
    """A short requirement ("at most 0.7 %") kept on one line; a long one may wrap."""
    return nobreak(value) if len(value) <= longest else value


def td(value: str, attrs: str = "") -> str:
    return f"<td{attrs}>{escape(value)}</td>"


def property_label(pid: str, lang: str) -> str:
    return value_label(pid, lang)


def basis_label(basis: str, lang: str) -> str:
    try:
        en, fi = BASIS_LABELS[Basis(basis)]
    except ValueError:
        return basis
    return fi if lang == "fi" else en


def result_label(r: Result, lang: str) -> str:
    """An analysis' name in ``lang``: a bilingual label's text; a plain label equal to its
    plugin's English name gives the name in ``lang``; any other plain label as stored."""
    if isinstance(r.label, dict):
        return text_in(r.label, lang)
    from workbench.analysis.registry import get_registry

    registry = get_registry()
    manifest = registry.get(r.plugin_id).manifest if r.plugin_id in registry else None
    if manifest is None or (r.label and r.label != manifest.name_en):
        return r.label or r.plugin_id.replace("_", " ")
    return manifest.name_fi if lang == "fi" and manifest.name_fi else manifest.name_en


def kind_label(kind: str, lang: str) -> str:
    return text(f"kind.{kind}", lang) if f"kind.{kind}" in TEXTS else kind.replace("_", " ")


# -- page 1: the answers and the reasons ---------------------------------------------------------
def material_rows(sample: Sample, lang: str) -> list[list[str]]:
    """What the material is and what was answered about it."""
    rows = []
    if sample.feedstock_type:
        rows.append(
            [
                text("feedstock_type", lang),
                plain.category_word("feedstock_type", sample.feedstock_type, lang),
            ]
        )
    for field in ("supplier", "origin", "date_received", "notes"):
        value = getattr(sample, field, "")
        if value:
            rows.append([text(field, lang), str(value)])
    for key, value in sample.metadata.items():
        if key in INTERNAL_METADATA or key == "data" or value in (None, ""):
            continue  # demonstration data get their notice at the top
        rows.append([metadata_label(key, lang), metadata_value(key, value, lang)])
    return rows


def summary_page(sample: Sample, verdicts: list[dict[str, Any]], lang: str) -> str:
    """The page of answers and reasons for one sample."""
    parts = []
    rows = material_rows(sample, lang)
    if rows:
        parts.append(f"<h3>{escape(text('about_material', lang))}</h3>")
        parts.append(
            '<table cellspacing="0" cellpadding="2" class="facts">'
            + "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
            + "</table>"
        )
    parts.append(f"<h3>{escape(text('answers', lang))}</h3>")
    if not verdicts:
        parts.append(f"<p>{escape(text('no_verdicts', lang))}</p>")
        return "".join(parts)
    body = []
    for verdict in VERDICT_ORDER:
        for v in (v for v in verdicts if v.get("verdict") == verdict):
            reasons = plain.plain_reasons(v, lang, limit=2, tips=1)
            why = "<br/>".join(escape(r) for r in reasons)
            body.append(
                [td(plain.route_name(v, lang)), verdict_cell(verdict, lang), f"<td>{why}</td>"]
            )
    parts.append(
        table([text("route", lang), text("answer", lang), text("why", lang)], body, [27, 17, 56])
    )
    wanted = Counter(
        plain.criterion_label(c, lang)
        for v in verdicts
        for c in v.get("criteria", [])
        if c.get("value") is None and c.get("kind") == "hard" and c.get("applies_to") != "product"
    )
    top = [
        text("n_routes", lang, label, n) if n > 1 else label for label, n in wanted.most_common(5)
    ]
    if top:
        parts.append(f"<p>{escape(text('measure_next', lang, ', '.join(top)))}</p>")
    return "".join(parts)


# -- the evidence ------------------------------------------------------------------------------
def obtained(m_or_r: Measurement | Result, origin: str, lang: str) -> str:
    if isinstance(m_or_r, Result):
        return text("by_analysis", lang, result_label(m_or_r, lang))
    if origin == "typed" or not m_or_r.source_name:
        return text(origin or "measured", lang)
    return text("from_file", lang, m_or_r.source_name)


def values_table(sample: Sample, lang: str) -> str:
    rows = []
    items: list[tuple[Measurement | Result, dict]] = [
        (m, m.quantities) for m in sample.measurements.values()
    ]
    items += [(r, r.values) for r in sample.results.values()]
    for source, quantities in items:
        for pid, q in quantities.items():
            value = plain.with_unit(plain.number(q.value, lang), q.unit or "")
            basis = basis_label(q.basis, lang) if q.basis and q.basis != "none" else ""
            rows.append(
                [
                    td(property_label(pid, lang)),
                    td(nobreak(value), ' align="right"'),
                    td(basis),
                    td(obtained(source, q.origin, lang)),
                    td(method_text(q.method, lang) if q.method and q.origin != "typed" else ""),
                ]
            )
    if not rows:
        return ""
    head = [text(k, lang) for k in ("property", "value", "basis", "obtained", "method")]
    return f"<h3>{escape(text('your_values', lang))}</h3>" + table(head, rows, [26, 13, 17, 22, 22])


def as_given_text(c: dict[str, Any], lang: str) -> str:
    """The value as the lab's report gave it, when it was converted to be compared (another
    unit, such as 200 ppm for 0.02 %, or another basis): a reader holding the lab report
    finds its own number. Empty when the value is compared as given."""
    m = c.get("measured")
    if not isinstance(m, dict) or not isinstance(m.get("value"), int | float):
        return ""
    unit, basis = str(m.get("unit") or ""), str(m.get("basis") or "none")
    if unit == str(c.get("unit") or "") and basis == str(c.get("basis") or "none"):
        return ""
    given = plain.with_unit(plain.number(m["value"], lang), unit)
    if basis not in ("none", str(c.get("basis") or "none")):
        given += f", {basis_label(basis, lang)}"
    return f" ({text('as_given', lang, nobreak(given))})"


def criteria_rows(v: dict[str, Any], lang: str, sources: SourceIndex) -> list[list[str]]:
    rows = []
    for c in v.get("criteria", []):
        if c.get("value") is None or c.get("kind") == "informative" or c.get("result") == "info":
            continue
        basis = c.get("basis") or "none"
        suffix = f", {basis_label(basis, lang)}" if basis != "none" else ""
        result = str(c.get("result") or "unknown")
        colour = {"pass": "#1b5e20", "fail": "#b00020", "borderline": "#8a6d00"}.get(result, "#444")
        rows.append(
            [
                td(plain.criterion_label(c, lang)),
                td(nobreak(plain.value_text(c, lang)) + suffix + as_given_text(c, lang)),
                td(_short_nobreak(plain.limit_text(c, lang))),
                f'<td><font color="{colour}">{escape(text(result, lang))}</font></td>',
                td(sources.keys(str(c.get("source") or ""))),
            ]
        )
    return rows


def route_evidence(v: dict[str, Any], lang: str, sources: SourceIndex) -> str:
    symbol = VERDICT_STYLE.get(v.get("verdict", ""), ("",))[0]
    parts = [
        f'<p class="route"><b>{escape(plain.route_name(v, lang))}</b>: '
        f"{escape(symbol)} {escape(text(str(v.get('verdict')), lang))}</p>"
    ]
    rows = criteria_rows(v, lang, sources)
    if rows:
        head = [text(k, lang) for k in ("checked", "yours", "requirement", "result", "source")]
        parts.append(table(head, rows, [34, 20, 26, 10, 10]))
    unmeasured = [
        c
        for c in v.get("criteria", [])
        if c.get("value") is None and c.get("kind") != "informative"
    ]
    material = [
        plain.criterion_label(c, lang) for c in unmeasured if c.get("applies_to") != "product"
    ]
    product = [
        plain.criterion_label(c, lang) for c in unmeasured if c.get("applies_to") == "product"
    ]
    if material:
        parts.append(
            f"<p>{escape(text('still_to_check', lang, ', '.join(dict.fromkeys(material))))}</p>"
        )
    if product:
        parts.append(
            f"<p>{escape(text('test_product', lang, ', '.join(dict.fromkeys(product))))}</p>"
        )
    useful = [  # pre-treatments that change the answer, the first three
        s
        for s in v.get("suggestions") or []
        if s.get("new_verdict") not in (v.get("verdict"), "not enough data")
    ][:3]
    tips = [
        f"{plain.loc(s, 'action', lang)}: {plain.loc(s, 'detail', lang)} → "
        f"{plain.verdict_phrase(str(s.get('new_verdict')), lang)}"
        for s in useful
    ]
    if tips:
        parts.append(
            f"<p><i>{escape(text('would_change', lang))}:</i> " + escape("; ".join(tips)) + "</p>"
        )
    for p in v.get("learned") or []:
        said = text(str(p.get("prediction", "")), lang)
        accuracy = p.get("cv_accuracy")
        line = text("learned", lang, p.get("name", ""), said)
        if isinstance(accuracy, int | float):
            line += " " + text("cv_accuracy", lang, plain.number(100 * accuracy, lang))
        parts.append(f"<p><i>{escape(line)}</i></p>")
    return "".join(parts)


def analysis_notes(sample: Sample, lang: str) -> str:
    """The analyses' messages, each once, with the analysis' name."""
    seen: set[tuple[str, str]] = set()
    items = []
    for r in sample.results.values():
        for m in r.messages:
            key = (result_label(r, lang), message_text(m, lang))
            if key not in seen:
                seen.add(key)
                items.append(f"<li>{escape(key[0])}: {escape(key[1])}</li>")
    if not items:
        return ""
    return f"<h3>{escape(text('analysis_notes', lang))}</h3><ul>{''.join(items)}</ul>"


def plot_specs(sample: Sample, lang: str) -> list[PlotSpec]:
    """The sample's curves (one plot per kind and axes) and the analyses' plots."""
    groups: dict[tuple[str, str, str], PlotSpec] = {}
    for m in sample.measurements.values():
        if not m.is_curve or m.signal not in m.columns or m.axes[0] not in m.columns:
            continue
        x_label, y_label = _axis_label(m, m.axes[0], lang), _axis_label(m, m.signal, lang)
        key = (m.kind, x_label, y_label)
        spec = groups.get(key)
        if spec is None:
            x_unit = m.columns[m.axes[0]].unit
            spec = PlotSpec(
                kind_label(m.kind, lang), x_label, y_label, reverse_x=x_unit in {"cm⁻¹", "1/cm"}
            )
            groups[key] = spec
        spec.series.append(
            Series(
                m.label or kind_label(m.kind, lang),
                m.columns[m.axes[0]].values(),
                m.columns[m.signal].values(),
            )
        )
    specs = list(groups.values())
    for r in sample.results.values():
        for plot in r.plots:
            x, ys = plot.get("x"), plot.get("y", [])
            ys = [ys] if isinstance(ys, str) else ys
            if x not in r.columns or not ys or not all(y in r.columns for y in ys):
                continue
            title = plot.get("title")
            spec = PlotSpec(
                text_in(title, lang) if title else result_label(r, lang),
                _plot_axis(r, plot, "x", x, lang),
                _plot_axis(r, plot, "y", ys[0] if len(ys) == 1 else None, lang)
                or r.columns[ys[0]].unit,
            )
            for y in ys:
                c = r.columns[y]
                spec.series.append(
                    Series(
                        text_in(c.label, lang) if c.label else y, r.columns[x].values(), c.values()
                    )
                )
            specs.append(spec)
    return specs


def _axis_label(m: Measurement | Result, col: str, lang: str) -> str:
    c = m.columns[col]
    name = text_in(c.label, lang) if c.label else c.name
    return f"{name} ({c.unit})" if c.unit and f"({c.unit})" not in name else name


def _plot_axis(r: Result, plot: dict[str, Any], key: str, col: str | None, lang: str) -> str:
    given = plot.get(f"{key}_label")
    if given:
        return text_in(given, lang)
    return _axis_label(r, col, lang) if col is not None else ""


def plots(sample: Sample, lang: str, embed: ImageEmbedder, start: int) -> tuple[str, int]:
    """The plots two to a row; returns the markup and the next plot number."""
    specs = plot_specs(sample, lang)
    if not specs:
        return "", start
    cells = []
    for spec in specs:
        start += 1
        svg = render_svg(spec, width=480, height=300, lang=lang)
        cells.append(f'<td width="50%" align="center">{embed(svg, f"plot{start}")}</td>')
    rows = "".join(f"<tr>{''.join(cells[i : i + 2])}</tr>" for i in range(0, len(cells), 2))
    return (
        f"<h3>{escape(text('plots', lang))}</h3>"
        f'<table width="100%" cellspacing="0" cellpadding="2">{rows}</table>',
        start,
    )


def evidence(
    sample: Sample,
    verdicts: list[dict[str, Any]],
    lang: str,
    embed: ImageEmbedder,
    plot_no: int,
    sources: SourceIndex,
) -> tuple[str, int]:
    """Values, curves and the checks of every route for one sample."""
    parts = [values_table(sample, lang)]
    curves, plot_no = plots(sample, lang, embed, plot_no)
    parts.append(curves)
    parts.append(analysis_notes(sample, lang))
    if verdicts:
        parts.append(f"<h3>{escape(text('how_judged', lang))}</h3>")
        for verdict in VERDICT_ORDER:
            parts += [
                route_evidence(v, lang, sources) for v in verdicts if v.get("verdict") == verdict
            ]
    return "".join(parts), plot_no
