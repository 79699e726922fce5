"""A bulk classification reuses the value blocks it read last time, and is never stale.

``classify.blockcache`` keeps the attributes read from a project's blocks of values for
the next bulk classification and reuses a block when it holds the very same value
objects. Each test here classifies (filling the cache), changes the project one way
the workbench does (replacing a value, typed values in the window, an import, an
analysis run, undo, ``sample set``, a what-if trial) and checks that the next
classification (a) equals one that reads every value again and (b) shows the change:
a stale cache fails (b) or (a). Blocks of any size are cached here (``MIN_OWNERS`` = 1).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from workbench.classify import blockcache
from workbench.classify.blockcache import BLOCKS
from workbench.classify.engine import classify_bulk
from workbench.classify.routes import load_routes
from workbench.model import Measurement, Project, Quantity

ROUTES = load_routes(include_user=False).routes
PELLETS = [r.id for r in ROUTES].index("pellets_enplus_a1")
LAB = {"moisture": 8.0, "ash": 0.5, "nitrogen": 0.1, "sulfur": 0.02, "chlorine": 0.01}


@pytest.fixture(autouse=True)
def _every_block_cached(monkeypatch):
    monkeypatch.setattr(blockcache, "MIN_OWNERS", 1)
    BLOCKS.clear()
    yield
    BLOCKS.clear()


def _project(n: int = 6, lab: dict | None = None) -> Project:
    p = Project()
    for i in range(n):
        s = p.add_sample(f"Birch chips {i}", feedstock_type="woody")
        s.metadata["chemical_treatment"] = "untreated"
        values = {k: Quantity(v, "%", "ar" if k == "moisture" else "db") for k, v in lab.items()}
        p.add_measurement(s.id, Measurement(id="lab", kind="properties", quantities=values))
    return p


def _codes(p: Project) -> np.ndarray:
    """Every verdict and every criterion's outcome, samples x (routes + criteria)."""
    result = classify_bulk(list(p.samples.values()), ROUTES)
    crits = [ce.code for ev in result.evals for ce in ev.crits]
    return np.column_stack([result.codes(), *crits])


def _fresh(p: Project) -> np.ndarray:
    BLOCKS.clear()
    try:
        return _codes(p)
    finally:
        BLOCKS.clear()


def _classified(p: Project) -> np.ndarray:
    """Classify twice: the second time from the cache (checked), as the window does."""
    first = _codes(p)
    hits = BLOCKS.hits
    again = _codes(p)
    assert BLOCKS.hits > hits, "the unchanged blocks are reused"
    assert np.array_equal(first, again)
    return again


def _changed(p: Project, before: np.ndarray, row: int) -> np.ndarray:
    after = _codes(p)
    assert np.array_equal(after, _fresh(p)), "the cached classification is stale"
    assert not np.array_equal(after[row], before[row]), "the change does not show"
    others = np.arange(len(after)) != row
    assert np.array_equal(after[others], before[others])
    return after


def test_values_cannot_change_in_place():
    q = Quantity(0.5, "%", "db", replicates=[0.4, 0.6], flags=[{"code": "x"}])
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.value = 5.0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        q.replicates.append(9.0)  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        q.flags[0]["code"] = "y"
    assert dataclasses.replace(q, value=5.0).value == 5.0 and q.value == 0.5


def test_a_replaced_value_is_read_again():
    p = _project(lab=LAB)
    before = _classified(p)
    assert before[2, PELLETS] != 3
    sample = list(p.samples.values())[2]
    values = sample.measurements["lab"].quantities
    values["ash"] = dataclasses.replace(values["ash"], value=5.0)  # ash limit 0.7 % db
    assert _changed(p, before, 2)[2, PELLETS] == 3


def test_typed_values_in_the_window_and_their_undo():
    """The wizard adds typed values as a new measurement (AddMeasurementCommand) and
    replaces them by removing and adding (ReplaceTypedValuesCommand)."""
    p = _project(lab=LAB)
    before = _classified(p)
    sid = list(p.samples)[4]
    typed = Measurement(
        id="typed",
        kind="properties",
        quantities={"ash": Quantity(3.0, "%", "db", origin="typed")},
        created="9999-01-01T00:00:00Z",  # the latest value wins
    )
    p.add_measurement(sid, typed)
    after = _changed(p, before, 4)
    assert after[4, PELLETS] == 3
    p.remove_measurement(sid, "typed")  # undo
    assert np.array_equal(_codes(p), before)
    p.remove_measurement(sid, "lab")  # a block one owner shorter
    _changed(p, before, 4)


def test_sample_set_and_edits_of_sample_fields():
    p = _project(lab=LAB)
    before = _classified(p)
    sid = list(p.samples)[1]
    p.set_sample_metadata(sid, "chemical_treatment", "chemically_treated")
    after = _changed(p, before, 1)
    p.set_sample_metadata(sid, "chemical_treatment", "untreated")
    assert np.array_equal(_codes(p), before)
    p.set_sample_field(sid, "feedstock_type", "bark")
    assert not np.array_equal(_changed(p, before, 1), after)


def test_an_import_and_an_analysis_run(tmp_path):
    """Ash from a weighing worksheet (import), derived by the moisture_ash plugin (an
    analysis run); a second worksheet and run replace it."""
    from workbench.analysis.runner import run_plugin
    from workbench.importers.service import import_files

    lab = {k: v for k, v in LAB.items() if k != "ash"}
    p = _project(lab=lab)
    before = _classified(p)
    name = "Birch chips 3"
    sid = p.find_sample(name).id

    def weigh(file: str, ash_g: float) -> None:
        sheet = tmp_path / file
        sheet.write_text(
            "sample,replicate,crucible_g,crucible_plus_dry_sample_g,crucible_plus_ash_g,"
            "temperature_C,moisture_of_analysis_sample_pct\n"
            f"{name},1,18.2000,19.2000,{18.2 + ash_g:.4f},550,0.0\n",
            encoding="utf-8",
        )
        import_files(p, [sheet], sample_name=name)
        run_plugin(p, "moisture_ash", [sid])

    weigh("ash_low.csv", 0.004)  # 0.4 % ash: within the pellet limit
    low = _changed(p, before, 3)
    assert low[3, PELLETS] != 3
    low = _classified(p)
    weigh("ash_high.csv", 0.050)  # a later run on both worksheets: 2.7 +- 3.3 % ash
    _changed(p, low, 3)


def test_a_what_if_trial_leaves_the_project_verdicts_alone():
    p = _project(lab={"moisture": 45.0, "ash": 1.0})
    before = _classified(p)
    result = classify_bulk(list(p.samples.values()), ROUTES)
    chips = [r.id for r in ROUTES].index("wood_chips")
    verdict = result.explain(0, chips, suggestions=True)  # what-if tables of sample 0
    assert verdict.suggestions, "drying is suggested"
    assert np.array_equal(_codes(p), before)
    assert np.array_equal(before, _fresh(p))


def test_only_blocks_of_immutable_values_are_kept():
    class Loose:  # a value-like object that can change in place
        def __init__(self, value: float) -> None:
            self.value, self.unit, self.basis, self.origin = value, "%", "db", "measured"
            self.sd = self.uncertainty = None
            self.replicates, self.flags, self.method = [], [], ""

    p = _project(lab=LAB)
    loose = Loose(0.5)
    for s in p.samples.values():
        s.measurements["lab"].quantities["ash"] = loose
    before = _codes(p)
    loose.value = 5.0
    after = _codes(p)
    assert np.array_equal(after, _fresh(p))
    assert (after[:, PELLETS] == 3).all() and not (before[:, PELLETS] == 3).any()


def test_a_one_sample_table_leaves_the_bulk_blocks_cached(monkeypatch):
    from workbench.classify.engine import classify_sample

    monkeypatch.setattr(blockcache, "MIN_OWNERS", 3)
    p = _project(lab=LAB)
    _codes(p)
    classify_sample(next(iter(p.samples.values())), ROUTES)  # a block of one owner
    hits = BLOCKS.hits
    _codes(p)
    assert BLOCKS.hits == hits + 1


def test_a_classification_running_when_the_cache_is_cleared_keeps_nothing():
    """The window classifies on a worker thread; when the user closes the project
    meanwhile, the window clears the cache, and the gathering that ends afterwards
    must not put the closed project's values back."""
    p = _project(lab=LAB)
    running = BLOCKS.gathering()  # begun before the project was let go
    for s in p.samples.values():
        running.attrs([s.measurements["lab"].quantities["ash"]] * 3, 3, 1, "db", ("ash",))
    BLOCKS.clear()
    running.done()
    assert len(BLOCKS) == 0
    _codes(p)  # a classification begun after the clear is kept as before
    assert len(BLOCKS) > 0
