"""Product-property predictors: estimates of a product property from feedstock data.

Some route limits apply to the product, not the feedstock: the organic carbon and the
H/Corg ratio of a biochar, its heavy metals and PAHs, the durability of a pellet. A product
criterion names a predictor that says how the product value is obtained. A value measured
on the product itself (a pyrolysis or pelletising test made from the sample, stored under
the product property id, e.g. ``char_carbon``) is always used first; only otherwise is it
estimated, and the estimate is marked ``predicted`` so the verdict says "confirm on the
product".

The estimates are modelling assumptions, not sourced rules (route-requirements.md
section 1 says so explicitly for the char-ash mass balance), and each explanation states
the assumption:

* ``char_ash_from_feedstock``: ash mass balance. All feedstock ash is assumed to stay in
  the char, so char ash (% db) = feedstock ash (% db) / char yield (% db) x 100.
  Windeatt et al. 2014 [S33] show feedstock ash and char ash are correlated with char C.
* ``char_carbon_from_proximate``: the char of a complete devolatilisation is taken as
  fixed carbon plus ash (the proximate-analysis definition, ISO 18123 / ASTM D7582), and
  fixed carbon as carbon, so char C (% db) = FC / (FC + ash) x 100 with FC and ash on dry
  basis. A screening estimate only.
* ``char_contaminant_from_feedstock``: contaminant screening by mass balance. An element
  that does not leave with the gases stays in the char, concentrated by the mass loss
  ("contaminants with a boiling point above the pyrolysis temperature remain in the
  biochar and become concentrated", British Biochar Foundation [S130]): char value =
  feedstock value (db) / char yield (db) x 100. The measured char yield of the sample is
  used; without one the yield is *assumed* to be 78 %, the highest yield read across
  feedstocks (Novak et al. 2013 [S34]), the assumption under which the concentration is
  smallest, so an estimate above the limit means the feedstock's element alone puts the
  char over the limit at any yield that has been observed. An estimate below the limit
  proves nothing (a real yield of 30 % concentrates 2.6 times more): it is a condition,
  "test the char".
* ``char_volatile_from_feedstock``: the same mass balance for elements that can leave with
  the gases at pyrolysis temperatures (mercury boils at 357 °C, arsenic sublimes at
  614 °C): an estimate above the limit is a warning (a condition: test the char), never a
  failure by itself.
* ``measured_on_product``: no estimate; the value must be measured on the product
  (pellet durability, H/Corg of the char). Without it the criterion is "to be tested".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from workbench.classify.texts import pair

ASSUMED_CHAR_YIELD = 78.0  # % db, the highest char yield read across feedstocks [S34]


@dataclass(frozen=True)
class PredictorInput:
    property: str
    basis: str
    unit: str
    optional: bool = False  # may be missing (then the predictor's stated assumption holds)


@dataclass(frozen=True)
class Predictor:
    """A named estimate of ``output`` from ``inputs`` (each converted to basis and unit).

    ``func`` maps the input arrays (NaN where an optional input is missing) to the
    estimate (NaN where it cannot be made). ``fail_is_soft``: an estimate on the failing
    side is a warning (condition), not a failure.
    """

    id: str
    output: str  # property id, "*" for the criterion's own property, "char_*" for any char_
    inputs: tuple[PredictorInput, ...]
    func: Callable[[tuple[np.ndarray, ...]], np.ndarray] | None
    formula: str
    feedstock_input: str = ""  # for "char_*": the feedstock property is the output minus char_
    fail_is_soft: bool = False
    assumption: str = ""


def _char_ash(v: tuple[np.ndarray, ...]) -> np.ndarray:
    ash_db, char_yield_db = v
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(char_yield_db > 0, ash_db / char_yield_db * 100.0, np.nan)


def _char_carbon(v: tuple[np.ndarray, ...]) -> np.ndarray:
    fc_db, ash_db = v
    total = fc_db + ash_db
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, fc_db / total * 100.0, np.nan)


def _mass_balance(v: tuple[np.ndarray, ...]) -> np.ndarray:
    element_db, char_yield_db = v
    y = np.where(np.isnan(char_yield_db), ASSUMED_CHAR_YIELD, char_yield_db)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(y > 0, element_db / y * 100.0, np.nan)


_YIELD = PredictorInput("char_yield", "db", "%", optional=True)
_ASSUMPTION = pair(
    f"without a measured char yield, {ASSUMED_CHAR_YIELD:g} % is assumed (the highest yield "
    "read across feedstocks, Novak et al. 2013): the smallest concentration",
    f"ilman mitattua hiilisaantoa oletetaan {ASSUMED_CHAR_YIELD:g} % (suurin eri "
    "raaka-aineille luettu saanto, Novak ym. 2013): pienin mahdollinen väkevöityminen",
)

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
                "biohiilen tuhka = raaka-aineen tuhka (kuiva-aine) / biohiilen saanto "
                "(kuiva-aine) x 100 (tuhkan massatase)",
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
            "char_contaminant_from_feedstock",
            "char_*",
            (_YIELD,),
            _mass_balance,
            pair(
                "char value = feedstock value (db) / char yield (db) x 100 (the element stays "
                "in the char)",
                "biohiilen pitoisuus = raaka-aineen pitoisuus (kuiva-aine) / hiilisaanto "
                "(kuiva-aine) x 100 (alkuaine jää hiileen)",
            ),
            assumption=_ASSUMPTION,
        ),
        Predictor(
            "char_volatile_from_feedstock",
            "char_*",
            (_YIELD,),
            _mass_balance,
            pair(
                "char value = feedstock value (db) / char yield (db) x 100 if the element "
                "stayed in the char (it can leave with the gases)",
                "biohiilen pitoisuus = raaka-aineen pitoisuus (kuiva-aine) / hiilisaanto "
                "(kuiva-aine) x 100, jos alkuaine jäisi hiileen (se voi poistua kaasujen "
                "mukana)",
            ),
            fail_is_soft=True,
            assumption=_ASSUMPTION,
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


def predictor_inputs(pred: Predictor, output: str) -> tuple[PredictorInput, ...]:
    """The inputs for ``output``: a ``char_*`` predictor reads the feedstock property
    (``char_lead`` -> ``lead``, dry basis, in the feedstock property's unit)."""
    if pred.output != "char_*":
        return pred.inputs
    from workbench.vocab import PROPERTIES

    feed = output.removeprefix("char_")
    return (PredictorInput(feed, "db", PROPERTIES[feed].unit), *pred.inputs)


def predicts(pred: Predictor, prop: str) -> bool:
    """True when ``pred`` can estimate the product property ``prop``."""
    if pred.output in (prop, "*"):
        return True
    if pred.output == "char_*" and prop.startswith("char_"):
        from workbench.vocab import PROPERTIES

        feed = prop.removeprefix("char_")
        return feed in PROPERTIES and PROPERTIES[feed].mass_fraction
    return False
