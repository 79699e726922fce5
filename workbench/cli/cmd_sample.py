"""``fibre-workbench sample set|show PROJECT NAME ...``: a sample's fields and metadata.

``set`` changes what a user types about a sample in the window: its feedstock type,
supplier, origin, date received, notes, name and metadata (``--meta KEY=VALUE``; ``KEY=``
removes a key). The categorical facts the product routes test (``chemical_treatment``,
``wood_type``, ``attached_soil``) and the feedstock type are controlled vocabularies:
matched without regard to case, blanks or hyphens and in Finnish ("Untreated",
"chemically treated", "käsittelemätön"), stored as the controlled value, and refused with
the list of choices when not understood. ``--create`` adds the sample when it does not
exist. ``show`` prints the sample's fields, metadata and every value with its unit,
basis, method and source file.
"""

from __future__ import annotations

import argparse
import sys

from workbench.cli._common import existing_project

_FIELDS = {
    "feedstock_type": "--feedstock-type",
    "supplier": "--supplier",
    "origin": "--origin",
    "date_received": "--date-received",
    "notes": "--notes",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "sample",
        help="set or show a sample's fields and metadata (feedstock type, treatment, ...)",
        description="Set or show the fields and metadata of one sample. Categorical values "
        "the product routes test (feedstock type, chemical_treatment, wood_type, "
        "attached_soil) are matched to their controlled vocabulary without regard to case.",
    )
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    s = sub.add_parser(
        "set",
        help="set fields and metadata of a sample",
        description="Set fields and metadata of a sample; the project is saved atomically. "
        "Example: fibre-workbench sample set lab.fwproj 'Birch chips 1' --feedstock-type "
        "woody --meta chemical_treatment=untreated --meta wood_type=hardwood",
    )
    s.add_argument("project", help="project file (.fwproj)")
    s.add_argument("name", help="sample name (case- and space-insensitive)")
    for field, flag in _FIELDS.items():
        s.add_argument(flag, dest=field, metavar="TEXT", help=f"set the sample's {field}")
    s.add_argument("--rename", metavar="NEW", help="give the sample a new name")
    s.add_argument(
        "--meta",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="set a metadata entry (KEY= removes it); repeatable",
    )
    s.add_argument("--create", action="store_true", help="add the sample if it does not exist")
    s.set_defaults(func=run_set)
    show = sub.add_parser("show", help="print a sample's fields, metadata and values")
    show.add_argument("project", help="project file (.fwproj)")
    show.add_argument("name", help="sample name")
    show.set_defaults(func=run_show)


def controlled_value(key: str, text: str) -> str:
    """The controlled value for ``text`` of a categorical key; ``UserFacingError`` listing
    the choices when it is not understood. Other keys keep the text as typed."""
    from workbench.errors import UserFacingError
    from workbench.vocab import SAMPLE_ATTRIBUTES, normalise_attribute

    if key not in SAMPLE_ATTRIBUTES:
        return text
    value = normalise_attribute(key, text)
    if value is None:
        choices = ", ".join(SAMPLE_ATTRIBUTES[key])
        raise UserFacingError(f"{key} {text!r} is not one of the choices: {choices}")
    return value


def _meta_pairs(items: list[str]) -> list[tuple[str, str | None]]:
    from workbench.errors import UserFacingError

    pairs = []
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UserFacingError(f"--meta {item!r}: expected KEY=VALUE (KEY= removes the key)")
        value = value.strip()
        pairs.append((key, controlled_value(key, value) if value else None))
    return pairs


def run_set(args: argparse.Namespace) -> int:
    from workbench.errors import UserFacingError
    from workbench.project.store import close_project, open_project, save_project

    fields = {f: getattr(args, f) for f in _FIELDS if getattr(args, f) is not None}
    if "feedstock_type" in fields:
        fields["feedstock_type"] = controlled_value("feedstock_type", fields["feedstock_type"])
    meta = _meta_pairs(args.meta)
    if not fields and not meta and not args.rename and not args.create:
        raise UserFacingError("nothing to set: give fields (--feedstock-type ...) or --meta")
    project = open_project(existing_project(args.project), for_writing=True)
    try:
        sample = project.find_sample(args.name)
        if sample is None:
            if not args.create:
                names = ", ".join(s.name for s in project.samples.values()) or "none"
                raise UserFacingError(
                    f"no sample named {args.name!r} (samples: {names}); --create adds it"
                )
            sample = project.add_sample(args.name)
        for field, value in fields.items():
            project.set_sample_field(sample.id, field, value)
        if args.rename:
            project.set_sample_field(sample.id, "name", args.rename.strip())
        for key, value in meta:
            project.set_sample_metadata(sample.id, key, value)
        save_project(project)
        _print_sample(sample)
    finally:
        close_project(project)
    return 0


def run_show(args: argparse.Namespace) -> int:
    from workbench.errors import UserFacingError
    from workbench.project.store import close_project, open_project

    project = open_project(existing_project(args.project), read_only=True)
    try:
        sample = project.find_sample(args.name)
        if sample is None:
            raise UserFacingError(f"no sample named {args.name!r}")
        _print_sample(sample, values=True)
    finally:
        close_project(project)
    return 0


def _print_sample(sample, values: bool = False) -> None:
    out = sys.stdout
    out.write(f"{sample.name}\n")
    for field in ("feedstock_type", "supplier", "origin", "date_received", "notes"):
        value = getattr(sample, field)
        if value:
            out.write(f"  {field}: {value}\n")
    for key, value in sorted(sample.metadata.items()):
        out.write(f"  {key}: {value}\n")
    if not values:
        return
    for owner in [*sample.measurements.values(), *sample.results.values()]:
        qs = getattr(owner, "quantities", None) or getattr(owner, "values", {})
        for pid, q in qs.items():
            basis = f" {q.basis}" if q.basis not in ("", "none") else ""
            method = f"; {q.method or getattr(owner, 'method', '')}".rstrip("; ")
            source = getattr(owner, "source_name", "") or owner.id
            out.write(f"  {pid} = {q.value:g} {q.unit}{basis}{method} ({source})\n")


def run(args: argparse.Namespace) -> int:
    """Dispatch to the action's function (the module interface of ``workbench.cli``)."""
    return args.func(args)
