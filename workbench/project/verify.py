"""The full check of a project file: its index against every object of its tree.

Opening trusts the project index only for a file that is byte for byte as its last
save wrote it (``index.load``). This check (``fibre-workbench info --verify``, the
self-test) goes further and costs a full walk: it reads every object's attributes,
checks every dataset as an untrusted file is checked (``safety``), hashes every
stored source against the SHA-256 it was imported with, rebuilds the index from what
it found, and compares that with the stored index. Any difference, skipped part,
changed source or unknown object is reported; nothing is changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from workbench.errors import ProjectError
from workbench.model import FORMAT_VERSION, Project
from workbench.project import index
from workbench.project import layout as L
from workbench.project.lazy import FileHandle, open_h5_readonly

MAX_LISTED = 20  # differences listed one by one (the rest counted)


@dataclass
class Verification:
    """What the full check found (``problems`` empty: the file is consistent)."""

    path: Path
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    objects: int = 0  # samples + measurements + results + sources + models compared

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        head = f"{self.path}: " + (
            f"consistent ({self.objects} parts checked against the project index)"
            if self.ok
            else f"{len(self.problems)} problem(s)"
        )
        return [head, *(f"  - {p}" for p in self.problems), *(f"  note: {n}" for n in self.notes)]


def verify(path: str | Path) -> Verification:
    """Walk ``path`` completely and compare it with its stored index."""
    from workbench.project import safety as S
    from workbench.project.opening import _READ_ERRORS, _open_failure, check_root
    from workbench.project.reader import Reader

    path = Path(path).absolute()
    report = Verification(path)
    S.check_signature(path)
    with open(path, "rb") as fh:
        first = fh.read(index.HEADER)
    header = index.read_header(first)
    try:
        f = open_h5_readonly(path)
    except _READ_ERRORS as exc:  # truncated or damaged: one line, exit 2 (was exit 1)
        raise ProjectError(_open_failure(path, exc)) from exc
    handle = FileHandle(path, f)
    try:
        S.check_global_heaps(path)
        size = path.stat().st_size
        stated = check_root(path, f)
        if stated == 1:  # read as it is; the next save writes the current version
            report.notes.append(f"the file is of the older format version 1 (now {FORMAT_VERSION})")
        elif stated != FORMAT_VERSION:
            report.problems.append("the format version is not the current one")
        if header is None:
            report.notes.append("the file has no header from a save by this version")
        else:
            if header.get("file_length") != size:
                report.problems.append(
                    f"its length is {size} bytes; its last save wrote {header.get('file_length')}"
                )
            elif handle.content_checksum() != header.get("content_adler32"):
                report.problems.append("its content changed after its last save")
        walked = Project()
        reader = Reader(f, handle, walked, size, stated if stated == 1 else FORMAT_VERSION)
        reader.read()
        report.problems += [f"left out by the walk: {w}" for w in reader.dropped]
        report.problems += [
            w
            for w in walked.warnings
            if not w.startswith(tuple(reader.dropped)) and w != reader.kept_note
        ]
        if reader.kept_note:
            report.notes.append(reader.kept_note)
        report.problems += source_hash_problems(walked)
        stored = _stored_document(f, header, size)
        if stored is None:
            report.problems.append("it has no readable project index")
        else:
            _compare(walked, stored, report)
    except _READ_ERRORS as exc:  # a damaged object the walk could not read
        report.problems.append(f"the file is damaged and cannot be read ({exc})")
    finally:
        handle.close()
    return report


HASH_CHUNK = 8 << 20  # bytes of a stored source hashed at a time


def source_hash_problems(project: Project) -> list[str]:
    """The stored sources whose bytes no longer have the SHA-256 they were imported
    with (their name in the file): each named with the samples whose measurements
    came from it, the expected and the actual hash. Every byte is read (in chunks)."""
    import hashlib

    from workbench.project.opening import _READ_ERRORS

    users: dict[str, list[str]] = {}
    for sample in project.samples.values():
        for m in sample.measurements.values():
            if m.source_sha256 and sample.name not in users.setdefault(m.source_sha256, []):
                users[m.source_sha256].append(sample.name)
    problems = []
    for sha, source in project.sources.items():
        who = users.get(sha, [])
        listed = ", ".join(map(repr, who[:3])) + (
            f" and {len(who) - 3} more" if len(who) > 3 else ""
        )
        named = f"stored source {source.name!r}" + (
            f" (sample{'s' if len(who) > 1 else ''} {listed})" if who else ""
        )
        digest = hashlib.sha256()
        try:
            n = len(source.data)
            for start in range(0, n, HASH_CHUNK):
                digest.update(np.asarray(source.data[start : start + HASH_CHUNK]).tobytes())
        except (ProjectError, *_READ_ERRORS) as exc:
            problems.append(f"{named}: its bytes cannot be read ({exc})")
            continue
        actual = digest.hexdigest()
        if actual != sha:
            problems.append(
                f"{named}: its bytes do not match their SHA-256 (expected {sha[:16]}..., "
                f"found {actual[:16]}...): the stored copy of the imported file was changed"
            )
    return problems


def _stored_document(f, header: dict | None, file_size: int) -> dict | None:
    import zlib

    import h5py

    from workbench.project import safety as S

    if index.INDEX not in f:
        return None
    try:
        ds = S.child(f, index.INDEX)
        if not isinstance(ds, h5py.Dataset):
            return None
        shape, dtype = S.check_dataset(ds, file_size, kinds="u", allow_text=False, as_numbers=False)
        if dtype != np.uint8 or len(shape) != 1 or shape[0] > index.MAX_INDEX_BYTES:
            return None  # declared larger than any index this version writes: not read
        raw = np.asarray(ds[()], dtype=np.uint8).tobytes()
        doc = json.loads(index.inflate(raw))
    except (
        S.Unsafe,
        OSError,
        RuntimeError,
        ValueError,
        zlib.error,
        KeyError,
        TypeError,
        RecursionError,
    ):
        return None
    return doc if isinstance(doc, dict) else None


def _compare(walked: Project, stored: dict, report: Verification) -> None:
    """Differences between the index rebuilt from the walked objects and the stored one."""
    from workbench.project.lazy import LazyArray, finite_range

    for sample in walked.samples.values():  # the axes' ranges, read (the index states them)
        for m in sample.measurements.values():
            col = m.columns.get(m.axes[0]) if m.axes else None
            if col is not None and isinstance(col.data, LazyArray) and col.data.dtype.kind != "U":
                col.data.range = finite_range(np.asarray(col.data, dtype=float))
    rebuilt = json.loads(
        L.dumps(
            index.project_document(
                walked,
                created=walked.created,
                modified=walked.modified,
                app=walked.written_by,
            )
        )
    )
    _unstated_ranges(rebuilt, stored)
    found: list[str] = []
    for key in ("created", "modified", "app_version", "settings", "tree"):
        if rebuilt.get(key) != stored.get(key):
            found.append(f"the index's {key!r} differs from the file")
    for part, ident in (("samples", "id"), ("sources", "sha256"), ("models", "id")):
        a = {e[ident]: e for e in rebuilt.get(part, [])}
        b = {e.get(ident): e for e in stored.get(part, []) if isinstance(e, dict)}
        report.objects += len(a)
        for k in sorted(set(a) | set(b), key=str):
            if k not in b:
                found.append(f"{part[:-1]} {k} is in the file but not in its index")
            elif k not in a:
                found.append(f"{part[:-1]} {k} is in the index but not in the file")
            elif _plain(a[k]) != _plain(b[k]):
                found.append(f"{part[:-1]} {k} differs between the file and its index")
        if part == "samples":
            report.objects += sum(
                len(e.get("measurements", [])) + len(e.get("results", [])) for e in a.values()
            )
    if rebuilt.get("audit_entries") != stored.get("audit_entries"):
        found.append("the number of audit log entries differs from the index")
    report.problems += found[:MAX_LISTED]
    if len(found) > MAX_LISTED:
        report.problems.append(f"... and {len(found) - MAX_LISTED} more differences")


def _unstated_ranges(rebuilt: dict, stored: dict) -> None:
    """Leave out of the comparison an axis range the stored index does not state
    (``null``): a save of a project opened by the walk indexes its untouched curves
    without reading their axes, and that is not a difference (every sample of such
    a file was reported as differing from its index)."""
    entries = {}
    for s in stored.get("samples", []):
        if isinstance(s, dict):
            for m in s.get("measurements", []) if isinstance(s.get("measurements"), list) else []:
                if isinstance(m, dict):
                    entries[(s.get("id"), m.get("id"))] = m
    for s in rebuilt.get("samples", []):
        for m in s.get("measurements", []):
            other = entries.get((s["id"], m["id"]))
            columns = other.get("columns") if other is not None else None
            if not isinstance(columns, list):
                continue
            for mine, theirs in zip(m["columns"], columns):
                if isinstance(theirs, dict) and theirs.get("range") is None and "range" in mine:
                    mine["range"] = theirs.get("range")
                    if "range" not in theirs:
                        del mine["range"]


def _plain(entry: dict) -> str:
    """An entry as canonical text (NaN compares equal to NaN)."""
    return json.dumps(entry, sort_keys=True, separators=(",", ":"))
