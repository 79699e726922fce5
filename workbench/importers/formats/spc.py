"""Thermo Galactic SPC spectra (``.spc``): our own reader (numpy + struct only).

Why our own: ``spc-spectra`` returned no subfile for the shared old-format file,
lost the last subfile of an old multifile and prints to stdout; spectrochempy gave
every XYXY subfile the first subfile's x (instrument-formats.md 1.2).

Layout (Galactic "SPC file format", 1996, LSB word order):
* new format ``fversn 0x4B``: a 512-byte header (``ftflgs, fversn, fexper, fexp,
  fnpts, ffirst, flast, fnsub, fxtype, fytype, fztype, ...``); if ``TXVALS`` (0x80)
  and not ``TXYXYS`` (0x40) one float32 x array of ``fnpts`` follows; then ``fnsub``
  subfiles, each a 32-byte subheader, its own float32 x array when ``TXYXYS``
  (``subnpts`` points; ``fnpts`` is then the offset of a subfile directory), and
  the y values;
* old format ``fversn 0x4D``: a 256-byte header (``oexp`` int16, ``onpts``/``ofirst``/
  ``olast`` float32) whose last 32 bytes are the first subheader; y follow at 256;
* y values: float32 when the exponent is 0x80 (-128); otherwise integers scaled by
  ``2**(exp-32)`` (int32) or ``2**(exp-16)`` (int16 when ``TSPREC`` 0x01). Old-format
  int32 values are stored with their 16-bit words swapped.
x is ``linspace(ffirst, flast, fnpts)`` unless an x array is stored.

Every offset and count is checked against the file size; a truncated or absurd file
raises ImportFormatError naming the byte offset.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, ParsedMeasurement, Reader
from workbench.importers.spectrum_common import (
    WAVENUMBER,
    guarded,
    guess_technique,
    spectrum,
    unit_from_label,
)

TSPREC, TMULTI, TXYXYS, TXVALS, TALABS = 0x01, 0x04, 0x40, 0x80, 0x20
_NEW_HEAD = struct.Struct("<BBBbIddIBBBBI9s9sH32s130s30sIIBBHf48sfIfB187s")
_OLD_HEAD = struct.Struct("<BBhfffBBHBBBB8sHH28s130s30s32s")
_SUB = struct.Struct("<BbHfffIIf4s")
MAX_POINTS = 50_000_000
MAX_SUBFILES = 20_000
"""Each subfile becomes a spectrum with its own metadata (a few KB): 20,000 covers the
multi-spectrum files seen (20 NIR spectra, 512 XYXY subfiles) with room to spare."""

X_TYPES = {
    0: ("", "x"), 1: (WAVENUMBER, "Wavenumber"), 2: ("µm", "Wavelength"),
    3: ("nm", "Wavelength"), 4: ("s", "Time"), 5: ("min", "Time"), 6: ("Hz", "Frequency"),
    7: ("kHz", "Frequency"), 8: ("MHz", "Frequency"), 9: ("m/z", "Mass-to-charge ratio"),
    10: ("ppm", "Chemical shift"), 11: ("d", "Time"), 12: ("a", "Time"),
    13: (WAVENUMBER, "Raman shift"), 14: ("eV", "Energy"), 15: ("", "x"),
    16: ("", "Diode number"), 17: ("", "Channel"), 18: ("°", "Angle"),
    19: ("°F", "Temperature"), 20: ("°C", "Temperature"), 21: ("K", "Temperature"),
    22: ("", "Data point"), 23: ("ms", "Time"), 24: ("µs", "Time"), 25: ("ns", "Time"),
    26: ("GHz", "Frequency"), 27: ("cm", "Length"), 28: ("m", "Length"),
    29: ("mm", "Length"), 30: ("h", "Time"), 255: ("", "Double interferogram"),
}  # fmt: skip
Y_TYPES = {
    0: ("a.u.", "Arbitrary intensity"), 1: ("a.u.", "Interferogram"),
    2: ("absorbance", "Absorbance"), 3: ("Kubelka-Munk", "Kubelka-Munk"),
    4: ("counts", "Counts"), 5: ("V", "Voltage"), 6: ("°", "Angle"), 7: ("mA", "Current"),
    8: ("mm", "Length"), 9: ("mV", "Voltage"), 10: ("log(1/R)", "Log(1/R)"),
    11: ("%", "Percent"), 12: ("a.u.", "Intensity"), 13: ("a.u.", "Relative intensity"),
    14: ("a.u.", "Energy"), 16: ("dB", "Decibel"), 19: ("°F", "Temperature"),
    20: ("°C", "Temperature"), 21: ("K", "Temperature"), 22: ("", "Refractive index"),
    23: ("", "Extinction coefficient"), 24: ("", "Real"), 25: ("", "Imaginary"),
    26: ("", "Complex"), 128: ("transmittance", "Transmittance"),
    129: ("reflectance", "Reflectance"), 130: ("a.u.", "Single beam"),
    131: ("a.u.", "Emission"),
}  # fmt: skip


# fexper codes of the specification that name a technique (4 = FT-IR, FT-NIR or
# FT-Raman: left to the axis)
_EXPERIMENT_HINTS = {5: "NIR", 7: "UV-VIS", 9: "MASS", 10: "NMR", 11: "RAMAN"}


class SpcReader(Reader):
    format_id = "spc"
    format_label = "Thermo Galactic SPC spectrum"
    kinds = ("spectrum",)
    max_bytes = 256 * MiB
    memory_multiple = 8.0

    def sniff(self, head: bytes, name: str) -> float:
        if len(head) < 256:
            return 0.0
        if head[1] == 0x4B and len(head) >= 512:
            h = _NEW_HEAD.unpack_from(head, 0)
            npts, first, last, nsub, xt, yt = h[4], h[5], h[6], h[7], h[8], h[9]
            fexp = h[3]
            plausible = (
                np.isfinite(first) and np.isfinite(last) and nsub < 10_000_000
                and (xt in X_TYPES) and (yt in Y_TYPES or yt < 160)
                and (npts > 0 or head[0] & TXYXYS)
                and (fexp == -128 or -64 <= fexp <= 64)  # float, or a plausible exponent
            )  # fmt: skip
            return 0.9 if plausible else 0.0
        if head[1] == 0x4D:
            o = _OLD_HEAD.unpack_from(head, 0)
            npts = o[3]
            ok = np.isfinite(npts) and 0 < npts < MAX_POINTS and float(npts).is_integer()
            return 0.9 if ok and o[6] in X_TYPES else 0.0
        if head[1] == 0x4C and head[0] & 0x02 == 0:
            return 0.5  # MSB new format: recognised so that parse can refuse it clearly
        return 0.0

    @guarded
    def parse(self, raw: bytes, path: str) -> ParsedFile:
        try:
            if len(raw) >= 2 and raw[1] == 0x4B:
                return _parse_new(raw, path, self)
            if len(raw) >= 2 and raw[1] == 0x4D:
                return _parse_old(raw, path, self)
        except (struct.error, ValueError, OverflowError) as exc:
            raise ImportFormatError(path, "header", "a consistent SPC file", str(exc)) from None
        version = raw[1] if len(raw) > 1 else 0
        raise ImportFormatError(
            path,
            "byte 0x1",
            "SPC version byte 0x4B (new format, LSB) or 0x4D (old format)",
            f"found 0x{version:02X}; MSB-order (0x4C) SPC files are not supported",
        )


def _need(raw: bytes, path: str, pos: int, size: int, what: str) -> None:
    if pos < 0 or size < 0 or pos + size > len(raw):
        raise ImportFormatError(
            path,
            f"byte 0x{pos:x}",
            f"{size} bytes of {what}",
            f"the file ends at byte 0x{len(raw):x}; it is truncated or damaged",
        )


def _cstr(b: bytes) -> str:
    return b.split(b"\0", 1)[0].decode("latin-1").strip()


def _scale(ints: np.ndarray, exp: int, bits: int) -> np.ndarray:
    return ints.astype(np.float64) * (2.0 ** (exp - bits))


def _parse_new(raw: bytes, path: str, reader: Reader) -> ParsedFile:
    _need(raw, path, 0, 512, "SPC header")
    h = _NEW_HEAD.unpack_from(raw, 0)
    flags, fexp, fnpts, ffirst, flast, fnsub = h[0], h[3], h[4], h[5], h[6], h[7]
    fxtype, fytype, fztype, fdate = h[8], h[9], h[10], h[12]
    fsource, fcmnt, fcatxt, flogoff = _cstr(h[14]), _cstr(h[17]), h[18], h[19]
    multi, xyxy, xvals = bool(flags & TMULTI), bool(flags & TXYXYS), bool(flags & TXVALS)
    nsub = fnsub if multi else 1
    if nsub < 1 or nsub * 32 > len(raw):
        raise ImportFormatError(path, "byte 0x18", "a plausible subfile count (fnsub)", str(fnsub))
    if nsub > MAX_SUBFILES:
        raise ImportFormatError(
            path, "byte 0x18", f"at most {MAX_SUBFILES:,} spectra in one SPC file", f"{nsub:,}"
        )
    if not xyxy and not (0 < fnpts <= min(MAX_POINTS, len(raw))):
        raise ImportFormatError(path, "byte 0x4", "a plausible point count (fnpts)", str(fnpts))
    pos = 512
    common_x = None
    if xvals and not xyxy:
        _need(raw, path, pos, 4 * fnpts, "x values")
        common_x = np.frombuffer(raw, "<f4", fnpts, pos).astype(np.float64)
        pos += 4 * fnpts
    elif not xyxy:
        common_x = np.linspace(ffirst, flast, fnpts) if fnpts > 1 else np.array([ffirst])
    directory = _directory(raw, fnpts, nsub) if xyxy else None
    x_unit, x_label = X_TYPES.get(fxtype, ("", "x"))
    y_unit, y_label = Y_TYPES.get(fytype, ("", "y"))
    label_units: dict[str, str] = {}
    if flags & TALABS:
        # custom axis labels: the text is all the file says about a custom axis
        labels = [_cstr(p) for p in fcatxt.split(b"\0")[:3]] + ["", "", ""]
        x_label, y_label = labels[0] or x_label, labels[1] or y_label
        if labels[0] and not x_unit and unit_from_label(labels[0]):
            x_unit = label_units["x_unit_from_label"] = unit_from_label(labels[0])
        if labels[1] and not y_unit and unit_from_label(labels[1]):
            y_unit = label_units["y_unit_from_label"] = unit_from_label(labels[1])
    meta_common = {
        "comment": fcmnt,
        "source_instrument": fsource,
        "date": _packed_date(fdate),
        "x_type": fxtype,
        "y_type": fytype,
        "z_type": fztype,
        "spc_flags": f"0x{flags:02X}",
        **label_units,
        **_log_block(raw, flogoff),
    }
    stem = Path(path).stem
    hint = "RAMAN" if fxtype == 13 else ("NIR" if fytype in (3, 10) else "")
    hint = hint or _EXPERIMENT_HINTS.get(h[2], "")  # fexper: the instrument technique
    out: list[ParsedMeasurement] = []
    for i in range(nsub):
        if directory is not None:
            pos = directory[i]
        _need(raw, path, pos, 32, f"subheader of subfile {i + 1}")
        sub = _SUB.unpack_from(raw, pos)
        subexp, subtime, subnpts = sub[1], sub[3], sub[6]
        pos += 32
        if xyxy:
            if not 0 < subnpts <= MAX_POINTS:
                raise ImportFormatError(
                    path, f"byte 0x{pos - 16:x}", "a plausible subfile point count", str(subnpts)
                )
            npts = subnpts
            _need(raw, path, pos, 4 * npts, f"x values of subfile {i + 1}")
            x = np.frombuffer(raw, "<f4", npts, pos).astype(np.float64)
            pos += 4 * npts
        else:
            npts, x = fnpts, common_x
        exp = subexp if multi else fexp
        if fexp == -128 and exp == 0:
            exp = -128  # files that leave subexp empty when the header says float
        y, pos = _read_y(raw, path, pos, npts, exp, bool(flags & TSPREC), swapped=False, i=i)
        meta = dict(meta_common, subfile=i + 1, z=float(subtime))
        out.append(
            spectrum(
                x, y, x_unit=x_unit, y_unit=y_unit, x_label=x_label, y_label=y_label,
                label=f"{stem} #{i + 1}" if nsub > 1 else (fcmnt or stem),
                instrument=fsource, technique=guess_technique(hint, x_unit, x), metadata=meta,
            )
        )  # fmt: skip
    return ParsedFile(
        path=path, format_id=reader.format_id, format_label=reader.format_label,
        measurements=out, instrument=fsource,
        metadata={"spc_version": "new (0x4B)", "subfiles": nsub, "comment": fcmnt},
    )  # fmt: skip


def _read_y(raw, path, pos, npts, exp, tsprec, swapped, i):
    if exp == -128:
        _need(raw, path, pos, 4 * npts, f"y values of subfile {i + 1}")
        return np.frombuffer(raw, "<f4", npts, pos).astype(np.float64), pos + 4 * npts
    if tsprec:
        _need(raw, path, pos, 2 * npts, f"y values of subfile {i + 1}")
        return _scale(np.frombuffer(raw, "<i2", npts, pos), exp, 16), pos + 2 * npts
    _need(raw, path, pos, 4 * npts, f"y values of subfile {i + 1}")
    if swapped:  # old format: high 16-bit word first
        words = np.frombuffer(raw, "<u2", 2 * npts, pos).reshape(-1, 2)
        ints = ((words[:, 0].astype(np.uint32) << 16) | words[:, 1]).view(np.int32)
    else:
        ints = np.frombuffer(raw, "<i4", npts, pos)
    return _scale(ints, exp, 32), pos + 4 * npts


def _directory(raw: bytes, offset: int, nsub: int) -> list[int] | None:
    """Subfile positions from the XYXY directory, or None when it is absent or invalid."""
    if offset <= 512 or offset + 12 * nsub > len(raw):
        return None
    arr = np.frombuffer(raw, "<i4", 3 * nsub, offset).reshape(-1, 3)
    pos = arr[:, 0]
    if np.any(pos < 512) or np.any(pos + 32 > len(raw)):
        return None
    return [int(p) for p in pos]


def _parse_old(raw: bytes, path: str, reader: Reader) -> ParsedFile:
    _need(raw, path, 0, 256, "old-format SPC header")
    o = _OLD_HEAD.unpack_from(raw, 0)
    flags, oexp, onpts, ofirst, olast, oxtype, oytype = o[0], o[2], o[3], o[4], o[5], o[6], o[7]
    ocmnt = _cstr(o[17])
    if not (np.isfinite(onpts) and 0 < onpts <= min(MAX_POINTS, len(raw))):
        raise ImportFormatError(path, "byte 0x4", "a plausible point count (onpts)", str(onpts))
    npts = int(onpts)
    x = np.linspace(ofirst, olast, npts) if npts > 1 else np.array([float(ofirst)])
    x_unit, x_label = X_TYPES.get(oxtype, ("", "x"))
    y_unit, y_label = Y_TYPES.get(oytype, ("", "y"))
    date = f"{o[8]:04d}-{o[9]:02d}-{o[10]:02d} {o[11]:02d}:{o[12]:02d}"
    stem = Path(path).stem
    tsprec = bool(flags & TSPREC)
    size = npts * (2 if tsprec else 4)
    out: list[ParsedMeasurement] = []
    pos, i = 256, 0
    exp = oexp
    while True:
        if i > 0:
            _need(raw, path, pos, 32, f"subheader of subfile {i + 1}")
            sub = _SUB.unpack_from(raw, pos)
            exp = sub[1] if sub[1] != 0 else oexp
            pos += 32
        y, pos = _read_y(raw, path, pos, npts, -128 if exp == -128 else exp, tsprec, True, i)
        out.append(
            spectrum(
                x, y, x_unit=x_unit, y_unit=y_unit, x_label=x_label, y_label=y_label,
                label=f"{stem} #{i + 1}" if flags & TMULTI else (ocmnt or stem),
                technique=guess_technique("RAMAN" if oxtype == 13 else "", x_unit, x),
                metadata={"comment": ocmnt, "date": date, "subfile": i + 1, "x_type": oxtype,
                          "y_type": oytype, "spc_flags": f"0x{flags:02X}"},
            )
        )  # fmt: skip
        i += 1
        if not flags & TMULTI or len(raw) - pos < 32 + size:
            break
        if i >= MAX_SUBFILES:
            raise ImportFormatError(
                path, f"byte 0x{pos:x}", f"at most {MAX_SUBFILES:,} spectra in one SPC file"
            )
    return ParsedFile(
        path=path, format_id=reader.format_id, format_label=reader.format_label,
        measurements=out, metadata={"spc_version": "old (0x4D)", "subfiles": len(out)},
    )  # fmt: skip


def _packed_date(d: int) -> str:
    if not d:
        return ""
    year, month, day = d >> 20, (d >> 16) & 0xF, (d >> 11) & 0x1F
    hour, minute = (d >> 6) & 0x1F, d & 0x3F
    return f"{year:04d}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}"


def _log_block(raw: bytes, offset: int) -> dict:
    """The 'key=value' lines of the log text block, when the file has one."""
    if offset <= 0 or offset + 64 > len(raw):
        return {}
    sizd, _sizm, txto = struct.unpack_from("<III", raw, offset)
    start, end = offset + txto, min(offset + sizd, len(raw))
    if txto <= 0 or start >= end:
        return {}
    text = raw[start:end].split(b"\0", 1)[0].decode("latin-1")
    log = {}
    for line in text.replace("\r", "\n").split("\n"):
        key, sep, value = line.partition("=")
        if sep and key.strip() and len(log) < 200:
            log[key.strip()[:80]] = value.strip()[:500]
    return {"log": log} if log else {}


READERS = [SpcReader()]
