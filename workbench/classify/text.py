"""Plain-text rendering of verdicts for the terminal (the CLI's human-readable output)."""

from __future__ import annotations

from workbench.classify.verdict import CONDITIONAL, NOT_ENOUGH_DATA, NOT_SUITABLE, SUITABLE, Verdict


def explain_number(value: float, unit: str) -> str:
    from workbench.classify.explain import number

    return str(number(value, None, unit))


SYMBOL = {SUITABLE: "OK", CONDITIONAL: "OK?", NOT_SUITABLE: "NO", NOT_ENOUGH_DATA: "??"}


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _get(v: Verdict | dict, key: str):
    return v[key] if isinstance(v, dict) else getattr(v, key)


def _why(v: Verdict | dict) -> str:
    verdict = _get(v, "verdict")
    reasons, missing = _get(v, "reasons"), _get(v, "missing")
    conditions = _get(v, "conditions")
    if verdict == NOT_SUITABLE:
        return str(reasons[0]) if reasons else ""
    if verdict == NOT_ENOUGH_DATA:
        return "needs " + "; ".join(map(str, missing)) if missing else ""
    if verdict == CONDITIONAL:
        return str(conditions[0]) if conditions else ""
    return ""


def format_table(verdicts: list[Verdict] | list[dict]) -> str:
    """One line per sample and route: verdict (text, not only a symbol), score, main reason.
    Takes verdicts or their summaries (``Classification.summary``)."""
    if not verdicts:
        return "No samples to classify."
    samples = [str(_get(v, "sample")) for v in verdicts]
    routes = [str(_get(v, "route")) for v in verdicts]
    w_s = min(28, max(6, *map(len, samples)))
    w_r = min(26, max(5, *map(len, routes)))
    head = f"{'sample':<{w_s}}  {'route':<{w_r}}  {'verdict':<28}  {'score':>5}  reason"
    lines = [head, "-" * len(head)]
    for v, sample, route in zip(verdicts, samples, routes):
        s = _get(v, "score")
        score = "" if s is None else f"{s:.0f}"
        word = _get(v, "verdict")
        verdict = f"{SYMBOL[word]:<3} {word}"
        lines.append(
            f"{_cut(sample, w_s):<{w_s}}  {_cut(route, w_r):<{w_r}}  {verdict:<28}  {score:>5}  "
            f"{_cut(_why(v), 90)}"
        )
    return "\n".join(lines)


def format_explanation(v: Verdict) -> str:
    """The full explanation of one verdict: every criterion with value, limit and source."""
    score = "no score" if v.score is None else f"score {v.score:g}"
    lines = [
        f"{v.sample} -> {v.route_name_en} [{v.route} {v.route_version}, {v.route_file}]",
        f"  verdict: {v.verdict} ({score})",
    ]
    for title, items in (
        ("because", v.reasons),
        ("missing", v.missing),
        ("conditions", v.conditions),
        ("notes", v.notes),
    ):
        for item in items:
            lines.append(f"  {title}: {item}")
    for s in v.suggestions:
        score = "" if s.new_score is None else f", score {s.new_score:g}"
        lines.append(f"  suggestion: {s.action} -> {s.new_verdict}{score} ({s.detail})")
    for r in v.criteria:
        doc = r.to_json()
        if isinstance(r.value, float):
            basis = f" {r.basis}" if r.basis not in ("none", "") else ""
            # where the value came from; for a measured one the "as measured" line names it
            where = f", from {r.source_id}" if r.source_id and r.measured is None else ""
            value = f"{explain_number(r.value, r.unit)}{basis} ({r.origin}{where})"
        elif r.value is not None:
            value = f"{r.value} ({r.origin})"
        else:
            value = "no value"
        flags = f" [{', '.join(r.flags)}]" if r.flags else ""
        margin = f", margin {doc['margin_text']}" if "margin_text" in doc else ""
        lines.append(
            f"    {r.result:<10} {r.kind:<11} {r.label}: {value}; limit {r.limit_text}{margin}{flags}"
        )
        m = doc.get("measured")
        if m is not None:
            where = m.get("source_file") or m.get("from", "")
            method = f", {m['method']}" if m.get("method") else ""
            basis = f" {m['basis']}" if m.get("basis") not in ("none", "") else ""
            lines.append(
                f"               as measured: {m['value']:g} {m['unit']}{basis}{method}"
                + (f" ({where})" if where else "")
            )
        for step in doc.get("conversions", []):
            lines.append(f"               conversion: {step}")
        if r.note:
            lines.append(f"               note: {r.note}")
        source = f"               source: {r.source} (grade {r.reliability})"
        if doc.get("source_note"):
            source += f"; {doc['source_note']}"
        lines.append(source)
    return "\n".join(lines)
