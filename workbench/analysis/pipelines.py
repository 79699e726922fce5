"""Spectral preprocessing pipelines: ordered steps, strict validation, named storage.

A pipeline is a JSON list of steps, each ``{"op": name, ...parameters}``, e.g.::

    [{"op": "range", "min": 1100, "max": 2400},
     {"op": "snv"},
     {"op": "savgol", "window": 15, "polyorder": 2, "deriv": 1}]

Pipelines are data, never code: every step is checked against the table ``OPS``
(known op, known parameters, right types, ranges) before anything runs, so a pipeline
read from a project or a user file cannot do more than call the functions of
``workbench.analysis.preprocess``.

Named pipelines are kept in the project (``project.settings["pipelines"][name]``, so
they travel with the project file) or in the user folder (``pipelines/<name>.json``,
shared between projects). ``resolve_pipeline`` accepts a name (project first, then the
user folder, then the built-ins) or an inline JSON list.

``fit_pipeline`` also returns the *state* of set-dependent steps (the MSC reference
spectrum, keyed ``msc_reference_<step index>``); ``apply_pipeline(..., state=...)``
replays a fitted pipeline on new spectra exactly, which is what a stored model needs.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from workbench.analysis import preprocess as pp
from workbench.errors import AnalysisError, SpecificationError
from workbench.fileio import FileKindError, FileTooLargeError, atomic_write_text, read_regular
from workbench.messages import fi_number
from workbench.paths import user_subdir

Steps = list[dict[str, Any]]

# op -> parameter name -> (type, default or REQUIRED, min, max, choices)
_REQ = object()
OPS: dict[str, dict[str, tuple[type, Any, float | None, float | None, tuple[Any, ...]]]] = {
    "range": {"min": (float, _REQ, None, None, ()), "max": (float, _REQ, None, None, ())},
    "resample": {
        "start": (float, _REQ, None, None, ()),
        "stop": (float, _REQ, None, None, ()),
        "step": (float, _REQ, 0.0, None, ()),
    },
    "snv": {},
    "msc": {"reference": (object, "mean", None, None, ())},
    "savgol": {
        "window": (int, 11, 3, 501, ()),
        "polyorder": (int, 2, 0, 6, ()),
        "deriv": (int, 0, 0, 2, ()),
    },
    "baseline_als": {
        "lam": (float, 1e5, 1e-3, 1e12, ()),
        "p": (float, 0.01, 1e-6, 0.5, ()),
        "n_iter": (int, 10, 1, 100, ()),
    },
    "baseline_poly": {"degree": (int, 2, 0, 10, ()), "n_iter": (int, 100, 1, 1000, ())},
    "normalise": {"method": (str, "vector", None, None, ("area", "max", "vector"))},
}

OP_HELP = {
    "range": "keep the points between min and max (x units)",
    "resample": "interpolate linearly onto start..stop every step (no extrapolation)",
    "snv": "standard normal variate (Barnes 1989)",
    "msc": "multiplicative scatter correction against the mean or a given spectrum",
    "savgol": "Savitzky-Golay smoothing (deriv 0) or derivative 1/2 per x unit",
    "baseline_als": "subtract an asymmetric least squares baseline (Eilers & Boelens 2005)",
    "baseline_poly": "subtract an iterative modified polynomial baseline (Lieber 2003)",
    "normalise": "divide by area, max or vector (L2) norm",
}

BUILTIN_PIPELINES: dict[str, Steps] = {
    "none": [],
    "snv": [{"op": "snv"}],
    "msc": [{"op": "msc"}],
    "snv-sg1": [{"op": "snv"}, {"op": "savgol", "window": 15, "polyorder": 2, "deriv": 1}],
    "sg2": [{"op": "savgol", "window": 21, "polyorder": 3, "deriv": 2}],
    "als-vector": [{"op": "baseline_als"}, {"op": "normalise", "method": "vector"}],
}

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.\-]{0,63}$")
MAX_STEPS = 50
MAX_FILE_BYTES = 1_000_000


def _bad(where: str, problem: str) -> SpecificationError:
    return SpecificationError(f"Preprocessing pipeline {where}: {problem}.")


def _check_value(where: str, spec: tuple, value: Any) -> Any:
    kind, _default, lo, hi, choices = spec
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _bad(where, f"expected a number, got {value!r}")
        try:
            value = float(value)
        except OverflowError:  # an integer too large for a float
            value = math.inf
        if not math.isfinite(value):
            raise _bad(where, "expected a finite number")
    elif kind is int:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (isinstance(value, float) and not value.is_integer())
        ):
            raise _bad(where, f"expected a whole number, got {value!r}")
        value = int(value)
    elif kind is str and not isinstance(value, str):
        raise _bad(where, f"expected text, got {value!r}")
    if lo is not None and value < lo:
        raise _bad(where, f"{value!r} is below the minimum {lo:g}")
    if hi is not None and value > hi:
        raise _bad(where, f"{value!r} is above the maximum {hi:g}")
    if choices and value not in choices:
        raise _bad(where, f"{value!r} is not one of {', '.join(map(str, choices))}")
    return value


def _check_reference(where: str, value: Any) -> Any:
    if value == "mean":
        return "mean"
    if not isinstance(value, list) or len(value) < 2 or len(value) > 100_000:
        raise _bad(where, "expected 'mean' or a list of numbers (the reference spectrum)")
    out = []
    for v in value:
        if isinstance(v, bool) or not isinstance(v, int | float) or abs(v) > 1e300:
            raise _bad(where, "the reference spectrum must hold finite numbers only")
        if not math.isfinite(v):
            raise _bad(where, "the reference spectrum must hold finite numbers only")
        out.append(float(v))
    return out


def validate_steps(steps: Any) -> Steps:
    """Check a pipeline strictly; return a normalised copy with defaults filled in."""
    if not isinstance(steps, list):
        raise _bad("", "expected a list of steps")
    if len(steps) > MAX_STEPS:
        raise _bad("", f"it has {len(steps)} steps; at most {MAX_STEPS} are allowed")
    out: Steps = []
    for i, step in enumerate(steps):
        where = f"step {i + 1}"
        if not isinstance(step, dict) or not isinstance(step.get("op"), str):
            raise _bad(where, 'expected an object with an "op" name')
        op = step["op"]
        if op not in OPS:
            raise _bad(where, f"unknown op {op!r}; known ops are {', '.join(OPS)}")
        spec = OPS[op]
        extra = sorted(set(step) - set(spec) - {"op"})
        if extra:
            raise _bad(where, f"op {op!r} has no parameter {', '.join(map(repr, extra))}")
        clean: dict[str, Any] = {"op": op}
        for name, pspec in spec.items():
            if name not in step:
                if pspec[1] is _REQ:
                    raise _bad(where, f"op {op!r} needs the parameter {name!r}")
                clean[name] = pspec[1]
            elif name == "reference":
                clean[name] = _check_reference(f"{where}.{name}", step[name])
            else:
                clean[name] = _check_value(f"{where}.{name}", pspec, step[name])
        if op == "savgol":
            if clean["window"] % 2 == 0 or clean["window"] <= clean["polyorder"]:
                raise _bad(where, "the window must be odd and larger than the polynomial order")
            if clean["deriv"] > clean["polyorder"]:
                raise _bad(where, "the derivative order cannot exceed the polynomial order")
        if op == "resample" and clean["step"] <= 0:
            raise _bad(where, "the resampling step must be positive")
        out.append(clean)
    return out


def describe(steps: Steps, lang: str = "en") -> str:
    """A one-line human-readable description of a pipeline.

    The steps are written as their operation names and arguments (``snv``,
    ``savgol(window=11, ...)``), the same words in every language; only the empty
    pipeline is a sentence, in ``lang`` ("en" or "fi"). In Finnish the numbers have a
    decimal comma, so the arguments are separated by semicolons
    (``baseline_als(lam=100000,0; p=0,01; n_iter=10)``).
    """
    if not steps:
        return "ei esikäsittelyä" if lang == "fi" else "no preprocessing"
    number, sep = (fi_number, "; ") if lang == "fi" else (str, ", ")
    parts = []
    for s in steps:
        args = sep.join(
            f"{k}={number(v)}" for k, v in s.items() if k != "op" and not isinstance(v, list)
        )
        parts.append(f"{s['op']}({args})" if args else s["op"])
    return " -> ".join(parts)


def _run(
    x: np.ndarray, Y: np.ndarray, steps: Steps, state: Mapping[str, Any] | None
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    x, Y = pp.as_matrix(x, Y)
    fitted: dict[str, np.ndarray] = {}
    for i, s in enumerate(validate_steps(steps)):
        op = s["op"]
        if op == "range":
            x, Y = pp.select_range(x, Y, s["min"], s["max"])
        elif op == "resample":
            grid = resample_grid(s["start"], s["stop"], s["step"])
            Y = pp.resample(x, Y, grid, outside="error")
            x = grid
        elif op == "snv":
            Y = pp.snv(Y)
        elif op == "msc":
            key = f"msc_reference_{i}"
            if state is not None and key in state:
                ref = np.asarray(state[key], dtype=float)
            elif s["reference"] == "mean":
                if state is not None:
                    raise AnalysisError(
                        f"The fitted pipeline has no MSC reference for step {i + 1}."
                    )
                ref = None
            else:
                ref = np.asarray(s["reference"], dtype=float)
            Y, fitted[key] = pp.msc(Y, ref)
        elif op == "savgol":
            Y = pp.savitzky_golay(x, Y, s["window"], s["polyorder"], s["deriv"])
        elif op == "baseline_als":
            Y = Y - pp.baseline_als(Y, s["lam"], s["p"], s["n_iter"])
        elif op == "baseline_poly":
            Y = Y - pp.baseline_poly(x, Y, s["degree"], s["n_iter"])
        elif op == "normalise":
            Y = pp.normalise(x, Y, s["method"])
    return x, Y, fitted


def resample_grid(start: float, stop: float, step: float) -> np.ndarray:
    """The evenly spaced axis ``start, start+step, ...`` up to ``stop`` (inclusive)."""
    n = math.floor(abs(stop - start) / step + 1e-9) + 1
    if n < 2 or n > 1_000_000:
        raise AnalysisError(f"Resampling {start:g}..{stop:g} every {step:g} gives {n} points.")
    return start + np.sign(stop - start) * step * np.arange(n)


def apply_pipeline(
    x: np.ndarray, Y: np.ndarray, steps: Steps, *, state: Mapping[str, Any] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Run the steps on spectra ``Y`` (rows) over axis ``x``; return (x_new, Y_new).

    Without ``state``, MSC uses the mean of ``Y``; with the ``state`` returned by
    ``fit_pipeline`` it uses the stored reference (to process new spectra exactly as
    the calibration spectra were).
    """
    x_new, Y_new, _ = _run(x, Y, steps, state)
    return x_new, Y_new


def fit_pipeline(
    x: np.ndarray, Y: np.ndarray, steps: Steps
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """Like ``apply_pipeline`` but also return the fitted state (MSC references)."""
    return _run(x, Y, steps, None)


# -- named pipelines ----------------------------------------------------------------


def check_name(name: str) -> str:
    """A pipeline name: 1-64 letters, digits, spaces, ``_ . -``; starts with a letter/digit."""
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise SpecificationError(
            f"{name!r} is not a valid pipeline name (use up to 64 letters, digits, spaces, "
            "'_', '.' or '-')."
        )
    return name


def _user_file(name: str) -> Path:
    return user_subdir("pipelines") / f"{check_name(name)}.json"


def _same_name(a: str, b: str) -> bool:
    """Names that one folder (Windows, macOS: case-insensitive) or a user reading a
    list would take for one: equal after case folding and joining spaces."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _refuse_collision(name: str, existing: list[str], replace: bool) -> None:
    clash = [n for n in existing if n != name and _same_name(n, name)]
    if clash and not replace:
        raise SpecificationError(
            f"pipeline {name!r} would be taken for the saved pipeline {clash[0]!r}; choose "
            "another name, or replace it explicitly (--replace)."
        )


def save_pipeline(
    name: str, steps: Any, *, project: Any = None, description: str = "", replace: bool = False
) -> Steps:
    """Save a named pipeline in the project (when given) or else in the user folder.

    A name that differs from a saved one only in case or spacing ("SNV" and "snv")
    would shadow it (on Windows and macOS it is the same file): refused unless
    ``replace``, which removes the other one."""
    clean = validate_steps(steps)
    entry = {"steps": clean, "description": str(description)}
    check_name(name)
    if project is not None:
        store = dict(project.settings.get("pipelines") or {})
        _refuse_collision(name, list(store), replace)
        for other in [n for n in store if n != name and _same_name(n, name)]:
            del store[other]
        store[check_name(name)] = entry
        project.settings["pipelines"] = store
        project.log("save pipeline", f"{name!r}: {describe(clean)}")
    else:
        folder = user_subdir("pipelines")
        existing = {p.stem: p for p in folder.glob("*.json")}
        _refuse_collision(name, list(existing), replace)
        target = _user_file(name)
        atomic_write_text(target, json.dumps({"name": name, **entry}, indent=2))
        for other, path in existing.items():  # (on Windows and macOS: the same file)
            if (
                other != name
                and _same_name(other, name)
                and path.exists()
                and not path.samefile(target)
            ):
                path.unlink()
    return clean


def _read_user_file(path: Path) -> Steps:
    try:
        data = json.loads(read_regular(path, MAX_FILE_BYTES).decode("utf-8"))
    except FileKindError as exc:
        raise SpecificationError(f"{path}: is {exc.kind}, not a pipeline file.") from None
    except FileTooLargeError:
        raise SpecificationError(f"{path}: the pipeline file is larger than 1 MB.") from None
    except OSError as exc:
        raise SpecificationError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    except (ValueError, RecursionError) as exc:  # bad UTF-8/JSON, too deep, huge number
        raise SpecificationError(f"{path}: not a valid JSON pipeline file ({exc}).") from None
    if not isinstance(data, dict) or "steps" not in data:
        raise SpecificationError(f'{path}: expected an object with a "steps" list.')
    return validate_steps(data["steps"])


def _project_store(project: Any) -> Mapping[str, Any]:
    """The ``pipelines`` mapping of a Project or of a bare settings mapping."""
    settings = project if isinstance(project, Mapping) else getattr(project, "settings", {})
    store = settings.get("pipelines") if isinstance(settings, Mapping) else None
    return store if isinstance(store, Mapping) else {}


def list_pipelines(project: Any = None) -> dict[str, str]:
    """Every available pipeline name -> where it comes from (project, user, built-in).

    ``project`` may be a Project or its settings mapping (as plugins receive it).
    """
    out = {name: "built-in" for name in BUILTIN_PIPELINES}
    for path in sorted(user_subdir("pipelines").glob("*.json")):
        if _NAME_RE.match(path.stem):
            out[path.stem] = "user"
    for name in _project_store(project):
        out[name] = "project"
    return out


def load_pipeline(name: str, *, project: Any = None) -> Steps:
    """A named pipeline: the project's first, then the user folder's, then a built-in."""
    store = _project_store(project)
    if name in store:
        entry = store[name]
        steps = entry.get("steps") if isinstance(entry, Mapping) else entry
        return validate_steps(steps)
    if isinstance(name, str) and _NAME_RE.match(name):
        path = _user_file(name)
        if path.exists() or path.is_symlink():  # a FIFO or device: say so, never read
            return _read_user_file(path)
    if name in BUILTIN_PIPELINES:
        return validate_steps(BUILTIN_PIPELINES[name])
    known = ", ".join(sorted(list_pipelines(project)))
    raise SpecificationError(f"There is no preprocessing pipeline named {name!r} (known: {known}).")


def resolve_pipeline(spec: Any, *, project: Any = None) -> Steps:
    """Turn a pipeline parameter into validated steps.

    ``spec`` is a list of steps, an inline JSON list (text starting with ``[``), a
    pipeline name, or empty (no preprocessing).
    """
    if spec is None or (isinstance(spec, str) and not spec.strip()):
        return []
    if isinstance(spec, list):
        return validate_steps(spec)
    if not isinstance(spec, str):
        raise SpecificationError(f"Expected a pipeline name or a JSON list, got {spec!r}.")
    text = spec.strip()
    if text.startswith("["):
        if len(text) > MAX_FILE_BYTES:
            raise SpecificationError("The inline pipeline is larger than 1 MB.")
        try:
            steps = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise SpecificationError(f"The inline pipeline is not valid JSON ({exc}).") from None
        return validate_steps(steps)
    return load_pipeline(text, project=project)
