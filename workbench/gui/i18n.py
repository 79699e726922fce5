"""Language choice, Qt translators and labels from the core vocabulary.

The GUI's own strings go through ``tr()``; their Finnish catalogue is
``resources/translations/fibre_workbench_fi.qm`` (compiled from the ``.ts`` beside it).
The core vocabulary (feedstock types, bases, properties) carries its English and
Finnish labels itself, so the helpers below pick the label for the active language.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from workbench.messages import messages_in, method_text, text_in
from workbench.paths import resources_dir
from workbench.vocab import BASIS_LABELS, FEEDSTOCK_LABELS, PROPERTIES, Basis, FeedstockType

LANGUAGES = ("en", "fi")
CATALOGUE = "fibre_workbench"
_active_language = "en"


_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, *parts: object) -> str:
    """``template`` with ``%1``, ``%2`` ... replaced by ``parts`` in one pass.

    Replacing one placeholder after another rewrites a part that itself holds ``%2``
    (a file named ``birch%20chips.fwproj``); each placeholder of the template is read
    once here, and what a part holds is never read again. A placeholder with no part
    stays as it is."""

    def part(m: re.Match[str]) -> str:
        i = int(m.group(1))
        return str(parts[i - 1]) if 1 <= i <= len(parts) else m.group(0)

    return _PLACEHOLDER.sub(part, template)


def translations_dir():
    """Folder with the ``.ts`` sources and compiled ``.qm`` catalogues."""
    return resources_dir() / "translations"


def chosen_language(settings: QSettings | None = None) -> str:
    """The language from the settings ("" means the system locale), resolved to en or fi."""
    settings = settings or QSettings()
    value = str(settings.value("ui/language", "") or "")
    if value not in LANGUAGES:
        value = QLocale.system().name().split("_")[0]
    return value if value in LANGUAGES else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the workbench and Qt base catalogues for ``language``; English needs none.

    Returns the installed translators (the caller keeps them alive). A missing catalogue
    falls back to English silently: the strings in the code are English.
    """
    global _active_language
    _active_language = language if language in LANGUAGES else "en"
    apply_number_locale(_active_language)
    installed: list[QTranslator] = []
    if _active_language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(f"{CATALOGUE}_{_active_language}", str(translations_dir())):
        app.installTranslator(ours)
        installed.append(ours)
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{_active_language}", qt_dir):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    return installed


def apply_number_locale(language: str) -> None:
    """Numbers in the window follow the interface language where the system's locale
    would contradict it: a Finnish interface writes decimal commas (as its messages and
    reports do) even on an English system; otherwise the system's locale applies (an
    English interface on a Finnish system keeps the regional decimal comma)."""
    system = QLocale.system()
    if language == "fi" and system.language() != QLocale.Language.Finnish:
        QLocale.setDefault(QLocale("fi_FI"))
    else:
        QLocale.setDefault(system)


def active_language() -> str:
    return _active_language


def _pick(pair: tuple[str, str]) -> str:
    return pair[1] if _active_language == "fi" and pair[1] else pair[0]


def feedstock_label(value: str) -> str:
    """Label of a feedstock type value in the active language (the raw value if unknown)."""
    try:
        return _pick(FEEDSTOCK_LABELS[FeedstockType(value)])
    except ValueError:
        return value


def feedstock_choices() -> list[tuple[str, str]]:
    """(value, label) for every feedstock type, in vocabulary order."""
    return [(ft.value, _pick(FEEDSTOCK_LABELS[ft])) for ft in FeedstockType]


def basis_label(value: str) -> str:
    """Label of a basis ("dry basis"); empty for values that have no basis."""
    try:
        return _pick(BASIS_LABELS[Basis(value)])
    except ValueError:
        return value


def property_label(pid: str) -> str:
    """Label of a vocabulary property, or the id itself when it is not in the vocabulary."""
    defn = PROPERTIES.get(pid)
    if defn is None:
        return pid
    return defn.label_fi if _active_language == "fi" and defn.label_fi else defn.label_en


def result_messages(messages: list) -> list[str]:
    """A result's messages as text in the active language (English when a message has no
    translation; plain-string messages, e.g. of third-party plugins, as stored)."""
    return messages_in(messages, _active_language)


def local_text(text: object) -> str:
    """A plugin-given text (plot title, axis or column label) in the active language:
    a ``{"en", "fi"}`` record gives its text, a plain string shows as stored."""
    return text_in(text, _active_language) if text else ""


def method_label(method: str) -> str:
    """A value's method ("ISO 18134 (oven drying, 105 °C)") with its descriptive words
    in the active language; the standard's reference stays as written."""
    return method_text(method, _active_language)


def result_label(result: object) -> str:
    """A result's label in the active language.

    A bilingual label gives its text. A plain label equal to its plugin's English
    manifest name (results computed before labels were bilingual, or by a plugin
    whose manifest has a Finnish name) shows the manifest name in the active language;
    any other plain label is shown as stored, and an empty one as the plugin id.
    """
    label = getattr(result, "label", "")
    plugin_id = str(getattr(result, "plugin_id", ""))
    if isinstance(label, str):
        if label and _active_language == "fi":
            from workbench.analysis.registry import get_registry  # plugins found once

            registry = get_registry()
            if plugin_id in registry:
                manifest = registry.get(plugin_id).manifest
                if manifest is not None and manifest.name_en == label and manifest.name_fi:
                    return manifest.name_fi
        return label or plugin_id
    return local_text(label) or plugin_id


def sample_field_label(field: str) -> str:
    """Translated column label of an editable sample field."""
    labels = {
        "name": QCoreApplication.translate("SampleFields", "Name"),
        "feedstock_type": QCoreApplication.translate("SampleFields", "Feedstock type"),
        "supplier": QCoreApplication.translate("SampleFields", "Supplier"),
        "origin": QCoreApplication.translate("SampleFields", "Origin"),
        "date_received": QCoreApplication.translate("SampleFields", "Date received"),
        "notes": QCoreApplication.translate("SampleFields", "Notes"),
    }
    return labels.get(field, field)


def kind_label(kind: str) -> str:
    """Translated name of a measurement kind ("TGA curve", "Spectrum")."""
    labels = {
        "spectrum": QCoreApplication.translate("Kinds", "Spectrum"),
        "tga": QCoreApplication.translate("Kinds", "TGA curve"),
        "moisture": QCoreApplication.translate("Kinds", "Moisture"),
        "ash": QCoreApplication.translate("Kinds", "Ash"),
        "fibre_summary": QCoreApplication.translate("Kinds", "Fibre analysis summary"),
        "fibre_particles": QCoreApplication.translate("Kinds", "Fibre particle list"),
        "fibre_distribution": QCoreApplication.translate("Kinds", "Fibre length distribution"),
        "properties": QCoreApplication.translate("Kinds", "Lab values"),
        "table": QCoreApplication.translate("Kinds", "Table"),
    }
    return labels.get(kind, kind)


def metadata_label(key: str) -> str:
    """A sample metadata key in the active language (``workbench.value_labels``)."""
    from workbench.value_labels import metadata_label as core_label

    return core_label(key, _active_language)


def metadata_value(key: str, value: object) -> str:
    """A sample metadata value in the active language (controlled values translated)."""
    from workbench.value_labels import metadata_value as core_value

    return core_value(key, value, _active_language)
