"""A project-wide run stores its plots once; every sample's result still shows them."""

from __future__ import annotations

import numpy as np

from tests.spectral_synth import project_with_spectra
from workbench.analysis.registry import discover
from workbench.analysis.runner import run_plugin
from workbench.gui.analysis_actions import shared_result
from workbench.gui.result_view import ResultView


def test_non_owner_result_shows_the_runs_shared_plots(qtbot):
    rng = np.random.default_rng(2)
    x = np.linspace(1000.0, 2000.0, 80)
    bands = np.vstack([np.exp(-0.5 * ((x - c) / 60.0) ** 2) for c in (1300.0, 1700.0)])
    project = project_with_spectra(x, rng.uniform(0.2, 1.0, size=(5, 2)) @ bands)
    ids = list(project.samples)
    results = run_plugin(
        project,
        "pca",
        ids,
        {"pipeline": "none", "n_components": 2},
        registry=discover(entry_points=False),
    )
    owner, other = results[0], results[3]
    assert owner.plots and not other.plots
    assert shared_result(project, other) is owner
    assert shared_result(project, owner) is None

    view = ResultView()
    qtbot.addWidget(view)
    view.show_result(project.samples[ids[3]], other, "PCA", shared=shared_result(project, other))
    kinds = view.plot_kinds()
    assert len(kinds) == len(owner.plots) and "QLabel" not in kinds
