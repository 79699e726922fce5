"""The sources of route limits as a reader outside the project should see them.

A route file cites its sources as ``[S18] ENplus Germany, ...`` (keys of the reference
list in ``route-requirements.md``), sometimes with notes for maintainers: references to
that document's sections and gaps, or how a secondary copy was read ("Wikipedia copy").
Those notes help whoever maintains the routes, not a company reading its report, so
they are removed here; a criterion with no published source at all is marked as the
workbench's own guidance value (key ``FW``) rather than pointing to a file the reader
does not have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OWN_RULE = "FW"
_CITATION = re.compile(r"\[([A-Za-z]{1,3}\d{1,4}[a-z]?)\]\s*([^\[]*)")
# parenthetical remarks for maintainers: document sections, gaps, review ids, copies
_MAINTAINER_REMARK = re.compile(
    r"\s*\((?=[^()]*(?:\.md\b|\bsection\b|\bgap\b|\bR\d+\b|Wikipedia|\bcopy\b))[^()]*\)",
    re.IGNORECASE,
)
_MAINTAINER_WORDS = re.compile(r"\.md\b|\bgap \d|Wikipedia|\bsection \d", re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    key: str
    text: str


def citations(source: str) -> list[Citation]:
    """The published sources a route criterion cites, cleaned for readers.

    ``[S90] Rynk et al., Table 4.2; [S92] CalRecycle`` gives two citations; a source
    without a key ("ISO 17225-1:2021 Table 4") gives one with an empty key; a source
    that is only a maintainers' note gives the workbench's own rule.
    """
    source = _MAINTAINER_REMARK.sub("", source or "").strip()
    found = []
    for key, body in _CITATION.findall(source):
        body = body.strip().rstrip(";,").strip()
        if _MAINTAINER_WORDS.search(body):
            body = ""
        found.append(Citation(key, body))
    if not found:
        if not source or _MAINTAINER_WORDS.search(source):
            return [Citation(OWN_RULE, "")]
        return [Citation("", source)]
    return found


class SourceIndex:
    """Short keys for the sources a report cites ("S18", or "R1" for a source the route
    file gives without a key), and the list of sources they refer to."""

    def __init__(self) -> None:
        self.entries: dict[str, str] = {}
        self._unkeyed: dict[str, str] = {}

    def keys(self, source: str) -> str:
        """The keys of ``source`` for a table cell ("S90, S92"), remembered for the list."""
        out = []
        for c in citations(source):
            key = c.key or self._unkeyed.setdefault(c.text, f"R{len(self._unkeyed) + 1}")
            if len(c.text) >= len(self.entries.get(key, "")):
                self.entries[key] = c.text
            out.append(key)
        return ", ".join(dict.fromkeys(out))

    def listing(self) -> list[Citation]:
        """One entry per key, in key order (the workbench's own rule last)."""
        return [Citation(k, self.entries[k]) for k in sorted(self.entries, key=_key_order)]


def _key_order(key: str) -> tuple[int, str, int, str]:
    if key == OWN_RULE:
        return (1, "", 0, "")
    m = re.match(r"([A-Za-z]+)(\d+)(.*)", key)
    return (0, m.group(1), int(m.group(2)), m.group(3)) if m else (0, key, 0, "")
