"""Unit conversion for route criteria: the vocabulary's one table (``workbench.units``).

Kept as the classifier's import point; see ``workbench.units`` for the factors.
"""

from __future__ import annotations

from workbench.units import normalise_unit, unit_factor, units_compatible

__all__ = ["normalise_unit", "unit_factor", "units_compatible"]
