"""Explaining a verdict: the full technical explanation and a plain-language summary.

Both read the verdict JSON of the engine (``Verdict.to_json()``, with ``learned``
predictions from ``attach_predictions``) and, optionally, the nearest reference
feedstocks (``ReferenceMatch.to_json()``). ``explanation_html`` is for the suitability
panel: verdict, score, every criterion (value with unit, basis, origin and the
measurement it came from; limit; result; margin; source), missing measurements,
conditions, pre-treatment suggestions with the verdict that would follow, learned
predictions beside the rule verdict and the nearest references. ``plain_reasons`` is
for the self-assessment wizard and simple mode: short sentences without jargon (the
report's, from ``workbench.report.plain``). All text from files is
HTML-escaped; words come through Qt's translation, and the engine's own sentences
(reasons, conditions, limits, notes, suggestions) are taken from the verdict JSON's
Finnish twins (``reasons_fi``, ``limit_text_fi``, ...) when the GUI is in Finnish
(``localized``).
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from workbench.gui.i18n import active_language, basis_label

translate = QCoreApplication.translate

COLOURS = {
    "suitable": "#c8e6c9",
    "conditionally suitable": "#fff3b0",
    "not suitable": "#f8c4c4",
    "not enough data": "#e3e3e3",
}
SYMBOLS = {
    "suitable": "✔",
    "conditionally suitable": "◐",
    "not suitable": "✘",
    "not enough data": "?",
}
RESULT_COLOURS = {
    "pass": "#1b5e20",
    "fail": "#b00020",
    "borderline": "#8a6d00",
    "unknown": "#666",
    "info": "#444",
    "n/a": "#999",
}
# an informative row never decides: its outcome is shown without the pass/fail colours
INFORMATIVE_COLOUR = "#444"


def verdict_word(verdict: str) -> str:
    """Short word for a matrix cell."""
    words = {
        "suitable": translate("Verdicts", "Suitable"),
        "conditionally suitable": translate("Verdicts", "Conditional"),
        "not suitable": translate("Verdicts", "Not suitable"),
        "not enough data": translate("Verdicts", "No data"),
    }
    return words.get(verdict, verdict)


def verdict_text(verdict: str) -> str:
    """Full phrase for explanations."""
    texts = {
        "suitable": translate("Verdicts", "suitable"),
        "conditionally suitable": translate("Verdicts", "conditionally suitable"),
        "not suitable": translate("Verdicts", "not suitable"),
        "not enough data": translate("Verdicts", "not enough data"),
    }
    return texts.get(verdict, verdict)


def result_text(result: str, kind: str = "hard") -> str:
    if kind == "informative" and result in ("pass", "fail"):
        return {
            "pass": translate("Verdicts", "within"),
            "fail": translate("Verdicts", "outside"),
        }[result]
    texts = {
        "pass": translate("Verdicts", "pass"),
        "fail": translate("Verdicts", "fail"),
        "borderline": translate("Verdicts", "borderline"),
        "unknown": translate("Verdicts", "unknown"),
        "info": translate("Verdicts", "information"),
        "n/a": translate("Verdicts", "does not apply"),
    }
    return texts.get(result, result)


def origin_text(origin: str) -> str:
    texts = {
        "measured": translate("Verdicts", "measured"),
        "derived": translate("Verdicts", "derived by an analysis"),
        "predicted": translate("Verdicts", "predicted by a model"),
        "typed": translate("Verdicts", "typed in"),
    }
    return texts.get(origin, origin)


def localized(d: dict[str, Any], key: str, default: Any = "") -> Any:
    """The engine text ``d[key]`` in the GUI language: its ``key_fi`` twin in Finnish."""
    if active_language() == "fi" and d.get(f"{key}_fi") is not None:
        return d[f"{key}_fi"]
    value = d.get(key)
    return default if value is None else value


def route_name(v: dict[str, Any]) -> str:
    if active_language() == "fi" and v.get("route_name_fi"):
        return str(v["route_name_fi"])
    return str(v.get("route_name_en") or v.get("route", ""))


def criterion_label(row: dict[str, Any]) -> str:
    if active_language() == "fi" and row.get("label_fi"):
        return str(row["label_fi"])
    return str(row.get("label") or row.get("property", ""))


def _num(value: Any, ref: Any = None) -> str:
    """A number for prose: 3 significant digits (more when needed to tell it from ``ref``,
    so a value just over a limit never reads as the limit), a decimal comma in Finnish."""
    if isinstance(value, float):
        digits = 3
        text = f"{value:.{digits}g}" if abs(value) < 1000 else f"{value:.0f}"
        if isinstance(ref, int | float) and value != ref:
            while digits < 12 and text == f"{float(ref):.{digits}g}":
                digits += 1
                text = f"{value:.{digits}g}"
        return text.replace(".", ",") if active_language() == "fi" else text
    return "" if value is None else str(value)


def value_with_unit(row: dict[str, Any]) -> str:
    value = row.get("value")
    if value is None:
        return "—"
    if isinstance(value, str):
        value = localized(row, "value")
    unit = row.get("unit") or ""
    limit = row.get("limit")
    return f"{_num(value, limit if isinstance(limit, int | float) else None)} {unit}".strip()


# -- plain language (wizard, simple mode) ------------------------------------------------
def plain_reasons(v: dict[str, Any], limit: int = 4) -> list[str]:
    """Short plain-language reasons behind a verdict in the GUI language: the same
    sentences as the report (``workbench.report.plain``)."""
    from workbench.report.plain import plain_reasons as core_plain_reasons

    return core_plain_reasons(v, active_language(), limit)


# -- full explanation (suitability panel) ---------------------------------------------
def _h(text: str, level: int = 3) -> str:
    return f"<h{level} style='margin:8px 0 2px 0'>{escape(text)}</h{level}>"


def _measured_text(r: dict[str, Any]) -> str:
    """The value as the lab gave it (value, unit, basis, method, source file); only the
    method and file when the value was used as given."""
    m = r.get("measured")
    if not m:
        return ""
    same = not r.get("conversions") and m.get("unit") == r.get("unit")
    basis = basis_label(str(m.get("basis", "none")))
    parts = [] if same else [f"{_num(float(m['value']))} {m.get('unit', '')}".strip()]
    if basis and not same:
        parts.append(basis)
    if m.get("method"):
        parts.append(str(localized(m, "method")))
    where = m.get("source_file") or m.get("from")
    if where:
        parts.append(str(where))
    if not parts:
        return ""
    return translate("Verdicts", "as measured: %1").replace("%1", ", ".join(parts))


def _source_tag(source: str) -> str:
    """ "[S18]" of "[S18] ENplus Handbook ...": the short citation of a row."""
    if source.startswith("[") and "]" in source:
        return source[: source.index("]") + 1]
    return source


def _line(label: str, text: str, style: str = "") -> str:
    return (
        f"<br><span style='color:#777'>{escape(label)}:</span> "
        f"<span style='{style}'>{escape(text)}</span>"
    )


def criteria_table(rows: list[dict[str, Any]]) -> str:
    """Every criterion as a short block (readable in a narrow panel): name and result,
    the value used with its basis and origin, the value as measured and each conversion,
    the limit as the standard writes it with the margin, the note and the source; the
    full sources listed once at the end."""
    kinds = {
        "hard": translate("Verdicts", "hard limit"),
        "scored": translate("Verdicts", "preference"),
        "informative": translate("Verdicts", "information"),
    }
    w_value = translate("Verdicts", "Value")
    w_limit = translate("Verdicts", "Limit")
    w_result = translate("Verdicts", "Result")
    w_margin = translate("Verdicts", "Margin")
    w_source = translate("Verdicts", "Source")
    out = []
    sources: dict[str, str] = {}
    for r in rows:
        res = str(r.get("result", ""))
        informative = r.get("kind") == "informative"
        colour = INFORMATIVE_COLOUR if informative else RESULT_COLOURS.get(res, "#000")
        kind = kinds.get(str(r.get("kind")), str(r.get("kind")))
        basis = basis_label(str(r.get("basis", "none")))
        details = [basis] if basis and r.get("value") is not None else []
        if r.get("origin"):
            details.append(origin_text(str(r["origin"])))
        if r.get("from") and not r.get("measured"):
            details.append(
                translate("Verdicts", "from %1").replace("%1", str(localized(r, "from")))
            )
        if r.get("method") and not r.get("measured"):
            details.append(str(localized(r, "method")))
        if r.get("flags"):
            details.append(", ".join(map(str, localized(r, "flags", []))))
        value = value_with_unit(r) + (f" ({'; '.join(details)})" if details else "")
        html = [
            "<p style='margin:8px 0 0 0'>",
            f"<b>{escape(criterion_label(r))}</b> ",
            f"<span style='color:#777;font-size:small'>({escape(kind)})</span>",
            _line(
                w_result,
                result_text(res, str(r.get("kind", "hard"))),
                f"color:{colour};font-weight:600",
            ),
            _line(w_value, value),
        ]
        small = "color:#555;font-size:small"
        measured = _measured_text(r)
        if measured:
            html.append(f"<br><span style='{small}'>{escape(measured)}</span>")
        for step in localized(r, "conversions", []):
            html.append(f"<br><span style='{small}'>{escape(str(step))}</span>")
        limit = str(localized(r, "limit_text"))
        if r.get("margin_text"):
            limit += f" · {w_margin.lower()} {localized(r, 'margin_text')}"
        html.append(_line(w_limit, limit))
        note = str(localized(r, "note"))
        if note:
            html.append(f"<br><span style='{small}'>{escape(note)}</span>")
        source = str(r.get("source", ""))
        tag = _source_tag(source)
        sources.setdefault(tag, source)
        cite = f"{tag} ({r.get('reliability', '')})" if r.get("reliability") else tag
        html.append(_line(w_source, cite, small))
        if r.get("source_note"):
            html.append(f"<br><i style='{small}'>{escape(str(localized(r, 'source_note')))}</i>")
        html.append("</p>")
        out.append("".join(html))
    if sources:
        title = translate("Verdicts", "Sources")  # lupdate skips f-strings
        items = "".join(f"<li>{escape(full)}</li>" for full in sources.values() if full)
        out.append(
            f"<p style='margin:10px 0 0 0;color:#555;font-size:small'><b>"
            f"{escape(title)}</b></p>"
            f"<ul style='color:#555;font-size:small'>{items}</ul>"
        )
    return "".join(out)


def explanation_html(v: dict[str, Any], references: list[dict[str, Any]] | None = None) -> str:
    """The full explanation of one verdict as HTML."""
    verdict = str(v.get("verdict", ""))
    score = v.get("score")
    head = (
        f"<div style='background:{COLOURS.get(verdict, '#fff')};padding:6px'>"
        f"<span style='font-size:14pt'>{SYMBOLS.get(verdict, '')} "
        f"<b>{escape(verdict_text(verdict).capitalize())}</b></span><br>"
        f"{escape(str(v.get('sample', '')))} → {escape(route_name(v))}"
    )
    if score is not None:
        head += " · " + escape(translate("Verdicts", "score %1/100").replace("%1", f"{score:.0f}"))
    head += "</div>"
    parts = [head]
    reasons = localized(v, "reasons", [])
    if reasons:
        parts.append(_h(translate("Verdicts", "Why")))
        parts.append("<ul>" + "".join(f"<li>{escape(str(r))}</li>" for r in reasons) + "</ul>")
    missing = localized(v, "missing", [])
    if missing:
        parts.append(_h(translate("Verdicts", "Measure this to decide")))
        parts.append("<ul>" + "".join(f"<li>{escape(str(m))}</li>" for m in missing) + "</ul>")
    conditions = localized(v, "conditions", [])
    if conditions:
        parts.append(_h(translate("Verdicts", "Conditions")))
        items = conditions[:12]
        more = len(conditions) - len(items)
        parts.append(
            "<ul>"
            + "".join(f"<li>{escape(str(c))}</li>" for c in items)
            + (f"<li>… (+{more})</li>" if more > 0 else "")
            + "</ul>"
        )
    if v.get("suggestions"):
        parts.append(_h(translate("Verdicts", "Pre-treatment that would change it")))
        items = []
        for s in v["suggestions"]:
            after = verdict_text(str(s.get("new_verdict", "")))
            items.append(
                f"<li><b>{escape(str(localized(s, 'action')))}</b>: "
                f"{escape(str(localized(s, 'detail')))}"
                f" → {escape(after)}</li>"
            )
        parts.append("<ul>" + "".join(items) + "</ul>")
    if v.get("learned"):
        parts.append(_h(translate("Verdicts", "Learned model (beside the rule verdict)")))
        items = []
        for p in v["learned"]:
            acc = p.get("cv_accuracy")
            cv_word = translate("Verdicts", "CV accuracy")  # lupdate skips f-strings
            acc_text = "" if acc is None else f", {cv_word} {acc:.0%}"
            items.append(
                f"<li>{escape(str(p.get('name', p.get('model', ''))))}: "
                f"<b>{escape(verdict_text(str(p.get('prediction', p.get('error', '')))))}</b>"
                f" (p = {float(p.get('probability', 0)):.2f}{escape(acc_text)})</li>"
            )
        parts.append("<ul>" + "".join(items) + "</ul>")
    parts.append(_h(translate("Verdicts", "Criteria")))
    parts.append(criteria_table(v.get("criteria", [])))
    if references:
        parts.append(_h(translate("Verdicts", "Nearest reference feedstocks")))
        items = []
        route = v.get("route")
        distance_word = translate("Verdicts", "distance")  # lupdate skips f-strings
        for ref in references:
            name = ref.get("name_fi") if active_language() == "fi" else ref.get("name_en")
            their = ref.get("verdicts", {}).get(route, "")
            items.append(
                f"<li>{escape(str(name))} ({distance_word} "
                f"{float(ref.get('distance', 0)):.2f}): {SYMBOLS.get(their, '')} "
                f"{escape(verdict_text(their))}</li>"
            )
        parts.append("<ul>" + "".join(items) + "</ul>")
    notes = localized(v, "notes", [])
    if notes:
        parts.append(
            "<p style='color:#555;font-size:small'>"
            + "<br>".join(escape(str(n)) for n in notes)
            + "</p>"
        )
    route_word = translate("Verdicts", "Route file")  # lupdate skips f-strings
    parts.append(
        f"<p style='color:#777;font-size:small'>{escape(route_word)}: "
        f"{escape(Path(str(v.get('route_file', ''))).name)} "
        f"{escape(str(v.get('route_version', '')))}</p>"
    )
    return "".join(parts)
