"""The importer contract: what every instrument reader takes and returns.

A reader is pure: it gets the raw bytes of one file and its name, and returns a
``ParsedFile`` describing what it understood, without touching any project. The
import service (``workbench.importers.service``) shows that summary to the user
first and only then writes measurements and the original bytes into the project.

Readers detect their format from the content (``sniff``), never from the file name
alone (the name may break ties). A file that cannot be read raises
``workbench.errors.ImportFormatError(path, where, expected)`` naming the line or byte
offset and what was expected; no other exception type may escape ``parse``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from workbench.model import Column, Measurement, Quantity, new_id
from workbench.vocab import Basis


@dataclass
class ParsedMeasurement:
    """One measurement found in a file (a spectrum, a curve, a table, a set of values)."""

    kind: str
    sample_name: str | None = None
    columns: dict[str, Column] = field(default_factory=dict)
    signal: str | None = None
    axes: list[str] = field(default_factory=list)
    quantities: dict[str, Quantity] = field(default_factory=dict)
    label: str = ""
    method: str = ""
    instrument: str = ""
    replicate: int = 1
    basis: str = Basis.NONE.value
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_measurement(
        self, source_sha256: str, source_name: str, source_format: str
    ) -> Measurement:
        """A new project Measurement holding this data and pointing at its source file."""
        return Measurement(
            id=new_id("m"),
            kind=self.kind,
            columns=dict(self.columns),
            signal=self.signal,
            axes=list(self.axes),
            quantities=dict(self.quantities),
            label=self.label,
            method=self.method,
            instrument=self.instrument,
            replicate=self.replicate,
            basis=self.basis,
            source_sha256=source_sha256,
            source_name=source_name,
            source_format=source_format,
            metadata=dict(self.metadata),
        )

    def summary(self) -> dict[str, Any]:
        """What was understood, for the preview and ``import --dry-run --json``."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "sample": self.sample_name,
            "label": self.label,
            "replicate": self.replicate,
        }
        if self.columns:
            first = next(iter(self.columns.values()))
            out["n_points"] = int(first.shape[0]) if first.shape else 0
            cols = {}
            for name, col in self.columns.items():
                vals = np.asarray(col.data)
                info: dict[str, Any] = {"unit": col.unit}
                if vals.size and np.issubdtype(vals.dtype, np.number):
                    finite = vals[np.isfinite(vals)]
                    if finite.size:
                        info["range"] = [float(finite.min()), float(finite.max())]
                cols[name] = info
            out["columns"] = cols
        if self.signal:
            out["signal"] = self.signal
            out["axes"] = list(self.axes)
        if self.quantities:
            out["quantities"] = {k: q.to_json() for k, q in self.quantities.items()}
        if self.instrument:
            out["instrument"] = self.instrument
        if self.method:
            out["method"] = self.method
        if self.metadata:
            out["metadata"] = self.metadata
        return out


@dataclass
class ParsedFile:
    """Everything one reader understood about one file."""

    path: str
    format_id: str
    format_label: str
    measurements: list[ParsedMeasurement]
    instrument: str = ""
    encoding: str = ""
    warnings: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def sample_names(self) -> list[str]:
        names: list[str] = []
        for m in self.measurements:
            if m.sample_name and m.sample_name not in names:
                names.append(m.sample_name)
        return names

    def summary(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "format": self.format_id,
            "format_label": self.format_label,
            "instrument": self.instrument,
            "encoding": self.encoding,
            "samples": self.sample_names,
            "measurements": [m.summary() for m in self.measurements],
            "warnings": list(self.warnings),
        }


MiB = 1024 * 1024
DEFAULT_MAX_BYTES = 64 * MiB


def size_text(n: int) -> str:
    """A byte count for people: "512 KiB", "64 MiB", "5.0 GiB"."""
    if n >= 1024 * MiB:
        return f"{n / (1024 * MiB):.1f} GiB"
    if n >= MiB:
        return f"{n / MiB:.0f} MiB" if n % MiB == 0 else f"{n / MiB:.1f} MiB"
    if n >= 1024:
        return f"{n / 1024:.0f} KiB"
    return f"{n} bytes"


class Reader:
    """Base class of a format reader. Subclasses set the class attributes and override
    ``sniff`` and ``parse``.

    ``sniff`` looks at the first bytes (``head``, up to 64 KiB) and returns a
    confidence in [0, 1] that this reader handles the file (0 = certainly not).

    ``max_bytes`` is the largest file the reader takes (larger ones are refused before
    ``parse``), and ``memory_multiple`` the most memory its ``parse`` may allocate, as
    a multiple of the file's size: together they bound what one file can cost
    (``tests/test_import_bounds.py`` measures every reader against its multiple).
    """

    format_id: ClassVar[str] = ""
    format_label: ClassVar[str] = ""
    kinds: ClassVar[tuple[str, ...]] = ()
    max_bytes: ClassVar[int] = DEFAULT_MAX_BYTES
    memory_multiple: ClassVar[float] = 8.0

    def sniff(self, head: bytes, name: str) -> float:
        raise NotImplementedError

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        raise NotImplementedError


def column(name: str, unit: str, values, label: str = "") -> Column:
    """A float64 Column from any sequence (helper for readers)."""
    return Column(
        name=name, unit=unit, data=np.asarray(values, dtype=np.float64), label=label or name
    )
