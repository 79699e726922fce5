"""Fibre Workbench for scripts and notebooks: the stable scripting API.

    from workbench import api as fw

    with fw.new_project("lab.fwproj") as project:
        project.import_files(["exports/"])
        project.analyse("moisture_ash")
        table = project.values()          # a pandas DataFrame when pandas is installed
        project.save()

Why ``workbench.api``: the program's import name is ``workbench`` (the distribution is
``fibre-workbench``); this one module is the part of it that scripts may rely on. Its
names, arguments and table columns change only as the command line's do: new things may
be added, nothing is removed or renamed without a major version (``API_VERSION``).
Everything else under ``workbench.*`` is the program's inside and may change.

What it offers, on the same core the command line and the window use:

* ``open_project(path)`` (read-only unless ``edit=True``) and ``new_project(path)``;
* ``project.samples``, ``sample.measurements``, ``sample.results``: plain objects with
  names, kinds, metadata and values (``Quantity``: value, unit, basis, method, origin,
  uncertainty, flags);
* ``measurement.curve()`` / ``result.curve(x, y)``: arrays with their names and units;
* ``project.values()``: every value as one table, one row per value, with unit, basis,
  method, origin, uncertainty, SD, the model that predicted it and the label of the
  result it belongs to ("PLS calibration of Crude protein") and its warning, if any
  (``Quantity.flags`` in plain words: a prediction outside the calibration range,
  physically impossible, or from a spectrum unlike the calibration set); a pandas
  ``DataFrame`` when pandas is installed (the optional extra ``fibre-workbench[pandas]``),
  else a ``ValueTable`` of plain columns (``table["value"]`` is a list);
* ``project.import_files(...)``, ``project.analyse(plugin_id, **params)``,
  ``project.classify()``, ``project.add_property(...)``, ``project.save()``;
* ``svg_plot(...)``: a plot written as SVG by the workbench's own plot writer (the one
  its reports use), so a script can make a figure without matplotlib, which is not a
  dependency; with matplotlib installed, plot the arrays of ``curve()`` as usual.

Errors a user can cause raise ``workbench.errors.UserFacingError`` (and its subclasses)
with the same one-line message the command line prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from workbench import model as _m
from workbench.errors import AnalysisError, UserFacingError
from workbench.value_flags import flags_text

API_VERSION = "1.0"

__all__ = [
    "API_VERSION",
    "VALUE_COLUMNS",
    "Curve",
    "Measurement",
    "Project",
    "Result",
    "Sample",
    "ValueTable",
    "new_project",
    "open_project",
    "svg_plot",
]

VALUE_COLUMNS = (
    "sample",
    "source",  # "measurement" or "result"
    "source_id",
    "kind",  # measurement kind, or the plugin id of a result
    "property",
    "value",
    "unit",
    "basis",
    "method",
    "origin",  # measured, derived, predicted, typed
    "uncertainty",
    "sd",
    "n",
    "model",  # the model that predicted the value (id), else ""
    "label",  # the measurement's or result's label ("PLS calibration of Crude protein")
    "warning",  # the value's flags in plain words ("outside the calibration range: ..."), or ""
)


@dataclass(frozen=True)
class Curve:
    """A curve or spectrum: x and y arrays with their names and units, and every column."""

    x: np.ndarray
    y: np.ndarray
    x_name: str
    x_unit: str
    y_name: str
    y_unit: str
    columns: dict[str, tuple[np.ndarray, str]] = field(default_factory=dict)

    @property
    def x_label(self) -> str:
        return f"{self.x_name} ({self.x_unit})" if self.x_unit else self.x_name

    @property
    def y_label(self) -> str:
        return f"{self.y_name} ({self.y_unit})" if self.y_unit else self.y_name


class ValueTable:
    """Plain columns (lists) by name, for when pandas is not installed.

    ``table["value"]`` is a column, ``table.rows()`` yields dicts, ``len(table)`` counts
    rows, ``table.to_pandas()`` makes a DataFrame when pandas is there.
    """

    def __init__(self, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        self.column_names = list(columns)
        data = list(rows)
        self.columns: dict[str, list[Any]] = {
            name: [row[i] for row in data] for i, name in enumerate(self.column_names)
        }
        self._n = len(data)

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, name: str) -> list[Any]:
        return self.columns[name]

    def rows(self) -> Iterator[dict[str, Any]]:
        for i in range(self._n):
            yield {name: self.columns[name][i] for name in self.column_names}

    def where(self, **equal: Any) -> ValueTable:
        """The rows whose columns equal the given values (``where(property="ash")``)."""
        keep = [r for r in self.rows() if all(r[k] == v for k, v in equal.items())]
        return ValueTable(self.column_names, ([r[c] for c in self.column_names] for r in keep))

    def to_pandas(self) -> Any:
        import pandas as pd

        return pd.DataFrame(self.columns, columns=self.column_names)

    MAX_SHOWN = 40

    def __str__(self) -> str:
        """The rows as aligned text (the first ``MAX_SHOWN``), as a DataFrame prints."""
        shown = min(self._n, self.MAX_SHOWN)
        cells = [list(self.column_names)]
        for i in range(shown):
            cells.append([_cell_text(self.columns[c][i]) for c in self.column_names])
        widths = [max(len(row[j]) for row in cells) for j in range(len(self.column_names))]
        lines = ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
        if self._n > shown:
            lines.append(f"... {self._n - shown} more rows ({self._n} in all)")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"ValueTable({self._n} rows: {', '.join(self.column_names)})\n{self}"


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _table(columns: Sequence[str], rows: list[list[Any]], as_frame: bool | None) -> Any:
    table = ValueTable(columns, rows)
    if as_frame is False:
        return table
    try:
        import pandas  # noqa: F401
    except ImportError:
        if as_frame:
            raise UserFacingError(
                "pandas is not installed; install it (pip install 'fibre-workbench[pandas]') "
                "or ask for plain columns (as_frame=False)."
            ) from None
        return table
    return table.to_pandas()


def _model_of(q: _m.Quantity) -> str:
    words = (q.method or "").split()
    return words[-1] if q.origin == "predicted" and len(words) >= 2 and words[-2] == "model" else ""


def _label(label: Any) -> str:
    from workbench.messages import text_in

    return text_in(label, "en") if label else ""


def _row(
    sample: _m.Sample, source: str, sid: str, kind: str, prop: str, q: _m.Quantity, label: Any
) -> list:
    return [
        sample.name,
        source,
        sid,
        kind,
        prop,
        q.value,
        q.unit,
        q.basis,
        q.method,
        q.origin,
        q.uncertainty,
        q.sd,
        q.n,
        _model_of(q),
        _label(label),
        flags_text(q.flags, q.unit),
    ]


class Measurement:
    """One imported measurement of a sample (read-only: imported data never change)."""

    def __init__(self, core: _m.Measurement) -> None:
        self._m = core

    id = property(lambda self: self._m.id)
    kind = property(lambda self: self._m.kind)
    label = property(lambda self: self._m.label)
    method = property(lambda self: self._m.method)
    instrument = property(lambda self: self._m.instrument)
    source_name = property(lambda self: self._m.source_name)
    source_sha256 = property(lambda self: self._m.source_sha256)

    @property
    def metadata(self) -> dict[str, Any]:
        """What the file stated (sample mass, heating rate, settings), as a copy."""
        return dict(self._m.metadata)

    @property
    def values(self) -> dict[str, _m.Quantity]:
        return dict(self._m.quantities)

    @property
    def column_names(self) -> list[str]:
        return list(self._m.columns)

    def column(self, name: str) -> tuple[np.ndarray, str]:
        """One column's values (a copy) and unit."""
        try:
            col = self._m.columns[name]
        except KeyError:
            raise UserFacingError(
                f"measurement {self.label or self.id} has no column {name!r} "
                f"(columns: {', '.join(self._m.columns) or 'none'})"
            ) from None
        return np.array(col.values(), copy=True), col.unit

    def curve(self) -> Curve:
        """The measurement as a curve: its axis and signal (a spectrum, a TGA run)."""
        if not (self._m.axes and self._m.signal):
            raise UserFacingError(
                f"measurement {self.label or self.id} ({self.kind}) is a table, not a curve; "
                "use column(name)"
            )
        return _curve(self._m.columns, self._m.axes[0], self._m.signal)

    def __repr__(self) -> str:
        return f"Measurement({self.kind}, {self.label or self.id!r})"


def _curve(columns: dict[str, _m.Column], x: str, y: str) -> Curve:
    for name in (x, y):
        if name not in columns:
            raise UserFacingError(f"no column {name!r} (columns: {', '.join(columns)})")
    cx, cy = columns[x], columns[y]
    return Curve(
        x=np.array(cx.values(), copy=True),
        y=np.array(cy.values(), copy=True),
        x_name=cx.label or x,
        x_unit=cx.unit,
        y_name=cy.label if isinstance(cy.label, str) and cy.label else y,
        y_unit=cy.unit,
        columns={n: (np.array(c.values(), copy=True), c.unit) for n, c in columns.items()},
    )


class Result:
    """One derived result of an analysis, with its provenance."""

    def __init__(self, core: _m.Result, project: _m.Project | None = None) -> None:
        self._r = core
        self._project = project

    id = property(lambda self: self._r.id)
    plugin = property(lambda self: self._r.plugin_id)
    plugin_version = property(lambda self: self._r.plugin_version)
    created = property(lambda self: self._r.created)

    @property
    def label(self) -> str:
        """What the result is ("PLS calibration of Crude protein"), in English."""
        return _label(self._r.label)

    @property
    def label_fi(self) -> str:
        from workbench.messages import text_in

        return text_in(self._r.label, "fi") if self._r.label else ""

    @property
    def parameters(self) -> dict[str, Any]:
        return dict(self._r.parameters)

    @property
    def values(self) -> dict[str, _m.Quantity]:
        return dict(self._r.values)

    @property
    def messages(self) -> list[str]:
        from workbench.messages import messages_in

        return messages_in(self._r.messages, "en")

    def _columns(self) -> dict[str, _m.Column]:
        """The result's columns; a project-wide run (PCA, PLS) stores its shared curves
        once, in its first sample's result, which the others point at."""
        from workbench.analysis.runner import shared_result

        owner = shared_result(self._project, self._r) if self._project is not None else None
        return (owner or self._r).columns

    @property
    def column_names(self) -> list[str]:
        return list(self._columns())

    def curve(self, x: str, y: str) -> Curve:
        """Two of the result's columns as a curve (e.g. ``curve("reference", "cv_predicted")``)."""
        columns = self._columns()
        if not columns:
            raise UserFacingError(f"the result {self.label or self.id} has no curves or tables")
        return _curve(columns, x, y)

    def __repr__(self) -> str:
        name = f"{self.label!r}, " if self.label else ""
        return f"Result({name}{self.plugin} {self.plugin_version}, {len(self._r.values)} values)"


class Sample:
    """A physical sample: identity, metadata, measurements and results."""

    def __init__(self, core: _m.Sample, project: _m.Project | None = None) -> None:
        self._s = core
        self._project = project

    id = property(lambda self: self._s.id)
    name = property(lambda self: self._s.name)
    feedstock_type = property(lambda self: self._s.feedstock_type)

    @property
    def metadata(self) -> dict[str, str]:
        return dict(self._s.metadata)

    @property
    def measurements(self) -> list[Measurement]:
        return [Measurement(m) for m in self._s.measurements.values()]

    @property
    def results(self) -> list[Result]:
        return [Result(r, self._project) for r in self._s.results.values()]

    def __repr__(self) -> str:
        return f"Sample({self.name!r})"


class Project:
    """An open project. Use ``open_project`` or ``new_project``; close it (or use
    ``with``) so its lock is released."""

    def __init__(self, core: _m.Project) -> None:
        self._p = core

    # -- life cycle ---------------------------------------------------------------
    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file and release its lock (unsaved changes are not saved)."""
        from workbench.project.store import close_project

        close_project(self._p)

    def save(self, path: str | Path | None = None) -> None:
        """Save atomically; to ``path``: a copy under a new name, which the project then
        is (like Save As; a read-only project can be saved so, as a file of your own)."""
        from workbench.project.store import save_project

        if path is None or Path(path).absolute() == self._p.path:
            self._writable()
        save_project(self._p, path)

    @property
    def path(self) -> Path | None:
        return self._p.path

    @property
    def read_only(self) -> bool:
        return self._p.read_only

    @property
    def warnings(self) -> list[str]:
        return list(self._p.warnings)

    def _writable(self) -> None:
        if not self._p.read_only:
            return
        reason = self._p.held_read_only_reason
        if not reason:  # read-only only because open_project was asked for that
            raise UserFacingError(
                f"{self._p.path} is open read-only (open_project opens read-only unless "
                "edit=True); open it with open_project(path, edit=True) to change it, or "
                "write a copy with save(new_path)."
            )
        raise UserFacingError(f"{self._p.path} is open read-only: {reason}")

    # -- contents -------------------------------------------------------------------
    @property
    def samples(self) -> list[Sample]:
        return [Sample(s, self._p) for s in self._p.samples.values()]

    def sample(self, name: str) -> Sample:
        found = self._p.find_sample(name)
        if found is None:
            names = ", ".join(s.name for s in self._p.samples.values()) or "none"
            raise UserFacingError(f"no sample named {name!r} (samples: {names})")
        return Sample(found, self._p)

    @property
    def models(self) -> list[dict[str, Any]]:
        """Stored models: id, name, kind, property, created and (PLS) performance."""
        return [
            {
                "id": m.id,
                "name": m.name,
                "kind": m.kind,
                "property": m.params.get("property", ""),
                "created": m.created,
                "performance": dict(m.params.get("performance", {})),
            }
            for m in self._p.models.values()
        ]

    def values(
        self,
        *,
        samples: Iterable[str] | None = None,
        properties: Iterable[str] | None = None,
        origin: str | None = None,
        as_frame: bool | None = None,
    ) -> Any:
        """Every value as one table (columns ``VALUE_COLUMNS``), one row per value.

        Filters: sample names, property ids, origin (``"predicted"``, ``"measured"``...).
        A pandas DataFrame when pandas is installed (``as_frame=False``: always a
        ``ValueTable``; ``as_frame=True``: a DataFrame or an error).
        """
        from workbench.export import select_samples

        wanted = set(properties) if properties is not None else None
        rows: list[list[Any]] = []
        for s in select_samples(self._p, samples):
            for m in s.measurements.values():
                for prop, q in m.quantities.items():
                    rows.append(_row(s, "measurement", m.id, m.kind, prop, q, m.label))
            for r in s.results.values():
                for prop, q in r.values.items():
                    rows.append(_row(s, "result", r.id, r.plugin_id, prop, q, r.label))
        keep = [
            r
            for r in rows
            if (wanted is None or r[4] in wanted) and (origin is None or r[9] == origin)
        ]
        return _table(VALUE_COLUMNS, keep, as_frame)

    # -- work -----------------------------------------------------------------------
    def import_files(
        self,
        paths: Iterable[str | Path],
        *,
        sample: str | None = None,
        new_sample: bool = False,
        template: str | None = None,
    ) -> list[dict[str, str]]:
        """Import instrument exports (files or folders; format detected from content).

        Returns one ``{"path", "status", "message"}`` per file; status is ``imported``,
        ``already present`` or ``failed`` (a failed file changes nothing). Save to keep.
        """
        from workbench.importers.service import import_files

        self._writable()
        summary = import_files(
            self._p,
            [str(p) for p in paths],
            sample_name=sample,
            new_sample=new_sample,
            template=template,
        )
        return [
            {"path": str(o.path), "status": o.status, "message": o.message}
            for o in summary.outcomes
        ]

    def analyse(
        self, plugin_id: str, samples: Iterable[str] | None = None, **params: Any
    ) -> list[Result]:
        """Run an analysis plugin (``fibre-workbench plugins show ID`` lists its parameters).

        Without ``samples`` every sample with data the plugin consumes is used. All runs
        are computed first; if one fails, nothing changes and ``AnalysisError`` says why.
        Returns the new results (save the project to keep them).
        """
        from workbench.analysis.registry import get_registry
        from workbench.analysis.runner import (
            PluginRunError,
            commit,
            prepare_run,
            sample_has_inputs,
        )

        self._writable()
        registry = get_registry()
        try:
            plugin = registry.get(plugin_id)
        except KeyError as exc:
            raise AnalysisError(str(exc.args[0])) from None
        manifest = plugin.manifest
        if samples is not None:
            ids = [self.sample(name).id for name in samples]
        else:
            ids = [s.id for s in self._p.samples.values() if sample_has_inputs(s, manifest)]
        if not ids:
            raise AnalysisError(f"no sample has data plugin {plugin_id} consumes")
        groups = [ids] if manifest.scope == "project" else [[i] for i in ids]
        try:
            outcomes = [prepare_run(self._p, plugin, group, params) for group in groups]
        except PluginRunError as exc:  # one line, as the command line says it
            where = f" on {exc.sample}" if exc.sample and manifest.scope != "project" else ""
            raise AnalysisError(f"{plugin_id}{where}: {exc.reason}") from exc
        for outcome in outcomes:
            commit(self._p, outcome)
        return [Result(r, self._p) for o in outcomes for _, r in o.results]

    def classify(
        self,
        *,
        samples: Iterable[str] | None = None,
        routes: Iterable[str] | None = None,
        as_frame: bool | None = None,
    ) -> Any:
        """Suitability verdicts: one row per sample and route (sample, route, verdict,
        score, reasons, missing, conditions), as a DataFrame or ``ValueTable`` like
        ``values``."""
        from workbench.classify.engine import classify_sample
        from workbench.classify.routes import load_routes
        from workbench.export import select_samples

        library = load_routes()
        chosen = [library.get(r) for r in routes] if routes is not None else library.routes
        rows = []
        for s in select_samples(self._p, samples):
            for v in classify_sample(s, chosen, suggestions=False):
                doc = v.to_json()
                rows.append(
                    [
                        v.sample,
                        v.route,
                        v.verdict,
                        v.score,
                        "; ".join(map(str, doc.get("reasons", []))),
                        "; ".join(map(str, doc.get("missing", []))),
                        "; ".join(map(str, doc.get("conditions", []))),
                    ]
                )
        columns = ("sample", "route", "verdict", "score", "reasons", "missing", "conditions")
        return _table(columns, rows, as_frame)

    def add_property(
        self,
        property_id: str,
        *,
        unit: str,
        basis: str = "none",
        label_en: str = "",
        label_fi: str = "",
        description: str = "",
    ) -> None:
        """Define a property of the project's own (stored in the project file)."""
        from workbench import properties as up

        self._writable()
        up.add(
            self._p,
            up.make_definition(
                property_id,
                unit=unit,
                basis=basis,
                label_en=label_en,
                label_fi=label_fi,
                description=description,
            ),
        )

    def properties(self) -> list[dict[str, Any]]:
        """The vocabulary: built-in properties and the project's own."""
        from workbench import properties as up

        return [
            {
                "id": d.id,
                "unit": d.unit,
                "basis": d.basis.value,
                "label_en": d.label_en,
                "label_fi": d.label_fi,
                "origin": "project" if d.user_defined else "built-in",
            }
            for d in up.all_definitions(self._p)
        ]

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "editable"
        return f"Project({str(self.path)!r}, {len(self._p.samples)} samples, {mode})"


def open_project(path: str | Path, *, edit: bool = False) -> Project:
    """Open a project: read-only (the default; others may have it open) or for editing
    (``edit=True``; takes the project's lock, and refuses at once, saying who holds it,
    a project that another program has open or that can only be read)."""
    from workbench.cli._common import existing_project
    from workbench.project.store import open_project as _open

    return Project(_open(existing_project(path), read_only=not edit, for_writing=edit))


def new_project(path: str | Path, *, overwrite: bool = False) -> Project:
    """Create an empty project file and open it for editing."""
    from workbench.cli._common import new_project_target
    from workbench.project.store import close_project, save_project

    target = new_project_target(path, overwrite)
    core = _m.Project()
    core.log("create project", target.name)
    save_project(core, target)
    close_project(core)
    return open_project(target, edit=True)


def svg_plot(
    path: str | Path,
    curves: Iterable[tuple[str, Any, Any]],
    *,
    title: str = "",
    x_label: str = "",
    y_label: str = "",
    reverse_x: bool = False,
    width: int = 640,
    height: int = 320,
) -> Path:
    """Write a line plot as SVG with the workbench's own plot writer (no matplotlib).

    ``curves`` are ``(label, x, y)`` triples; ``reverse_x`` draws x high to low (spectra
    in wavenumbers). Returns the path written.
    """
    from workbench.fileio import atomic_write_bytes
    from workbench.report.svgplot import PlotSpec, Series, render_svg

    spec = PlotSpec(
        title=title,
        x_label=x_label,
        y_label=y_label,
        series=[
            Series(label, np.asarray(x, float), np.asarray(y, float)) for label, x, y in curves
        ],
        reverse_x=reverse_x,
    )
    out = Path(path)
    atomic_write_bytes(out, render_svg(spec, width=width, height=height).encode("utf-8"))
    return out
