"""Synthetic spectra with a known linear relation to a property (for the spectral tests).

Three Gaussian "pure component" bands mixed by random concentrations, plus a small
additive offset and noise; the property is linear in the first concentration:
``y = 15 + 20 * c0`` (%, dry basis), like a lignin content.
"""

from __future__ import annotations

import numpy as np

from workbench.model import Column, Measurement, Project, Quantity, new_id


def synthetic(n: int = 60, p: int = 200, *, seed: int = 0, noise: float = 0.002):
    """Return (x, Y, y, C): axis, spectra (n, p), property values (n,), concentrations."""
    rng = np.random.default_rng(seed)
    x = np.linspace(1100.0, 2500.0, p)
    centres, widths = (1450.0, 1700.0, 2100.0), (60.0, 80.0, 120.0)
    S = np.array([np.exp(-0.5 * ((x - c) / w) ** 2) for c, w in zip(centres, widths)])
    C = rng.uniform(0.1, 1.0, size=(n, 3))
    Y = C @ S + rng.normal(0, 0.02, size=(n, 1)) + rng.normal(0, noise, size=(n, p))
    y = 15.0 + 20.0 * C[:, 0]
    return x, Y, y, C


def spectrum_measurement(x, y, *, label: str = "", unit: str = "nm") -> Measurement:
    return Measurement(
        id=new_id("m"),
        kind="spectrum",
        columns={
            "wavelength": Column("wavelength", unit, np.asarray(x, dtype=float), "Wavelength"),
            "absorbance": Column("absorbance", "", np.asarray(y, dtype=float), "Absorbance"),
        },
        signal="absorbance",
        axes=["wavelength"],
        label=label,
    )


def project_with_spectra(x, Y, y=None, *, prop: str = "lignin", missing=()) -> Project:
    """A project with one sample per row of Y; reference values as measured quantities."""
    project = Project()
    for i, row in enumerate(Y):
        sample = project.add_sample(f"S{i + 1:03d}")
        project.add_measurement(sample.id, spectrum_measurement(x, row, label=f"scan {i + 1}"))
        if y is not None and i not in set(missing):
            m = Measurement(
                id=new_id("m"),
                kind="properties",
                quantities={prop: Quantity(float(y[i]), "%", "db", method="wet chemistry")},
            )
            project.add_measurement(sample.id, m)
    return project
