"""``fibre-workbench analyse PROJECT PLUGIN_ID [--sample NAME ...] [--param KEY=VALUE ...]``.

Runs an analysis plugin on samples of a project and saves the results atomically.
Without ``--sample`` every sample that has what the plugin consumes is analysed; a
sample the plugin finds it cannot analyse (not enough data) is skipped and listed.
All runs are computed first; if any fails, nothing is saved (unless ``--keep-going``).
"""

from __future__ import annotations

import argparse
import json

from workbench.errors import AnalysisError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "analyse",
        aliases=["analyze"],
        help="run an analysis plugin on samples of a project and save the results",
        description="Run an analysis plugin on samples of a project and store the results, "
        "with provenance, under each sample. Without --sample, every sample that has data "
        "the plugin consumes is analysed. If a run fails nothing is saved, unless "
        "--keep-going is given.",
    )
    p.add_argument("project", help="project file (.fwproj)")
    p.add_argument("plugin_id", help="plugin id (see 'fibre-workbench plugins')")
    p.add_argument(
        "--sample", action="append", default=[], metavar="NAME", help="sample name (repeatable)"
    )
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="plugin parameter (repeatable); lists as 0,0.2,0.5 or [0, 0.2, 0.5]",
    )
    p.add_argument("--keep-going", action="store_true", help="save the runs that succeeded")
    p.add_argument(
        "--timeout", type=float, default=None, help="abandon a run after this many seconds"
    )
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=run)


def _select_samples(project, manifest, names: list[str]) -> list[str]:
    from workbench.analysis.runner import sample_has_inputs

    if names:
        ids = []
        for name in names:
            sample = project.find_sample(name)
            if sample is None:
                known = ", ".join(s.name for s in project.samples.values()) or "none"
                raise AnalysisError(f"no sample named {name!r} (samples: {known})")
            ids.append(sample.id)
        return ids
    ids = [s.id for s in project.samples.values() if sample_has_inputs(s, manifest)]
    if not ids:
        wanted = ", ".join(manifest.consumes_kinds + manifest.consumes_properties)
        raise AnalysisError(
            f"no sample in the project has data plugin {manifest.id} consumes ({wanted})"
        )
    return ids


def _result_json(project, sample_id: str, result) -> dict:
    from workbench.messages import messages_in

    return {
        "sample": project.samples[sample_id].name,
        "sample_id": sample_id,
        "result_id": result.id,
        "plugin": result.plugin_id,
        "plugin_version": result.plugin_version,
        "parameters": result.parameters,
        "values": {k: q.to_json() for k, q in result.values.items()},
        "columns": {k: {"unit": c.unit, "n": int(c.shape[0])} for k, c in result.columns.items()},
        "messages": messages_in(result.messages, "en"),
        "messages_fi": messages_in(result.messages, "fi"),
    }


def run(args: argparse.Namespace) -> int:
    from workbench.analysis.params import parse_cli_params
    from workbench.analysis.registry import discover
    from workbench.analysis.runner import PluginRunError, RunOutcome, commit, prepare_run
    from workbench.cli._common import existing_project
    from workbench.project.store import close_project, open_project, save_project

    params = parse_cli_params(args.param)
    registry = discover()
    try:
        plugin = registry.get(args.plugin_id)
    except KeyError as exc:
        raise AnalysisError(str(exc.args[0])) from None
    manifest = plugin.manifest
    project = open_project(existing_project(args.project))
    try:
        ids = _select_samples(project, manifest, args.sample)
        groups = [ids] if manifest.scope == "project" else [[i] for i in ids]
        outcomes: list[RunOutcome] = []
        failures: list[PluginRunError] = []
        skipped: list[PluginRunError] = []
        for group in groups:
            try:
                outcomes.append(prepare_run(project, plugin, group, params, timeout=args.timeout))
            except PluginRunError as exc:
                if exc.stage == "parameters":
                    raise
                if not args.sample and exc.not_applicable:
                    skipped.append(exc)  # not enough data in a sample nobody named
                else:
                    failures.append(exc)
        saved = bool(outcomes) and (not failures or args.keep_going)
        if saved:
            for outcome in outcomes:
                commit(project, outcome)
            save_project(project)
        doc = {
            "project": str(args.project),
            "plugin": manifest.id,
            "plugin_version": manifest.version,
            "saved": saved,
            "results": [_result_json(project, sid, r) for o in outcomes for sid, r in o.results],
            "failures": [
                {"sample": f.sample, "stage": f.stage, "error": f.message, "traceback": f.traceback}
                for f in failures
            ],
            "skipped": [{"sample": f.sample, "reason": f.message} for f in skipped],
        }
    finally:
        close_project(project)
    if args.json:
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        for r in doc["results"]:
            print(f"{r['sample']}: {r['plugin']} {r['plugin_version']} -> result {r['result_id']}")
            for k, q in r["values"].items():
                unit = f" {q['unit']}" if q["unit"] else ""
                basis = f" ({q['basis']})" if q["basis"] != "none" else ""
                print(f"    {k} = {q['value']:.6g}{unit}{basis}")
            for msg in r["messages"]:
                print(f"    note: {msg}")
        for f in doc["skipped"]:
            print(f"{f['sample']}: skipped: {f['reason']}")
        for f in doc["failures"]:
            print(f"{f['sample']}: FAILED ({f['stage']}): {f['error']}")
        print("Saved." if saved else "Nothing was saved; the project is unchanged.")
    if failures:
        return 2
    return 0
