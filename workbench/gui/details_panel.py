"""The details panel: everything known about the selected sample, measurement or result.

Shows metadata, scalar quantities with unit and basis, the source file (name and
SHA-256) of a measurement, and the full provenance of a derived result (plugin and
version, parameters, inputs, application version, time). All text coming from files
is HTML-escaped before display: project files are untrusted.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from workbench.gui.column_labels import column_label
from workbench.gui.file_facts import file_facts
from workbench.gui.i18n import (
    active_language,
    basis_label,
    feedstock_label,
    kind_label,
    metadata_label,
    metadata_value,
    method_label,
    result_label,
    result_messages,
)
from workbench.gui.numbers import locale_number
from workbench.gui.parameter_text import parameter_rows
from workbench.gui.value_labels import analysis_name, value_label
from workbench.model import Measurement, Project, Quantity, Result, Sample
from workbench.value_flags import flags_text
from workbench.value_labels import INTERNAL_METADATA
from workbench.vocab import PROPERTIES

_KEY_STYLE = "color:#555;padding-right:10px"


def _fmt(value: float) -> str:
    """Four significant digits in the user's locale (decimal comma under fi_FI)."""
    return locale_number(value)


class DetailsPanel(QWidget):
    """Read-only rich-text view of one selected item."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.show_nothing()

    def html(self) -> str:
        return self.browser.toHtml()

    def text(self) -> str:
        return self.browser.toPlainText()

    def show_nothing(self, count: int = 0) -> None:
        if count > 1:
            msg = self.tr("%1 items selected.").replace("%1", str(count))
        else:
            msg = self.tr("Select a sample, measurement or result to see its details.")
        self.browser.setHtml(f"<p style='color:#666'>{escape(msg)}</p>")

    def show_html(self, html: str) -> None:
        """Show ready-made rich text (a verdict's explanation from the matrix)."""
        self.browser.setHtml(html)

    def show_ref(self, project: Project, ref: tuple[str, str, str | None]) -> None:
        kind, sid, cid = ref
        sample = project.samples.get(sid)
        if sample is None:
            self.show_nothing()
            return
        if kind == "sample":
            body = self._sample_html(sample)
        elif kind == "measurement" and cid in sample.measurements:
            body = self._measurement_html(project, sample, sample.measurements[cid])
        elif kind == "result" and cid in sample.results:
            body = self._result_html(sample.results[cid], project)
        else:
            self.show_nothing()
            return
        self.browser.setHtml(body)

    def _input_row(self, ref: dict, project: Project | None) -> tuple[str, str]:
        """What a result used: "Measurement" with its kind and sample (or a result's
        label) when the project still holds it, else the stored reference (it may have
        been deleted since). The kind, not a measurement's own label: that label is
        whatever the instrument file or the user wrote, in any language."""
        kind = str(ref.get("type", ""))
        sid, cid = str(ref.get("sample", "")), str(ref.get("id", ""))
        names = {
            "measurement": self.tr("Measurement"),
            "result": self.tr("Result"),
            "run": self.tr("Run on several samples"),
        }
        if kind == "run":  # one run over several samples: how many, not the run's id
            count = len(ref.get("samples") or [])
            return names["run"], self.tr("%1 samples").replace("%1", str(count))
        sample = project.samples.get(sid) if project is not None else None
        items = {}
        if sample is not None:
            items = sample.measurements if kind == "measurement" else sample.results
        item = items.get(cid)
        if item is None:
            gone = self.tr("no longer in the project")
            return names.get(kind, kind), f"{gone} ({sample.name})" if sample else gone
        label = result_label(item) if kind == "result" else kind_label(item.kind)
        return names.get(kind, kind), f"{label} ({sample.name})"

    # -- html building -------------------------------------------------------------
    @staticmethod
    def _table(rows: list[tuple[str, str]]) -> str:
        cells = "".join(
            f"<tr><td style='{_KEY_STYLE}'>{escape(k)}</td><td>{escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"

    @staticmethod
    def _reference(name: str, ident: str) -> str:
        """The stored identifier in small grey type at the end: a technician quotes it
        (``fibre-workbench`` commands, lab records); nobody has to read it."""
        return (
            f"<p style='color:#888;font-size:small;margin-top:12px'>"
            f"{escape(name)}: {escape(ident)}</p>"
        )

    def _heading(self, text: str, level: int = 3) -> str:
        return f"<h{level} style='margin-bottom:2px'>{escape(text)}</h{level}>"

    def _quantities(self, quantities: list[tuple[str, Quantity]], plugin_id: str = "") -> str:
        """Property | value ± sd with unit | basis, with the method in small grey text.

        ``quantities`` may carry the plugin id of their result as a third item (for the
        names of a plugin's own outputs); ``plugin_id`` is the default."""
        if not quantities:
            return ""
        head = [self.tr("Property"), self.tr("Value"), self.tr("Basis")]
        rows = []
        for entry in quantities:
            pid, q = entry[0], entry[1]
            owner = entry[2] if len(entry) > 2 else plugin_id
            value = _fmt(q.value) + (f" ± {_fmt(q.sd)}" if q.sd is not None else "")
            value += f" {q.unit}" if q.unit else ""
            label = escape(value_label(pid, owner))
            if q.method:
                label += f"<br><span style='color:#777;font-size:small'>{escape(method_label(q.method))}</span>"
            rows.append(
                f"<tr><td style='padding-right:8px'>{label}</td>"
                f"<td style='padding-right:8px' nowrap>{escape(value)}</td>"
                f"<td>{escape(basis_label(q.basis))}</td></tr>"
            )
            if q.flags:  # a prediction outside its calibration range, impossible, ...
                warning = flags_text(q.flags, q.unit, active_language())
                rows.append(
                    f"<tr><td colspan='3' style='color:#a04000'>⚠ {escape(warning)}</td></tr>"
                )
        header = "".join(
            f"<th align='left' style='padding-right:8px'>{escape(h)}</th>" for h in head
        )
        return f"<table cellspacing='0' cellpadding='2'><tr>{header}</tr>{''.join(rows)}</table>"

    def _sample_html(self, sample: Sample) -> str:
        rows = [
            (self.tr("Feedstock type"), feedstock_label(sample.feedstock_type)),
            (self.tr("Supplier"), sample.supplier),
            (self.tr("Origin"), sample.origin),
            (self.tr("Date received"), sample.date_received),
            (self.tr("Notes"), sample.notes),
            (self.tr("Measurements"), str(len(sample.measurements))),
            (self.tr("Results"), str(len(sample.results))),
        ]
        rows += [
            (metadata_label(k), metadata_value(k, v))
            for k, v in sorted(sample.metadata.items())
            if k not in INTERNAL_METADATA
        ]
        parts = [self._heading(sample.name, 2), self._table([r for r in rows if r[1]])]
        measured: list[tuple] = []
        for m in sample.measurements.values():
            measured += list(m.quantities.items())
        for r in sample.results.values():
            project_wide = any(i.get("type") == "run" for i in r.inputs)
            measured += [
                (pid, q, r.plugin_id)
                for pid, q in r.values.items()
                # a project-wide model's figures (its RMSECV) are not the sample's values
                if not project_wide or pid in PROPERTIES
            ]
        if measured:
            parts += [self._heading(self.tr("Values")), self._quantities(measured)]
        parts.append(self._reference(self.tr("Sample reference"), sample.id))
        return "".join(parts)

    def _measurement_html(self, project: Project, sample: Sample, m: Measurement) -> str:
        source = project.sources.get(m.source_sha256)
        rows = [
            (self.tr("Sample"), sample.name),
            (self.tr("Kind"), kind_label(m.kind)),
            (self.tr("Method"), m.method),
            (self.tr("Instrument"), m.instrument),
            (self.tr("Replicate"), str(m.replicate)),
            (self.tr("Basis"), basis_label(m.basis)),
            (self.tr("Points"), str(m.n_points) if m.columns else ""),
            (self.tr("Source file"), source.name if source else m.source_name),
            (self.tr("SHA-256"), m.source_sha256),
            (self.tr("Imported"), m.created),
        ]
        parts = [
            self._heading(m.label or kind_label(m.kind), 2),
            self._table([r for r in rows if r[1]]),
        ]
        if m.columns:
            cols = [
                (
                    column_label(c.label or c.name),
                    f"{c.unit or '–'}, {c.shape[0] if c.shape else 0} " + self.tr("values"),
                )
                for c in m.columns.values()
            ]
            parts += [self._heading(self.tr("Columns")), self._table(cols)]
        if m.quantities:
            parts += [
                self._heading(self.tr("Values")),
                self._quantities(list(m.quantities.items())),
            ]
        stated, reading = file_facts(m.metadata)
        if stated:
            parts += [self._heading(self.tr("Stated in the file")), self._table(stated)]
        if reading:
            parts += [self._heading(self.tr("How the file was read")), self._table(reading)]
        parts.append(self._reference(self.tr("Measurement reference"), m.id))
        return "".join(parts)

    def _result_html(self, r: Result, project: Project | None = None) -> str:
        rows = [
            (self.tr("Analysis"), f"{analysis_name(r.plugin_id)} {r.plugin_version}"),
            (self.tr("Application version"), r.app_version),
            (self.tr("Created"), r.created),
        ]
        parts = [self._heading(result_label(r), 2), self._table(rows)]
        if r.values:
            values = self._quantities(list(r.values.items()), r.plugin_id)
            parts += [self._heading(self.tr("Values")), values]
        if r.messages:
            items = "".join(f"<li>{escape(m)}</li>" for m in result_messages(r.messages))
            parts += [self._heading(self.tr("Messages")), f"<ul>{items}</ul>"]
        prov = parameter_rows(r.plugin_id, r.parameters)
        if prov:
            parts += [self._heading(self.tr("Parameters")), self._table(prov)]
        if r.inputs:
            inputs = [self._input_row(i, project) for i in r.inputs]
            parts += [self._heading(self.tr("Inputs")), self._table(inputs)]
        parts.append(self._reference(self.tr("Result reference"), r.id))
        return "".join(parts)
