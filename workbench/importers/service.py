"""The one import entry point: preview a file, then apply it to a project.

The GUI (drop or File > Import), the CLI (``fibre-workbench import``) and the watch
folder all go through here. Importing is two steps so the user sees what was
understood before anything is written:

1. ``preview(path)`` reads and parses the file (no project involved) and returns an
   ``ImportPlan`` with the reader's summary.
2. ``apply_plan(project, plan, ...)`` decides the target samples, checks everything,
   and only then adds the original bytes and the measurements. A plan that cannot be
   applied raises ``UserFacingError`` and leaves the project exactly as it was.

Files already imported (same SHA-256) are reported as already present, not duplicated.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.cores import available_cores
from workbench.errors import CancelledError, UserFacingError
from workbench.importers.base import ParsedFile
from workbench.importers.parallel import parallel_previews, worker_count
from workbench.importers.registry import parse_bytes, read_and_parse, read_file
from workbench.model import Project, Sample
from workbench.progress import NullProgress, Progress
from workbench.project.heldbytes import HeldBytes, deflated

IGNORED_SUFFIXES = {".fwproj", ".lock", ".tmp", ".json"}


@dataclass
class ImportPlan:
    """A parsed file, ready to be applied to a project. ``raw``: the file's bytes, or,
    from a batch's worker, those bytes already deflated as the project holds them
    (``heldbytes.deflated``; ``len`` is the file's size either way)."""

    path: str
    raw: bytes | HeldBytes
    sha256: str
    parsed: ParsedFile

    def __post_init__(self) -> None:
        name, note = display_name(Path(self.path).name)
        if note and note not in self.parsed.warnings:
            self.parsed.warnings.append(note)
            # readers name measurements after the file: the same readable name there
            raw_stem, stem = Path(self.path).stem, Path(name).stem
            for pm in self.parsed.measurements:
                pm.label = _storable(pm.label.replace(raw_stem, stem))
                if pm.sample_name:
                    pm.sample_name = _storable(pm.sample_name.replace(raw_stem, stem))
                pm.metadata = _storable(pm.metadata)

    def summary(self) -> dict[str, Any]:
        out = self.parsed.summary()
        out["sha256"] = self.sha256
        out["bytes"] = len(self.raw)
        return out


@dataclass
class FileOutcome:
    """What happened to one file of an import."""

    path: str
    status: str  # "imported" | "already present" | "failed" | "previewed"
    message: str = ""
    sha256: str = ""
    format: str = ""
    measurements: list[str] = field(default_factory=list)
    samples: list[str] = field(default_factory=list)
    created_samples: list[str] = field(default_factory=list)
    summary: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "file": self.path,
            "status": self.status,
            "message": self.message,
            "sha256": self.sha256,
            "format": self.format,
            "measurements": self.measurements,
            "samples": self.samples,
            "created_samples": self.created_samples,
        }
        if self.summary is not None:
            out["understood"] = self.summary
        return out


@dataclass
class BatchSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.count("imported"),
            "already_present": self.count("already present"),
            "failed": self.count("failed"),
            "previewed": self.count("previewed"),
            "cancelled": self.cancelled,
            "files": [o.to_json() for o in self.outcomes],
        }


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus every entry under named folders that is not a folder
    (sorted, hidden skipped). A FIFO, socket or device in a folder is listed too, so
    that reading it is refused by name (``registry.read_file``) rather than skipped
    without a word; nothing here opens a file."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                rel = child.relative_to(p).parts
                hidden = any(part.startswith(".") for part in rel)
                if hidden or child.suffix.lower() in IGNORED_SUFFIXES or child.is_dir():
                    continue
                if child.is_file() or child.exists():  # exists: not a dangling link
                    out.append(child)
        elif p.exists():
            out.append(p)
        else:
            raise UserFacingError(f"{p}: no such file or folder")
    return out


def display_name(name: str) -> tuple[str, str]:
    """A file name as text that can be stored and shown, and a note when it had to be
    changed (else "").

    A name read from a folder is the file system's bytes; one that is not UTF-8 (a
    Windows-1252 name such as ``Näyte.csv`` copied from an old PC) arrives with
    undecodable bytes that no project file, export or message can hold. It is read as
    cp1252 (Latin-1 for the few bytes cp1252 leaves undefined)."""
    try:
        name.encode("utf-8")
        return name, ""
    except UnicodeEncodeError:
        pass
    raw = name.encode("utf-8", "surrogateescape")
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    text = "".join(c if c.isprintable() else "\ufffd" for c in text)
    return text, f"the file name is not UTF-8; it is kept as {text!r} (read as Windows-1252)"


def _storable(value: Any) -> Any:
    """``value`` with every text made encodable (undecodable file-name bytes become
    U+FFFD), through dicts and lists: what a project file can store."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if isinstance(value, dict):
        return {_storable(k): _storable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_storable(v) for v in value]
    return value


def display_stem(path: str | Path) -> str:
    """The file name without its extension, as ``display_name`` gives it (a default
    sample name)."""
    return Path(display_name(Path(path).name)[0]).stem


def preview(
    path: str | Path, *, template: str | None = None, format_id: str | None = None
) -> ImportPlan:
    """Read and parse one file without touching any project."""
    if template:
        raw, sha256, parsed = read_and_parse(Path(path), template=template)
        return ImportPlan(str(path), raw, sha256, parsed)
    raw = read_file(path, detect_limit=True, format_id=format_id)
    parsed = parse_bytes(raw, str(path), format_id)
    return ImportPlan(str(path), raw, hashlib.sha256(raw).hexdigest(), parsed)


def preview_bytes(raw: bytes, name: str) -> ImportPlan:
    """Like ``preview`` for bytes already in memory (drops from other applications)."""
    return ImportPlan(name, raw, hashlib.sha256(raw).hexdigest(), parse_bytes(raw, name))


def per_measurement_names(plan: ImportPlan) -> list[str]:
    """One sample name per measurement of ``plan`` (a 20-spectrum SPC file, a table of
    spectra): the name the file gives it, else its label, else "<file> #n"; names
    that would repeat get their number added."""
    stem = display_stem(plan.path)
    names = [
        (pm.sample_name or pm.label or f"{stem} #{i + 1}").strip() or f"{stem} #{i + 1}"
        for i, pm in enumerate(plan.parsed.measurements)
    ]
    keys = [" ".join(n.split()).casefold() for n in names]
    repeated = {k for k in keys if keys.count(k) > 1} if len(set(keys)) < len(keys) else set()
    return [f"{n} #{i + 1}" if k in repeated else n for i, (n, k) in enumerate(zip(names, keys))]


def _resolve_samples(
    project: Project,
    plan: ImportPlan,
    sample_name: str | None,
    new_sample: bool,
    per_measurement: bool = False,
) -> tuple[list[Sample | str], list[str]]:
    """For each parsed measurement, the existing Sample or the name of one to create."""
    targets: list[Sample | str] = []
    to_create: list[str] = []
    creating: set[str] = set()  # keys of to_create (a file may name thousands of samples)
    fallback = display_stem(plan.path)
    own = per_measurement_names(plan) if per_measurement else None
    if own is not None:
        new_sample = True
    for i, pm in enumerate(plan.parsed.measurements):
        wanted = own[i] if own is not None else sample_name or pm.sample_name
        if wanted is None:
            if not new_sample:
                raise UserFacingError(
                    f"{plan.path}: the file names no sample; choose one with --sample NAME "
                    "or create one named after the file with --new-sample"
                )
            wanted = fallback
        existing = project.find_sample(wanted)
        if existing is not None:
            targets.append(existing)
            continue
        if not new_sample:
            raise UserFacingError(
                f"{plan.path}: sample {wanted!r} is not in the project; "
                "create it with --new-sample or choose another with --sample NAME"
            )
        key = " ".join(wanted.split()).casefold()
        if key not in creating:
            creating.add(key)
            to_create.append(wanted)
        targets.append(wanted)
    return targets, to_create


def apply_plan(
    project: Project,
    plan: ImportPlan,
    *,
    sample_name: str | None = None,
    new_sample: bool = False,
    per_measurement: bool = False,
) -> FileOutcome:
    """Add a previewed file to the project; all checks happen before any change.

    ``per_measurement``: each measurement (each spectrum of a multi-spectrum file) goes
    to a sample of its own, named by ``per_measurement_names``, created when missing."""
    if project.read_only:
        raise UserFacingError(
            f"{project.path}: the project is open read-only; nothing was imported"
        )
    fmt = plan.parsed.format_id
    if plan.sha256 in project.sources and project.measurements_from_source(plan.sha256):
        where = sorted({s.name for s, _ in project.measurements_from_source(plan.sha256)})
        return FileOutcome(
            plan.path,
            "already present",
            f"the same file (SHA-256 {plan.sha256[:12]}...) is already imported into "
            + ", ".join(where),
            sha256=plan.sha256,
            format=fmt,
            samples=where,
        )
    targets, to_create = _resolve_samples(project, plan, sample_name, new_sample, per_measurement)
    created: dict[str, Sample] = {}
    for name in to_create:
        created[" ".join(name.split()).casefold()] = project.add_sample(name)
    source_name = display_name(Path(plan.path).name)[0]
    project.add_source(plan.raw, source_name, fmt, sha256=plan.sha256)
    ids, names = [], []
    for pm, target in zip(plan.parsed.measurements, targets):
        sample = (
            target if isinstance(target, Sample) else created[" ".join(target.split()).casefold()]
        )
        m = pm.to_measurement(plan.sha256, source_name, fmt)
        project.add_measurement(sample.id, m)
        ids.append(m.id)
        if sample.name not in names:
            names.append(sample.name)
    return FileOutcome(
        plan.path,
        "imported",
        f"{len(ids)} measurement(s) from {plan.parsed.format_label}",
        sha256=plan.sha256,
        format=fmt,
        measurements=ids,
        samples=names,
        created_samples=[s.name for s in created.values()],
    )


def iter_previews(
    paths: list[Path], *, template: str | None = None, progress: Progress | None = None
) -> Iterator[tuple[Path, ImportPlan | None, str]]:
    """Parse files (for a worker thread): yields (path, plan or None, error) in order.

    A large batch is parsed on more than one core (``importers.parallel``); the plans
    are the same as one by one. The original bytes of the files parsed here are
    deflated as the project will hold them (``heldbytes.deflated``) on a thread of
    their own meanwhile, as a worker process deflates those it reads: the importing
    thread, which also applies and saves the batch, only parses (the thread ends with
    the batch)."""
    with _deflating(len(paths)) as deflate:

        def here(path: Path) -> tuple[Path, ImportPlan | None, str]:
            path, plan, error = _preview_one(path, template)
            if plan is not None and deflate is not None and isinstance(plan.raw, bytes):
                plan.raw = deflate(plan.raw)
            return path, plan, error

        workers = worker_count(len(paths))
        if workers:
            yield from parallel_previews(
                paths, template=template, progress=progress, workers=workers,
                here=here, plan_from=_plan_from_worker,
            )  # fmt: skip
            return
        progress = progress or NullProgress()
        total = max(len(paths), 1)
        for i, path in enumerate(paths):
            progress.update(i / total, f"{path.name}")
            yield here(path)
        progress.update(1.0, "")


DEFLATE_FROM = 2
"""Files of a batch from which their bytes are deflated on a thread of its own."""


class _Deflater:
    """Deflates a batch's original bytes (``heldbytes.deflated``) on a thread of its
    own. At most ``AHEAD`` files wait for it: when that thread falls behind (the other
    cores are busy), the importing thread deflates the next file itself, so the bytes
    waiting to be compressed never add up (issue 3's peak-memory limit)."""

    AHEAD = 4

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="deflate")
        self.waiting: deque[HeldBytes] = deque()

    def __call__(self, raw: bytes) -> bytes | HeldBytes:
        while self.waiting and self.waiting[0].ready():
            self.waiting.popleft()
        if len(self.waiting) >= self.AHEAD:
            return deflated(raw)
        held = deflated(raw, self.pool)
        if isinstance(held, HeldBytes) and not held.ready():
            self.waiting.append(held)
        return held


@contextmanager
def _deflating(n_files: int) -> Iterator[_Deflater | None]:
    """A ``_Deflater`` for a batch (None for a single file, or when this process has one
    core); its thread has finished every file when the block ends."""
    if n_files < DEFLATE_FROM or available_cores() < 2:
        yield None
        return
    deflater = _Deflater()
    try:
        yield deflater
    finally:
        deflater.pool.shutdown(wait=True)


def _preview_one(path: Path, template: str | None) -> tuple[Path, ImportPlan | None, str]:
    try:
        return path, preview(path, template=template), ""
    except UserFacingError as exc:
        return path, None, str(exc)


def _plan_from_worker(path: Path, result: tuple[bytes | HeldBytes, str, ParsedFile]) -> ImportPlan:
    raw, sha256, parsed = result
    return ImportPlan(str(path), raw, sha256, parsed)


def import_files(
    project: Project,
    paths: Iterable[str | Path],
    *,
    sample_name: str | None = None,
    new_sample: bool = False,
    template: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    per_measurement: bool = False,
) -> BatchSummary:
    """Import many files (folders expanded); every file succeeds or fails on its own.

    On cancel, the files finished before it stay imported and the summary says
    ``cancelled``. With ``dry_run`` nothing is applied and each outcome carries the
    reader's summary of what it understood.
    """
    summary = BatchSummary()
    files = expand_paths(paths)
    try:
        for path, plan, error in iter_previews(files, template=template, progress=progress):
            if plan is None:
                summary.outcomes.append(FileOutcome(str(path), "failed", error))
                continue
            if dry_run:
                summary.outcomes.append(
                    FileOutcome(
                        str(path),
                        "previewed",
                        plan.parsed.format_label,
                        sha256=plan.sha256,
                        format=plan.parsed.format_id,
                        summary=plan.summary(),
                    )
                )
                continue
            try:
                outcome = apply_plan(
                    project,
                    plan,
                    sample_name=sample_name,
                    new_sample=new_sample,
                    per_measurement=per_measurement,
                )
                summary.outcomes.append(outcome)
            except UserFacingError as exc:
                summary.outcomes.append(
                    FileOutcome(str(path), "failed", str(exc), sha256=plan.sha256)
                )
    except CancelledError:
        summary.cancelled = True
    return summary
