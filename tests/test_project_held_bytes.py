"""Imported files' original bytes are held deflated until saved (``heldbytes``).

Holding them as they were read and compressing them in the save kept both copies in
memory: a save of 500 imported spectra peaked at 4.3x the parsed arrays (issue 3
allows 3x, ``python -m tests.benchmarks import_spectra_500_same_data``).
"""

from __future__ import annotations

import hashlib
import pickle

import h5py
import numpy as np

from workbench.model import Project
from workbench.project import heldbytes, layout, packing
from workbench.project.heldbytes import HeldBytes
from workbench.project.lazy import LazyArray
from workbench.project.store import close_project, open_project, save_project


def _text(n: int, seed: int = 0) -> bytes:
    rng = np.random.default_rng(seed)
    return "".join(f"{v:.6f}\n" for v in rng.random(n)).encode()


def test_a_batch_files_bytes_are_held_deflated_and_read_back_whole():
    raw = _text(90_000)  # about 800 kB: one chunk
    project = Project()
    sha, new = project.add_source(raw, "spectrum.csv", "csv")
    src = project.sources[sha]
    assert new and isinstance(src.data, HeldBytes)
    assert len(src.data.chunks) == 1
    assert len(src.data.chunks[0]) < len(raw) / 2  # held, not the bytes
    assert src.read_bytes() == raw and src.size == len(raw)
    assert not np.asarray(src.data).flags.writeable  # the original cannot change


def test_held_bytes_of_several_chunks_pad_the_last_as_hdf5_does():
    raw = _text(300_000)  # about 2.7 MB: three chunks
    held = HeldBytes(raw)
    assert len(held.chunks) == 3 and held.step == heldbytes.CHUNK_BYTES
    assert np.asarray(held).tobytes() == raw


def test_small_and_multi_chunk_sources_stay_plain_views():
    """A small file is stored uncompressed; one of several chunks is compressed by the
    save on the spare cores (``packing``)."""
    project = Project()
    for raw in (b"a,b\n1,2\n", _text(300_000)):
        sha, _ = project.add_source(raw, "f.csv")
        assert isinstance(project.sources[sha].data, np.ndarray)


def test_held_bytes_use_the_chunks_and_level_a_save_would():
    assert heldbytes.MIN_BYTES == layout.CHUNK_THRESHOLD
    assert heldbytes.LEVEL == layout.GZIP_LEVEL
    assert heldbytes.CHUNK_BYTES == packing.CHUNK_BYTES


def test_held_bytes_are_saved_as_ordinary_gzip_chunks(tmp_path):
    raw = _text(100_000, seed=3)
    project = Project()
    sha, _ = project.add_source(raw, "spectrum.csv", "csv")
    target = tmp_path / "p.fwproj"
    save_project(project, target)
    src = project.sources[sha]
    assert isinstance(src.data, LazyArray)  # the held chunks are let go once saved
    assert src.read_bytes() == raw
    close_project(project)
    with h5py.File(target, "r") as f:  # any HDF5 reader: gzip, the bytes whole
        ds = f[f"sources/{sha}"]
        assert ds.compression == "gzip" and ds.chunks == (len(raw),)
        assert ds.compression_opts == layout.GZIP_LEVEL and ds.dtype == np.uint8
        assert not ds.id.get_create_plist().get_obj_track_times()  # as every object saved
        assert hashlib.sha256(ds[()].tobytes()).hexdigest() == sha
    back = open_project(target, read_only=True)
    assert back.sources[sha].read_bytes() == raw
    close_project(back)


def test_the_index_is_compressed_entry_by_entry_to_exactly_its_json():
    """``index.encode`` streams the JSON (the save's memory peak); the text is the same."""
    import math
    import zlib

    from workbench.project import index

    docs = [
        {},
        {"samples": []},
        {"samples": [{"id": "s1", "name": "koivu ä"}, {"x": math.nan}], "tree": {"s1": [1, 2, 0]}},
        {"app_version": "1.0", "sources": [1], "settings": {}},
    ]
    for doc in docs:
        assert zlib.decompress(index.encode(doc)) == layout.dumps(doc).encode("utf-8")


def test_bytes_deflated_on_a_pool_are_the_chunks_deflated_here():
    from concurrent.futures import ThreadPoolExecutor

    raw = _text(40_000, seed=5)
    with ThreadPoolExecutor(1) as pool:
        held = HeldBytes(raw, pool=pool)
        assert held.chunks == HeldBytes(raw).chunks
    assert held.ready() and np.asarray(held).tobytes() == raw
    sent = pickle.loads(pickle.dumps(held))  # as a batch worker sends it back
    assert sent.chunks == held.chunks and sent.ready()


def test_a_batch_deflates_on_its_own_thread_but_never_falls_far_behind():
    """The files a batch parses in this process are deflated on a thread of their own
    (``service._Deflater``); when that thread is held up, no more than ``AHEAD`` files
    wait for it (their bytes in memory): the next ones are deflated at once here."""
    import threading

    from workbench.importers import service

    deflater = service._Deflater()
    gate = threading.Event()
    deflater.pool.submit(gate.wait)  # the thread is busy elsewhere
    raws = [_text(3_000, seed=i) for i in range(service._Deflater.AHEAD + 3)]
    try:
        held = [deflater(raw) for raw in raws]
        waiting = [h for h in held if not h.ready()]
        assert len(waiting) == service._Deflater.AHEAD  # the rest were deflated here
        assert all(h.ready() for h in held[service._Deflater.AHEAD :])
    finally:
        gate.set()
        deflater.pool.shutdown(wait=True)
    assert [np.asarray(h).tobytes() for h in held] == raws


def test_a_batch_import_stores_every_file_whole_and_leaves_no_thread(tmp_path):
    import threading

    from workbench.importers.service import import_files

    files = []
    for i in range(6):
        x = np.linspace(4000, 400, 1500)
        body = "\n".join(f"{a:.4f},{0.5 + 0.001 * i + a * 1e-5:.6f}" for a in x)
        files.append(tmp_path / f"s{i}.csv")
        files[-1].write_text(f"wavenumber (cm-1),absorbance\n{body}\n")
    project = Project()
    summary = import_files(project, files, new_sample=True)
    assert summary.count("imported") == len(files)
    assert not [t for t in threading.enumerate() if t.name.startswith("deflate")]
    for path in files:
        src = project.sources[hashlib.sha256(path.read_bytes()).hexdigest()]
        assert isinstance(src.data, HeldBytes) and src.read_bytes() == path.read_bytes()


class _FailingPool:
    """A pool whose job fails (as a deflate thread could, out of memory)."""

    def submit(self, fn, *args):
        from concurrent.futures import Future

        done: Future = Future()
        done.set_exception(MemoryError("deflate thread"))
        return done


def test_a_failed_deflate_on_the_pool_is_done_here_not_at_every_save():
    """The pool's error only showed when a save asked for the chunks, and again at
    every later save, so the project could never be saved; now ``chunks`` deflates
    the bytes it kept for that case, once."""
    raw = _text(30_000)
    held = HeldBytes(raw, pool=_FailingPool())
    assert held.chunks == HeldBytes(raw).chunks
    assert held.chunks is held.chunks  # deflated once
    assert held._raw is None  # let go once deflated
    assert bytes(np.asarray(held)) == raw


def test_two_threads_asking_first_for_the_chunks_both_get_them():
    """A save on a worker and a read on the GUI thread may be the first to ask."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    raw = _text(90_000)
    for _ in range(20):
        with ThreadPoolExecutor(1) as pool:
            gate = threading.Event()
            pool.submit(gate.wait)  # the deflate waits behind this
            held = HeldBytes(raw, pool=pool)
            got, errors = [], []

            def first_look(held=held, got=got, errors=errors):
                try:
                    got.append(held.chunks)
                except Exception as exc:  # the failure under test
                    errors.append(exc)

            readers = [threading.Thread(target=first_look) for _ in range(2)]
            for t in readers:
                t.start()
            gate.set()
            for t in readers:
                t.join()
        assert not errors and len(got) == 2 and got[0] is got[1]
    assert pickle.loads(pickle.dumps(held)).chunks == held.chunks
