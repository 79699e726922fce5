"""Fuel properties plugin: heating values by published correlations and molar ratios.

Inputs are the sample's quantities (typed or imported values, earlier results of
``moisture_ash`` and ``tga_proximate``); values on as-received or air-dried basis
are converted to dry basis with ``workbench.basis.convert`` when the moisture needed
is known. Gravimetric ash (``moisture_ash``) is preferred over TGA ash. See
``correlations`` for the formulas and their sources.
"""

from __future__ import annotations

from workbench.analysis.api import AnalysisInputs, AnalysisOutput, SampleInputs
from workbench.basis import BasisError, convert
from workbench.classify.texts import basis_error, basis_name, fi
from workbench.errors import AnalysisError
from workbench.messages import Message, bilingual, fi_number
from workbench.model import Quantity
from workbench.progress import Progress
from workbench.vocab import PROPERTIES

from .correlations import hhv_channiwala, hhv_parikh, lhv_as_received, lhv_dry, molar_ratio

PARIKH = "Parikh et al. 2005, Fuel 84:487 (proximate)"
CHANNIWALA = "Channiwala & Parikh 2002, Fuel 81:1051 (ultimate)"
ISO18125 = "ISO 18125 (net from gross calorific value)"
# "converted from <basis>" in Finnish: the basis name in the elative case.
_FROM_BASIS_FI = {
    "ar": "saapumistilasta",
    "ad": "ilmakuivasta",
    "daf": "kuivasta tuhkattomasta",
    "db": "kuiva-aineesta",
}


def _label_fi(prop: str) -> str:
    """The Finnish name of a property (its id when the vocabulary does not know it)."""
    p = PROPERTIES.get(prop)
    return p.label_fi if p else prop


def _dry(sample: SampleInputs, prop: str, notes: list[Message]) -> float | None:
    """The newest value of ``prop`` on dry basis (converted when possible), or None."""
    prefer = ("moisture_ash", "tga_proximate") if prop == "ash" else ("tga_proximate",)
    q = sample.find_quantity(prop, basis="db", prefer=prefer)
    if q is not None:
        return q.value
    q = sample.find_quantity(prop)
    if q is None:
        return None
    if q.unit != "%":
        notes.append(
            bilingual(
                f"{prop} in {q.unit!r} ignored (% expected).",
                f"{_label_fi(prop)}: arvo yksikössä {q.unit!r} jätettiin huomiotta (odotettiin %).",
            )
        )
        return None
    kwargs = {}
    if q.basis == "ar":
        m = sample.find_quantity("moisture", basis="ar")
        kwargs["moisture_ar"] = m.value if m else None
    elif q.basis == "ad":
        m = sample.find_quantity("moisture", basis="ad")
        kwargs["moisture_ad"] = m.value if m else None
    elif q.basis == "daf":
        a = sample.find_quantity("ash", basis="db", prefer=("moisture_ash",))
        kwargs["ash_db"] = a.value if a else None
    try:
        value = convert(q.value, q.basis, "db", prop=prop, **kwargs)
    except BasisError as exc:
        reason = basis_error(str(exc))
        notes.append(
            bilingual(
                f"{prop} on basis {q.basis} could not be used: {reason}.",
                f"{_label_fi(prop)}: arvoa perustalla ”{fi(basis_name(q.basis))}” ei voitu käyttää: "
                f"{fi(reason)}.",
            )
        )
        return None
    change = f"{q.value:.3g} -> {value:.3g} %"
    change_fi = f"{fi_number(q.value, '.3g')} -> {fi_number(value, '.3g')} %"
    notes.append(
        bilingual(
            f"{prop} converted from {q.basis} to dry basis: {change}.",
            f"{_label_fi(prop)} muunnettu "
            f"{_FROM_BASIS_FI.get(q.basis, q.basis)} kuiva-aineeseen: {change_fi}.",
        )
    )
    return float(value)


def _q(value: float, basis: str, method: str) -> Quantity:
    return Quantity(float(value), "MJ/kg", basis, method=method, origin="derived")


def run(inputs: AnalysisInputs, params: dict, progress: Progress) -> AnalysisOutput:
    """Heating-value estimates (dry and as received) and H/C, O/C molar ratios."""
    sample = inputs.sample
    out = AnalysisOutput(label=bilingual("Fuel properties", "Polttoaineominaisuudet"))
    notes = out.messages
    progress.update(0.1, "Collecting values")
    v = {p: _dry(sample, p, notes) for p in ("volatile_matter", "fixed_carbon", "ash")}
    e = {p: _dry(sample, p, notes) for p in ("carbon", "hydrogen", "oxygen", "nitrogen", "sulfur")}
    if v["fixed_carbon"] is None and v["volatile_matter"] is not None and v["ash"] is not None:
        v["fixed_carbon"] = 100.0 - v["volatile_matter"] - v["ash"]
        out.note(
            en="Fixed carbon taken by difference: 100 - VM - ash (dry basis).",
            fi="Kiinteä hiili laskettu erotuksena: 100 - haihtuvat aineet - tuhka (kuiva-aine).",
        )
    hhv_p = hhv_u = None
    if None not in (v["fixed_carbon"], v["volatile_matter"], v["ash"]):
        hhv_p = hhv_parikh(v["fixed_carbon"], v["volatile_matter"], v["ash"])
        out.values["hhv_proximate"] = _q(hhv_p, "db", PARIKH)
    c, h, n = e["carbon"], e["hydrogen"], e["nitrogen"]
    if None not in (c, h) and v["ash"] is not None:
        s = e["sulfur"] or 0.0
        n = n or 0.0
        o = e["oxygen"]
        if o is None:
            o = 100.0 - c - h - n - s - v["ash"]
            out.note(
                en=f"Oxygen by difference: 100 - C - H - N - S - ash = {o:.2f} % (dry basis).",
                fi="Happi laskettu erotuksena: 100 - C - H - N - S - tuhka = "
                f"{fi_number(o, '.2f')} % "
                "(kuiva-aine).",
            )
        if e["sulfur"] is None or e["nitrogen"] is None:
            out.note(
                en="Missing N or S taken as 0 % in the ultimate correlation.",
                fi="Puuttuva typpi (N) tai rikki (S) oletettiin 0 %:ksi "
                "alkuaineanalyysiin perustuvassa korrelaatiossa.",
            )
        hhv_u = hhv_channiwala(c, h, s, o, n, v["ash"])
        out.values["hhv_ultimate"] = _q(hhv_u, "db", CHANNIWALA)
        out.values["o_c_molar"] = Quantity(
            molar_ratio(o, "O", c, "C"), "", "none", method="molar ratio"
        )
    if c is not None and h is not None:
        out.values["h_c_molar"] = Quantity(
            molar_ratio(h, "H", c, "C"), "", "none", method="molar ratio"
        )
    if hhv_p is None and hhv_u is None:
        raise AnalysisError(
            f"sample {sample.name} needs volatile matter and ash (proximate) or C, H and ash "
            "(ultimate) to estimate a heating value"
        )
    hhv, method = (
        (hhv_u, CHANNIWALA) if hhv_u is not None and params["prefer"] == "ultimate" else (None, "")
    )
    if hhv is None:
        hhv, method = (hhv_p, PARIKH) if hhv_p is not None else (hhv_u, CHANNIWALA)
    out.values["gross_calorific_value"] = _q(hhv, "db", f"estimate: {method}")
    if h is not None:
        lhv = lhv_dry(hhv, h)
        out.values["net_calorific_value"] = _q(lhv, "db", ISO18125)
        m = sample.find_quantity("moisture", basis="ar", prefer=("moisture_ash",))
        if m is not None:
            out.values["net_calorific_value_ar"] = _q(lhv_as_received(lhv, m.value), "ar", ISO18125)
    else:
        out.note(
            en="No hydrogen value: the net calorific value cannot be estimated.",
            fi="Vetypitoisuutta ei ole: tehollista lämpöarvoa ei voida arvioida.",
        )
    out.note(
        en="Heating values are correlation estimates, not bomb-calorimeter results (ISO 18125).",
        fi="Lämpöarvot ovat korrelaatioihin perustuvia arvioita eivätkä "
        "pommikalorimetrillä mitattuja tuloksia (ISO 18125).",
    )
    return out
