"""A plugin's result messages are shown in the interface language.

Built-in plugins store each message in English and Finnish; with Finnish selected the
result view's Messages tab and the details panel show the Finnish text, and a plain
string message (a third-party plugin, an older project) is shown as stored.
"""

from __future__ import annotations

from workbench.analysis import discover, run_plugin
from workbench.gui import i18n
from workbench.model import Result, new_id


def _texts(view) -> list[str]:
    return [view.messages.item(i).text() for i in range(view.messages.count())]


def test_finnish_user_sees_finnish_result_messages(qapp, qtbot, window, demo_project):
    sid = "s-birch-chips"
    (result,) = run_plugin(demo_project, "tga_proximate", sid, registry=discover())
    old = Result(
        id=new_id("r"),
        plugin_id="third_party",
        plugin_version="0.1",
        messages=["Stored before bilingual messages existed."],
    )
    demo_project.add_result(sid, old)
    installed = i18n.install_translators(qapp, "fi")
    try:
        window.doc.set_project(demo_project)
        ctl = window.analysis
        ctl.select_result(sid, result.id)
        qtbot.waitUntil(lambda: window.plot.stack.currentWidget() is ctl.result_view)
        shown = _texts(ctl.result_view)
        finnish = [m["fi"] for m in result.messages]
        assert shown == finnish
        assert any("kuiva-aineessa" in t for t in shown)
        assert not any("dry basis" in t for t in shown)
        details = window.details.text()
        assert finnish[-1] in details and result.messages[-1]["en"] not in details

        ctl.select_result(sid, old.id)
        qtbot.waitUntil(lambda: _texts(ctl.result_view) == list(old.messages))
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install_translators(qapp, "en")
    ctl.select_result(sid, result.id)
    qtbot.waitUntil(lambda: _texts(ctl.result_view) == [m["en"] for m in result.messages])
