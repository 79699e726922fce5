"""Packaging checks that need no build (fast), plus the full frozen smoke check (slow).

The fast checks make sure the PyInstaller spec cannot silently leave something out:
every CLI command module and importer format module found by ``pkgutil`` now is a
hidden import, the built-in plugins ship as source with their manifests, the Qt
modules the GUI imports are not excluded, and the Windows version resource says
``workbench.__version__``.
"""

from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

import workbench
from tests.hook_script import run_hook_script
from tests.source_scan import sources_matching

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import build as builder  # noqa: E402
import bundle_contents as bc  # noqa: E402


def _discovered(package_name: str, prefix: str = "") -> list[str]:
    """Modules of a package the way the application finds them at run time (pkgutil)."""
    package = importlib.import_module(package_name)
    return sorted(
        f"{package_name}.{info.name}"
        for info in pkgutil.iter_modules(package.__path__)
        if info.name.startswith(prefix)
    )


def test_spec_is_valid_python_and_uses_the_tested_lists():
    spec = (PACKAGING / "fibre-workbench.spec").read_text(encoding="utf-8")
    tree = ast.parse(spec)
    called = {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert {
        "hidden_imports",
        "datas",
        "excludes",
        "keep_entry",
        "strip_compiled_plugins",
    } <= called
    assert "fibre_workbench_main.py" in spec and "startup_probe.py" in spec
    ast.parse((PACKAGING / "baseline" / "bare_window.spec").read_text(encoding="utf-8"))


def test_every_cli_command_and_import_format_is_a_hidden_import():
    hidden = set(bc.hidden_imports())
    commands = _discovered("workbench.cli", "cmd_")
    formats = _discovered("workbench.importers.formats")
    assert len(commands) >= 10 and len(formats) >= 10  # the discovery found the real modules
    assert not [m for m in commands + formats if m not in hidden]


def test_every_workbench_module_is_a_hidden_import():
    hidden = set(bc.hidden_imports())
    found = {
        info.name
        for info in pkgutil.walk_packages(workbench.__path__, "workbench.", onerror=lambda n: None)
    }
    missing = sorted(found - hidden - set(bc.PYTHON_EXCLUDES))
    assert not missing
    assert "workbench.gui.app" in hidden and "workbench.bootstrap" not in hidden


def test_plugins_ship_as_source_with_manifests_and_their_imports_are_analysed():
    datas = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in bc.datas()}
    manifests = sorted(ROOT.glob("plugins/*/plugin.toml"))
    assert len(manifests) >= 5
    for manifest in manifests:
        folder = manifest.parent
        for path in [manifest, *folder.glob("*.py")]:
            rel = path.relative_to(ROOT).as_posix()
            assert (rel, f"workbench/builtin_plugins/{folder.name}") in datas
    hidden = set(bc.hidden_imports())
    assert {f"plugins.{m.parent.name}.analysis" for m in manifests} <= hidden
    assert {"scipy.signal", "scipy.stats"} <= hidden
    pure = [("plugins.pca.compute", "x", "PYMODULE"), ("workbench.model", "y", "PYMODULE")]
    assert bc.strip_compiled_plugins(pure) == [("workbench.model", "y", "PYMODULE")]


def test_resources_are_bundled_but_translation_sources_are_not():
    dests = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in bc.datas()}
    rels = {rel for rel, _ in dests}
    assert ("resources/icons/fibre-workbench.ico", "workbench/resources/icons") in dests
    assert ("resources/__init__.py", "workbench/resources") in dests  # a package, as installed
    assert not any(rel.startswith("resources/screenshots/") for rel in rels)
    assert any(rel.startswith("resources/routes/") for rel in rels)
    assert not any(rel.endswith(".ts") for rel in rels)
    for qm in ROOT.glob("resources/translations/*.qm"):
        assert qm.relative_to(ROOT).as_posix() in rels


def test_qt_modules_the_gui_imports_are_kept_or_stand_in(tmp_path):
    """Every PySide6 module the main window loads (ours and pyqtgraph's) is bundled, or is
    one of the OpenGL modules the bundle replaces by a placeholder (``no_opengl.py``)."""
    code = (
        "import sys, workbench.gui.app, workbench.gui.main_window, workbench.gui.report_pdf\n"
        "print(' '.join(sorted(m.split('.')[1] for m in sys.modules"
        " if m.startswith('PySide6.Qt'))))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    loaded = set(proc.stdout.split()) - {"QtTest"}  # pyqtgraph: optional
    assert {"QtCore", "QtGui", "QtWidgets"} <= loaded
    real_needed = loaded - set(bc.QT_MODULES_PLACEHOLDER)
    assert not real_needed & set(bc.QT_MODULES_EXCLUDED), "a used Qt module is excluded"
    assert real_needed <= set(bc.QT_MODULES_USED), "add the new Qt module to QT_MODULES_USED"
    assert set(bc.QT_MODULES_PLACEHOLDER) <= set(bc.QT_MODULES_EXCLUDED)
    used_in_source = set()
    for path in (ROOT / "workbench").rglob("*.py"):
        used_in_source |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used_in_source <= set(bc.QT_MODULES_USED)


def test_opengl_plotting_is_never_switched_on():
    """The OpenGL placeholders are only right while nothing enables pyqtgraph's OpenGL."""
    assert not sources_matching(re.compile(r"useOpenGL|enableExperimental|QOpenGL|QtOpenGL"))


PLACEHOLDER_PLOT = """
import sys
sys.path.insert(0, sys.argv[1])
import no_opengl  # the runtime hook of the frozen application
from PySide6.QtWidgets import QApplication
from workbench.demo import write_demo
from workbench.gui.app import create_application
from workbench.gui.main_window import MainWindow
from workbench.project.store import open_project
import PySide6.QtOpenGL as gl
import PySide6.QtOpenGLWidgets as glw
import pyqtgraph as pg

app = create_application([])
window = MainWindow()
window.resize(1000, 700)
window.show()
write_demo(sys.argv[2])
window.set_project(open_project(sys.argv[2]))
sample = next(iter(window.doc.project.samples.values()))
window.select_sample(sample.id)
for _ in range(5):
    app.processEvents()
image = window.plot.graphics.grab().toImage()
blue = sum(  # curve pixels: bluish, whatever the line width and its antialiasing
    1
    for x in range(image.width())
    for y in range(image.height())
    if (c := image.pixelColor(x, y)).blue() - c.red() > 40
)
curves = [i for p in window.plot.plot_items() for i in p.listDataItems()]
print("curves", len(curves), "blue", blue)
print("placeholder", gl.__doc__.startswith("Placeholder"), glw.QOpenGLWidget.__module__)
try:
    gl.QOpenGLBuffer
except ImportError as exc:
    print("error", exc)
view = pg.GraphicsView()
try:
    view.useOpenGL(True)
except ImportError as exc:
    print("useOpenGL", type(exc).__name__)
"""


def test_gui_plots_with_the_opengl_placeholders(tmp_path):
    """With the frozen app's placeholders for QtOpenGL(Widgets), the window still plots,
    and asking for OpenGL gives a clear ImportError instead of a crash."""
    proc = run_hook_script(
        PLACEHOLDER_PLOT, str(PACKAGING), str(tmp_path / "d.fwproj"),
        home=tmp_path, cwd=tmp_path, timeout=180,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines() if " " in line)
    curves, _, blue = lines["curves"].partition(" blue ")
    assert int(curves) >= 1 and int(blue) > 50, proc.stdout
    assert lines["placeholder"] == "True no_opengl"  # the stand-ins, not the real modules
    assert "OpenGL plotting is not included" in lines["error"]
    assert lines["useOpenGL"] == "OpenGLNotBundled"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/translations/qtbase_fi.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", True),
        ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
        ("PySide6\\Qt6Quick.dll", False),
        ("PySide6\\Qt6Widgets.dll", True),
        ("PySide6\\opengl32sw.dll", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", True),
        ("PySide6\\plugins\\sqldrivers\\qsqlite.dll", False),
        ("PySide6\\translations\\qtbase_fi.qm", True),
        ("PySide6\\translations\\qtbase_ja.qm", False),
        ("numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", True),
        ("sklearn/_isotonic.pyx", False),
        ("sklearn/meson.build", False),
        ("sklearn/datasets/data/iris.csv", False),
        ("sklearn/datasets/tests/test_base.py", False),
        ("pyqtgraph/colors/maps/CET-L1.csv", True),
        ("workbench/resources/routes/biochar.toml", True),
        ("pyqtgraph/icons/peegee/peegee_512px@2x.png", False),
        ("pyqtgraph/icons/invisibleEye.svg", True),
        ("workbench/builtin_plugins/pca/tests/x.py", True),
    ],
)
def test_qt_filter(dest, kept):
    assert bc.keep_entry(dest) is kept


def test_version_info_matches_the_package_version():
    text = (PACKAGING / "version_info.txt").read_text(encoding="utf-8")
    assert text == builder.version_info_text(workbench.__version__), (
        "run packaging/build.py (or write_version_info) after changing the version"
    )
    assert f"StringStruct('ProductVersion', '{workbench.__version__}')" in text
    assert builder.read_version() == workbench.__version__
    # PyInstaller evaluates the file with its version-resource classes in scope
    classes = (
        "VSVersionInfo FixedFileInfo StringFileInfo StringTable StringStruct VarFileInfo VarStruct"
    )
    scope = {name: (lambda n: lambda *a, **k: (n, a, k))(name) for name in classes.split()}
    name, _, fields = eval(text, {"__builtins__": {}}, scope)
    assert name == "VSVersionInfo"
    assert fields["ffi"][2]["filevers"] == builder.version_tuple(workbench.__version__)
    assert builder.version_tuple("1.2.3rc1+local") == (1, 2, 3, 1)
    assert builder.version_tuple("2.0") == (2, 0, 0, 0)


def test_icon_files_are_valid():
    ico = (ROOT / "resources" / "icons" / "fibre-workbench.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = set()
    for i in range(count):
        w, h, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i])
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)
        assert w == h
        sizes.add(w or 256)
    assert {16, 32, 48, 256} <= sizes
    png = (ROOT / "resources" / "icons" / "fibre-workbench.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)


def test_inno_setup_script_is_per_user_with_association():
    iss = (PACKAGING / "windows" / "fibre-workbench.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.MULTILINE)
    assert "DefaultDirName={localappdata}\\Programs\\" in iss
    assert 'Subkey: "Software\\Classes\\.fwproj"' in iss
    assert "[Icons]" in iss and "{uninstallexe}" in iss
    assert '#define AppExeName "fibre-workbench.exe"' in iss


def test_startup_probe_reports_a_shown_main_window(tmp_path):
    """The probe (a runtime hook of both frozen builds) prints its line and quits."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIBRE_WORKBENCH_STARTUP_PROBE="1")
    code = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]];"
        "import startup_probe, bare_window; sys.exit(bare_window.main())"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(PACKAGING), str(PACKAGING / "baseline")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert "STARTUP-PROBE ready" in proc.stdout


def test_startup_probe_is_inert_without_its_variable(monkeypatch):
    import startup_probe

    monkeypatch.delenv(startup_probe.ENV, raising=False)
    sentinel = object()
    monkeypatch.setitem(sys.modules, "PySide6.QtWidgets", sentinel)  # would break an import
    startup_probe.install()  # returns before importing anything


@pytest.mark.slow
def test_frozen_smoke_check(tmp_path):
    """Build the bundle and the baseline, then run the frozen smoke check (minutes)."""
    pytest.importorskip("PyInstaller")
    report = tmp_path / "smoke.json"
    proc = subprocess.run(
        [sys.executable, str(PACKAGING / "smoke_check.py"), "--json", str(report)],
        capture_output=True,
        text=True,
        timeout=3600,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    assert "Smoke check passed." in proc.stdout


def test_orphaned_system_libraries_are_pruned():
    """Libraries only a dropped Qt plugin needed go; needed ones and libpython stay."""
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "qxcb", "BINARY"),
        ("numpy/_core/_multiarray_umath.so", "umath", "EXTENSION"),
        ("libX11.so.6", "x11", "BINARY"),
        ("libxcb.so.1", "xcb", "BINARY"),
        ("libcairo.so.2", "cairo", "BINARY"),
        ("libpixman-1.so.0", "pixman", "BINARY"),
        ("libpython3.11.so.1.0", "py", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
    ]
    needs = {
        "qxcb": {"libX11.so.6", "libQt6Core.so.6"},
        "x11": {"libxcb.so.1"},
        "umath": set(),
        "cairo": {"libpixman-1.so.0"},
    }
    kept = [e[0] for e in bc.prune_unneeded_libraries(binaries, lambda p: needs.get(p, set()))]
    assert "libcairo.so.2" not in kept and "libpixman-1.so.0" not in kept
    assert {"libX11.so.6", "libxcb.so.1", "libpython3.11.so.1.0", "libQt6Core.so.6"} <= set(kept)


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("coll/fi.res", True),
        ("coll/en_US.res", True),
        ("coll/root.res", True),
        ("coll/ucadata.icu", True),
        ("coll/sv.res", False),
        ("coll/de_.res", False),
        ("zone/ja.res", False),
        ("lang/pool.res", True),
        ("likelySubtags.res", True),
        ("zoneinfo64.res", True),
        ("fi_FI.res", True),
        ("af_ZA.res", False),
        ("uts46.nrm", True),
        ("brkitr/thaidict.dict", False),
        ("brkitr/cjdict.dict", False),
        ("brkitr/word.brk", True),
        ("brkitr/root.res", True),
        ("unames.icu", False),
        ("translit/root.res", False),
        ("ibm-5348_P100-1997.cnv", True),
        ("ibm-943_P15A-2003.cnv", False),
    ],
)
def test_icu_data_items_kept(item, kept):
    import icu_trim

    assert icu_trim.keep_item(item) is kept


def test_trimmed_icu_keeps_finnish_collation_and_idna(tmp_path):
    """The English + Finnish ICU data library works with Qt (Linux build machines only)."""
    import icu_trim

    qt_lib = Path(importlib.import_module("PySide6").__file__).parent / "Qt" / "lib"
    libs = sorted(qt_lib.glob("libicudata.so.*"))
    if not libs or not icu_trim.tools_available():
        pytest.skip("no bundled ICU (not Linux) or no icupkg/objcopy/cc on this machine")
    trimmed = icu_trim.trim_icu_data(libs[-1], tmp_path / "icu")
    assert trimmed is not None and trimmed.stat().st_size < libs[-1].stat().st_size / 2
    code = (
        "import functools\n"
        "from PySide6.QtCore import QCollator, QLocale, QUrl\n"
        "c = QCollator(QLocale('fi_FI'))\n"
        "print(sorted(['öljy', 'zeta', 'äiti', 'åbo', 'auto'], key=functools.cmp_to_key(c.compare)))\n"
        "print(QUrl('http://bücher.de/').toEncoded().data().decode())\n"
    )
    env = dict(os.environ, LD_LIBRARY_PATH=str(trimmed.parent))
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0 and "Could not create collator" not in proc.stderr, proc.stderr
    assert proc.stdout.splitlines() == [
        "['auto', 'zeta', 'åbo', 'äiti', 'öljy']",
        "http://xn--bcher-kva.de/",
    ]


def test_entry_script_runs_the_same_main(monkeypatch, capsys):
    """The frozen entry point is ``workbench.cli.main.main`` (console untouched off Windows)."""
    import fibre_workbench_main

    streams = (sys.stdout, sys.stderr, sys.stdin)
    monkeypatch.setattr(sys, "argv", ["fibre-workbench", "--version"])
    assert fibre_workbench_main.run() == 0
    assert capsys.readouterr().out.strip() == f"fibre-workbench {workbench.__version__}"
    if sys.platform != "win32":
        assert (sys.stdout, sys.stderr, sys.stdin) == streams


def test_strip_keeps_only_loadable_smaller_copies(tmp_path):
    """Stripped copies replace the originals only when smaller and still mappable."""
    import strip_libs

    ext = Path(importlib.import_module("numpy._core._multiarray_umath").__file__)
    if not strip_libs.loadable(ext) or shutil.which("strip") is None:
        pytest.skip("not an x86-64/arm64 Linux ELF build machine with binutils")
    misaligned = tmp_path / "bad.so"
    data = bytearray(ext.read_bytes()[:4096])
    phoff = struct.unpack_from("<Q", data, 32)[0]
    phentsize = struct.unpack_from("<H", data, 54)[0]
    first_load = next(phoff + i * phentsize for i in range(20) if data[phoff + i * phentsize] == 1)
    struct.pack_into("<Q", data, first_load + 8, 123)  # its file offset becomes 123
    misaligned.write_bytes(bytes(data))
    assert not strip_libs.loadable(misaligned)
    entries = [
        ("numpy/_core/x.so", str(ext), "EXTENSION"),
        ("numpy.libs/libgrafted.so", str(ext), "BINARY"),  # grafted libraries are left alone
        ("base_library.zip", str(ext), "DATA"),
    ]
    out, saved = strip_libs.strip_binaries(entries, str(tmp_path / "stripped"))
    assert out[1:] == entries[1:]
    if saved:
        assert Path(out[0][1]).stat().st_size < ext.stat().st_size
        assert strip_libs.loadable(Path(out[0][1]))
    else:
        assert out[0] == entries[0]


def test_smoke_check_drop_in_plugin_is_a_valid_plugin():
    """The plugin the smoke check drops into the frozen app loads from source too."""
    import smoke_check

    from workbench.analysis.registry import discover
    from workbench.paths import user_subdir

    smoke_check.write_drop_in_plugin(user_subdir("plugins"))
    record = discover(entry_points=False).get(smoke_check.PLUGIN_ID)
    assert record.origin == "user" and record.status == "ok", record.error
    assert callable(record.load())
    assert smoke_check.command_names_in_source() == sorted(
        m.rsplit(".", 1)[-1] for m in _discovered("workbench.cli", "cmd_")
    )


def test_base_system_libraries_follow_the_appimage_excludelist():
    """Only top-level libraries on the AppImage excludelist go; wheels' own libraries stay."""
    import system_libs

    binaries = [
        ("libstdc++.so.6", "a", "BINARY"),
        ("libX11.so.6", "b", "BINARY"),
        ("libfreetype.so.6", "c", "BINARY"),
        ("libglib-2.0.so.0", "d", "BINARY"),  # commented out in the excludelist: bundled
        ("libdbus-1.so.3", "e", "BINARY"),  # not on the list
        ("numpy.libs/libz.so.1", "f", "BINARY"),  # a wheel's own copy is never dropped
        ("PySide6/Qt/lib/libQt6Core.so.6", "g", "BINARY"),
    ]
    kept, dropped = system_libs.drop_base_system_libraries(binaries)
    assert dropped == ["libX11.so.6", "libfreetype.so.6", "libstdc++.so.6"]
    assert [e[0] for e in kept] == [
        "libglib-2.0.so.0",
        "libdbus-1.so.3",
        "numpy.libs/libz.so.1",
        "PySide6/Qt/lib/libQt6Core.so.6",
    ]
    assert {
        "libc.so.6",
        "libGL.so.1",
        "libxcb.so.1",
        "libz.so.1",
    } <= system_libs.BASE_SYSTEM_LIBRARIES
    assert "libglib-2.0.so.0" not in system_libs.BASE_SYSTEM_LIBRARIES


def test_libraries_only_dropped_libraries_needed_are_left_out():
    """libpng was there for the system's FreeType only, libQt6OpenGL for the QtOpenGL
    module left out: both go (with the top-level link of the Qt library); libraries a
    kept binary needs, directly or through another kept library, stay."""
    import system_libs

    binaries = [
        ("PySide6/QtGui.abi3.so", "qtgui", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "gui", "BINARY"),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", "gl", "BINARY"),
        ("python3.11/lib-dynload/_bz2.so", "bz2mod", "EXTENSION"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6OpenGL.so.6", "PySide6/Qt/lib/libQt6OpenGL.so.6", "SYMLINK"),
        ("libglib-2.0.so.0", "glib", "BINARY"),
        ("libpcre2-8.so.0", "pcre", "BINARY"),
        ("libbz2.so.1.0", "bz2", "BINARY"),
        ("libpng16.so.16", "png", "BINARY"),
        ("libpython3.11.so.1.0", "py", "BINARY"),
    ]
    needs = {
        "qtgui": {"libQt6Gui.so.6"},
        "gui": {"libglib-2.0.so.0", "libfreetype.so.6", "libc.so.6"},
        "gl": {"libQt6Gui.so.6"},
        "glib": {"libpcre2-8.so.0"},
        "bz2mod": {"libbz2.so.1.0"},
    }
    kept, dropped = system_libs.drop_orphaned_libraries(binaries, lambda p: needs.get(p, set()))
    assert dropped == ["libQt6OpenGL.so.6", "libpng16.so.16"]
    gone = {"PySide6/Qt/lib/libQt6OpenGL.so.6", "libQt6OpenGL.so.6", "libpng16.so.16"}
    assert kept == [e for e in binaries if e[0] not in gone]
    unknown, none = system_libs.drop_orphaned_libraries(binaries, lambda p: None)
    assert unknown == binaries and none == []


def test_identical_libraries_become_relative_links(tmp_path):
    """Same name and bytes in numpy.libs and scipy.libs: one file, one symbolic link."""
    import system_libs

    for folder, payload in (("n", b"A" * 100), ("s", b"A" * 100), ("o", b"B" * 100)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "libgfortran-1.so.5").write_bytes(payload)
    binaries = [
        ("scipy.libs/libgfortran-1.so.5", str(tmp_path / "s" / "libgfortran-1.so.5"), "BINARY"),
        ("numpy.libs/libgfortran-1.so.5", str(tmp_path / "n" / "libgfortran-1.so.5"), "BINARY"),
        ("other.libs/libgfortran-1.so.5", str(tmp_path / "o" / "libgfortran-1.so.5"), "BINARY"),
    ]
    out, saved = system_libs.deduplicate_identical_libraries(binaries)
    assert saved == 100
    assert out[0] == (
        "scipy.libs/libgfortran-1.so.5",
        "../numpy.libs/libgfortran-1.so.5",
        "SYMLINK",
    )
    assert out[1:] == binaries[1:]  # the keeper, and a same-named file with other bytes


def test_bundle_size_counts_a_linked_file_once(tmp_path):
    """The size report counts a symbolic link's target once, where the file is."""
    (tmp_path / "numpy.libs").mkdir()
    (tmp_path / "scipy.libs").mkdir()
    (tmp_path / "numpy.libs" / "lib.so").write_bytes(b"x" * 1000)
    (tmp_path / "scipy.libs" / "lib.so").symlink_to("../numpy.libs/lib.so")
    (tmp_path / "lib.so").symlink_to("numpy.libs/lib.so")
    assert builder.folder_size(tmp_path) == 1000
    parts = dict(builder.largest_parts(tmp_path))
    assert parts == {"numpy.libs": 1000, "scipy.libs": 0}


IMPORT_CLOSURE = """
import importlib, importlib.abc, json, sys
blocked = tuple(json.loads(sys.argv[1]))
attempts = []

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if any(name == m or name.startswith(m + ".") for m in blocked):
            attempts.append(name)
            raise ModuleNotFoundError(f"{name} is left out of the bundle", name=name)
        return None

sys.meta_path.insert(0, Block())
failed = {}
for name in json.loads(sys.argv[2]):
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = repr(exc)
print(json.dumps({"attempts": sorted(set(attempts)), "failed": failed}))
"""


def _modules_we_import() -> list[str]:
    """Everything the bundle promises: every workbench and built-in plugin module, the
    plugin API's extra modules, and each sklearn/scipy module named in our source."""
    names = set(bc.hidden_imports())
    pattern = re.compile(r"^\s*(?:from|import)\s+((?:sklearn|scipy)[\w.]*)", re.M)
    for base in ("workbench", "plugins"):
        for path in (ROOT / base).rglob("*.py"):
            names |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return sorted(names - set(bc.PYTHON_EXCLUDES))


def test_excluded_modules_are_not_imported(tmp_path):
    """With UNUSED_MODULES and OPTIONAL_STDLIB_EXCLUDED made unimportable, everything the
    application, its plugins and PLUGIN_EXTRA_MODULES import still imports; the unused
    ones are not even tried (the optional ones only inside try/except ImportError)."""
    import json

    blocked = [*bc.UNUSED_MODULES, *bc.OPTIONAL_STDLIB_EXCLUDED]
    modules = _modules_we_import()
    assert {"sklearn.cross_decomposition", "scipy.signal", "scipy.optimize"} <= set(modules)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIBRE_WORKBENCH_HOME=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-c", IMPORT_CLOSURE, json.dumps(blocked), json.dumps(modules)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["failed"] == {}
    attempts = set(result["attempts"])
    assert attempts <= set(bc.OPTIONAL_STDLIB_EXCLUDED), attempts  # never an UNUSED_MODULES one
    assert set(bc.UNUSED_MODULES) | set(bc.OPTIONAL_STDLIB_EXCLUDED) <= set(bc.excludes())


def test_links_to_dropped_libraries_are_dropped_too():
    """PyInstaller's top-level links (kept among the data entries) follow their target."""
    import system_libs

    binaries = [("PySide6/Qt/lib/libQt6Gui.so.6", "g", "BINARY")]
    datas = [
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6OpenGL.so.6", "PySide6/Qt/lib/libQt6OpenGL.so.6", "SYMLINK"),
        ("scipy.libs/libg.so", "../numpy.libs/libg.so", "SYMLINK"),
        ("libg.so", "scipy.libs/libg.so", "SYMLINK"),  # a link to a dangling link
        ("resources/a.toml", "/src/a.toml", "DATA"),
    ]
    kept_b, kept_d = system_libs.drop_dangling_links(binaries, datas)
    assert kept_b == binaries
    assert kept_d == [datas[0], datas[4]]


def test_nothing_of_ours_uses_pyqtgraphs_application_icon():
    """The bundle leaves pyqtgraph's logo out; only ``pg.mkQApp`` would load it."""
    assert not sources_matching(re.compile(r"mkQApp|icons\.peegee|peegee"))
