"""Validation of route specification documents (see ``spec.py`` for the format).

Every check raises a ``SpecificationError`` whose message names the file, the criterion
(by id, or by position when the id itself is bad) and what is wrong, in one sentence a
user editing a route file can act on.
"""

from __future__ import annotations

import math
from typing import Any

from workbench.classify.spec import (
    _GRADE_RE,
    _ID_RE,
    APPLIES_TO,
    COMPARATORS,
    CRITERION_KEYS,
    KINDS,
    NUMERIC_COMPARATORS,
    REQUIRED_ROUTE_KEYS,
    ROUTE_KEYS,
    SCHEMA_VERSION,
    SOURCE_TYPES,
    THRESHOLD_KEYS,
    ClassBand,
    Criterion,
    RouteSpec,
    ScoreThresholds,
)
from workbench.classify.units import units_compatible
from workbench.errors import SpecificationError
from workbench.vocab import PROPERTIES, SAMPLE_ATTRIBUTES, Basis


class _Ctx:
    """Builds error messages naming the file and the criterion."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.where = ""

    def fail(self, what: str) -> SpecificationError:
        where = f": {self.where}" if self.where else ""
        return SpecificationError(f"route file {self.file}{where}: {what}")


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _number(ctx: _Ctx, key: str, v: Any, *, allow_inf: bool = False) -> float:
    if not _is_number(v):
        raise ctx.fail(f"'{key}' must be a number, not {type(v).__name__} {v!r}")
    f = float(v)
    if math.isnan(f) or (math.isinf(f) and not allow_inf):
        raise ctx.fail(f"'{key}' must be a finite number, not {v!r}")
    return f


def _string(ctx: _Ctx, key: str, v: Any, *, required: bool = True) -> str:
    if not isinstance(v, str):
        raise ctx.fail(f"'{key}' must be a text string, not {type(v).__name__} {v!r}")
    if required and not v.strip():
        raise ctx.fail(f"'{key}' must not be empty")
    return v


def _pair(ctx: _Ctx, key: str, v: Any, *, allow_inf: bool = False) -> tuple[float, float]:
    if not isinstance(v, list) or len(v) != 2:
        raise ctx.fail(f"'{key}' must be a list of two numbers [low, high], not {v!r}")
    lo = _number(ctx, key, v[0], allow_inf=allow_inf)
    hi = _number(ctx, key, v[1], allow_inf=allow_inf)
    if lo > hi:
        raise ctx.fail(f"'{key}' is inconsistent: low {lo:g} is above high {hi:g}")
    return lo, hi


def _classes(ctx: _Ctx, v: Any) -> tuple[ClassBand, ...]:
    if not isinstance(v, list) or not v:
        raise ctx.fail("'classes' must be a non-empty list of [name, comparator, limit(s)]")
    bands = []
    for item in v:
        if not isinstance(item, list) or len(item) not in (3, 4) or not isinstance(item[0], str):
            raise ctx.fail(
                f"class {item!r} must be [name, comparator, limit] or [name, 'between', low, high]"
            )
        name, comp = item[0], item[1]
        if comp == "between":
            if len(item) != 4:
                raise ctx.fail(f"class {name!r}: 'between' needs two limits")
            lo, hi = _pair(ctx, f"class {name}", item[2:4])
        elif comp in NUMERIC_COMPARATORS:
            if len(item) != 3:
                raise ctx.fail(f"class {name!r}: comparator {comp!r} takes one limit")
            lo = hi = _number(ctx, f"class {name}", item[2])
        else:
            raise ctx.fail(f"class {name!r}: unknown comparator {comp!r}")
        bands.append(ClassBand(name, comp, lo, hi))
    return tuple(bands)


def _validate_criterion(ctx: _Ctx, raw: Any, index: int, seen: set[str]) -> Criterion:
    # Imported here: predictors import this module's Criterion type.
    from workbench.classify.predictors import PREDICTORS, predicts

    ctx.where = f"criterion #{index + 1}"
    if not isinstance(raw, dict):
        raise ctx.fail("each [[criteria]] entry must be a table")
    cid = raw.get("id")
    if not isinstance(cid, str) or not _ID_RE.match(cid):
        raise ctx.fail(f"'id' must be a lower-case identifier (a-z, 0-9, _), not {cid!r}")
    ctx.where = f"criterion '{cid}'"
    if cid in seen:
        raise ctx.fail("duplicate criterion id")
    seen.add(cid)
    unknown = sorted(set(raw) - CRITERION_KEYS)
    if unknown:
        raise ctx.fail(
            f"unknown key(s) {', '.join(unknown)} (allowed: {', '.join(sorted(CRITERION_KEYS))})"
        )
    for key in ("property", "comparator", "kind", "source", "reliability"):
        if key not in raw:
            raise ctx.fail(f"missing required key '{key}'")
    prop = _string(ctx, "property", raw["property"])
    if prop not in PROPERTIES and prop not in SAMPLE_ATTRIBUTES:
        raise ctx.fail(
            f"unknown property {prop!r}: not a property the workbench knows nor a sample "
            "fact ('fibre-workbench properties list' shows the property ids; sample facts: "
            f"{', '.join(SAMPLE_ATTRIBUTES)})"
        )
    comp = _string(ctx, "comparator", raw["comparator"])
    if comp not in COMPARATORS:
        raise ctx.fail(f"bad comparator {comp!r} (allowed: {', '.join(COMPARATORS)})")
    kind = _string(ctx, "kind", raw["kind"])
    if kind not in KINDS:
        raise ctx.fail(f"bad kind {kind!r} (allowed: {', '.join(KINDS)})")
    source = _string(ctx, "source", raw["source"])
    grade = _string(ctx, "reliability", raw["reliability"])
    if not _GRADE_RE.match(grade):
        raise ctx.fail(f"reliability must be a grade A, B or C (or e.g. 'B/C'), not {grade!r}")
    c = Criterion(
        id=cid,
        property=prop,
        basis="",
        unit="",
        comparator=comp,
        kind=kind,
        source=source,
        reliability=grade,
    )
    for key in ("label_en", "label_fi", "note_en", "note_fi", "explanation", "explanation_fi"):
        if key in raw:
            setattr(c, key, _string(ctx, key, raw[key], required=False))
    # basis and unit
    if prop in SAMPLE_ATTRIBUTES:
        if comp not in ("in", "not_in", "report"):
            raise ctx.fail(
                f"the categorical attribute {prop!r} needs comparator 'in' or 'not_in', not {comp!r}"
            )
        c.basis = _string(ctx, "basis", raw.get("basis", Basis.NONE.value))
        c.unit = _string(ctx, "unit", raw.get("unit", ""), required=False)
        if c.basis != Basis.NONE.value or c.unit:
            raise ctx.fail(f"the categorical attribute {prop!r} has no basis or unit")
    else:
        pdef = PROPERTIES[prop]
        if "basis" not in raw or "unit" not in raw:
            raise ctx.fail("missing required key 'basis' or 'unit'")
        c.basis = _string(ctx, "basis", raw["basis"])
        c.unit = _string(ctx, "unit", raw["unit"], required=False)
        try:
            Basis(c.basis)
        except ValueError:
            raise ctx.fail(
                f"unknown basis {c.basis!r} (allowed: {', '.join(b.value for b in Basis)})"
            ) from None
        if pdef.mass_fraction and c.basis == Basis.NONE.value:
            raise ctx.fail(f"{prop!r} is a mass fraction: give its basis (ar, ad, db or daf)")
        if not pdef.mass_fraction and c.basis != pdef.basis.value:
            raise ctx.fail(
                f"{prop!r} is reported on basis {pdef.basis.value!r} only, not {c.basis!r}"
            )
        if not units_compatible(c.unit, pdef.unit):
            raise ctx.fail(
                f"unit {c.unit!r} cannot be converted to the unit of {prop!r} ({pdef.unit!r})"
            )
        if comp in ("in", "not_in"):
            raise ctx.fail(
                f"comparator {comp!r} is for categorical attributes, not the number {prop!r}"
            )
    # limits per comparator
    needs = {"limit": comp in NUMERIC_COMPARATORS, "limits": comp == "between"}
    needs["values"] = comp in ("in", "not_in")
    needs["preferred"] = comp == "preferred_range"
    needs["classes"] = comp == "classify"
    for key, needed in needs.items():
        if needed and key not in raw:
            raise ctx.fail(f"comparator {comp!r} needs '{key}'")
        if not needed and key in raw:
            raise ctx.fail(f"'{key}' does not belong with comparator {comp!r}")
    if "acceptable" in raw and comp != "preferred_range":
        raise ctx.fail(f"'acceptable' does not belong with comparator {comp!r}")
    if comp in NUMERIC_COMPARATORS:
        c.limit = _number(ctx, "limit", raw["limit"])
    elif comp == "between":
        c.limits = _pair(ctx, "limits", raw["limits"])
    elif comp in ("in", "not_in"):
        vals = raw["values"]
        if not isinstance(vals, list) or not vals or not all(isinstance(v, str) for v in vals):
            raise ctx.fail("'values' must be a non-empty list of text values")
        allowed = SAMPLE_ATTRIBUTES[prop]
        bad = [v for v in vals if v not in allowed]
        if bad:
            raise ctx.fail(
                f"value(s) {', '.join(bad)} not allowed for {prop!r} (allowed: {', '.join(allowed)})"
            )
        c.values = tuple(vals)
    elif comp == "preferred_range":
        c.preferred = _pair(ctx, "preferred", raw["preferred"], allow_inf=True)
        if "acceptable" in raw:
            c.acceptable = _pair(ctx, "acceptable", raw["acceptable"], allow_inf=True)
            if not (c.acceptable[0] <= c.preferred[0] and c.preferred[1] <= c.acceptable[1]):
                raise ctx.fail(
                    "limits inconsistent: the 'acceptable' range must contain the 'preferred' range"
                )
    elif comp == "classify":
        c.classes = _classes(ctx, raw["classes"])
        if "class_names_fi" in raw:
            names = raw["class_names_fi"]
            if (
                not isinstance(names, list)
                or len(names) != len(c.classes)
                or not all(isinstance(n, str) and n.strip() for n in names)
            ):
                raise ctx.fail(
                    "'class_names_fi' must be a list of texts, one Finnish name per class"
                )
            c.class_names_fi = tuple(names)
    # kind rules
    if comp in ("classify", "report") and kind != "informative":
        raise ctx.fail(f"comparator {comp!r} only reports a value: kind must be 'informative'")
    if comp == "preferred_range" and kind == "hard":
        raise ctx.fail("a preferred range is a preference: kind must be 'scored' or 'informative'")
    if "weight" in raw:
        c.weight = _number(ctx, "weight", raw["weight"])
        if c.weight < 0:
            raise ctx.fail("'weight' must not be negative")
    if kind == "scored" and c.weight <= 0:
        raise ctx.fail("a scored criterion needs a positive 'weight'")
    # gaps
    if "gap" in raw:
        if not isinstance(raw["gap"], bool):
            raise ctx.fail(f"'gap' must be true or false, not {raw['gap']!r}")
        c.gap = raw["gap"]
    if c.gap:
        if kind != "informative" or comp != "report":
            raise ctx.fail(
                "a GAP criterion has no sourced number: kind 'informative', comparator 'report'"
            )
        if not c.explanation.strip():
            raise ctx.fail("a GAP criterion needs an 'explanation' of what is missing")
    # applies_to and predictor
    c.applies_to = _string(ctx, "applies_to", raw.get("applies_to", "feedstock"))
    if c.applies_to not in APPLIES_TO:
        raise ctx.fail(f"'applies_to' must be one of {', '.join(APPLIES_TO)}, not {c.applies_to!r}")
    if "predictor" in raw:
        c.predictor = _string(ctx, "predictor", raw["predictor"])
    if c.applies_to == "product":
        if not c.predictor:
            raise ctx.fail(
                "a product criterion needs a 'predictor' (how the product value is obtained)"
            )
        if c.predictor not in PREDICTORS:
            raise ctx.fail(
                f"unknown predictor {c.predictor!r} (known: {', '.join(sorted(PREDICTORS))})"
            )
        if not predicts(PREDICTORS[c.predictor], prop):
            raise ctx.fail(f"predictor {c.predictor!r} does not estimate {prop!r}")
    elif c.predictor:
        raise ctx.fail("'predictor' belongs to product criteria only (applies_to = 'product')")
    # the missing-data policy (README): fixed by what the value is a property of
    c.if_missing = "condition" if c.applies_to == "product" else "missing"
    if "if_missing" in raw and raw["if_missing"] != c.if_missing:
        raise ctx.fail(
            f"'if_missing' cannot be {raw['if_missing']!r}: the missing-data policy sets it "
            "(a missing feedstock value gives 'not enough data', a missing product value "
            "'to be tested'; see the route README); remove the key"
        )
    default_type = "secondary" if "C" in grade else "primary"
    c.source_type = _string(ctx, "source_type", raw.get("source_type", default_type))
    if c.source_type not in SOURCE_TYPES:
        raise ctx.fail(
            f"'source_type' must be one of {', '.join(SOURCE_TYPES)}, not {c.source_type!r}"
        )
    c.maintainer_note = _string(
        ctx, "maintainer_note", raw.get("maintainer_note", ""), required=False
    )
    if "only_if" in raw:
        c.only_if = _only_if(ctx, raw["only_if"])
    for key in ("methods", "only_for_types"):
        if key in raw:
            vals = raw[key]
            if not isinstance(vals, list) or not all(
                isinstance(v, str) and v.strip() for v in vals
            ):
                raise ctx.fail(f"'{key}' must be a list of non-empty text values")
            setattr(c, key, tuple(vals))
    bad_types = [t for t in c.only_for_types if t not in SAMPLE_ATTRIBUTES["feedstock_type"]]
    if bad_types:
        raise ctx.fail(f"'only_for_types' has unknown feedstock type(s) {', '.join(bad_types)}")
    return c


def _only_if(ctx: _Ctx, raw: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``only_if = { attached_soil = ["present"] }``: the criterion applies only when each
    attribute is unknown or one of the values."""
    if not isinstance(raw, dict) or not raw:
        raise ctx.fail("'only_if' must be a table {attribute = [values]}")
    out = []
    for attr, vals in raw.items():
        if attr not in SAMPLE_ATTRIBUTES:
            raise ctx.fail(
                f"'only_if' names {attr!r}, not a sample attribute ({', '.join(SAMPLE_ATTRIBUTES)})"
            )
        if not isinstance(vals, list) or not vals or not all(isinstance(v, str) for v in vals):
            raise ctx.fail(f"'only_if.{attr}' must be a non-empty list of values")
        bad = [v for v in vals if v not in SAMPLE_ATTRIBUTES[attr]]
        if bad:
            raise ctx.fail(
                f"'only_if.{attr}' has unknown value(s) {', '.join(bad)} "
                f"(allowed: {', '.join(SAMPLE_ATTRIBUTES[attr])})"
            )
        out.append((attr, tuple(vals)))
    return tuple(out)


def validate_route(data: Any, file: str = "<memory>") -> RouteSpec:
    """Validate a parsed route document; raise ``SpecificationError`` naming what is wrong."""
    ctx = _Ctx(file)
    if not isinstance(data, dict):
        raise ctx.fail("the document must be a TOML table")
    unknown = sorted(set(data) - ROUTE_KEYS)
    if unknown:
        raise ctx.fail(
            f"unknown top-level key(s) {', '.join(unknown)} (allowed: {', '.join(sorted(ROUTE_KEYS))})"
        )
    for key in REQUIRED_ROUTE_KEYS:
        if key not in data:
            raise ctx.fail(f"missing required key '{key}'")
        _string(ctx, key, data[key])
    schema = data.get("schema_version", SCHEMA_VERSION)
    if (
        not isinstance(schema, int)
        or isinstance(schema, bool)
        or schema > SCHEMA_VERSION
        or schema < 1
    ):
        raise ctx.fail(
            f"schema_version {schema!r} is not supported (this application reads 1..{SCHEMA_VERSION})"
        )
    if not _ID_RE.match(data["id"]):
        raise ctx.fail(
            f"route 'id' must be a lower-case identifier (a-z, 0-9, _), not {data['id']!r}"
        )
    group = _string(ctx, "group", data.get("group", ""), required=False)
    thresholds = None
    if "score_thresholds" in data:
        ctx.where = "score_thresholds"
        st = data["score_thresholds"]
        if not isinstance(st, dict):
            raise ctx.fail("must be a table {suitable = .., conditional = .., note = ..}")
        unknown = sorted(set(st) - THRESHOLD_KEYS)
        if unknown:
            raise ctx.fail(f"unknown key(s) {', '.join(unknown)}")
        if "suitable" not in st or "conditional" not in st:
            raise ctx.fail("needs both 'suitable' and 'conditional'")
        s_min = _number(ctx, "suitable", st["suitable"])
        c_min = _number(ctx, "conditional", st["conditional"])
        if not 0 <= c_min <= s_min <= 100:
            raise ctx.fail("limits inconsistent: need 0 <= conditional <= suitable <= 100")
        thresholds = ScoreThresholds(
            s_min, c_min, _string(ctx, "note", st.get("note", ""), required=False)
        )
        ctx.where = ""
    crit_raw = data.get("criteria")
    if not isinstance(crit_raw, list) or not crit_raw:
        raise ctx.fail("needs a non-empty list of [[criteria]]")
    seen: set[str] = set()
    criteria = [_validate_criterion(ctx, raw, i, seen) for i, raw in enumerate(crit_raw)]
    ctx.where = ""
    if thresholds is None and not any(c.kind == "hard" for c in criteria):
        raise ctx.fail("a route without hard criteria needs [score_thresholds] to reach a verdict")
    return RouteSpec(
        id=data["id"],
        version=str(data["version"]),
        name_en=data["name_en"],
        name_fi=data["name_fi"],
        description_en=data["description_en"],
        description_fi=data["description_fi"],
        criteria=criteria,
        group=group,
        score_thresholds=thresholds,
    )
