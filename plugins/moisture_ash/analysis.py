"""Moisture and ash plugin: replicate weighings (or analyser values) -> mean, SD, checks.

Reads measurements of kind ``moisture`` (weighing columns dish / dish + wet / dish +
dry, or a ``moisture`` quantity from an analyser printout) and ``ash`` (crucible /
crucible + sample / crucible + ash, and the analysis-sample moisture as a column,
in the metadata or as the parameter). See ``calc`` for the formulas.
"""

from __future__ import annotations

import numpy as np

from workbench.analysis.api import AnalysisInputs, AnalysisOutput
from workbench.analysis.helpers import column_unit, find_column, finite_values, to_g
from workbench.basis import BasisError, convert, moisture_dry_basis
from workbench.classify.texts import basis_error, basis_name, fi
from workbench.errors import AnalysisError
from workbench.messages import Message, bilingual, fi_number
from workbench.model import Measurement, Quantity
from workbench.progress import Progress
from workbench.vocab import ash_method

from .calc import ash_dry_basis, moisture_wet_basis, summarise

DISH = ("dish_mass", "dish", "astia", "dish_g", "m1")
DISH_WET = ("dish_plus_wet_mass", "dish_wet", "dish + wet sample", "astia + märkä näyte", "m2")
DISH_DRY = ("dish_plus_dry_mass", "dish_dry", "dish + dry sample", "astia + kuiva näyte", "m3")
CRUCIBLE = ("crucible_mass", "crucible", "crucible_g", "upokas")
CRUCIBLE_SAMPLE = (
    "crucible_plus_sample_mass",
    "crucible_sample",
    "crucible_plus_dry_sample_g",
    "crucible_plus_sample_g",
    "crucible + sample",
    "upokas + näyte",
)
CRUCIBLE_ASH = (
    "crucible_plus_ash_mass",
    "crucible_ash",
    "crucible_plus_ash_g",
    "crucible + ash",
    "upokas + tuhka",
)
M_AD = ("analysis_moisture", "moisture_of_analysis_sample_pct", "analysis_sample_moisture")
M_AD_META = ("analysis_sample_moisture_pct", "analysis_moisture_pct", "analysis_moisture")
MOISTURE_METHOD = "ISO 18134 (oven drying, 105 °C)"
ASH_METHOD = "ISO 18122 (550 °C)"
REPLICATE = bilingual("Replicate", "Rinnakkaismääritys")
# Finnish words for the two determinations: genitive ("kosteuden vaihteluväli") and
# the compound of one determination ("kosteusmääritys").
_WHAT_FI = {"moisture": ("kosteuden", "kosteusmääritys"), "ash": ("tuhkan", "tuhkamääritys")}


def _grams(m: Measurement, aliases) -> np.ndarray:
    col = find_column(m, aliases)
    return to_g(finite_values(col), column_unit(col))


def _moisture_replicates(ms: list[Measurement], messages: list[Message]) -> list[float]:
    reps: list[float] = []
    for m in ms:
        if find_column(m, DISH, required=False) is not None:
            try:
                vals = moisture_wet_basis(_grams(m, DISH), _grams(m, DISH_WET), _grams(m, DISH_DRY))
            except ValueError as exc:
                raise AnalysisError(f"moisture weighings of {m.label or m.id}: {exc}") from None
            reps.extend(float(v) for v in vals if np.isfinite(v))
        elif "moisture" in m.quantities:
            q = m.quantities["moisture"]
            if q.basis not in ("ar", "none"):
                name = m.label or m.id
                messages.append(
                    bilingual(
                        f"{name}: moisture on basis {q.basis} skipped (wet basis expected).",
                        f"{name}: kosteusarvoa ei käytetty, koska sen perusta on "
                        f"{fi(basis_name(q.basis))} (odotettiin märkäpainoa).",
                    )
                )
                continue
            reps.extend(q.replicates or [q.value])
    return reps


def _analysis_moisture(m: Measurement, n: int, params: dict, messages: list[Message]) -> np.ndarray:
    col = find_column(m, M_AD, required=False)
    if col is not None:
        vals = finite_values(col)
        if np.all(np.isfinite(vals)):
            return vals
    for key in M_AD_META:
        if key in m.metadata:
            return np.full(n, float(m.metadata[key]))
    name, used = m.label or m.id, params["analysis_moisture"]
    messages.append(
        bilingual(
            f"{name}: the analysis-sample moisture is not stated; {used} % (parameter) was used.",
            f"{name}: analyysinäytteen kosteutta ei ole ilmoitettu; käytettiin parametrin "
            f"arvoa {fi_number(used)} %.",
        )
    )
    return np.full(n, params["analysis_moisture"])


def _furnace_temperature(m: Measurement) -> float | None:
    """The furnace temperature of an ash determination (its column or metadata), if one."""
    col = find_column(
        m, ("furnace_temperature", "temperature", "furnace_temperature_c"), required=False
    )
    if col is not None:
        vals = finite_values(col)
        if vals.size and np.all(vals == vals[0]):
            return float(vals[0])
    value = m.metadata.get("furnace_temperature_C")
    return float(value) if isinstance(value, int | float) else None


def ash_method_of(ms: list[Measurement]) -> str:
    """The method of the ash from these determinations: ISO 18122 at 550 °C, or the
    temperature the furnace actually ran at (815 °C is a different method)."""
    methods = {ash_method(_furnace_temperature(m)) for m in ms}
    return methods.pop() if len(methods) == 1 else "; ".join(sorted(methods))


def _ash_replicates(ms: list[Measurement], params: dict, messages: list[Message]) -> list[float]:
    reps: list[float] = []
    for m in ms:
        if find_column(m, CRUCIBLE, required=False) is not None:
            m1, m2, m3 = _grams(m, CRUCIBLE), _grams(m, CRUCIBLE_SAMPLE), _grams(m, CRUCIBLE_ASH)
            mad = _analysis_moisture(m, m1.size, params, messages)
            try:
                vals = ash_dry_basis(m1, m2, m3, mad)
            except ValueError as exc:
                raise AnalysisError(f"ash weighings of {m.label or m.id}: {exc}") from None
            reps.extend(float(v) for v in vals if np.isfinite(v))
        elif "ash" in m.quantities:
            q = m.quantities["ash"]
            if q.basis != "db":
                name = m.label or m.id
                messages.append(
                    bilingual(
                        f"{name}: ash on basis {q.basis} skipped (dry basis expected).",
                        f"{name}: tuhka-arvoa ei käytetty, koska sen perusta on "
                        f"{fi(basis_name(q.basis))} (odotettiin kuiva-ainetta).",
                    )
                )
                continue
            reps.extend(q.replicates or [q.value])
    return reps


def _quantity(
    values: list[float], unit: str, basis: str, method: str, limit: float, what: str, out
) -> Quantity:
    s = summarise(values, limit)
    genitive, determination = _WHAT_FI[what]
    if s.n > 1 and not s.within_limit:
        out.note(
            en=f"Replicates disagree: {what} range {s.range:.3f} percentage points exceeds the "
            f"repeatability limit {limit:g}; repeat the determination.",
            fi=f"Rinnakkaismääritykset poikkeavat toisistaan: {genitive} vaihteluväli "
            f"{fi_number(s.range, '.3f')} prosenttiyksikköä ylittää toistettavuusrajan "
            f"{fi_number(limit, 'g')}; "
            "toista määritys.",
        )
    elif s.n == 1:
        out.note(
            en=f"Only one {what} replicate: repeatability cannot be checked.",
            fi=f"Vain yksi {determination}: toistettavuutta ei voida tarkistaa ilman "
            "rinnakkaismääritystä.",
        )
    return Quantity(s.mean, unit, basis, sd=s.sd, n=s.n, method=method, replicates=list(values))


def run(inputs: AnalysisInputs, params: dict, progress: Progress) -> AnalysisOutput:
    """Moisture (wet basis) and ash (dry basis) of one sample with replicate checks."""
    sample = inputs.sample
    out = AnalysisOutput(label=bilingual("Moisture and ash", "Kosteus ja tuhka"))
    progress.update(0.1, "Reading weighings")
    moist = _moisture_replicates(sample.of_kind("moisture"), out.messages)
    ash = _ash_replicates(sample.of_kind("ash"), params, out.messages)
    if not moist and not ash:
        raise AnalysisError(f"sample {sample.name} has no moisture or ash weighings or values")
    if moist:
        q = _quantity(moist, "%", "ar", MOISTURE_METHOD, params["moisture_limit"], "moisture", out)
        out.values["moisture"] = q
        out.values["moisture_db"] = Quantity(
            float(moisture_dry_basis(q.value)), "%", "none", n=q.n, method=MOISTURE_METHOD
        )
        out.add_column("moisture_replicate", "", np.arange(1, len(moist) + 1), REPLICATE)
        out.add_column(
            "moisture_pct", "%", moist, bilingual("Moisture (wet basis)", "Kosteus (märkäpainosta)")
        )
        out.plots.append(
            {
                "kind": "table",
                "columns": ["moisture_replicate", "moisture_pct"],
                "title": bilingual("Moisture replicates", "Kosteuden rinnakkaismääritykset"),
            }
        )
    if ash:
        method = ash_method_of(sample.of_kind("ash"))
        q = _quantity(ash, "%", "db", method, params["ash_limit"], "ash", out)
        if not method.startswith("ISO 18122"):
            out.note(
                en=f"Ash determined as {method}: not the ISO 18122 method (550 °C) the ISO "
                "17225 ash classes use.",
                fi=f"Tuhka määritetty menetelmällä {method}: ei ISO 18122 -menetelmä "
                "(550 °C), jota ISO 17225 -tuhkaluokat käyttävät.",
            )
        out.values["ash"] = q
        out.add_column("ash_replicate", "", np.arange(1, len(ash) + 1), REPLICATE)
        out.add_column("ash_pct", "%", ash, bilingual("Ash (dry basis)", "Tuhka (kuiva-aineesta)"))
        out.plots.append(
            {
                "kind": "table",
                "columns": ["ash_replicate", "ash_pct"],
                "title": bilingual("Ash replicates", "Tuhkan rinnakkaismääritykset"),
            }
        )
        m_ar = out.values["moisture"].value if moist else None
        if m_ar is None:
            prior = sample.find_quantity("moisture", basis="ar")
            m_ar = prior.value if prior else None
        if m_ar is not None:
            try:
                ar = convert(q.value, "db", "ar", prop="ash", moisture_ar=m_ar)
                out.note(
                    en=f"Ash {q.value:.3f} % (dry basis) = {ar:.3f} % as received at "
                    f"moisture {m_ar:.2f} %.",
                    fi=f"Tuhka {fi_number(q.value, '.3f')} % (kuiva-aine) = "
                    f"{fi_number(ar, '.3f')} % saapumistilassa, kun kosteus on "
                    f"{fi_number(m_ar, '.2f')} %.",
                )
            except BasisError as exc:
                reason = basis_error(str(exc))
                out.note(
                    en=f"Ash could not be converted to as-received basis: {reason}.",
                    fi=f"Tuhkaa ei voitu muuntaa saapumistilaan: {fi(reason)}.",
                )
    progress.update(0.9, "Done")
    return out
