"""The demonstration project: common Finnish feedstocks and side streams.

``build_demo_project()`` reads ``resources/demo/feedstocks.json`` (published typical
values, each with its source, plus clearly marked assumptions) and builds a Project
whose samples carry synthetic instrument data generated around those values
(``workbench.synth``): moisture and ash weighings with replicates, a TGA curve, an
NIR spectrum and, for fibrous materials, a per-particle fibre list. The published
values themselves are stored as a "published typical values" measurement with the
citation of each value.

Everything is labelled as demonstration data (sample metadata ``data=demonstration``,
supplier "Demonstration data", notes) and deterministic (fixed seeds). The data file
itself is stored in the project as the source file of every demo measurement, so
the provenance of each number is one click away.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from workbench import synth
from workbench.errors import SpecificationError
from workbench.model import Column, Measurement, Project, Quantity, Sample
from workbench.paths import resources_dir
from workbench.vocab import PROPERTIES, SAMPLE_ATTRIBUTES, Basis, FeedstockType, MeasurementKind

DEMO_FILE = "feedstocks.json"
DEMO_LABEL = "demonstration"
SUPPLIER = "Demonstration data"
# The words the demo writes into its project, per language: a Finnish first start gets a
# Finnish demo (the sample data are the user's to read, not translated by the window).
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "supplier": SUPPLIER,
        "origin": "Finland (demonstration)",
        "notes": "DEMONSTRATION DATA - not a measurement of real material. {description} "
        "Typical values from published sources ({cited}); the instrument data are "
        "synthetic. {not_sourced}",
        "typical": "Published typical values",
        "moisture": "Moisture, oven drying",
        "ash": "Ash at 550 °C",
        "tga": "TGA curve",
        "nir": "NIR spectrum",
        "fibres": "Fibre analyser particle list",
    },
    "fi": {
        "supplier": "Esittelyaineisto",
        "origin": "Suomi (esittely)",
        "notes": "ESITTELYAINEISTOA - ei todellisen materiaalin mittaus. {description} "
        "Tyypilliset arvot julkaistuista lähteistä ({cited}); laitteiden aineisto on "
        "synteettistä. {not_sourced}",
        "typical": "Julkaistut tyypilliset arvot",
        "moisture": "Kosteus, uunikuivaus",
        "ash": "Tuhka 550 °C:ssa",
        "tga": "TGA-käyrä",
        "nir": "NIR-spektri",
        "fibres": "Kuituanalysaattorin partikkelilista",
    },
}
_INSTRUMENT = "synthetic (Fibre Workbench demonstration)"


def demo_data_path() -> Path:
    """The demo data file in the resources folder."""
    return resources_dir() / "demo" / DEMO_FILE


def load_demo_data(path: Path | None = None) -> tuple[dict[str, Any], bytes]:
    """The parsed demo data file and its raw bytes; checks every value names a known
    property with its vocabulary unit, and every source it cites."""
    path = path or demo_data_path()
    try:
        raw = path.read_bytes()
        data = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SpecificationError(f"{path}: the demo data file cannot be read ({exc}).") from exc
    sources = data.get("sources", {})
    for entry in data.get("samples", []):
        for attr, value in entry.get("attributes", {}).items():
            if value not in SAMPLE_ATTRIBUTES.get(attr, ()):
                raise SpecificationError(
                    f"{path}: sample {entry.get('key')}: {attr}={value!r} is not a sample "
                    "attribute of the vocabulary."
                )
        for tv in entry.get("typical_values", []):
            pdef = PROPERTIES.get(tv.get("property", ""))
            if pdef is None or pdef.unit != tv.get("unit"):
                raise SpecificationError(
                    f"{path}: sample {entry.get('key')}: {tv.get('property')!r} with unit "
                    f"{tv.get('unit')!r} is not a vocabulary property and unit."
                )
            if tv.get("source") not in sources:
                raise SpecificationError(
                    f"{path}: sample {entry.get('key')}: source {tv.get('source')!r} is not listed."
                )
        fibre = entry.get("fibre")
        if fibre and fibre.get("source") not in sources:
            raise SpecificationError(f"{path}: sample {entry.get('key')}: fibre source not listed.")
    return data, raw


def _param(entry: dict[str, Any], name: str, default: float | None = None) -> float | None:
    """A value for the synthetic data: the published typical value, else the assumption."""
    for tv in entry.get("typical_values", []):
        if tv["property"] == name:
            return float(tv["value"])
    assumed = entry.get("assumptions", {}).get(name)
    if assumed is not None:
        return float(assumed["value"])
    return default


def _source_text(data: dict[str, Any], sid: str) -> str:
    src = data["sources"][sid]
    return f"{sid}: {src['citation']}" + (f" <{src['url']}>" if src.get("url") else "")


def _col(name: str, unit: str, values: np.ndarray, label: str) -> Column:
    return Column(name=name, unit=unit, data=np.asarray(values, dtype=np.float64), label=label)


def _replicate_quantity(
    prop: str, values: np.ndarray, basis: Basis, method: str, ndigits: int
) -> Quantity:
    vals = [round(float(v), ndigits) for v in values]
    return Quantity(
        value=round(float(np.mean(values)), ndigits),
        unit="%",
        basis=basis.value,
        sd=round(float(np.std(values, ddof=1)), ndigits) if len(vals) > 1 else None,
        n=len(vals),
        method=method,
        origin="measured",
        replicates=vals,
    )


_WEIGHING_LABELS = {
    "dish_mass": "Dish",
    "dish_plus_wet_mass": "Dish + wet sample",
    "dish_plus_dry_mass": "Dish + dried sample",
    "crucible_mass": "Crucible",
    "crucible_plus_sample_mass": "Crucible + sample",
    "crucible_plus_ash_mass": "Crucible + ash",
}


def _weighing_columns(w: dict[str, np.ndarray]) -> dict[str, Column]:
    """Weighings as columns in g, named as the gravimetric importer names them."""
    return {k: _col(k, "g", v, _WEIGHING_LABELS[k]) for k, v in w.items()}


def _sid_key(sid: str) -> tuple[int, str]:
    digits = "".join(c for c in sid if c.isdigit())
    return (int(digits) if digits else 0, sid)


class _DemoBuilder:
    """Builds one demo sample's measurements (keeps the shared context in one place)."""

    def __init__(self, data: dict[str, Any], sha: str, lang: str = "en") -> None:
        self.data = data
        self.gen = data["generator"]
        self.sha = sha
        self.words = WORDS.get(lang, WORDS["en"])

    def _measurement(self, mid: str, kind: MeasurementKind, **fields: Any) -> Measurement:
        meta = {"data": DEMO_LABEL, **fields.pop("metadata", {})}
        return Measurement(
            id=mid,
            kind=kind.value,
            instrument=fields.pop("instrument", _INSTRUMENT),
            source_sha256=self.sha,
            source_name=DEMO_FILE,
            source_format="demo",
            metadata=meta,
            **fields,
        )

    def typical_values(self, key: str, entry: dict[str, Any]) -> Measurement | None:
        quantities: dict[str, Quantity] = {}
        cited: dict[str, Any] = {}
        for tv in entry.get("typical_values", []):
            if tv["property"] in ("moisture", "ash"):
                continue  # carried by the moisture and ash determinations
            method = tv.get("method") or "published typical value"
            quantities[tv["property"]] = Quantity(
                value=float(tv["value"]),
                unit=tv["unit"],
                basis=tv["basis"],
                sd=tv.get("sd"),
                method=f"{method} [{tv['source']}]",
                origin="typed",
            )
            cited[tv["property"]] = {
                "source": _source_text(self.data, tv["source"]),
                "note": tv.get("note", ""),
            }
        if not quantities:
            return None
        return self._measurement(
            f"m-{key}-literature",
            MeasurementKind.PROPERTIES,
            quantities=quantities,
            label=self.words["typical"],
            method="literature",
            instrument="",
            metadata={"sources": cited, "not_sourced": entry.get("not_sourced", "")},
        )

    def moisture(self, key: str, entry: dict[str, Any], rng: np.random.Generator) -> Measurement:
        target = _param(entry, "moisture")
        n = int(self.gen["moisture_replicates"])
        w = synth.moisture_weighings(target, n, float(self.gen["moisture_sd_points"]), rng)
        method = "ISO 18134-2 (oven drying at 105 °C)"
        q = _replicate_quantity(
            "moisture", synth.moisture_from_weighings(w), Basis.AS_RECEIVED, method, 2
        )
        return self._measurement(
            f"m-{key}-moisture",
            MeasurementKind.MOISTURE,
            columns={
                "replicate": _col("replicate", "", np.arange(1, n + 1), "Replicate"),
                **_weighing_columns(w),
                "oven_temperature": _col("oven_temperature", "°C", np.full(n, 105.0), "Oven"),
            },
            quantities={"moisture": q},
            label=self.words["moisture"],
            method=method,
            basis=Basis.AS_RECEIVED.value,
            metadata={
                "oven_temperature_C": 105.0,
                "n_replicates": n,
                "target": self._target(entry, "moisture"),
            },
        )

    def ash(self, key: str, entry: dict[str, Any], rng: np.random.Generator) -> Measurement:
        target = _param(entry, "ash")
        n = int(self.gen["ash_replicates"])
        m_ad = float(self.gen["analysis_sample_moisture_ad"])
        w = synth.ash_weighings(target, m_ad, n, float(self.gen["ash_sd_relative"]), rng)
        method = "ISO 18122 (550 °C)"
        q = _replicate_quantity("ash", synth.ash_from_weighings(w, m_ad), Basis.DRY, method, 3)
        return self._measurement(
            f"m-{key}-ash",
            MeasurementKind.ASH,
            columns={
                "replicate": _col("replicate", "", np.arange(1, n + 1), "Replicate"),
                **_weighing_columns(w),
                "furnace_temperature": _col(
                    "furnace_temperature", "°C", np.full(n, 550.0), "Furnace"
                ),
                "analysis_moisture": _col(
                    "analysis_moisture", "%", np.full(n, m_ad), "Moisture of analysis sample"
                ),
            },
            quantities={"ash": q},
            label=self.words["ash"],
            method=method,
            basis=Basis.DRY.value,
            metadata={
                "furnace_temperature_C": 550.0,
                "sample_state": "analysis sample",
                "n_replicates": n,
                "target": self._target(entry, "ash"),
            },
        )

    def tga(self, key: str, entry: dict[str, Any], rng: np.random.Generator) -> Measurement:
        prog = synth.TgaProgramme(**{k: float(v) for k, v in self.gen["tga"].items()})
        moisture, ash = _param(entry, "moisture"), _param(entry, "ash")
        volatile = _param(entry, "volatile_matter")
        curve = synth.tga_curve(moisture, volatile, ash, self._composition(entry), rng, prog)
        return self._measurement(
            f"m-{key}-tga",
            MeasurementKind.TGA,
            columns={
                "temperature": _col("temperature", "°C", curve["temperature"], "Temperature"),
                "time": _col("time", "min", curve["time"], "Time"),
                "mass": _col("mass", "%", curve["mass"], "Mass"),
            },
            signal="mass",
            axes=["temperature"],
            label=self.words["tga"],
            method="ASTM E1131 (proximate analysis by TGA)",
            basis=Basis.AS_RECEIVED.value,
            metadata={
                "sample_mass_mg": 10.0,
                "heating_rate": prog.rate_k_per_min,
                "heating_rate_unit": "K/min",
                "gas": "nitrogen",
                "gas_switches": [
                    {"time_min": 0.0, "temperature_C": prog.start_c, "gas": "nitrogen"},
                    {"time_min": prog.switch_min, "temperature_C": prog.end_c, "gas": "air"},
                ],
                "programme": (
                    f"{prog.start_c:g} to {prog.end_c:g} °C at {prog.rate_k_per_min:g} K/min "
                    f"in nitrogen, then {prog.hold_min:g} min at {prog.end_c:g} °C in air"
                ),
                "targets": {
                    "moisture_ar": moisture,
                    "volatile_matter_db": volatile,
                    "ash_db": ash,
                    "fixed_carbon_db": round(100.0 - volatile - ash, 4),
                },
            },
        )

    def nir(self, key: str, entry: dict[str, Any], rng: np.random.Generator) -> Measurement:
        g = self.gen
        x = np.linspace(float(g["nir_start_nm"]), float(g["nir_stop_nm"]), int(g["nir_points"]))
        y = synth.nir_spectrum(x, self._composition(entry), _param(entry, "moisture"), rng)
        return self._measurement(
            f"m-{key}-nir",
            MeasurementKind.SPECTRUM,
            columns={
                "wavelength": _col("wavelength", "nm", x, "Wavelength"),
                "absorbance": _col("absorbance", "log(1/R)", y, "Absorbance"),
            },
            signal="absorbance",
            axes=["wavelength"],
            label=self.words["nir"],
            method="NIR diffuse reflectance",
            basis=Basis.AS_RECEIVED.value,
            metadata={"technique": "NIR", "composition_used_db": self._composition(entry)},
        )

    def fibres(self, key: str, entry: dict[str, Any], rng: np.random.Generator) -> Measurement:
        fibre = entry["fibre"]
        p = synth.fibre_particles(
            int(self.gen["fibre_particles"]),
            float(fibre["length_mm"]),
            fibre["weighting"],
            _param(entry, "fibre_width_um"),
            _param(entry, "fibre_curl_pct"),
            rng,
            sigma=float(self.gen["fibre_length_sigma"]),
        )
        return self._measurement(
            f"m-{key}-fibres",
            MeasurementKind.FIBRE_PARTICLES,
            columns={
                "length": _col("length", "mm", p["length"], "Length"),
                "width": _col("width", "µm", p["width"], "Width"),
                "curl": _col("curl", "%", p["curl"], "Curl"),
                "kinks": _col("kinks", "", p["kinks"], "Kinks"),
            },
            label=self.words["fibres"],
            method="ISO 16065-2 (image analysis)",
            metadata={
                "target": {
                    "property": "fibre_length_" + fibre["weighting"],
                    "value_mm": float(fibre["length_mm"]),
                    "source": _source_text(self.data, fibre["source"]),
                    "note": fibre.get("note", ""),
                }
            },
        )

    def _composition(self, entry: dict[str, Any]) -> dict[str, float]:
        return {k: _param(entry, k, 0.0) for k in ("cellulose", "hemicellulose", "lignin", "ash")}

    def _target(self, entry: dict[str, Any], prop: str) -> dict[str, Any]:
        for tv in entry.get("typical_values", []):
            if tv["property"] == prop:
                return {"value": tv["value"], "source": _source_text(self.data, tv["source"])}
        assumed = entry.get("assumptions", {}).get(prop, {})
        return {"value": assumed.get("value"), "source": "assumption: " + assumed.get("note", "")}


def _sample(data: dict[str, Any], entry: dict[str, Any], lang: str = "en") -> Sample:
    cited_set = {tv["source"] for tv in entry.get("typical_values", [])}
    if entry.get("fibre"):
        cited_set.add(entry["fibre"]["source"])
    cited = sorted(cited_set, key=_sid_key)
    words = WORDS.get(lang, WORDS["en"])
    fi = lang == "fi"

    def text(field: str) -> str:
        return str((fi and entry.get(f"{field}_fi")) or entry.get(field, ""))

    notes = words["notes"].format(
        description=text("description"), cited=", ".join(cited), not_sourced=text("not_sourced")
    )
    return Sample(
        id="s-" + entry["key"].replace("_", "-"),
        name=text("name"),
        feedstock_type=FeedstockType(entry["feedstock_type"]).value,
        supplier=words["supplier"],
        origin=words["origin"] if entry.get("origin") else "",
        date_received=data.get("date_received", ""),
        notes=notes.strip(),
        metadata={
            "data": DEMO_LABEL,
            "demo_key": entry["key"],
            "sources": ", ".join(cited),
            **{k: str(v) for k, v in entry.get("attributes", {}).items()},
        },
    )


def build_demo_project(data_path: Path | None = None, lang: str = "en") -> Project:
    """A new, unsaved Project holding the demonstration samples, named and described in
    ``lang`` ("en" or "fi"; the values are the same)."""
    data, raw = load_demo_data(data_path)
    project = Project()
    project.settings["demo"] = True
    sha, _ = project.add_source(raw, DEMO_FILE, fmt="demo")
    builder = _DemoBuilder(data, sha, lang)
    seed = int(data["generator"]["seed"])
    for index, entry in enumerate(data["samples"]):
        rng = np.random.default_rng([seed, index])
        sample = _sample(data, entry, lang)
        project.insert_sample(sample)
        key = entry["key"].replace("_", "-")
        measurements = [
            builder.typical_values(key, entry),
            builder.moisture(key, entry, rng),
            builder.ash(key, entry, rng),
            builder.tga(key, entry, rng),
            builder.nir(key, entry, rng),
            builder.fibres(key, entry, rng) if entry.get("fibre") else None,
        ]
        for m in measurements:
            if m is not None:
                project.add_measurement(sample.id, m)
    project.log("create demo", f"{len(project.samples)} demonstration samples from {DEMO_FILE}")
    return project


def write_demo(path: str | Path, lang: str = "en") -> Project:
    """Build the demo project (in ``lang``) and save it to ``path``; returns the saved
    (closed) project."""
    from workbench.project.store import close_project, save_project

    project = build_demo_project(lang=lang)
    save_project(project, Path(path))
    close_project(project)
    return project
