"""Atomic writing of files, keeping what the user set up on the file being replaced.

A file is written completely under a temporary name in the target's folder, flushed
and fsynced, then moved over the target with ``os.replace``: a crash leaves either
the old file or the new one, never half of one. Project saves (``project.store``)
and side files (exports, reports, templates, pipelines) share the rules here:

* a symbolic link is written through: the file it points to is replaced
  (atomically, in its own folder) and the link stays a link;
* the new file gets the replaced file's permissions and owner/group where the system
  allows it, and a new file the permissions a plain ``open(..., "w")`` would give;
* the temporary name is kept short, so every name the folder accepts can be saved,
  and a name the folder cannot take is refused before any work (``check_name``);
* a missing folder, a full disk, a quota, an I/O error or the file-size limit is a
  ``UserFacingError`` of one line naming the file; the temporary file is removed and
  the target is left as it was.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.errors import UserFacingError

NAME_MAX_DEFAULT = 255


class FileWriteError(UserFacingError):
    """A file could not be written; ``errno`` is the system's error number (or None)
    and ``reason`` the system's reason in words."""

    def __init__(self, message: str, errno_: int | None = None, reason: str = "") -> None:
        super().__init__(message)
        self.errno = errno_
        self.reason = reason or message


def describe_os_error(exc: OSError) -> str:
    """The system's reason in words, with a plain hint for the common disk problems."""
    text = exc.strerror or str(exc)
    hints = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EFBIG: "the file would be larger than this system allows",
        errno.EIO: "the disk reported an input/output error",
        errno.EROFS: "the disk is read-only",
        errno.EACCES: "no permission to write there",
        errno.ENAMETOOLONG: "the file name is too long for this folder",
    }
    hint = hints.get(exc.errno or 0)
    return f"{text} ({hint})" if hint and hint.lower() not in text.lower() else text


def write_failed(path: Path, exc: OSError, what: str = "could not be written") -> FileWriteError:
    reason = describe_os_error(exc)
    return FileWriteError(f"{path}: {what}: {reason}.", exc.errno, reason)


def disk_write(fd: int, data: memoryview) -> int:
    """One ``write(2)``: every file the workbench writes reaches the disk through this
    or ``disk_pwrite`` (the tests replace them to simulate a failing disk)."""
    return os.write(fd, data)


def disk_pwrite(fd: int, data: memoryview, offset: int) -> int:
    """One ``pwrite(2)`` (see ``disk_write``)."""
    return os.pwrite(fd, data, offset)


WRITE_STEP = 8 * 2**20  # bytes per system call


def write_all(fd: int, data: bytes | bytearray | memoryview) -> None:
    """Write all of ``data`` at the descriptor's position (``OSError`` on failure)."""
    view = memoryview(data).cast("B")
    done = 0
    while done < len(view):
        n = disk_write(fd, view[done : done + WRITE_STEP])
        if n <= 0:  # pragma: no cover - write(2) reports errors, not 0
            raise OSError(errno.EIO, "the disk accepted no data")
        done += n


def resolve_destination(path: str | Path) -> Path:
    """The file a write to ``path`` must replace: the target of a symbolic link (all
    links followed), else ``path`` itself (absolute)."""
    p = Path(path).absolute()
    if p.is_symlink():
        return Path(os.path.realpath(p))
    return p


def name_max(folder: Path) -> int:
    """The longest file name (in bytes) the folder's file system takes."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return NAME_MAX_DEFAULT


def check_name(path: Path, extra: int = 0, *, folder_must_exist: bool = True) -> None:
    """Refuse, before any work, a name the folder's file system will not take (with
    ``extra`` bytes for a suffix such as a lock file's), and a missing folder."""
    folder = path.parent
    if not folder.is_dir():
        if not folder_must_exist:
            folder = next((f for f in folder.parents if f.is_dir()), folder)
        else:
            raise FileWriteError(
                f"{path}: the folder {folder} does not exist.",
                errno.ENOENT,
                "the folder does not exist",
            )
    size = len(os.fsencode(path.name))
    limit = name_max(folder)
    if size + extra > limit:
        raise FileWriteError(
            f"{path.name[:60]}...: the file name is {size} bytes long; this folder takes names "
            f"of at most {limit - extra} bytes here. Choose a shorter name.",
            errno.ENAMETOOLONG,
            "the file name is too long for this folder",
        )


def temp_path(target: Path, tag: str, suffix: str) -> Path:
    """A temporary name beside ``target``: ``.<target name, shortened>.<tag><suffix>``,
    always short enough for the folder."""
    room = min(name_max(target.parent), NAME_MAX_DEFAULT) - len(os.fsencode(f"..{tag}{suffix}"))
    raw = os.fsencode(target.name)[: max(1, room)]
    short = raw.decode("utf-8", "ignore") or "f"  # cut at a character boundary
    return target.with_name(f".{short}.{tag}{suffix}")


def current_umask() -> int:
    """The process's umask (read without changing it where the system allows)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def keep_attributes(tmp: Path, target: Path) -> None:
    """Give ``tmp`` the permissions and owner/group of ``target`` (the file it will
    replace), or a new file's default permissions when there is none."""
    try:
        st = target.stat()
    except OSError:
        os.chmod(tmp, 0o666 & ~current_umask())
        return
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.chown(tmp, st.st_uid, st.st_gid)
        with contextlib.suppress(OSError):  # the group, where we are a member
            os.chown(tmp, -1, st.st_gid)
    os.chmod(tmp, stat.S_IMODE(st.st_mode))


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles for this)."""
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see the module docstring)."""
    target = resolve_destination(path)
    check_name(target)
    tmp = temp_path(target, f"{os.getpid()}.{uuid.uuid4().hex[:8]}", ".tmp")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        raise write_failed(target, exc) from exc
    try:
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        keep_attributes(tmp, target)
        os.replace(tmp, target)
        with contextlib.suppress(OSError):
            fsync_dir(target.parent)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise write_failed(target, exc) from exc
        raise


def workbook_bytes(workbook: Any, out: str | Path) -> bytes:
    """An openpyxl workbook as XLSX bytes. openpyxl builds each sheet in a temporary
    file first, so a full temporary folder fails here, named like any write failure."""
    buf = io.BytesIO()
    try:
        workbook.save(buf)
    except OSError as exc:
        raise write_failed(
            Path(out), exc, f"could not be built in the temporary folder {tempfile.gettempdir()}"
        ) from exc
    return buf.getvalue()


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


def _open_regular(path: str | Path) -> tuple[int, os.stat_result]:
    """A descriptor of the regular file ``path`` and its ``fstat``: opened without
    blocking (a FIFO with no writer would otherwise hang the open) and checked on the
    open descriptor, so a file swapped for a FIFO between a check and the open cannot
    slip through. Raises ``FileKindError`` (the descriptor closed) or the open's error."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileKindError(path, file_kind(st.st_mode))
    except BaseException:
        os.close(fd)
        raise
    return fd, st


def read_head(path: str | Path, size: int) -> bytes:
    """The first ``size`` bytes of the regular file ``path`` (a glimpse of a file that
    could not be imported), with the same checks as ``read_regular``: never blocks on a
    FIFO, never reads a device. Raises ``FileKindError`` or the ``OSError`` of the open."""
    fd, _st = _open_regular(path)
    try:
        return os.read(fd, size)
    finally:
        os.close(fd)


def read_regular(
    path: str | Path,
    limit: int,
    *,
    check_head: Callable[[bytes, int], None] | None = None,
    head_size: int = 0,
) -> bytes:
    """The bytes of the regular file ``path``, refused before reading when it is
    anything else or larger than ``limit`` bytes.

    The file is opened without blocking (a FIFO with no writer would otherwise hang the
    open) and checked on the open descriptor (``fstat``), so a file swapped for a FIFO
    between a check and the open cannot slip through; at most ``limit + 1`` bytes are
    ever read, so a file that grows while it is read is refused too. Raises
    ``FileKindError``, ``FileTooLargeError`` or the ``OSError`` of the open.

    ``check_head(head, size)``, when given, sees the first ``head_size`` bytes and the
    file's size before the rest is read (only for a file larger than ``head_size``):
    it may refuse the file by raising, so that a reader's own, smaller limit costs a
    glimpse of the file rather than the whole of it."""
    fd, st = _open_regular(path)
    try:
        if st.st_size > limit:
            raise FileTooLargeError(path, st.st_size, limit)
        with os.fdopen(fd, "rb", buffering=0, closefd=False) as fh:
            if check_head is not None and st.st_size > head_size:
                check_head(fh.read(head_size), st.st_size)
                fh.seek(0)
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
