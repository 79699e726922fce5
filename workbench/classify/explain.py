"""Explaining a verdict: the criterion rows and sentences of one sample and route.

The decision itself is made for all samples at once (``evaluate.py``, ``engine.py``);
this module turns the arrays of one sample back into what a person reads: each row's
value *as measured* (value, unit, basis, method, the measurement and its source file),
every conversion applied with its inputs ("0.56 % as received x 100 / (100 - 20 %) =
0.70 % dry basis, moisture 20 % from moisture.csv"), the limit as the standard writes it
with its unit, the margin with its unit, and where the figure comes from. Rows are built
only when asked for (a clicked matrix cell, ``--explain``, a report), never for every
cell of a large project.
"""

from __future__ import annotations

import math
from typing import Any

from workbench.classify.candidates import Candidates
from workbench.classify.evaluate import BORDERLINE, NA, PASS, RESULTS, CritEval, static
from workbench.classify.table import (
    BAD_UNIT,
    DERIVED,
    DERIVED_CAND,
    MISSING,
    NEEDS_INPUT,
    NO_BASIS,
    NOT_USABLE,
    ValueTable,
    unit_label,
)
from workbench.classify.texts import (
    Text,
    basis_name,
    fi,
    join,
    join_words,
    msg,
    pair,
    value_word,
)
from workbench.classify.verdict import CriterionRow
from workbench.value_flags import NOT_USABLE as NOT_USABLE_FLAGS
from workbench.value_flags import flags_text
from workbench.vocab import PROPERTIES, SAMPLE_ATTRIBUTES


def _spec(x: float, ref: float | None = None) -> str:
    """4 significant digits, more when needed to tell ``x`` from ``ref`` (a value just
    over a limit is never shown equal to the limit)."""
    digits = 4
    if ref is not None and x != ref and math.isfinite(x):
        while digits < 12 and f"{x:.{digits}g}" == f"{ref:.{digits}g}":
            digits += 1
    return f".{digits}g"


def number(x: float, ref: float | None = None, unit: str = "") -> Text:
    """A number (with its unit) for explanations, in both languages (decimal comma in
    Finnish)."""
    return msg("num", x=x, spec=_spec(x, ref), unit=f" {unit}" if unit else "")


def _candidate(c: Candidates, k: int) -> dict[str, Any]:
    at = c.attrs
    return {
        "value": float(at["value"][k]),
        "unit": unit_label(at["unit"][k]),
        "basis": at["basis"][k] or "none",
        "method": c.methods[k],
        "origin": at["origin"][k],
        "owner": c.owners[k],
        "quantity": c.qs[k],
    }


def _owner_id(owner: Any) -> str:
    return str(getattr(owner, "id", ""))


def _owner_name(owner: Any, table: ValueTable | None = None) -> str:
    """The measurement or result a value came from, as a user knows it: its label, the
    file it was imported from, or the analysis that computed it (the internal id only
    when it has none of these)."""
    for name in (
        getattr(owner, "label", ""),
        _source_file(owner, table),
        getattr(owner, "plugin_id", ""),
    ):
        if name:
            return str(name)
    return _owner_id(owner)


def _source_file(owner: Any, table: ValueTable | None = None) -> str:
    """The file a value came from: its measurement's, or for a value a plugin derived
    (ash from a weighing worksheet) the files of the measurements the run read."""
    name = str(getattr(owner, "source_name", "") or "")
    if name or table is None:
        return name
    return table.input_files(owner)


def as_given(cand: dict[str, Any], prop: str) -> tuple[float, str] | None:
    """The value as the lab's file gave it, when the import converted its unit."""
    meta = getattr(cand["owner"], "metadata", None)
    given = meta.get("as_given", {}).get(prop) if isinstance(meta, dict) else None
    if isinstance(given, list | tuple) and len(given) == 2:
        return float(given[0]), str(given[1])
    return None


def measured_json(
    cand: dict[str, Any], prop: str = "", table: ValueTable | None = None
) -> dict[str, Any]:
    owner = cand["owner"]
    value, unit = as_given(cand, prop) or (cand["value"], cand["unit"])
    out = {
        "value": float(f"{value:.10g}"),
        "unit": unit,
        "basis": cand["basis"],
        "method": cand["method"],
        "method_fi": fi(cand["method"]),
        "from": _owner_id(owner),
        "source_file": _source_file(owner, table),
    }
    label = getattr(owner, "label", "")
    if label:
        out["label"] = label
    return out


def _with_unit(x: float, unit: str, ref: float | None = None) -> Text:
    return number(x, ref, unit)


def _warning(cand: dict[str, Any], only: frozenset[str] | None = None) -> Text | None:
    """The candidate value's flags (``workbench.value_flags``) in words, both languages."""
    flags = getattr(cand["quantity"], "flags", None) or []
    if only is not None:
        flags = [f for f in flags if f.get("code") in only]
    if not flags:
        return None
    unit = cand["unit"]
    return pair(flags_text(flags, unit), flags_text(flags, unit, "fi"))


def _basis_words(basis: str) -> Text:
    return basis_name(basis)


def conversions(ce: CritEval, i: int, table: ValueTable) -> list[Text]:
    """Each conversion from the value as measured to the value compared, with its inputs."""
    c, col = ce.crit, ce.col
    out: list[Text] = []
    if ce.estimate is not None and ce.estimate.used[i]:
        return _estimate_steps(ce, i, table)
    if col is None:
        return out
    if col.cand[i] == DERIVED_CAND:
        return [_derivation_step(c.property, float(col.x[i]), i, table)]
    if col.cand[i] < 0 or col.source is None:
        return out
    cand = _candidate(col.source, int(col.cand[i]))
    v, unit = cand["value"], cand["unit"]
    given = as_given(cand, c.property)
    if given is not None:
        out.append(
            msg(
                "conv.imported",
                value=_with_unit(given[0], given[1]),
                result=_with_unit(v, unit),
            )
        )
    target_unit = unit_label(c.unit)
    if unit != target_unit and not math.isnan(col.factor[i] if not math.isnan(col.x[i]) else 0):
        from workbench.units import unit_factor

        f = unit_factor(unit, target_unit)
        if f is not None:
            out.append(
                msg(
                    "conv.unit",
                    value=_with_unit(v, unit),
                    result=_with_unit(v * f, target_unit),
                )
            )
            v *= f
            unit = target_unit
    src_basis = cand["basis"]
    pdef = PROPERTIES.get(c.property)
    if c.property == "moisture" and src_basis == "db" and not math.isnan(col.x[i]):
        out.append(
            msg("conv.moisture_db", u=number(v, unit="%"), m=number(float(col.x[i]), unit="%"))
        )
    elif (
        pdef is not None
        and pdef.mass_fraction
        and src_basis not in (c.basis, "none", "")
        and not math.isnan(col.x[i])
    ):
        out.append(_basis_step(c.property, v, unit, src_basis, c.basis, float(col.x[i]), i, table))
    return out


def _input_text(table: ValueTable, name: str, i: int) -> Text:
    inputs = table.inputs()
    value = float(inputs[name][i])
    k = table.input_source(name, i)
    where = ""
    c = table.input_candidates(name)  # a what-if table's own may be the tried value
    if k >= 0 and c is not None:
        owner = c.owners[k]
        where = _source_file(owner, table) or _owner_id(owner)
    words = {
        "moisture_ar": ("as-received moisture", "saapumistilan kosteus"),
        "moisture_ad": ("analysis-sample moisture", "analyysinäytteen kosteus"),
        "ash_db": ("ash (dry basis)", "tuhka (kuiva-aine)"),
    }[name]
    text = msg("conv.input", what=pair(*words), value=number(value, unit="%"))
    if name == "moisture_ar" and k >= 0 and c is not None and c.attrs["basis"][k] == "db":
        # the lab stated the moisture on dry basis (u): the wet-basis M used is derived
        from workbench.units import unit_factor

        f = unit_factor(c.attrs["unit"][k], "%")
        if f is not None:
            u = float(c.attrs["value"][k]) * f
            text = msg("conv.input_given_db", input=text, u=number(u, unit="%"))
    if where:
        text = msg("conv.input_from", input=text, source=where)
    return text


def _basis_step(
    prop: str, v: float, unit: str, src: str, dst: str, result: float, i: int, table: ValueTable
) -> Text:
    from workbench.basis import needed_inputs

    names = needed_inputs(src, dst)
    inputs = join([_input_text(table, n, i) for n in names], ", ")
    return msg(
        "conv.basis",
        value=_with_unit(v, unit),
        src=_basis_words(src),
        result=_with_unit(result, unit),
        dst=_basis_words(dst),
        inputs=inputs,
    )


_FORMULAS = {
    "dry_matter": ("100 - moisture (wet basis)", "100 - kosteus (märkäpaino)"),
    "volatile_solids": ("100 - ash (dry basis)", "100 - tuhka (kuiva-aine)"),
    "c_n_ratio": ("C / N (both dry basis)", "C / N (molemmat kuiva-aineesta)"),
}


def _derivation_step(prop: str, value: float, i: int, table: ValueTable) -> Text:
    parts = []
    for p in DERIVED[prop][0]:
        col = table.column(p, "ar" if p == "moisture" else "db", "%")
        where = ""
        if col.source is not None and col.cand[i] >= 0:
            owner = col.source.owners[int(col.cand[i])]
            where = _source_file(owner, table) or _owner_id(owner)
        text = msg(
            "conv.estimate_input",
            label=pair(PROPERTIES[p].label_en, PROPERTIES[p].label_fi),
            value=_with_unit(float(col.x[i]), "%"),
            basis=_basis_words(col.basis),
        )
        parts.append(msg("conv.input_from", input=text, source=where) if where else text)
    return msg(
        "conv.derived",
        formula=pair(*_FORMULAS[prop]),
        inputs=join(parts, ", "),
        result=number(value),
    )


def _estimate_steps(ce: CritEval, i: int, table: ValueTable) -> list[Text]:
    pred = static(ce.crit)["predictor"]
    est = ce.estimate
    parts = []
    assumed = False
    for inp, col in zip(est.inputs, est.columns):
        label = pair(PROPERTIES[inp.property].label_en, PROPERTIES[inp.property].label_fi)
        x = float(col.x[i])
        if math.isnan(x):
            assumed = True
            continue
        where = ""
        if col.source is not None and col.cand[i] >= 0:
            owner = col.source.owners[int(col.cand[i])]
            where = _source_file(owner, table) or _owner_id(owner)
        text = msg(
            "conv.estimate_input",
            label=label,
            value=_with_unit(x, unit_label(inp.unit)),
            basis=_basis_words(inp.basis),
        )
        parts.append(msg("conv.input_from", input=text, source=where) if where else text)
    steps = [
        msg(
            "conv.estimate",
            formula=pred.formula,
            inputs=join(parts, ", "),
            result=_with_unit(float(ce.x[i]), unit_label(ce.crit.unit)),
        )
    ]
    if assumed and pred.assumption:
        steps.append(msg("conv.assumption", text=pred.assumption))
    return steps


# -- sentences ------------------------------------------------------------------------------
def value_text(ce: CritEval, i: int) -> Text:
    c = ce.crit
    if ce.attr is not None:
        code = int(ce.attr[i])
        if code < 0:
            return pair("", "")
        return value_word(SAMPLE_ATTRIBUTES[c.property][code])
    x = float(ce.x[i])
    return number(x, c.limit, unit_label(c.unit))


def fail_text(ce: CritEval, i: int) -> Text:
    c, st = ce.crit, static(ce.crit)
    if c.comparator == "in":
        return msg(
            "reason.fail_in", label=st["label"], value=value_text(ce, i), limit=st["limit_text"]
        )
    if c.comparator == "not_in":
        return msg("reason.fail_not_in", label=st["label"], value=value_text(ce, i))
    return msg(
        "reason.fail_limit", label=st["label"], value=value_text(ce, i), limit=st["limit_text"]
    )


def _error_text(ce: CritEval, i: int, table: ValueTable) -> Text | None:
    col = ce.col
    if col is None or col.cand[i] < 0 or col.source is None:
        return None
    err = int(col.err[i])
    cand = _candidate(col.source, int(col.cand[i]))
    if err == BAD_UNIT:
        return msg(
            "err.unit", unit=cand["unit"] or msg("err.no_unit"), target=unit_label(ce.crit.unit)
        )
    if err == NO_BASIS:
        return msg("err.no_basis", basis=basis_name(ce.crit.basis))
    if err == NOT_USABLE:
        value = _with_unit(cand["value"], cand["unit"])
        return msg("err.not_usable", value=value, warning=_warning(cand, NOT_USABLE_FLAGS))
    if err == NEEDS_INPUT:
        from workbench.basis import needed_inputs

        inputs = table.inputs()
        lacking = [
            n for n in needed_inputs(cand["basis"], ce.crit.basis) if math.isnan(inputs[n][i])
        ]
        words = {
            "moisture_ar": ("the as-received moisture", "saapumistilan kosteus"),
            "moisture_ad": ("the analysis-sample moisture", "analyysinäytteen kosteus"),
            "ash_db": ("the ash on dry basis", "tuhka kuiva-aineessa"),
        }
        needs = join_words([pair(*words[n]) for n in lacking], "and")
        return msg(
            "err.convert_needs",
            src=basis_name(cand["basis"]),
            dst=basis_name(ce.crit.basis),
            needs=needs,
        )
    if err != MISSING and err != 0:
        return msg(
            "err.not_convertible", src=basis_name(cand["basis"]), dst=basis_name(ce.crit.basis)
        )
    return None


def missing_text(ce: CritEval, i: int, table: ValueTable) -> Text:
    """What would decide an unknown row: the measurement, or the conversion input."""
    st = static(ce.crit)
    error = _error_text(ce, i, table)
    if error is not None:
        return msg("row.needs_error", what=st["needs"], error=error)
    if ce.estimate is not None and ce.estimate.lacking[i]:
        lacking = [
            pair(PROPERTIES[inp.property].label_en, PROPERTIES[inp.property].label_fi)
            for inp, col in zip(ce.estimate.inputs, ce.estimate.columns)
            if not inp.optional and math.isnan(float(col.x[i]))
        ]
        return msg("row.predict_inputs", what=st["needs"], inputs=join_words(lacking, "and"))
    if ce.crit.applies_to == "product":
        return st["on_product"]
    return st["needs"]


def _predicted(ce: CritEval, i: int) -> bool:
    if ce.estimate is not None and ce.estimate.used[i]:
        return True
    return bool(ce.col is not None and ce.col.predicted[i])


def method_of(ce: CritEval, i: int) -> str:
    if ce.estimate is not None and ce.estimate.used[i]:
        return static(ce.crit)["predictor"].formula
    col = ce.col
    if col is None or col.cand[i] < 0 or col.source is None:
        return ""
    return col.source.methods[int(col.cand[i])]


def borderline_note(ce: CritEval, i: int) -> Text:
    if ce.soft is not None and ce.soft[i]:
        return msg("row.soft_over", value=value_text(ce, i), limit=static(ce.crit)["limit_text"])
    code_ok = _passes_at_value(ce, i)
    key = "row.borderline_pass" if code_ok else "row.borderline_fail"
    unit = unit_label(ce.crit.unit)
    return msg(key, lo=float(ce.col.lo[i]), hi=float(ce.col.hi[i]), unit=f" {unit}" if unit else "")


def _passes_at_value(ce: CritEval, i: int) -> bool:
    from workbench.classify.evaluate import check_limit

    st = static(ce.crit)
    return bool(check_limit(ce.crit.comparator, float(ce.x[i]), st["lo"], st["hi"]))


def row_conditions(ce: CritEval, i: int) -> list[Text]:
    """The conditions a passing (or borderline) hard row adds to the verdict."""
    st = static(ce.crit)
    code = int(ce.code[i])
    out = []
    if code == BORDERLINE:
        out.append(msg("cond.borderline", label=st["label"], note=borderline_note(ce, i)))
    elif code == PASS:
        if ce.col is not None and ce.col.mismatch[i] and not (ce.estimate and ce.estimate.used[i]):
            out.append(
                msg(
                    "cond.method", label=st["label"], methods=st["methods"], method=method_of(ce, i)
                )
            )
        if _predicted(ce, i):
            out.append(msg("cond.predicted", label=st["label"], method=method_of(ce, i)))
    return out


# -- rows -----------------------------------------------------------------------------------
def row(ce: CritEval, i: int, table: ValueTable) -> CriterionRow:
    """The explanation row of criterion ``ce`` for sample ``i``."""
    c = ce.crit
    st = static(c)
    r = CriterionRow(c, st, st["note"])
    code = int(ce.code[i])
    r.result = RESULTS[code]
    notes: list[Any] = []
    if code == NA:
        if c.only_for_types:
            notes.append(st["only_types"])
        if c.only_if:
            notes.append(msg("row.not_applicable"))
        r.note = join([n for n in notes if n] + ([st["note"]] if st["note"] else []))
        return r
    if ce.attr is not None:
        a = int(ce.attr[i])
        if a >= 0:
            r.value = SAMPLE_ATTRIBUTES[c.property][a]
            r.origin = "typed"
            r.source_id = msg("row.from_sample")
        else:
            raw = table.raw_attributes.get(c.property, [""])[i]
            r.missing = st["attribute_missing"]
            if raw:
                notes.append(msg("row.attribute_unknown", value=raw))
        if ce.points is not None and not math.isnan(ce.points[i]):
            r.points = float(ce.points[i])
        r.note = join([*notes, st["note"]] if st["note"] else notes)
        return r
    x = float(ce.x[i]) if ce.x is not None else math.nan
    col = ce.col
    if not math.isnan(x):
        r.value = x
        if ce.estimate is not None and ce.estimate.used[i]:
            r.origin = "predicted"
            r.add_flag("predicted")
            r.source_id = join(
                [
                    _owner_name(col_.source.owners[int(col_.cand[i])], table)
                    for col_ in ce.estimate.columns
                    if col_.source is not None and col_.cand[i] >= 0
                ],
                " + ",
            )
            r.method = st["predictor"].formula
            if st["predictor"].assumption and any(
                math.isnan(float(col_.x[i])) for col_ in ce.estimate.columns
            ):
                r.add_flag("assumed")
        elif col is not None and col.cand[i] == DERIVED_CAND:
            r.origin = "derived"
            r.source_id = join(
                [_derived_source(table, p, i) for p in DERIVED[c.property][0]], " / "
            )
        elif col is not None and col.cand[i] >= 0:
            cand = _candidate(col.source, int(col.cand[i]))
            r.origin = cand["origin"]
            r.source_id = _owner_id(cand["owner"])
            r.method = cand["method"]
            r.measured = measured_json(cand, c.property, table)
            if cand["origin"] == "predicted":
                r.add_flag("predicted")
            warning = _warning(cand)
            if warning is not None:  # e.g. outside the model's calibration range
                r.add_flag("warning")
                notes.append(msg("row.value_warning", warning=warning))
            if col.mismatch[i]:
                r.add_flag("method mismatch")
                notes.append(
                    msg("row.method_mismatch", method=cand["method"], methods=st["methods"])
                )
            elif c.methods and col.no_method[i]:
                notes.append(st["no_method"])
        r.conversions = conversions(ce, i, table)
        if not math.isnan(col.lo[i]) and not (ce.estimate is not None and ce.estimate.used[i]):
            r.spread = (float(col.lo[i]), float(col.hi[i]))
        if ce.margin is not None and not math.isnan(ce.margin[i]):
            r.margin = float(ce.margin[i])
        if ce.points is not None and not math.isnan(ce.points[i]):
            r.points = float(ce.points[i])
        if code == BORDERLINE:
            notes.append(borderline_note(ce, i))
        if c.comparator == "classify":
            k = int(ce.cls[i])
            notes.insert(0, st["class_notes"][k] if k >= 0 else msg("row.no_class"))
        if c.comparator == "preferred_range" and r.points is not None and 0 < r.points < 1:
            notes.append(msg("row.acceptable"))
    else:
        r.missing = missing_text(ce, i, table)
        error = _error_text(ce, i, table)
        if error is not None:
            notes.append(msg("row.error", label=st["label"], error=error))
            if col is not None and col.cand[i] >= 0:
                r.measured = measured_json(
                    _candidate(col.source, int(col.cand[i])), c.property, table
                )
    r.note = join([n for n in (*notes, st["note"]) if n])
    return r


def _derived_source(table: ValueTable, prop: str, i: int) -> str:
    col = table.column(prop, "ar" if prop == "moisture" else "db", "%")
    k = int(col.cand[i])
    return _owner_name(col.source.owners[k], table) if k >= 0 and col.source is not None else ""
