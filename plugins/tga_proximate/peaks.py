"""What each DTG peak of a biomass TGA run is called, and which one is "the" peak.

A DTG curve of biomass heated in an inert gas shows a drying peak below about
100-150 °C and then the decomposition of the cell-wall polymers. Yang et al. (2007)
report, for the isolated components heated at 10 K/min in nitrogen, that the mass
loss of hemicellulose "mainly happened at 220-315 °C", that of cellulose at
315-400 °C, and that lignin decomposes over a wide range (160-900 °C). A peak is
therefore named after the range it lies in ("in the cellulose range"), not after a
component: in a real feedstock the ranges overlap, shift with the heating rate and
with ash (potassium lowers them), and a peak names where mass is lost fastest, not
what is lost.

Source: H. Yang, R. Yan, H. Chen, D. H. Lee, C. Zheng, "Characteristics of
hemicellulose, cellulose and lignin pyrolysis", Fuel 86 (2007) 1781-1788 (ranges as
stated in the paper's abstract; the full text was not read for this module).

The drying peak (below the moisture end temperature, T1) is water leaving, so the
main decomposition peak, the one reported as ``dtg_peak_temperature``, is the
highest peak at or above T1.
"""

from __future__ import annotations

import numpy as np

from workbench.messages import Message, bilingual, fi_number

HEMICELLULOSE_RANGE = (220.0, 315.0)  # °C, Yang et al. 2007
CELLULOSE_RANGE = (315.0, 400.0)  # °C, Yang et al. 2007


def peak_name(temperature: float, moisture_end: float) -> Message:
    """The plain name of a DTG peak at ``temperature`` (°C), with its temperature."""
    t = f"{temperature:.0f} °C"
    t_fi = f"{fi_number(temperature, '.0f')} °C"
    if temperature < moisture_end:
        return bilingual(f"Drying (water), {t}", f"Kuivuminen (vesi), {t_fi}")
    if temperature < HEMICELLULOSE_RANGE[0]:
        return bilingual(
            f"Early decomposition (below 220 °C), {t}",
            f"Varhainen hajoaminen (alle 220 °C), {t_fi}",
        )
    if temperature < HEMICELLULOSE_RANGE[1]:
        return bilingual(
            f"Hemicellulose range (220–315 °C), {t}",
            f"Hemiselluloosan alue (220–315 °C), {t_fi}",
        )
    if temperature <= CELLULOSE_RANGE[1]:
        return bilingual(
            f"Cellulose range (315–400 °C), {t}", f"Selluloosan alue (315–400 °C), {t_fi}"
        )
    return bilingual(
        f"Lignin and char range (above 400 °C), {t}",
        f"Ligniinin ja hiiltymisen alue (yli 400 °C), {t_fi}",
    )


def main_peak(temperatures: np.ndarray, rates: np.ndarray, moisture_end: float) -> int | None:
    """Index of the highest peak at or above the moisture end temperature, or None."""
    above = np.flatnonzero(np.asarray(temperatures) >= moisture_end)
    if above.size == 0:
        return None
    return int(above[np.argmax(np.asarray(rates)[above])])
