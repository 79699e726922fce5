"""Benchmarks of importing through the workbench against a bare parse + h5py write.

* ``import_particles_1m``: a 1,000,000-particle per-fibre list (cp1252, ';', decimal
  comma, Finnish header) imported into a new project and saved, versus
  ``numpy.loadtxt`` of the same bytes plus an h5py write of its columns.
* ``import_spectra_500``: 500 two-column spectrum CSV files (1,868 points each)
  imported as a batch into a new project and saved, versus ``numpy.loadtxt`` of each
  file plus an h5py write of every spectrum.

The workbench side does everything an import does: content-based format detection,
strict number checks, storing the original bytes with their SHA-256, and an atomic
save. Targets (issue 3): at most 1.5x the baseline time and 3x the arrays' size in
peak memory.
"""

from __future__ import annotations

import io
from pathlib import Path

import h5py
import numpy as np

from tests.benchmarks.registry import Benchmark, register

N_PARTICLES = 1_000_000
N_SPECTRA = 500
N_POINTS = 1868


def particle_file(n: int) -> bytes:
    """A per-fibre list as a Finnish instrument PC writes it."""
    rng = np.random.default_rng(1)
    table = np.column_stack(
        [
            np.arange(1, n + 1),
            rng.lognormal(0.0, 0.7, n),
            rng.normal(28, 5, n),
            rng.gamma(2, 3, n),
            rng.integers(0, 4, n),
        ]
    )
    buf = io.StringIO()
    buf.write("Kuitu nro;Pituus (mm);Leveys (µm);Käyristymä (%);Kinkit\r\n")
    np.savetxt(buf, table, fmt=["%d", "%.3f", "%.1f", "%.1f", "%d"], delimiter=";", newline="\r\n")
    return buf.getvalue().replace(".", ",").encode("cp1252")


def spectrum_file(i: int) -> bytes:
    x = np.linspace(4000.0, 400.0, N_POINTS)
    y = 0.5 + 0.3 * np.sin(x / (90.0 + i % 17)) + 0.001 * i
    body = "\n".join(f"{a:.4f},{b:.6f}" for a, b in zip(x, y))
    return f"wavenumber (cm-1),absorbance\n{body}\n".encode()


def _import_and_save(paths: list[Path], target: Path) -> None:
    from workbench.importers.service import import_files
    from workbench.model import Project
    from workbench.project.store import close_project, save_project

    project = Project()
    summary = import_files(project, paths, new_sample=True)
    if summary.count("imported") != len(paths):
        raise RuntimeError(summary.to_json())
    save_project(project, target)
    close_project(project)


@register
class ImportParticles(Benchmark):
    name = "import_particles_1m"
    description = "Import a 1,000,000-particle per-fibre list and save vs loadtxt + h5py"

    def setup(self, workdir: Path, scale: float) -> None:
        n = max(1000, int(N_PARTICLES * scale))
        self.src = workdir / f"particles_{n}.csv"
        if not self.src.exists():
            self.src.write_bytes(particle_file(n))
        self.target = workdir / "particles.fwproj"
        self.bare = workdir / "particles_bare.h5"

    def ours(self) -> None:
        _import_and_save([self.src], self.target)

    def baseline(self) -> None:
        raw = self.src.read_bytes()
        table = np.loadtxt(io.BytesIO(raw.replace(b",", b".")), delimiter=";", skiprows=1)
        with h5py.File(self.bare, "w") as f:
            for j, name in enumerate(("length", "width", "curl", "kinks"), start=1):
                f.create_dataset(name, data=table[:, j])


@register
class ImportSpectraBatch(Benchmark):
    name = "import_spectra_500"
    description = "Import 500 spectrum CSV files as one batch and save vs loadtxt + h5py"

    def setup(self, workdir: Path, scale: float) -> None:
        n = max(5, int(N_SPECTRA * scale))
        self.folder = workdir / f"spectra_{n}"
        if not self.folder.exists():
            self.folder.mkdir()
            for i in range(n):
                (self.folder / f"spectrum_{i:04d}.csv").write_bytes(spectrum_file(i))
        self.files = sorted(self.folder.glob("*.csv"))
        self.target = workdir / "spectra.fwproj"
        self.bare = workdir / "spectra_bare.h5"

    def ours(self) -> None:
        _import_and_save(self.files, self.target)

    def baseline(self) -> None:
        with h5py.File(self.bare, "w") as f:
            for path in self.files:
                xy = np.loadtxt(path, delimiter=",", skiprows=1)
                g = f.create_group(path.stem)
                g.create_dataset("x", data=xy[:, 0])
                g.create_dataset("y", data=xy[:, 1])
