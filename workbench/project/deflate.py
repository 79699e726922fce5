"""Compressing what a project stores on every core, as standard gzip HDF5 datasets.

HDF5 compresses chunk by chunk on the calling thread, so a 1,000,000-particle import
(25 MB of original bytes and four 8 MB columns) spent most of its save in zlib on
one core. Here large columns are compressed by a thread pool at save time
(``create_deflated``), and an imported file's original bytes are compressed while
the file is parsed (``Prepacked``); ``zlib.compress`` releases the GIL, and the
chunks are handed to HDF5 with ``write_direct_chunk``. The result is an ordinary
chunked dataset with the deflate filter: h5py, h5dump, silx and every other HDF5
reader open it as if HDF5 had compressed it.
"""

from __future__ import annotations

import os
import threading
import zlib
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

import h5py
import numpy as np

CHUNK_BYTES = 1 << 20  # 1 MiB of uncompressed data per chunk
PARALLEL_MIN_BYTES = 4 * CHUNK_BYTES  # below this one thread is as fast


def workers() -> int:
    """Threads used for compression: the cores this process may use (at most 8)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(8, cores))


def chunk_length(itemsize: int) -> int:
    """Elements per chunk: about ``CHUNK_BYTES`` of data."""
    return max(1, CHUNK_BYTES // max(1, itemsize))


def wants_parallel(arr: np.ndarray) -> bool:
    """True for the arrays this module writes faster than HDF5 alone."""
    return (
        arr.ndim == 1
        and arr.dtype.kind in "biuf"
        and arr.nbytes >= PARALLEL_MIN_BYTES
        and workers() > 1
    )


def create_deflated(parent: h5py.Group, name: str, arr: np.ndarray, level: int) -> h5py.Dataset:
    """Create ``parent[name]`` holding ``arr`` (1-D) as a chunked, gzip-``level`` dataset.

    The chunks are compressed in parallel; the last one is padded with zeros to the
    full chunk length, as HDF5 itself stores edge chunks (the padding lies outside
    the dataset's extent and is never read back).
    """
    dtype = arr.dtype.newbyteorder("<")
    n = int(arr.shape[0])
    step = chunk_length(dtype.itemsize)
    ds = parent.create_dataset(
        name,
        shape=arr.shape,
        dtype=dtype,
        chunks=(min(step, max(n, 1)),),
        compression="gzip",
        compression_opts=level,
    )
    step = ds.chunks[0]

    def compress(start: int) -> bytes:
        # the copy (a strided column becomes contiguous) runs in the worker too
        piece = np.zeros(step, dtype=dtype)
        part = arr[start : start + step]
        piece[: part.shape[0]] = part
        return zlib.compress(piece, level)

    starts = range(0, n, step)
    for start, blob in zip(starts, _background_pool().map(compress, starts)):
        ds.id.write_direct_chunk((start,), blob)
    return ds


class Prepacked:
    """A file's original bytes, compressed in the background and then held compressed.

    An import starts this as soon as it has read a file, so the bytes are compressed
    on another core while the file is being parsed; the next save writes the finished
    chunks as they are (``h5fast.new_chunked_bytes``). Once every chunk is compressed the
    uncompressed bytes are let go: a batch of many files holds about 40 % of their
    size in memory until it is saved. The object is also the source's array (uint8,
    read-only, decompressed on demand), so nothing else changes for its users. If a
    compression fails, the original bytes are kept and used instead.
    """

    dtype = np.dtype(np.uint8)
    ndim = 1

    def __init__(self, raw: bytes, level: int) -> None:
        self.level = level
        self.size = len(raw)
        self.shape = (self.size,)
        # One chunk per import thread, each compressed in a single zlib call: the call
        # runs without the GIL from start to end, so the parser holding the GIL on the
        # other core never stalls it (1 MiB chunks each needed the GIL in between and
        # were mostly still waiting when the parse ended). Source bytes are always
        # read whole, so large chunks cost nothing when reading.
        parts = max(1, workers() - 1)
        self.step = min(self.size, max(chunk_length(1), -(-self.size // parts)))
        self._raw: bytes | None = raw
        self._lock = threading.Lock()
        view = memoryview(raw)
        pool = _import_pool()
        self._futures = [
            pool.submit(_pad_and_compress, view[i : i + self.step], self.step, level)
            for i in range(0, self.size, self.step)
        ]
        self._pending = len(self._futures)
        for future in self._futures:
            future.add_done_callback(self._one_done)

    def _one_done(self, future: Future) -> None:
        with self._lock:
            self._pending -= 1
            if self._pending == 0 and all(
                f.done() and not f.cancelled() and f.exception() is None for f in self._futures
            ):
                self._raw = None  # every chunk is safely compressed

    def ok(self) -> bool:
        """True when every chunk was (or is being) compressed without error."""
        for f in self._futures:
            if f.cancelled() or (f.done() and f.exception() is not None):
                return False
        return True

    def wait_ok(self) -> bool:
        """Wait for the compression; True when every chunk came out of it."""
        wait(self._futures)
        return self.ok()

    def chunks(self) -> list[bytes]:
        return [f.result() for f in self._futures]

    def cancel(self) -> None:
        for f in self._futures:
            f.cancel()

    def __len__(self) -> int:
        return self.size

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        raw = self._raw
        if raw is None:
            raw = b"".join(zlib.decompress(c) for c in self.chunks())[: self.size]
        arr = np.frombuffer(raw, dtype=np.uint8)
        return arr if dtype is None else arr.astype(dtype, copy=False)


def _pad_and_compress(piece: memoryview, size: int, level: int) -> bytes:
    if len(piece) < size:
        return zlib.compress(bytes(piece) + bytes(size - len(piece)), level)
    return zlib.compress(piece, level)


_POOLS: dict[str, ThreadPoolExecutor] = {}


def _background_pool() -> ThreadPoolExecutor:
    """Threads for compressing at save time: every core."""
    if "save" not in _POOLS:
        _POOLS["save"] = ThreadPoolExecutor(max_workers=workers(), thread_name_prefix="deflate")
    return _POOLS["save"]


def _import_pool() -> ThreadPoolExecutor:
    """Threads for compressing while a file is parsed: one core fewer, so the parser
    (which holds the GIL) keeps a core of its own."""
    if "import" not in _POOLS:
        _POOLS["import"] = ThreadPoolExecutor(
            max_workers=max(1, workers() - 1), thread_name_prefix="deflate-import"
        )
    return _POOLS["import"]


def prepack(raw: bytes, level: int, min_bytes: int) -> Prepacked | None:
    """Start compressing ``raw`` in the background (when there is a core to spare and
    ``raw`` is long enough to be stored compressed at all: ``min_bytes``)."""
    if len(raw) <= max(min_bytes, 0) or workers() < 2:
        return None
    return Prepacked(raw, level)
