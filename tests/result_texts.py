"""Every text of an analysis result that people read, named by where it sits (for the
tests that check Finnish texts)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from workbench.model import Result


def result_texts(result: Result, *, messages: bool = True) -> Iterator[tuple[str, Any]]:
    """(where, text): the label, the messages (unless ``messages`` is False), plot
    titles and axis labels, column labels."""
    yield "label", result.label
    if messages:
        for i, message in enumerate(result.messages):
            yield f"messages[{i}]", message
    for i, plot in enumerate(result.plots):
        for key in ("title", "x_label", "y_label"):
            if key in plot:
                yield f"plots[{i}].{key}", plot[key]
    for name, column in result.columns.items():
        yield f"columns[{name}].label", column.label
