"""Several calibrations in one project (issue 15's student, properties of the project's
own): in the window at 1366x768, with a calibration shown, the tree keeps room for names
and each result's visible text still says which property it is of (a long result title
squeezed the tree until every result read 'PLS calibration …')."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.spectral_synth import project_with_spectra, synthetic
from workbench import properties as up
from workbench.analysis.registry import discover
from workbench.analysis.runner import run_plugin
from workbench.model import Measurement, Quantity, new_id
from workbench.vocab import PROPERTIES

OWN = {
    "ADF": "Acid detergent fibre",
    "CP": "Crude protein",
    "IVOMD": "In vitro organic matter digestibility",
}


def test_calibrations_read_apart_in_the_tree_beside_their_plots(window, qtbot):
    x, Y, _y, C = synthetic(20, 80, seed=3)
    project = project_with_spectra(x, Y)
    try:
        for pid, label in OWN.items():
            up.add(project, up.make_definition(pid, unit="%", basis="db", label_en=label))
        for i, sample in enumerate(project.samples.values()):
            values = {
                pid: Quantity(20 + 10 * C[i, k % 3] + k, "%", "db") for k, pid in enumerate(OWN)
            }
            m = Measurement(id=new_id("m"), kind="properties", quantities=values)
            project.add_measurement(sample.id, m)
        registry = discover(entry_points=False)
        ids = list(project.samples)
        for pid in OWN:
            params = {"property": pid, "pipeline": "none", "folds": 4, "repeats": 2}
            params["test_samples"] = "S016,S017,S018,S019,S020"
            run_plugin(project, "pls_calibration", ids, params, registry=registry)
        window.resize(1366, 768)
        window.set_project(project)
        sid = ids[1]  # not the sample that stores the shared plots
        rids = list(project.samples[sid].results)
        window.analysis.select_result(sid, rids[-1])  # the longest title
        qtbot.wait(1000)  # the result view and the docks settle their widths
        tree, model = window.tree, window.tree_model
        parent = model.index_of_sample(sid)
        shown = []
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text.startswith("PLS calibration"):
                room = tree.visualRect(index).width() - tree.iconSize().width() - 10
                shown.append(tree.fontMetrics().elidedText(text, tree.textElideMode(), room))
        assert len(shown) == len(OWN)
        assert len(set(shown)) == len(OWN), f"the tree shows {shown} ({tree.width()} px wide)"
        assert tree.width() >= 240, "the result's title took the tree's room"
    finally:
        for pid in OWN:
            PROPERTIES.pop(pid, None)
