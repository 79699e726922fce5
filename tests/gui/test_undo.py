"""Undo/redo: every command changes the core model and back, through Project methods."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.gui.sample_table import COLUMNS


def _cell(window, sample_id: str, field: str):
    row = window.table_model.row_of(sample_id)
    return window.table_model.index(row, COLUMNS.index(field))


def test_metadata_edit_undo_redo(window, make_project):
    project = make_project(2, 1)
    window.set_project(project)
    sid = next(iter(project.samples))
    index = _cell(window, sid, "supplier")
    assert window.table_model.setData(index, "Sawmill Oy", Qt.ItemDataRole.EditRole)
    assert project.samples[sid].supplier == "Sawmill Oy"
    assert project.audit[-1].action == "edit sample"
    window.undo_stack.undo()
    assert project.samples[sid].supplier == ""
    window.undo_stack.redo()
    assert project.samples[sid].supplier == "Sawmill Oy"
    assert index.data() == "Sawmill Oy"


def test_feedstock_type_edit_shows_label_and_undoes(window, make_project):
    project = make_project(1, 1)
    window.set_project(project)
    sid = next(iter(project.samples))
    index = _cell(window, sid, "feedstock_type")
    window.table_model.setData(index, "straw", Qt.ItemDataRole.EditRole)
    assert project.samples[sid].feedstock_type == "straw"
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Straw"
    window.actions_.undo.trigger()
    assert project.samples[sid].feedstock_type == "bark"


def test_invalid_date_and_empty_name_are_refused(window, make_project):
    project = make_project(1, 1)
    window.set_project(project)
    sid = next(iter(project.samples))
    assert not window.table_model.setData(_cell(window, sid, "date_received"), "15.1.2026")
    assert not window.table_model.setData(_cell(window, sid, "name"), "  ")
    assert window.table_model.setData(_cell(window, sid, "date_received"), "2026-01-15")
    assert project.samples[sid].date_received == "2026-01-15"
    assert window.undo_stack.count() == 1


def test_free_metadata_command(window, make_project):
    from workbench.gui.commands import SetMetadataCommand

    project = make_project(1, 1)
    window.set_project(project)
    sid = next(iter(project.samples))
    window.undo_stack.push(SetMetadataCommand(window.doc, sid, "batch", "B-17"))
    assert project.samples[sid].metadata == {"batch": "B-17"}
    window.undo_stack.undo()
    assert project.samples[sid].metadata == {}


def test_add_rename_delete_sample_undo(window, make_project):
    project = make_project(2, 1)
    window.set_project(project)
    window.add_sample()
    window.table.closePersistentEditor(window.table.currentIndex())
    assert len(project.samples) == 3
    new_id = list(project.samples)[-1]
    assert window.tree_model.rowCount() == 3

    window.table_model.setData(_cell(window, new_id, "name"), "Pine bark")
    assert project.samples[new_id].name == "Pine bark"

    window.select_sample(new_id)
    window.delete_selected_samples()
    assert new_id not in project.samples
    assert window.tree_model.rowCount() == 2 and window.table_model.rowCount() == 2

    window.undo_stack.undo()  # delete
    assert project.samples[new_id].name == "Pine bark"
    assert window.tree_model.rowCount() == 3
    window.undo_stack.undo()  # rename
    assert project.samples[new_id].name.startswith("Sample")
    window.undo_stack.undo()  # add
    assert new_id not in project.samples and window.table_model.rowCount() == 2
    window.undo_stack.redo()
    assert new_id in project.samples  # same id restored on redo


def test_deleted_sample_keeps_its_measurements(window, make_project):
    project = make_project(2, 3)
    window.set_project(project)
    sid = next(iter(project.samples))
    window.select_sample(sid)
    window.delete_selected_samples()
    window.undo_stack.undo()
    assert len(project.samples[sid].measurements) == 3
    parent = window.tree_model.index_of_sample(sid)
    assert window.tree_model.rowCount(parent) == 3


def test_read_only_project_refuses_edits(window, make_project):
    project = make_project(1, 1)
    project.read_only = True
    window.set_project(project)
    sid = next(iter(project.samples))
    index = _cell(window, sid, "supplier")
    assert not (window.table_model.flags(index) & Qt.ItemFlag.ItemIsEditable)
    assert not window.table_model.setData(index, "x")
    window.add_sample()
    assert len(project.samples) == 1


def test_metadata_dialog_applies_changes_as_one_undo_step(window, make_project, qtbot):
    from workbench.gui.metadata_dialog import CHOICE_KEYS, MetadataDialog, metadata_changes

    assert metadata_changes({"a": "1", "b": "2"}, {"b": "3", "c": "4"}) == [
        ("a", None),
        ("b", "3"),
        ("c", "4"),
    ]
    project = make_project(1, 1)
    window.set_project(project)
    sid = next(iter(project.samples))
    project.samples[sid].metadata = {"batch": "B-1", "drop": "x"}
    dialog = MetadataDialog(window.doc, window.undo_stack, sid, window)
    qtbot.addWidget(dialog)
    first = len(CHOICE_KEYS)  # the routes' answers come first, as choices
    dialog.table.item(first, 1).setText("B-2")  # free rows are sorted: batch, drop
    dialog.table.removeRow(first + 1)
    dialog.add_row("operator", "AK")
    assert dialog.apply() == 3
    assert project.samples[sid].metadata == {"batch": "B-2", "operator": "AK"}
    window.undo_stack.undo()
    assert project.samples[sid].metadata == {"batch": "B-1", "drop": "x"}


def test_metadata_dialog_offers_the_controlled_answers(window, make_project, qtbot):
    from workbench.gui.metadata_dialog import MetadataDialog

    project = make_project(1, 1)
    window.set_project(project)
    sid = next(iter(project.samples))
    project.samples[sid].metadata = {"chemical_treatment": "Untreated", "batch": "B-1"}
    dialog = MetadataDialog(window.doc, window.undo_stack, sid, window)
    qtbot.addWidget(dialog)
    combo = dialog.choices["chemical_treatment"][0]
    assert combo.currentData() == "untreated"  # "Untreated" recognised whatever its case
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "",
        "untreated",
        "chemically_treated",
    ]
    assert dialog.apply() == 0  # nothing changed: the stored spelling is kept
    dialog.choose("attached_soil", "present")
    dialog.choose("chemical_treatment", "chemically_treated")
    assert dialog.apply() == 2
    meta = project.samples[sid].metadata
    assert meta["attached_soil"] == "present" and meta["chemical_treatment"] == "chemically_treated"
    dialog.choose("attached_soil", "")  # not known: nothing stored
    dialog.apply()
    assert "attached_soil" not in project.samples[sid].metadata
