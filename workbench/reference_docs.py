"""Reference text generated from the program itself, so the README cannot drift from it.

Two README sections are generated here: every built-in plugin's parameters with their
types, defaults, ranges and help (from the ``plugin.toml`` manifests), and the
built-in property ids with unit, basis and label (from ``workbench.vocab``). The
README marks each section with ``<!-- generated: NAME -->`` and
``<!-- end generated: NAME -->``; ``tests/test_reference_docs.py`` fails when the
README's text differs from what this module renders, and

    python -m workbench.reference_docs --write README.md

rewrites the sections in place. ``fibre-workbench plugins show ID`` prints the same
parameter table for one plugin (``plugin_text``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from workbench.analysis.manifest import Manifest, ParamSpec


def _fmt(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_fmt(v) for v in value) + "]"
    if value == "":
        return '""'
    return str(value)


def param_range(p: ParamSpec) -> str:
    """Allowed values in words: choices, or min..max."""
    if p.choices:
        return " / ".join(_fmt(c) for c in p.choices)
    if p.min is not None or p.max is not None:
        lo = _fmt(p.min) if p.min is not None else ""
        hi = _fmt(p.max) if p.max is not None else ""
        return f"{lo}..{hi}"
    return ""


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def plugin_markdown(m: Manifest) -> str:
    """One plugin's heading line and parameter table (Markdown)."""
    lines = [f"**`{m.id}`** {m.version}: {m.name_en}", ""]
    if not m.parameters:
        return "\n".join([*lines, "No parameters.", ""])
    lines += [
        "| parameter | type | default | allowed | unit | what it does |",
        "|---|---|---|---|---|---|",
    ]
    for p in m.parameters:
        lines.append(
            f"| `{p.name}` | {p.type} | `{_fmt(p.default)}` | {_cell(param_range(p))} | "
            f"{_cell(p.unit)} | {_cell(p.help_en or p.label_en)} |"
        )
    return "\n".join([*lines, ""])


def builtin_manifests() -> list[Manifest]:
    from workbench.analysis.registry import discover

    registry = discover(entry_points=False, user_dir=Path("/nonexistent-user-plugins"))
    return sorted(
        (r.manifest for r in registry if r.origin == "built-in" and r.manifest is not None),
        key=lambda m: m.id,
    )


def plugin_parameters_section() -> str:
    return "\n".join(plugin_markdown(m) for m in builtin_manifests())


def property_ids_section() -> str:
    from workbench.vocab import BUILTIN_PROPERTY_IDS, PROPERTIES

    lines = [
        f"These {len(BUILTIN_PROPERTY_IDS)} property ids are built in:",
        "",
        "| id | unit | basis | label |",
        "|---|---|---|---|",
    ]
    for pid in sorted(BUILTIN_PROPERTY_IDS):
        d = PROPERTIES[pid]
        basis = d.basis.value if d.basis.value != "none" else ""
        lines.append(f"| `{pid}` | {_cell(d.unit)} | {basis} | {_cell(d.label_en)} |")
    return "\n".join(lines) + "\n"


SECTIONS = {
    "plugin-parameters": plugin_parameters_section,
    "property-ids": property_ids_section,
}


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- generated: {re.escape(name)} [^>]*-->\n)(.*?)(<!-- end generated: {re.escape(name)} -->)",
        re.S,
    )


def sections_in(text: str) -> dict[str, str]:
    """The generated sections' current text in a README."""
    out = {}
    for name in SECTIONS:
        found = _pattern(name).search(text)
        if found:
            out[name] = found.group(2)
    return out


def rewrite(text: str) -> str:
    """``text`` with every generated section rendered anew."""
    for name, render in SECTIONS.items():
        body = render()
        text = _pattern(name).sub(lambda m, body=body: m.group(1) + body + m.group(3), text)
    return text


def plugin_text(m: Manifest, origin: str = "", source: str = "") -> str:
    """``plugins show ID``: the plugin in plain text, parameters with their defaults."""
    lines = [f"{m.id} {m.version}: {m.name_en}"]
    if origin:
        lines.append(f"origin: {origin} ({source})")
    lines.append(
        f"scope: {'all selected samples at once' if m.scope == 'project' else 'each sample'}"
    )
    consumes = [*m.consumes_kinds, *m.consumes_properties]
    lines.append(f"consumes: {', '.join(consumes) or '-'}")
    if m.standard:
        lines.append(f"method: {m.standard}")
    if m.description_en:
        lines.append("")
        lines.append(m.description_en)
    lines.append("")
    if not m.parameters:
        lines.append("No parameters.")
    for p in m.parameters:
        allowed = param_range(p)
        unit = f" {p.unit}" if p.unit else ""
        extra = f", allowed {allowed}" if allowed else ""
        lines.append(f"  {p.name} ({p.type}) = {_fmt(p.default)}{unit}{extra}")
        if p.help_en or p.label_en:
            lines.append(f"      {' '.join((p.help_en or p.label_en).split())}")
    lines.append("")
    lines.append(f"Set with: fibre-workbench analyse PROJECT {m.id} --param NAME=VALUE")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) == 2 and args[0] == "--write":
        path = Path(args[1])
        path.write_text(rewrite(path.read_text(encoding="utf-8")), encoding="utf-8")
        return 0
    for name, render in SECTIONS.items():
        print(f"<!-- {name} -->\n{render()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
