"""Finding the reader for a file from its content, and parsing it.

Readers live in ``workbench.importers.formats``; every module there exposes a
``READERS`` list. Detection asks each reader how sure it is that it handles the
file's first 64 KiB and takes the most confident one; a tie is broken by the file
name's extension only as a last resort.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import math
import pkgutil
import struct
from functools import cache
from pathlib import Path

import numpy as np

from workbench.errors import ImportFormatError, UnknownFormatError, UserFacingError
from workbench.fileio import FileKindError, FileTooLargeError, read_regular
from workbench.importers import formats
from workbench.importers.base import DEFAULT_MAX_BYTES, ParsedFile, Reader, size_text
from workbench.importers.containers import is_workbook, recognise
from workbench.importers.spectrum_common import check_axes

_log = logging.getLogger(__name__)
# what a reader may raise on input its checks did not foresee (never a bug elsewhere:
# a TypeError or AttributeError still surfaces as an internal error)
_DAMAGED_INPUT = (
    ValueError, OverflowError, IndexError, KeyError, ZeroDivisionError, struct.error,
    UnicodeError, RecursionError, MemoryError,
)  # fmt: skip
SNIFF_BYTES = 16 * 1024  # every header the readers look for sits well within this
SNIFF_LINES = 8  # ... and the head holds at least this many whole lines (wide tables)
MAX_SNIFF_BYTES = 4 * 1024 * 1024
MAX_FILE_BYTES = 256 * 1024 * 1024
"""The largest file any reader takes (``Reader.max_bytes``); a larger one is refused
from its size before a byte of it is read."""


@cache
def all_readers() -> tuple[Reader, ...]:
    """Every reader of every module in ``workbench.importers.formats``."""
    readers: list[Reader] = []
    for info in sorted(pkgutil.iter_modules(formats.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{formats.__name__}.{info.name}")
        readers.extend(getattr(module, "READERS", []))
    return tuple(readers)


def reader_by_id(format_id: str) -> Reader:
    for reader in all_readers():
        if reader.format_id == format_id:
            return reader
    known = ", ".join(sorted(r.format_id for r in all_readers()))
    raise ImportFormatError(format_id, "format", f"one of the known formats ({known})")


def sniff_head(raw: bytes) -> bytes:
    """The first bytes every reader's ``sniff`` sees: ``SNIFF_BYTES``, or more for a
    wide table, up to the end of its ``SNIFF_LINES``-th line (at most
    ``MAX_SNIFF_BYTES``), so that detection always sees whole data rows (a spectral
    table of 3,000 wavelengths has a 30 KB header line)."""
    head = raw[:SNIFF_BYTES]
    if len(raw) <= SNIFF_BYTES or head.count(b"\n") >= SNIFF_LINES:
        return head
    pos = 0
    for _ in range(SNIFF_LINES):
        found = raw.find(b"\n", pos, MAX_SNIFF_BYTES)
        if found < 0:
            return raw[:MAX_SNIFF_BYTES] if b"\r" not in head else head
        pos = found + 1
    return raw[: max(pos, SNIFF_BYTES)]


def detect(raw: bytes, path: str) -> Reader:
    """The reader most confident it can read ``raw``; ImportFormatError when none is.

    A container (ZIP, Excel workbook, OLE2, HDF5, PDF, an image...) is recognised from
    its magic bytes first (``containers``): workbooks and ZIP archives have readers of
    their own, any other container is refused by name, and no instrument reader is
    asked about it (a ZIP's byte 1 is the "K" of an SPC file's version byte)."""
    head = sniff_head(raw)
    container = recognise(head)
    if container is not None:
        if container.kind in ("xlsx", "zip"):
            kind = "xlsx" if container.kind == "xlsx" or is_workbook(raw) else "zip"
            return reader_by_id(kind)
        raise ImportFormatError(
            path,
            "byte 0",
            "an instrument export, not a container file",
            f"this is {container.name}: {container.advice}",
        )
    name = Path(path).name
    scored = []
    for reader in all_readers():
        try:
            score = float(reader.sniff(head, name))
        except Exception:  # a sniffer must never stop detection
            score = 0.0
        if score > 0:
            scored.append((score, reader))
    if not scored:
        raise UnknownFormatError(
            path,
            "byte 0",
            "a supported instrument export (JCAMP-DX, SPC, OPUS, spectrum CSV, TGA export, "
            "moisture printout, gravimetric worksheet, fibre analyser report or per-fibre "
            "list, Excel workbook, ZIP archive of these)",
            "the content matched none of them; for another table layout, define an import template",
        )
    scored.sort(key=lambda item: item[0], reverse=True)
    return scored[0][1]


def parse_bytes(raw: bytes, path: str, format_id: str | None = None) -> ParsedFile:
    """Parse a file's bytes with the detected (or the named) reader.

    The reader's own size limit (``Reader.max_bytes``, which bounds the memory its
    parse needs: ``Reader.memory_multiple`` times the file) is checked before it
    starts."""
    if len(raw) > MAX_FILE_BYTES:
        raise _too_large(path, len(raw), MAX_FILE_BYTES, "an instrument export")
    if not raw:
        raise ImportFormatError(path, "byte 0", "some content", "the file is empty")
    reader = reader_by_id(format_id) if format_id else detect(raw, path)
    limit = getattr(reader, "max_bytes", DEFAULT_MAX_BYTES)
    if len(raw) > limit:
        raise _too_large(path, len(raw), limit, f"a {reader.format_label} file")
    try:
        parsed = reader.parse(raw, path)
    except UserFacingError:
        raise
    except _DAMAGED_INPUT as exc:
        # The last line of defence: a reader met something its checks did not foresee.
        # The user gets one line naming the file; the traceback goes to the log.
        _log.warning("%s: %s could not read it", path, reader.format_id, exc_info=True)
        raise ImportFormatError(
            path,
            "content",
            f"a well-formed {reader.format_label} file",
            f"{type(exc).__name__}: {str(exc)[:120]}",
        ) from None
    if reader.format_id not in ("xlsx", "zip"):  # their sheets and members were checked
        check_axes(parsed)
    if not parsed.measurements:
        raise ImportFormatError(path, "whole file", "at least one measurement", "none was found")
    check_finite(parsed)
    return parsed


def check_finite(parsed: ParsedFile) -> None:
    """Refuse a value that overflowed to infinity in any reader (``1e309``, 400 digits,
    a JCAMP-DX difference run that grows without bound): stored, it was a silent wrong
    number. NaN stays: it is how readers mark a missing point."""
    for m in parsed.measurements:
        for name, col in m.columns.items():
            values = np.asarray(col.data)
            if values.dtype.kind in "fc" and values.size and np.isinf(values).any():
                i = int(np.flatnonzero(np.isinf(values))[0])
                raise ImportFormatError(
                    parsed.path,
                    f"column {name!r}, point {i + 1}",
                    "a finite number",
                    "a value too large for a number (infinity); nothing was imported",
                )
        for prop, q in m.quantities.items():
            if isinstance(q.value, float) and math.isinf(q.value):
                raise ImportFormatError(
                    parsed.path,
                    f"value {prop!r}",
                    "a finite number",
                    "a value too large for a number (infinity); nothing was imported",
                )


def _too_large(path: str, size: int, limit: int, what: str) -> ImportFormatError:
    return ImportFormatError(
        path,
        "whole file",
        f"{what} of at most {size_text(limit)}",
        f"the file holds {size_text(size)}; nothing was imported from it",
    )


def _limit_for_head(head: bytes, path: str, format_id: str | None) -> tuple[int, str]:
    """The size limit of the reader that will read a file starting with ``head``, and
    what that reader reads: the named reader, else the one ``detect`` picks (it sees no
    more than ``head`` either). A ZIP archive and an Excel workbook are told apart only
    from the whole file (the central directory is at its end): the larger of their two
    limits applies until then."""
    if not format_id:
        container = recognise(sniff_head(head))
        if container is not None and container.kind in ("xlsx", "zip"):
            limits = [reader_by_id(k).max_bytes for k in ("xlsx", "zip")]
            return max(limits), "an Excel workbook or ZIP archive"
    reader = reader_by_id(format_id) if format_id else detect(head, path)
    return getattr(reader, "max_bytes", DEFAULT_MAX_BYTES), f"a {reader.format_label} file"


def read_file(
    path: str | Path, *, detect_limit: bool = False, format_id: str | None = None
) -> bytes:
    """A file's bytes; ImportFormatError naming the file when it cannot be read.

    Only a regular file of at most ``MAX_FILE_BYTES`` is read, and its type and size
    are checked before any byte is: a FIFO never blocks, ``/dev/zero`` is refused at
    once, and a 5 GB file costs nothing but its message. With ``detect_limit`` the
    reader that will parse the file (``format_id``, else the detected one) is found
    from its first ``MAX_SNIFF_BYTES`` and a file over that reader's own limit is
    refused before the rest is read (a 255 MB text file against a 32 MiB reader costs
    4 MiB, not 255); a file no reader knows is refused there, as ``parse_bytes``
    would refuse it."""
    p = Path(path)

    def check_head(head: bytes, size: int) -> None:
        limit, what = _limit_for_head(head, str(p), format_id)
        if size > limit:
            raise _too_large(str(p), size, limit, what)

    try:
        if detect_limit:
            return read_regular(p, MAX_FILE_BYTES, check_head=check_head, head_size=MAX_SNIFF_BYTES)
        return read_regular(p, MAX_FILE_BYTES)
    except FileKindError as exc:
        raise ImportFormatError(
            str(p), "opening the file", "a regular file", f"it is {exc.kind}; nothing was read"
        ) from None
    except FileTooLargeError as exc:
        raise _too_large(str(p), exc.size, exc.limit, "an instrument export") from None
    except OSError as exc:
        raise ImportFormatError(
            str(p), "opening the file", "a readable file", exc.strerror or str(exc)
        ) from None


def parse_path(path: str | Path, format_id: str | None = None) -> tuple[bytes, ParsedFile]:
    """Read a file and parse it; returns the raw bytes too (they are stored as-is)."""
    raw = read_file(path, detect_limit=True, format_id=format_id)
    return raw, parse_bytes(raw, str(path), format_id)


def read_and_parse(path: Path, *, template: str | None = None) -> tuple[bytes, str, ParsedFile]:
    """A file's bytes, their SHA-256 and what the detected reader (or the named import
    template) understood: ``service.preview`` without a plan, as the batch workers run
    it (``importers.parallel``; this module does not load h5py, which they never need)."""
    if template:
        from workbench.importers.templates import load_template, parse_with_template

        raw = read_file(path)
        parsed = parse_with_template(raw, str(path), load_template(template))
    else:
        raw = read_file(path, detect_limit=True)
        parsed = parse_bytes(raw, str(path))
    return raw, hashlib.sha256(raw).hexdigest(), parsed
