"""Synthetic projects of any size for tests, benchmarks and the self-test.

``make_project`` builds a deterministic project (seeded) with every part the store
writes: samples with metadata, an NIR-like spectrum and a TGA curve per sample, a
table measurement, quantities with unit and basis, a derived result with a curve and
a plot, stored source bytes, a stored model and settings. The values are plausible
shapes, not real data; they exist to exercise the file format at scale.
"""

from __future__ import annotations

import numpy as np

from workbench.model import Column, Measurement, Project, Quantity, Result, StoredModel
from workbench.vocab import FeedstockType

_TYPES = [f.value for f in FeedstockType]


def make_project(
    n_samples: int = 3,
    *,
    spectrum_points: int = 1500,
    tga_points: int = 700,
    seed: int = 0,
    with_table: bool = True,
    extra_spectra: int = 0,
) -> Project:
    """A project of ``n_samples`` samples, each with a spectrum, a TGA curve and a result.

    ``extra_spectra`` adds that many more replicate spectra per sample (for projects
    with many measurements, e.g. 1,000 samples and 10,000 measurements).
    """
    rng = np.random.default_rng(seed)
    p = Project()
    wavelength = np.linspace(1000.0, 2500.0, spectrum_points)
    temperature = np.linspace(30.0, 900.0, tga_points)
    for i in range(n_samples):
        s = p.add_sample(
            f"Sample {i:04d}",
            feedstock_type=_TYPES[i % len(_TYPES)],
            supplier=f"Supplier {i % 7}",
            origin="Kuopio, FI",
            date_received="2026-03-01",
            notes="synthetic test sample; ääkköset ok",
            metadata={"batch": str(i // 10), "lab id": f"L-{i}"},
        )
        raw = f"synthetic export {i}\n".encode() * 20
        sha, _ = p.add_source(raw, f"export_{i}.csv", "csv")
        spec = Measurement(
            id=f"m-spec-{i}",
            kind="spectrum",
            columns={
                "wavelength": Column("wavelength", "nm", wavelength.copy(), "Wavelength"),
                "absorbance": Column(
                    "absorbance",
                    "",
                    0.5
                    + 0.1 * np.sin(wavelength / (50 + i % 13))
                    + 0.01 * rng.standard_normal(spectrum_points),
                    "Absorbance",
                ),
            },
            signal="absorbance",
            axes=["wavelength"],
            method="NIR",
            instrument="Synthetic NIR",
            source_sha256=sha,
            source_name=f"export_{i}.csv",
            source_format="csv",
            metadata={"scans": 32, "resolution_nm": 2.0},
        )
        p.add_measurement(s.id, spec)
        mass = 100.0 - 90.0 / (1.0 + np.exp(-(temperature - 330.0 - i % 40) / 25.0))
        tga = Measurement(
            id=f"m-tga-{i}",
            kind="tga",
            columns={
                "temperature": Column("temperature", "degC", temperature.copy(), "Temperature"),
                "mass": Column("mass", "%", mass, "Mass"),
                "time": Column("time", "min", temperature / 10.0, "Time"),
            },
            signal="mass",
            axes=["temperature"],
            method="ASTM E1131",
            instrument="Synthetic TGA",
            replicate=1 + i % 3,
            basis="ad",
            quantities={
                "moisture": Quantity(
                    8.0 + i % 5,
                    "%",
                    "ar",
                    sd=0.2,
                    n=3,
                    method="ISO 18134-3",
                    replicates=[7.9, 8.0, 8.1],
                ),
                "ash_550": Quantity(0.5 + (i % 9) / 10, "%", "db", method="ISO 18122"),
            },
        )
        p.add_measurement(s.id, tga)
        if with_table and i % 10 == 0:
            n = 50
            table = Measurement(
                id=f"m-fib-{i}",
                kind="fibre_particles",
                columns={
                    "Length / mm": Column("Length / mm", "mm", rng.gamma(2.0, 0.5, n)),
                    "Width": Column("Width", "um", rng.normal(25, 5, n)),
                    "Class": Column("Class", "", np.array(["fibre", "fines"] * (n // 2))),
                    "Kinks": Column("Kinks", "1", rng.integers(0, 4, n).astype(np.int32)),
                },
            )
            p.add_measurement(s.id, table)
        for k in range(extra_spectra):
            p.add_measurement(
                s.id,
                Measurement(
                    id=f"m-rep-{i}-{k}",
                    kind="spectrum",
                    columns={
                        "wavelength": Column("wavelength", "nm", wavelength.copy()),
                        "absorbance": Column(
                            "absorbance", "", 0.5 + 0.01 * rng.standard_normal(spectrum_points)
                        ),
                    },
                    signal="absorbance",
                    axes=["wavelength"],
                    replicate=2 + k,
                ),
            )
        dtg = -np.gradient(mass, temperature)
        result = Result(
            id=f"r-prox-{i}",
            plugin_id="proximate",
            plugin_version="1.0.0",
            parameters={"ash_temperature_C": 550, "window": [105, 900]},
            inputs=[{"type": "measurement", "id": tga.id, "sample": s.id}],
            values={
                "volatile_matter": Quantity(78.5, "%", "db", method="ASTM E1131", origin="derived"),
                "fixed_carbon": Quantity(float("nan"), "%", "db", origin="derived"),
            },
            columns={
                "temperature": Column("temperature", "degC", temperature.copy()),
                "dtg": Column("dtg", "%/degC", dtg),
            },
            plots=[{"x": "temperature", "y": ["dtg"], "title": "DTG"}],
            messages=["synthetic"],
        )
        p.add_result(s.id, result)
    p.add_model(
        StoredModel(
            id="model-pls",
            kind="pls",
            name="Synthetic PLS",
            params={"n_components": 3, "target": "lignin"},
            arrays={"coef": rng.standard_normal((spectrum_points, 1)), "x_mean": wavelength / 1e4},
            provenance={"cv_rmse": 1.2},
        )
    )
    p.settings = {"language": "en", "routes": ["biochar", "pellets"]}
    return p
