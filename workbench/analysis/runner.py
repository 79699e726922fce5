"""Running a plugin safely: validate parameters, call, validate output, then store.

``prepare_run`` does all the work on read-only copies and returns a ``RunOutcome``
(new ``Result`` objects and models) without touching the project; ``commit`` adds it
to the project (one audit entry per result). ``run_plugin`` does both. Any failure
(the plugin cannot be imported, a bad parameter, an exception, malformed output,
cancel, timeout) raises ``PluginRunError`` carrying the traceback, and the project is
exactly as before.

Cancel: a cooperative plugin calls ``progress.check()`` and stops with
``CancelledError``. For plugins that may ignore cancel, pass ``worker=True`` (or a
``timeout``): the function then runs on a daemon thread and the caller gets control
back within ``cancel_grace`` seconds (default 0.5 s) of ``progress.cancel()``; the
late result, if any, is discarded. A Python thread cannot be killed, so such a
runaway thread keeps using CPU until it ends or the process exits.
"""

from __future__ import annotations

import copy
import dataclasses
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from workbench import __version__
from workbench.analysis.api import (
    AnalysisInputs,
    AnalysisOutput,
    SampleInputs,
    read_only_model,
    sample_inputs,
)
from workbench.analysis.manifest import Manifest
from workbench.analysis.params import validate_params
from workbench.analysis.registry import PluginLoadError, PluginRecord, Registry
from workbench.analysis.validate import OutputError, validate_output
from workbench.errors import AnalysisError, CancelledError
from workbench.messages import Text, bilingual, copy_message
from workbench.model import Column, Project, Quantity, Result, Sample, StoredModel, new_id
from workbench.progress import Progress


class PluginRunError(AnalysisError):
    """A plugin run failed; nothing was written. ``stage`` says where, ``traceback`` why."""

    def __init__(
        self, plugin_id: str, stage: str, message: str, tb: str = "", sample: str = ""
    ) -> None:
        self.plugin_id = plugin_id
        self.stage = stage  # load | parameters | inputs | run | output | cancelled | timeout
        self.message = message
        self.traceback = tb
        self.sample = sample
        # True when the plugin itself said the inputs cannot be analysed (AnalysisError)
        self.not_applicable = stage == "inputs"
        where = f" on sample {sample!r}" if sample else ""
        super().__init__(f"plugin {plugin_id} failed{where} ({stage}): {message}")

    @property
    def reason(self) -> str:
        """The plugin's own sentence, without the exception class name put before it."""
        text = " ".join(self.message.split())
        head, sep, rest = text.partition(": ")
        return rest if sep and head.isidentifier() and head.endswith("Error") else text


def shared_result(project: Project, result: Result) -> Result | None:
    """The result holding a project-wide run's shared curves and plots, when ``result``
    only points at it (see ``prepare_run``: they are stored once, in the first sample)."""
    if result.plots or result.columns:
        return None
    for item in result.inputs:
        ref = item.get("shared_result") if item.get("type") == "run" else None
        if isinstance(ref, dict):
            owner = project.samples.get(ref.get("sample"))
            if owner is not None and ref.get("id") in owner.results:
                return owner.results[ref["id"]]
    return None


@dataclass
class RunOutcome:
    """Validated results of one run, not yet in the project."""

    plugin_id: str
    results: list[tuple[str, Result]] = field(default_factory=list)  # (sample id, result)
    models: list[StoredModel] = field(default_factory=list)


def sample_has_inputs(sample: Sample, manifest: Manifest) -> bool:
    """True when the sample has a consumed measurement kind or a consumed property."""
    kinds = set(manifest.consumes_kinds)
    if any(m.kind in kinds for m in sample.measurements.values()):
        return True
    props = set(manifest.consumes_properties)
    if not props:
        return False
    if any(props & set(m.quantities) for m in sample.measurements.values()):
        return True
    return any(props & set(r.values) for r in sample.results.values())


def call_plugin(
    func: Callable[..., Any],
    inputs: AnalysisInputs,
    params: dict[str, Any],
    progress: Progress,
    *,
    worker: bool = False,
    timeout: float | None = None,
    cancel_grace: float = 0.5,
) -> Any:
    """Call the analysis function; in worker mode return within ``cancel_grace`` of cancel.

    Raises ``CancelledError`` on cancel and ``TimeoutError`` when ``timeout`` seconds
    pass; any exception of the function propagates.
    """
    if not worker and timeout is None:
        return func(inputs, params, progress)
    box: dict[str, Any] = {}
    done = threading.Event()

    def target() -> None:
        try:
            box["value"] = func(inputs, params, progress)
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc
        finally:
            done.set()

    thread = threading.Thread(target=target, name=f"plugin-{inputs.plugin_id}", daemon=True)
    start = time.monotonic()
    thread.start()
    cancel_seen: float | None = None
    timed_out = False
    while not done.wait(0.02):
        now = time.monotonic()
        if timeout is not None and not timed_out and now - start > timeout:
            timed_out = True
            progress.cancel()
        if progress.cancelled and cancel_seen is None:
            cancel_seen = now
        if cancel_seen is not None and now - cancel_seen >= cancel_grace:
            # The function ignores cancel: abandon the thread, discard what it returns.
            if timed_out:
                raise TimeoutError(f"no result within {timeout} s; the run was abandoned")
            raise CancelledError("cancelled; the plugin did not stop, its late result is discarded")
    if timed_out and "error" in box and isinstance(box["error"], CancelledError):
        raise TimeoutError(f"no result within {timeout} s")
    if "error" in box:
        raise box["error"]
    return box["value"]


def run_with_timeout(
    func: Callable[..., Any],
    inputs: AnalysisInputs,
    params: dict[str, Any],
    progress: Progress,
    timeout: float | None = None,
    cancel_grace: float = 0.5,
) -> Any:
    """``call_plugin`` in worker-thread mode: control returns on cancel or after ``timeout``.

    The abandoned thread cannot be killed (a Python limit); it runs on as a daemon
    thread and whatever it returns later is discarded.
    """
    return call_plugin(
        func, inputs, params, progress, worker=True, timeout=timeout, cancel_grace=cancel_grace
    )


def _quantity(q: Quantity, manifest: Manifest) -> Quantity:
    """A plugin's value as stored: a float, derived (not measured), with a method."""
    return dataclasses.replace(
        q,
        value=float(q.value),
        origin="derived" if q.origin == "measured" else q.origin,
        method=q.method or manifest.standard or manifest.name_en,
    )


def _columns(out: AnalysisOutput, arrays: dict[str, np.ndarray]) -> dict[str, Column]:
    cols = {}
    for name, col in out.columns.items():
        arr = np.array(arrays[name], dtype=np.float64 if arrays[name].dtype.kind == "f" else None)
        cols[name] = Column(name, col.unit, arr, copy_message(col.label) if col.label else name)
    return cols


def default_label(manifest: Manifest) -> Text:
    """A result's label when the plugin gives none: the manifest's name, in English and
    Finnish when the manifest has both, so the tree and the report follow the language."""
    if manifest.name_fi and manifest.name_fi != manifest.name_en:
        return bilingual(manifest.name_en, manifest.name_fi)
    return manifest.name_en


def _inputs_provenance(
    si: SampleInputs, run_id: str | None, ids: list[str]
) -> list[dict[str, Any]]:
    prov: list[dict[str, Any]] = [
        {"type": "measurement", "id": m.id, "sample": si.sample_id, "kind": m.kind}
        for m in si.measurements
    ]
    for src in si.used:
        entry = {"type": src.type, "id": src.id, "sample": si.sample_id}
        if src.plugin_id:
            entry["plugin"] = src.plugin_id
        if entry not in prov:
            prov.append(entry)
    if run_id:
        prov.append({"type": "run", "id": run_id, "samples": list(ids)})
    return prov


def _fail(manifest_id: str, stage: str, exc: BaseException, sample: str) -> PluginRunError:
    tb = "".join(traceback.format_exception(exc))
    err = PluginRunError(manifest_id, stage, f"{type(exc).__name__}: {exc}", tb, sample)
    err.not_applicable = isinstance(exc, AnalysisError)
    return err


def prepare_run(
    project: Project,
    plugin: PluginRecord,
    sample_ids: Iterable[str],
    params: dict[str, Any] | None = None,
    *,
    measurement_ids: Iterable[str] = (),
    progress: Progress | None = None,
    worker: bool = False,
    timeout: float | None = None,
    cancel_grace: float = 0.5,
) -> RunOutcome:
    """Run the plugin on copies of the samples and return validated results (no writes).

    A ``scope = "sample"`` plugin needs exactly one sample id; a project-scope plugin
    gets all of them in one call and yields one result per sample.
    """
    progress = progress or Progress()
    manifest = plugin.manifest
    if manifest is None:
        raise PluginRunError(
            plugin.id, "load", plugin.error or "manifest could not be read", plugin.traceback
        )
    ids = list(sample_ids)
    label = ", ".join(project.samples[s].name for s in ids if s in project.samples)
    missing = [s for s in ids if s not in project.samples]
    if missing or not ids:
        raise PluginRunError(
            manifest.id, "inputs", f"unknown or no sample ids {missing}", sample=label
        )
    if manifest.scope == "sample" and len(ids) != 1:
        raise PluginRunError(
            manifest.id, "inputs", "a per-sample plugin runs on one sample at a time"
        )
    try:
        func = plugin.load()
    except PluginLoadError as exc:
        raise PluginRunError(manifest.id, "load", exc.message, exc.traceback, label) from exc
    try:
        checked = validate_params(manifest, params)
    except AnalysisError as exc:
        raise PluginRunError(manifest.id, "parameters", str(exc), sample=label) from exc
    mids = list(measurement_ids)
    views = [sample_inputs(project.samples[s], manifest.consumes_kinds, mids) for s in ids]
    for si in views:
        sample = project.samples[si.sample_id]
        if not si.measurements and not sample_has_inputs(sample, manifest):
            raise PluginRunError(
                manifest.id,
                "inputs",
                f"sample has no {', '.join(manifest.consumes_kinds + manifest.consumes_properties)} data",
                sample=si.name,
            )
    inputs = AnalysisInputs(
        samples=views,
        models={k: read_only_model(v) for k, v in project.models.items()},
        plugin_id=manifest.id,
        settings=copy.deepcopy(project.settings),
    )
    try:
        out = call_plugin(
            func,
            inputs,
            copy.deepcopy(checked),
            progress,
            worker=worker,
            timeout=timeout,
            cancel_grace=cancel_grace,
        )
    except CancelledError as exc:
        raise _fail(manifest.id, "cancelled", exc, label) from exc
    except TimeoutError as exc:
        raise _fail(manifest.id, "timeout", exc, label) from exc
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise _fail(manifest.id, "run", exc, label) from exc
    try:
        arrays = validate_output(manifest, out, ids)
    except OutputError as exc:
        raise _fail(manifest.id, "output", exc, label) from exc
    clash = sorted(m.id for m in out.models if m.id in project.models)
    if clash:  # a plugin may add models, never replace the project's existing ones
        exc = OutputError(f"models: ids {clash} already belong to models in the project")
        raise _fail(manifest.id, "output", exc, label)

    run_id = new_id("run") if len(ids) > 1 else None
    outcome = RunOutcome(plugin_id=manifest.id, models=list(out.models))
    # A project-wide run's curves and tables (loadings, a scores table) are shared by all
    # its samples: they are stored once, in the first sample's result, and the others
    # point at it, so storage grows with the number of samples, not with its square.
    shared_owner: tuple[str, str] | None = None
    for si in views:
        values = {k: _quantity(q, manifest) for k, q in out.values.items()}
        values.update(
            {k: _quantity(q, manifest) for k, q in out.sample_values.get(si.sample_id, {}).items()}
        )
        provenance = _inputs_provenance(si, run_id, ids)
        owns_shared = shared_owner is None
        result_id = new_id("r")
        if owns_shared:
            shared_owner = (si.sample_id, result_id)
        elif run_id:
            for item in provenance:
                if item.get("type") == "run":
                    item["shared_result"] = {"sample": shared_owner[0], "id": shared_owner[1]}
        result = Result(
            id=result_id,
            plugin_id=manifest.id,
            plugin_version=manifest.version,
            parameters=copy.deepcopy(checked),
            inputs=provenance,
            values=values,
            columns=_columns(out, arrays) if owns_shared else {},
            plots=copy.deepcopy(out.plots) if owns_shared else [],
            messages=[copy_message(m) for m in out.messages],
            label=copy_message(out.label) if out.label else default_label(manifest),
            app_version=__version__,
        )
        outcome.results.append((si.sample_id, result))
    return outcome


def commit(project: Project, outcome: RunOutcome) -> None:
    """Add a prepared outcome's results and models to the project."""
    for model in outcome.models:
        project.add_model(model)
    for sample_id, result in outcome.results:
        project.add_result(sample_id, result)


def run_plugin(
    project: Project,
    plugin: PluginRecord | str,
    sample_ids: Iterable[str] | str,
    params: dict[str, Any] | None = None,
    *,
    registry: Registry | None = None,
    **kwargs: Any,
) -> list[Result]:
    """Prepare and commit a run; returns the new results. See ``prepare_run``."""
    if isinstance(plugin, str):
        if registry is None:
            from workbench.analysis.registry import discover

            registry = discover()
        try:
            plugin = registry.get(plugin)
        except KeyError as exc:
            raise AnalysisError(str(exc.args[0])) from None
    ids = [sample_ids] if isinstance(sample_ids, str) else list(sample_ids)
    outcome = prepare_run(project, plugin, ids, params, **kwargs)
    commit(project, outcome)
    return [r for _, r in outcome.results]
