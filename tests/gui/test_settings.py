"""UI settings: recent files are de-duplicated and capped."""

from __future__ import annotations

from workbench.gui.settings import MAX_RECENT, UiSettings


def test_recent_files_deduplicated_and_capped(qapp, tmp_path):
    settings = UiSettings()
    paths = [tmp_path / f"p{i}.fwproj" for i in range(MAX_RECENT + 3)]
    for p in paths:
        settings.add_recent_file(str(p))
    settings.add_recent_file(str(paths[2]))
    settings.add_recent_file(str(tmp_path / "sub" / ".." / "p2.fwproj"))
    recent = settings.recent_files()
    assert len(recent) == MAX_RECENT
    assert recent[0] == str(paths[2].resolve())
    assert len(set(recent)) == len(recent)
    settings.remove_recent_file(str(paths[2]))
    assert str(paths[2].resolve()) not in settings.recent_files()


def test_recent_menu_lists_files(window, tmp_path):
    window.ui_settings.add_recent_file(str(tmp_path / "a.fwproj"))
    window.fill_recent_menu()
    texts = [a.text() for a in window.actions_.recent_menu.actions()]
    assert texts[0] == "&1 a.fwproj"
