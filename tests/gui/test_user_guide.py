"""User guide: bundled pages in English and Finnish, contents, search, links, F1."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl

from workbench.gui import user_guide
from workbench.paths import resources_dir

GUIDE = resources_dir() / "guide"


def test_every_english_page_has_a_finnish_page_with_a_title():
    en = {p.name for p in (GUIDE / "en").glob("*.md")}
    fi = {p.name for p in (GUIDE / "fi").glob("*.md")}
    assert len(en) >= 6
    assert en == fi, f"pages only in one language: {sorted(en ^ fi)}"
    for lang in ("en", "fi"):
        titles = [p.title for p in user_guide.guide_pages(lang)]
        assert all(titles) and len(set(titles)) == len(titles)


def test_guide_covers_each_users_tasks():
    text = " ".join(p.text() for p in user_guide.guide_pages("en")).casefold()
    for topic in (
        "drag",
        "template",
        "watch folder",
        "export",
        "dry basis",
        "verdict",
        "pls",
        "pca",
        "self-assessment",
        "simple mode",
        "report",
        ".fwproj",
        "fibre-workbench self-test",
    ):
        assert topic in text, topic
    fi_text = " ".join(p.text() for p in user_guide.guide_pages("fi")).casefold()
    for word in ("kosteus", "tuhka", "haihtuvat aineet", "kiinteä hiili", "kuiva-aine"):
        assert word in fi_text, word


def test_links_between_pages_point_to_existing_pages():
    for lang in ("en", "fi"):
        names = {p.name for p in user_guide.guide_pages(lang)}
        for page in user_guide.guide_pages(lang):
            for target in re.findall(r"\]\(([^)#:]+\.md)", page.text()):
                assert target in names, f"{lang}/{page.name} links to missing {target}"


def test_viewer_contents_search_and_links(qtbot):
    dialog = user_guide.UserGuideDialog(lang="fi")
    qtbot.addWidget(dialog)
    pages = user_guide.guide_pages("fi")
    assert dialog.contents.count() == len(pages)
    assert dialog.current_page() == pages[0].name
    assert dialog.browser.toPlainText().strip()
    dialog.search.setText("PLS")
    assert 0 < dialog.contents.count() < len(pages)
    dialog.search.setText("")
    last = pages[-1]
    dialog._on_link(QUrl(last.name))
    assert dialog.current_page() == last.name
    assert dialog.contents.currentItem().text() == last.title


def test_f1_opens_the_guide(window):
    action = window.help_actions.user_guide
    assert "F1" in [s.toString() for s in action.shortcuts()]
    action.trigger()
    dialog = window._user_guide
    assert dialog.isVisible() and dialog.contents.count() >= 6
    dialog.close()


def test_menu_paths_in_the_guide_are_the_real_menu_texts():
    """Every bold "Menu > Item" in the guide names texts the interface really shows."""
    import xml.etree.ElementTree as ET

    root = ET.parse(resources_dir() / "translations" / "fibre_workbench_fi.ts").getroot()
    texts = {"en": set(), "fi": set()}
    for msg in root.iter("message"):
        texts["en"].add((msg.findtext("source") or "").replace("&", ""))
        texts["fi"].add((msg.findtext("translation") or "").replace("&", ""))
    problems = []
    checked = 0
    for lang in ("en", "fi"):
        for page in user_guide.guide_pages(lang):
            for bold in re.findall(r"\*\*(.+?)\*\*", page.text(), flags=re.S):
                path = " ".join(bold.split())
                if " > " not in path:
                    continue
                checked += 1
                for part in path.split(" > "):
                    if part.strip() not in texts[lang]:
                        problems.append(f"{lang}/{page.name}: {part!r} in {path!r}")
    assert checked >= 20
    assert not problems, "\n".join(problems)
