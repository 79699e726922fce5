"""Build the one-folder application ``dist/fibre-workbench/`` with PyInstaller.

One command, from the repository root:

    .venv/bin/python packaging/build.py

It writes ``packaging/version_info.txt`` (Windows version resource) from
``workbench.__version__``, compiles any translation catalogue (``.ts``) whose ``.qm``
is missing or older, runs PyInstaller on ``packaging/fibre-workbench.spec``, packs the
folder into the archive a user downloads (``dist/fibre-workbench-<version>-<platform>``
``.tar.xz``, symbolic links kept; ``.zip`` on Windows, where the Inno Setup installer
made from the folder is the download) and prints the download size, the folder's size
and its largest parts. The download is the size that counts: it is what every user
waits for. ``--no-archive`` skips the archive. ``--baseline`` also builds the comparison
bundle (a bare PySide6 + pyqtgraph window with PyInstaller's default settings) into
``dist/bare_window/``; ``--clean`` clears PyInstaller's cache first.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SPEC = PACKAGING / "fibre-workbench.spec"
BASELINE_SPEC = PACKAGING / "baseline" / "bare_window.spec"
VERSION_FILE = PACKAGING / "version_info.txt"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP_DIR = DIST / "fibre-workbench"
BASELINE_DIR = DIST / "bare_window"

COMPANY = "Fibre Workbench project"
DESCRIPTION = "Fibre Workbench - fibre and biomass characterisation"
COPYRIGHT = "MIT licence"


def read_version() -> str:
    """``workbench.__version__`` read from the source (no import of the package needed)."""
    text = (ROOT / "workbench" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise SystemExit("workbench/__init__.py has no __version__")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Four numbers for the Windows resource: ``0.1.0`` -> (0, 1, 0, 0); suffixes dropped."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    numbers += [0] * (4 - len(numbers))
    return tuple(numbers)  # type: ignore[return-value]


def version_info_text(version: str) -> str:
    """The PyInstaller version-resource file (VSVersionInfo) for ``version``."""
    nums = version_tuple(version)
    fields = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": "fibre-workbench",
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": "fibre-workbench.exe",
        "ProductName": "Fibre Workbench",
        "ProductVersion": version,
    }
    strings = ",\n".join(
        f"            StringStruct('{key}', '{value}')" for key, value in fields.items()
    )
    return f"""# Windows version resource of fibre-workbench.exe, written by packaging/build.py
# from workbench.__version__ = {version!r}. Do not edit by hand.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={nums},
    prodvers={nums},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{strings}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_info() -> Path:
    """Write ``packaging/version_info.txt`` when its content changed."""
    text = version_info_text(read_version())
    if not VERSION_FILE.exists() or VERSION_FILE.read_text(encoding="utf-8") != text:
        VERSION_FILE.write_text(text, encoding="utf-8")
    return VERSION_FILE


def _lrelease() -> list[str] | None:
    """Qt's lrelease from the PySide6 wheel (or PATH), as a command prefix."""
    exe = Path(sys.executable).parent / "pyside6-lrelease"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def compile_translations() -> list[Path]:
    """Compile every ``resources/translations/*.ts`` whose ``.qm`` is missing or older."""
    compiled: list[Path] = []
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        tool = _lrelease()
        if tool is None:
            print(f"warning: {ts.name} is not compiled (no lrelease found)", file=sys.stderr)
            continue
        subprocess.run([*tool, str(ts), "-qm", str(qm)], check=True, capture_output=True)
        compiled.append(qm)
    return compiled


def folder_size(path: Path) -> int:
    """Bytes of all files below ``path`` (symbolic links not followed)."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def largest_parts(path: Path, count: int = 8) -> list[tuple[str, int]]:
    """The biggest entries directly below the bundle's ``_internal`` folder (or the bundle)."""
    base = path / "_internal" if (path / "_internal").is_dir() else path
    sizes = []
    for child in base.iterdir():
        if child.is_symlink():
            continue  # PyInstaller links some libraries to the top; counted where they are
        size = folder_size(child) if child.is_dir() else child.stat().st_size
        sizes.append((child.name, size))
    return sorted(sizes, key=lambda item: -item[1])[:count]


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def run_pyinstaller(spec: Path, clean: bool = False) -> float:
    """Run the pinned PyInstaller on ``spec``; returns the seconds it took."""
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
    ]
    if clean:
        cmd.append("--clean")
    start = time.monotonic()
    subprocess.run([*cmd, str(spec)], check=True, cwd=ROOT)
    return time.monotonic() - start


def platform_tag() -> str:
    import platform

    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def archive_path(version: str) -> Path:
    suffix = ".zip" if sys.platform == "win32" else ".tar.xz"
    return DIST / f"fibre-workbench-{version}-{platform_tag()}{suffix}"


def make_archive(folder: Path, target: Path) -> int:
    """Pack ``folder`` into ``target`` (what a user downloads); returns its size in bytes.

    ``.tar.xz`` keeps symbolic links (the shared Fortran runtime is one file and a link)
    and is compressed with ``xz -6`` on all cores when the ``xz`` program is there, else
    with Python's ``lzma`` (the same format, one core). ``.zip`` uses deflate.
    """
    import tarfile

    tmp = target.with_name(target.name + ".part")
    if target.suffix == ".zip":
        shutil.make_archive(str(tmp.with_suffix("")), "zip", folder.parent, folder.name)
        tmp.with_suffix("").with_suffix(".zip").replace(target)
        return target.stat().st_size
    xz = shutil.which("xz")
    if xz:
        with open(tmp, "wb") as out:
            proc = subprocess.Popen([xz, "-6", "-T0", "-c"], stdin=subprocess.PIPE, stdout=out)
            assert proc.stdin is not None
            with tarfile.open(fileobj=proc.stdin, mode="w|") as tar:
                tar.add(folder, arcname=folder.name)
            proc.stdin.close()
            if proc.wait() != 0:
                raise RuntimeError(f"xz failed with exit code {proc.returncode}")
    else:
        with tarfile.open(tmp, "w:xz") as tar:
            tar.add(folder, arcname=folder.name)
    tmp.replace(target)
    return target.stat().st_size


def build(*, baseline: bool = False, clean: bool = False, archive: bool = True) -> dict[str, float]:
    """Build the application (and the baseline); returns sizes in MB and build times."""
    figures: dict[str, float] = {}
    write_version_info()
    for qm in compile_translations():
        print(f"compiled {qm.relative_to(ROOT)}")
    figures["build_seconds"] = run_pyinstaller(SPEC, clean)
    figures["bundle_mb"] = folder_size(APP_DIR) / 1e6
    print(f"\nBuilt {APP_DIR} in {figures['build_seconds']:.0f} s: {mb(folder_size(APP_DIR))}")
    for name, size in largest_parts(APP_DIR):
        print(f"  {name:<40} {mb(size):>10}")
    if archive:
        sys.path.insert(0, str(ROOT))
        from workbench import __version__

        target = archive_path(__version__)
        started = time.monotonic()
        figures["download_mb"] = make_archive(APP_DIR, target) / 1e6
        print(
            f"\nDownload: {target.name} {figures['download_mb']:.1f} MB "
            f"(packed in {time.monotonic() - started:.0f} s)"
        )
    if baseline:
        figures["baseline_build_seconds"] = run_pyinstaller(BASELINE_SPEC, clean)
        figures["baseline_mb"] = folder_size(BASELINE_DIR) / 1e6
        print(f"\nBaseline {BASELINE_DIR} (default settings): {mb(folder_size(BASELINE_DIR))}")
        print(f"Ours is {figures['bundle_mb'] / figures['baseline_mb']:.2f} x the baseline size.")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", action="store_true", help="also build the bare window")
    parser.add_argument("--clean", action="store_true", help="clear PyInstaller's cache first")
    parser.add_argument("--no-archive", action="store_true", help="do not pack the download")
    args = parser.parse_args(argv)
    build(baseline=args.baseline, clean=args.clean, archive=not args.no_archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
