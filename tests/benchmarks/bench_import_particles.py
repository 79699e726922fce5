"""Benchmark: parse a generated 1,000,000-particle per-fibre list (cp1252, ';', decimal
comma, CRLF, Finnish header) with the workbench reader, versus a bare numpy parse of the
same bytes; each followed by the same h5py write of the columns. Runs are interleaved
and the median of each is reported, with the peak traced memory of the reader parse.

    .venv/bin/python tests/benchmarks/bench_import_particles.py [N]
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import h5py
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_import_lab_fibre import _particle_file

from workbench.importers.registry import parse_bytes


def _write(columns: dict[str, np.ndarray], folder: str) -> None:
    with h5py.File(Path(folder) / "out.h5", "w") as f:
        for name, values in columns.items():
            f.create_dataset(name, data=values)


def ours(raw: bytes, folder: str) -> None:
    (m,) = parse_bytes(raw, "particles.csv").measurements
    _write({k: c.values() for k, c in m.columns.items()}, folder)


def baseline(raw: bytes, folder: str) -> None:
    a = np.loadtxt(io.BytesIO(raw.replace(b",", b".")), delimiter=";", skiprows=1)
    _write({f"c{j}": a[:, j] for j in range(1, a.shape[1])}, folder)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    raw = _particle_file(n)
    print(f"{n} particles, {len(raw) / 1e6:.1f} MB")
    times: dict[str, list[float]] = {"workbench": [], "numpy baseline": []}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(3):
            for name, func in (("numpy baseline", baseline), ("workbench", ours)):
                t0 = time.perf_counter()
                func(raw, folder)
                times[name].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in times.items()}
    for k, v in times.items():
        print(f"{k}: median {med[k]:.2f} s  (runs {', '.join(f'{x:.2f}' for x in v)})")
    print(f"ratio workbench / baseline: {med['workbench'] / med['numpy baseline']:.2f}")
    tracemalloc.start()
    (m,) = parse_bytes(raw, "particles.csv").measurements
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    arrays = sum(c.values().nbytes for c in m.columns.values())
    print(
        f"peak traced memory of the parse: {peak / 1e6:.0f} MB for {arrays / 1e6:.0f} MB of "
        f"columns (ratio {peak / arrays:.2f}; the input bytes themselves not counted)"
    )


if __name__ == "__main__":
    main()
