"""Runtime hook: stand-ins for SciPy's HiGHS solver modules, which the bundle leaves out.

``scipy.optimize`` imports its linear-programming front ends (``linprog``, ``milp``)
when it is imported, and they import the compiled HiGHS solver
(``scipy.optimize._highspy._core``, 6.7 MB, and ``_highs_options``) at once. Nothing
in Fibre Workbench solves a linear or mixed-integer program: the application, its
built-in plugins and the scikit-learn estimators they use (PCA, PLS regression,
cross-validation, preprocessing) never call ``linprog`` or ``milp`` (a packaging test
checks the source and runs the analyses with these stand-ins). The only other users
in the bundled libraries are ``scipy.stats.wasserstein_distance_nd`` and
scikit-learn's ``QuantileRegressor``, which the application does not use.

So the frozen application ships without the two extension modules and this hook
registers placeholder modules under their names (a meta-path finder, consulted before
the normal import system, so nothing is looked for on disk). Importing
``scipy.optimize`` works as before; the names it imports from them are stand-in
objects, and the first *use* of any of them (calling ``linprog``, ``milp``, or
anything else that reaches HiGHS) raises ``HighsNotBundled`` (an ``ImportError``)
saying that the HiGHS solver is not included. The hook is part of the application's
spec only; in a Python installation the real modules load.
"""

from __future__ import annotations


def _fw_install_highs_placeholders() -> None:
    """Put a finder for the placeholder modules first on ``sys.meta_path`` (once).

    Everything lives inside this function: PyInstaller runs runtime hooks and the entry
    script in one ``__main__`` namespace, so module-level names could collide.
    """
    import importlib.abc
    import importlib.machinery
    import sys

    names = ("scipy.optimize._highspy._core", "scipy.optimize._highspy._highs_options")
    if any(getattr(f, "fibre_workbench_highs_placeholders", False) for f in sys.meta_path):
        return

    class HighsNotBundled(ImportError):
        """A linear or mixed-integer program was to be solved, but HiGHS is not bundled."""

    def message(name: str) -> str:
        return (
            "The HiGHS linear-programming solver is not included in the Fibre Workbench "
            f"application (asked for {name!r}): scipy.optimize.linprog, scipy.optimize.milp, "
            "scipy.stats.wasserstein_distance_nd and scikit-learn's QuantileRegressor are "
            "not available in it. Run such code in a Python installation of the workbench."
        )

    class Missing:
        """Stand-in for a HiGHS name: harmless to import, an error on first use."""

        def __init__(self, name: str) -> None:
            object.__setattr__(self, "_fw_name", name)

        def __repr__(self) -> str:
            return f"<HiGHS placeholder {self._fw_name}>"

        def __getattr__(self, attr: str) -> object:
            if attr.startswith("__") and attr.endswith("__"):
                raise AttributeError(attr)
            raise HighsNotBundled(message(f"{self._fw_name}.{attr}"))

        def __call__(self, *_args: object, **_kwargs: object) -> object:
            raise HighsNotBundled(message(self._fw_name))

        def __iter__(self):
            raise HighsNotBundled(message(self._fw_name))

    def module_getattr(module_name: str):
        def __getattr__(name: str) -> object:
            if name.startswith("__") and name.endswith("__"):
                raise AttributeError(name)  # introspection (hasattr(m, "__path__")) stays quiet
            return Missing(f"{module_name}.{name}")

        return __getattr__

    class Loader(importlib.abc.Loader):
        def create_module(self, spec):
            return None  # the default module object

        def exec_module(self, module) -> None:
            module.__doc__ = "Placeholder. " + message(module.__name__)
            module.HighsNotBundled = HighsNotBundled
            module.__getattr__ = module_getattr(module.__name__)

    class Finder(importlib.abc.MetaPathFinder):
        fibre_workbench_highs_placeholders = True

        def find_spec(self, fullname, path=None, target=None):
            if fullname in names:
                return importlib.machinery.ModuleSpec(fullname, Loader(), origin="placeholder")
            return None

    sys.meta_path.insert(0, Finder())


_fw_install_highs_placeholders()
