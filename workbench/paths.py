"""Where the workbench finds its resources and keeps per-user files.

Resources (route specifications, reference library, demo data, guide, translations,
icons) and the built-in plugins are package data: the repository's top-level
``resources/`` and ``plugins/`` folders are installed as the packages
``workbench.resources`` and ``workbench.builtin_plugins`` (``pyproject.toml`` maps them),
and are found through ``importlib.resources`` in every way the program runs: an
editable install (setuptools' editable finder maps the names to the repository's
folders), a wheel or sdist install (the files are in site-packages), and the
PyInstaller bundle (the spec puts them under ``workbench/`` in the bundle folder).
Nothing here computes a path relative to the source tree. Per-user folders (plugins, import templates, user route
files, logs, crash recovery) follow the platform convention and can be redirected as
a whole with the ``FIBRE_WORKBENCH_HOME`` environment variable (tests use it so that
they never touch the real user folders).
"""

from __future__ import annotations

import functools
import importlib.resources
import os
import sys
from pathlib import Path

from workbench.errors import UserFacingError

RESOURCES_PACKAGE = "workbench.resources"
BUILTIN_PLUGINS_PACKAGE = "workbench.builtin_plugins"


class MissingResourcesError(UserFacingError):
    """The installation lacks its package data (a broken or partial install)."""


@functools.cache
def package_folder(package: str) -> Path:
    """The folder of a package-data package, as a real directory on disk.

    Raises ``MissingResourcesError`` when the package is not installed or lives inside a
    zip archive (the program reads its resources as files, e.g. with ``glob``).
    """
    try:
        root = importlib.resources.files(package)
    except ModuleNotFoundError:
        raise MissingResourcesError(
            f"This installation of Fibre Workbench lacks its {package} files; reinstall "
            "it (pip install fibre-workbench, or the installer)."
        ) from None
    path = Path(str(root))
    if not isinstance(root, Path) or not path.is_dir():
        raise MissingResourcesError(
            f"Fibre Workbench's {package} files are not a folder on disk ({root}); install "
            "it unzipped."
        )
    return path


def resources_dir() -> Path:
    """The folder holding the resources (package ``workbench.resources``)."""
    return package_folder(RESOURCES_PACKAGE)


def plugins_dir() -> Path:
    """The folder holding the built-in plugins (package ``workbench.builtin_plugins``)."""
    return package_folder(BUILTIN_PLUGINS_PACKAGE)


def user_home() -> Path:
    """The per-user data folder (created on first use)."""
    override = os.environ.get("FIBRE_WORKBENCH_HOME")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = (
            Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "FibreWorkbench"
        )
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "FibreWorkbench"
    else:
        base = (
            Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
            / "fibre-workbench"
        )
    base.mkdir(parents=True, exist_ok=True)
    return base


def user_subdir(name: str) -> Path:
    """A named folder under the user data folder: plugins, templates, routes, logs, recovery."""
    path = user_home() / name
    path.mkdir(parents=True, exist_ok=True)
    return path
