"""How a curve may be reduced for drawing without changing its shape.

pyqtgraph's clip-to-view and "peak" downsampling assume that x increases along the
array: clipping searches x with ``bisect``, and "peak" puts each bin's maximum and
minimum at one x, in that order. A curve whose x turns back (a TGA run that heats,
holds and cools, so its temperature rises, stays and falls) is then drawn as a
staircase of vertical drops. ``drawing_mode`` says what a curve allows; a long curve
whose x is not monotonic is reduced here instead, keeping each bin's extreme points
in the order they were measured, so the drawn path still follows the data.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Up to this many points a curve whose x turns back is drawn whole (a 15,000-point
# TGA run draws in a few milliseconds); above it, it is reduced by ``reduce_path``.
MAX_UNREDUCED = 40_000
TARGET_POINTS = 8_000


@dataclass(frozen=True)
class DrawingMode:
    """What pyqtgraph may do with a curve: clip to the view, downsample by peaks."""

    increasing: bool  # x never decreases: clip-to-view is exact
    monotonic: bool  # x never turns back: "peak" downsampling keeps the shape


def drawing_mode(x: np.ndarray) -> DrawingMode:
    """Whether ``x`` (NaN ignored) never decreases, or never turns back."""
    finite = x[np.isfinite(x)]
    if finite.size < 2:
        return DrawingMode(True, True)
    steps = np.diff(finite)
    rising = bool(np.all(steps >= 0))
    falling = bool(np.all(steps <= 0))
    return DrawingMode(rising, rising or falling)


def reduce_path(
    x: np.ndarray, y: np.ndarray, target: int = TARGET_POINTS
) -> tuple[np.ndarray, np.ndarray]:
    """``x``, ``y`` reduced to about ``target`` points, in measuring order.

    The path is cut into bins of consecutive points; each bin keeps its lowest and
    highest y and its lowest and highest x (so turning points and peaks stay), in the
    order they were measured, plus the first and last point. Curves of up to
    ``MAX_UNREDUCED`` points are returned unchanged.
    """
    n = min(x.size, y.size)
    x, y = x[:n], y[:n]
    if n <= MAX_UNREDUCED:
        return x, y
    size = max(1, int(np.ceil(4 * n / target)))
    bins = n // size
    offsets = np.arange(bins) * size
    keep = [np.array([0, n - 1]), np.arange(bins * size, n)]
    for values in (x, y):
        body = values[: bins * size].reshape(bins, size)
        finite = np.isfinite(body)
        keep.append(np.where(finite, body, np.inf).argmin(axis=1) + offsets)
        keep.append(np.where(finite, body, -np.inf).argmax(axis=1) + offsets)
    index = np.unique(np.concatenate(keep))
    return x[index], y[index]
