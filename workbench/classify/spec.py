"""Route specifications: the data model and a strict validator for ``resources/routes/*.toml``.

A route file describes one product route (biochar, ENplus A1 pellets, biogas, ...) as
data: a header (id, version, names and descriptions in English and Finnish) and a list
of criteria. Each criterion names a property of the shared vocabulary
(``workbench.vocab.PROPERTIES``) or a categorical sample attribute
(``workbench.vocab.SAMPLE_ATTRIBUTES``), the basis and unit of its limit, a comparator
with its limit(s), whether it is a hard limit, a scored preference or informative only,
and the source of the number with the reliability grade from
``reference/route-requirements.md``. Where the reference has no number (a GAP) the
criterion is informative, carries ``gap = true`` and explains what is missing.

The validator (``validate.py``) rejects a malformed file with a ``SpecificationError`` whose message
names the file, the criterion and what is wrong, so a user editing a route file in
their user folder sees exactly what to fix. Unknown keys are errors (a typo such as
``limt`` must not silently drop a limit).
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import SpecificationError
from workbench.fileio import FileKindError, FileTooLargeError, read_regular
from workbench.vocab import SAMPLE_ATTRIBUTES

SCHEMA_VERSION = 1
KINDS = ("hard", "scored", "informative")
NUMERIC_COMPARATORS = ("<=", "<", ">=", ">")
COMPARATORS = (
    *NUMERIC_COMPARATORS,
    "between",
    "in",
    "not_in",
    "preferred_range",
    "classify",
    "report",
)
APPLIES_TO = ("feedstock", "product")
# comparators as standards print them
SYMBOLS = {"<=": "≤", "<": "<", ">=": "≥", ">": ">"}
IF_MISSING = ("missing", "condition")
SOURCE_TYPES = ("primary", "secondary", "unchecked")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_GRADE_RE = re.compile(r"^[ABC](/[ABC])*$")

ROUTE_KEYS = {
    "schema_version",
    "id",
    "version",
    "name_en",
    "name_fi",
    "description_en",
    "description_fi",
    "group",
    "score_thresholds",
    "criteria",
}
REQUIRED_ROUTE_KEYS = ("id", "version", "name_en", "name_fi", "description_en", "description_fi")
CRITERION_KEYS = {
    "id",
    "property",
    "basis",
    "unit",
    "comparator",
    "limit",
    "limits",
    "values",
    "preferred",
    "acceptable",
    "classes",
    "kind",
    "weight",
    "applies_to",
    "predictor",
    "methods",
    "source",
    "reliability",
    "gap",
    "explanation",
    "explanation_fi",
    "class_names_fi",
    "label_en",
    "label_fi",
    "note_en",
    "note_fi",
    "if_missing",
    "only_for_types",
    "only_if",
    "source_type",
    "maintainer_note",
}
THRESHOLD_KEYS = {"suitable", "conditional", "note"}


@dataclass(frozen=True)
class ClassBand:
    """One class of a ``classify`` criterion: the first band whose test holds names the class."""

    name: str
    comparator: str  # <=, <, >=, >, between
    lo: float
    hi: float  # equal to lo for single-limit comparators


@dataclass
class Criterion:
    """One validated criterion of a route (see the module docstring for the fields)."""

    id: str
    property: str
    basis: str
    unit: str
    comparator: str
    kind: str
    source: str
    reliability: str
    limit: float | None = None
    limits: tuple[float, float] | None = None
    values: tuple[str, ...] = ()
    preferred: tuple[float, float] | None = None
    acceptable: tuple[float, float] | None = None
    classes: tuple[ClassBand, ...] = ()
    weight: float = 1.0
    applies_to: str = "feedstock"
    predictor: str = ""
    methods: tuple[str, ...] = ()
    gap: bool = False
    explanation: str = ""
    explanation_fi: str = ""
    class_names_fi: tuple[str, ...] = ()
    label_en: str = ""
    label_fi: str = ""
    note_en: str = ""
    note_fi: str = ""
    if_missing: str = "missing"
    only_for_types: tuple[str, ...] = ()
    only_if: tuple[tuple[str, tuple[str, ...]], ...] = ()
    source_type: str = "primary"
    maintainer_note: str = ""
    cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_attribute(self) -> bool:
        """True for a categorical criterion on a sample attribute (feedstock type, ...)."""
        return self.property in SAMPLE_ATTRIBUTES

    def limit_json(self) -> Any:
        """The limit in machine-readable form for the verdict JSON."""
        c = self.comparator
        if c in NUMERIC_COMPARATORS:
            return self.limit
        if c == "between":
            return list(self.limits)
        if c in ("in", "not_in"):
            return list(self.values)
        if c == "preferred_range":
            d = {"preferred": _json_range(self.preferred)}
            if self.acceptable:
                d["acceptable"] = _json_range(self.acceptable)
            return d
        if c == "classify":
            return [[b.name, b.comparator, b.lo, b.hi] for b in self.classes]
        return None


def _json_range(r: tuple[float, float]) -> list[float | None]:
    return [None if math.isinf(v) else v for v in r]


@dataclass
class ScoreThresholds:
    """Workbench policy for routes whose verdict rests on the score (not a sourced limit)."""

    suitable: float
    conditional: float
    note: str = ""


@dataclass
class RouteSpec:
    """One validated route file."""

    id: str
    version: str
    name_en: str
    name_fi: str
    description_en: str
    description_fi: str
    criteria: list[Criterion]
    group: str = ""
    score_thresholds: ScoreThresholds | None = None
    path: Path | None = None
    origin: str = "built-in"  # built-in | user
    overrides: str = ""  # file name of the built-in route a user file replaces
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def file_name(self) -> str:
        """The route file's name (no folder: verdicts stay portable)."""
        return self.path.name if self.path else ""

    @property
    def file_label(self) -> str:
        """``routes/biochar.toml`` for built-ins, ``user routes/biochar.toml`` for user files."""
        prefix = "routes" if self.origin == "built-in" else "user routes"
        return f"{prefix}/{self.file_name}" if self.path else "(in memory)"


def validate_route(data: Any, file: str = "<memory>") -> RouteSpec:
    """Validate a parsed route document; raise ``SpecificationError`` naming what is wrong."""
    from workbench.classify.validate import validate_route as _validate

    return _validate(data, file)


MAX_ROUTE_FILE_BYTES = 1024 * 1024
"""Route files are small; a larger one is refused before it is read."""


def load_route_file(path: Path, origin: str = "built-in") -> RouteSpec:
    """Read and validate one route file (TOML)."""
    path = Path(path)
    try:
        data = tomllib.loads(read_regular(path, MAX_ROUTE_FILE_BYTES).decode("utf-8"))
    except FileKindError as exc:
        raise SpecificationError(f"route file {path.name}: is {exc.kind}, not a file") from None
    except FileTooLargeError:
        raise SpecificationError(
            f"route file {path.name}: is larger than {MAX_ROUTE_FILE_BYTES // 1024} KiB"
        ) from None
    except OSError as exc:
        raise SpecificationError(
            f"route file {path.name}: cannot be read ({exc.strerror or exc})"
        ) from None
    except UnicodeDecodeError:
        raise SpecificationError(
            f"route file {path.name}: is not UTF-8 text (TOML route files are UTF-8)"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise SpecificationError(f"route file {path.name}: is not valid TOML ({exc})") from None
    except (ValueError, RecursionError) as exc:  # nesting too deep, a 5000-digit number
        raise SpecificationError(
            f"route file {path.name}: cannot be read as a route ({str(exc)[:120]})"
        ) from None
    spec = validate_route(data, path.name)
    spec.path = path
    spec.origin = origin
    return spec
