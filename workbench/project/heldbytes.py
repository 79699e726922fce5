"""An imported file's original bytes, held deflated in memory until they are saved.

An import keeps every file's original bytes (nothing is lost), and a save stores them
gzip-compressed in chunks. Holding them uncompressed until the save and compressing
them then kept both copies in memory at once: for 500 spectrum files 25 MB of
originals plus their compressed chunks, 4.3x the parsed arrays at the save's peak
(issue 3 allows 3x). So a source of one chunk (the many files of a batch) is deflated once, when it is
added, into exactly the chunk the save writes (HDF5's chunk layout: ``CHUNK_BYTES`` per chunk, the last
one padded with zeros); the bytes themselves are let go. A file a batch's import
worker read is deflated there (``deflated``), on the worker's core. The save stores those chunks
as they are (``write_direct_chunk``, h5py's public API) and reading the source
decompresses them (``np.asarray``, ``SourceFile.read_bytes``). About 40 % of a text
file's size is held instead of 140 %.
"""

from __future__ import annotations

import threading
import zlib
from concurrent.futures import Executor, Future
from typing import Any

import numpy as np

CHUNK_BYTES = 1 << 20  # bytes per chunk, as ``packing`` chunks a save's large arrays
MIN_BYTES = 16384  # smaller sources are stored contiguous (``layout.CHUNK_THRESHOLD``)
LEVEL = 1  # gzip level of a project's compressed datasets (``layout.GZIP_LEVEL``)


class HeldBytes:
    """Read-only uint8 array-like of ``size`` bytes held as deflated chunks of ``step``.

    With ``pool`` (a thread pool, ``Deflater``) the chunks are compressed there while
    the caller goes on; ``chunks`` waits for them. ``zlib`` releases the interpreter
    lock while it compresses, so a batch's files are deflated on a spare core while
    the importing thread parses the next ones."""

    dtype = np.dtype(np.uint8)
    ndim = 1

    def __init__(self, raw: bytes, level: int = LEVEL, pool: Executor | None = None) -> None:
        self.size = len(raw)
        self.shape = (self.size,)
        self.step = max(1, min(self.size, CHUNK_BYTES))
        self.level = level
        self._chunks: tuple[bytes, ...] | None = None
        self._pending: Future | None = None
        self._raw: bytes | None = None  # until the pool has deflated it
        self._lock = threading.Lock()
        if pool is None:
            self._chunks = _deflate(raw, self.step, level)
        else:
            # kept only as long as the pool's job holds it anyway; if that job fails,
            # ``chunks`` deflates the bytes itself instead of failing every later save
            self._raw = raw
            self._pending = pool.submit(_deflate, raw, self.step, level)
            self._pending.add_done_callback(self._let_go)

    def _let_go(self, done: Future) -> None:
        if not done.cancelled() and done.exception() is None:
            self._raw = None

    @property
    def chunks(self) -> tuple[bytes, ...]:
        """The deflated chunks (waiting for them when they are being compressed; one
        thread at a time: a save's and a reader's first look may meet)."""
        with self._lock:
            if self._chunks is None:
                pending, self._pending = self._pending, None
                try:
                    self._chunks = pending.result() if pending is not None else None
                except Exception:  # the pool's job failed or was cancelled: deflate here
                    self._chunks = None
                if self._chunks is None:
                    assert self._raw is not None
                    self._chunks = _deflate(self._raw, self.step, self.level)
                self._raw = None
            return self._chunks

    def ready(self) -> bool:
        """True once the chunks are compressed (``chunks`` then does not wait)."""
        pending = self._pending
        return pending is None or pending.done()

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_chunks"], state["_pending"], state["_raw"] = self.chunks, None, None
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    @property
    def nbytes(self) -> int:
        return self.size

    def __len__(self) -> int:
        return self.size

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        out = np.empty(len(self.chunks) * self.step, dtype=np.uint8)
        for i, chunk in enumerate(self.chunks):
            out[i * self.step : (i + 1) * self.step] = np.frombuffer(
                zlib.decompress(chunk), np.uint8
            )
        out = out[: self.size]
        out.flags.writeable = False  # the original cannot change
        return out if dtype is None else out.astype(dtype, copy=False)


def _deflate(raw: bytes, step: int, level: int) -> tuple[bytes, ...]:
    """``raw`` as HDF5 stores it in chunks of ``step`` bytes (the last one padded with
    zeros), each deflated at ``level``."""
    view = memoryview(raw)
    chunks = []
    for start in range(0, len(raw), step):
        part = view[start : start + step]
        if len(part) < step:
            part = bytes(part) + bytes(step - len(part))
        chunks.append(zlib.compress(part, level))
    return tuple(chunks)


def deflated(raw: bytes, pool: Executor | None = None) -> bytes | HeldBytes:
    """``raw`` as a batch's import worker hands it back: deflated (``HeldBytes``) when
    ``hold`` would deflate it, else as it is. Deflating is a third of an imported
    spectrum's cost on the importing thread, and the one process that saves is the
    batch's bottleneck (it also applies every file and writes the project); a worker
    deflates on its own core, and sends back 40 % of the bytes. With ``pool`` (the
    importing process's own files of a batch, ``service.iter_previews``) the bytes
    are deflated on that pool's thread while the caller parses on."""
    return HeldBytes(raw, pool=pool) if MIN_BYTES < len(raw) <= CHUNK_BYTES else raw


def hold(raw: bytes | HeldBytes) -> Any:
    """What a source keeps of ``raw``: the deflated chunk (``HeldBytes``) of a file of
    one chunk, a read-only uint8 view of the others. A small file is stored
    uncompressed anyway; a file of several chunks (a million-particle list) is
    compressed by the save on the spare cores while the samples are written
    (``packing``): deflating it here, on the importing thread, made that import
    0.3-0.5 s slower, and one file's two copies stay within issue 3's memory limit.
    Bytes a worker already deflated (``deflated``) are kept as they are."""
    if isinstance(raw, HeldBytes):
        return raw
    if MIN_BYTES < len(raw) <= CHUNK_BYTES:
        return HeldBytes(raw)
    return np.frombuffer(bytes(raw), np.uint8)
