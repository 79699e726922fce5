"""Linux bundle: leave out base-system libraries, and store identical libraries once.

Two size steps of the Linux build (``fibre-workbench.spec`` calls both; Windows and
macOS bundles are not touched):

``drop_base_system_libraries``
    PyInstaller copies every shared library the bundled binaries need from the build
    machine, including ones every Linux desktop has and that are *better* taken from
    the target system. The AppImage project's excludelist (the list of libraries an
    AppImage must NOT bundle, each with its reason; ``BASE_SYSTEM_LIBRARIES`` below is
    its non-commented entries as of 2024, from
    https://github.com/AppImageCommunity/pkg2appimage/blob/master/excludelist) is the
    well-known reference: glibc, the OpenGL/driver stack, X11 core libraries, font
    configuration and rendering, ``libstdc++``/``libgcc_s``, zlib and a few others.
    Bundling them is not only wasted space but a known source of failures: a bundled
    ``libstdc++`` older than the system's breaks the system's OpenGL driver loaded into
    the same process, a bundled ``libfontconfig`` may not read the system's font
    configuration. Only libraries on that list are dropped, nothing else. The bundle
    needs glibc 2.35 or newer anyway (its Python was built against it), and every
    distribution with that glibc ships a ``libstdc++`` with ``GLIBCXX_3.4.29`` (the
    newest version Qt 6 asks for).

``drop_orphaned_libraries``
    After that, libraries that only a dropped system library needed (``libpng`` and
    ``brotli`` for the system's FreeType, ``libXau``/``libXdmcp`` for the system's
    libxcb) would still be bundled, because PyInstaller's dependency scan (``ldd``)
    lists indirect dependencies too; so would Qt libraries that only a dropped Qt
    module or plugin needed (``libQt6OpenGL``). This pass keeps such a library only
    when a kept binary names it directly (``DT_NEEDED``), following kept libraries.

``deduplicate_identical_libraries``
    NumPy's and SciPy's wheels each carry their own copy of the same GNU Fortran
    runtime (``libgfortran-040039e1-0352e75f.so.5.0.0`` and its ``libquadmath``,
    byte-identical, 3 MB). Within one bundle a second copy with the same name and the
    same bytes becomes a relative symbolic link to the first (PyInstaller's COLLECT
    creates ``SYMLINK`` entries itself). The dynamic loader loads a library once per
    soname anyway, so nothing changes at run time.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

# The active (non-commented) entries of the AppImage excludelist.
BASE_SYSTEM_LIBRARIES = frozenset(
    {
        # GNU C library: never bundled
        "ld-linux.so.2",
        "ld-linux-x86-64.so.2",
        "libanl.so.1",
        "libBrokenLocale.so.1",
        "libcidn.so.1",
        "libc.so.6",
        "libdl.so.2",
        "libm.so.6",
        "libmvec.so.1",
        "libnss_compat.so.2",
        "libnss_dns.so.2",
        "libnss_files.so.2",
        "libnss_hesiod.so.2",
        "libnss_nisplus.so.2",
        "libnss_nis.so.2",
        "libpthread.so.0",
        "libresolv.so.2",
        "librt.so.1",
        "libthread_db.so.1",
        "libutil.so.1",
        # C++ runtime: an old bundled copy breaks newer system libraries (GL drivers)
        "libstdc++.so.6",
        # OpenGL and the graphics driver stack
        "libGL.so.1",
        "libEGL.so.1",
        "libGLdispatch.so.0",
        "libGLX.so.0",
        "libOpenGL.so.0",
        "libdrm.so.2",
        "libglapi.so.0",
        "libgbm.so.1",
        "libxcb-dri3.so.0",
        "libxcb-dri2.so.0",
        "libwayland-client.so.0",
        # X11 core libraries: must match the system's libxcb
        "libxcb.so.1",
        "libX11.so.6",
        "libX11-xcb.so.1",
        # sound servers whose ABI must match the system's
        "libasound.so.2",
        "libjack.so.0",
        "libpipewire-0.3.so.0",
        # fonts: must read the system's font configuration
        "libfontconfig.so.1",
        "libfreetype.so.6",
        "libharfbuzz.so.0",
        "libfribidi.so.0",
        # base system
        "libcom_err.so.2",
        "libexpat.so.1",
        "libgcc_s.so.1",
        "libgpg-error.so.0",
        "libICE.so.6",
        "libSM.so.6",
        "libusb-1.0.so.0",
        "libuuid.so.1",
        "libz.so.1",
        "libgmp.so.10",
    }
)


def _base_name(dest: str) -> str:
    return dest.replace("\\", "/").rsplit("/", 1)[-1]


def drop_base_system_libraries(binaries: list) -> tuple[list, list[str]]:
    """Entries without the AppImage-excludelist libraries; returns them and the names dropped.

    Only libraries collected as dependencies (at the top of the bundle) are considered;
    a library a wheel ships inside its own folder (``numpy.libs/``) is never dropped.
    """
    kept, dropped = [], []
    for entry in binaries:
        dest = entry[0]
        top_level = "/" not in dest and "\\" not in dest
        if top_level and dest in BASE_SYSTEM_LIBRARIES:
            dropped.append(dest)
            continue
        kept.append(entry)
    return kept, sorted(dropped)


def direct_needs(path: str) -> set[str] | None:
    """The ``DT_NEEDED`` names of an ELF file (``readelf -d``); ``None`` without readelf."""
    tool = shutil.which("readelf")
    if tool is None:
        return None
    out = subprocess.run([tool, "-d", path], capture_output=True, text=True, check=False).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


def _is_candidate(dest: str, kind: str) -> bool:
    """Libraries that are in the bundle only because something needs them: the ones at
    the top (dependencies found by PyInstaller) and Qt's libraries. Extension modules,
    Qt plugins and libraries inside wheels' own ``.libs`` folders are what needs them."""
    norm = dest.replace("\\", "/")
    if kind == "SYMLINK" or ".so" not in norm.rsplit("/", 1)[-1]:
        return False
    top_level = "/" not in norm and norm.startswith("lib") and not norm.startswith("libpython")
    return top_level or norm.startswith("PySide6/Qt/lib/")


def drop_orphaned_libraries(binaries: list, needs_of=direct_needs) -> tuple[list, list[str]]:
    """Drop dependency libraries that no kept binary needs directly (transitively).

    ``needs_of(path)`` gives a binary's ``DT_NEEDED`` names (``None``: unknown, then
    nothing is dropped). Seeds are every binary that is not a candidate (extension
    modules, Qt plugins, wheels' libraries, ``libpython``); a candidate is kept when a
    kept binary names it. The symbolic links PyInstaller puts at the top for a dropped
    Qt library go with it.
    """
    candidates = {_base_name(e[0]): e for e in binaries if _is_candidate(e[0], e[2])}
    needed: set[str] = set()
    todo = [
        e for e in binaries if e[2] in ("BINARY", "EXTENSION") and not _is_candidate(e[0], e[2])
    ]
    while todo:
        names = needs_of(todo.pop()[1])
        if names is None:
            return binaries, []
        for name in names - needed:
            needed.add(name)
            if name in candidates:
                todo.append(candidates[name])
    dropped = sorted(name for name in candidates if name not in needed)
    kept = [
        e
        for e in binaries
        if not (_base_name(e[0]) in dropped and (_is_candidate(e[0], e[2]) or e[2] == "SYMLINK"))
    ]
    return kept, dropped


def drop_dangling_links(binaries: list, datas: list) -> tuple[list, list]:
    """Both lists without ``SYMLINK`` entries whose target is no longer collected.

    PyInstaller keeps its links from the bundle's top to libraries in subfolders
    (``libQt6Core.so.6 -> PySide6/Qt/lib/libQt6Core.so.6``) among the data entries, so
    a library dropped from the binaries would otherwise leave a dangling link behind.
    """
    binaries, datas = list(binaries), list(datas)
    while True:
        dests = {e[0].replace("\\", "/") for e in binaries + datas}
        kept_b = [e for e in binaries if _link_alive(e, dests)]
        kept_d = [e for e in datas if _link_alive(e, dests)]
        if len(kept_b) == len(binaries) and len(kept_d) == len(datas):
            return binaries, datas
        binaries, datas = kept_b, kept_d


def _link_alive(entry: tuple, dests: set[str]) -> bool:
    """Not a link, or a link whose target (relative to its folder) is collected."""
    if entry[2] != "SYMLINK":
        return True
    dest = entry[0].replace("\\", "/")
    target = os.path.normpath(os.path.join(os.path.dirname(dest), entry[1]))
    return Path(target).as_posix() in dests


def _digest(path: str) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def deduplicate_identical_libraries(binaries: list) -> tuple[list, int]:
    """Same-named, byte-identical shared libraries in several folders: one file, links.

    The first destination in sorted order keeps the file; the others become ``SYMLINK``
    entries whose target is the relative path to it. Returns the entries and the bytes
    saved.
    """
    groups: dict[tuple[str, int], list[int]] = {}
    for i, (dest, src, kind) in enumerate(binaries):
        name = _base_name(dest)
        if kind in ("BINARY", "EXTENSION") and ".so" in name and os.path.isfile(src):
            groups.setdefault((name, os.path.getsize(src)), []).append(i)
    out = list(binaries)
    saved = 0
    for (_name, size), indexes in groups.items():
        if len(indexes) < 2:
            continue
        by_digest: dict[str, list[int]] = {}
        for i in indexes:
            by_digest.setdefault(_digest(binaries[i][1]), []).append(i)
        for same in by_digest.values():
            same.sort(key=lambda i: binaries[i][0])
            keeper = binaries[same[0]][0]
            for i in same[1:]:
                dest = binaries[i][0]
                link = os.path.relpath(keeper, os.path.dirname(dest) or ".")
                out[i] = (dest, Path(link).as_posix(), "SYMLINK")
                saved += size
    return out, saved
