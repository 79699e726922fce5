"""Small helpers shared by the CLI commands (kept free of numpy/h5py imports)."""

from __future__ import annotations

from pathlib import Path

from workbench.errors import UserFacingError
from workbench.fileio import check_name

PROJECT_SUFFIX = ".fwproj"


def new_project_target(path: str | Path, force: bool) -> Path:
    """Where a new project file will be written, after the checks a user expects.

    Adds the ``.fwproj`` suffix when the name has none; refuses a folder, a missing
    parent folder, and an existing file unless ``force`` is given.
    """
    target = Path(path)
    if not target.suffix:
        target = target.with_suffix(PROJECT_SUFFIX)
    if not target.parent.is_dir():
        raise UserFacingError(f"The folder {target.parent} does not exist.")
    check_name(target.absolute(), len(".lock"))  # before anything is built or written
    if target.is_dir():
        raise UserFacingError(f"{target} is a folder; give a file name such as project.fwproj.")
    if target.exists() and not force:
        raise UserFacingError(f"{target} already exists; use --force to replace it.")
    return target


def existing_project(path: str | Path) -> Path:
    """The path of a project file that must exist (clear message when it does not)."""
    target = Path(path)
    if not target.exists():
        raise UserFacingError(f"{target}: no such file.")
    if target.is_dir():
        raise UserFacingError(f"{target} is a folder, not a project file.")
    return target
