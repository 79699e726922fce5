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
from workbench.value_flags import flags_text


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
    project = open_project(existing_project(args.project), for_writing=True)
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
                if exc.stage == "parameters":  # the same for every sample: say it once
                    raise AnalysisError(
                        f"{manifest.id}: {exc.reason.rstrip('.')}. Nothing was saved; the "
                        "project is unchanged."
                    ) from None
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
    elif outcomes:
        _print_text(doc, [[sid for sid, _ in o.results] for o in outcomes])
        for f in doc["skipped"]:
            print(f"{f['sample']}: skipped: {f['reason']}")
        for f in doc["failures"]:
            print(f"{f['sample']}: FAILED ({f['stage']}): {f['error']}")
        print("Saved." if saved else "Nothing was saved; the project is unchanged.")
    else:  # nothing could be analysed at all: one line on stderr, exit 2 (README)
        raise AnalysisError(_nothing_saved_reason([*failures, *skipped]))
    if failures or not saved:
        return 2
    return 0


def _nothing_saved_reason(errors) -> str:
    reasons = sorted({f.reason for f in errors})
    if len(reasons) == 1:
        one = len(errors) == 1 and errors[0].sample and ", " not in errors[0].sample
        where = f"{errors[0].sample}: " if one else ""  # a project-wide run names no sample
        return f"{where}{reasons[0].rstrip('.')}. Nothing was saved; the project is unchanged."
    return (
        f"none of the {len(errors)} runs could be done ({reasons[0].rstrip('.')}; and "
        f"{len(reasons) - 1} other reasons, listed by --json). Nothing was saved."
    )


def _print_text(doc: dict, groups: list[list[str]]) -> None:
    """Results as text: a project-wide run's shared figures and notes once, then what
    differs per sample (a calibration's predictions), not everything once per sample."""
    by_sample = {r["sample_id"]: r for r in doc["results"]}
    for group in groups:
        rs = [by_sample[sid] for sid in group if sid in by_sample]
        if not rs:
            continue
        first = rs[0]
        if len(rs) == 1:
            print(
                f"{first['sample']}: {first['plugin']} {first['plugin_version']} -> result {first['result_id']}"
            )
            _print_values(first["values"], "    ")
            for msg in first["messages"]:
                print(f"    note: {msg}")
            continue
        shared = {
            k: q for k, q in first["values"].items() if all(r["values"].get(k) == q for r in rs)
        }
        print(f"{first['plugin']} {first['plugin_version']} on {len(rs)} samples (one run):")
        _print_values(shared, "    ")
        for r in rs:
            own = {k: q for k, q in r["values"].items() if k not in shared}
            if own:
                print(f"  {r['sample']}:", end="")
                _print_values(own, " ", inline=True)
        notes = first["messages"] if all(r["messages"] == first["messages"] for r in rs) else []
        for msg in notes:
            print(f"    note: {msg}")
        for r in rs if not notes else []:
            for msg in r["messages"]:
                print(f"  {r['sample']}: note: {msg}")


def _print_values(values: dict, indent: str, inline: bool = False) -> None:
    parts = []
    for k, q in values.items():
        unit = f" {q['unit']}" if q["unit"] else ""
        basis = f" ({q['basis']})" if q["basis"] != "none" else ""
        value = "n/a" if q["value"] is None else f"{q['value']:.6g}"
        extra = ""
        if q.get("origin") == "predicted":
            unc = q.get("uncertainty")
            extra = f", predicted ± {unc:.3g}" if unc is not None else ", predicted"
        if q.get("flags"):
            extra += f"; WARNING: {flags_text(q['flags'], q['unit'])}"
        parts.append(f"{k} = {value}{unit}{basis}{extra}")
    if inline:
        print(indent + "; ".join(parts))
    else:
        for part in parts:
            print(f"{indent}{part}")
