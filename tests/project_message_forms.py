"""Every message form the project core writes, read from its source (not guessed).

A test of ``workbench.gui.project_texts`` needs the forms the window may be given: the
warnings of an open (``warnings.append``, ``self.drop(where, text)``), what a save
would drop (``dropped``/``lost``, quoted in a read-only reason), read-only reasons,
refusals (``ProjectError``, ``Unsafe``, ``Damaged``, ``FileWriteError``), the texts of
``describe`` functions and the expected-phrases of ``Attrs._bad``. Each f-string is
rendered with ``X1`` for what it fills in (``'X1'`` where it is quoted with ``!r``), a
conditional with its first branch, ``a or b`` with ``b``, a local variable with its
last text assigned before the use, a loop variable over a literal tuple with each of
its values. A message that is only a placeholder (``f"{exc}."``) passes another
message on and is not a form of its own.
"""

from __future__ import annotations

import ast
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ROOT / "workbench" / "project"
# the modules whose messages reach the window when a project is opened, saved, locked
# or restored; fileio gives the file kinds, name checks and disk hints they quote
MODULES = (
    "opening", "store", "reader", "safety", "migrate", "versions", "recovery", "lock",
    "oldheaders", "atomic", "state", "writer", "h5fast",
)  # fmt: skip
FILEIO_FUNCTIONS = ("check_name", "describe_os_error", "file_kind")
P = "X1"
RAISED = {"Unsafe", "ProjectError", "ProjectLockedError", "FormatVersionError", "Damaged"}
LISTS = {"warnings", "w", "dropped", "lost"}
DESCRIBING = {"describe", "_dropped_reason", "_open_failure", "describe_link", "curve_problem"}


@dataclass(frozen=True)
class Form:
    text: str  # the message with placeholders
    where: str  # module:line
    kind: str  # "message", "expected" (Attrs._bad), "place" (Reader.extras)


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


class _Renderer:
    def __init__(self, func: ast.AST | None) -> None:
        self.func = func

    def render(self, node: ast.AST, line: int) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.JoinedStr):
            parts = []
            for v in node.values:
                if isinstance(v, ast.FormattedValue):
                    inner = self.render(v.value, line)
                    parts.append([repr(x) if v.conversion == ord("r") else x for x in inner])
                else:
                    parts.append(self.render(v, line))
            return ["".join(p) for p in itertools.islice(itertools.product(*parts), 32)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.render(node.left, line), self.render(node.right, line)
            return [a + b for a, b in itertools.islice(itertools.product(left, right), 32)]
        if isinstance(node, ast.IfExp):
            return self.render(node.body, line)
        if isinstance(node, ast.BoolOp):
            return self.render(node.values[-1], line)
        if isinstance(node, ast.Name):
            return self.variable(node.id, line)
        return [P]

    def variable(self, name: str, line: int) -> list[str]:
        """The texts a local variable holds at ``line``: a loop over a literal tuple
        gives each value; else its last assignment before the line that gives text."""
        if self.func is None:
            return [P]
        best: tuple[int, list[str]] | None = None
        for node in ast.walk(self.func):
            if isinstance(node, ast.For) and node.lineno <= line <= (node.end_lineno or 0):
                values = _loop_values(node, name)
                if values:
                    return values
            if (
                isinstance(node, ast.Assign)
                and node.lineno < line
                and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
            ):
                texts = self.render(node.value, node.lineno)
                if texts not in ([""], [P]) and (best is None or node.lineno > best[0]):
                    best = (node.lineno, texts)
        return best[1] if best else [P]


def _loop_values(loop: ast.For, name: str) -> list[str]:
    """Values ``name`` takes in ``for name, ... in (("a", ...), ("b", ...))``."""
    target = loop.target
    index = None
    if isinstance(target, ast.Name) and target.id == name:
        index = -1
    elif isinstance(target, ast.Tuple):
        for i, elt in enumerate(target.elts):
            if isinstance(elt, ast.Name) and elt.id == name:
                index = i
    if index is None or not isinstance(loop.iter, ast.Tuple | ast.List):
        return []
    out = []
    for item in loop.iter.elts:
        value = item if index == -1 else (item.elts[index] if isinstance(item, ast.Tuple) else None)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            out.append(value.value)
    return out


def _functions(tree: ast.AST) -> dict[int, ast.AST]:
    """The innermost function around each line."""
    out: dict[int, ast.AST] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                inner = out.get(line)
                if inner is None or inner.lineno < node.lineno:
                    out[line] = node
    return out


def _message_nodes(tree: ast.AST) -> list[tuple[ast.AST, str]]:
    """(expression, kind) of every place a message is given."""
    out: list[tuple[ast.AST, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fname = _name(node.func)
            receiver = _name(node.func.value) if isinstance(node.func, ast.Attribute) else ""
            args = node.args
            if fname == "append" and receiver in LISTS and args:
                out.append((args[0], "message"))
            elif len(args) > 1 and (fname == "drop" or (fname == "insert" and receiver in LISTS)):
                out.append((args[1], "message"))
            elif fname in RAISED and args:
                out.append((args[0], "message"))
            elif fname == "Plan" and len(args) > 1:
                out.append((args[1], "message"))
            elif fname == "_bad" and len(args) > 1:
                out.append((args[1], "expected"))
            elif fname == "extras" and len(args) > 2:
                out.append((args[2], "place"))
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if node.value is not None and any(_name(t) == "read_only_reason" for t in targets):
                out.append((node.value, "message"))
    return out


def _only_placeholders(text: str) -> bool:
    return not re.sub(r"'?X1'?|[\s.;:,()]", "", text)


def project_forms() -> list[Form]:
    """Every form the modules of ``MODULES`` (and the quoted parts of ``fileio``) write."""
    forms: dict[str, Form] = {}
    for module in MODULES:
        path = PROJECT / f"{module}.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        funcs = _functions(tree)
        nodes = _message_nodes(tree)
        for node in ast.walk(tree):  # the texts describing functions return
            if isinstance(node, ast.Return) and node.value is not None:
                func = funcs.get(node.lineno)
                if func is not None and func.name in DESCRIBING:
                    nodes.append((node.value, "message"))
        for node, kind in nodes:
            renderer = _Renderer(funcs.get(node.lineno))
            for text in renderer.render(node, node.lineno):
                if text and not _only_placeholders(text):
                    forms.setdefault(text, Form(text, f"{module}:{node.lineno}", kind))
    tree = ast.parse((ROOT / "workbench" / "fileio.py").read_text(encoding="utf-8"))
    for func in ast.walk(tree):
        if isinstance(func, ast.FunctionDef) and func.name in FILEIO_FUNCTIONS:
            renderer = _Renderer(func)
            for node in ast.walk(func):
                if isinstance(node, ast.Call) and _name(node.func) == "FileWriteError":
                    texts = renderer.render(node.args[0], node.lineno)
                elif isinstance(node, ast.Dict | ast.Tuple):  # hints, file kinds
                    values = node.values if isinstance(node, ast.Dict) else node.elts
                    texts = [
                        v.value
                        for v in values
                        if isinstance(v, ast.Constant) and isinstance(v.value, str)
                    ]
                else:
                    continue
                for text in texts:
                    if not _only_placeholders(text):
                        forms.setdefault(text, Form(text, f"fileio:{node.lineno}", "message"))
    return list(forms.values())
