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

import zlib
from typing import Any

import numpy as np

CHUNK_BYTES = 1 << 20  # bytes per chunk, as ``packing`` chunks a save's large arrays
MIN_BYTES = 16384  # smaller sources are stored contiguous (``layout.CHUNK_THRESHOLD``)
LEVEL = 1  # gzip level of a project's compressed datasets (``layout.GZIP_LEVEL``)


class HeldBytes:
    """Read-only uint8 array-like of ``size`` bytes held as deflated chunks of ``step``."""

    dtype = np.dtype(np.uint8)
    ndim = 1

    def __init__(self, raw: bytes, level: int = LEVEL) -> None:
        self.size = len(raw)
        self.shape = (self.size,)
        self.step = max(1, min(self.size, CHUNK_BYTES))
        self.level = level
        view = memoryview(raw)
        chunks = []
        for start in range(0, self.size, self.step):
            part = view[start : start + self.step]
            if len(part) < self.step:
                part = bytes(part) + bytes(self.step - len(part))
            chunks.append(zlib.compress(part, level))
        self.chunks: tuple[bytes, ...] = tuple(chunks)

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


def deflated(raw: bytes) -> bytes | HeldBytes:
    """``raw`` as a batch's import worker hands it back: deflated (``HeldBytes``) when
    ``hold`` would deflate it, else as it is. Deflating is a third of an imported
    spectrum's cost on the importing thread, and the one process that saves is the
    batch's bottleneck (it also applies every file and writes the project); a worker
    deflates on its own core, and sends back 40 % of the bytes."""
    return HeldBytes(raw) if MIN_BYTES < len(raw) <= CHUNK_BYTES else raw


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
