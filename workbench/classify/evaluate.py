"""Evaluating one criterion of a route against the values of one sample.

The value is taken from ``SampleValues`` (see ``values.py`` for the precedence), or for
a product criterion from its predictor (``predictors.py``), then converted to the
criterion's basis and unit. The comparison is made on the converted value; a value that
cannot be converted is "unknown" with the reason, never compared raw.

Equality at a limit: "<=" and ">=" pass exactly at the limit, "<" and ">" fail there
(ENplus "< 0.7 %" means 0.70 % fails). Values within 1e-9 (relative) of a limit count as
equal to it, so a basis conversion's rounding does not flip a result.

Borderline: the interval value +- max(sd, stated uncertainty), widened to the replicate
range when replicates are stored, is tested at both ends; when the ends disagree with
each other or with the value, the result is "borderline".

Margin: signed distance from the limit in the criterion's unit, positive on the passing
side (for "between" and preferred ranges, the distance to the nearer bound).
"""

from __future__ import annotations

import math

from workbench.classify.predictors import PREDICTORS
from workbench.classify.spec import NUMERIC_COMPARATORS, Criterion
from workbench.classify.values import Candidate, SampleValues, basis_label, method_accepted
from workbench.classify.verdict import CriterionRow
from workbench.vocab import PROPERTIES

_ATTRIBUTE_LABELS = {
    "feedstock_type": "Feedstock type",
    "chemical_treatment": "Chemical treatment (untreated / chemically treated)",
    "wood_type": "Wood type (softwood / hardwood)",
}


def criterion_label(c: Criterion) -> str:
    if c.label_en:
        return c.label_en
    if c.property in PROPERTIES:
        return PROPERTIES[c.property].label_en
    return _ATTRIBUTE_LABELS.get(c.property, c.property)


def _static(c: Criterion) -> dict:
    """Per-criterion text computed once (the route is 'compiled' on first use)."""
    st = c.cache
    if not st:
        st["label"] = criterion_label(c)
        pdef_fi = PROPERTIES.get(c.property)
        st["label_fi"] = c.label_fi or (pdef_fi.label_fi if pdef_fi else st["label"])
        st["limit"] = c.limit_json()
        st["limit_text"] = c.limit_text()
        pdef = PROPERTIES.get(c.property)
        basis = basis_label(c.basis) if pdef is not None and pdef.mass_fraction else ""
        what = st["label"] + (f" ({basis})" if basis else "")
        if c.methods:
            what += f" by {' or '.join(c.methods)}"
        st["needs"] = what
        st["verify"] = f"to be verified: {what}"
        lo = hi = math.nan
        if c.comparator in NUMERIC_COMPARATORS:
            lo = hi = c.limit
        elif c.comparator == "between":
            lo, hi = c.limits
        st["lo"], st["hi"] = lo, hi
        if c.comparator in NUMERIC_COMPARATORS or c.comparator == "between":
            st["test"] = _compile_test(c.comparator, lo, hi)
        st["note"] = c.note_en or (c.explanation if c.gap else "")
        st["no_method"] = f"method not stated (the limit expects {' or '.join(c.methods)})"
        st["plain"] = (
            c.applies_to == "feedstock"
            and not c.only_for_types
            and c.property not in _ATTRIBUTE_LABELS
        )
    return st


def _compile_test(comp: str, lo: float, hi: float):
    """``check_limit`` for one fixed comparator and limit, as a one-argument function."""
    tol_lo = 1e-9 * max(1.0, abs(lo))
    if comp == "<=":
        edge = lo + tol_lo
        return lambda x: x <= edge
    if comp == "<":
        edge = lo - tol_lo
        return lambda x: x < edge
    if comp == ">=":
        edge = lo - tol_lo
        return lambda x: x >= edge
    if comp == ">":
        edge = lo + tol_lo
        return lambda x: x > edge
    low, high = lo - tol_lo, hi + 1e-9 * max(1.0, abs(hi))
    return lambda x: low <= x <= high


def check_limit(comp: str, x: float, lo: float, hi: float) -> bool:
    """The comparison itself, with a 1e-9 relative tolerance at the limit."""
    tol = 1e-9 * max(1.0, abs(lo))
    if comp == "<=":
        return x <= lo + tol
    if comp == "<":
        return x < lo - tol
    if comp == ">=":
        return x >= lo - tol
    if comp == ">":
        return x > lo + tol
    if comp == "between":
        return lo - tol <= x <= hi + 1e-9 * max(1.0, abs(hi))
    raise ValueError(f"not a numeric comparator: {comp}")


def _margin(comp: str, x: float, lo: float, hi: float) -> float:
    if comp in ("<=", "<"):
        return lo - x
    if comp in (">=", ">"):
        return x - lo
    return min(x - lo, hi - x)


def _pref_points(x: float, pref: tuple[float, float], acc: tuple[float, float] | None) -> float:
    p_lo, p_hi = pref
    if p_lo <= x <= p_hi:
        return 1.0
    if acc is None:
        return 0.0
    a_lo, a_hi = acc
    if x < p_lo:
        return max(0.0, (x - a_lo) / (p_lo - a_lo)) if p_lo > a_lo else 0.0
    return max(0.0, (a_hi - x) / (a_hi - p_hi)) if a_hi > p_hi else 0.0


def _pref_margin(x: float, pref: tuple[float, float]) -> float:
    m = min(x - pref[0], pref[1] - x)
    return m if math.isfinite(m) else (x - pref[0] if math.isfinite(pref[0]) else pref[1] - x)


def _predict(c: Criterion, sv: SampleValues, row: CriterionRow) -> tuple[Candidate | None, float]:
    """The product value: measured on the product if present, else the predictor's estimate."""
    pred = PREDICTORS[c.predictor]
    if c.property in sv.candidates:
        cand = sv.best(c.property, c.methods)
        return cand, sv.factor(c.property, cand, c.basis, c.unit)
    if pred.func is None:
        row.missing = f"{_static(c)['needs']}, measured on the product (to be tested)"
        return None, 1.0
    args, ids, lacking = [], [], []
    for inp in pred.inputs:
        if inp.property not in sv.candidates:
            lacking.append(PROPERTIES[inp.property].label_en)
            continue
        cand = sv.best(inp.property)
        args.append(cand.value * sv.factor(inp.property, cand, inp.basis, inp.unit))
        ids.append(cand.source_id)
    if lacking:
        row.missing = f"{_static(c)['needs']} (test the product, or measure {' and '.join(lacking)} to estimate it)"
        return None, 1.0
    value = pred.func(tuple(args))
    est = Candidate(value, c.unit, c.basis, "predicted", " + ".join(ids), method=pred.formula)
    return est, 1.0


def evaluate(c: Criterion, sv: SampleValues) -> CriterionRow:
    """Evaluate criterion ``c`` for the sample values ``sv``."""
    st = c.cache or _static(c)
    row = CriterionRow(c, st, st["note"])
    if st["plain"] and c.property not in sv.candidates:
        # fast path: a feedstock number the sample does not have
        if c.comparator == "report":
            row.result = "info"
        else:
            row.missing = st["needs"]
        return row
    if c.only_for_types:
        ftype = sv.attributes.get("feedstock_type")
        if ftype not in c.only_for_types:
            row.result = "n/a"
            row.note = f"applies only to feedstock type {', '.join(c.only_for_types)}"
            return row
    if c.property in _ATTRIBUTE_LABELS:
        return _evaluate_attribute(c, sv, row)
    try:
        if c.applies_to == "product":
            cand, factor = _predict(c, sv, row)
        elif c.property in sv.candidates:
            cand = sv.best(c.property, c.methods)
            factor = sv.factor(c.property, cand, c.basis, c.unit)
        else:
            cand, factor = None, 1.0
            row.missing = st["needs"]
    except ValueError as exc:
        row.result = "unknown"
        row.note = f"{st['label']}: {exc}"
        row.missing = f"{st['needs']} ({exc})"
        return row
    if cand is None:
        row.result = "info" if c.comparator == "report" else "unknown"
        return row
    x = cand.value * factor
    row.value = x
    row.origin = cand.origin
    row.source_id = cand.source_id
    row.method = cand.method
    row.missing = ""
    if cand.origin == "predicted":
        row.add_flag("predicted")
    if c.methods and cand.origin != "what-if":
        if not cand.method:
            row.note = _join(row.note, st["no_method"])
        elif not method_accepted(cand.method, c.methods):
            row.add_flag("method mismatch")
            row.note = _join(
                row.note,
                f"method mismatch: value by {cand.method}, the limit expects {' or '.join(c.methods)}",
            )
    sd, unc = cand.sd, cand.uncertainty
    if sd or unc or cand.rep_lo is not None:
        u = max(sd or 0.0, unc or 0.0) * abs(factor)
        lo_s, hi_s = x - u, x + u
        if cand.rep_lo is not None:
            r1, r2 = sorted((cand.rep_lo * factor, cand.rep_hi * factor))
            lo_s, hi_s = min(lo_s, r1), max(hi_s, r2)
        if hi_s > lo_s:
            row.spread = (lo_s, hi_s)
    _compare(c, st, row, x)
    return row


def _compare(c: Criterion, st: dict, row: CriterionRow, x: float) -> None:
    comp = c.comparator
    if comp in NUMERIC_COMPARATORS or comp == "between":
        lo, hi, test = st["lo"], st["hi"], st["test"]
        ok = test(x)
        row.margin = _margin(comp, x, lo, hi)
        row.result = "pass" if ok else "fail"
        if row.spread is not None:
            s_lo, s_hi = row.spread
            if test(s_lo) != ok or test(s_hi) != ok:
                row.result = "borderline"
                side = "passes" if ok else "fails"
                row.note = _join(
                    row.note,
                    f"the mean {side}, but the spread {s_lo:.4g} to {s_hi:.4g} crosses the limit",
                )
        if c.kind == "scored":
            row.points = 1.0 if ok else 0.0
    elif comp == "preferred_range":
        row.points = _pref_points(x, c.preferred, c.acceptable)
        row.margin = _pref_margin(x, c.preferred)
        if row.points >= 1.0:
            row.result = "pass"
        elif row.points > 0.0:
            row.result = "pass"
            row.note = _join(row.note, "acceptable, outside the preferred range")
        else:
            row.result = "fail"
        if c.kind != "scored":
            row.points = None
    elif comp == "classify":
        for band in c.classes:
            if check_limit(band.comparator, x, band.lo, band.hi):
                row.result = "pass"
                row.note = _join(f"class {band.name}", row.note)
                break
        else:
            row.result = "fail"
            row.note = _join("outside all classes", row.note)
    else:  # report
        row.result = "info"


def _evaluate_attribute(c: Criterion, sv: SampleValues, row: CriterionRow) -> CriterionRow:
    value = sv.attributes.get(c.property)
    if value is None:
        row.result = "info" if c.comparator == "report" else "unknown"
        row.missing = _ATTRIBUTE_LABELS[c.property] + " of the sample"
        return row
    row.value = value
    row.origin = "typed"
    row.source_id = "sample"
    if c.comparator == "report":
        row.result = "info"
        return row
    ok = (value in c.values) == (c.comparator == "in")
    row.result = "pass" if ok else "fail"
    if c.kind == "scored":
        row.points = 1.0 if ok else 0.0
    return row


def _join(a: str, b: str) -> str:
    return f"{a}; {b}" if a and b else (a or b)
