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
from workbench.classify.spec import NUMERIC_COMPARATORS, ClassBand, Criterion
from workbench.classify.texts import (
    Text,
    basis_name,
    join,
    join_words,
    msg,
    pair,
    value_word,
)
from workbench.classify.values import Candidate, SampleValues, method_accepted
from workbench.classify.verdict import CriterionRow
from workbench.vocab import PROPERTIES

_ATTRIBUTE_LABELS = {
    "feedstock_type": "Feedstock type",
    "chemical_treatment": "Chemical treatment (untreated / chemically treated)",
    "wood_type": "Wood type (softwood / hardwood)",
}
_ATTRIBUTE_LABELS_FI = {
    "feedstock_type": "Raaka-ainetyyppi",
    "chemical_treatment": "Kemiallinen käsittely (käsittelemätön / kemiallisesti käsitelty)",
    "wood_type": "Puulaji (havupuu / lehtipuu)",
}


def criterion_label(c: Criterion) -> str:
    if c.label_en:
        return c.label_en
    if c.property in PROPERTIES:
        return PROPERTIES[c.property].label_en
    return _ATTRIBUTE_LABELS.get(c.property, c.property)


# constant sentences, shared by every row that needs them
_ACCEPTABLE = msg("row.acceptable")
_NO_CLASS = msg("row.no_class")
_FROM_SAMPLE = msg("row.from_sample")


def criterion_label_fi(c: Criterion) -> str:
    if c.label_fi:
        return c.label_fi
    if c.property in PROPERTIES:
        return PROPERTIES[c.property].label_fi
    return _ATTRIBUTE_LABELS_FI.get(c.property, c.property)


def _range_text(r: tuple[float, float]) -> Text:
    lo, hi = r
    if math.isinf(hi):
        return msg("limit.compare", comp=">=", limit=lo)
    if math.isinf(lo):
        return msg("limit.compare", comp="<=", limit=hi)
    return msg("limit.between", lo=lo, hi=hi)


def _band_text(b: ClassBand) -> Text:
    if b.comparator == "between":
        return msg("limit.between", lo=b.lo, hi=b.hi)
    return msg("limit.compare", comp=b.comparator, limit=b.lo)


def class_name(c: Criterion, i: int) -> Text:
    """The name of class ``i`` of a ``classify`` criterion, with its Finnish name if given."""
    name = c.classes[i].name
    return pair(name, c.class_names_fi[i] if c.class_names_fi else name)


def limit_text(c: Criterion) -> Text:
    """The limit as text in both languages (the English one is ``Criterion.limit_text()``)."""
    comp = c.comparator
    if comp in NUMERIC_COMPARATORS:
        return msg("limit.compare", comp=comp, limit=c.limit)
    if comp == "between":
        return msg("limit.between", lo=c.limits[0], hi=c.limits[1])
    if comp in ("in", "not_in"):
        values = join([value_word(v) for v in c.values], ", ")
        return msg("limit.in" if comp == "in" else "limit.not_in", values=values)
    if comp == "preferred_range":
        if c.acceptable:
            return msg(
                "limit.preferred_acceptable",
                pref=_range_text(c.preferred),
                acc=_range_text(c.acceptable),
            )
        return msg("limit.preferred", pref=_range_text(c.preferred))
    if comp == "classify":
        return join(
            [
                msg("limit.band", name=class_name(c, i), band=_band_text(b))
                for i, b in enumerate(c.classes)
            ]
        )
    return msg("limit.report")


def _static(c: Criterion) -> dict:
    """Per-criterion text computed once (the route is 'compiled' on first use)."""
    st = c.cache
    if not st:
        st["label"] = pair(criterion_label(c), criterion_label_fi(c))
        st["label_fi"] = st["label"].fi
        st["limit"] = c.limit_json()
        st["limit_text"] = limit_text(c)
        pdef = PROPERTIES.get(c.property)
        what = st["label"]
        if pdef is not None and pdef.mass_fraction:
            what = msg("row.needs_basis", label=what, basis=basis_name(c.basis))
        st["methods"] = join_words(list(c.methods), "or")
        if c.methods:
            what = msg("row.needs_method", what=what, methods=st["methods"])
        st["needs"] = what
        st["verify"] = msg("cond.verify", what=what)
        # sentences that depend on the criterion only, made once
        st["on_product"] = msg("row.on_product", what=what)
        if c.only_for_types:
            types = join([value_word(t) for t in c.only_for_types], ", ")
            st["only_types"] = msg("row.only_types", types=types)
        if c.property in _ATTRIBUTE_LABELS:
            label = pair(_ATTRIBUTE_LABELS[c.property], _ATTRIBUTE_LABELS_FI[c.property])
            st["attribute_missing"] = msg("row.attribute_missing", label=label)
        lo = hi = math.nan
        if c.comparator in NUMERIC_COMPARATORS:
            lo = hi = c.limit
        elif c.comparator == "between":
            lo, hi = c.limits
        st["lo"], st["hi"] = lo, hi
        if c.comparator in NUMERIC_COMPARATORS or c.comparator == "between":
            st["test"] = _compile_test(c.comparator, lo, hi)
        st["note"] = (
            pair(c.note_en, c.note_fi)
            if c.note_en
            else (pair(c.explanation, c.explanation_fi) if c.gap else "")
        )
        st["no_method"] = msg("row.no_method", methods=st["methods"])
        # the class found, before the criterion's own note (joined once, not per sample)
        st["class_notes"] = [
            _join(msg("row.class", name=class_name(c, i)), st["note"])
            for i in range(len(c.classes))
        ]
        st["no_class_note"] = _join(_NO_CLASS, st["note"])
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
        row.missing = _static(c)["on_product"]
        return None, 1.0
    args, ids, lacking = [], [], []
    for inp in pred.inputs:
        if inp.property not in sv.candidates:
            pdef = PROPERTIES[inp.property]
            lacking.append(pair(pdef.label_en, pdef.label_fi))
            continue
        cand = sv.best(inp.property)
        args.append(cand.value * sv.factor(inp.property, cand, inp.basis, inp.unit))
        ids.append(cand.source_id)
    if lacking:
        row.missing = msg(
            "row.predict_inputs", what=_static(c)["needs"], inputs=join_words(lacking, "and")
        )
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
            row.note = st["only_types"]
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
        error = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
        row.result = "unknown"
        row.note = msg("row.error", label=st["label"], error=error)
        row.missing = msg("row.needs_error", what=st["needs"], error=error)
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
                msg("row.method_mismatch", method=cand.method, methods=st["methods"]),
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
                key = "row.borderline_pass" if ok else "row.borderline_fail"
                row.note = _join(row.note, msg(key, lo=s_lo, hi=s_hi))
        if c.kind == "scored":
            row.points = 1.0 if ok else 0.0
    elif comp == "preferred_range":
        row.points = _pref_points(x, c.preferred, c.acceptable)
        row.margin = _pref_margin(x, c.preferred)
        if row.points >= 1.0:
            row.result = "pass"
        elif row.points > 0.0:
            row.result = "pass"
            row.note = _join(row.note, _ACCEPTABLE)
        else:
            row.result = "fail"
        if c.kind != "scored":
            row.points = None
    elif comp == "classify":
        for i, band in enumerate(c.classes):
            if check_limit(band.comparator, x, band.lo, band.hi):
                row.result = "pass"
                row.note = (
                    st["class_notes"][i]
                    if row.note is st["note"]
                    else _join(msg("row.class", name=class_name(c, i)), row.note)
                )
                break
        else:
            row.result = "fail"
            row.note = st["no_class_note"] if row.note is st["note"] else _join(_NO_CLASS, row.note)
    else:  # report
        row.result = "info"


def _evaluate_attribute(c: Criterion, sv: SampleValues, row: CriterionRow) -> CriterionRow:
    value = sv.attributes.get(c.property)
    if value is None:
        row.result = "info" if c.comparator == "report" else "unknown"
        row.missing = row.static["attribute_missing"]
        return row
    row.value = value
    row.origin = "typed"
    row.source_id = _FROM_SAMPLE
    if c.comparator == "report":
        row.result = "info"
        return row
    ok = (value in c.values) == (c.comparator == "in")
    row.result = "pass" if ok else "fail"
    if c.kind == "scored":
        row.points = 1.0 if ok else 0.0
    return row


def _join(a: str, b: str) -> str:
    return join([a, b]) if a and b else (a or b)
