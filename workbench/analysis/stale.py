"""Stale results and re-running them.

A result is stale when what it was computed from has changed: one of its input
measurements or input results no longer exists, the sample has gained a measurement
of a kind the plugin consumes since the result was created (a new replicate, a
re-measurement), or a newer measurement or another plugin's newer result gives a
property the plugin consumes (a new TGA result for the heating-value estimate).
``rerun`` computes the result again from the sample's current data, optionally with
other parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.analysis.registry import Registry, discover
from workbench.analysis.runner import commit, prepare_run
from workbench.errors import AnalysisError
from workbench.model import Project, Result, Sample
from workbench.progress import Progress


@dataclass
class StaleResult:
    """A stale result and why it is stale (plain-English reasons)."""

    sample_id: str
    result_id: str
    plugin_id: str
    reasons: list[str] = field(default_factory=list)


def _consumed(result: Result, registry: Registry | None) -> tuple[set[str], set[str]]:
    """(measurement kinds, property ids) the result's plugin consumes."""
    kinds = {i.get("kind") for i in result.inputs if i.get("type") == "measurement"}
    props: set[str] = set()
    if registry is not None and result.plugin_id in registry:
        manifest = registry.get(result.plugin_id).manifest
        if manifest is not None:
            kinds |= set(manifest.consumes_kinds)
            props |= set(manifest.consumes_properties)
    return {k for k in kinds if k}, props


def stale_reasons(sample: Sample, result: Result, registry: Registry | None = None) -> list[str]:
    """Why ``result`` of ``sample`` is stale; an empty list means it is current."""
    reasons: list[str] = []
    used_m = {i["id"] for i in result.inputs if i.get("type") == "measurement"}
    used_r = {i["id"] for i in result.inputs if i.get("type") == "result"}
    for i in result.inputs:
        if i.get("sample") not in (None, sample.id):
            continue  # inputs of other samples (project-scope runs) are not checked here
        if i.get("type") == "measurement" and i["id"] not in sample.measurements:
            reasons.append(f"input measurement {i['id']} no longer exists")
        elif i.get("type") == "result" and i["id"] not in sample.results:
            reasons.append(f"input result {i['id']} no longer exists")
    kinds, props = _consumed(result, registry)
    for m in sample.measurements.values():
        if m.id in used_m or m.created < result.created:
            continue
        if m.kind in kinds:
            reasons.append(
                f"new {m.kind} measurement {m.id} ({m.label or m.source_name}) since the run"
            )
        elif props & set(m.quantities):
            names = ", ".join(sorted(props & set(m.quantities)))
            reasons.append(f"new values of {names} in measurement {m.id} since the run")
    for other in sample.results.values():
        if (
            other.id in used_r
            or other.plugin_id == result.plugin_id
            or other.created <= result.created
        ):
            continue
        if props & set(other.values):
            names = ", ".join(sorted(props & set(other.values)))
            reasons.append(f"newer {other.plugin_id} result {other.id} gives {names}")
    return reasons


def stale_results(project: Project, registry: Registry | None = None) -> list[StaleResult]:
    """Every stale result of the project, with reasons."""
    out: list[StaleResult] = []
    for sample in project.samples.values():
        for result in sample.results.values():
            reasons = stale_reasons(sample, result, registry)
            if reasons:
                out.append(StaleResult(sample.id, result.id, result.plugin_id, reasons))
    return out


def rerun(
    project: Project,
    sample_id: str,
    result_id: str,
    params: dict[str, Any] | None = None,
    *,
    registry: Registry | None = None,
    replace: bool = True,
    progress: Progress | None = None,
    **kwargs: Any,
) -> Result:
    """Run the plugin of an existing result again on the sample's current data.

    ``params`` override the result's stored parameters (others are kept). With
    ``replace`` the old result is removed once the new one is validated; on any
    failure the project is unchanged and ``PluginRunError`` is raised.
    """
    sample = project.samples.get(sample_id)
    if sample is None or result_id not in sample.results:
        raise AnalysisError(f"no result {result_id} in sample {sample_id}")
    old = sample.results[result_id]
    registry = registry or discover()
    try:
        plugin = registry.get(old.plugin_id)
    except KeyError as exc:
        raise AnalysisError(str(exc.args[0])) from None
    merged = dict(old.parameters)
    if plugin.manifest is not None:
        known = {p.name for p in plugin.manifest.parameters}
        merged = {k: v for k, v in merged.items() if k in known}
    merged.update(params or {})
    ids = [sample_id]
    run = next((i for i in old.inputs if i.get("type") == "run"), None)
    if plugin.manifest is not None and plugin.manifest.scope == "project" and run:
        ids = [s for s in run.get("samples", []) if s in project.samples] or [sample_id]
    outcome = prepare_run(project, plugin, ids, merged, progress=progress, **kwargs)
    commit(project, outcome)
    if replace:
        project.remove_result(sample_id, result_id)
        if run:  # the other samples' results of the same project-scope run
            for sid in ids:
                for rid, r in list(project.samples[sid].results.items()):
                    if any(i.get("type") == "run" and i.get("id") == run["id"] for i in r.inputs):
                        project.remove_result(sid, rid)
    new = [r for sid, r in outcome.results if sid == sample_id]
    return new[0] if new else outcome.results[0][1]
