"""Runtime hook: stand-ins for PySide6's OpenGL modules, which the bundle leaves out.

pyqtgraph imports ``PySide6.QtOpenGL`` and ``PySide6.QtOpenGLWidgets`` whenever its
plot items are imported, but it only *uses* them when OpenGL plotting is switched on
(``pg.setConfigOptions(useOpenGL=True)`` or ``GraphicsView.useOpenGL(True)``), which
Fibre Workbench never does (a packaging test checks the source). The two binding
modules and their Qt libraries are about 10 MB of the bundle, so the frozen
application ships without them and this hook registers small placeholder modules
under their names instead:

- ``PySide6.QtOpenGL``: every attribute access raises ``OpenGLNotBundled`` (an
  ``ImportError``) saying that OpenGL plotting is not bundled. pyqtgraph touches its
  classes (``QOpenGLBuffer``, ``QOpenGLShaderProgram``, ...) only on the OpenGL path.
- ``PySide6.QtOpenGLWidgets``: provides ``QOpenGLWidget`` as a plain class, because
  pyqtgraph derives its OpenGL viewport class from it when ``pyqtgraph`` is imported
  and asks ``isinstance(widget, QOpenGLWidget)`` while painting (always false here, as
  on a normal installation with OpenGL off). Creating one raises ``OpenGLNotBundled``.

The placeholders are created only when something imports those names (a meta-path
finder), so a command-line run that never touches Qt pays nothing. The hook is part of
the application's spec only; in a Python installation the real modules load.
"""

from __future__ import annotations


def _fw_install_opengl_placeholders() -> None:
    """Put a finder for the placeholder modules first on ``sys.meta_path`` (once).

    Everything lives inside this function: PyInstaller runs runtime hooks and the entry
    script in one ``__main__`` namespace, so module-level names could collide.
    """
    import importlib.abc
    import importlib.machinery
    import sys

    names = ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets")
    if any(getattr(f, "fibre_workbench_opengl_placeholders", False) for f in sys.meta_path):
        return

    class OpenGLNotBundled(ImportError):
        """OpenGL plotting was asked for, but the bundle has no OpenGL modules."""

    def message(module: str, name: str) -> str:
        return (
            f"OpenGL plotting is not included in the Fibre Workbench application: {module} "
            f"(asked for {name!r}) was left out of the bundle to keep it small. Plots are "
            "drawn without OpenGL; do not enable pyqtgraph's useOpenGL option."
        )

    class QOpenGLWidget:
        """Stand-in base class for ``PySide6.QtOpenGLWidgets.QOpenGLWidget``.

        Subclassing it works (pyqtgraph does so at import); no widget is ever an
        instance of it; creating one raises ``OpenGLNotBundled``.
        """

        def __init__(self, *_args: object, **_kwargs: object) -> None:
            raise OpenGLNotBundled(message("PySide6.QtOpenGLWidgets", type(self).__name__))

    def module_getattr(module_name: str):
        def __getattr__(name: str) -> object:
            if name.startswith("__") and name.endswith("__"):
                raise AttributeError(name)  # introspection (hasattr(m, "__path__")) stays quiet
            raise OpenGLNotBundled(message(module_name, name), name=module_name)

        return __getattr__

    class Loader(importlib.abc.Loader):
        def create_module(self, spec):
            return None  # the default module object

        def exec_module(self, module) -> None:
            module.__doc__ = "Placeholder. " + message(module.__name__, "...")
            module.OpenGLNotBundled = OpenGLNotBundled
            if module.__name__ == "PySide6.QtOpenGLWidgets":
                module.QOpenGLWidget = QOpenGLWidget
            module.__getattr__ = module_getattr(module.__name__)

    class Finder(importlib.abc.MetaPathFinder):
        fibre_workbench_opengl_placeholders = True

        def find_spec(self, fullname, path=None, target=None):
            if fullname in names:
                return importlib.machinery.ModuleSpec(fullname, Loader(), origin="placeholder")
            return None

    sys.meta_path.insert(0, Finder())


_fw_install_opengl_placeholders()
