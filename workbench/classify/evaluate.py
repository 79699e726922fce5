"""Evaluating one criterion of a route for every sample of a ``ValueTable`` at once.

The value is the table's column for the criterion's property, basis, unit and accepted
methods (see ``table.py`` for precedence and conversions) or, for a product criterion
without a value measured on the product, its predictor's estimate (``predictors.py``).
A value that cannot be converted is "unknown" with the reason, never compared raw.

Equality at a limit: "<=" and ">=" pass exactly at the limit, "<" and ">" fail there.
Each comparator is written in the route file as the standard writes it (ISO 17225-2 and
ENplus write "≤ 0,7", so 0.70 % ash meets it). Values within 1e-9 (relative) of a limit
count as equal to it, so a basis or unit conversion's rounding does not flip a result.

Borderline: the interval value ± max(sd, stated uncertainty), widened to the replicate
range when replicates are stored, is tested at both ends; when the ends disagree with
each other or with the value, the result is "borderline".

Margin: signed distance from the limit in the criterion's unit, positive on the passing
side (for "between" and preferred ranges, the distance to the nearer bound).

Applicability: ``only_for_types`` makes a criterion "n/a" for other feedstock types and
for a sample whose type is not stated; ``only_if`` makes it "n/a" when a stated attribute
is not one of the listed values (an attribute not stated keeps the criterion: the
question has to be answered).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from operator import attrgetter

import numpy as np

from workbench.classify.predictors import PREDICTORS, predictor_inputs
from workbench.classify.spec import NUMERIC_COMPARATORS, SYMBOLS, ClassBand, Criterion
from workbench.classify.table import MISSING, Column, ValueTable
from workbench.classify.texts import Text, join, join_words, msg, pair, value_word
from workbench.vocab import PROPERTIES, SAMPLE_ATTRIBUTES

PASS, FAIL, BORDERLINE, UNKNOWN, INFO, NA = range(6)
RESULTS = ("pass", "fail", "borderline", "unknown", "info", "n/a")

_ATTRIBUTE_LABELS = {
    "feedstock_type": ("Feedstock type", "Raaka-ainetyyppi"),
    "chemical_treatment": (
        "Chemical treatment (untreated / chemically treated)",
        "Kemiallinen käsittely (käsittelemätön / kemiallisesti käsitelty)",
    ),
    "wood_type": ("Wood type (softwood / hardwood)", "Puulaji (havupuu / lehtipuu)"),
    "attached_soil": (
        "Soil or stones attached (none / present)",
        "Tarttunut maa-aines tai kivet (ei / on)",
    ),
}


def criterion_label(c: Criterion) -> str:
    if c.label_en:
        return c.label_en
    if c.property in PROPERTIES:
        return PROPERTIES[c.property].label_en
    return _ATTRIBUTE_LABELS.get(c.property, (c.property,))[0]


def criterion_label_fi(c: Criterion) -> str:
    if c.label_fi:
        return c.label_fi
    if c.property in PROPERTIES:
        return PROPERTIES[c.property].label_fi
    return _ATTRIBUTE_LABELS.get(c.property, (c.property, c.property))[1]


def _unit_suffix(unit: str) -> str:
    return f" {unit}" if unit else ""


def _range_text(r: tuple[float, float], unit: str) -> Text:
    lo, hi = r
    u = _unit_suffix(unit)
    if math.isinf(hi):
        return msg("limit.compare", comp="≥", limit=lo, unit=u)
    if math.isinf(lo):
        return msg("limit.compare", comp="≤", limit=hi, unit=u)
    return msg("limit.between", lo=lo, hi=hi, unit=u)


def _band_text(b: ClassBand, unit: str) -> Text:
    u = _unit_suffix(unit)
    if b.comparator == "between":
        return msg("limit.between", lo=b.lo, hi=b.hi, unit=u)
    return msg("limit.compare", comp=SYMBOLS[b.comparator], limit=b.lo, unit=u)


def class_name(c: Criterion, i: int) -> Text:
    """The name of class ``i`` of a ``classify`` criterion, with its Finnish name if given."""
    name = c.classes[i].name
    return pair(name, c.class_names_fi[i] if c.class_names_fi else name)


def limit_text(c: Criterion) -> Text:
    """The limit as the standard writes it, with its unit, in both languages ("≤ 0.7 %")."""
    comp, u = c.comparator, _unit_suffix(c.unit)
    if comp in NUMERIC_COMPARATORS:
        return msg("limit.compare", comp=SYMBOLS[comp], limit=c.limit, unit=u)
    if comp == "between":
        return msg("limit.between", lo=c.limits[0], hi=c.limits[1], unit=u)
    if comp in ("in", "not_in"):
        values = join([value_word(v) for v in c.values], ", ")
        return msg("limit.in" if comp == "in" else "limit.not_in", values=values)
    if comp == "preferred_range":
        if c.acceptable:
            return msg(
                "limit.preferred_acceptable",
                pref=_range_text(c.preferred, c.unit),
                acc=_range_text(c.acceptable, c.unit),
            )
        return msg("limit.preferred", pref=_range_text(c.preferred, c.unit))
    if comp == "classify":
        return join(
            [
                msg("limit.band", name=class_name(c, i), band=_band_text(b, c.unit))
                for i, b in enumerate(c.classes)
            ]
        )
    return msg("limit.report")


def static(c: Criterion) -> dict:
    """Per-criterion texts computed once (the route is 'compiled' on first use)."""
    st = c.cache
    if st:
        return st
    from workbench.classify.texts import basis_name

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
    if c.only_if:
        answers = join_words(
            [
                msg("row.or_state", label=pair(*_ATTRIBUTE_LABELS[a]), value=_other_values(a, v))
                for a, v in c.only_if
            ],
            "or",
        )
        what = msg("row.needs_or", what=what, alt=answers)
    st["needs"] = what
    st["verify"] = msg("cond.verify", what=what)
    st["on_product"] = msg("row.on_product", what=what)
    if c.only_for_types:
        types = join([value_word(t) for t in c.only_for_types], ", ")
        st["only_types"] = msg("row.only_types", types=types)
    if c.property in _ATTRIBUTE_LABELS:
        st["attribute_missing"] = msg(
            "row.attribute_missing", label=pair(*_ATTRIBUTE_LABELS[c.property])
        )
        st["needs"] = st["attribute_missing"]
        st["verify"] = msg("cond.verify", what=st["needs"])
    lo = hi = math.nan
    if c.comparator in NUMERIC_COMPARATORS:
        lo = hi = c.limit
    elif c.comparator == "between":
        lo, hi = c.limits
    st["lo"], st["hi"] = lo, hi
    st["note"] = (
        pair(c.note_en, c.note_fi)
        if c.note_en
        else (pair(c.explanation, c.explanation_fi) if c.gap else "")
    )
    st["no_method"] = msg("row.no_method", methods=st["methods"])
    st["class_notes"] = [msg("row.class", name=class_name(c, i)) for i in range(len(c.classes))]
    if c.comparator in ("in", "not_in"):
        allowed = SAMPLE_ATTRIBUTES[c.property]
        st["value_codes"] = np.array([allowed.index(v) for v in c.values], dtype=np.int16)
    st["predictor"] = PREDICTORS.get(c.predictor) if c.applies_to == "product" else None
    return st


def _other_values(attr: str, values: tuple[str, ...]) -> Text:
    """The answer that makes a criterion not apply ("no soil attached")."""
    others = [v for v in SAMPLE_ATTRIBUTES[attr] if v not in values]
    return join_words([value_word(v) for v in others], "or")


def _tolerance(limit: float) -> float:
    """How close to a limit a value counts as exactly at it: 1e-9 relative, the noise a
    unit or basis conversion leaves (3 g/kg is 0.30000000000000004 %)."""
    return 1e-9 * max(1.0, abs(limit))


def check_limit(comp: str, x, lo: float, hi: float):
    """The comparison itself (numbers or arrays), with a 1e-9 relative tolerance at the limit."""
    tol = _tolerance(lo)
    if comp == "<=":
        return x <= lo + tol
    if comp == "<":
        return x < lo - tol
    if comp == ">=":
        return x >= lo - tol
    if comp == ">":
        return x > lo + tol
    if comp == "between":
        return (lo - tol <= x) & (x <= hi + _tolerance(hi))
    raise ValueError(f"not a numeric comparator: {comp}")


def margin(comp: str, x, lo: float, hi: float):
    """Signed distance to the limit in the limit's unit, positive on the passing side;
    exactly 0 within the tolerance of ``check_limit`` (a value the comparison treats as at
    the limit never shows a margin of -5.6e-17)."""
    if comp in ("<=", "<"):
        m, tol = lo - x, _tolerance(lo)
    elif comp in (">=", ">"):
        m, tol = x - lo, _tolerance(lo)
    else:
        m, tol = np.minimum(x - lo, hi - x), max(_tolerance(lo), _tolerance(hi))
    return np.where(np.abs(m) <= tol, 0.0, m)


def pref_points(x: np.ndarray, pref: tuple[float, float], acc: tuple[float, float] | None):
    """1 inside the preferred range, a linear ramp to 0 at the edge of the acceptable one."""
    p_lo, p_hi = pref
    inside = (x >= p_lo) & (x <= p_hi)
    if acc is None:
        return np.where(np.isnan(x), np.nan, np.where(inside, 1.0, 0.0))
    a_lo, a_hi = acc
    with np.errstate(divide="ignore", invalid="ignore"):
        below = (x - a_lo) / (p_lo - a_lo) if p_lo > a_lo else np.zeros_like(x)
        above = (a_hi - x) / (a_hi - p_hi) if a_hi > p_hi else np.zeros_like(x)
    below = np.clip(np.nan_to_num(below, nan=0.0), 0.0, 1.0)
    above = np.clip(np.nan_to_num(above, nan=0.0), 0.0, 1.0)
    out = np.where(inside, 1.0, np.where(x < p_lo, below, above))
    return np.where(np.isnan(x), np.nan, out)


def pref_margin(x: np.ndarray, pref: tuple[float, float]) -> np.ndarray:
    lo, hi = pref
    if math.isinf(lo) and math.isinf(hi):
        return np.full_like(x, np.nan)
    if math.isinf(lo):
        return hi - x
    if math.isinf(hi):
        return x - lo
    return np.minimum(x - lo, hi - x)


class LazyMargins:
    """The margins of every sample, computed when the first one is read: only an
    explained cell shows a margin, and the bulk verdicts never need one."""

    __slots__ = ("args", "func", "known", "values")

    def __init__(self, func, *args, known: np.ndarray) -> None:
        self.func, self.args, self.known = func, args, known
        self.values: np.ndarray | None = None

    def __getitem__(self, i):
        if self.values is None:
            with np.errstate(invalid="ignore"):
                self.values = np.where(self.known, self.func(*self.args), np.nan)
        return self.values[i]


@dataclass
class Estimate:
    """A product value estimated by a predictor (where no product value was measured)."""

    inputs: tuple  # PredictorInput
    columns: list[Column]
    used: np.ndarray  # bool: the estimate is the row's value
    lacking: np.ndarray  # bool: a required input is missing


@dataclass
class CritEval:
    """One criterion evaluated for every sample of a table (arrays of length n)."""

    crit: Criterion
    code: np.ndarray  # int8: PASS, FAIL, BORDERLINE, UNKNOWN, INFO, NA
    x: np.ndarray | None  # the value on the criterion's basis and unit (NaN: none)
    margin: LazyMargins | None  # ``margin[i]``: sample i's (NaN: no value)
    points: np.ndarray | None  # 0..1 for scored criteria with a value (NaN: none)
    cls: np.ndarray | None  # class index of a "classify" criterion (-1: none)
    col: Column | None  # the column the value came from
    estimate: Estimate | None
    soft: np.ndarray | None  # an estimate over the limit that only warns (volatile elements)
    attr: np.ndarray | None  # attribute criteria: the category code (-1: not stated)


# the fields that decide a criterion's evaluation (not its wording or source): routes
# that share a limit (the ENplus classes' metals) are evaluated once per table
_SIGNATURE = attrgetter(
    "property",
    "basis",
    "unit",
    "comparator",
    "kind",
    "limit",
    "limits",
    "values",
    "preferred",
    "acceptable",
    "classes",
    "applies_to",
    "predictor",
    "methods",
    "if_missing",
    "only_for_types",
    "only_if",
)


def evaluate(c: Criterion, table: ValueTable) -> CritEval:
    """Evaluate criterion ``c`` for every sample of ``table`` (an identical criterion of
    another route reuses the arrays, with its own wording)."""
    try:
        key = _SIGNATURE(c)
        hash(key)
    except TypeError:
        return _evaluate(c, table)
    done = table.evaluations.get(key)
    if done is None:
        done = table.evaluations[key] = _evaluate(c, table)
    return done if done.crit is c else replace(done, crit=c)


def _evaluate(c: Criterion, table: ValueTable) -> CritEval:
    st = static(c)
    n = table.n
    if c.property in _ATTRIBUTE_LABELS:
        ev = _evaluate_attribute(c, st, table)
    else:
        ev = _evaluate_number(c, st, table)
    applies = None
    if c.only_for_types:
        codes = table.attribute_codes("feedstock_type")
        allowed = SAMPLE_ATTRIBUTES["feedstock_type"]
        applies = np.isin(codes, [allowed.index(t) for t in c.only_for_types])
    for attr, values in c.only_if:
        codes = table.attribute_codes(attr)
        allowed = SAMPLE_ATTRIBUTES[attr]
        ok = (codes < 0) | np.isin(codes, [allowed.index(v) for v in values])
        applies = ok if applies is None else applies & ok
    if applies is not None and not applies.all():
        ev.code = np.where(applies, ev.code, NA).astype(np.int8)
        if ev.points is not None:
            ev.points = np.where(applies, ev.points, np.nan)
    assert len(ev.code) == n
    return ev


def _evaluate_attribute(c: Criterion, st: dict, table: ValueTable) -> CritEval:
    codes = table.attribute_codes(c.property)
    known = codes >= 0
    if c.comparator == "report":
        code = np.full(table.n, INFO, dtype=np.int8)
        return CritEval(c, code, None, None, None, None, None, None, None, codes)
    ok = np.isin(codes, st["value_codes"]) == (c.comparator == "in")
    code = np.where(known, np.where(ok, PASS, FAIL), UNKNOWN).astype(np.int8)
    points = np.where(known, ok.astype(float), np.nan) if c.kind == "scored" else None
    return CritEval(c, code, None, None, points, None, None, None, None, codes)


def _predict(
    c: Criterion, st: dict, table: ValueTable, col: Column
) -> tuple[Estimate, np.ndarray] | None:
    pred = st["predictor"]
    if pred is None or pred.func is None:
        return None
    inputs = predictor_inputs(pred, c.property)
    cols = [table.column(i.property, i.basis, i.unit) for i in inputs]
    lacking = np.zeros(table.n, dtype=bool)
    for inp, ic in zip(inputs, cols):
        if not inp.optional:
            lacking |= np.isnan(ic.x)
    value = pred.func(tuple(ic.x for ic in cols))
    want = col.err == MISSING
    used = want & ~lacking & ~np.isnan(value)
    return Estimate(inputs, cols, used, want & lacking), value


def _evaluate_number(c: Criterion, st: dict, table: ValueTable) -> CritEval:
    col = table.column(c.property, c.basis, c.unit, c.methods)
    x = col.x
    estimate = None
    if c.applies_to == "product":
        got = _predict(c, st, table, col)
        if got is not None:
            estimate, value = got
            if estimate.used.any():
                x = np.where(estimate.used, value, x)
    n = table.n
    comp = c.comparator
    numeric = comp in NUMERIC_COMPARATORS or comp == "between"
    if numeric and col.empty and estimate is None:  # no value: every sample unknown
        known = np.zeros(n, dtype=bool)
        code = np.full(n, UNKNOWN, dtype=np.int8)
        mar = LazyMargins(margin, comp, x, st["lo"], st["hi"], known=known)
        points = np.full(n, np.nan) if c.kind == "scored" else None
        return CritEval(c, code, x, mar, points, None, col, None, None, None)
    known = ~np.isnan(x)
    points = cls = mar = soft = None
    if numeric:
        lo, hi = st["lo"], st["hi"]
        with np.errstate(invalid="ignore"):
            ok = check_limit(comp, x, lo, hi)
            code = np.where(known, np.where(ok, PASS, FAIL), UNKNOWN).astype(np.int8)
            mar = LazyMargins(margin, comp, x, lo, hi, known=known)
            spread = ~np.isnan(col.lo) & known
            if estimate is not None:
                spread &= ~estimate.used
            if spread.any():
                t_lo = check_limit(comp, col.lo, lo, hi)
                t_hi = check_limit(comp, col.hi, lo, hi)
                border = spread & ((t_lo != ok) | (t_hi != ok))
                code[border] = BORDERLINE
        if estimate is not None and st["predictor"].fail_is_soft:
            soft = estimate.used & (code == FAIL)
            code[soft] = BORDERLINE
        if c.kind == "scored":
            points = np.where(known, ok.astype(float), np.nan)
    elif comp == "preferred_range":
        p = pref_points(x, c.preferred, c.acceptable)
        code = np.where(known, np.where(p > 0.0, PASS, FAIL), UNKNOWN).astype(np.int8)
        mar = LazyMargins(pref_margin, x, c.preferred, known=known)
        points = p if c.kind == "scored" else None
    elif comp == "classify":
        cls = np.full(n, -1, dtype=np.int16)
        for i, band in reversed(list(enumerate(c.classes))):
            with np.errstate(invalid="ignore"):
                hit = check_limit(band.comparator, x, band.lo, band.hi) & known
            cls[hit] = i
        code = np.where(known, np.where(cls >= 0, PASS, FAIL), UNKNOWN).astype(np.int8)
    else:  # report
        code = np.full(n, INFO, dtype=np.int8)
    return CritEval(c, code, x, mar, points, cls, col, estimate, soft, None)
