"""The last curves read from the project file, kept for the next selection.

A project's arrays stay in the file (``LazyArray``) and every use reads them again,
which keeps memory flat. Selecting a sample draws its curves; selecting one of them
next, or going back, read the same arrays again (a third of a selection's time in a
1,000-sample project with ten spectra per sample). ``ArrayCache`` keeps the last
``size`` arrays read, each tied to its ``LazyArray`` by a weak reference: an array
whose reference is gone (project closed, data replaced) is never returned, and the
cache keeps no file open. In-memory data are returned as they are.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from typing import Any

import numpy as np

from workbench.model import Column


class ArrayCache:
    """A bounded least-recently-used cache of float arrays read from lazy columns."""

    def __init__(self, size: int = 96) -> None:
        self.size = size
        self._arrays: OrderedDict[int, tuple[weakref.ref, np.ndarray]] = OrderedDict()

    @staticmethod
    def _lazy(column: Column) -> Any | None:
        data = column.data
        return None if isinstance(data, np.ndarray) else data

    def cached(self, column: Column) -> bool:
        """True when ``column``'s values are at hand without reading the file."""
        lazy = self._lazy(column)
        if lazy is None:
            return True
        entry = self._arrays.get(id(lazy))
        return entry is not None and entry[0]() is lazy

    def values(self, column: Column) -> np.ndarray:
        """``column``'s values as floats, read from the file only when not kept."""
        lazy = self._lazy(column)
        if lazy is None:
            return np.asarray(column.data, dtype=float)
        key = id(lazy)
        entry = self._arrays.get(key)
        if entry is not None and entry[0]() is lazy:
            self._arrays.move_to_end(key)
            return entry[1]
        array = np.asarray(column.values(), dtype=float)
        array.flags.writeable = False  # shared by later selections: never changed in place
        try:
            ref = weakref.ref(lazy)
        except TypeError:  # an array-like that takes no weak reference: not kept
            return array
        self._arrays[key] = (ref, array)
        while len(self._arrays) > self.size:
            self._arrays.popitem(last=False)
        return array

    def clear(self) -> None:
        self._arrays.clear()
