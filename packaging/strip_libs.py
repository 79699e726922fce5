"""Strip symbol tables from the bundle's shared libraries, safely (Linux build).

libpython, the standard-library extension modules and many extension modules of the
wheels ship with full symbol tables (about 40 MB of the bundle). PyInstaller's own
``strip=True`` strips every library, which breaks libraries that auditwheel/patchelf
rewrote: numpy's and scipy's OpenBLAS came out with LOAD segments whose file offset
and address no longer agree modulo the page size, and the dynamic loader refuses them
("ELF load command address/offset not page-aligned").

So here each candidate is stripped as a copy (``strip --strip-unneeded``), the copy is
checked (an ELF file whose every LOAD segment is page-congruent) and used only if it
passed and is smaller. Libraries grafted into wheels (folders ending in ``.libs``) are
left alone altogether: they are the patchelf-rewritten ones and mostly stripped anyway.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path


def _load_segments(path: Path) -> list[tuple[int, int, int]] | None:
    """(offset, vaddr, align) of each LOAD segment of a 64-bit little-endian ELF file."""
    with path.open("rb") as fh:
        header = fh.read(64)
        if len(header) < 64 or header[:4] != b"\x7fELF" or header[4] != 2 or header[5] != 1:
            return None
        (phoff,) = struct.unpack_from("<Q", header, 32)
        phentsize, phnum = struct.unpack_from("<HH", header, 54)
        fh.seek(phoff)
        table = fh.read(phentsize * phnum)
    segments = []
    for i in range(phnum):
        p_type, _flags, offset, vaddr, _paddr, _filesz, _memsz, align = struct.unpack_from(
            "<IIQQQQQQ", table, i * phentsize
        )
        if p_type == 1:  # PT_LOAD
            segments.append((offset, vaddr, align))
    return segments


def loadable(path: Path, page: int = 4096) -> bool:
    """Whether the loader can map the file: every LOAD segment page-congruent."""
    segments = _load_segments(path)
    if not segments:
        return False
    return all((offset - vaddr) % page == 0 for offset, vaddr, _ in segments)


def _candidate(dest: str, kind: str) -> bool:
    norm = dest.replace("\\", "/")
    if kind not in ("BINARY", "EXTENSION") or ".so" not in norm.rsplit("/", 1)[-1]:
        return False
    return not any(part.endswith(".libs") for part in norm.split("/")[:-1])


def strip_binaries(binaries: list, workdir: str) -> tuple[list, int]:
    """Entries with stripped copies where that is safe; returns them and the bytes saved."""
    tool = shutil.which("strip")
    if tool is None:
        print("note: no 'strip' on this machine; libraries keep their symbol tables")
        return binaries, 0
    out_root = Path(workdir)
    saved = 0
    result = []
    for entry in binaries:
        dest, src, kind = entry[0], entry[1], entry[2]
        if _candidate(dest, kind) and loadable(Path(src)):
            copy = out_root / dest
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, copy)
            done = subprocess.run(
                [tool, "--strip-unneeded", str(copy)], capture_output=True, check=False
            )
            before, after = Path(src).stat().st_size, copy.stat().st_size
            if done.returncode == 0 and after < before and loadable(copy):
                saved += before - after
                entry = (dest, str(copy), kind)
        result.append(entry)
    return result, saved
