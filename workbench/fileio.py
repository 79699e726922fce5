"""Atomic writing of side files (exports, reports, templates).

A file is written completely under a temporary name in the target folder, flushed and
fsynced, then moved over the target with ``os.replace``: a crash leaves either the old
file or the new one, never half of one. The new file gets the permissions a plain
``open(..., "w")`` would give it (``mkstemp`` alone would make it private).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


class FileKindError(OSError):
    """A path that is not a regular file (a folder, FIFO, device or socket): reading it
    could block forever (a FIFO with no writer) or never end (``/dev/zero``)."""

    def __init__(self, path: str | Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not a regular file")
        self.path = str(path)
        self.kind = kind


class FileTooLargeError(OSError):
    """A regular file larger than the reader's limit (checked before it is read)."""

    def __init__(self, path: str | Path, size: int, limit: int) -> None:
        super().__init__(f"{path} holds {size} bytes, more than the limit of {limit}")
        self.path = str(path)
        self.size = size
        self.limit = limit


def file_kind(mode: int) -> str:
    """A few words for what a ``stat`` mode is ("a FIFO (named pipe)", "a folder"...)."""
    for test, words in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISLNK, "a symbolic link"),
    ):
        if test(mode):
            return words
    return "not a regular file"


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused before reading when it is
    anything else or larger than ``limit`` bytes.

    The file is opened without blocking (a FIFO with no writer would otherwise hang the
    open) and checked on the open descriptor (``fstat``), so a file swapped for a FIFO
    between a check and the open cannot slip through; at most ``limit + 1`` bytes are
    ever read, so a file that grows while it is read is refused too. Raises
    ``FileKindError``, ``FileTooLargeError`` or the ``OSError`` of the open."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileKindError(path, file_kind(st.st_mode))
        if st.st_size > limit:
            raise FileTooLargeError(path, st.st_size, limit)
        with os.fdopen(fd, "rb", buffering=0, closefd=False) as fh:
            # one allocation of the size stat gave (+1 to notice a file that grew)
            parts = [fh.read(st.st_size + 1)]
            got = len(parts[0])
            while got <= limit and (part := fh.read(min(1 << 24, limit + 1 - got))):
                parts.append(part)
                got += len(part)
        if got > limit:
            raise FileTooLargeError(path, got, limit)
        return parts[0] if len(parts) == 1 else b"".join(parts)
    finally:
        os.close(fd)


def is_regular_file(path: str | Path) -> bool:
    """True for a regular file (following symbolic links); never opens it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
