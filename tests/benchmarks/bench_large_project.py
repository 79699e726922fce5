"""Large projects: opening 1,000 samples with 10,000 measurements reads structure only.

``large_project_open`` (in the harness: ``python -m tests.benchmarks large_project_open``)
times ``open_project`` against a bare h5py walk of the same file that any generic
viewer does to show its structure: ``visititems`` reading every object's attributes
and every dataset's shape and dtype. After the timed call (untimed) it checks that
the project has 10,000 measurements and that no array was read (every column is a
``LazyArray`` with nothing cached).

Run this module directly for both ratios measured in one process, each side the
median of ``--repeat`` untraced runs, peak memory of one more run by ``tracemalloc`` (Python and numpy
allocations; the HDF5 library's own C allocations are not traced by either side)::

    python -m tests.benchmarks.bench_large_project [--quick] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import h5py

from tests.benchmarks.bench_project import inputs
from tests.benchmarks.registry import Benchmark, register
from workbench.project.lazy import LazyArray
from workbench.project.store import close_project, open_project

EXTRA_SPECTRA = 8  # make_project: spectrum + TGA curve per sample, + 8 replicates = 10


def bare_walk(path: Path) -> int:
    """What a generic HDF5 viewer reads to show the structure: all attributes, shapes."""
    found = []
    with h5py.File(path, "r") as f:

        def visit(name, obj):
            attrs = {k: obj.attrs[k] for k in obj.attrs}
            if isinstance(obj, h5py.Dataset):
                found.append((name, obj.shape, obj.dtype, attrs))
            else:
                found.append((name, attrs))

        f.visititems(visit)
    return len(found)


def check_structure_only(project) -> int:
    """The number of measurements; fails if any array was read while opening."""
    n = 0
    for s in project.samples.values():
        for m in s.measurements.values():
            n += 1
            for c in m.columns.values():
                assert isinstance(c.data, LazyArray) and not c.data.is_cached, (s.id, m.id)
        for r in s.results.values():
            for c in r.columns.values():
                assert isinstance(c.data, LazyArray) and not c.data.is_cached
    for src in project.sources.values():
        assert isinstance(src.data, LazyArray) and not src.data.is_cached
    return n


@register
class LargeProjectOpen(Benchmark):
    name = "large_project_open"
    description = (
        "Open 1,000 samples / 10,000 measurements (structure only) vs bare h5py "
        "visititems reading every attribute"
    )

    def setup(self, workdir: Path, scale: float) -> None:
        self.path, _, self.n = inputs(workdir, scale, extra=EXTRA_SPECTRA)
        self.project = None

    def ours(self) -> None:
        self.project = open_project(self.path, read_only=True)

    def baseline(self) -> None:
        bare_walk(self.path)

    def teardown(self) -> None:
        if self.project is not None:
            n = check_structure_only(self.project)
            assert n >= self.n * (2 + EXTRA_SPECTRA), n
            close_project(self.project)
            self.project = None


def _measure(fn, repeat: int) -> tuple[float, float, int]:
    """(median wall s, median CPU s over ``repeat`` untraced calls, tracemalloc peak bytes).

    CPU time is the robust figure on a shared machine; the peak comes from one more,
    traced call (tracing slows h5py's object handling severalfold).
    """
    walls, cpus = [], []
    for _ in range(repeat):
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(walls), statistics.median(cpus), peak


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="100 samples instead of 1,000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fw-large-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        path, _, n = inputs(workdir, 0.1 if args.quick else 1.0, extra=EXTRA_SPECTRA)

        def ours():
            p = open_project(path, read_only=True)
            count = check_structure_only(p)  # cheap: walks the objects already built
            close_project(p)
            return count

        n_meas = ours()
        w_ours, c_ours, m_ours = _measure(ours, args.repeat)
        w_base, c_base, m_base = _measure(lambda: bare_walk(path), args.repeat)
        size = path.stat().st_size / 2**20
        print(f"project: {n} samples, {n_meas} measurements, file {size:.0f} MiB")
        print(f"{'':24s} {'ours':>10s} {'bare h5py':>10s} {'ratio':>7s}")
        for label, a, b in (
            ("open CPU time (s)", c_ours, c_base),
            ("open wall time (s)", w_ours, w_base),
            ("peak memory (MiB)", m_ours / 2**20, m_base / 2**20),
        ):
            print(f"{label:24s} {a:10.3f} {b:10.3f} {a / b:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
