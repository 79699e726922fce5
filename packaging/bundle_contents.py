"""What goes into the frozen bundle: hidden imports, data folders, exclusions, filters.

The PyInstaller spec (``fibre-workbench.spec``) calls these functions, and the fast
packaging tests call them too, so the lists are checked without building.

Why hidden imports at all: the CLI finds its commands (``workbench/cli/cmd_*.py``) and
the importers their formats (``workbench/importers/formats/*.py``) with ``pkgutil``
at run time, and plugins are imported from files by path, so PyInstaller's static
analysis cannot see them. Every module of the ``workbench`` package is listed by
walking the source tree (no import needed), so a new command or format module is in
the next build without anyone editing a list. The built-in plugins are listed too so
that their third-party imports (``scipy.signal``, ``scipy.stats``, scikit-learn) are
analysed and bundled; their own code is shipped as source files beside the
executable (``workbench/builtin_plugins/``, loaded by ``workbench.analysis.registry``
through ``workbench.paths``), and the spec
drops the duplicate compiled copy.

Size: only the Qt modules the application imports are kept (QtCore, QtGui,
QtWidgets, QtSvg); the other PySide6 modules, their Qt libraries, Qt plugins that
need them and Qt translations other than English and Finnish are left out. pyqtgraph's
unconditional imports of QtOpenGL/QtOpenGLWidgets are answered by placeholder modules
(``no_opengl.py``, a runtime hook). Subpackages of scikit-learn and SciPy that nothing
the application or its plugins import are excluded (``UNUSED_MODULES``), as is the
standard library's TLS support (``OPTIONAL_STDLIB_EXCLUDED``): tests prove both.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "fibre-workbench"
CLI_NAME = "fibre-workbench-cli"  # Windows only: the console twin of the windowed exe

# The Qt modules the application (workbench/gui and pyqtgraph) uses.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtSvg")

# Qt modules pyqtgraph imports when its plot items are imported but uses only with OpenGL
# plotting switched on, which the application never does: the bundle has placeholders
# (packaging/no_opengl.py) instead of the real modules (9.8 MB with their Qt libraries).
QT_MODULES_PLACEHOLDER = ("QtOpenGL", "QtOpenGLWidgets")

# PySide6 modules not used. pyqtgraph imports QtTest only when available (it falls
# back to a placeholder).
QT_MODULES_EXCLUDED = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDBus",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtHelp",
    "QtHttpServer",
    "QtLabsStyleKit",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",  # placeholder module instead (no_opengl.py)
    "QtOpenGLWidgets",  # placeholder module instead (no_opengl.py)
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)

# Python packages that are never needed at run time (test tools, other Qt bindings,
# plotting and notebook stacks that optional imports of our dependencies may pull in).
PYTHON_EXCLUDES = (
    "tkinter",
    "_tkinter",
    "matplotlib",
    "IPython",
    "ipykernel",
    "jupyter_client",
    "notebook",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "ruff",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "pandas",
    "PIL",
    "lxml",
    "sphinx",
    "docutils",
    "setuptools",
    "pkg_resources",
    "distutils",
    "pyqtgraph.opengl",
    "pyqtgraph.examples",
    "pyqtgraph.jupyter",
    "pyqtgraph.canvas",
    "sklearn.datasets.tests",
    "scipy.io.matlab.tests",
    "PyInstaller",
    "workbench.bootstrap",  # creates a virtual environment: meaningless when frozen
)

# Parts of scikit-learn, SciPy and NumPy that nothing the application, its built-in
# plugins or PLUGIN_EXTRA_MODULES import (their extension modules are 4.6 MB). The
# proof is tests/test_packaging.py::test_excluded_modules_are_not_imported, which
# imports all of that with these modules blocked. Known consequence for plugin authors:
# KBinsDiscretizer(strategy="kmeans") needs sklearn.cluster and is not available.
UNUSED_MODULES = (
    "sklearn.cluster",
    "sklearn.neighbors",
    "sklearn.tree",
    "sklearn.manifold",
    "sklearn.isotonic",
    "sklearn._isotonic",
    "sklearn.calibration",  # imports sklearn.isotonic
    "sklearn.utils._fast_dict",  # used by sklearn.cluster only
    "scipy.cluster",
    "numpy._core._multiarray_tests",  # numpy's own test helpers
)

# Standard-library modules left out although something imports them, always inside
# ``try: ... except ImportError`` (asyncio imports ssl so, for TLS connections; readline
# serves the interactive prompt only). The application is offline: TLS is never used.
# ``_hashlib`` and libcrypto stay (hashlib's fast digests). Tested like UNUSED_MODULES.
OPTIONAL_STDLIB_EXCLUDED = ("ssl", "_ssl", "readline")

# SciPy's HiGHS linear/mixed-integer programming solver (extension modules, 7 MB).
# ``import scipy.optimize`` imports them, but only ``linprog``, ``milp``,
# ``scipy.stats.wasserstein_distance_nd`` and scikit-learn's ``QuantileRegressor`` use
# them, none of which the application or its plugins call: the runtime hook
# ``no_highs.py`` registers placeholder modules that raise ``HighsNotBundled`` (an
# ImportError) on first use. Proof: tests/test_packaging_size.py.
SCIPY_PLACEHOLDER_MODULES = (
    "scipy.optimize._highspy._core",
    "scipy.optimize._highspy._highs_options",
)

# Modules a drop-in user plugin may rely on in the frozen application besides what the
# built-in plugins already pull in (the plugin API documents this list).
PLUGIN_EXTRA_MODULES = (
    "statistics",
    "fractions",
    "decimal",
    "csv",
    "json",
    "scipy.optimize",
    "scipy.interpolate",
    "scipy.integrate",
    "scipy.linalg",
    "scipy.signal",
    "scipy.stats",
)

# Qt plugins (path patterns inside PySide6/Qt/plugins) that are kept. Everything else
# under plugins/ is dropped: no network, TLS, multimedia, SQL, QML, print, EGL/Vulkan
# platforms, wayland (the bundle runs through XWayland/xcb on Linux desktops), no
# OpenGL integrations (no OpenGL views) and no GTK theme plugin (it drags in the whole
# GTK stack of the build machine; the portal theme and Fusion style remain).
QT_PLUGINS_KEPT = (
    "platforms/*qxcb*",
    "platforms/*qoffscreen*",
    "platforms/*qminimal.*",
    "platforms/*qminimal*.dll",
    "platforms/*qwindows*",
    "platforms/*qdirect2d*",
    "platforms/*qcocoa*",
    "imageformats/*qsvg*",
    "imageformats/*qico*",  # the application's icons are PNG (built in), SVG and ICO
    "iconengines/*",
    "styles/*",
    "platformthemes/*qxdgdesktopportal*",
    "platforminputcontexts/*compose*",
    "platforminputcontexts/*ibus*",
)

# Qt's own translations kept (Finnish and English ship).
QT_TRANSLATIONS_KEPT = ("qtbase_fi.qm", "qtbase_en.qm")


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules(package: str, root: Path = ROOT) -> list[str]:
    """Every module of a source package, found by walking its folder (sorted).

    Folders without ``__init__.py`` are not packages and are skipped, as are caches.
    """
    base = root / package
    modules: list[str] = []
    for path in sorted(base.rglob("*.py")):
        rel_dirs = path.relative_to(root).parent
        if "__pycache__" in path.parts:
            continue
        folder = root
        is_package_member = True
        for part in rel_dirs.parts:
            folder = folder / part
            if not (folder / "__init__.py").exists():
                is_package_member = False
                break
        if is_package_member:
            modules.append(_module_name(path, root))
    return modules


def workbench_modules(root: Path = ROOT) -> list[str]:
    """All ``workbench.*`` modules that belong in the bundle (the bootstrapper excluded)."""
    return [m for m in package_modules("workbench", root) if m not in PYTHON_EXCLUDES]


def plugin_modules(root: Path = ROOT) -> list[str]:
    """Modules of the built-in plugins (analysed for their imports, shipped as source)."""
    return package_modules("plugins", root)


def hidden_imports(root: Path = ROOT) -> list[str]:
    """Every module PyInstaller must include although no static import reaches it."""
    names = [*workbench_modules(root), *plugin_modules(root), *PLUGIN_EXTRA_MODULES]
    names += [f"PySide6.{m}" for m in QT_MODULES_USED]
    return sorted(set(names))


def excludes() -> list[str]:
    """Modules kept out of the analysis."""
    return sorted(
        {
            *PYTHON_EXCLUDES,
            *UNUSED_MODULES,
            *OPTIONAL_STDLIB_EXCLUDED,
            *SCIPY_PLACEHOLDER_MODULES,
            *(f"PySide6.{m}" for m in QT_MODULES_EXCLUDED),
        }
    )


# The repository's data folders and the packages they are installed as (pyproject.toml's
# package-dir): in the bundle too they are the folders of those packages, so
# ``importlib.resources`` finds them as it does in an installed wheel (workbench/paths.py).
DATA_PACKAGES = {"resources": "workbench/resources", "plugins": "workbench/builtin_plugins"}
# Files of the data folders that the program never reads (README pictures).
DATA_LEFT_OUT = ("resources/screenshots/",)


def datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source, destination folder) pairs: resources and the built-in plugin sources.

    Translation sources (``.ts``) stay out; their compiled ``.qm`` catalogues go in.
    """
    pairs: list[tuple[str, str]] = []
    for base, dest in DATA_PACKAGES.items():
        for path in sorted((root / base).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            if path.suffix in {".pyc", ".pyo", ".ts"}:
                continue
            rel = path.relative_to(root).as_posix()
            if rel.startswith(DATA_LEFT_OUT):
                continue
            sub = path.parent.relative_to(root / base).as_posix()
            pairs.append((str(path), dest if sub == "." else f"{dest}/{sub}"))
    return pairs


def _qt_relative(dest: str) -> str | None:
    """The part of a bundle path below Qt's prefix (``None`` when not under it).

    Linux and macOS wheels keep Qt under ``PySide6/Qt/``; the Windows wheel puts the
    DLLs, ``plugins/`` and ``translations/`` directly under ``PySide6/``.
    """
    norm = dest.replace("\\", "/")
    marker = "PySide6/Qt/"
    idx = norm.find(marker)
    if idx >= 0:
        return norm[idx + len(marker) :]
    for sub in ("plugins/", "translations/", "qml/"):
        if norm.startswith(f"PySide6/{sub}"):
            return norm[len("PySide6/") :]
    return None


def _excluded_qt_library(name: str) -> bool:
    """Qt shared libraries that belong only to excluded modules."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    dropped = (
        "Qt6Qml",
        "Qt6Quick",
        "Qt6Network",
        "Qt6Pdf",
        "Qt6VirtualKeyboard",
        "Qt6WaylandClient",
        "Qt6WaylandEgl",
        "Qt6WlShell",
        "Qt6Designer",
        "Qt6Help",
        "Qt6Sql",
        "Qt6Test",
        "Qt6Multimedia",
        "Qt6WebEngine",
        "Qt6ShaderTools",
        "Qt63D",
        "Qt6Labs",
        "Qt6EglFS",
        "Qt6EglFs",
        "opengl32sw",  # Windows: software OpenGL fallback (no OpenGL views here)
    )
    return any(token in base for token in dropped)


# Files collected with packages' data that nothing reads at run time: build sources,
# type stubs, headers, test folders and scikit-learn's example data sets.
JUNK_SUFFIXES = (".pyx", ".pxd", ".pxi", ".tp", ".pyi", ".h", ".c", ".cpp", ".rst")
JUNK_NAMES = ("meson.build",)
JUNK_FOLDERS = (
    "/tests/",
    # pyqtgraph's own logo (0.9 MB): only its mkQApp() sets it as the window icon, and the
    # application makes its own QApplication with its own icon (a test checks that
    # nothing of ours calls mkQApp); file-access traces of the frozen app running every
    # command and the window never opened these files
    "pyqtgraph/icons/peegee/",
    "sklearn/datasets/data/",
    "sklearn/datasets/descr/",
    "sklearn/datasets/images/",
)


def _is_junk(dest: str) -> bool:
    norm = dest.replace("\\", "/")
    name = norm.rsplit("/", 1)[-1]
    if norm.startswith(tuple(f"{dest}/" for dest in DATA_PACKAGES.values())):
        return False  # our own files are all wanted
    return (
        name.endswith(JUNK_SUFFIXES)
        or name in JUNK_NAMES
        or any(folder in f"/{norm}" for folder in JUNK_FOLDERS)
    )


def keep_entry(dest: str) -> bool:
    """Whether a collected file (by its path in the bundle) stays in the bundle."""
    if _is_junk(dest):
        return False
    rel = _qt_relative(dest)
    if rel is None:
        base = dest.replace("\\", "/").rsplit("/", 1)[-1]
        return not _excluded_qt_library(base)
    if rel.startswith("plugins/"):
        sub = rel[len("plugins/") :]
        return any(fnmatch.fnmatch(sub, pattern) for pattern in QT_PLUGINS_KEPT)
    if rel.startswith("translations/"):
        return rel.rsplit("/", 1)[-1] in QT_TRANSLATIONS_KEPT
    if rel.startswith(("qml/", "resources/qtwebengine", "libexec/")):
        return False
    return not _excluded_qt_library(rel)


def strip_compiled_plugins(pure_toc: list) -> list:
    """Drop the compiled ``plugins.*`` modules: plugins run from their source files."""
    return [
        entry for entry in pure_toc if entry[0] != "plugins" and not entry[0].startswith("plugins.")
    ]


def _is_loose_library(dest: str) -> bool:
    """A shared library at the top of the bundle (a dependency, not a module or plugin)."""
    return "/" not in dest and "\\" not in dest and dest.startswith("lib") and ".so" in dest


def prune_unneeded_libraries(binaries: list, imports_of=None) -> list:
    """Drop top-level shared libraries that no kept binary needs (Linux).

    Dropping Qt plugins (the GTK theme, EGL integrations) leaves the system libraries
    they pulled in behind; this keeps only those reachable from the extension modules,
    kept Qt libraries and plugins. ``imports_of(path)`` gives the names a binary needs,
    transitively (PyInstaller's ``bindepend.get_imports`` by default, which uses ldd).
    ``libpython`` is always kept (the bootloader loads it).
    """
    if imports_of is None:
        from PyInstaller.depend.bindepend import get_imports

        def imports_of(path: str) -> set[str]:
            return {name for name, _ in get_imports(path)}

    loose = {entry[0]: entry for entry in binaries if _is_loose_library(entry[0])}
    needed: set[str] = set()
    for entry in binaries:
        if entry[0] in loose or entry[2] == "SYMLINK":
            continue
        needed |= set(imports_of(entry[1]))
    for name in list(needed):  # what the needed loose libraries need in turn
        if name in loose and loose[name][2] != "SYMLINK":
            needed |= set(imports_of(loose[name][1]))
    return [
        entry
        for entry in binaries
        if entry[0] not in loose or entry[0] in needed or entry[0].startswith("libpython")
    ]


def with_trimmed_icu(binaries: list, workdir: str) -> list:
    """Replace Qt's ICU data library by the English + Finnish build of ``icu_trim``.

    When the ICU tools are missing the full library stays and a note is printed.
    """
    import icu_trim

    out = []
    for entry in binaries:
        dest, src, kind = entry[0], entry[1], entry[2]
        name = dest.replace("\\", "/").rsplit("/", 1)[-1]
        if kind != "SYMLINK" and name.startswith("libicudata.so."):
            trimmed = icu_trim.trim_icu_data(Path(src), Path(workdir))
            if trimmed is None:
                print(f"note: {name} kept whole (icupkg, objcopy or cc missing)")
            else:
                entry = (dest, str(trimmed), kind)
        out.append(entry)
    return out
