"""The suitability report as one self-contained HTML document (English or Finnish).

A company hands this report on, so it states everything a reader needs without the
application: sample information, measurements with plots, the suitability matrix,
each verdict with its criteria and the sources of the limits, and a provenance
appendix (input file names and SHA-256, analysis and route-specification versions,
application version). Verdicts are readable without colour: every cell carries a
symbol and a word as well as a colour.

The same HTML is turned into PDF by ``workbench.gui.report_pdf`` (Qt's text
renderer), so the markup sticks to what both browsers and QTextDocument render:
tables, headings, inline images.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from html import escape
from typing import Any

from workbench import __version__
from workbench.messages import fi_number, message_text, method_text, text_in
from workbench.model import Measurement, Project, Result, Sample, now_iso
from workbench.report.strings import text
from workbench.report.svgplot import PlotSpec, Series, render_svg
from workbench.vocab import BASIS_LABELS, PROPERTIES, Basis

VERDICT_STYLE = {
    "suitable": ("✔", "#c8e6c9"),
    "conditionally suitable": ("◐", "#fff3b0"),
    "not suitable": ("✘", "#ffcdd2"),
    "not enough data": ("?", "#e0e0e0"),
}

ImageEmbedder = Callable[[str, str], str]  # (svg text, id) -> <img> or inline markup

CSS = """
body { font-family: sans-serif; font-size: 9pt; color: #222; margin: 2em; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 1.5em; } h3 { font-size: 12pt; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #999; padding: 2px 4px; text-align: left; vertical-align: top; }
th { background: #eee; }
.note { color: #555; }
.demo { background: #fff3b0; padding: 6px; border: 1px solid #d9b400; }
"""


def _inline_svg(svg: str, _id: str) -> str:
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img alt="plot" src="data:image/svg+xml;base64,{data}"/>'


def _label(prop: str, lang: str) -> str:
    p = PROPERTIES.get(prop)
    if p is None:
        return prop
    return p.label_fi if lang == "fi" else p.label_en


def _basis(basis: str, lang: str) -> str:
    try:
        en, fi = BASIS_LABELS[Basis(basis)]
    except ValueError:
        return basis
    return fi if lang == "fi" else en


def _fmt(v: Any, lang: str = "en") -> str:
    """A table cell: a float to four significant digits (decimal comma in Finnish)."""
    if isinstance(v, float):
        return fi_number(v, ".4g") if lang == "fi" else f"{v:.4g}"
    if v is None:
        return ""
    return str(v)


def _table(header: list[str], rows: list[list[Any]], lang: str = "en") -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(_fmt(c, lang))}</td>" for c in row) + "</tr>" for row in rows
    )
    return f'<table width="100%" cellspacing="0"><tr>{head}</tr>{body}</table>'


def _axis_label(m_or_r: Measurement | Result, col: str, lang: str = "en") -> str:
    """A column's label (a plugin's ``{"en", "fi"}`` record in ``lang``) with its unit."""
    c = m_or_r.columns[col]
    name = text_in(c.label, lang) if c.label else c.name
    if c.unit and f"({c.unit})" not in name:
        return f"{name} ({c.unit})"
    return name


def _result_label(r: Result, lang: str) -> str:
    """A result's label in ``lang`` (a plain stored label as it is), else the plugin id."""
    return text_in(r.label, lang) if r.label else r.plugin_id


def plot_axis_label(r: Result, plot: dict[str, Any], key: str, col: str | None, lang: str) -> str:
    """The plot's own axis label in ``lang``, else the column's label with its unit."""
    given = plot.get(f"{key}_label")
    if given:
        return text_in(given, lang)
    return _axis_label(r, col, lang) if col is not None else ""


def _sample_plots(sample: Sample, lang: str) -> list[PlotSpec]:
    groups: dict[tuple[str, str, str], PlotSpec] = {}
    for m in sample.measurements.values():
        if not m.is_curve or m.signal not in m.columns or m.axes[0] not in m.columns:
            continue
        x_label, y_label = _axis_label(m, m.axes[0]), _axis_label(m, m.signal)
        key = (m.kind, x_label, y_label)
        spec = groups.get(key)
        if spec is None:
            x_unit = m.columns[m.axes[0]].unit
            spec = PlotSpec(
                f"{sample.name}: {m.kind}", x_label, y_label, reverse_x=x_unit in {"cm⁻¹", "1/cm"}
            )
            groups[key] = spec
        spec.series.append(
            Series(m.label or m.kind, m.columns[m.axes[0]].values(), m.columns[m.signal].values())
        )
    specs = list(groups.values())
    for r in sample.results.values():
        for plot in r.plots:
            x, ys = plot.get("x"), plot.get("y", [])
            if isinstance(ys, str):
                ys = [ys]
            if x not in r.columns or not all(y in r.columns for y in ys) or not ys:
                continue
            title = plot.get("title") or r.label or r.plugin_id
            spec = PlotSpec(
                f"{sample.name}: {text_in(title, lang)}",
                plot_axis_label(r, plot, "x", x, lang),
                plot_axis_label(r, plot, "y", ys[0] if len(ys) == 1 else None, lang)
                or r.columns[ys[0]].unit,
            )
            for y in ys:
                c = r.columns[y]
                name = text_in(c.label, lang) if c.label else y
                spec.series.append(Series(name, r.columns[x].values(), c.values()))
            specs.append(spec)
    return specs


def _verdict_cell(verdict: str, lang: str) -> str:
    symbol, colour = VERDICT_STYLE.get(verdict, ("", "#ffffff"))
    return f'<td style="background:{colour}">{symbol} {escape(text(verdict, lang))}</td>'


def _route_name(v: dict[str, Any], lang: str) -> str:
    name = v.get(f"route_name_{lang}") or v.get("route_name_en") or v.get("route_name")
    if isinstance(name, dict):
        return str(name.get(lang) or name.get("en") or v.get("route", ""))
    return str(name or v.get("route", ""))


def _matrix(samples: list[Sample], verdicts: list[dict[str, Any]], lang: str) -> str:
    """Samples by routes; cells carry a symbol (readable without colour) and a colour.

    Route columns are numbered, with the numbered route names below the table, so the
    matrix fits a portrait page however many routes there are.
    """
    routes: dict[str, str] = {}
    for v in verdicts:
        routes.setdefault(v["route"], _route_name(v, lang))
    by_cell = {(v.get("sample_id") or v.get("sample"), v["route"]): v for v in verdicts}
    head = f"<th>{escape(text('sample', lang))}</th>" + "".join(
        f'<th align="center">{i}</th>' for i in range(1, len(routes) + 1)
    )
    rows = []
    for s in samples:
        cells = []
        for rid in routes:
            v = by_cell.get((s.id, rid)) or by_cell.get((s.name, rid))
            if v is None:
                cells.append("<td></td>")
                continue
            symbol, colour = VERDICT_STYLE.get(v["verdict"], ("", "#ffffff"))
            cells.append(
                f'<td align="center" style="background:{colour}" '
                f'title="{escape(text(v["verdict"], lang))}">{symbol}</td>'
            )
        rows.append(f"<tr><td>{escape(s.name)}</td>{''.join(cells)}</tr>")
    legend_routes = "".join(f"<li>{escape(name)}</li>" for name in routes.values())
    legend_symbols = " · ".join(
        f"{symbol} {escape(text(verdict, lang))}" for verdict, (symbol, _c) in VERDICT_STYLE.items()
    )
    return (
        f'<table width="100%" cellspacing="0"><tr>{head}</tr>{"".join(rows)}</table>'
        f"<p>{legend_symbols}</p><ol>{legend_routes}</ol>"
    )


_SOURCE_KEY = re.compile(r"^\[([^\]]{1,12})\]")


def source_key(source: str) -> str:
    """The short key of a cited source ("[S18] ENplus ..." -> "S18"), else the text."""
    m = _SOURCE_KEY.match(source.strip())
    return m.group(1) if m else source


def _loc(d: dict[str, Any], key: str, lang: str, default: Any = "") -> Any:
    """The classifier's text ``d[key]`` in ``lang`` (its ``key_fi`` twin in Finnish)."""
    if lang == "fi" and d.get(f"{key}_fi") is not None:
        return d[f"{key}_fi"]
    value = d.get(key)
    return default if value is None else value


def _criterion_label(c: dict[str, Any], lang: str) -> str:
    """The property's label; a sample attribute (feedstock type, ...) by the criterion's."""
    prop = c.get("property", "")
    if prop in PROPERTIES or not c.get("label"):
        return _label(prop, lang)
    return str(_loc(c, "label", lang))


def _verdict_section(v: dict[str, Any], lang: str) -> str:
    t = lambda k: text(k, lang)  # noqa: E731
    parts = [
        f"<h4>{escape(_route_name(v, lang))}: {VERDICT_STYLE.get(v['verdict'], ('',))[0]} "
        f"{escape(t(v['verdict']))} ({t('score')} {_fmt(v.get('score'), lang)})</h4>"
    ]
    for key in ("reasons", "conditions"):
        items = [str(x) for x in _loc(v, key, lang, [])]
        if items:
            title = t("why" if key == "reasons" else "conditions")
            lis = "".join(f"<li>{escape(x)}</li>" for x in items)
            parts.append(f"<p><b>{escape(title)}:</b></p><ul>{lis}</ul>")
    rows = []
    shown = [c for c in v.get("criteria", []) if c.get("value") is not None]
    unmeasured = [
        _criterion_label(c, lang)
        for c in v.get("criteria", [])
        if c.get("value") is None and c.get("kind") != "informative"
    ]
    for c in shown:
        value = "" if c.get("value") is None else _fmt(_loc(c, "value", lang), lang)
        unit = c.get("unit") or ""
        basis = _basis(c.get("basis") or "none", lang)
        limit = c.get("limit")
        if isinstance(limit, list | tuple):
            limit = " – ".join(_fmt(x, lang) for x in limit)
        comparator = c.get("comparator") or ""
        if c.get("limit_text"):
            limit, comparator, unit_for_limit = _loc(c, "limit_text", lang), "", ""
        else:
            unit_for_limit = unit
        rows.append(
            [
                _criterion_label(c, lang),
                f"{value} {unit}".strip() + (f" ({basis})" if basis and value else ""),
                t(c.get("origin") or "") if c.get("origin") else "",
                f"{comparator} {_fmt(limit, lang)} {unit_for_limit}".strip(),
                t(c.get("result") or "unknown"),
                source_key(c.get("source") or "") + (" (GAP)" if c.get("gap") else ""),
            ]
        )
    if rows:
        parts.append(
            _table(
                [
                    t("property"),
                    t("value"),
                    t("origin_of_value"),
                    t("limit"),
                    t("result"),
                    t("source"),
                ],
                rows,
                lang,
            )
        )
    if unmeasured:
        parts.append(
            f"<p>{escape(t('not_measured'))}: {escape(', '.join(dict.fromkeys(unmeasured)))}</p>"
        )
    for pred in v.get("learned") or []:
        acc = pred.get("cv_accuracy")
        parts.append(
            f"<p><i>{escape(t('learned'))} “{escape(str(pred.get('name', '')))}”: "
            f"{escape(t(str(pred.get('prediction', ''))))} (p = {_fmt(pred.get('probability'), lang)}"
            + (f", {escape(t('cv_accuracy'))} {_fmt(acc, lang)}" if acc is not None else "")
            + ")</i></p>"
        )
    missing = _loc(v, "missing", lang, [])
    if missing:
        parts.append(
            f"<p><b>{escape(t('missing'))}:</b> {escape(', '.join(map(str, missing)))}</p>"
        )
    suggestions = v.get("suggestions") or []
    if suggestions:
        items = "".join(
            f"<li>{escape(str(_loc(s, 'action', lang)))}: {escape(str(_loc(s, 'detail', lang)))} → "
            f"{escape(t(str(s.get('new_verdict', ''))))}</li>"
            for s in suggestions
        )
        parts.append(f"<p><b>{escape(t('suggestions'))}:</b></p><ul>{items}</ul>")
    return "".join(parts)


def _analysis_notes(sample: Sample, lang: str) -> str:
    """The analyses' messages for ``sample`` in ``lang`` (plain-string messages as stored).

    A project-wide run (PCA, PLS) stores its messages with every sample's result; each
    note is listed once per sample.
    """
    seen: set[tuple[str, str]] = set()
    items: list[str] = []
    for r in sample.results.values():
        for m in r.messages:
            key = (r.plugin_id, message_text(m, lang))
            if key not in seen:
                seen.add(key)
                items.append(f"<li>{escape(key[0])}: {escape(key[1])}</li>")
    if not items:
        return ""
    return f"<h4>{escape(text('analysis_notes', lang))}</h4><ul>{''.join(items)}</ul>"


def build_report_html(
    project: Project,
    verdicts: list[dict[str, Any]],
    *,
    sample_ids: list[str] | None = None,
    lang: str = "en",
    embed: ImageEmbedder = _inline_svg,
) -> str:
    """The report as HTML. ``verdicts`` are the classifier's JSON verdicts."""
    t = lambda k: text(k, lang)  # noqa: E731
    samples = (
        [project.samples[i] for i in sample_ids] if sample_ids else list(project.samples.values())
    )
    chosen = {s.id for s in samples}
    verdicts = [
        v
        for v in verdicts
        if (v.get("sample_id") in chosen or v.get("sample") in {s.name for s in samples})
    ]
    name = project.path.stem if project.path else "untitled"
    title = t("title_sample") if sample_ids and len(samples) == 1 else t("title_project")
    html = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"/>',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(t('project'))}: {escape(name)} · {escape(t('generated'))}: {now_iso()} · "
        f"{escape(t('app_version'))}: {__version__}</p>",
    ]
    if any(s.metadata.get("data") == "demonstration" for s in samples):
        html.append(f'<p class="demo">{escape(t("demo_notice"))}</p>')
    html.append(f'<p class="note">{escape(t("how_to_read"))}</p>')
    html.append(f"<h2>{escape(t('matrix'))}</h2>")
    html.append(
        _matrix(samples, verdicts, lang) if verdicts else f"<p>{escape(t('no_verdicts'))}</p>"
    )
    plot_no = 0
    for s in samples:
        html.append(f"<h2>{escape(t('sample'))}: {escape(s.name)}</h2>")
        meta_rows = [
            [t("feedstock_type"), s.feedstock_type],
            [t("supplier"), s.supplier],
            [t("origin"), s.origin],
            [t("date_received"), s.date_received],
            [t("notes"), s.notes],
            *[[k, v] for k, v in s.metadata.items()],
        ]
        html.append(f"<h3>{escape(t('metadata'))}</h3>")
        html.append(_table([t("property"), t("value")], [r for r in meta_rows if r[1]], lang))
        if s.measurements:
            html.append(f"<h3>{escape(t('measurements'))}</h3>")
            rows = [
                [m.kind, m.label, m.method, m.instrument, m.replicate, m.n_points, m.source_name]
                for m in s.measurements.values()
            ]
            html.append(
                _table(
                    [
                        t("kind"),
                        t("label"),
                        t("method"),
                        t("instrument"),
                        t("replicate"),
                        t("points"),
                        t("source_file"),
                    ],
                    rows,
                    lang,
                )
            )
            qrows = [
                [
                    _label(p, lang),
                    q.value,
                    q.unit,
                    _basis(q.basis, lang),
                    t(q.origin),
                    method_text(q.method, lang),
                ]
                for m in s.measurements.values()
                for p, q in m.quantities.items()
            ]
            if qrows:
                html.append(
                    _table(
                        [
                            t("property"),
                            t("value"),
                            t("unit"),
                            t("basis"),
                            t("origin_of_value"),
                            t("method"),
                        ],
                        qrows,
                        lang,
                    )
                )
        if s.results:
            html.append(f"<h3>{escape(t('results'))}</h3>")
            rrows = [
                [
                    f"{_result_label(r, lang)} ({r.plugin_id} {r.plugin_version})",
                    _label(p, lang),
                    q.value,
                    q.unit,
                    _basis(q.basis, lang),
                ]
                for r in s.results.values()
                for p, q in r.values.items()
            ]
            html.append(
                _table([t("plugin"), t("property"), t("value"), t("unit"), t("basis")], rrows, lang)
            )
            notes = _analysis_notes(s, lang)
            if notes:
                html.append(notes)
        specs = _sample_plots(s, lang)
        if specs:
            html.append(f"<h3>{escape(t('plots'))}</h3>")
            for spec in specs:
                plot_no += 1
                html.append(f"<p>{embed(render_svg(spec, lang=lang), f'plot{plot_no}')}</p>")
        mine = [v for v in verdicts if v.get("sample_id") == s.id or v.get("sample") == s.name]
        if mine:
            html.append(f"<h3>{escape(t('suitability'))}</h3>")
            html.extend(_verdict_section(v, lang) for v in mine)
    sources = sorted(
        {c.get("source") for v in verdicts for c in v.get("criteria", []) if c.get("source")}
    )
    html.append(f"<h2>{escape(t('limit_sources'))}</h2>")
    html.append(
        "<ul>" + "".join(f"<li>{escape(str(x))}</li>" for x in sources) + "</ul>"
        if sources
        else f"<p>{escape(t('none'))}</p>"
    )
    html.append(f"<h2>{escape(t('provenance'))}</h2>")
    used = {m.source_sha256 for s in samples for m in s.measurements.values()}
    files = [
        [src.name, src.sha256, src.size, src.imported, src.format]
        for sha, src in project.sources.items()
        if sha in used
    ]
    html.append(f"<h3>{escape(t('input_files'))}</h3>")
    html.append(
        _table([t("file"), "SHA-256", t("size_bytes"), t("imported"), "format"], files)
        if files
        else f"<p>{escape(t('none'))}</p>"
    )
    plugins = sorted(
        {
            (r.plugin_id, r.plugin_version, r.app_version)
            for s in samples
            for r in s.results.values()
        }
    )
    html.append(f"<h3>{escape(t('analyses_used'))}</h3>")
    html.append(
        _table([t("plugin"), t("version"), t("app_version")], [list(p) for p in plugins])
        if plugins
        else f"<p>{escape(t('none'))}</p>"
    )
    specs_used = sorted(
        {
            (v["route"], str(v.get("route_version", "")), str(v.get("route_file", "")))
            for v in verdicts
        }
    )
    html.append(f"<h3>{escape(t('route_specs'))}</h3>")
    html.append(
        _table([t("route"), t("version"), t("file")], [list(x) for x in specs_used])
        if specs_used
        else f"<p>{escape(t('none'))}</p>"
    )
    html.append("</body></html>")
    return "\n".join(html)
