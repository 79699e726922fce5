"""TGA proximate analysis plugin: moisture, volatile matter, ash, fixed carbon and DTG.

Each ``tga`` measurement of the sample is evaluated (replicate curves are averaged,
with SD); the DTG curve and its peaks come from the first curve. See ``proximate``
for the definitions and the default temperatures, ``peaks`` for what each DTG peak
is called and which one is the main decomposition peak. The plots mark the moisture
end temperature (T1) and the gas switch, and name each DTG peak.
"""

from __future__ import annotations

import re

import numpy as np

from workbench.analysis.api import AnalysisInputs, AnalysisOutput
from workbench.analysis.helpers import column_unit, find_column, finite_values
from workbench.errors import AnalysisError
from workbench.messages import Message, bilingual, fi_number, message_text
from workbench.model import Measurement, Quantity
from workbench.progress import Progress

from .peaks import main_peak, peak_name
from .proximate import Proximate, crossing, dtg, dtg_peaks, proximate

TEMPERATURE = ("temperature", "sample temperature", "temp.", "temp", "ts")
MASS = ("mass", "weight", "tg", "mass_pct", "sample weight")
TIME = ("time", "t")
METHOD = "ASTM E1131 (TGA proximate analysis)"
TEMPERATURE_LABEL = bilingual("Temperature", "Lämpötila")
TEMPERATURE_AXIS = bilingual("Temperature (°C)", "Lämpötila (°C)")
_OXIDISING = re.compile(r"\b(air|oxygen|o2|synthetic air|ilma|happi)\b", re.I)


def _curve(m: Measurement) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None]:
    """(temperature °C, mass % of initial, time in min, programme step) of a TGA measurement.

    Time and step are None when the file has no such column.
    """
    t = finite_values(find_column(m, TEMPERATURE))
    mass = finite_values(find_column(m, MASS))
    tcol = find_column(m, TIME, required=False)
    time = None
    if tcol is not None:
        time = finite_values(tcol)
        if column_unit(tcol).strip().lower() in ("s", "sec", "second", "seconds"):
            time = time / 60.0
    scol = find_column(m, ("step", "segment"), required=False)
    step = finite_values(scol) if scol is not None else None
    ok = np.isfinite(t) & np.isfinite(mass) & (np.isfinite(time) if time is not None else True)
    t, mass = t[ok], mass[ok]
    time = time[ok] if time is not None else None
    step = step[ok] if step is not None else None
    if t.size < 5:
        raise AnalysisError(f"TGA curve {m.label or m.id} has fewer than 5 readable points")
    if mass[0] <= 0:
        raise AnalysisError(f"TGA curve {m.label or m.id} starts at a non-positive mass")
    return t, mass / mass[0] * 100.0, time, step


def _switch_from_metadata(
    m: Measurement, t: np.ndarray, time: np.ndarray | None, step: np.ndarray | None
) -> int | None:
    """The row of the first stated switch to an oxidising gas (by row, time, step or temperature)."""
    for sw in m.metadata.get("gas_switches", []) or []:
        if not isinstance(sw, dict):
            continue
        gas = f"{sw.get('gas', '')} {sw.get('name', '')}"
        if not _OXIDISING.search(gas):
            continue
        if "row" in sw:
            return int(sw["row"])
        if "step" in sw and step is not None:
            rows = np.flatnonzero(step >= float(sw["step"]))
            if rows.size:
                return int(rows[0])
        if "time_min" in sw and time is not None:
            above = np.flatnonzero(time >= float(sw["time_min"]))
            if above.size:
                return int(above[0])
        if "temperature_C" in sw:
            idx = crossing(t, float(sw["temperature_C"]))
            if idx is not None:
                return int(np.ceil(idx))
    return None


def _switch_index(m, t, time, step, params, notes: list[Message]) -> int:
    mode = params["switch_mode"]
    idx: int | None = None
    if mode in ("auto", "metadata"):
        idx = _switch_from_metadata(m, t, time, step)
        if idx is not None:
            where = f"{idx}, {t[idx]:.1f} °C"
            where_fi = f"{idx}; {fi_number(t[idx], '.1f')} °C"
            notes.append(
                bilingual(
                    f"Gas switch to oxidising taken from the file (row {where}).",
                    f"Vaihto hapettavaan kaasuun luettiin tiedostosta (rivi {where_fi}).",
                )
            )
        elif mode == "metadata":
            raise AnalysisError(
                "the file states no switch to an oxidising gas; choose another switch mode"
            )
    if idx is None and mode == "time":
        if time is None:
            raise AnalysisError("the curve has no time column; choose another switch mode")
        above = np.flatnonzero(time >= params["switch_time"])
        idx = int(above[0]) if above.size else t.size - 1
    elif idx is None and mode == "index":
        idx = min(params["switch_index"], t.size - 1)
    elif idx is None:
        cross = crossing(t, params["switch_temperature"])
        if cross is None:
            idx = int(np.argmax(t))
            never, top = params["switch_temperature"], t[idx]
            notes.append(
                bilingual(
                    f"The curve never reaches {never:g} °C; the switch was taken "
                    f"at its highest temperature ({top:.1f} °C).",
                    f"Käyrä ei saavuta lämpötilaa {fi_number(never, 'g')} °C; kaasunvaihto "
                    f"asetettiin käyrän korkeimpaan lämpötilaan ({fi_number(top, '.1f')} °C).",
                )
            )
        else:
            idx = int(np.ceil(cross))
            notes.append(
                bilingual(
                    f"Inert/oxidising switch taken where the temperature reaches {t[idx]:.1f} °C.",
                    "Vaihto inertistä hapettavaan kaasuun asetettiin kohtaan, jossa lämpötila "
                    f"saavuttaa {fi_number(t[idx], '.1f')} °C.",
                )
            )
    return int(min(max(idx, 1), t.size - 1))


def _markers(t1: float, switch_temperature: float) -> list[dict]:
    """Vertical lines on the plots: the moisture end temperature and the gas switch."""
    return [
        {
            "x": float(t1),
            "label": bilingual(
                f"T1, moisture end ({t1:g} °C)",
                f"T1, kosteuden loppu ({fi_number(t1, 'g')} °C)",
            ),
        },
        {
            "x": float(switch_temperature),
            "label": bilingual(
                f"Gas switch to oxidising ({switch_temperature:.0f} °C)",
                f"Vaihto hapettavaan kaasuun ({fi_number(switch_temperature, '.0f')} °C)",
            ),
        },
    ]


def _mean_q(vals: list[float], unit: str, basis: str) -> Quantity:
    arr = np.asarray(vals, dtype=float)
    sd = float(arr.std(ddof=1)) if arr.size > 1 else None
    return Quantity(
        float(arr.mean()), unit, basis, sd=sd, n=int(arr.size), method=METHOD, replicates=list(vals)
    )


def run(inputs: AnalysisInputs, params: dict, progress: Progress) -> AnalysisOutput:
    """Proximate analysis (dry basis; moisture as received) and DTG of the sample's TGA curves."""
    sample = inputs.sample
    curves = [
        m for m in sample.of_kind("tga") if m.signal in (None, "", "mass") or "mass" in m.columns
    ]
    if not curves:
        raise AnalysisError(f"sample {sample.name} has no TGA mass curve")
    out = AnalysisOutput(label=bilingual("TGA proximate analysis", "TGA-välitön analyysi"))
    results: list[Proximate] = []
    first = None
    for k, m in enumerate(curves):
        progress.update(0.1 + 0.6 * k / len(curves), f"Evaluating {m.label or m.id}")
        t, w, time, step = _curve(m)
        notes: list[Message] = []
        s = _switch_index(m, t, time, step, params, notes)
        try:
            res = proximate(t, w, s, params["moisture_end_temperature"], params["end_points"])
        except ValueError as exc:
            raise AnalysisError(f"TGA curve {m.label or m.id}: {exc}") from None
        res.notes[:0] = notes
        results.append(res)
        if first is None:
            first = (t, w, s)
        name = m.label or m.id
        for n in res.notes:
            out.note(en=f"{name}: {message_text(n, 'en')}", fi=f"{name}: {message_text(n, 'fi')}")
    out.values["moisture"] = _mean_q([r.moisture_ar for r in results], "%", "ar")
    out.values["volatile_matter"] = _mean_q([r.volatile_db for r in results], "%", "db")
    with_ash = [r for r in results if r.ash_db is not None]
    if with_ash:
        out.values["ash"] = _mean_q([r.ash_db for r in with_ash], "%", "db")
        out.values["fixed_carbon"] = _mean_q([r.fixed_carbon_db for r in with_ash], "%", "db")
    progress.update(0.8, "DTG")
    t, w, s = first
    t1 = params["moisture_end_temperature"]
    dt, rate = dtg(t, w, s + 1, params["smoothing_window"])
    pt, pr = dtg_peaks(dt, rate, params["peak_prominence"])
    names = [peak_name(float(x), t1) for x in pt]
    out.add_column("temperature", "°C", t, TEMPERATURE_LABEL)
    out.add_column(
        "mass_pct",
        "%",
        w,
        bilingual("Mass, relative to the initial mass", "Massa suhteessa alkumassaan"),
    )
    out.add_column("dtg_temperature", "°C", dt, TEMPERATURE_LABEL)
    out.add_column("dtg", "%/°C", rate, "DTG (-dm/dT)")
    out.add_column("peak_temperature", "°C", pt, bilingual("Peak temperature", "Huippulämpötila"))
    out.add_column("peak_rate", "%/°C", pr, bilingual("Peak DTG", "DTG-huippu"))
    main = main_peak(pt, pr, t1)
    if main is not None:
        out.values["dtg_peak_temperature"] = Quantity(float(pt[main]), "°C", "none", method=METHOD)
    if pt.size:
        out.note(
            en="DTG peaks: " + "; ".join(message_text(n, "en") for n in names) + ".",
            fi="DTG-huiput: " + "; ".join(message_text(n, "fi") for n in names) + ".",
        )
    if main is not None and pt[0] < t1:
        out.note(
            en=f"The main DTG peak is the decomposition peak at {pt[main]:.0f} °C; the "
            f"drying peak below {t1:g} °C is water leaving, not decomposition.",
            fi=f"DTG:n päähuippu on hajoamishuippu {fi_number(pt[main], '.0f')} °C; "
            f"alle {fi_number(t1, 'g')} °C:n kuivumishuippu on poistuvaa vettä, ei hajoamista.",
        )
    markers = _markers(t1, float(t[s]))
    out.plots.append(
        {
            "kind": "line",
            "x": "temperature",
            "y": ["mass_pct"],
            "title": bilingual("TGA curve", "TGA-käyrä"),
            "x_label": TEMPERATURE_AXIS,
            "y_label": bilingual("Mass (%)", "Massa (%)"),
            "markers": markers,
        }
    )
    out.plots.append(
        {
            "kind": "line",
            "x": "dtg_temperature",
            "y": ["dtg"],
            "title": bilingual("DTG curve", "DTG-käyrä"),
            "x_label": TEMPERATURE_AXIS,
            "y_label": "-dm/dT (%/°C)",
            "markers": markers[:1],
            "points": [
                {"x": float(x), "y": float(y), "label": name} for x, y, name in zip(pt, pr, names)
            ],
        }
    )
    out.plots.append(
        {
            "kind": "table",
            "columns": ["peak_temperature", "peak_rate"],
            "row_labels": names,
            "title": bilingual("DTG peaks", "DTG-huiput"),
        }
    )
    out.note(
        en="Volatile matter, ash and fixed carbon (by difference) are on dry basis; "
        "moisture is as received.",
        fi="Haihtuvat aineet, tuhka ja (erotuksena laskettu) kiinteä hiili ilmoitetaan "
        "kuiva-aineessa; kosteus saapumistilassa.",
    )
    return out
