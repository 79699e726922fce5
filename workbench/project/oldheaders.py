"""Text attributes of HDF5 1.8-style object headers, bounded before HDF5 reads them.

A stored text attribute is a descriptor in its object's header: the text's length in
bytes and where in a global heap the text lies. Reading it, HDF5 reserves memory for
the stated length first: 8 damaged bytes there made ``info`` take 18 s and 3.3 GB
(issue 18's adversarial pass). Files saved since format libver v110
(``diskwrite.LIBVER``) have version-2 headers with checksums, which HDF5 verifies and
refuses when damaged. Version-1 headers (older saves, other programs) have none, so
before any attribute of such an object is read this module reads the object's header
from the file's bytes (its address from ``h5py.h5o.get_info``, h5py's public API) and
names every text attribute whose stated lengths exceed a bound.

Layout (HDF5 file format specification, "Version 1 Object Header", "Attribute
Message", "Datatype Message", "Dataspace Message", "Variable-length" data): a 16-byte
prefix (version 1, message count, header size), then messages of type, size, flags;
a continuation message (type 0x10) points to the next block of messages.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import h5py

ATTRIBUTE, CONTINUATION = 0x000C, 0x0010
VLEN_CLASS = 9
DESCRIPTOR = 16  # length (4), heap collection address (8), index (4) per text
MAX_BLOCKS = 64  # header blocks followed per object (HDF5 writes one or a few)
MAX_BLOCK = 2**24


class Damaged(Exception):
    """The header's bytes are not a version-1 object header HDF5 could have written."""


def long_texts(obj: h5py.HLObject, limit: int) -> set[str] | None:
    """Names of ``obj``'s text attributes stating a text over ``limit`` bytes, or None
    when its header is not version 1 (checked by HDF5 itself, or nothing to check).

    Raises ``Damaged`` when the header cannot be walked."""
    try:
        info = h5py.h5o.get_info(obj.id)
        if info.hdr.version != 1 or info.num_attrs == 0:
            return None
        path, base = obj.file.filename, obj.file.userblock_size
    except (OSError, RuntimeError, ValueError, AttributeError) as exc:
        raise Damaged(str(exc)) from exc
    out: set[str] = set()
    try:
        with open(path, "rb") as fh:
            size = fh.seek(0, 2)
            for mtype, body in messages(fh, base, info.addr, size):
                if mtype == ATTRIBUTE:
                    name = _too_long(body, limit)
                    if name is not None:
                        out.add(name)
    except OSError as exc:
        raise Damaged(str(exc)) from exc
    return out


def _u(b: bytes, at: int, n: int) -> int:
    if at < 0 or at + n > len(b):
        raise Damaged("a field lies beyond its message")
    return int.from_bytes(b[at : at + n], "little")


def messages(fh: Any, base: int, addr: int, file_size: int) -> Iterator[tuple[int, bytes]]:
    """(type, body) of each message of the version-1 object header at ``addr``."""
    fh.seek(base + addr)
    prefix = fh.read(16)
    if len(prefix) < 16 or prefix[0] != 1:
        raise Damaged("not a version-1 object header")
    count = _u(prefix, 2, 2)
    blocks = [(base + addr + 16, _u(prefix, 8, 4))]
    seen = done = 0
    while blocks and seen < count:
        start, length = blocks.pop(0)
        done += 1
        if done > MAX_BLOCKS or length > MAX_BLOCK or start + length > file_size:
            raise Damaged("its header blocks are not where the file has room for them")
        fh.seek(start)
        block = fh.read(length)
        p = 0
        while p + 8 <= len(block) and seen < count:
            mtype, size = _u(block, p, 2), _u(block, p + 2, 2)
            body = block[p + 8 : p + 8 + size]
            if len(body) < size:
                raise Damaged("a message runs past its header block")
            seen += 1
            if mtype == CONTINUATION:
                blocks.append((base + _u(body, 0, 8), _u(body, 8, 8)))
            else:
                yield mtype, body
            p += 8 + size


def _pad8(n: int) -> int:
    return (n + 7) & ~7


def _too_long(body: bytes, limit: int) -> str | None:
    """The attribute's name when one of its text descriptors states over ``limit`` bytes."""
    version = _u(body, 0, 1)
    if version not in (1, 2, 3):
        raise Damaged(f"an attribute message of version {version}")
    nsize, tsize, ssize = _u(body, 2, 2), _u(body, 4, 2), _u(body, 6, 2)
    if version >= 2 and body[1] & 3:
        return None  # a shared datatype or dataspace (never written by h5py)
    pad = _pad8 if version == 1 else (lambda n: n)
    p = 9 if version == 3 else 8
    name = body[p : p + nsize].rstrip(b"\0").decode("utf-8", "replace")
    p += pad(nsize)
    dtype_at = p
    p += pad(tsize)
    space_at = p
    p += pad(ssize)
    if _u(body, dtype_at, 1) & 0x0F != VLEN_CLASS:
        return None
    space_version, rank = _u(body, space_at, 1), _u(body, space_at + 1, 1)
    if space_version == 1:
        dims_at, null = space_at + 8, False
    elif space_version == 2:
        dims_at, null = space_at + 4, _u(body, space_at + 3, 1) == 2
    else:
        raise Damaged(f"a dataspace message of version {space_version}")
    n = 0 if null else math.prod(_u(body, dims_at + 8 * k, 8) for k in range(rank))
    if n * DESCRIPTOR > len(body) - p:
        return name  # more values than the message holds
    for k in range(n):
        if _u(body, p + DESCRIPTOR * k, 4) > limit:
            return name
    return None
