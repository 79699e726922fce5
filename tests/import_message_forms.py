"""Every message form the importers write, read from their source (not guessed).

A test of ``workbench.gui.import_texts`` needs the forms the import preview may be
given. A refusal is ``ImportFormatError(path, where, expected, detail)``, shown as
``WHERE: expected EXPECTED (DETAIL)``; its three parts are collected as forms of the
kinds "place", "expected" and "detail". Parts come from more places than the raise
itself: the exceptions whose text becomes a detail (``BadNumber``, ``AsdfError``,
``ValueError`` and its subclasses, quoted with ``str(exc)``), ``_Refused`` (an expected
part and a detail), the helpers that build a refusal from what their caller says
(``_too_large``'s ``what``, ``_need``'s ``what``), what an archive says about a
member it did not read, and why a reader assumed an x unit. Warnings are every text added to a ``warnings`` list
(``append``, ``+=`` of a list, ``warnings=[...]``) and the notes added to one.

Each f-string is rendered as ``tests/project_message_forms.py`` does: ``X1`` for what
it fills in (``'X1'`` where it is quoted with ``!r``), a conditional with its first
branch, ``a or b`` with ``b``, a local variable with its last text assigned before
the use. A part that is only a placeholder passes a text on and is not a form.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from project_message_forms import _functions, _name, _only_placeholders, _Renderer

ROOT = Path(__file__).resolve().parents[1]
IMPORTERS = ROOT / "workbench" / "importers"
# modules whose messages never reach the import preview (exports, template files,
# folder watching and the batch service's own errors are shown elsewhere)
SKIP = {"export_jcamp.py", "template_schema.py"}
# call name -> {argument position: kind}
CALLS: dict[str, dict[int, str]] = {
    "ImportFormatError": {1: "place", 2: "expected", 3: "detail"},
    "UnknownFormatError": {1: "place", 2: "expected", 3: "detail"},
    "_Refused": {1: "expected", 2: "detail"},
    "BadNumber": {1: "detail"},
    "AsdfError": {1: "detail"},
    "ValueError": {0: "detail"},
    "AmbiguousNumber": {0: "detail"},
    "NonFiniteNumber": {0: "detail"},
    "_too_large": {3: "expected"},
    "_need": {4: "expected"},
    "warn": {0: "warning"},  # spectrum_common.check_axes
    "Container": {1: "detail", 2: "detail"},  # a container file's name and advice
}
# why a reader assumed a unit (check_axes quotes it in a warning)
ASSUMED = {"assumed", "x_unit_assumed"}
# functions whose returned texts are messages: a note on the file name, a sheet's refusal
DESCRIBING = {"display_name": "warning", "sheet_message": "detail"}
WARNING_LISTS = {"warnings"}
# what an archive says about a member it did not read (a refusal's detail lists them)
DESCRIBED = {"members"}


@dataclass(frozen=True)
class Form:
    text: str  # the message with placeholders
    where: str  # module:line
    kind: str  # "place", "expected", "detail" or "warning"


def _message_nodes(tree: ast.AST) -> list[tuple[ast.AST, str]]:
    out: list[tuple[ast.AST, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fname = _name(node.func)
            receiver = _name(node.func.value) if isinstance(node.func, ast.Attribute) else ""
            if fname in CALLS:
                for pos, kind in CALLS[fname].items():
                    if pos < len(node.args):
                        out.append((node.args[pos], kind))
            elif fname == "append" and receiver in WARNING_LISTS and node.args:
                out.append((node.args[0], "warning"))
            for kw in node.keywords:
                if kw.arg in WARNING_LISTS and isinstance(kw.value, ast.List):
                    out += [(elt, "warning") for elt in kw.value.elts]
        elif isinstance(node, ast.AugAssign) and _name(node.target) in WARNING_LISTS:
            value = node.value
            if isinstance(value, ast.ListComp):
                out.append((value.elt, "warning"))
            elif isinstance(value, ast.List):
                out += [(elt, "warning") for elt in value.elts]
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and _name(target.value) in DESCRIBED:
                    out.append((node.value, "detail"))
                elif _name(target) in ASSUMED or (
                    isinstance(target, ast.Subscript)
                    and isinstance(target.slice, ast.Constant)
                    and target.slice.value in ASSUMED
                ):
                    out.append((node.value, "warning"))
        elif isinstance(node, ast.FunctionDef) and node.name in DESCRIBING:
            for ret in ast.walk(node):
                if isinstance(ret, ast.Return) and ret.value is not None:
                    values = ret.value.elts if isinstance(ret.value, ast.Tuple) else [ret.value]
                    out += [(v, DESCRIBING[node.name]) for v in values]
    return out


def _module_constants(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level ``NAME = "text"`` (a template such as ``_FINES_NOTE``)."""
    out = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            texts = _Renderer(None).render(node.value, node.lineno)
            if texts != ["X1"]:
                out[node.targets[0].id] = texts
    return out


class _ImportRenderer(_Renderer):
    """Also follows ``CONSTANT.format(name=...)`` of a module-level template, and
    renders arithmetic (``{i + 1}``) as one placeholder."""

    def __init__(self, func: ast.AST | None, constants: dict[str, list[str]]) -> None:
        super().__init__(func)
        self.constants = constants

    def render(self, node: ast.AST, line: int) -> list[str]:
        if (
            isinstance(node, ast.Call)
            and _name(node.func) == "format"
            and isinstance(node.func, ast.Attribute)
            and _name(node.func.value) in self.constants
        ):
            out = []
            for text in self.constants[_name(node.func.value)]:
                for kw in node.keywords:
                    text = text.replace(f"{{{kw.arg}!r}}", "'X1'").replace(f"{{{kw.arg}}}", "X1")
                out.append(text)
            return out
        if isinstance(node, ast.BinOp) and (
            not isinstance(node.op, ast.Add)
            or any(
                isinstance(side, ast.Constant) and not isinstance(side.value, str)
                for side in (node.left, node.right)
            )
        ):
            return ["X1"]  # arithmetic: a number
        return super().render(node, line)


def import_forms() -> list[Form]:
    """Every form the importers (``workbench/importers/**``) write."""
    forms: dict[tuple[str, str], Form] = {}
    for path in sorted(IMPORTERS.rglob("*.py")):
        if path.name in SKIP:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        funcs = _functions(tree)
        constants = _module_constants(tree)
        module = path.relative_to(IMPORTERS).as_posix()
        for node, kind in _message_nodes(tree):
            renderer = _ImportRenderer(funcs.get(node.lineno), constants)
            for text in renderer.render(node, node.lineno):
                if text and not _only_placeholders(text):
                    forms.setdefault((kind, text), Form(text, f"{module}:{node.lineno}", kind))
    return list(forms.values())
