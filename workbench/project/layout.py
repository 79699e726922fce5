"""The HDF5 layout of a Fibre Workbench project file (format version 2).

One ``.fwproj`` file per project; any HDF5 tool (h5dump, h5ls, silx view, h5web)
reads it. Text is stored as UTF-8 strings; structured values (quantities, parameters,
metadata) as JSON strings in attributes. No pickle, no object or compound dtypes.

Each object's own fields (what only this application reads) are one JSON attribute,
``info`` (``provenance`` for a result); the NeXus attributes generic viewers use
(``NX_class``, ``signal``, ``axes``, ``units``, ``long_name``) stay attributes of their
own::

    /                                   root attributes:
        format          "fibre-workbench-project"
        format_version  2 (integer)
        app_version     version of the application that wrote the file
        created, modified   ISO 8601 UTC times
    /samples            attr order: JSON list of sample ids (display order)
      /<sample_id>      NX_class "NXentry"; info (JSON: name, feedstock_type, supplier,
                        origin, date_received, notes, metadata {}, labels {}; all but
                        name and feedstock_type are left out when empty)
        /measurements   attr order (JSON list of measurement ids; left out for one)
          /<measurement_id>   info (JSON: kind; quantities {property: quantity}, left
                        out when empty; label, method, instrument, replicate, basis,
                        source_sha256, source_name, source_format, created, metadata,
                        columns = [{name, unit, label}] in order; signal/axes for tables)
                        curve/spectrum: NX_class "NXdata", signal, axes (string array)
                        table: no NX_class (a group of equal-length columns)
            /<column>   1-D numeric (or UTF-8 text) dataset named after the column;
                        attrs units, long_name (label and unit; the label alone
                        is in the parent's columns index; older files also have
                        fw_label, which is still read where the index lacks one)
        /results        attr order (left out for one; the group is left out when the
                        sample has no results)
          /<result_id>  provenance (JSON: plugin_id, plugin_version, values {property:
                        quantity}, parameters, inputs, app_version, created, label,
                        plots, messages, columns as above); NX_class "NXdata" with
                        signal/axes (and auxiliary_signals) when the result has a plot
            /<column>   as for measurements
    /sources            attr order
      /<sha256>         uint8 dataset: the original bytes of an imported file;
                        info (JSON: name (base name only), imported, format)
    /models             attr order
      /<model_id>       info (JSON: kind, name, params, provenance, created, arrays)
        /<array>        numeric dataset (up to 3-D) named after the array
    /audit              append-only log: four equal-length UTF-8 string datasets
                        time, user, action, detail
    /settings           attr json: the project settings as a JSON object; its key
                        "properties" (added in 0.1, optional: older files have none
                        and read as before) holds the project's user-defined
                        properties, {id: {unit, basis, label_en, label_fi,
                        description}} (``workbench.properties``)

Format version 1 had the same tree with an attribute per field: a sample's name,
feedstock_type, supplier, origin, date_received, notes, metadata, labels; a
measurement's kind, quantities (and fw_type "table"); a result's plugin_id,
plugin_version, values; a source's name, imported, format (earlier files also sha256
and size); a model's kind and name; the rest in info/provenance as above. It is read
as it is (``reader.Reader.own``) and the next save writes version 2 (``versions``
tells the two apart by a sample's attributes). Why version 2: each HDF5 attribute
costs about as much to write as a small dataset, and a 1,000-sample project had
45,000 of them; one JSON attribute per object instead of up to eight took 15,000 away
(about 12 % of a save).

Attributes another program added to any object above (a LIMS reference on the root, a
sample, ``/samples``, a sample's ``measurements`` group, a column, ``/audit/time``,
``/index``...) are kept when their name is not one a format version uses on that kind
of object (``safety.OWN_ATTRIBUTES``: ``kind`` on a column is another program's): read
on opening (a column's or model array's when it is saved, or when its data are taken
into memory) and written back unchanged, same value, data type and shape
(``safety.foreign_attrs``); the index then says how many there are
(``kept_attributes``) and such a file is opened by the walk, which reads them.

Few attributes per object on purpose: each HDF5 attribute costs a metadata operation,
and a 1,000-sample project has tens of thousands of objects, so fields that only this
application needs travel together in one JSON attribute (still readable in h5dump).
Column units and labels are written twice: as ``units``/``long_name`` on each dataset
for generic viewers, and in the parent's ``columns`` index, which the reader uses so
that opening reads no per-column attributes.

A quantity is ``{"value", "unit", "basis", "sd"?, "n"?, "uncertainty"?, "method"?,
"origin", "replicates"?}`` (``workbench.model.Quantity.to_json``); a missing value is
written as JSON ``NaN`` (as Python's and JavaScript's JSON readers accept). Dataset names are
the column names with ``%`` and ``/`` percent-encoded (reversibly: ``decode_name``).
Arrays above ``CHUNK_THRESHOLD`` elements are chunked and gzip-compressed (level 1).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import h5py

from workbench.project import h5fast
from workbench.project.h5fast import Node

FORMAT_ATTR = "format"
VERSION_ATTR = "format_version"
CHUNK_THRESHOLD = 16384  # elements; smaller arrays are stored contiguous, uncompressed
# gzip level 1: a 1M-particle import saves in 1.3 s instead of 2.1 s (level 4), 9 % larger
GZIP_LEVEL = 1
STR_DTYPE = h5fast.STR_DTYPE
NO_AXIS = "."  # NeXus: a dimension without an axis (a table's signal without x)


SAMPLE_FIELDS = ("name", "feedstock_type", "supplier", "origin", "date_received", "notes")
SAMPLE_FIELDS_ALWAYS = ("name", "feedstock_type")  # the others are left out when empty
MEASUREMENT_INFO = (
    "label",
    "method",
    "instrument",
    "replicate",
    "basis",
    "source_sha256",
    "source_name",
    "source_format",
    "created",
    "metadata",
)
RESULT_INFO = (
    "parameters",
    "inputs",
    "app_version",
    "created",
    "label",
    "plots",
    "messages",
)


@lru_cache(maxsize=4096)  # column names repeat in every measurement
def encode_name(name: str) -> str:
    """An HDF5-safe link name for a column or array name (reversible)."""
    out = name.replace("%", "%25").replace("/", "%2F")
    if out in ("", ".", ".."):
        out = "%2E" * len(out) if out else "%00"
    return out


@lru_cache(maxsize=4096)
def decode_name(link: str) -> str:
    if link == "%00":
        return ""
    return link.replace("%2E", ".").replace("%2F", "/").replace("%25", "%")


def dumps(value: Any) -> str:
    """JSON text for an attribute (compact, UTF-8)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# Attributes are written through h5py's low-level API (``h5fast``): several times
# faster than ``obj.attrs.create``, and a project has tens of thousands of attributes.
set_str = h5fast.set_str
set_int = h5fast.set_int
set_str_array = h5fast.set_str_array


def set_json(obj: h5py.HLObject | Node, name: str, value: Any) -> None:
    set_str(obj, name, dumps(value))


def dataset_options(size: int) -> dict[str, Any]:
    """Chunking and compression only for big arrays (standard gzip every tool reads)."""
    if size > CHUNK_THRESHOLD:
        return {"chunks": True, "compression": "gzip", "compression_opts": GZIP_LEVEL}
    return {}
