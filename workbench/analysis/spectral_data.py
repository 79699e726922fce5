"""Collecting the spectra of many samples into one matrix on a common x axis.

PCA and PLS need every sample's spectrum on the same x axis. The rule, documented for
users:

* A sample with several spectrum measurements (replicate scans) contributes the mean
  of its spectra, each first put on the common axis.
* When every spectrum has exactly the same x values (one instrument, one method), that
  axis is used as it is and nothing is interpolated.
* Otherwise the common axis spans the range that *every* spectrum covers (the
  overlap), evenly spaced at the coarsest median spacing of the spectra (resampling
  never invents resolution), and spectra are linearly interpolated onto it. Nothing is
  extrapolated; without an overlap the run stops with a message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from workbench.analysis import preprocess as pp
from workbench.errors import AnalysisError
from workbench.messages import Message, bilingual
from workbench.model import Measurement

SPECTRUM_KIND = "spectrum"


@dataclass
class Spectrum:
    """One measured spectrum: axis and signal (sorted ascending), units, and its id."""

    x: np.ndarray
    y: np.ndarray
    x_unit: str
    y_unit: str
    measurement_id: str


@dataclass
class SpectraSet:
    """Spectra of several samples on one axis: ``Y[i]`` belongs to ``sample_ids[i]``."""

    x: np.ndarray
    Y: np.ndarray
    x_unit: str
    y_unit: str
    sample_ids: list[str]
    names: list[str]
    measurement_ids: list[list[str]]
    notes: list[Message] = field(default_factory=list)


def spectrum_of(m: Measurement) -> Spectrum:
    """The axis and signal of a spectrum measurement, sorted by ascending x."""
    if not m.signal or not m.axes or m.signal not in m.columns or m.axes[0] not in m.columns:
        raise AnalysisError(f"Measurement {m.label or m.id} is not a spectrum with an x axis.")
    xcol, ycol = m.columns[m.axes[0]], m.columns[m.signal]
    x = np.asarray(xcol.values(), dtype=float)
    y = np.asarray(ycol.values(), dtype=float)
    if x.shape != y.shape or x.ndim != 1 or x.size < 2:
        raise AnalysisError(f"Spectrum {m.label or m.id} has mismatched axis and signal.")
    finite = np.isfinite(x) & np.isfinite(y)
    x, y = x[finite], y[finite]
    order = np.argsort(x, kind="stable")
    return Spectrum(x[order], y[order], xcol.unit, ycol.unit, m.id)


def _same_axis(spectra: Sequence[Spectrum]) -> bool:
    first = spectra[0].x
    return all(s.x.shape == first.shape and np.array_equal(s.x, first) for s in spectra[1:])


def common_axis(spectra: Sequence[Spectrum]) -> np.ndarray:
    """The common x axis of ``spectra`` (see the module docstring for the rule)."""
    if not spectra:
        raise AnalysisError("There are no spectra to put on a common axis.")
    if _same_axis(spectra):
        return spectra[0].x.copy()
    lo = max(float(s.x[0]) for s in spectra)
    hi = min(float(s.x[-1]) for s in spectra)
    step = max(float(np.median(np.diff(s.x))) for s in spectra)
    if not hi > lo or (hi - lo) < step:
        raise AnalysisError(
            "The spectra do not share an x range (their overlap is empty), so they cannot "
            "be compared; select spectra of the same region."
        )
    n = int(np.floor((hi - lo) / step + 1e-9)) + 1
    return lo + step * np.arange(n)


def check_units(spectra: Sequence[Spectrum]) -> tuple[str, str]:
    """The shared x and y units; different units are refused (nm vs cm-1 cannot mix)."""
    xs = {s.x_unit for s in spectra}
    ys = {s.y_unit for s in spectra}
    if len(xs) > 1:
        raise AnalysisError(f"The spectra have different x units ({', '.join(sorted(xs))}).")
    if len(ys) > 1:
        raise AnalysisError(f"The spectra have different signal units ({', '.join(sorted(ys))}).")
    return xs.pop(), ys.pop()


def on_axis(spectra: Sequence[Spectrum], x: np.ndarray) -> np.ndarray:
    """Each spectrum on ``x`` (exact copy when the axes already agree), as rows."""
    out = np.empty((len(spectra), x.size))
    for i, s in enumerate(spectra):
        if s.x.shape == x.shape and np.array_equal(s.x, x):
            out[i] = s.y
        else:
            out[i] = pp.resample(s.x, s.y, x, outside="error")[0]
    return out


def collect(
    samples: Sequence, *, kind: str = SPECTRUM_KIND, axis: np.ndarray | None = None
) -> SpectraSet:
    """Build a ``SpectraSet`` from plugin ``SampleInputs`` (samples without spectra skipped).

    With ``axis`` the spectra are put on that axis (a stored model's axis) instead of
    a common axis computed from the spectra themselves.
    """
    per_sample: list[tuple[object, list[Spectrum]]] = []
    notes: list[Message] = []
    for si in samples:
        ms = [m for m in si.measurements if m.kind == kind]
        if not ms:
            notes.append(
                bilingual(
                    f"Sample {si.name} has no spectrum and was left out.",
                    f"Näytteellä {si.name} ei ole spektriä, joten se jätettiin pois.",
                )
            )
            continue
        per_sample.append((si, [spectrum_of(m) for m in ms]))
    if not per_sample:
        raise AnalysisError("None of the selected samples has a spectrum.")
    flat = [s for _, sp in per_sample for s in sp]
    x_unit, y_unit = check_units(flat)
    x = common_axis(flat) if axis is None else np.asarray(axis, dtype=float)
    Y = np.empty((len(per_sample), x.size))
    for i, (_, sp) in enumerate(per_sample):
        Y[i] = on_axis(sp, x).mean(axis=0)
    return SpectraSet(
        x=x,
        Y=Y,
        x_unit=x_unit,
        y_unit=y_unit,
        sample_ids=[si.sample_id for si, _ in per_sample],
        names=[si.name for si, _ in per_sample],
        measurement_ids=[[s.measurement_id for s in sp] for _, sp in per_sample],
        notes=notes,
    )


def preview(m: Measurement, pipeline: object, *, project: object = None) -> tuple[np.ndarray, ...]:
    """Before/after of one spectrum for a live preview: ``(x, y, x_new, y_new)``.

    ``pipeline`` is anything ``resolve_pipeline`` accepts (a name, inline JSON, a list);
    ``project`` (a Project or its settings) supplies the project's named pipelines.
    MSC against the mean of a single spectrum would change nothing, so it is refused
    with a message, as in the plugin.
    """
    from workbench.analysis.pipelines import apply_pipeline, resolve_pipeline

    steps = resolve_pipeline(pipeline, project=project)
    if any(s["op"] == "msc" and s["reference"] == "mean" for s in steps):
        raise AnalysisError(
            "MSC against the mean needs several spectra; preview it in a PCA or PLS run."
        )
    sp = spectrum_of(m)
    x_new, Y_new = apply_pipeline(sp.x, sp.y, steps)
    return sp.x, sp.y, x_new, Y_new[0]
