"""Product-property predictors: estimates of a product property from feedstock data.

Some route limits apply to the product, not the feedstock: the organic carbon and the
H/Corg ratio of a biochar, the durability of a pellet. A product criterion names a
predictor that says how the product value is obtained. Every predictor first uses a
value measured on the product itself when the sample has one (a pyrolysis or
pelletising test made from it, stored under the product property id, e.g.
``char_carbon``); only otherwise does it estimate, and the estimate is marked
``predicted`` so the verdict can say "confirm on the product".

The estimates are modelling assumptions, not sourced rules (route-requirements.md
section 1 says so explicitly for the char-ash mass balance):

* ``char_ash_from_feedstock``: ash mass balance. All feedstock ash is assumed to stay in
  the char, so char ash (% db) = feedstock ash (% db) / char yield (% db) x 100.
  Windeatt et al. 2014 [S33] show feedstock ash and char ash are correlated with char C.
* ``char_carbon_from_proximate``: the char of a complete devolatilisation is taken as
  fixed carbon plus ash (the proximate-analysis definition, ISO 18123 / ASTM D7582), and
  fixed carbon as carbon, so char C (% db) = FC / (FC + ash) x 100 with FC and ash on dry
  basis. This overestimates C when FC holds H, O and N and underestimates it when the
  real char keeps some carbon-rich volatiles; it is a screening estimate only.
* ``measured_on_product``: no estimate; the value must be measured on the product
  (pellet durability, H/Corg of the char). Without it the criterion is "to be tested".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbench.classify.texts import msg, pair


@dataclass(frozen=True)
class PredictorInput:
    property: str
    basis: str
    unit: str


@dataclass(frozen=True)
class Predictor:
    """A named estimate of ``output`` from ``inputs`` (each converted to basis and unit)."""

    id: str
    output: str  # property id, or "*" for the criterion's own property
    inputs: tuple[PredictorInput, ...]
    func: Callable[[tuple[float, ...]], float] | None
    formula: str


def _char_ash(v: tuple[float, ...]) -> float:
    ash_db, char_yield_db = v
    if char_yield_db <= 0:
        raise ValueError(msg("err.char_yield"))
    return ash_db / char_yield_db * 100.0


def _char_carbon(v: tuple[float, ...]) -> float:
    fc_db, ash_db = v
    if fc_db + ash_db <= 0:
        raise ValueError(msg("err.fc_ash"))
    return fc_db / (fc_db + ash_db) * 100.0


PREDICTORS: dict[str, Predictor] = {
    p.id: p
    for p in [
        Predictor(
            "char_ash_from_feedstock",
            "char_ash",
            (PredictorInput("ash", "db", "%"), PredictorInput("char_yield", "db", "%")),
            _char_ash,
            pair(
                "char ash = feedstock ash (db) / char yield (db) x 100 (ash mass balance)",
                "biohiilen tuhka = raaka-aineen tuhka (kuiva-aine) / biohiilen saanto (kuiva-aine) "
                "x 100 (tuhkan massatase)",
            ),
        ),
        Predictor(
            "char_carbon_from_proximate",
            "char_carbon",
            (PredictorInput("fixed_carbon", "db", "%"), PredictorInput("ash", "db", "%")),
            _char_carbon,
            pair(
                "char C = FC / (FC + ash) x 100, FC and ash on dry basis (proximate char)",
                "biohiilen C = FC / (FC + tuhka) x 100, kiinteä hiili (FC) ja tuhka "
                "kuiva-aineessa (pikaanalyysin mukainen hiili)",
            ),
        ),
        Predictor(
            "measured_on_product",
            "*",
            (),
            None,
            pair("measured on the product", "mitattu tuotteesta"),
        ),
    ]
}
