"""Recognising container and document formats before any instrument reader looks.

A ZIP archive, an Excel workbook, an HDF5 file, a PDF report or a picture is not an
instrument export, but a few of their bytes can look like one (a ZIP's byte 1 is the
``K`` of an SPC file's version). Detection therefore asks "what kind of file is this?"
first, from the magic bytes its format defines, and only then which instrument reader
takes it: workbooks (``.xlsx``) and ZIP archives have readers of their own
(``formats.xlsx``, ``formats.archive``); every other container is refused with a
message that names it and says what to do.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header; an empty archive
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003, Word .doc, ...
HDF5_MAGIC = b"\x89HDF\r\n\x1a\n"


@dataclass(frozen=True)
class Container:
    """A recognised container: its name for people and what the user can do."""

    kind: str  # "zip", "xlsx", "ods", "ole2", "hdf5", "pdf", "image", "gzip", ...
    name: str
    advice: str


_MAGIC: tuple[tuple[bytes, Container], ...] = (
    (OLE2_MAGIC, Container(
        "ole2", "an OLE2 compound file (Excel 97-2003 .xls, or a Word or Outlook file)",
        "save an .xls workbook as .xlsx (Excel: File > Save As) and import that",
    )),
    (HDF5_MAGIC, Container(
        "hdf5", "an HDF5 file (a Fibre Workbench project or another program's data)",
        "open a project with File > Open; export other HDF5 data as text to import it",
    )),
    (b"%PDF-", Container(
        "pdf", "a PDF document",
        "a PDF holds a printed report, not the data: export the data from the "
        "instrument software as text, CSV or Excel and import that",
    )),
    (b"\x89PNG\r\n\x1a\n", Container("image", "a PNG image", "import the data, not a picture")),
    (b"\xff\xd8\xff", Container("image", "a JPEG image", "import the data, not a picture")),
    (b"GIF87a", Container("image", "a GIF image", "import the data, not a picture")),
    (b"GIF89a", Container("image", "a GIF image", "import the data, not a picture")),
    (b"II*\x00", Container("image", "a TIFF image", "import the data, not a picture")),
    (b"MM\x00*", Container("image", "a TIFF image", "import the data, not a picture")),
    (b"\x1f\x8b", Container(
        "gzip", "a gzip-compressed file", "unpack it (for example with 7-Zip) and import its files"
    )),
    (b"7z\xbc\xaf\x27\x1c", Container(
        "7z", "a 7-Zip archive", "unpack it and import its files (ZIP archives are read directly)"
    )),
    (b"Rar!\x1a\x07", Container(
        "rar", "a RAR archive", "unpack it and import its files (ZIP archives are read directly)"
    )),
)  # fmt: skip

ZIP = Container("zip", "a ZIP archive", "")
XLSX = Container("xlsx", "an Excel workbook (.xlsx)", "")
ODS = Container(
    "ods",
    "an OpenDocument spreadsheet (.ods)",
    "save it as .xlsx (LibreOffice: File > Save As, Excel 2007-365) and import that",
)
_ODS_MIME = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
_RIFF_IMAGE = (b"WEBP",)


def recognise(head: bytes) -> Container | None:
    """The container format whose magic bytes ``head`` starts with, or None.

    A ZIP is told apart by its first members (the head holds their local headers):
    an Excel workbook has ``xl/`` parts or ``[Content_Types].xml`` with a workbook, an
    OpenDocument spreadsheet starts with its ``mimetype`` member."""
    if head.startswith(ZIP_MAGIC):
        if _ODS_MIME in head[:120]:
            return ODS
        if b"xl/" in head or (b"[Content_Types].xml" in head and b"workbook" in head):
            return XLSX
        return ZIP
    for magic, container in _MAGIC:
        if head.startswith(magic):
            return container
    if head[:4] == b"RIFF" and head[8:12] in _RIFF_IMAGE:
        return Container("image", "a WebP image", "import the data, not a picture")
    if head[:2] == b"BM" and len(head) > 14 and head[6:10] == b"\0\0\0\0":
        return Container("image", "a BMP image", "import the data, not a picture")
    return None


def is_workbook(raw: bytes) -> bool:
    """True for a ZIP holding an Excel workbook (``xl/workbook.xml``), judged from
    its directory (for a ZIP whose first members did not show it)."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
