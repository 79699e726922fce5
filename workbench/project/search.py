"""Searching a folder of projects through their indexes (``fibre-workbench search``).

A lab that keeps one project per year, site or client has many files. Each saved
project carries its index (``workbench.project.index``): one read gives every sample
with its fields, measurements and values, so a search over a folder reads one small
dataset per file instead of walking tens of thousands of objects. A file whose index
is missing or out of date (an older file, one changed by another program) is listed
as such and searched only with ``walk=True`` (slow: its objects are read).

A query is a set of words (all must appear, case-insensitively, in a sample's name,
feedstock type, supplier, origin, notes, metadata, or its measurements' kinds, labels
and source file names) and conditions on values (``ash_550<=1.5``, ``moisture>20``):
each condition needs a value of that property, in a measurement or a result of the
sample, that satisfies it (any basis and unit; the hit shows them).
"""

from __future__ import annotations

import hashlib
import json
import math
import operator
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from workbench.errors import UserFacingError
from workbench.project import index

MAX_FILES = 10_000
_OPS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    ">=": operator.ge,
    "!=": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
    "=": operator.eq,
}
_CONDITION = re.compile(r"^([A-Za-z_][\w.:-]*)\s*(<=|>=|!=|<|>|=)\s*(-?[\d.]+(?:[eE][-+]?\d+)?)$")


@dataclass
class Condition:
    prop: str
    op: str
    value: float

    def test(self, v: Any) -> bool:
        return isinstance(v, int | float) and math.isfinite(v) and _OPS[self.op](v, self.value)

    def __str__(self) -> str:
        return f"{self.prop}{self.op}{self.value:g}"


@dataclass
class Query:
    words: list[str] = field(default_factory=list)
    conditions: list[Condition] = field(default_factory=list)
    kind: str | None = None

    @classmethod
    def parse(cls, terms: list[str], kind: str | None = None) -> Query:
        q = cls(kind=kind)
        for term in terms:
            m = _CONDITION.match(term.strip())
            if m:
                q.conditions.append(Condition(m.group(1), m.group(2), float(m.group(3))))
            elif any(op in term for op in _OPS):
                raise UserFacingError(
                    f"search: {term!r} is not a condition such as ash_550<=1.5 "
                    "(property, one of < <= = != >= >, a number)"
                )
            else:
                q.words.append(term.casefold())
        return q


@dataclass
class Hit:
    project: Path
    sample_id: str
    sample: str
    feedstock_type: str
    values: dict[str, str]  # the values the conditions matched, as text with unit and basis

    def to_json(self) -> dict[str, Any]:
        return {
            "project": str(self.project),
            "sample_id": self.sample_id,
            "sample": self.sample,
            "feedstock_type": self.feedstock_type,
            "values": self.values,
        }


@dataclass
class Outcome:
    hits: list[Hit] = field(default_factory=list)
    searched: list[Path] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # file -> why it was not searched


def project_files(folder: Path) -> Iterator[Path]:
    """Project files under ``folder`` (symbolic links to folders are not followed)."""
    if folder.is_file():
        yield folder
        return
    if not folder.is_dir():
        raise UserFacingError(f"{folder}: no such folder.")
    n = 0
    for path in sorted(folder.rglob("*.fwproj")):
        if path.name.startswith(".") or not path.is_file():
            continue
        n += 1
        if n > MAX_FILES:
            raise UserFacingError(
                f"{folder}: more than {MAX_FILES} project files; search a subfolder."
            )
        yield path


def read_document(path: Path) -> tuple[dict | None, str]:
    """A project's index document, or None and why not. Cheap: the header, the file's
    length and the index's digest are checked, not the whole file's content (a search
    reads many files; opening a project checks that too)."""
    import h5py

    from workbench.project import safety as S

    try:
        S.check_signature(path)
        with open(path, "rb") as fh:
            header = index.read_header(fh.read(index.HEADER))
        size = path.stat().st_size
    except (OSError, UserFacingError) as exc:
        return None, f"cannot be read ({exc})"
    if header is None:
        return None, "no index (saved by an older version or another program)"
    if header.get("file_length") != size:
        return None, "index out of date (the file was changed after its last save)"
    try:
        with h5py.File(path, "r") as f:
            ds = S.child(f, index.INDEX)
            if not isinstance(ds, h5py.Dataset) or ds.dtype != np.uint8 or ds.ndim != 1:
                return None, "damaged index"
            if ds.shape[0] > index.MAX_INDEX_BYTES:
                return None, "index too large"
            raw = ds[()].tobytes()
    except (OSError, RuntimeError, ValueError, KeyError, S.Unsafe) as exc:
        return None, f"cannot be read ({exc})"
    if hashlib.sha256(raw).hexdigest() != header.get("index_sha256"):
        return None, "damaged index"
    try:
        doc = json.loads(index.inflate(raw))
    except (zlib.error, ValueError, UnicodeDecodeError, RecursionError):
        return None, "damaged index"
    return (doc, "") if isinstance(doc, dict) else (None, "damaged index")


def walked_document(path: Path) -> dict:
    """The index document of a project read by walking its objects (slow)."""
    from workbench.project.store import close_project, open_project

    p = open_project(path, read_only=True)
    try:
        return json.loads(
            index.L.dumps(index.project_document(p, created=p.created, modified=p.modified, app=""))
        )
    finally:
        close_project(p)


def _text_of(sample: dict) -> str:
    parts = [
        str(sample.get(k, ""))
        for k in ("name", "feedstock_type", "supplier", "origin", "notes", "date_received")
    ]
    meta = sample.get("metadata")
    if isinstance(meta, dict):
        parts += [f"{k} {v}" for k, v in meta.items()]
    for m in sample.get("measurements", []) or []:
        if isinstance(m, dict):
            parts += [str(m.get(k, "")) for k in ("kind", "label", "source_name", "method")]
    return " ".join(parts).casefold()


def _values(sample: dict) -> Iterator[tuple[str, dict]]:
    for part, key in (("measurements", "quantities"), ("results", "values")):
        for item in sample.get(part, []) or []:
            quantities = item.get(key) if isinstance(item, dict) else None
            if isinstance(quantities, dict):
                for prop, q in quantities.items():
                    if isinstance(q, dict):
                        yield str(prop), q


def match(doc: dict, query: Query, path: Path) -> list[Hit]:
    hits = []
    for sample in doc.get("samples", []) or []:
        if not isinstance(sample, dict):
            continue
        if query.kind and not any(
            isinstance(m, dict) and m.get("kind") == query.kind
            for m in sample.get("measurements", []) or []
        ):
            continue
        if query.words:
            text = _text_of(sample)
            if not all(w in text for w in query.words):
                continue
        found: dict[str, str] = {}
        for cond in query.conditions:
            for prop, q in _values(sample):
                if prop == cond.prop and cond.test(q.get("value")):
                    unit, basis = q.get("unit", ""), q.get("basis", "")
                    found[str(cond)] = f"{q['value']:g} {unit} ({basis})".replace(" ()", "")
                    break
            else:
                break
        if len(found) < len(query.conditions):
            continue
        hits.append(
            Hit(
                path,
                str(sample.get("id", "")),
                str(sample.get("name", "")),
                str(sample.get("feedstock_type", "")),
                found,
            )
        )
    return hits


def search(folder: str | Path, query: Query, *, walk: bool = False) -> Outcome:
    out = Outcome()
    for path in project_files(Path(folder)):
        doc, why = read_document(path)
        if doc is None and walk and not why.startswith("cannot"):
            try:
                doc = walked_document(path)
            except UserFacingError as exc:
                why = str(exc)
        if doc is None:
            out.skipped[str(path)] = why
            continue
        out.searched.append(path)
        out.hits += match(doc, query, path)
    return out
