"""Project store benchmarks: save and open of a 1,000-sample project.

The project (``workbench.project.synthetic.make_project``) has per sample a
1,500-point spectrum, a 700-point TGA curve (3 columns), quantities, a derived result
with a 2-column curve, stored source bytes, and every tenth sample a 50-row particle
table. The baselines do the same array work with bare h5py: one group per sample,
one dataset per array, no attributes, no temp file, no fsync.
"""

from __future__ import annotations

from pathlib import Path

import h5py
import numpy as np

from tests.benchmarks.registry import Benchmark, register
from workbench.project.store import close_project, open_project, save_project
from workbench.project.synthetic import make_project

N_SAMPLES = 1000


def arrays_of(project) -> dict[str, dict[str, np.ndarray]]:
    """The project's arrays as plain numpy, grouped like the baseline file."""
    groups: dict[str, dict[str, np.ndarray]] = {}
    for s in project.samples.values():
        for m in s.measurements.values():
            groups[f"{s.id}/{m.id}"] = {k: np.asarray(c.data) for k, c in m.columns.items()}
        for r in s.results.values():
            groups[f"{s.id}/{r.id}"] = {k: np.asarray(c.data) for k, c in r.columns.items()}
    groups["sources"] = {sha: np.asarray(src.data) for sha, src in project.sources.items()}
    return groups


def bare_write(groups: dict[str, dict[str, np.ndarray]], path: Path) -> None:
    with h5py.File(path, "w") as f:
        for gname, cols in groups.items():
            g = f.create_group(gname)
            for name, arr in cols.items():
                if arr.dtype.kind == "U":
                    g.create_dataset(
                        name.replace("/", "_"), data=arr.astype(object), dtype=h5py.string_dtype()
                    )
                else:
                    g.create_dataset(name.replace("/", "_"), data=arr)


def inputs(workdir: Path, scale: float, extra: int = 0) -> tuple[Path, Path, int]:
    """Our project file and the bare baseline file of the same arrays (cached)."""
    n = max(1, int(N_SAMPLES * scale))
    ours = workdir / f"project_{n}_{extra}.fwproj"
    base = workdir / f"bare_{n}_{extra}.h5"
    if not ours.exists() or not base.exists():
        p = make_project(n, extra_spectra=extra, spectrum_points=1500 if not extra else 300)
        save_project(p, ours)
        bare_write(arrays_of(p), base)
        close_project(p)
    return ours, base, n


@register
class ProjectSave(Benchmark):
    name = "project_save_1000"
    description = "Save a new 1,000-sample project (atomic) vs bare h5py write of its arrays"

    def setup(self, workdir: Path, scale: float) -> None:
        self.n = max(1, int(N_SAMPLES * scale))
        self.project = make_project(self.n)
        self.groups = arrays_of(self.project)
        self.target = workdir / f"save_{self.n}.fwproj"
        self.bare = workdir / f"save_bare_{self.n}.h5"

    def ours(self) -> None:
        save_project(self.project, self.target)

    def baseline(self) -> None:
        bare_write(self.groups, self.bare)

    def teardown(self) -> None:
        # a saved project's arrays live in its file: the next repetition (--repeat)
        # saves a new project again, not one already saved
        close_project(self.project)
        self.project = make_project(self.n)


@register
class ProjectOpen(Benchmark):
    name = "project_open_1000"
    description = "Open a 1,000-sample project (structure only) vs bare h5py walk of it"

    def setup(self, workdir: Path, scale: float) -> None:
        self.path, _, _ = inputs(workdir, scale)
        self.project = None

    def ours(self) -> None:
        self.project = open_project(self.path, read_only=True)

    def baseline(self) -> None:
        # what any generic reader does to show the structure: every object, its
        # attributes, and the shape/dtype of every dataset
        found = []
        with h5py.File(self.path, "r") as f:

            def visit(name, obj):
                attrs = dict(obj.attrs)
                if isinstance(obj, h5py.Dataset):
                    found.append((name, obj.shape, obj.dtype, attrs))
                else:
                    found.append((name, attrs))

            f.visititems(visit)

    def teardown(self) -> None:
        if self.project is not None:
            close_project(self.project)
            self.project = None


@register
class ProjectOpenManyMeasurements(ProjectOpen):
    name = "project_open_10000_meas"
    description = "Open 1,000 samples with 10,000 measurements (structure only) vs bare h5py walk"

    def setup(self, workdir: Path, scale: float) -> None:
        # 2 measurements per sample from make_project + 8 replicate spectra = 10
        self.path, _, _ = inputs(workdir, scale, extra=8)
        self.project = None


@register
class ProjectOpenReadAll(Benchmark):
    name = "project_open_read_all_1000"
    description = "Open a 1,000-sample project and read every array vs bare h5py read"

    def setup(self, workdir: Path, scale: float) -> None:
        self.path, self.bare, _ = inputs(workdir, scale)
        self.project = None

    def ours(self) -> None:
        self.project = open_project(self.path, read_only=True)
        total = 0
        for s in self.project.samples.values():
            for m in s.measurements.values():
                for c in m.columns.values():
                    total += c.values().size
            for r in s.results.values():
                for c in r.columns.values():
                    total += c.values().size
        for src in self.project.sources.values():
            total += len(src.read_bytes())

    def baseline(self) -> None:
        total = 0
        with h5py.File(self.bare, "r") as f:

            def visit(name, obj):
                nonlocal total
                if isinstance(obj, h5py.Dataset):
                    total += obj[()].size

            f.visititems(visit)

    def teardown(self) -> None:
        if self.project is not None:
            close_project(self.project)
            self.project = None


@register
class ProjectResave(Benchmark):
    name = "project_resave_1000"
    description = "Re-save an opened 1,000-sample project (in-HDF5 copy) vs bare h5py copy"

    def setup(self, workdir: Path, scale: float) -> None:
        src, self.bare, n = inputs(workdir, scale)
        self.path = workdir / f"resave_{n}.fwproj"
        self.path.write_bytes(src.read_bytes())
        self.project = open_project(self.path)
        self.copy_target = workdir / f"resave_bare_{n}.h5"

    def ours(self) -> None:
        self.project.add_sample("one more")
        save_project(self.project)

    def baseline(self) -> None:
        with h5py.File(self.bare, "r") as src, h5py.File(self.copy_target, "w") as dst:
            for name in src:
                src.copy(src[name], dst, name=name)
