"""Small, dependency-free SVG line plots for reports.

Reports must be produced headless (CLI, self-test, packaged app) and look the same in
a browser and in the PDF. The plots are plain SVG: axes with "nice" ticks, labels with
units, a legend, and one polyline per series (decimated to at most ``max_points`` so
a 15,000-point TGA curve stays a few kilobytes). The PDF renderer rasterises the same
SVG with Qt's SVG renderer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from workbench.messages import fi_number
from workbench.report.strings import text
from workbench.safetext import html_escape as escape  # control chars visible

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#7f7f7f")
DASHES = ("", "6,3", "2,2", "8,3,2,3")  # distinguishable without colour


@dataclass
class Series:
    label: str
    x: np.ndarray
    y: np.ndarray


@dataclass
class PlotSpec:
    title: str
    x_label: str
    y_label: str
    series: list[Series] = field(default_factory=list)
    reverse_x: bool = False  # spectra in wavenumbers are drawn high to low


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """About ``n`` round tick values covering [lo, hi]."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return []
    if hi == lo:
        return [lo]
    raw = (hi - lo) / max(n, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.ceil(lo / step) * step
    ticks = []
    t = start
    while t <= hi + step * 1e-9:
        ticks.append(round(t, 12))
        t += step
    return ticks


def _fmt(v: float, lang: str = "en") -> str:
    """A tick label; decimal comma in a Finnish report ("0,5")."""
    if v == 0:
        return "0"
    spec = ".2g" if abs(v) >= 1e4 or abs(v) < 1e-3 else "g"
    return fi_number(v, spec) if lang == "fi" else format(v, spec)


def _decimate(x: np.ndarray, y: np.ndarray, max_points: int) -> tuple[np.ndarray, np.ndarray]:
    if x.size <= max_points:
        return x, y
    idx = np.linspace(0, x.size - 1, max_points).round().astype(int)
    return x[idx], y[idx]


def render_svg(
    spec: PlotSpec, width: int = 640, height: int = 320, max_points: int = 800, lang: str = "en"
) -> str:
    """The plot as a standalone SVG document string (tick numbers written for ``lang``)."""
    left, right, top, bottom = 70, 20, 30, 50
    pw, ph = width - left - right, height - top - bottom
    xs = [np.asarray(s.x, float) for s in spec.series]
    ys = [np.asarray(s.y, float) for s in spec.series]
    finite_x = np.concatenate([a[np.isfinite(a)] for a in xs]) if xs else np.array([])
    finite_y = np.concatenate([a[np.isfinite(a)] for a in ys]) if ys else np.array([])
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="white"/>',
        f'<text x="{width / 2}" y="18" text-anchor="middle" font-size="13">'
        f"{escape(spec.title)}</text>",
    ]
    if finite_x.size == 0 or finite_y.size == 0:
        empty = escape(text("no_data", lang))
        out.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle">{empty}</text>')
        out.append("</svg>")
        return "\n".join(out)
    x0, x1 = float(finite_x.min()), float(finite_x.max())
    y0, y1 = float(finite_y.min()), float(finite_y.max())
    if x1 == x0:
        x0, x1 = x0 - 1, x1 + 1
    pad = (y1 - y0) * 0.05 or 1.0
    y0, y1 = y0 - pad, y1 + pad

    def sx(v):
        frac = (v - x0) / (x1 - x0)
        return left + (1 - frac if spec.reverse_x else frac) * pw

    def sy(v):
        return top + (1 - (v - y0) / (y1 - y0)) * ph

    out.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#444"/>')
    for t in nice_ticks(x0, x1):
        px = sx(t)
        out.append(
            f'<line x1="{px:.1f}" y1="{top + ph}" x2="{px:.1f}" y2="{top + ph + 4}" stroke="#444"/>'
        )
        out.append(
            f'<text x="{px:.1f}" y="{top + ph + 16}" text-anchor="middle">{_fmt(t, lang)}</text>'
        )
    for t in nice_ticks(y0, y1):
        py = sy(t)
        out.append(f'<line x1="{left - 4}" y1="{py:.1f}" x2="{left}" y2="{py:.1f}" stroke="#444"/>')
        out.append(
            f'<text x="{left - 6}" y="{py + 4:.1f}" text-anchor="end">{_fmt(t, lang)}</text>'
        )
    out.append(
        f'<text x="{left + pw / 2}" y="{height - 10}" text-anchor="middle">'
        f"{escape(spec.x_label)}</text>"
    )
    out.append(
        f'<text x="14" y="{top + ph / 2}" text-anchor="middle" '
        f'transform="rotate(-90 14 {top + ph / 2})">{escape(spec.y_label)}</text>'
    )
    for i, (s, x, y) in enumerate(zip(spec.series, xs, ys)):
        ok = np.isfinite(x) & np.isfinite(y)
        dx, dy = _decimate(x[ok], y[ok], max_points)
        pts = " ".join(f"{sx(a):.1f},{sy(b):.1f}" for a, b in zip(dx, dy))
        colour = PALETTE[i % len(PALETTE)]
        dash = DASHES[(i // len(PALETTE) + i) % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="1.4"{dash_attr} points="{pts}"/>'
        )
        ly = top + 14 + 14 * i
        lx = left + pw - 150
        out.append(
            f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 20}" y2="{ly - 4}" stroke="{colour}" '
            f'stroke-width="2"{dash_attr}/>'
        )
        out.append(f'<text x="{lx + 24}" y="{ly}">{escape(s.label[:28])}</text>')
    out.append("</svg>")
    return "\n".join(out)
