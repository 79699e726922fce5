"""A property's candidate values over many samples, before a criterion picks one.

Every scalar a sample has (a measurement's ``quantities``, a plugin result's ``values``)
is a candidate for its property. ``Candidates`` holds all of one property's candidates
in a project, ranked by the precedence ``table`` documents (accepted method, then
origin, then the latest), with their attributes read as arrays; ``gather`` cuts them
out of the blocks of measurements or results that hold the same properties
(``blocks.py``, ``blockcache.py``). ``table.ValueTable`` turns them into the columns the
criteria compare.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain
from operator import attrgetter
from typing import Any

import numpy as np

from workbench.classify.blockcache import Gathering
from workbench.classify.blocks import distinct, flags_of, floats, with_basis
from workbench.classify.texts import Text, msg, pair
from workbench.messages import method_text
from workbench.value_flags import usable_as_measured
from workbench.vocab import PROPERTIES

ORIGIN_RANK = {"measured": 3, "typed": 3, "derived": 2, "predicted": 1}
TGA_METHOD = msg("row.method_tga")

# basis-variant property ids: "<property>_ar" is a candidate of <property> on basis ar
_VARIANT_BASES = {"_ar": "ar", "_db": "db", "_daf": "daf", "_ad": "ad"}
_VALUE, _UNIT, _BASIS, _ORIGIN = (attrgetter(a) for a in ("value", "unit", "basis", "origin"))
_SD, _UNC, _REPS = (attrgetter(a) for a in ("sd", "uncertainty", "replicates"))
_METHOD, _FLAGS = attrgetter("method"), attrgetter("flags")


def _variant(pid: str) -> tuple[str, str] | None:
    for suffix, basis in _VARIANT_BASES.items():
        if pid.endswith(suffix):
            stem = pid[: -len(suffix)]
            if stem in PROPERTIES and PROPERTIES[stem].mass_fraction:
                return stem, basis
    return None


_NORMALISE = str.maketrans("", "", " -_:./()")


def normalise_method(text: str) -> str:
    return text.casefold().translate(_NORMALISE)


@lru_cache(maxsize=4096)
def method_accepted(method: str, accepted: tuple[str, ...]) -> bool:
    """True when ``method`` names one of the accepted methods (case/space-insensitive)."""
    if not accepted:
        return True
    norm = normalise_method(method)
    return bool(norm) and any(normalise_method(a) in norm for a in accepted)


@lru_cache(maxsize=4096)
def method_word(method: str) -> Text:
    """A value's method as stated ("ISO 18122 (550 °C)", "ash at 815 °C (ISO 1171
    style)") with its Finnish wording: standards as written, descriptive words translated
    (``workbench.messages.method_text``)."""
    if isinstance(method, Text):
        return method
    return pair(method, method_text(method, "fi"))


@lru_cache(maxsize=256)
def _plugin_method(plugin_id: str) -> Text:
    return msg("row.method_plugin", plugin=plugin_id)


def owner_method(owner: Any) -> str:
    """The method a measurement or result states for values that state none."""
    if hasattr(owner, "plugin_id"):
        return _plugin_method(owner.plugin_id)
    return getattr(owner, "method", "") or (
        TGA_METHOD if getattr(owner, "kind", "") == "tga" else ""
    )


class Candidates:
    """All candidate values of one property over all samples.

    Parallel per candidate ``k``: ``sample[k]``, ``qs[k]`` (the quantity), ``owners[k]``
    (its measurement or result) and ``seq[k]`` (the order the sample's values were
    added). ``winner[i]`` is the candidate used for sample ``i`` by origin and time (-1:
    none); ``alternatives[i]`` lists the candidates of a sample that has several, best
    first. Per-candidate attributes are arrays given (read in bulk, ``blocks.py``) or
    built from the quantities on first use.
    """

    def __init__(
        self,
        n: int,
        sample: np.ndarray,
        qs: list | Strided | Merged,
        owners: list,
        seq: np.ndarray,
        basis_override: dict[int, str] | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        self.n = n
        self.sample = sample
        self._qs = qs
        self.owners = owners
        self.seq = seq
        self.basis_override = basis_override or {}
        self.winner = np.full(n, -1, dtype=np.intp)
        self.alternatives: dict[int, list[int]] = {}
        self._attrs: dict[str, Any] | None = attrs  # read in bulk (blocks.py), or on use
        self.read_in_bulk = attrs is not None
        self._methods: list[str] | None = None
        self._method_codes: tuple[np.ndarray, list[str]] | None = None
        self._rank()

    def __len__(self) -> int:
        return len(self.sample)

    @property
    def qs(self) -> list:
        """Each candidate's quantity (cut out of its block when first asked for: the
        bulk verdicts read the attributes only)."""
        if not isinstance(self._qs, list):
            self._qs = self._qs.list()
        return self._qs

    def _rank(self) -> None:
        idx = self.sample
        if len(idx) == 0:
            return
        if len(idx) == 1 or bool(np.all(idx[1:] > idx[:-1])):
            self.winner[idx] = np.arange(len(idx))
            return
        counts = np.bincount(idx, minlength=self.n)
        single = counts[idx] == 1
        self.winner[idx[single]] = np.nonzero(single)[0]
        groups: dict[int, list[int]] = {}
        for k in np.nonzero(~single)[0].tolist():
            groups.setdefault(int(idx[k]), []).append(k)
        origins = self.attrs["origin"]
        usable = self.attrs["usable"]
        for i, ks in groups.items():
            ks.sort(
                key=lambda k: (
                    usable is None or bool(usable[k]),
                    ORIGIN_RANK.get(origins[k], 0),
                    getattr(self.owners[k], "created", "") or "",
                    int(self.seq[k]),
                ),
                reverse=True,
            )
            self.alternatives[i] = ks
            self.winner[i] = ks[0]

    @property
    def attrs(self) -> dict[str, Any]:
        """value, unit, basis, sd, unc, rep_lo, rep_hi, origin per candidate; ``usable``:
        False where the value's flags forbid its use as a measured value (None: all
        usable)."""
        if self._attrs is None:
            qs = self.qs
            # one pass per attribute, straight from the objects: reading ``__dict__``
            # would make every quantity build (and keep) a dict of its own
            value = list(map(_VALUE, qs))
            unit = list(map(_UNIT, qs))
            basis = list(map(_BASIS, qs))
            origin = list(map(_ORIGIN, qs))
            sd = list(map(_SD, qs))
            unc = list(map(_UNC, qs))
            reps = list(map(_REPS, qs))
            try:
                flags = list(map(_FLAGS, qs))
            except AttributeError:  # an object without warnings (a reference value)
                flags = list(map(flags_of, qs))
            for k, b in self.basis_override.items():
                basis[k] = b
            n = len(qs)
            rep_lo = np.full(n, np.nan)
            rep_hi = np.full(n, np.nan)
            if any(reps):
                for k, r in enumerate(reps):
                    if r:
                        rep_lo[k], rep_hi[k] = min(r), max(r)
            origins = distinct(origin)
            if "" in origins or None in origins:
                origin = [
                    o or ("derived" if hasattr(w, "plugin_id") else "measured")
                    for o, w in zip(origin, self.owners)
                ]
                origins = distinct(origin)
            bases = distinct(basis)
            if "" in bases or None in bases:
                basis = [b or "" for b in basis]
                bases = distinct(basis)
            usable = None
            if any(flags):
                usable = np.fromiter(map(usable_as_measured, flags), dtype=bool, count=n)
                usable = None if usable.all() else usable
            self._attrs = {
                "value": np.array(value, dtype=float),
                "unit": unit,
                "units": distinct(unit),
                "basis": basis,
                "bases": bases,
                # each candidate's basis as an array (only when they differ)
                "basis_arr": np.array(basis, dtype=object) if len(bases) > 1 else None,
                "sd": floats(sd),
                "unc": floats(unc),
                "rep_lo": rep_lo,
                "rep_hi": rep_hi,
                "origin": origin,
                "origins": origins,
                "usable": usable,
            }
        return self._attrs

    @property
    def methods(self) -> list[str]:
        """Each candidate's method: its own, or its measurement's (or result's)."""
        if self._methods is None:
            own = list(map(_METHOD, self.qs))
            words = {m: method_word(m) if m else None for m in dict.fromkeys(own)}
            if None in words.values():  # some state none: their owner's method
                owners = self.owners
                self._methods = [
                    words[m] if m else owner_method(owners[k]) for k, m in enumerate(own)
                ]
            else:
                self._methods = list(map(words.__getitem__, own))
        return self._methods

    @property
    def method_codes(self) -> tuple[np.ndarray, list[str]]:
        """Each candidate's method as a code into the list of distinct methods."""
        if self._method_codes is None:
            methods = self.methods
            ids = {m: j for j, m in enumerate(dict.fromkeys(methods))}
            codes = np.fromiter(map(ids.__getitem__, methods), dtype=np.intp, count=len(methods))
            self._method_codes = (codes, list(ids))
        return self._method_codes

    def of_sample(self, i: int) -> list[int]:
        """The candidates of sample ``i``, best first."""
        if i in self.alternatives:
            return self.alternatives[i]
        k = int(self.winner[i])
        return [k] if k >= 0 else []

    def select(self, accept) -> np.ndarray:
        """Per sample the best candidate ``accept(k)`` holds for (-1: none)."""
        sel = np.full(self.n, -1, dtype=np.intp)
        w = self.winner
        has = np.nonzero(w >= 0)[0]
        for i in has.tolist():
            for k in self.alternatives.get(i, (int(w[i]),)):
                if accept(k):
                    sel[i] = k
                    break
        return sel


class Strided:
    """Column ``j`` of a block of quantities ``width`` wide, owner by owner: the
    candidates' quantities, made into a list only when one is asked for."""

    __slots__ = ("block", "j", "width")

    def __init__(self, block: list, j: int, width: int) -> None:
        self.block, self.j, self.width = block, j, width

    def list(self) -> list:
        return self.block[self.j :: self.width]


def variant_bases(chunks: list, order: np.ndarray) -> dict[int, str]:
    """The basis of each candidate stored under a basis-variant id, by its place in
    ``order`` (``Candidates.basis_override``)."""
    if all(c[4] is None for c in chunks):
        return {}
    place = np.empty(len(order), dtype=np.intp)
    place[order] = np.arange(len(order))
    out: dict[int, str] = {}
    start = 0
    for c in chunks:
        end = start + len(c[0])
        if c[4] is not None:
            out.update(dict.fromkeys(place[start:end].tolist(), c[4]))
        start = end
    return out


class Merged:
    """The quantities of several chunks in a given order, made into a list on demand."""

    __slots__ = ("chunks", "order")

    def __init__(self, chunks: list, order: list[int]) -> None:
        self.chunks, self.order = chunks, order

    def list(self) -> list:
        qs = [q for c in self.chunks for q in as_list(c)]
        return [qs[k] for k in self.order]


def as_list(qs: list | Strided | Merged) -> list:
    return qs if isinstance(qs, list) else qs.list()


def gather(
    parts: dict[str, list],
    sample_of: np.ndarray,
    owners: list,
    dicts: list[dict],
    seq0: int,
    unstated: str,
    cache: Gathering,
) -> None:
    """Add the candidates of ``owners`` (measurements or results; ``dicts``: their values
    by property id, ``sample_of``: their sample) to ``parts``, one chunk per property and
    set of property ids: owners with the same ids (most of a project's) are read a
    property at a time, one pass over all of them (or not at all when ``cache`` holds
    the same block from the last gathering, ``blockcache.py``)."""
    if not owners:
        return
    keys = list(map(tuple, dicts))
    distinct = dict.fromkeys(keys)
    seq = np.arange(seq0, seq0 + len(owners), dtype=np.intp)
    if len(distinct) == 1:
        groups = [(keys[0], None)]
    else:
        code = {key: j for j, key in enumerate(distinct)}
        codes = np.fromiter(map(code.__getitem__, keys), dtype=np.intp, count=len(keys))
        order = np.argsort(codes, kind="stable")
        bounds = np.flatnonzero(np.diff(codes[order])) + 1
        groups = [(keys[int(ks[0])], ks) for ks in np.split(order, bounds)]
    for key, ks in groups:
        if not key:
            continue  # no values
        if ks is None:
            g_idx, g_owners, g_dicts, g_seq = sample_of, owners, dicts, seq
        else:
            pick = ks.tolist()
            g_idx, g_seq = sample_of[ks], seq[ks]
            g_owners = [owners[k] for k in pick]
            g_dicts = [dicts[k] for k in pick]
        # the block's quantities owner by owner (each dict's order is the key's)
        block = list(chain.from_iterable(map(dict.values, g_dicts)))
        width = len(key)
        attrs = cache.attrs(block, len(g_dicts), width, unstated, key)
        for j, pid in enumerate(key):
            qs = Strided(block, j, width)
            at = attrs[j]
            parts.setdefault(pid, []).append((g_idx, qs, g_owners, g_seq, None, at))
            variant = _variant(pid)
            if variant is not None:
                parts.setdefault(variant[0], []).append(
                    (g_idx, qs, g_owners, g_seq, variant[1], with_basis(at, variant[1]))
                )
