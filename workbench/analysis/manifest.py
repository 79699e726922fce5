"""Plugin manifests: reading ``plugin.toml`` (or a dict) and validating every field.

A manifest declares a plugin without importing its code. Errors name the manifest
file, the field and what is wrong, e.g. ``plugins/x/plugin.toml: parameters[2].min:
expected a number, got 'low'``. See ``workbench.analysis`` for the field reference.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.analysis.api import API_VERSION
from workbench.errors import UserFacingError
from workbench.fileio import FileKindError, FileTooLargeError, read_regular
from workbench.vocab import Basis

MANIFEST_NAME = "plugin.toml"
PARAM_TYPES = ("float", "int", "bool", "choice", "str", "list")
LIST_ITEM_TYPES = ("float", "int", "str")
SCOPES = ("sample", "project")
_ID_RE = re.compile(r"^[a-z][a-z0-9_]{1,63}$")
_ENTRY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*:[A-Za-z_][A-Za-z0-9_]*$")


class ManifestError(UserFacingError):
    """A plugin manifest is malformed: ``source: field: problem``."""

    def __init__(self, source: str, fieldname: str, problem: str) -> None:
        self.source = source
        self.field = fieldname
        self.problem = problem
        super().__init__(f"{source}: {fieldname}: {problem}")


@dataclass(frozen=True)
class ParamSpec:
    """One typed parameter of a plugin (the GUI builds its form from these)."""

    name: str
    type: str
    default: Any
    unit: str = ""
    unit_fi: str = ""  # the unit in Finnish where it is a word ("%-yks." for "%-points")
    min: float | None = None
    max: float | None = None
    choices: tuple[Any, ...] = ()
    item_type: str = "float"  # for type = "list"
    label_en: str = ""
    label_fi: str = ""
    help_en: str = ""
    help_fi: str = ""
    # "properties": the value is a property id; a form offers the vocabulary's
    # properties (with how many samples have a value) instead of a free-text field
    choices_from: str = ""
    choice_labels_en: tuple[str, ...] = ()  # one plain label per choice
    choice_labels_fi: tuple[str, ...] = ()
    # the parameter matters only when these others have one of these values
    # (a form greys it out otherwise): ((name, (value, ...)), ...)
    enabled_when: tuple[tuple[str, tuple[Any, ...]], ...] = ()

    def choice_label(self, choice: Any, lang: str = "en") -> str:
        """The plain label of one of the choices (the choice itself when none is given)."""
        labels = self.choice_labels_fi if lang == "fi" and self.choice_labels_fi else None
        labels = labels or self.choice_labels_en
        if labels and choice in self.choices:
            return labels[self.choices.index(choice)]
        return str(choice)

    def enabled_by(self, values: dict[str, Any]) -> bool:
        """True when ``values`` (all parameters) make this parameter matter."""
        return all(values.get(name) in allowed for name, allowed in self.enabled_when)


@dataclass(frozen=True)
class ValueSpec:
    """A scalar output the plugin declares: property id (or ``*`` for any), unit, basis,
    and for a property outside the vocabulary (a model's RMSECV) its name for people."""

    property: str
    unit: str | None = None  # None: any unit
    basis: str | None = None  # None: any basis
    label_en: str = ""
    label_fi: str = ""


@dataclass
class Manifest:
    """A validated plugin manifest."""

    id: str
    name_en: str
    name_fi: str
    version: str
    api_version: str
    entry: str
    consumes_kinds: tuple[str, ...] = ()
    consumes_properties: tuple[str, ...] = ()
    scope: str = "sample"
    description_en: str = ""
    description_fi: str = ""
    standard: str = ""
    parameters: tuple[ParamSpec, ...] = ()
    values: tuple[ValueSpec, ...] = ()
    columns: tuple[str, ...] = ()  # declared column names ("*" allows any)
    source: str = ""  # manifest file path or "<entry point x>"
    folder: Path | None = None  # the plugin folder; entry modules resolve inside it
    raw: dict[str, Any] = field(default_factory=dict)

    def param(self, name: str) -> ParamSpec:
        for p in self.parameters:
            if p.name == name:
                return p
        raise KeyError(name)

    def value_spec(self, prop: str) -> ValueSpec | None:
        """The declaration covering ``prop``, or None when it was not declared."""
        for v in self.values:
            if v.property == prop:
                return v
        for v in self.values:
            if v.property == "*":
                return v
        return None

    def to_json(self) -> dict[str, Any]:
        """A JSON-friendly summary (for ``plugins --json`` and the GUI)."""
        return {
            "id": self.id,
            "name_en": self.name_en,
            "name_fi": self.name_fi,
            "version": self.version,
            "api_version": self.api_version,
            "scope": self.scope,
            "consumes": {
                "kinds": list(self.consumes_kinds),
                "properties": list(self.consumes_properties),
            },
            "standard": self.standard,
            "description_en": self.description_en,
            "description_fi": self.description_fi,
            "parameters": [
                {
                    "name": p.name,
                    "type": p.type,
                    "unit": p.unit,
                    "unit_fi": p.unit_fi,
                    "default": p.default,
                    "min": p.min,
                    "max": p.max,
                    "choices": list(p.choices),
                    "item_type": p.item_type,
                    "label_en": p.label_en,
                    "label_fi": p.label_fi,
                    "help_en": p.help_en,
                    "help_fi": p.help_fi,
                }
                for p in self.parameters
            ],
            "produces": [
                {"property": v.property, "unit": v.unit, "basis": v.basis} for v in self.values
            ],
        }


def api_compatible(wanted: str, provided: str = API_VERSION) -> bool:
    """True when a plugin targeting ``wanted`` runs on API ``provided`` (same major, minor <=)."""
    try:
        wmaj, wmin = (int(x) for x in ([*wanted.split("."), "0"])[:2])
        pmaj, pmin = (int(x) for x in ([*provided.split("."), "0"])[:2])
    except ValueError:
        return False
    return wmaj == pmaj and wmin <= pmin


MAX_MANIFEST_BYTES = 256 * 1024
"""A plugin.toml is a page of declarations; a larger file is refused unread."""


def load_manifest_file(path: Path) -> Manifest:
    """Read and validate a ``plugin.toml`` (the plugin folder is the file's parent)."""
    path = Path(path)
    if path.is_dir():
        path = path / MANIFEST_NAME
    try:
        raw = tomllib.loads(read_regular(path, MAX_MANIFEST_BYTES).decode("utf-8"))
    except FileNotFoundError:
        raise ManifestError(str(path), "file", "no plugin.toml found") from None
    except FileKindError as exc:
        raise ManifestError(str(path), "file", f"it is {exc.kind}, not a file") from None
    except FileTooLargeError:
        raise ManifestError(
            str(path), "file", f"larger than {MAX_MANIFEST_BYTES // 1024} KiB"
        ) from None
    except OSError as exc:
        raise ManifestError(str(path), "file", f"cannot be read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ManifestError(str(path), "file", f"not valid TOML ({exc})") from None
    return parse_manifest(raw, source=str(path), folder=path.parent)


def _req_str(raw: dict, key: str, src: str, default: str | None = None) -> str:
    if key not in raw:
        if default is not None:
            return default
        raise ManifestError(src, key, "missing (required)")
    val = raw[key]
    if not isinstance(val, str) or (default is None and not val.strip()):
        raise ManifestError(src, key, f"expected a non-empty string, got {val!r}")
    return val.strip()


def _num(val: Any, src: str, where: str) -> float | None:
    if val is None:
        return None
    if isinstance(val, bool) or not isinstance(val, int | float):
        raise ManifestError(src, where, f"expected a number, got {val!r}")
    return float(val)


def _param(raw: Any, i: int, src: str) -> ParamSpec:
    # Imported here to avoid a cycle: params uses ParamSpec.
    from workbench.analysis.params import ParameterError, coerce_value

    where = f"parameters[{i}]"
    if not isinstance(raw, dict):
        raise ManifestError(src, where, "expected a table")
    name = _req_str(raw, "name", f"{src}: {where}")
    if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", name):
        raise ManifestError(src, f"{where}.name", f"{name!r} is not a valid identifier")
    ptype = _req_str(raw, "type", f"{src}: {where}")
    if ptype not in PARAM_TYPES:
        raise ManifestError(
            src, f"{where}.type", f"{ptype!r} is not one of {', '.join(PARAM_TYPES)}"
        )
    item_type = raw.get("item_type", "float")
    if ptype == "list" and item_type not in LIST_ITEM_TYPES:
        raise ManifestError(
            src, f"{where}.item_type", f"{item_type!r} is not one of {LIST_ITEM_TYPES}"
        )
    lo = _num(raw.get("min"), src, f"{where}.min")
    hi = _num(raw.get("max"), src, f"{where}.max")
    if lo is not None and hi is not None and lo > hi:
        raise ManifestError(src, f"{where}.max", f"max {hi} is below min {lo}")
    choices = raw.get("choices", [])
    if not isinstance(choices, list):
        raise ManifestError(src, f"{where}.choices", "expected a list")
    if ptype == "choice" and not choices:
        raise ManifestError(src, f"{where}.choices", "a choice parameter needs a non-empty list")
    for key in ("unit", "unit_fi", "label_en", "label_fi", "help_en", "help_fi", "choices_from"):
        if key in raw and not isinstance(raw[key], str):
            raise ManifestError(src, f"{where}.{key}", f"expected a string, got {raw[key]!r}")
    choices_from = raw.get("choices_from", "")
    if choices_from not in ("", "properties") or (choices_from and ptype != "str"):
        raise ManifestError(
            src, f"{where}.choices_from", "only 'properties', for a parameter of type str"
        )
    labels = {}
    for key in ("choice_labels_en", "choice_labels_fi"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ManifestError(src, f"{where}.{key}", "expected a list of strings")
        if value and len(value) != len(choices):
            raise ManifestError(src, f"{where}.{key}", "expected one label per choice")
        labels[key] = tuple(value)
    when = raw.get("enabled_when", {})
    if not isinstance(when, dict):
        raise ManifestError(src, f"{where}.enabled_when", "expected a table of name = [values]")
    enabled_when = tuple(
        (str(k), tuple(v) if isinstance(v, list) else (v,)) for k, v in when.items()
    )
    if "default" not in raw:
        raise ManifestError(src, f"{where}.default", "missing (every parameter needs a default)")
    spec = ParamSpec(
        name=name,
        type=ptype,
        default=raw["default"],
        unit=raw.get("unit", ""),
        unit_fi=raw.get("unit_fi", "") or raw.get("unit", ""),
        min=lo,
        max=hi,
        choices=tuple(choices),
        item_type=item_type,
        label_en=raw.get("label_en", "") or name,
        label_fi=raw.get("label_fi", "") or raw.get("label_en", "") or name,
        help_en=raw.get("help_en", ""),
        help_fi=raw.get("help_fi", ""),
        choices_from=choices_from,
        choice_labels_en=labels["choice_labels_en"],
        choice_labels_fi=labels["choice_labels_fi"],
        enabled_when=enabled_when,
    )
    try:
        default = coerce_value(spec, raw["default"])
    except ParameterError as exc:
        raise ManifestError(src, f"{where}.default", str(exc)) from None
    return ParamSpec(**{**spec.__dict__, "default": default})


def _value_spec(raw: Any, i: int, src: str) -> ValueSpec:
    where = f"produces.values[{i}]"
    if not isinstance(raw, dict):
        raise ManifestError(src, where, "expected a table with property, unit, basis")
    prop = _req_str(raw, "property", f"{src}: {where}")
    unit = raw.get("unit")
    if unit is not None and not isinstance(unit, str):
        raise ManifestError(src, f"{where}.unit", f"expected a string, got {unit!r}")
    basis = raw.get("basis")
    if basis is not None:
        valid = [b.value for b in Basis]
        if basis not in valid:
            raise ManifestError(
                src, f"{where}.basis", f"{basis!r} is not one of {', '.join(valid)}"
            )
    for key in ("label_en", "label_fi"):
        if key in raw and not isinstance(raw[key], str):
            raise ManifestError(src, f"{where}.{key}", f"expected a string, got {raw[key]!r}")
    label_en = raw.get("label_en", "")
    return ValueSpec(prop, unit, basis, label_en, raw.get("label_fi", "") or label_en)


def parse_manifest(raw: dict[str, Any], *, source: str, folder: Path | None = None) -> Manifest:
    """Validate a manifest dict; raises ``ManifestError`` naming source, field and problem."""
    src = source
    if not isinstance(raw, dict):
        raise ManifestError(src, "manifest", "expected a table/dict")
    pid = _req_str(raw, "id", src)
    if not _ID_RE.match(pid):
        raise ManifestError(src, "id", f"{pid!r}: use 2-64 lower-case letters, digits, underscores")
    api = raw.get("api_version")
    if isinstance(api, int | float) and not isinstance(api, bool):
        api = str(api)
    if not isinstance(api, str) or not re.match(r"^\d+(\.\d+)?$", api):
        raise ManifestError(src, "api_version", f"expected a version like '1.0', got {api!r}")
    if not api_compatible(api):
        raise ManifestError(
            src, "api_version", f"plugin targets API {api}; this application provides {API_VERSION}"
        )
    entry = _req_str(raw, "entry", src)
    if not _ENTRY_RE.match(entry):
        raise ManifestError(src, "entry", f"expected 'module:function', got {entry!r}")
    version = raw.get("version")
    if isinstance(version, int | float) and not isinstance(version, bool):
        version = str(version)
    if not isinstance(version, str) or not version.strip():
        raise ManifestError(src, "version", f"expected a version string, got {version!r}")
    scope = raw.get("scope", "sample")
    if scope not in SCOPES:
        raise ManifestError(src, "scope", f"{scope!r} is not one of {', '.join(SCOPES)}")

    consumes = raw.get("consumes", {})
    if isinstance(consumes, list):  # shorthand: a list of measurement kinds
        consumes = {"kinds": consumes}
    if not isinstance(consumes, dict):
        raise ManifestError(src, "consumes", "expected a table with kinds and/or properties")
    kinds = consumes.get("kinds", [])
    props = consumes.get("properties", [])
    for key, val in (("kinds", kinds), ("properties", props)):
        if not isinstance(val, list) or not all(isinstance(v, str) for v in val):
            raise ManifestError(src, f"consumes.{key}", "expected a list of strings")
    if not kinds and not props:
        raise ManifestError(src, "consumes", "declare at least one measurement kind or property")

    params_raw = raw.get("parameters", [])
    if not isinstance(params_raw, list):
        raise ManifestError(src, "parameters", "expected an array of tables ([[parameters]])")
    params = tuple(_param(p, i, src) for i, p in enumerate(params_raw))
    names = [p.name for p in params]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ManifestError(src, "parameters", f"duplicate parameter names {dupes}")
    for i, p in enumerate(params):
        for other, _values in p.enabled_when:
            if other not in names or other == p.name:
                raise ManifestError(
                    src, f"parameters[{i}].enabled_when", f"{other!r} is not another parameter"
                )

    produces = raw.get("produces", {})
    if not isinstance(produces, dict):
        raise ManifestError(src, "produces", "expected a table with values and/or columns")
    vals_raw = produces.get("values", [])
    if not isinstance(vals_raw, list):
        raise ManifestError(src, "produces.values", "expected an array of tables")
    values = tuple(_value_spec(v, i, src) for i, v in enumerate(vals_raw))
    cols = produces.get("columns", [])
    if not isinstance(cols, list) or not all(isinstance(c, str) for c in cols):
        raise ManifestError(src, "produces.columns", "expected a list of column names")

    for key in ("name_en", "name_fi", "description_en", "description_fi", "standard"):
        if key in raw and not isinstance(raw[key], str):
            raise ManifestError(src, key, f"expected a string, got {raw[key]!r}")
    return Manifest(
        id=pid,
        name_en=_req_str(raw, "name_en", src),
        name_fi=raw.get("name_fi", "") or raw["name_en"],
        version=version.strip(),
        api_version=api,
        entry=entry,
        consumes_kinds=tuple(kinds),
        consumes_properties=tuple(props),
        scope=scope,
        description_en=raw.get("description_en", ""),
        description_fi=raw.get("description_fi", ""),
        standard=raw.get("standard", ""),
        parameters=params,
        values=values,
        columns=tuple(cols),
        source=src,
        folder=folder,
        raw=dict(raw),
    )
