"""Per-particle (per-fibre) lists from fibre analysers: length, width, curl, kinks.

A header row names the columns (English or Finnish: ``Length``/``Pituus``,
``Width``/``Leveys``, ``Curl``/``Kiharuus``/``Käyristymä``, ``Kinks``/``Kinkit``, a
particle number ``Fibre no``/``Kuitu nro`` which is dropped), units in brackets (mm or
µm), any delimiter, decimal point or comma, cp1252 or UTF-8/16, CR/LF/CRLF, optional
``key;value`` lines before the header and trailer text lines after the rows.

Output: one ``fibre_particles`` measurement with columns ``length`` (mm), ``width``
(µm), ``curl`` (%), ``kinks`` (count) and any other numeric column under its own name.

Speed: a million-particle list must parse in about the time of a bare
``numpy.loadtxt``. Only the first 64 KiB are decoded to find the header; the rows are
handed as bytes to ``numtable.parse_block``, which checks them with one vectorised
character test and converts them in bulk, falling back to a cell-by-cell strict parse
only to name the offending line and value.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, ParsedMeasurement, Reader, column
from workbench.importers.fibre_common import length_factor, split_header, summary_property
from workbench.importers.numtable import majority_decimal, parse_region
from workbench.importers.text import decode, letter_rows, sniff_delimiter, split_lines

_ROLES: tuple[tuple[str, str], ...] = (
    (
        r"^(fib(re|er)|particle|kuitu|partikkeli|hiukkanen)?\s*(no\.?|nro|number|id|#|n:o)$|^id$|^#$",
        "id",
    ),
    (r"^(fib(re|er) |particle |kuidun |contour )?(length|pituus)$|^l$", "length"),
    (r"^(fib(re|er) |particle |kuidun )?(width|leveys|diameter)$|^w$", "width"),
    (r"^(curl|curl index|kiharuus|käyristymä)$", "curl"),
    (r"^(kinks?|kinkit|kink count|kinkkien (lkm|lukumäärä)|kinkkejä)$", "kinks"),
)
_ASCII_COMPATIBLE = ("utf-8", "cp1252", "latin-1", "ascii", "cp850", "cp437")


_ROLE_PATTERNS = tuple((re.compile(pattern), role) for pattern, role in _ROLES)


@lru_cache(maxsize=4096)
def particle_role(cell: str) -> tuple[str | None, str, str]:
    """(role, unit, cleaned name) of a per-particle header cell (cached, as
    ``summary_property``)."""
    name, unit = split_header(cell)
    for pattern, role in _ROLE_PATTERNS:
        if pattern.match(name):
            return role, unit, name
    return None, unit, name


def _find_header(lines: list[str]) -> tuple[int, str | None] | None:
    for i in letter_rows(lines[:50]):  # a header names its columns
        line = lines[i]
        delim = sniff_delimiter(lines[i : i + 4])
        cells = line.split(delim) if delim else line.split()
        roles = [particle_role(c)[0] for c in cells]
        if "length" in roles and ("width" in roles or "curl" in roles or "kinks" in roles):
            if any(summary_property(c)[0] in ("fibre_length_ln", "fibre_length_lw") for c in cells):
                return None  # a summary report
            return i, delim
    return None


def _trailer(data: bytes, start: int, max_lines: int = 50) -> tuple[int, list[str]]:
    """End offset of the rows in ``data[start:]`` and the trailer text lines after them
    (lines whose first cell starts with a letter; blank lines are dropped too)."""
    trailer: list[str] = []
    end = len(data)
    for _ in range(max_lines):
        while end > start and data[end - 1 : end] in (b"\r", b"\n", b" ", b"\t"):
            end -= 1
        cut = max(data.rfind(b"\n", start, end), data.rfind(b"\r", start, end))
        last = data[cut + 1 : end]
        if last and re.match(rb"^\s*[^\s0-9+\-.,]", last):
            trailer.insert(0, last.decode("latin-1").strip())
            end = cut + 1
            continue
        break
    return end, trailer


class FibreParticlesReader(Reader):
    format_id = "fibre_particles"
    format_label = "Fibre analyser per-particle list"
    kinds = ("fibre_particles",)
    max_bytes = 128 * MiB
    memory_multiple = 24.0

    def sniff(self, head: bytes, name: str) -> float:
        text, _ = decode(
            head[: len(head) & ~1] if head[:2] in (b"\xff\xfe", b"\xfe\xff") else head, name
        )
        lines = split_lines(text)[:50]
        return 0.85 if _find_header(lines) else 0.0

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        head_text, encoding = decode(raw[:65536], path)
        if encoding not in _ASCII_COMPATIBLE:
            text, encoding = decode(raw, path)
            head_lines = split_lines(text)
        else:
            head_lines = split_lines(head_text)
        found = _find_header(head_lines[:-1] if len(raw) > 65536 else head_lines)
        if not found:
            raise ImportFormatError(
                path, "line 1", "a header with particle length and width/curl/kink columns"
            )
        h, delim = found
        header_cells = [
            c.strip() for c in (head_lines[h].split(delim) if delim else head_lines[h].split())
        ]
        while header_cells and not header_cells[-1]:
            header_cells.pop()
        roles = [particle_role(c) for c in header_cells]
        preamble = {}
        for line in head_lines[:h]:
            cells = [c.strip() for c in (line.split(delim) if delim else line.split()) if c.strip()]
            if len(cells) >= 2:
                preamble[cells[0].rstrip(":")] = " ".join(cells[1:])
        body_enc = encoding if encoding in _ASCII_COMPATIBLE else "utf-8"
        if encoding in _ASCII_COMPATIBLE:
            body, offset = raw, _line_offset(raw, h + 1)
        else:
            body, offset = "\n".join(head_lines[h + 1 :]).encode("utf-8"), 0
        end, trailer = _trailer(body, offset)
        sample_cells = split_lines(body[offset : offset + 8192].decode(body_enc, "replace"))[:-1]
        cells = [c for ln in sample_cells for c in (ln.split(delim) if delim else ln.split())]
        decimal = majority_decimal(cells, delim)
        data = parse_region(body, offset, end, h + 2, delim, decimal, path, header_cells, body_enc)
        if data.shape[0] == 0:
            raise ImportFormatError(path, f"line {h + 2}", "particle rows after the header")
        cols = {}
        for j, (role, unit, name) in enumerate(roles):
            if role == "id":
                continue
            if role in ("length", "width"):
                target = "mm" if role == "length" else "µm"
                factor = length_factor(unit, target)
                if factor is None:
                    raise ImportFormatError(
                        path,
                        f"line {h + 1}",
                        f"a {role} unit of mm or µm",
                        f"found {unit!r} in {header_cells[j]!r}",
                    )
                cols[role] = column(
                    role,
                    target,
                    data[:, j] * factor if factor != 1.0 else data[:, j],
                    label=header_cells[j],
                )
            elif role == "curl":
                cols["curl"] = column("curl", unit or "%", data[:, j], label=header_cells[j])
            elif role == "kinks":
                cols["kinks"] = column("kinks", "", data[:, j], label=header_cells[j])
            else:
                key = re.sub(r"\W+", "_", name).strip("_") or f"column_{j + 1}"
                cols[key] = column(key, unit, data[:, j], label=header_cells[j])
        sample = next(
            (v for k, v in preamble.items() if re.match(r"(sample|näyte)", k, re.I)), None
        )
        meta: dict = {"n_particles": int(data.shape[0]), "decimal_mark": decimal}
        if preamble:
            meta["header"] = preamble
        if trailer:
            meta["trailer"] = trailer
        m = ParsedMeasurement(
            kind="fibre_particles",
            sample_name=sample,
            columns=cols,
            signal="length",
            axes=[],
            label="Per-particle list",
            metadata=meta,
        )
        return ParsedFile(
            path=path,
            format_id=self.format_id,
            format_label=self.format_label,
            measurements=[m],
            encoding=encoding,
        )


def _line_offset(raw: bytes, n_lines: int) -> int:
    """Byte offset just after the first ``n_lines`` lines (CR, LF or CRLF ends)."""
    pos = 0
    for _ in range(n_lines):
        m = re.compile(rb"\r\n|\r|\n").search(raw, pos)
        if not m:
            return len(raw)
        pos = m.end()
    return pos


READERS = [FibreParticlesReader()]
