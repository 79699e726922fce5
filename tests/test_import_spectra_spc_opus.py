"""SPC and OPUS readers on small files built here with struct (layouts of the
Galactic SPC specification and of the OPUS block directory), including truncated
files that must be refused with a byte offset."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from workbench.errors import ImportFormatError
from workbench.importers.formats.opus import MAGIC
from workbench.importers.registry import detect, parse_bytes


def spc_new(
    ys, *, exp=-128, flags=0, first=1100.0, last=1102.0, xtype=3, ytype=3, xs=None, tsprec=False
):
    """A new-format (0x4B) SPC file with one subfile per entry of ``ys``."""
    multi = len(ys) > 1
    flags |= 0x04 if multi else 0
    flags |= 0x01 if tsprec else 0
    npts = len(ys[0])
    head = bytearray(512)
    struct.pack_into("<BBBbIddIBBBB", head, 0, flags, 0x4B, 0, exp, npts, first, last,
                     len(ys), xtype, ytype, 0, 0)  # fmt: skip
    head[88:100] = b"test comment"
    body = bytearray()
    if flags & 0x80 and not flags & 0x40:
        body += np.asarray(xs, "<f4").tobytes()
    for i, y in enumerate(ys):
        body += struct.pack("<BbHfffIIf4s", 0, exp, i, float(i), 0.0, 0.0, 0, 0, 0.0, b"")
        if exp == -128:
            body += np.asarray(y, "<f4").tobytes()
        elif tsprec:
            body += np.asarray(y, "<i2").tobytes()
        else:
            body += np.asarray(y, "<i4").tobytes()
    return bytes(head + body)


def test_spc_single_float_evenly_spaced_x():
    parsed = parse_bytes(spc_new([[1.5, 2.5, 3.5]]), "a.bin")
    m = parsed.measurements[0]
    assert parsed.format_id == "spc"
    assert m.columns["x"].data.tolist() == [1100, 1101, 1102]
    assert m.columns["y"].data.tolist() == [1.5, 2.5, 3.5]
    assert m.columns["x"].unit == "nm" and m.columns["y"].unit == "Kubelka-Munk"
    assert m.metadata["technique"] == "NIR"


def test_spc_integer_y_scaled_by_exponent():
    # int32 scaled by 2**(exp-32): exp=32 -> factor 1; exp=30 -> factor 1/4
    m = parse_bytes(spc_new([[4, 8, -12]], exp=30), "b").measurements[0]
    assert m.columns["y"].data.tolist() == [1, 2, -3]
    # int16 (TSPREC) scaled by 2**(exp-16)
    m = parse_bytes(spc_new([[4, 8, -12]], exp=17, tsprec=True), "c").measurements[0]
    assert m.columns["y"].data.tolist() == [8, 16, -24]


def test_spc_multifile_with_common_x_array():
    data = spc_new([[1, 2], [3, 4], [5, 6]], flags=0x80, xs=[10.0, 20.0], xtype=1, ytype=2)
    parsed = parse_bytes(data, "m")
    assert len(parsed.measurements) == 3
    assert [m.columns["y"].data.tolist() for m in parsed.measurements] == [[1, 2], [3, 4], [5, 6]]
    assert parsed.measurements[2].columns["x"].data.tolist() == [10, 20]
    assert parsed.measurements[2].columns["x"].unit == "cm⁻¹"
    assert parsed.measurements[2].metadata["z"] == 2.0


def test_spc_xyxy_each_subfile_its_own_x():
    head = bytearray(512)
    struct.pack_into("<BBBbIddIBBBB", head, 0, 0xC4, 0x4B, 0, -128, 0, 0, 0, 2, 9, 0, 0, 0)
    body = bytearray()
    for xs in ([1.0, 2.0, 3.0], [7.0, 8.0]):
        body += struct.pack("<BbHfffIIf4s", 0, -128, 0, 0.0, 0.0, 0.0, len(xs), 0, 0.0, b"")
        body += np.asarray(xs, "<f4").tobytes() + np.asarray(xs, "<f4").tobytes() * 1
    parsed = parse_bytes(bytes(head + body), "xy")
    assert [m.columns["x"].data.tolist() for m in parsed.measurements] == [[1, 2, 3], [7, 8]]
    assert parsed.measurements[0].columns["x"].unit == "m/z"


def test_spc_old_format_words_swapped():
    head = bytearray(256)
    struct.pack_into("<BBhfff BB", head, 0, 0, 0x4D, 32, 3.0, 100.0, 300.0, 13, 0)
    values = [1, -2, 70000]
    body = bytearray()
    for v in values:  # high 16-bit word first, each word little-endian
        u = v & 0xFFFFFFFF
        body += struct.pack("<HH", u >> 16, u & 0xFFFF)
    m = parse_bytes(bytes(head + body), "old").measurements[0]
    assert m.columns["y"].data.tolist() == values
    assert m.columns["x"].data.tolist() == [100, 200, 300]
    assert m.metadata["technique"] == "Raman"


@pytest.mark.parametrize("cut", [100, 512 + 10, 512 + 32 + 5])
def test_truncated_spc_is_refused_with_byte_offset(cut):
    data = spc_new([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])[:cut]
    with pytest.raises(ImportFormatError, match=r"byte 0x[0-9a-f]+"):
        parse_bytes(data, "t.spc", format_id="spc")


def test_spc_msb_refused_specifically():
    data = bytearray(spc_new([[1.0]]))
    data[1] = 0x4C
    with pytest.raises(ImportFormatError, match="0x4C"):
        parse_bytes(bytes(data), "msb.spc", format_id="spc")


def opus_file(blocks):
    """An OPUS file from [(type_int, payload bytes)] with a directory at byte 24."""
    n = len(blocks)
    head = bytearray(MAGIC + struct.pack("<diii", 920622.0, 24, n, n))
    offset = 24 + 12 * n
    directory, payload = bytearray(), bytearray()
    for t, data in blocks:
        directory += struct.pack("<Iii", t, len(data) // 4, offset + len(payload))
        payload += data
    return bytes(head + directory + payload)


def params(**kv):
    out = bytearray()
    for key, val in kv.items():
        if isinstance(val, float):
            out += key.encode() + b"\0" + struct.pack("<hh", 1, 4) + struct.pack("<d", val)
        elif isinstance(val, int):
            out += key.encode() + b"\0" + struct.pack("<hh", 0, 2) + struct.pack("<i", val)
        else:
            raw = val.encode() + b"\0"
            raw += b"\0" * (-len(raw) % 4)
            out += key.encode() + b"\0" + struct.pack("<hh", 2, len(raw) // 2) + raw
    return bytes(out + b"END\0" + b"\0" * 4)


AB, AB_PARAM = 0x100F, 0x101F  # absorbance, ratioed; and its data-status parameters
SCRF, SCRF_PARAM = 0x040B, 0x041B  # single channel, reference
SAMPLE_PARAM = 0x00A0


def test_opus_pairs_each_data_block_with_its_own_parameters():
    ab = np.array([0.1, 0.2, 0.3, 0.4], "<f4")
    rf = np.array([5.0, 6.0], "<f4")
    data = opus_file([
        (SCRF_PARAM, params(NPT=2, FXV=4000.0, LXV=400.0, CSF=2.0, DXU="WN")),
        (AB_PARAM, params(NPT=4, FXV=1000.0, LXV=700.0, CSF=1.0, DXU="WN")),
        (SAMPLE_PARAM, params(SNM="pine bark")),
        (SCRF, rf.tobytes()),
        (AB, ab.tobytes() + b"\0" * 8),  # padded block: NPT decides the length
    ])  # fmt: skip
    assert detect(data, "x.0").format_id == "opus"
    parsed = parse_bytes(data, "x.0")
    names = [m.metadata["opus_block"] for m in parsed.measurements]
    assert names == ["AB", "ScRf"]
    ab_m, rf_m = parsed.measurements
    assert ab_m.columns["x"].data.tolist() == [1000, 900, 800, 700]
    assert ab_m.columns["y"].data == pytest.approx([0.1, 0.2, 0.3, 0.4])
    assert ab_m.columns["y"].unit == "absorbance" and ab_m.columns["x"].unit == "cm⁻¹"
    assert rf_m.columns["y"].data.tolist() == [10.0, 12.0]  # CSF applied
    assert ab_m.sample_name == "pine bark"


def test_opus_only_interferogram_refused_specifically():
    data = opus_file([(0x081B, params(NPT=2, FXV=0.0, LXV=1.0)), (0x080B, b"\0" * 8)])
    with pytest.raises(ImportFormatError, match="IgRf"):
        parse_bytes(data, "ig.0")


def test_opus_truncated_block_refused():
    data = opus_file([(AB_PARAM, params(NPT=4, FXV=1.0, LXV=4.0)), (AB, b"\0" * 16)])
    with pytest.raises(ImportFormatError, match="byte 0x"):
        parse_bytes(data[:-6], "cut.0")
