"""Writing a new project file so that a failing disk never reaches the HDF5 library.

When a write fails inside HDF5 (a full disk, a quota, an I/O error, the file-size
limit), the library fails while flushing its metadata cache as objects and the file
close, leaves identifiers registered against a file it has half torn down, and
crashes when those are closed at exit: a save that ran out of space ended in
SIGSEGV (exit 139) after printing its message, with h5py's own objects and the
direct calls alike. So HDF5 never writes to the disk here:

* ``MemoryImage`` (the usual way): HDF5 builds the file in memory (its ``core``
  driver without a backing store); the finished image is then written to the
  temporary file with plain system calls, where a failure is an ordinary
  ``OSError`` and nothing of HDF5 is involved. Costs the file's size in memory
  for the moment of writing (twice while the image is copied out).
* ``GuardedFile`` (files estimated above ``MEMORY_IMAGE_LIMIT``): HDF5 writes through
  h5py's file-object driver into this object, which writes to the disk; the first
  failed write is remembered and from then on the rest of the file is kept in
  memory pages (reads see it), so HDF5 finishes normally; the save then reports the
  remembered error. Memory stays small unless the disk fails.

Either way the temporary file is created by us, private (0600) until the save gives
it the target's permissions, and a failure raises ``fileio.FileWriteError`` naming the file
and the system's reason, with the temporary file removed by the caller.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import h5py

from workbench import fileio
from workbench.fileio import write_failed

MEMORY_IMAGE_LIMIT = 512 * 2**20  # estimated file size above which GuardedFile is used
PAGE = 64 * 1024  # memory pages of GuardedFile after a failed write
CORE_INCREMENT = 4 * 2**20  # growth step of the in-memory image


def create_private(path: Path) -> int:
    """Create ``path`` exclusively, readable by its owner only; returns the descriptor."""
    return os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR | getattr(os, "O_BINARY", 0), 0o600)


@contextmanager
def new_hdf5_file(tmp: Path, estimate: int) -> Iterator[h5py.File]:
    """An HDF5 file being written for ``tmp`` (which must not exist).

    On leaving the block without an exception the file is on disk at ``tmp``,
    complete and fsynced; a disk failure raises ``FileWriteError``. The caller removes
    ``tmp`` on any failure."""
    if estimate <= MEMORY_IMAGE_LIMIT:
        with MemoryImage(tmp) as f:
            yield f
    else:
        with GuardedFile.open(tmp) as f:
            yield f


class MemoryImage:
    """HDF5 writes into memory; the image goes to disk with plain writes at the end."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.fd = -1
        self.file: h5py.File | None = None

    def __enter__(self) -> h5py.File:
        try:
            self.fd = create_private(self.tmp)  # the name is ours before any work
        except OSError as exc:
            raise write_failed(self.tmp, exc) from exc
        # the name only labels the image inside HDF5; nothing is read from or written to it
        self.file = h5py.File(
            str(self.tmp), "w", driver="core", backing_store=False, block_size=CORE_INCREMENT
        )
        return self.file

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        f, self.file = self.file, None
        try:
            if kind is not None:
                if f is not None:
                    f.close()
                return
            assert f is not None
            f.flush()
            image = f.id.get_file_image()
            f.close()
            try:
                fileio.write_all(self.fd, image)
                del image
                os.fsync(self.fd)
            except OSError as err:
                raise write_failed(self.tmp, err) from err
        finally:
            if self.fd >= 0:
                os.close(self.fd)
                self.fd = -1


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
    def open(cls, tmp: Path) -> Iterator[h5py.File]:
        try:
            fd = create_private(tmp)
        except OSError as exc:
            raise write_failed(tmp, exc) from exc
        guard = cls(tmp, fd)
        try:
            failed = False
            try:
                with h5py.File(guard, "w") as f:
                    yield f
            except BaseException:
                failed = True
                raise
            finally:
                if not failed:
                    guard.finish()
        finally:
            os.close(fd)

    def finish(self) -> None:
        """Make the file durable, or raise the error a write met."""
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
        self.pos += n
        return n

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
