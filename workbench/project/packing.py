"""Compressing a save's large arrays on the spare cores while the rest is written.

HDF5 compresses each chunk on the thread that writes it, so a save spent its time in
zlib on one core: the original bytes of 500 imported spectra (25 MB) or the columns
of a million-particle list. A save first hands every array it will write fresh and
compressed to a small thread pool (``zlib.compress`` releases the GIL), writes the
samples meanwhile, and then stores the finished chunks with h5py's public
``write_direct_chunk``. The result is an ordinary chunked dataset with the deflate
filter; every HDF5 reader reads it as if HDF5 had compressed it. (Before issue 16 the
importers compressed the bytes during the parse, and a private lock of h5py was
needed to hand them over; this keeps the speed with neither.)
"""

from __future__ import annotations

import zlib
from concurrent.futures import Future, ThreadPoolExecutor

import h5py
import numpy as np

from workbench.cores import available_cores

CHUNK_BYTES = 1 << 20  # uncompressed bytes per chunk


def cores() -> int:
    return available_cores()


def new_pool() -> ThreadPoolExecutor:
    """Threads for one save (shut down by it: no thread outlives the save)."""
    return ThreadPoolExecutor(max_workers=cores(), thread_name_prefix="pack")


class Packed:
    """One array being compressed in chunks of ``step`` elements (the last padded with
    zeros to the full chunk, as HDF5 stores edge chunks)."""

    def __init__(self, arr: np.ndarray, level: int, pool: ThreadPoolExecutor) -> None:
        self.arr = np.ascontiguousarray(arr, dtype=arr.dtype.newbyteorder("<"))
        n = int(self.arr.shape[0])
        self.step = max(1, min(n, CHUNK_BYTES // max(1, self.arr.dtype.itemsize)))
        self.level = level
        self.futures: list[Future] = [
            pool.submit(self._compress, start) for start in range(0, n, self.step)
        ]

    def _compress(self, start: int) -> bytes:
        part = self.arr[start : start + self.step]
        if part.shape[0] < self.step:
            full = np.zeros(self.step, dtype=self.arr.dtype)
            full[: part.shape[0]] = part
            part = full
        return zlib.compress(memoryview(part).cast("B"), self.level)

    def write(self, group: h5py.Group, name: str) -> h5py.Dataset:
        """Create ``group[name]`` and store the compressed chunks in it."""
        ds = group.create_dataset(
            name,
            shape=self.arr.shape,
            dtype=self.arr.dtype,
            chunks=(self.step,),
            compression="gzip",
            compression_opts=self.level,
            track_times=False,
        )
        for i, future in enumerate(self.futures):
            ds.id.write_direct_chunk((i * self.step,), future.result())
        self.arr = None  # type: ignore[assignment]
        return ds

    def cancel(self) -> None:
        for f in self.futures:
            f.cancel()


def worth_packing(arr: np.ndarray, threshold: int) -> bool:
    """1-D numbers (or bytes) large enough to be stored compressed (above ``threshold``
    elements), when there is a core to spare."""
    return arr.ndim == 1 and arr.dtype.kind in "biuf" and arr.size > threshold and cores() > 1
