"""Plugin discovery and lazy loading: built-ins, installed packages, the user folder.

Three sources, searched in this order (a later plugin with an id already taken is
recorded as failed, never replaces the earlier one):

1. built-in: every folder with a ``plugin.toml`` under ``workbench.paths.plugins_dir()``;
2. installed: entry points in the group ``fibre_workbench.plugins``. The object an
   entry point names may be a path (str or ``os.PathLike``) to a ``plugin.toml`` or
   its folder, or a callable returning such a path, a manifest dict, or a list of
   them. A manifest given as a dict has no folder, so its ``entry`` must be an
   absolute module path (``mypackage.analysis:run``);
3. user: every subfolder of ``workbench.paths.user_subdir("plugins")`` holding a
   ``plugin.toml`` (this works for the packaged application too).

Only manifests are read during discovery; a plugin's code is imported the first time
``PluginRecord.load()`` is called. A manifest or import failure is stored in the
record (status ``failed``, error and traceback) and the plugin is skipped.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import importlib.util
import os
import re
import sys
import threading
import traceback
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.analysis.manifest import MANIFEST_NAME, Manifest, load_manifest_file, parse_manifest
from workbench.paths import plugins_dir, user_subdir

ENTRY_POINT_GROUP = "fibre_workbench.plugins"
ORIGINS = ("built-in", "installed", "user")

_load_lock = threading.Lock()


@dataclass
class PluginRecord:
    """One discovered plugin: its manifest (when readable), origin and status."""

    origin: str
    source: str
    manifest: Manifest | None = None
    status: str = "ok"  # ok | failed
    error: str = ""
    traceback: str = ""
    _function: Callable[..., Any] | None = field(default=None, repr=False)

    @property
    def id(self) -> str:
        return self.manifest.id if self.manifest else Path(self.source).parent.name or self.source

    @property
    def version(self) -> str:
        return self.manifest.version if self.manifest else ""

    @property
    def loaded(self) -> bool:
        return self._function is not None

    def fail(self, exc: BaseException) -> None:
        """Record a failure (message and traceback) and mark the plugin unusable."""
        self.status = "failed"
        self.error = f"{type(exc).__name__}: {exc}"
        self.traceback = "".join(traceback.format_exception(exc))

    def load(self) -> Callable[..., Any]:
        """Import the plugin's code (once) and return its analysis function.

        Raises ``PluginLoadError`` (and records the failure) when the module cannot be
        imported or the function is missing.
        """
        if self._function is not None:
            return self._function
        if self.manifest is None or self.status != "ok":
            raise PluginLoadError(
                self.id, self.error or "the plugin is not available", self.traceback
            )
        with _load_lock:
            if self._function is None:
                try:
                    self._function = _resolve_entry(self.manifest, self.origin)
                except BaseException as exc:  # any import-time error of third-party code
                    if isinstance(exc, KeyboardInterrupt | SystemExit):
                        raise
                    self.fail(exc)
                    raise PluginLoadError(self.id, self.error, self.traceback) from exc
        return self._function

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "name_en": self.manifest.name_en if self.manifest else "",
            "name_fi": self.manifest.name_fi if self.manifest else "",
            "origin": self.origin,
            "source": self.source,
            "status": self.status,
            "error": self.error,
            "traceback": self.traceback,
            "manifest": self.manifest.to_json() if self.manifest else None,
        }


class PluginLoadError(Exception):
    """A plugin's code could not be imported; carries the traceback text."""

    def __init__(self, plugin_id: str, message: str, tb: str = "") -> None:
        self.plugin_id = plugin_id
        self.message = message
        self.traceback = tb
        super().__init__(f"plugin {plugin_id} could not be loaded: {message}")


def _module_prefix(manifest: Manifest, origin: str) -> str:
    safe = re.sub(r"\W", "_", origin)
    digest = hashlib.sha1(str(manifest.folder).encode("utf-8")).hexdigest()[:8]
    return f"_fibre_workbench_plugin_{safe}_{manifest.id}_{digest}"


def _resolve_entry(manifest: Manifest, origin: str) -> Callable[..., Any]:
    """Import ``module:function``: inside the plugin folder when there is one, else absolute."""
    modname, funcname = manifest.entry.split(":")
    if manifest.folder is not None:
        pkg = _module_prefix(manifest, origin)
        if pkg not in sys.modules:
            init = manifest.folder / "__init__.py"
            if init.exists():
                spec = importlib.util.spec_from_file_location(
                    pkg, init, submodule_search_locations=[str(manifest.folder)]
                )
                if spec is None or spec.loader is None:
                    raise ImportError(f"cannot import the plugin package {manifest.folder}")
                module = importlib.util.module_from_spec(spec)
                sys.modules[pkg] = module
                try:
                    spec.loader.exec_module(module)
                except BaseException:
                    sys.modules.pop(pkg, None)
                    raise
            else:  # a folder without __init__.py: a bare package whose path is the folder
                module = types.ModuleType(pkg)
                module.__path__ = [str(manifest.folder)]
                module.__package__ = pkg
                sys.modules[pkg] = module
        module = importlib.import_module(f"{pkg}.{modname}")
    else:
        module = importlib.import_module(modname)
    func = getattr(module, funcname, None)
    if not callable(func):
        raise AttributeError(f"{manifest.entry}: module has no callable {funcname!r}")
    return func


def _scan_folder(root: Path, origin: str) -> list[PluginRecord]:
    records: list[PluginRecord] = []
    if not root.is_dir():
        return records
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        path = sub / MANIFEST_NAME
        if not path.exists():
            continue
        rec = PluginRecord(origin=origin, source=str(path))
        try:
            rec.manifest = load_manifest_file(path)
        except Exception as exc:
            rec.fail(exc)
        records.append(rec)
    return records


def _records_from_object(obj: Any, ep_name: str) -> list[PluginRecord]:
    """Turn what an entry point named into plugin records (see module docstring)."""
    if callable(obj) and not isinstance(obj, str | os.PathLike):
        obj = obj()
    items: Iterable[Any] = obj if isinstance(obj, list | tuple) else [obj]
    records: list[PluginRecord] = []
    for i, item in enumerate(items):
        src = f"<entry point {ep_name}>" + (f"[{i}]" if isinstance(obj, list | tuple) else "")
        rec = PluginRecord(origin="installed", source=src)
        try:
            if isinstance(item, str | os.PathLike):
                rec.source = str(item)
                rec.manifest = load_manifest_file(Path(item))
            elif isinstance(item, dict):
                rec.manifest = parse_manifest(item, source=src, folder=None)
            else:
                raise TypeError(
                    f"entry point {ep_name} gave {type(item).__name__}, not a path or dict"
                )
        except Exception as exc:
            rec.fail(exc)
        records.append(rec)
    return records


def _scan_entry_points() -> list[PluginRecord]:
    records: list[PluginRecord] = []
    try:
        eps = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    except Exception as exc:  # broken distribution metadata must not stop the app
        rec = PluginRecord(origin="installed", source=f"<entry point group {ENTRY_POINT_GROUP}>")
        rec.fail(exc)
        return [rec]
    for ep in sorted(eps, key=lambda e: e.name):
        try:
            obj = ep.load()
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            rec = PluginRecord(origin="installed", source=f"<entry point {ep.name} = {ep.value}>")
            rec.fail(exc)
            records.append(rec)
            continue
        try:
            records.extend(_records_from_object(obj, ep.name))
        except Exception as exc:
            rec = PluginRecord(origin="installed", source=f"<entry point {ep.name} = {ep.value}>")
            rec.fail(exc)
            records.append(rec)
    return records


class Registry:
    """All discovered plugins, by id; failed ones are kept for the plugins view."""

    def __init__(self, records: Iterable[PluginRecord] = ()) -> None:
        self.records: list[PluginRecord] = []
        self._by_id: dict[str, PluginRecord] = {}
        for rec in records:
            self.add(rec)

    def add(self, rec: PluginRecord) -> None:
        """Add a record; an id already taken by another plugin makes this one failed."""
        if rec.manifest is not None and rec.status == "ok":
            other = self._by_id.get(rec.manifest.id)
            if other is not None:
                rec.status = "failed"
                rec.error = (
                    f"plugin id {rec.manifest.id!r} is already provided by the "
                    f"{other.origin} plugin at {other.source}"
                )
            else:
                self._by_id[rec.manifest.id] = rec
        self.records.append(rec)

    def get(self, plugin_id: str) -> PluginRecord:
        """The usable plugin with this id; raises ``KeyError`` with the known ids."""
        try:
            return self._by_id[plugin_id]
        except KeyError:
            known = ", ".join(sorted(self._by_id)) or "none"
            raise KeyError(f"no plugin {plugin_id!r} (available: {known})") from None

    def ok(self) -> list[PluginRecord]:
        return [r for r in self.records if r.status == "ok"]

    def failed(self) -> list[PluginRecord]:
        return [r for r in self.records if r.status != "ok"]

    def __contains__(self, plugin_id: str) -> bool:
        return plugin_id in self._by_id

    def __iter__(self):
        return iter(self.records)


def discover(
    *,
    builtin_dir: Path | None = None,
    user_dir: Path | None = None,
    entry_points: bool = True,
) -> Registry:
    """Find every plugin (manifests only, no plugin code is imported)."""
    reg = Registry()
    for rec in _scan_folder(builtin_dir or plugins_dir(), "built-in"):
        reg.add(rec)
    if entry_points:
        for rec in _scan_entry_points():
            reg.add(rec)
    for rec in _scan_folder(user_dir or user_subdir("plugins"), "user"):
        reg.add(rec)
    return reg


_cached: Registry | None = None
_registry_lock = threading.Lock()


def get_registry(*, refresh: bool = False) -> Registry:
    """The process-wide registry, discovered on first use (``refresh`` rescans)."""
    global _cached
    with _registry_lock:
        if _cached is None or refresh:
            _cached = discover()
        return _cached
