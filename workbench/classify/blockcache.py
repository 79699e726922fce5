"""The attributes read from a project's value blocks, kept for the next classification.

Reading the unit, basis, origin, spread and flags of every stored value is most of a
bulk classification's work (``blocks.block_attrs``: on 10,000 samples x 10 properties,
eight passes over 100,000 objects). The window classifies the same project again and
again (after an edit, an analysis, an import), and most blocks have not changed.

A cached block is reused only when the block is made of the very same value objects in
the same order (compared by identity, ``operator.is_``, without reading any value).
That is enough because a value never changes once made: ``Quantity`` is frozen, its
replicates and flags are tuples and each flag a read-only ``Flag``, so every way the
workbench changes a value (an analysis run, a what-if trial, ``sample set``, an edit in
the window, an import) puts a new object in the block and the block is read again.
Only blocks made of ``Quantity`` objects alone are kept (any other object could change
in place), and the arrays handed out are read-only, so no user of one can change what
the next classification reads.

The cache holds the blocks of the last bulk gathering only (each replaces the whole
cache), of at least ``MIN_OWNERS`` measurements or results: one sample's table (an
explanation, a what-if trial) neither reads nor replaces it. The values of a closed
project stay referenced until the next bulk classification or ``BLOCKS.clear()``,
which the window calls when it lets a project go.
"""

from __future__ import annotations

import threading
from operator import is_
from typing import Any

import numpy as np

from workbench.classify.blocks import block_attrs
from workbench.model import Quantity

MIN_OWNERS = 256  # smaller blocks are read again (a few milliseconds at most)

_Key = tuple[tuple[str, ...], str]


def _same_objects(a: list, b: list) -> bool:
    return len(a) == len(b) and all(map(is_, a, b))


def _read_only(attrs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for at in attrs:
        for v in at.values():
            if isinstance(v, np.ndarray):
                v.flags.writeable = False
    return attrs


class BlockCache:
    """Block attributes by (property ids, origin of unstated values), for one gathering
    to the next; ``gathering()`` starts a gathering, ``attrs`` reads one block."""

    def __init__(self) -> None:
        self._entries: dict[_Key, tuple[list, list[dict[str, Any]]]] = {}
        self._lock = threading.Lock()
        self._generation = 0  # advanced by clear(): a gathering begun before keeps nothing
        self.hits = self.misses = 0  # for tests and profiles

    def gathering(self) -> Gathering:
        """A new gathering: it reads this cache and, when done, replaces it."""
        with self._lock:
            return Gathering(self, dict(self._entries), self._generation)

    def _replace(
        self, entries: dict[_Key, tuple[list, list[dict[str, Any]]]], generation: int
    ) -> None:
        """Keep ``entries`` unless the cache was cleared since their gathering began (a
        classification still running on a worker when the window let its project go)."""
        with self._lock:
            if generation == self._generation:
                self._entries = entries

    def clear(self) -> None:
        """Forget every block (the values they hold are released), including those of
        a gathering still running."""
        with self._lock:
            self._entries = {}
            self._generation += 1

    def __len__(self) -> int:
        """The number of blocks kept."""
        with self._lock:
            return len(self._entries)


class Gathering:
    """One bulk gathering's use of a ``BlockCache``."""

    def __init__(self, cache: BlockCache, previous: dict, generation: int) -> None:
        self._cache = cache
        self._previous = previous
        self._generation = generation
        self._kept: dict[_Key, tuple[list, list[dict[str, Any]]]] = {}
        self._bulk = False  # a block of at least MIN_OWNERS was read

    def attrs(
        self, qs: list, m: int, k: int, unstated: str, key: tuple[str, ...]
    ) -> list[dict[str, Any]]:
        """``block_attrs(qs, m, k, unstated)`` of the block of owners holding ``key``,
        from the cache when the block holds the same objects as last time."""
        if m < MIN_OWNERS:
            return block_attrs(qs, m, k, unstated)
        self._bulk = True
        ck = (key, unstated)
        hit = self._previous.get(ck)
        if hit is not None and _same_objects(hit[0], qs):
            self._cache.hits += 1
            self._kept[ck] = hit
            return hit[1]
        self._cache.misses += 1
        attrs = block_attrs(qs, m, k, unstated)
        if set(map(type, qs)) == {Quantity}:  # immutable values only
            self._kept[ck] = (qs, _read_only(attrs))
        return attrs

    def done(self) -> None:
        """Keep this gathering's blocks (and only them) for the next one; a gathering
        of small blocks only (one sample's table) leaves the cache as it was."""
        if self._bulk:
            self._cache._replace(self._kept, self._generation)


BLOCKS = BlockCache()
