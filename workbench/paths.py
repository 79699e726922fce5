"""Where the workbench finds its resources and keeps per-user files.

Resources (route specifications, reference library, demo data, translations, icons)
live in ``resources/`` beside the package in a source checkout, and in the bundle
folder of a PyInstaller build. Per-user folders (plugins, import templates, user route
files, logs, crash recovery) follow the platform convention and can be redirected as
a whole with the ``FIBRE_WORKBENCH_HOME`` environment variable (tests use it so that
they never touch the real user folders).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder holding the bundled resources."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return _PACKAGE_DIR.parent / "resources"


def plugins_dir() -> Path:
    """The folder holding the built-in plugins."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "plugins"
    return _PACKAGE_DIR.parent / "plugins"


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
