"""Fibre length statistics plugin: per-particle lists or class distributions -> Ln, Lw, ...

All per-particle measurements of the sample are pooled (replicate runs of the
analyser); when the sample has no per-particle list its class distributions are used
(summed when they share class edges). See ``stats`` for the definitions.
"""

from __future__ import annotations

import numpy as np

from workbench.analysis.api import AnalysisInputs, AnalysisOutput
from workbench.analysis.helpers import (
    column_unit,
    find_column,
    finite_values,
    particle_lengths_mm,
    to_mm,
    to_um,
)
from workbench.errors import AnalysisError
from workbench.messages import Message, bilingual, fi_number
from workbench.model import Measurement, Quantity
from workbench.progress import Progress

from .stats import LengthStats, class_stats, distribution, length_stats

WIDTH = ("width", "leveys", "fibre width", "fiber width", "w")
CURL = ("curl", "käyristymä", "kiharuus", "curl index")
KINKS = ("kinks", "kink", "kinkit", "kink count")
LOWER = ("class_lower", "lower", "from", "min", "alaraja")
UPPER = ("class_upper", "upper", "to", "max", "yläraja")
COUNT = ("count", "n", "frequency", "lukumäärä", "määrä")
METHOD = "TAPPI T 271 / ISO 16065-2"


def _particles(ms: list[Measurement], messages: list[Message]) -> dict[str, np.ndarray]:
    """Pooled per-particle columns (length in mm, width in µm, curl, kinks) of measurements."""
    parts: dict[str, list[np.ndarray]] = {"length": [], "width": [], "curl": [], "kinks": []}
    for m in ms:
        length, stated = particle_lengths_mm(m)
        if not stated:
            name = m.label or m.id
            messages.append(
                bilingual(
                    f"{name}: length unit not stated; taken as mm.",
                    f"{name}: pituuden yksikköä ei ole ilmoitettu; pituudet tulkittiin millimetreiksi.",
                )
            )
        parts["length"].append(length)
        for key, aliases in (("width", WIDTH), ("curl", CURL), ("kinks", KINKS)):
            col = find_column(m, aliases, required=False)
            if col is None:
                parts[key].append(np.full(length.shape, np.nan))
                continue
            vals = finite_values(col)
            if key == "width":
                vals = to_um(vals, column_unit(col))
            parts[key].append(vals)
    return {k: np.concatenate(v) if v else np.array([]) for k, v in parts.items()}


def _values(stats: LengthStats) -> dict[str, Quantity]:
    def q(v: float, unit: str, n: int | None = None) -> Quantity:
        return Quantity(float(v), unit, "none", n=n, method=METHOD, origin="derived")

    return {
        "fibre_length_ln": q(stats.ln, "mm", stats.n_fibres),
        "fibre_length_lw": q(stats.lw, "mm", stats.n_fibres),
        "fibre_length_lww": q(stats.lww, "mm", stats.n_fibres),
        "fines_count": q(stats.fines_count_pct, "%", stats.n_particles),
        "fines_length": q(stats.fines_length_pct, "%", stats.n_particles),
        "fibre_length_p10": q(stats.p10, "mm", stats.n_fibres),
        "fibre_length_p50": q(stats.p50, "mm", stats.n_fibres),
        "fibre_length_p90": q(stats.p90, "mm", stats.n_fibres),
        "fibre_count": q(stats.n_fibres, ""),
        "particle_count": q(stats.n_particles, ""),
    }


def _mean(values: np.ndarray, mask: np.ndarray) -> float | None:
    v = values[mask]
    v = v[np.isfinite(v)]
    return float(v.mean()) if v.size else None


def _from_particles(ms, params, out: AnalysisOutput) -> None:
    data = _particles(ms, out.messages)
    length = data["length"]
    ok = np.isfinite(length)
    if not ok.all():
        skipped = int((~ok).sum())
        out.note(
            en=f"{skipped} particle(s) without a readable length were skipped.",
            fi=f"Ohitettiin partikkeleita, joiden pituutta ei voitu lukea: {skipped}.",
        )
    thr = params["fines_threshold"]
    try:
        stats = length_stats(length[ok], thr, params["exclude_fines"])
    except ValueError as exc:
        raise AnalysisError(f"fibre length statistics: {exc}") from None
    out.values.update(_values(stats))
    fibre = ok & (length >= thr) if params["exclude_fines"] else ok
    width = _mean(data["width"], fibre)
    if width is not None:
        out.values["fibre_width"] = Quantity(width, "µm", "none", n=stats.n_fibres, method=METHOD)
    curl = _mean(data["curl"], fibre)
    if curl is not None:
        out.values["curl"] = Quantity(curl, "%", "none", n=stats.n_fibres, method=METHOD)
    kinks = data["kinks"][fibre]
    if np.isfinite(kinks).any():
        good = np.isfinite(kinks)
        out.values["kinks_per_fibre"] = Quantity(
            float(kinks[good].mean()), "", "none", method=METHOD
        )
        total_m = float(length[fibre][good].sum()) / 1000.0
        if total_m > 0:
            out.values["kink"] = Quantity(
                float(kinks[good].sum()) / total_m, "1/m", "none", method=METHOD
            )
    dist = distribution(length[ok], params["class_edges"])
    _add_distribution(out, dist)
    fines = params["exclude_fines"]
    out.note(
        en=f"{stats.n_particles} particles from {len(ms)} measurement(s); "
        f"{stats.n_fibres} fibres of at least {thr} mm"
        + (" (shorter particles are fines, not fibres, ISO 16065-2)." if fines else "."),
        fi=f"Partikkeleita {stats.n_particles} ({len(ms)} mittauksesta), joista kuituja "
        f"(vähintään {fi_number(thr)} mm) {stats.n_fibres}"
        + (
            " (lyhyemmät partikkelit ovat hienoainetta eivätkä kuituja, ISO 16065-2)."
            if fines
            else "."
        ),
    )


def _from_distribution(ms, params, out: AnalysisOutput) -> None:
    lower = upper = None
    counts = None
    for m in ms:
        lo = to_mm(finite_values(find_column(m, LOWER)), column_unit(find_column(m, LOWER)))
        hi = to_mm(finite_values(find_column(m, UPPER)), column_unit(find_column(m, UPPER)))
        n = finite_values(find_column(m, COUNT))
        if lower is None:
            lower, upper, counts = lo, hi, n
        elif lo.shape == lower.shape and np.allclose(lo, lower) and np.allclose(hi, upper):
            counts = counts + n
        else:
            name = m.label or m.id
            out.note(
                en=f"{name}: different length classes; not pooled.",
                fi=f"{name}: pituusluokat poikkeavat muista, joten jakaumaa ei yhdistetty.",
            )
    try:
        stats = class_stats(
            lower, upper, counts, params["fines_threshold"], params["exclude_fines"]
        )
    except ValueError as exc:
        raise AnalysisError(f"fibre length statistics: {exc}") from None
    out.values.update(_values(stats))
    total = counts.sum()
    mid = 0.5 * (lower + upper)
    _add_distribution(
        out,
        {
            "lower": lower,
            "upper": upper,
            "mid": mid,
            "count": counts,
            "count_pct": 100.0 * counts / total,
            "length_pct": 100.0 * counts * mid / float(np.sum(counts * mid)),
        },
    )
    out.note(
        en="Computed from class counts with every particle at its class midpoint; "
        "per-particle data give exact values.",
        fi="Laskettu pituusluokkien lukumääristä olettaen jokaisen partikkelin pituudeksi "
        "luokkansa keskipisteen; partikkelikohtaisesta datasta saadaan tarkat arvot.",
    )


def _add_distribution(out: AnalysisOutput, dist: dict[str, np.ndarray]) -> None:
    out.add_column("class_lower", "mm", dist["lower"], bilingual("Class from", "Luokan alaraja"))
    out.add_column("class_upper", "mm", dist["upper"], bilingual("Class to", "Luokan yläraja"))
    out.add_column("class_mid", "mm", dist["mid"], bilingual("Class midpoint", "Luokan keskikohta"))
    out.add_column("count", "", dist["count"], bilingual("Particles", "Kuituja (kpl)"))
    out.add_column(
        "count_pct", "%", dist["count_pct"], bilingual("Share of count", "Osuus lukumäärästä")
    )
    out.add_column(
        "length_pct", "%", dist["length_pct"], bilingual("Share of length", "Osuus pituudesta")
    )
    out.plots.append(
        {
            "kind": "bar",
            "x": "class_mid",
            "y": ["count_pct", "length_pct"],
            "title": bilingual("Fibre length distribution", "Kuidunpituusjakauma"),
            "x_label": bilingual("Length class (mm)", "Pituusluokka (mm)"),
            "y_label": bilingual("Share (%)", "Osuus (%)"),
        }
    )
    out.plots.append(
        {
            "kind": "table",
            "columns": ["class_lower", "class_upper", "count", "count_pct", "length_pct"],
            "title": bilingual("Length classes", "Pituusluokat"),
        }
    )


def run(inputs: AnalysisInputs, params: dict, progress: Progress) -> AnalysisOutput:
    """Fibre length statistics of one sample (see the module and ``stats`` docstrings)."""
    sample = inputs.sample
    out = AnalysisOutput(label=bilingual("Fibre length statistics", "Kuidunpituustilastot"))
    progress.update(0.1, "Reading fibre data")
    particles = sample.of_kind("fibre_particles")
    if particles:
        _from_particles(particles, params, out)
    else:
        dists = sample.of_kind("fibre_distribution")
        if not dists:
            raise AnalysisError(
                f"sample {sample.name} has no per-particle list or class distribution"
            )
        _from_distribution(dists, params, out)
    progress.update(0.9, "Statistics ready")
    out.note(
        en="Lww assumes constant coarseness (fibre mass proportional to length): "
        "Lww = Σl³/Σl² instead of Σl·w/Σw (TAPPI T 232).",
        fi="Lww olettaa kuidun karkeuden vakioksi (kuidun massa on verrannollinen sen "
        "pituuteen): Lww = Σl³/Σl² eikä Σl·w/Σw (TAPPI T 232).",
    )
    return out
