"""Bruker OPUS binary spectra (``.0``, ``.1``, ... ``.0000``): our own reader.

Why our own: ``brukeropusreader`` is unmaintained and pairs parameter blocks with
data blocks by position; on the shared ``ftir_ps.0`` it returned a 1124-value
"Report" block as the AB spectrum with the AB parameters (NPT=2126), and on
``background.0`` there is no AB block at all (instrument-formats.md 1.3).

Layout: magic ``0A 0A FE FE``, a float64 version, then at byte 12 the offset of
the directory, at 16 its capacity and at 20 the number of entries. Each 12-byte
entry is (block type int32, size in 4-byte words, byte offset). The block type
packs: bits 0-1 complex part, 2-3 channel (1 sample, 2 reference, 3 ratioed),
4-9 parameter kind (1 = data status parameters, 2 instrument, 3 acquisition,
4 Fourier transform, 6 optics, 10 sample), 10-16 data kind (1 single channel,
2 interferogram, 3 phase, 4 absorbance, 5 transmittance, ...), 17-18 derivative,
19-21 extended (non-zero for reports, history and other non-spectral blocks).

The x axis of a data block is ``linspace(FXV, LXV, NPT)`` from the "data status"
parameter block that has the SAME type bits as the data block except the
parameter kind (= 1): that is the block that really belongs to it. Data are
float32, scaled by CSF. The MNY/MXY stored there are checked against the data.
"""

from __future__ import annotations

import struct

import numpy as np

from workbench.errors import ImportFormatError
from workbench.importers.base import MiB, ParsedFile, ParsedMeasurement, Reader
from workbench.importers.spectrum_common import WAVENUMBER, guarded, guess_technique, spectrum

MAGIC = b"\x0a\x0a\xfe\xfe"
_TYPE_MASK = 0x3FFFFF
_PARAM_MASK = 0x3F << 4
_DATA_NAMES = {
    1: ("Sc", "a.u.", "Single channel"), 2: ("Ig", "a.u.", "Interferogram"),
    3: ("Ph", "rad", "Phase"), 4: ("AB", "absorbance", "Absorbance"),
    5: ("TR", "transmittance", "Transmittance"), 6: ("KM", "Kubelka-Munk", "Kubelka-Munk"),
    10: ("RAM", "a.u.", "Raman intensity"), 11: ("EMI", "a.u.", "Emission"),
    12: ("REFL", "reflectance", "Reflectance"), 15: ("LRF", "log(1/R)", "Log reflectance"),
    16: ("ATR", "a.u.", "ATR"), 17: ("PAS", "a.u.", "Photoacoustic"),
    18: ("TR", "transmittance", "Transmittance"), 19: ("AB", "absorbance", "Absorbance"),
}  # fmt: skip
_IMPORTED = {1, 4, 5, 6, 10, 11, 12, 15, 16, 17, 18, 19}  # spectra, not Ig/phase
_CHANNEL = {1: "Sm", 2: "Rf"}
_CHANNEL_NAMES = {1: "sample", 2: "reference", 3: "ratioed"}
_X_UNITS = {"WN": WAVENUMBER, "MI": "µm", "NM": "nm", "LGW": "log(cm⁻¹)", "MIN": "min",
            "PNT": "", "SEC": "s"}  # fmt: skip


def _bits(t: int) -> dict[str, int]:
    return {
        "complex": t & 3,
        "channel": (t >> 2) & 3,
        "param": (t >> 4) & 0x3F,
        "data": (t >> 10) & 0x7F,
        "deriv": (t >> 17) & 3,
        "ext": (t >> 19) & 7,
    }


def block_name(t: int) -> str:
    """Bruker's short name of a data block: AB, ScSm, ScRf, IgSm, PhRf, ..."""
    b = _bits(t)
    base = _DATA_NAMES.get(b["data"], (f"data{b['data']}", "", ""))[0]
    if b["data"] in (1, 2, 3):
        return base + _CHANNEL.get(b["channel"], "")
    return base


class OpusReader(Reader):
    format_id = "opus"
    format_label = "Bruker OPUS spectrum"
    kinds = ("spectrum",)
    max_bytes = 256 * MiB
    memory_multiple = 8.0

    def sniff(self, head: bytes, name: str) -> float:
        return 0.95 if head[:4] == MAGIC and len(head) >= 24 else 0.0

    @guarded
    def parse(self, raw: bytes, path: str) -> ParsedFile:
        try:
            return _parse(raw, path, self)
        except struct.error as exc:
            raise ImportFormatError(path, "directory", "a complete OPUS file", str(exc)) from None


def _need(raw: bytes, path: str, pos: int, size: int, what: str) -> None:
    if pos < 0 or size < 0 or pos + size > len(raw):
        raise ImportFormatError(
            path,
            f"byte 0x{pos:x}",
            f"{size} bytes of {what}",
            f"the file ends at byte 0x{len(raw):x}; it is truncated or damaged",
        )


def read_params(raw: bytes, path: str, offset: int, words: int) -> dict[str, object]:
    """The key/value records of a parameter block (int32, float64 or text values)."""
    end = offset + 4 * words
    _need(raw, path, offset, 4 * words, "a parameter block")
    out: dict[str, object] = {}
    pos = offset
    while pos + 8 <= end:
        key = raw[pos : pos + 3].decode("latin-1")
        if key.startswith("END") or not key.strip("\0"):
            break
        typ, size = struct.unpack_from("<hh", raw, pos + 4)
        vstart, vend = pos + 8, pos + 8 + 2 * max(size, 0)
        if vend > end:
            raise ImportFormatError(
                path, f"byte 0x{pos:x}", f"parameter {key!r} inside its block", "it runs past it"
            )
        val = raw[vstart:vend]
        if typ == 0 and len(val) >= 4:
            out[key] = struct.unpack_from("<i", val)[0]
        elif typ == 1 and len(val) >= 8:
            out[key] = struct.unpack_from("<d", val)[0]
        else:
            out[key] = val.split(b"\0", 1)[0].decode("cp1252", errors="replace")
        pos = vend
    return out


def _parse(raw: bytes, path: str, reader: Reader) -> ParsedFile:
    if raw[:4] != MAGIC:
        raise ImportFormatError(path, "byte 0x0", "the OPUS magic bytes 0A 0A FE FE")
    _need(raw, path, 0, 24, "OPUS header")
    dir_pos, _capacity, count = struct.unpack_from("<iii", raw, 12)
    if not 0 < count <= 10_000:
        raise ImportFormatError(path, "byte 0x14", "a plausible number of blocks", str(count))
    _need(raw, path, dir_pos, 12 * count, "the block directory")
    entries = [struct.unpack_from("<Iii", raw, dir_pos + 12 * i) for i in range(count)]
    # data-status parameters by (type without the parameter bits, additional type byte)
    params_by_type: dict[tuple[int, int], dict] = {}
    generic: dict[int, list] = {}  # parameter kind -> [(is_reference, params)]
    warnings: list[str] = []
    for t, size, off in entries:
        b = _bits(t & _TYPE_MASK)
        if b["param"] and not b["ext"]:
            try:
                p = read_params(raw, path, off, size)
            except ImportFormatError as exc:
                warnings.append(f"parameter block 0x{t:08X} skipped: {exc.detail or exc.expected}")
                continue
            params_by_type[(t & _TYPE_MASK & ~_PARAM_MASK, t >> 24)] = p
            if b["param"] != 1:  # sample-side blocks win over reference-side ones
                generic.setdefault(b["param"], []).append((b["channel"] == 2, p))
    sample = _pick(generic, 10)
    instrument_params = _pick(generic, 2)
    sample_name = str(sample.get("SNM", "")).strip() or None
    instrument = str(instrument_params.get("INS", "")).strip()
    out: list[ParsedMeasurement] = []
    skipped: list[str] = []
    superseded: list[str] = []
    for t, size, off in _current_blocks(entries, superseded, warnings):
        tt = t & _TYPE_MASK
        b = _bits(tt)
        name = block_name(tt)
        if b["data"] not in _IMPORTED or b["complex"] == 2:
            skipped.append(name)
            continue
        dp = params_by_type.get((tt, t >> 24)) or next(
            (p for (kind, _add), p in reversed(params_by_type.items()) if kind == tt), None
        )
        if dp is None:
            raise ImportFormatError(
                path, f"byte 0x{off:x}", f"a data parameter block belonging to the {name} block"
            )
        out.append(_measurement(raw, path, name, b, size, off, dp, sample_name, instrument,
                                warnings))  # fmt: skip
    out.sort(key=lambda m: m.metadata["opus_block"][:2] in ("Sc",))  # result spectra first
    if out and all(m.metadata["opus_channel"] == "reference" for m in out):
        warnings.append(
            "the file holds only the background (reference) measurement "
            f"({', '.join(m.metadata['opus_block'] for m in out)}), no spectrum of a sample"
        )
        for m in out:
            m.metadata["background_only"] = True
    if not out:
        raise ImportFormatError(
            path,
            "block directory",
            "an absorbance, transmittance or single-channel spectrum block",
            f"only {', '.join(skipped) or 'non-spectral blocks'} found",
        )
    meta = {"opus_blocks": [block_name(t & _TYPE_MASK) for t, _, _ in entries
                            if _bits(t & _TYPE_MASK)["data"] not in (0, 13) and not _bits(t)["param"]],
            "not_imported": skipped}  # fmt: skip
    if superseded:
        meta["superseded_blocks"] = superseded
    for key, label in (("EXP", "experiment"), ("CNM", "operator"), ("SFM", "sample_form")):
        if sample.get(key):
            meta[label] = sample[key]
    return ParsedFile(
        path=path, format_id=reader.format_id, format_label=reader.format_label,
        measurements=out, instrument=instrument, warnings=warnings, metadata=meta,
    )  # fmt: skip


def _current_blocks(entries, superseded: list[str], warnings: list[str]) -> list:
    """The data blocks to read: one per data type and channel.

    OPUS keeps an earlier version of a spectrum in the file when it processes it
    again: a reflectance or absorbance block before atmospheric compensation carries
    the additional type 64 in the directory's top byte, the compensated one 0
    (opusreader2's block map: ``refl_no_atm_comp`` beside ``refl``). The instrument's
    own export and independent readers show the one current spectrum, so of blocks of
    the same type the one with additional type 0 is read, else the last in the file;
    the others are listed in ``superseded`` and in a warning."""
    blocks = []
    for t, size, off in entries:
        b = _bits(t & _TYPE_MASK)
        if b["param"] or b["ext"] or not b["data"] or b["data"] == 13:
            continue
        blocks.append((t, size, off))
    chosen: dict[int, tuple[int, int, int]] = {}
    for entry in blocks:  # later entries replace earlier ones, additional type 0 wins
        kind, add = entry[0] & _TYPE_MASK, entry[0] >> 24
        held = chosen.get(kind)
        if held is None or add == 0 or held[0] >> 24 != 0:
            chosen[kind] = entry
    keep = set(chosen.values())
    for t, _size, off in blocks:
        if (t, _size, off) not in keep:
            name = block_name(t & _TYPE_MASK)
            superseded.append(f"{name} at byte 0x{off:x}")
            warnings.append(
                f"an earlier {name} block (byte 0x{off:x}, before OPUS processed it again) "
                "was left out; the current one is imported"
            )
    return [e for e in blocks if e in keep]


def _pick(generic: dict[int, list], kind: int) -> dict:
    items = sorted(generic.get(kind, []), key=lambda item: item[0])
    return items[0][1] if items else {}


def _measurement(raw, path, name, b, size, off, dp, sample_name, instrument, warnings):
    try:
        npt = int(dp["NPT"])
        fxv, lxv = float(dp["FXV"]), float(dp["LXV"])
    except (KeyError, TypeError, ValueError):
        raise ImportFormatError(
            path, f"byte 0x{off:x}", f"NPT, FXV and LXV in the parameters of {name}"
        ) from None
    if not 0 < npt <= size:
        raise ImportFormatError(
            path,
            f"byte 0x{off:x}",
            f"at most {size} points in block {name}",
            f"its parameters declare NPT={npt}",
        )
    _need(raw, path, off, 4 * npt, f"the {name} data block")
    csf = float(dp.get("CSF", 1.0) or 1.0)
    y = np.frombuffer(raw, "<f4", npt, off).astype(np.float64) * csf
    x = np.linspace(fxv, lxv, npt) if npt > 1 else np.array([fxv])
    mny, mxy = dp.get("MNY"), dp.get("MXY")
    if isinstance(mny, float) and isinstance(mxy, float) and np.isfinite(y).all():
        tol = 1e-4 * max(abs(mxy), abs(mny), 1e-30)
        if abs(y.min() - mny * csf) > tol + 1e-3 * abs(mny) or abs(y.max() - mxy * csf) > (
            tol + 1e-3 * abs(mxy)
        ):
            warnings.append(f"{name}: data range differs from the MNY/MXY of its parameters")
    dxu = str(dp.get("DXU", "")).strip() or "WN"
    x_unit = _X_UNITS.get(dxu, dxu.lower())
    _, y_unit, y_label = _DATA_NAMES[b["data"]]
    meta = {"opus_block": name, "date": str(dp.get("DAT", "")), "time": str(dp.get("TIM", "")),
            "csf": csf, "opus_channel": _CHANNEL_NAMES.get(b["channel"], "")}  # fmt: skip
    if not str(dp.get("DXU", "")).strip():
        meta["x_unit_assumed"] = "the file states no x unit (DXU); OPUS x axes are wavenumbers"
    hint = "RAMAN" if b["data"] == 10 else ""
    return spectrum(
        x, y, x_unit=x_unit, y_unit=y_unit, y_label=y_label,
        label=f"{sample_name or 'OPUS'} {name}", sample_name=sample_name, instrument=instrument,
        technique=guess_technique(hint, x_unit, x), metadata=meta,
    )  # fmt: skip


READERS = [OpusReader()]
