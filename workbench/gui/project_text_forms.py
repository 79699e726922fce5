"""The forms of the project core's messages, each with its translated template.

``project_texts`` matches a message against these and rebuilds it in the interface
language. Each form is a pattern of the English text the core writes
(``workbench/project/*.py``), the template to rebuild it from (written out in a
``translate()`` call, so that lupdate collects it; in English each gives back exactly
the core's text), and how each group of the pattern is rendered
(``project_warning_forms.Form``; the warnings on opening are in that module).
``tests/gui/test_project_texts.py`` fails when the core gains a form that is not here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workbench.gui.project_warning_forms import Form, warning_forms

translate = QCoreApplication.translate


_KEEP = (
    r" It was opened read-only so that nothing is converted or overwritten; File > Save As "
    r"in the window \(or save_project with a new path in a script\) writes a repaired copy "
    r"and this file stays as it is\."
)
_DISK_HINTS = (
    "the disk is full|the disk quota is used up|the file would be larger than this system "
    "allows|the disk reported an input/output error|the disk is read-only|no permission to "
    "write there|the file name is too long for this folder"
)
_SAID = r"(is missing|reads \S+)"


def forms() -> list[Form]:
    # every template is written out in a translate() call, so that lupdate collects it;
    # in English each gives back exactly the core's text
    return [
        # -- why a project is read-only (store, versions, recovery) ------------------------
        (
            r"(.+)" + _KEEP,
            lambda: translate(
                "ProjectTexts",
                "%1 It was opened read-only so that nothing is converted or overwritten; "
                "File > Save As in the window (or save_project with a new path in a script) "
                "writes a repaired copy and this file stays as it is.",
            ),
            ("msg",),
        ),
        (
            r"(.+?): its format version " + _SAID + r", but its content is a version-(\S+) "
            r"project \(the version number looks damaged\)\.",
            lambda: translate(
                "ProjectTexts",
                "%1: its format version %2, but its content is a version-%3 project (the "
                "version number looks damaged).",
            ),
            ("", "msg", ""),
        ),
        (
            r"(.+?): its format version " + _SAID + r", but its content is the older "
            r"version-0 layout, which was read and converted in memory\.",
            lambda: translate(
                "ProjectTexts",
                "%1: its format version %2, but its content is the older version-0 layout, "
                "which was read and converted in memory.",
            ),
            ("", "msg"),
        ),
        (
            r"(.+?): its content fits neither the version-(\S+) project layout nor an older "
            r"one \(format version " + _SAID + r"\); what could be read is shown\.",
            lambda: translate(
                "ProjectTexts",
                "%1: its content fits neither the version-%2 project layout nor an older one "
                "(format version %3); what could be read is shown.",
            ),
            ("", "", "msg"),
        ),
        (r"is missing", lambda: translate("ProjectTexts", "is missing"), ()),
        (r"reads (\S+)", lambda: translate("ProjectTexts", "reads %1"), ("",)),
        (
            r"(.+?): (\S+) parts of the file could not be taken in \(first: (.+); all are "
            r"named in the warnings\)\. It was opened read-only so that saving cannot drop "
            r"them from the file; File > Save As in the window writes a copy without them, "
            r"and this file keeps them\.",
            lambda: translate(
                "ProjectTexts",
                "%1: %2 parts of the file could not be taken in (first: %3; all are named in "
                "the warnings). It was opened read-only so that saving cannot drop them from "
                "the file; File > Save As in the window writes a copy without them, and this "
                "file keeps them.",
            ),
            ("", "", "lib"),
        ),
        (
            r"(.+?): 1 part of the file could not be taken in \(first: (.+); all are "
            r"named in the warnings\)\. It was opened read-only so that saving cannot drop "
            r"them from the file; File > Save As in the window writes a copy without them, "
            r"and this file keeps them\.",
            lambda: translate(
                "ProjectTexts",
                "%1: 1 part of the file could not be taken in (first: %2; all are named in "
                "the warnings). It was opened read-only so that saving cannot drop them from "
                "the file; File > Save As in the window writes a copy without them, and this "
                "file keeps them.",
            ),
            ("", "lib"),
        ),
        (
            r"(.+?): its lock file (.+) could not be written \((.*)\)\. It was opened "
            r"read-only; use Save As to keep changes elsewhere\.",
            lambda: translate(
                "ProjectTexts",
                "%1: its lock file %2 could not be written (%3). It was opened read-only; use "
                "Save As to keep changes elsewhere.",
            ),
            ("", "", "lib"),
        ),
        (
            r"(.+?) is open in another Fibre Workbench (.+), so it was opened read-only\. Use "
            r"Save As to keep your changes in a new file\.",
            lambda: translate(
                "ProjectTexts",
                "%1 is open in another Fibre Workbench %2, so it was opened read-only. Use "
                "Save As to keep your changes in a new file.",
            ),
            ("", "msg"),
        ),
        (
            r"(.+?) is open in another Fibre Workbench (.+?)\. Nothing was changed\.",
            lambda: translate(
                "ProjectTexts", "%1 is open in another Fibre Workbench %2. Nothing was changed."
            ),
            ("", "msg"),
        ),
        (
            r"by (.+?) on (.+?) \(process (\S+)\) since (.+)",
            lambda: translate("ProjectTexts", "by %1 on %2 (process %3) since %4"),
            ("lib", "", "", "lib"),
        ),
        (r"another instance", lambda: translate("ProjectTexts", "another instance"), ()),
        (r"just now", lambda: translate("ProjectTexts", "just now"), ()),
        (r"Opened read-only\.", lambda: translate("ProjectTexts", "Opened read-only."), ()),
        (
            r"(.+?) cannot be locked for writing \((.*)\); the recovered work can be kept "
            r"with Save As\.",
            lambda: translate(
                "ProjectTexts",
                "%1 cannot be locked for writing (%2); the recovered work can be kept with "
                "Save As.",
            ),
            ("", "lib"),
        ),
        (
            r"(.+?) is open in another Fibre Workbench (.+); the recovered work can be kept "
            r"with Save As\.",
            lambda: translate(
                "ProjectTexts",
                "%1 is open in another Fibre Workbench %2; the recovered work can be kept "
                "with Save As.",
            ),
            ("", "msg"),
        ),
        # -- recovery files ----------------------------------------------------------------
        (
            r"Another Fibre Workbench window \(process (\S+)\) has unsaved work of this "
            r"project from (.+?)((?: \(\S+ samples?\))?), kept in the recovery file (.+)\.",
            lambda: translate(
                "ProjectTexts",
                "Another Fibre Workbench window (process %1) has unsaved work of this project "
                "from %2%3, kept in the recovery file %4.",
            ),
            ("", "lib", "count", ""),
        ),
        (
            r"Unsaved work of this project from (.+?)((?: \(\S+ samples?\))?) was kept in the "
            r"recovery file (.+) after Fibre Workbench closed without saving it\. Open the "
            r"project in the window to restore or discard it; it is kept until you do\.",
            lambda: translate(
                "ProjectTexts",
                "Unsaved work of this project from %1%2 was kept in the recovery file %3 after "
                "Fibre Workbench closed without saving it. Open the project in the window to "
                "restore or discard it; it is kept until you do.",
            ),
            ("lib", "count", ""),
        ),
        (r"an unknown time", lambda: translate("ProjectTexts", "an unknown time"), ()),
        (
            r"Recovered unsaved work from (.+)\.",
            lambda: translate("ProjectTexts", "Recovered unsaved work from %1."),
            ("",),
        ),
        (
            r"There is no recovery file named (.+)\.",
            lambda: translate("ProjectTexts", "There is no recovery file named %1."),
            ("",),
        ),
        # -- saving ------------------------------------------------------------------------
        (
            r"The project has no file yet; choose where to save it \(Save As\)\.",
            lambda: translate(
                "ProjectTexts", "The project has no file yet; choose where to save it (Save As)."
            ),
            (),
        ),
        (
            r"This project is open read-only and cannot be saved to its file\.\s*(.*?)\s*"
            r"Use Save As to a new file\.",
            lambda: translate(
                "ProjectTexts",
                "This project is open read-only and cannot be saved to its file. %1 Use Save "
                "As to a new file.",
            ),
            ("opt",),
        ),
        (
            r"This project is open read-only and cannot be saved to its file\. (.+)",
            lambda: translate(
                "ProjectTexts", "This project is open read-only and cannot be saved to its file. %1"
            ),
            ("msg",),
        ),
        (
            r"(.+) The project was not saved\.",
            lambda: translate("ProjectTexts", "%1 The project was not saved."),
            ("msg",),
        ),
        (
            r"(.+) Nothing was changed\.",
            lambda: translate("ProjectTexts", "%1 Nothing was changed."),
            ("msg",),
        ),
        (
            r"(.+?): the project could not be saved: its lock file could not be written "
            r"\((.*)\)\. The previous file is unchanged\.",
            lambda: translate(
                "ProjectTexts",
                "%1: the project could not be saved: its lock file could not be written (%2). "
                "The previous file is unchanged.",
            ),
            ("", "lib"),
        ),
        (
            r"(.+?) is open in another Fibre Workbench (.+); it cannot be overwritten\. "
            r"Choose another file name\.",
            lambda: translate(
                "ProjectTexts",
                "%1 is open in another Fibre Workbench %2; it cannot be overwritten. Choose "
                "another file name.",
            ),
            ("", "msg"),
        ),
        (
            r"The project's audit log is append-only, but entries that were saved before are "
            r"missing; the project was not saved\.",
            lambda: translate(
                "ProjectTexts",
                "The project's audit log is append-only, but entries that were saved before "
                "are missing; the project was not saved.",
            ),
            (),
        ),
        (
            r"(.+?): the project could not be saved \((.*)\)\. The previous file is unchanged\.",
            lambda: translate(
                "ProjectTexts",
                "%1: the project could not be saved (%2). The previous file is unchanged.",
            ),
            ("", "lib"),
        ),
        (
            r"(.+?): not saved: (.+)\.",
            lambda: translate("ProjectTexts", "%1: not saved: %2."),
            ("", "lib"),
        ),
        (
            r"(.+?): the sample's (.+?) contains a NUL character \(\\x00\), which a project "
            r"cannot keep; the project was not saved\.",
            lambda: translate(
                "ProjectTexts",
                "%1: the sample's %2 contains a NUL character (\\x00), which a project cannot "
                "keep; the project was not saved.",
            ),
            ("", ""),
        ),
        (
            r"(.+?): the attribute ('.*'|\".*\") contains a NUL character \(\\x00\), which a "
            r"project file cannot keep; the project was not saved\.",
            lambda: translate(
                "ProjectTexts",
                "%1: the attribute %2 contains a NUL character (\\x00), which a project file "
                "cannot keep; the project was not saved.",
            ),
            ("", ""),
        ),
        (
            r"Cannot save (.+?) at (.+?): its values have type (.+), expected numbers or text\.",
            lambda: translate(
                "ProjectTexts",
                "Cannot save %1 at %2: its values have type %3, expected numbers or text.",
            ),
            ("", "", ""),
        ),
        (
            r"(.+?): the folder (.+) does not exist\.",
            lambda: translate("ProjectTexts", "%1: the folder %2 does not exist."),
            ("", ""),
        ),
        (
            r"(.+?): the file name is (\S+) bytes long; this folder takes names of at most "
            r"(\S+) bytes here\. Choose a shorter name\.",
            lambda: translate(
                "ProjectTexts",
                "%1: the file name is %2 bytes long; this folder takes names of at most %3 "
                "bytes here. Choose a shorter name.",
            ),
            ("", "", ""),
        ),
        (
            r"(.+) \((" + _DISK_HINTS + r")\)",
            lambda: translate("ProjectTexts", "%1 (%2)"),
            ("", "msg"),
        ),
        (r"the disk is full", lambda: translate("ProjectTexts", "the disk is full"), ()),
        (
            r"the disk quota is used up",
            lambda: translate("ProjectTexts", "the disk quota is used up"),
            (),
        ),
        (
            r"the file would be larger than this system allows",
            lambda: translate("ProjectTexts", "the file would be larger than this system allows"),
            (),
        ),
        (
            r"the disk reported an input/output error",
            lambda: translate("ProjectTexts", "the disk reported an input/output error"),
            (),
        ),
        (r"the disk is read-only", lambda: translate("ProjectTexts", "the disk is read-only"), ()),
        (
            r"no permission to write there",
            lambda: translate("ProjectTexts", "no permission to write there"),
            (),
        ),
        (
            r"the file name is too long for this folder",
            lambda: translate("ProjectTexts", "the file name is too long for this folder"),
            (),
        ),
        # -- opening refused -----------------------------------------------------------------
        (
            r"(.+?): no such project file\.",
            lambda: translate("ProjectTexts", "%1: no such project file."),
            ("",),
        ),
        (
            r"(.+?): is (.+), not a project file\.",
            lambda: translate("ProjectTexts", "%1: is %2, not a project file."),
            ("", "lib"),
        ),
        (
            r"the folder does not exist",
            lambda: translate("ProjectTexts", "the folder does not exist"),
            (),
        ),
        (r"a folder", lambda: translate("ProjectTexts", "a folder"), ()),
        (r"a FIFO \(named pipe\)", lambda: translate("ProjectTexts", "a FIFO (named pipe)"), ()),
        (r"a character device", lambda: translate("ProjectTexts", "a character device"), ()),
        (r"a block device", lambda: translate("ProjectTexts", "a block device"), ()),
        (r"a socket", lambda: translate("ProjectTexts", "a socket"), ()),
        (r"a symbolic link", lambda: translate("ProjectTexts", "a symbolic link"), ()),
        (r"not a regular file", lambda: translate("ProjectTexts", "not a regular file"), ()),
        (
            r"(.+?): the file is damaged and cannot be read \((.*)\)\.",
            lambda: translate("ProjectTexts", "%1: the file is damaged and cannot be read (%2)."),
            ("", "lib"),
        ),
        (
            r"(.+?): the project format version is missing or not a number\.",
            lambda: translate(
                "ProjectTexts", "%1: the project format version is missing or not a number."
            ),
            ("",),
        ),
        (
            r"(.+?): project format version (\S+) is not known\.",
            lambda: translate("ProjectTexts", "%1: project format version %2 is not known."),
            ("", ""),
        ),
        (
            r"(.+?): another program has the file open for writing \(HDF5 refused to open it "
            r"while it is locked\); close it there and open it again\.",
            lambda: translate(
                "ProjectTexts",
                "%1: another program has the file open for writing (HDF5 refused to open it "
                "while it is locked); close it there and open it again.",
            ),
            ("",),
        ),
        (
            r"(.+?): the file cannot be opened as HDF5; it is damaged or truncated \((.*)\)\.",
            lambda: translate(
                "ProjectTexts",
                "%1: the file cannot be opened as HDF5; it is damaged or truncated (%2).",
            ),
            ("", "lib"),
        ),
        (
            r"(.+?): this HDF5 file is not a Fibre Workbench project \(root attribute 'format' "
            r"is (.+); expected (.+)\)\.",
            lambda: translate(
                "ProjectTexts",
                "%1: this HDF5 file is not a Fibre Workbench project (root attribute 'format' "
                "is %2; expected %3).",
            ),
            ("", "lib", ""),
        ),
        (r"missing", lambda: translate("ProjectTexts", "missing"), ()),
        (
            r"(.+?) was written with project format version (\S+); this Fibre Workbench "
            r"\((.+?)\) reads up to version (\S+)\. Please update Fibre Workbench to open it\.",
            lambda: translate(
                "ProjectTexts",
                "%1 was written with project format version %2; this Fibre Workbench (%3) "
                "reads up to version %4. Please update Fibre Workbench to open it.",
            ),
            ("", "", "", ""),
        ),
        (
            r"(.+?): the file cannot be read: (.+)\.",
            lambda: translate("ProjectTexts", "%1: the file cannot be read: %2."),
            ("", "lib"),
        ),
        (
            r"(.+?): the project file is damaged or truncated \((\S+) bytes; its HDF5 data "
            r"are missing\)\.",
            lambda: translate(
                "ProjectTexts",
                "%1: the project file is damaged or truncated (%2 bytes; its HDF5 data are missing).",
            ),
            ("", ""),
        ),
        (
            r"(.+?): this is not a Fibre Workbench project \(not an HDF5 file: the HDF5 "
            r"signature is missing\)\.",
            lambda: translate(
                "ProjectTexts",
                "%1: this is not a Fibre Workbench project (not an HDF5 file: the HDF5 "
                "signature is missing).",
            ),
            ("",),
        ),
        (
            r"(.+?): the file is damaged \(its heap of texts at byte (\S+) is broken in a way "
            r"that would make the HDF5 library hang\); nothing was read\. A copy saved before "
            r"the damage, or a backup, holds the project\.",
            lambda: translate(
                "ProjectTexts",
                "%1: the file is damaged (its heap of texts at byte %2 is broken in a way that "
                "would make the HDF5 library hang); nothing was read. A copy saved before the "
                "damage, or a backup, holds the project.",
            ),
            ("", ""),
        ),
        *warning_forms(),  # last: they end with a form that passes a message on
    ]


def places() -> list[Form]:
    """Where a link that is not part of a project was found (``Reader.extras``)."""
    return [
        (r"the file's top level", lambda: translate("ProjectTexts", "the file's top level"), ()),
        (r"sample (.+)", lambda: translate("ProjectTexts", "sample %1"), ("",)),
        (r"the audit log", lambda: translate("ProjectTexts", "the audit log"), ()),
        (r"the project settings", lambda: translate("ProjectTexts", "the project settings"), ()),
    ]
