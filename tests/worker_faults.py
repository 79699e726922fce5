"""Worker tasks that misbehave, for ``test_import_parallel`` (a spawned worker imports
this module by name, so the tasks live in a module of their own)."""

from __future__ import annotations

import os
from typing import Any

from workbench.importers.parallel import parse_in_worker


def die_on_marked(paths: list[str], template: str | None) -> list[tuple[str, Any]]:
    """The worker process dies (as on a crash or out of memory) on a run holding a file
    whose name contains "die"; other runs are parsed normally."""
    if any("die" in os.path.basename(p) for p in paths):
        os._exit(3)
    return parse_in_worker(paths, template)


def always_again(paths: list[str], template: str | None) -> list[tuple[str, Any]]:
    """Every file "could not be finished" (an unexpected error in the worker)."""
    return [("again", "") for _ in paths]
