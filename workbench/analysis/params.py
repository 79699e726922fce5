"""Validation and coercion of plugin parameters against their manifest declaration.

Values may come from the GUI form (already typed), from a stored result (JSON) or
from the command line (``KEY=VALUE`` strings); all go through ``coerce_value`` so a
plugin always receives the declared Python type within the declared range.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from workbench.errors import AnalysisError

if TYPE_CHECKING:
    from workbench.analysis.manifest import Manifest, ParamSpec

_TRUE = {"true", "yes", "1", "on", "kyllä"}
_FALSE = {"false", "no", "0", "off", "ei"}


class ParameterError(AnalysisError):
    """A parameter value does not match its declaration."""


def _float(val: Any, name: str) -> float:
    if isinstance(val, bool):
        raise ParameterError(f"parameter {name}: expected a number, got {val!r}")
    if isinstance(val, str):
        try:
            val = float(val.strip().replace(",", "."))
        except ValueError:
            raise ParameterError(f"parameter {name}: expected a number, got {val!r}") from None
    if not isinstance(val, int | float):
        raise ParameterError(f"parameter {name}: expected a number, got {val!r}")
    out = float(val)
    if not math.isfinite(out):
        raise ParameterError(f"parameter {name}: {val!r} is not a finite number")
    return out


def _int(val: Any, name: str) -> int:
    if isinstance(val, bool):
        raise ParameterError(f"parameter {name}: expected a whole number, got {val!r}")
    if isinstance(val, str):
        try:
            return int(val.strip())
        except ValueError:
            raise ParameterError(
                f"parameter {name}: expected a whole number, got {val!r}"
            ) from None
    if isinstance(val, float) and val.is_integer():
        return int(val)
    if not isinstance(val, int):
        raise ParameterError(f"parameter {name}: expected a whole number, got {val!r}")
    return val


def _plain(value: float) -> str:
    """A limit as the user would write it: 2, not 2.0 (limits are stored as floats)."""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def _range(spec: ParamSpec, val: float) -> None:
    unit = f" {spec.unit}" if spec.unit else ""
    if spec.min is not None and val < spec.min:
        raise ParameterError(
            f"parameter {spec.name}: {_plain(val)}{unit} is below the minimum {_plain(spec.min)}{unit}"
        )
    if spec.max is not None and val > spec.max:
        raise ParameterError(
            f"parameter {spec.name}: {_plain(val)}{unit} is above the maximum {_plain(spec.max)}{unit}"
        )


def _list(spec: ParamSpec, val: Any) -> list[Any]:
    if isinstance(val, str):
        text = val.strip()
        if text.startswith("["):
            try:
                val = json.loads(text)
            except (ValueError, RecursionError):
                raise ParameterError(
                    f"parameter {spec.name}: {val!r} is not a valid list"
                ) from None
        else:
            val = [v for v in (p.strip() for p in text.replace(";", ",").split(",")) if v]
    if not isinstance(val, list | tuple):
        raise ParameterError(f"parameter {spec.name}: expected a list, got {val!r}")
    out: list[Any] = []
    for item in val:
        if spec.item_type == "float":
            x = _float(item, spec.name)
            _range(spec, x)
        elif spec.item_type == "int":
            x = _int(item, spec.name)
            _range(spec, x)
        else:
            if not isinstance(item, str | int | float) or isinstance(item, bool):
                raise ParameterError(f"parameter {spec.name}: list item {item!r} is not text")
            x = str(item)
        out.append(x)
    return out


def coerce_value(spec: ParamSpec, val: Any) -> Any:
    """Convert ``val`` to the declared type and check range/choices; raise ``ParameterError``."""
    if spec.type == "float":
        out = _float(val, spec.name)
        _range(spec, out)
        return out
    if spec.type == "int":
        out = _int(val, spec.name)
        _range(spec, out)
        return out
    if spec.type == "bool":
        if isinstance(val, bool):
            return val
        if isinstance(val, str) and val.strip().lower() in _TRUE | _FALSE:
            return val.strip().lower() in _TRUE
        raise ParameterError(f"parameter {spec.name}: expected true or false, got {val!r}")
    if spec.type == "choice":
        for c in spec.choices:
            if val == c or (isinstance(val, str) and str(c) == val.strip()):
                return c
        raise ParameterError(
            f"parameter {spec.name}: {val!r} is not one of {', '.join(map(str, spec.choices))}"
        )
    if spec.type == "str":
        if not isinstance(val, str):
            raise ParameterError(f"parameter {spec.name}: expected text, got {val!r}")
        return val
    if spec.type == "list":
        return _list(spec, val)
    raise ParameterError(f"parameter {spec.name}: unknown type {spec.type!r}")


def validate_params(manifest: Manifest, given: Mapping[str, Any] | None) -> dict[str, Any]:
    """Declared parameters with defaults filled in and values coerced; unknown names refused."""
    given = dict(given or {})
    known = {p.name for p in manifest.parameters}
    unknown = sorted(set(given) - known)
    if unknown:
        listed = ", ".join(sorted(known)) or "none"
        raise ParameterError(
            f"plugin {manifest.id} has no parameter {', '.join(unknown)} (parameters: {listed})"
        )
    out: dict[str, Any] = {}
    for spec in manifest.parameters:
        out[spec.name] = (
            coerce_value(spec, given[spec.name]) if spec.name in given else spec.default
        )
    return out


def parse_cli_params(pairs: list[str] | None) -> dict[str, str]:
    """``["KEY=VALUE", ...]`` from the command line into a dict of strings."""
    out: dict[str, str] = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise ParameterError(f"--param {pair!r}: expected KEY=VALUE")
        key, value = pair.split("=", 1)
        key = key.strip()
        if not key:
            raise ParameterError(f"--param {pair!r}: the key is empty")
        out[key] = value
    return out
