"""ZIP archives of instrument exports: every member read by the reader it fits.

Instrument PCs and colleagues send exports zipped. Rather than "unpack it first", the
archive is read as one file: each member is detected and parsed exactly as if it had
been dropped on its own, its measurements record the member's name
(``metadata["archive_member"]``), and the archive's bytes are what the project keeps
(with their SHA-256), so the provenance is the file the user had. Members no reader
takes are listed in the warnings; the archive is refused only when none can be read.

Archives are untrusted: the directory's declared sizes, member count and compression
ratios are checked before anything is unpacked (``workbook.check_archive``), a member
is unpacked only up to its reader's size limit, and archives inside the archive are
not opened (named in the warnings instead).
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import PurePosixPath

from workbench.errors import ImportFormatError, UnknownFormatError
from workbench.importers.base import MiB, ParsedFile, ParsedMeasurement, Reader
from workbench.importers.containers import ZIP, recognise
from workbench.importers.workbook import check_archive

MAX_MEMBER_BYTES = 256 * MiB
# what unpacking a damaged member raises (bad CRC, broken deflate stream, a method the
# standard library lacks)
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)


class ZipArchiveReader(Reader):
    format_id = "zip"
    format_label = "ZIP archive"
    kinds = ("spectrum", "tga", "moisture", "ash", "fibre_summary", "fibre_particles")
    max_bytes = 256 * MiB
    memory_multiple = 24.0  # of the unpacked members, one at a time

    def sniff(self, head: bytes, name: str) -> float:
        return 0.99 if recognise(head) is ZIP else 0.0

    def parse(self, raw: bytes, path: str) -> ParsedFile:
        from workbench.importers.registry import parse_bytes

        measurements: list[ParsedMeasurement] = []
        warnings: list[str] = []
        members: dict[str, str] = {}
        archive = check_archive(raw, path)
        with archive:
            for info in archive.infolist():
                name = info.filename
                parts = PurePosixPath(name).parts
                if info.is_dir() or any(p.startswith((".", "__MACOSX")) for p in parts):
                    continue
                if info.flag_bits & 0x1:
                    members[name] = "encrypted"
                    warnings.append(f"{name}: encrypted; not read")
                    continue
                if info.file_size > MAX_MEMBER_BYTES:
                    members[name] = "too large"
                    warnings.append(f"{name}: {info.file_size / MiB:.0f} MiB; not read")
                    continue
                try:
                    with archive.open(info) as fh:
                        data = fh.read(MAX_MEMBER_BYTES + 1)  # the directory may understate it
                except _DAMAGED as exc:
                    members[name] = "damaged"
                    warnings.append(f"{name}: cannot be unpacked ({type(exc).__name__}); not read")
                    continue
                if len(data) > MAX_MEMBER_BYTES:
                    members[name] = "too large"
                    warnings.append(f"{name}: larger than {MAX_MEMBER_BYTES // MiB} MiB; not read")
                    continue
                inner = recognise(data[:4096])
                if inner is not None and inner.kind in ("zip", "gzip", "7z", "rar"):
                    members[name] = inner.name
                    warnings.append(f"{name}: {inner.name} inside the archive; not opened")
                    continue
                member_path = f"{path}/{name}"
                try:
                    parsed = parse_bytes(data, member_path)
                except ImportFormatError as exc:
                    reason = (
                        "not an export the workbench reads (no reader recognised it)"
                        if isinstance(exc, UnknownFormatError)
                        else str(exc).removeprefix(member_path + ": ")
                    )
                    members[name] = reason
                    warnings.append(f"{name}: {reason} (not imported)")
                    continue
                members[name] = parsed.format_label
                for pm in parsed.measurements:
                    pm.metadata["archive_member"] = name
                    pm.metadata["member_format"] = parsed.format_id
                    measurements.append(pm)
                warnings += [f"{name}: {w}" for w in parsed.warnings]
        if not measurements:
            raise ImportFormatError(
                path,
                "every member",
                "a ZIP archive holding instrument exports the workbench reads",
                "; ".join(f"{k}: {v}" for k, v in list(members.items())[:4])
                or "the archive is empty",
            )
        formats = list(dict.fromkeys(members[m.metadata["archive_member"]] for m in measurements))
        return ParsedFile(
            path=path,
            format_id=self.format_id,
            format_label=f"{self.format_label}: {', '.join(formats)}",
            measurements=measurements,
            instrument=next((m.instrument for m in measurements if m.instrument), ""),
            encoding="zip",
            warnings=warnings,
            metadata={"members": members},
        )


READERS = [ZipArchiveReader()]
