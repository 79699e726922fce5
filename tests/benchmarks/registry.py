"""The benchmark registry: how to add a benchmark.

Create ``tests/benchmarks/bench_<topic>.py`` and register a subclass of ``Benchmark``::

    from tests.benchmarks.registry import Benchmark, register

    @register
    class ImportSpectra(Benchmark):
        name = "import_1000_spectra"
        description = "Import 1,000 JCAMP files"

        def setup(self, workdir: Path, scale: float) -> None:
            ...  # create inputs (cache them in workdir: every side runs in a new process)

        def ours(self) -> None:
            ...  # the operation through the workbench

        def baseline(self) -> None:
            ...  # the bare numpy/h5py/pandas equivalent of the same work

Only ``ours`` and ``baseline`` are timed; each runs in its own fresh Python process, so
peak memory is that side's own. ``scale`` (1.0 normally, smaller with ``--quick``) lets a
benchmark shrink its data for a smoke run.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

_REGISTRY: dict[str, type[Benchmark]] = {}


class Benchmark:
    """One benchmark: set up inputs, then time ``ours`` against ``baseline``."""

    name = ""
    description = ""
    # in-memory size of the arrays the operation produces (set in ``setup``); the run
    # prints peak memory as a multiple of it when it is not 0
    arrays_bytes = 0

    def setup(self, workdir: Path, scale: float) -> None:
        """Prepare inputs in ``workdir`` (not timed)."""

    def ours(self) -> None:
        raise NotImplementedError

    def baseline(self) -> None:
        raise NotImplementedError

    def teardown(self) -> None:
        """Release what ``ours``/``baseline`` left open (not timed)."""


def register(cls: type[Benchmark]) -> type[Benchmark]:
    """Class decorator adding a benchmark to the registry under ``cls.name``."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} has no name")
    if cls.name in _REGISTRY and _REGISTRY[cls.name] is not cls:
        raise ValueError(f"benchmark name {cls.name!r} is registered twice")
    _REGISTRY[cls.name] = cls
    return cls


def load(name: str, module: str | None = None) -> type[Benchmark]:
    """The benchmark class ``name``, importing only ``module`` when it is given."""
    if module:
        importlib.import_module(module)
        if name in _REGISTRY:
            return _REGISTRY[name]
    return discover()[name]


def discover() -> dict[str, type[Benchmark]]:
    """Import every ``bench_*`` module in this package and return the registry."""
    here = Path(__file__).resolve().parent
    for info in sorted(pkgutil.iter_modules([str(here)]), key=lambda i: i.name):
        if info.name.startswith("bench_"):
            importlib.import_module(f"tests.benchmarks.{info.name}")
    return dict(_REGISTRY)
