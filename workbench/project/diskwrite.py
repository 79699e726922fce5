"""Writing a new project file so that a failing disk never reaches the HDF5 library.

When a write fails inside HDF5 (a full disk, a quota, an I/O error, the file-size
limit), the library fails while flushing its metadata cache as objects and the file
close, leaves identifiers registered against a file it has half torn down, and
crashes when those are closed at exit: a save that ran out of space ended in
SIGSEGV (exit 139) after printing its message, with h5py's own objects and the
direct calls alike. So HDF5 never writes to the disk here:

HDF5 writes through h5py's file-object driver (public API) into ``GuardedFile``,
which writes to the disk with plain system calls. The first write that fails is
remembered, and from then on the rest of the file is kept in memory pages (reads see
it), so HDF5 finishes normally and its state stays whole; the save then reports the
remembered error. With HDF5's paged file space and page buffer (``PAGED``) the library
writes whole 64 KiB pages, so the Python call per write costs nothing much: a
1,000-sample save makes about 1,200 writes instead of 60,000, as fast as building the
file in memory, with memory bounded by the page buffer.

The temporary file is created by us, private (0600) until the save gives
it the target's permissions, and a failure raises ``fileio.FileWriteError`` naming the file
and the system's reason, with the temporary file removed by the caller.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import h5py

from workbench import fileio
from workbench.fileio import write_failed

PAGE = 64 * 1024  # memory pages of GuardedFile after a failed write
HEADER = 512  # bytes of the application's header at the start of the file
# HDF5's user block (left to the application): the header, then zeros. At least a file
# page (HDF5 requires it with paged file space, see PAGED).
USERBLOCK = 64 * 1024
# HDF5's paged file space with a page buffer: the library writes whole 64 KiB pages
# instead of one call per object (60,000 writes of about 1 KiB for 1,000 samples became
# 1,200), so the file-object driver's Python call per write costs nothing much.
# A 1 MiB page buffer: 4 MiB was no faster and put a save of 500 imported spectra
# over issue 3's memory limit (peak 3.2x the arrays instead of 2.8x).
# Object headers of HDF5 1.10's format (libver v110: version 2 headers, B-trees and
# heaps of metadata with checksums): HDF5 verifies each header's checksum whenever it
# reads it, so damaged metadata is refused ("incorrect metadata checksum") instead of
# read. With the 1.8 headers the default wrote, 8 damaged bytes in a text attribute's
# stored length made HDF5 reserve that length: 'info' took 18 s and 3.3 GB (issue 18's
# adversarial pass). Such files need HDF5 1.10 or later to read (h5py wheels since
# 2018 bundle it); older files still open as before.
LIBVER = ("v110", "v110")
PAGED = {
    "fs_strategy": "page",
    "fs_page_size": 64 * 1024,
    "page_buf_size": 2**20,
    "libver": LIBVER,
}
CORE_INCREMENT = 4 * 2**20  # growth step of the in-memory image


CHECKSUM_START = 1


def checksum(data: bytes | memoryview, value: int = CHECKSUM_START) -> int:
    """The running checksum of a file's content after its header (Adler-32: it only
    has to notice a file changed by another program, and reads at disk speed)."""
    return zlib.adler32(data, value)


def _block(header: bytes) -> bytes:
    if len(header) != HEADER:
        raise ValueError(f"a file header must be {HEADER} bytes, not {len(header)}")
    return header


def create_private(path: Path) -> int:
    """Create ``path`` exclusively, readable by its owner only; returns the descriptor."""
    return os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR | getattr(os, "O_BINARY", 0), 0o600)


# (the file's length, checksum of the bytes after the user block) -> the user block's bytes
Header = Callable[[int, int], bytes]


@contextmanager
def new_hdf5_file(tmp: Path, header: Header | None = None) -> Iterator[h5py.File]:
    """An HDF5 file being written for ``tmp`` (which must not exist).

    With ``header`` the file starts with a user block of ``USERBLOCK`` bytes (HDF5
    leaves it to the application) that starts with ``header(file length, checksum of
    everything after the user block)`` once the file is complete. On leaving the block without an exception the file is on disk at
    ``tmp``, complete and fsynced; a disk failure raises ``FileWriteError``. The
    caller removes ``tmp`` on any failure."""
    with GuardedFile.open(tmp, header) as f:
        yield f


class GuardedFile(io.RawIOBase):
    """A file object for h5py's file-object driver that never fails a write.

    Writes go to the disk until one fails; that error is kept (``error``) and from
    then on written ranges are held in memory pages over the disk's content, so that
    HDF5 reads back what it wrote and finishes its file consistently."""

    def __init__(self, path: Path, fd: int) -> None:
        super().__init__()
        self.path = path
        self.fd = fd
        self.pos = 0
        self.size = 0  # the logical end of the file
        self.error: OSError | None = None
        self.pages: dict[int, bytearray] = {}

    @classmethod
    @contextmanager
    def open(cls, tmp: Path, header: Header | None = None) -> Iterator[h5py.File]:
        try:
            fd = create_private(tmp)
        except OSError as exc:
            raise write_failed(tmp, exc) from exc
        guard = cls(tmp, fd)
        try:
            failed = False
            try:
                with h5py.File(guard, "w", userblock_size=USERBLOCK if header else 0, **PAGED) as f:
                    yield f
            except BaseException:
                failed = True
                raise
            finally:
                if not failed:
                    guard.finish(header)
        finally:
            os.close(fd)

    def finish(self, header: Header | None = None) -> None:
        """Write the header, make the file durable, or raise the error a write met."""
        if header is not None and self.error is None:
            try:
                crc = CHECKSUM_START
                for start in range(USERBLOCK, self.size, PAGE * 16):
                    crc = checksum(os.pread(self.fd, PAGE * 16, start), crc)
                fileio.disk_pwrite(self.fd, memoryview(_block(header(self.size, crc))), 0)
            except OSError as exc:
                self.error = exc
        if self.error is None:
            try:
                os.fsync(self.fd)
            except OSError as exc:
                self.error = exc
        if self.error is not None:
            raise write_failed(self.path, self.error)

    # -- the file-object interface h5py's driver uses --------------------------------
    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, pos: int, whence: int = 0) -> int:
        if whence == 0:
            self.pos = pos
        elif whence == 1:
            self.pos += pos
        else:
            self.pos = self.size + pos
        return self.pos

    def tell(self) -> int:
        return self.pos

    def readinto(self, buf) -> int:  # type: ignore[no-untyped-def]
        view = memoryview(buf).cast("B")
        n = max(0, min(len(view), self.size - self.pos))
        if n:
            data = self._read(self.pos, n)
            view[:n] = data
        view[n:] = bytes(len(view) - n)  # beyond the end: zeros, as HDF5's own drivers read
        self.pos += len(view)
        return len(view)

    def read(self, size: int = -1) -> bytes:
        n = self.size - self.pos if size is None or size < 0 else size
        buf = bytearray(max(0, n))
        got = self.readinto(buf)
        return bytes(buf[:got])

    def write(self, data) -> int:  # type: ignore[no-untyped-def]
        view = memoryview(data).cast("B")
        if self.error is None:
            try:
                done = 0
                while done < len(view):
                    done += fileio.disk_pwrite(self.fd, view[done:], self.pos + done)
            except OSError as exc:
                self.error = exc  # from now on the rest is kept in memory
        if self.error is not None:
            self._write_pages(self.pos, view)
        self.pos += len(view)
        self.size = max(self.size, self.pos)
        return len(view)

    def truncate(self, size: int | None = None) -> int:
        size = self.pos if size is None else size
        if self.error is None:
            try:
                os.ftruncate(self.fd, size)
            except OSError as exc:
                self.error = exc
        self.size = size
        return size

    def flush(self) -> None:
        pass

    # -- memory pages after a failed write -------------------------------------------
    def _page(self, index: int) -> bytearray:
        page = self.pages.get(index)
        if page is None:
            page = bytearray(PAGE)
            start = index * PAGE
            try:
                disk = os.pread(self.fd, PAGE, start)
            except OSError:
                disk = b""
            page[: len(disk)] = disk
            self.pages[index] = page
        return page

    def _write_pages(self, pos: int, view: memoryview) -> None:
        done = 0
        while done < len(view):
            index, offset = divmod(pos + done, PAGE)
            n = min(PAGE - offset, len(view) - done)
            self._page(index)[offset : offset + n] = view[done : done + n]
            done += n

    def _read(self, pos: int, n: int) -> bytes:
        if not self.pages:
            return os.pread(self.fd, n, pos)
        out = bytearray()
        while len(out) < n:
            index, offset = divmod(pos + len(out), PAGE)
            take = min(PAGE - offset, n - len(out))
            page = self.pages.get(index)
            if page is not None:
                out += page[offset : offset + take]
            else:
                disk = os.pread(self.fd, take, pos + len(out))
                out += disk + bytes(take - len(disk))
        return bytes(out)
