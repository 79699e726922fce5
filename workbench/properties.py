"""User-defined properties: a project's own vocabulary beside the built-in ids.

A lab calibrating acid detergent fibre or crude protein needs property ids the built-in
vocabulary (``workbench.vocab``) lacks. A project defines them itself, and carries them:
they are stored in the project file (the ``properties`` key of ``/settings``, see
``workbench.project.layout``), so the project opens with its vocabulary on any
machine. While a project is open its properties are part of
``workbench.vocab.PROPERTIES``, so templates, analyses (a PLS reference table's column,
``--param property=ADF``), route files, exports, reports and the window all know
them by id, unit, basis and label.

Rules (a project file is untrusted input):

* an id is a letter followed by letters, digits or ``_`` (at most 40 characters);
  it may not equal a built-in id, ignoring case;
* the unit is short text (``%``, ``g/kg``, ``mg/kg``, ``MJ/kg``, or empty for a ratio);
* the basis is one of ``ar``, ``ad``, ``db``, ``daf``, ``none``; a property reported
  as a percentage or per kilogram on a mass basis is a mass fraction, so basis
  conversion applies to it (``workbench.basis``);
* a definition in a file that breaks these rules is skipped with a warning naming it,
  never used and never allowed to replace a built-in property.

When several projects are open in one process (the scripting API), the most recently
opened project's definition of an id is the one in force; a different earlier one is
reported in that project's warnings. Closing a project takes its properties out of the
vocabulary again (``deactivate``; an earlier open project's definition of the same id
comes back), so the window's next project is never offered, nor accepts, a property it
does not define.
"""

from __future__ import annotations

import difflib
import re
import weakref
from typing import Any

from workbench.errors import UserFacingError
from workbench.vocab import BUILTIN_PROPERTY_IDS, PROPERTIES, Basis, PropertyDef

SETTINGS_KEY = "properties"
ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")
MAX_TEXT = 500
MASS_FRACTION_UNITS = {"%", "g/kg", "mg/kg", "g/100 g", "mg/g", "MJ/kg"}
# The projects whose properties are in the vocabulary, in the order they were opened.
_OPEN: list[weakref.ref] = []


class PropertyDefinitionError(UserFacingError):
    """A user-defined property was refused (bad id, unit, basis or a clash)."""


def builtin_ids() -> list[str]:
    """The built-in property ids, sorted."""
    return sorted(BUILTIN_PROPERTY_IDS)


def suggest(pid: str, project: Any = None, n: int = 3) -> list[str]:
    """Known ids close to ``pid`` (case-insensitive), for 'did you mean' messages."""
    known = sorted(PROPERTIES) if project is None else sorted({*PROPERTIES, *defined_in(project)})
    by_fold = {k.casefold(): k for k in known}
    hits = difflib.get_close_matches(pid.casefold(), list(by_fold), n=n, cutoff=0.6)
    return [by_fold[h] for h in hits]


def unknown_property_message(pid: str, project: Any = None) -> str:
    """One sentence for an unknown property id: near matches and how to add one."""
    near = suggest(pid, project)
    hint = f" Did you mean {', '.join(near)}?" if near else ""
    return (
        f"{pid!r} is not a known property id.{hint} 'fibre-workbench properties list "
        "PROJECT' lists the accepted ids; a property of your own is added with "
        f"'fibre-workbench properties add PROJECT {pid} --unit UNIT'."
    )


def _clean_text(value: Any, what: str, pid: str) -> str:
    text = "" if value is None else str(value)
    if len(text) > MAX_TEXT or any(ord(c) < 32 and c not in "\t" for c in text):
        raise PropertyDefinitionError(
            f"property {pid!r}: the {what} must be one line of at most {MAX_TEXT} characters."
        )
    return text.strip()


def make_definition(
    pid: str,
    *,
    unit: str,
    basis: str = "none",
    label_en: str = "",
    label_fi: str = "",
    description: str = "",
) -> PropertyDef:
    """A validated user-defined property (see the module docstring for the rules)."""
    pid = str(pid).strip()
    if not ID_PATTERN.match(pid):
        raise PropertyDefinitionError(
            f"{pid!r} is not a usable property id: use a letter followed by letters, digits "
            "or _ (at most 40 characters), e.g. ADF or crude_protein."
        )
    if pid.casefold() in {b.casefold() for b in BUILTIN_PROPERTY_IDS}:
        raise PropertyDefinitionError(
            f"{pid!r} is a built-in property id; use it as it is, or choose another id."
        )
    unit = _clean_text(unit, "unit", pid)
    if len(unit) > 20:
        raise PropertyDefinitionError(f"property {pid!r}: the unit {unit!r} is too long.")
    try:
        basis_value = Basis(str(basis).strip() or "none")
    except ValueError:
        choices = ", ".join(b.value for b in Basis)
        raise PropertyDefinitionError(
            f"property {pid!r}: unknown basis {basis!r} (use one of {choices})."
        ) from None
    label_en = _clean_text(label_en, "English label", pid) or pid
    label_fi = _clean_text(label_fi, "Finnish label", pid) or label_en
    return PropertyDef(
        pid,
        unit,
        basis_value,
        label_en,
        label_fi,
        mass_fraction=basis_value != Basis.NONE and unit in MASS_FRACTION_UNITS,
        description=_clean_text(description, "description", pid),
        user_defined=True,
    )


def to_json(defn: PropertyDef) -> dict[str, Any]:
    return {
        "unit": defn.unit,
        "basis": defn.basis.value,
        "label_en": defn.label_en,
        "label_fi": defn.label_fi,
        "description": defn.description,
    }


def _from_json(pid: str, d: Any) -> PropertyDef:
    if not isinstance(d, dict):
        raise PropertyDefinitionError(f"property {pid!r}: its definition is not an object.")
    return make_definition(
        pid,
        unit=d.get("unit", ""),
        basis=d.get("basis", "none"),
        label_en=d.get("label_en", ""),
        label_fi=d.get("label_fi", ""),
        description=d.get("description", ""),
    )


def defined_in(project: Any) -> dict[str, PropertyDef]:
    """The project's valid user-defined properties by id (invalid entries left out)."""
    raw = (getattr(project, "settings", None) or {}).get(SETTINGS_KEY) or {}
    out: dict[str, PropertyDef] = {}
    if not isinstance(raw, dict):
        return out
    for pid, d in raw.items():
        try:
            out[str(pid)] = _from_json(str(pid), d)
        except PropertyDefinitionError:
            continue
    return out


def activate(project: Any) -> list[str]:
    """Put the project's properties into the vocabulary; returns warnings (also appended
    to ``project.warnings``) for definitions that were skipped or replaced another."""
    warnings: list[str] = []
    raw = (getattr(project, "settings", None) or {}).get(SETTINGS_KEY) or {}
    if not isinstance(raw, dict):
        warnings.append("The project's user-defined properties are not readable; skipped.")
        raw = {}
    for pid, d in raw.items():
        try:
            defn = _from_json(str(pid), d)
        except PropertyDefinitionError as exc:
            warnings.append(f"A user-defined property was skipped: {exc}")
            continue
        earlier = PROPERTIES.get(defn.id)
        if earlier is not None and earlier != defn:
            warnings.append(
                f"Property {defn.id!r} was defined differently by a project opened earlier "
                f"({earlier.unit}, {earlier.basis.value}); this project's definition "
                f"({defn.unit}, {defn.basis.value}) is now in force."
            )
        PROPERTIES[defn.id] = defn
    if warnings and isinstance(getattr(project, "warnings", None), list):
        project.warnings.extend(warnings)
    _OPEN[:] = [r for r in _OPEN if r() is not None and r() is not project]
    _OPEN.append(weakref.ref(project))
    return warnings


def deactivate(project: Any) -> None:
    """Take a closed project's own properties out of the vocabulary; an id that another
    open project defines gets that project's definition back (the latest opened)."""
    _OPEN[:] = [r for r in _OPEN if r() is not None and r() is not project]
    others = [r() for r in reversed(_OPEN)]
    for pid in defined_in(project):
        current = PROPERTIES.get(pid)
        if current is None or not current.user_defined:
            continue  # a built-in property is never touched
        still = next((d for o in others if (d := defined_in(o).get(pid)) is not None), None)
        if still is None:
            del PROPERTIES[pid]
        else:
            PROPERTIES[pid] = still


def add(project: Any, defn: PropertyDef) -> None:
    """Define a new property in the project (and the vocabulary); refuses an id in use."""
    if project.read_only:
        raise PropertyDefinitionError(
            f"{getattr(project, 'path', 'the project')} is open read-only; nothing was added."
        )
    existing = defined_in(project)
    if defn.id in existing:
        raise PropertyDefinitionError(
            f"The project already defines {defn.id!r} ({existing[defn.id].unit}, "
            f"{existing[defn.id].basis.value}); 'properties show' describes it."
        )
    clash = next((k for k in existing if k.casefold() == defn.id.casefold()), None)
    if clash:
        raise PropertyDefinitionError(
            f"The project already defines {clash!r}, which differs from {defn.id!r} only in case."
        )
    table = dict(project.settings.get(SETTINGS_KEY) or {})
    table[defn.id] = to_json(defn)
    project.settings[SETTINGS_KEY] = table
    PROPERTIES[defn.id] = defn
    project.log("define property", f"{defn.id} ({defn.unit}, {defn.basis.value})")


def usage_count(project: Any, pid: str) -> int:
    """How many values in the project (measurements and results) name ``pid``."""
    count = 0
    for sample in project.samples.values():
        for m in sample.measurements.values():
            count += pid in m.quantities
        for r in sample.results.values():
            count += pid in r.values
    return count


def remove(project: Any, pid: str) -> None:
    """Remove an unused user-defined property from the project."""
    existing = defined_in(project)
    if pid not in existing:
        raise PropertyDefinitionError(f"The project defines no property {pid!r}.")
    used = usage_count(project, pid)
    if used:
        raise PropertyDefinitionError(
            f"{used} values in the project are of {pid!r}; a property with values cannot be "
            "removed."
        )
    table = dict(project.settings.get(SETTINGS_KEY) or {})
    table.pop(pid, None)
    project.settings[SETTINGS_KEY] = table
    if PROPERTIES.get(pid) == existing[pid]:
        del PROPERTIES[pid]
    project.log("remove property", pid)


def all_definitions(project: Any = None) -> list[PropertyDef]:
    """Built-in properties (sorted by id), then the project's own (sorted by id)."""
    builtin = [PROPERTIES[p] for p in builtin_ids()]
    own = [] if project is None else [d for _, d in sorted(defined_in(project).items())]
    return builtin + own
