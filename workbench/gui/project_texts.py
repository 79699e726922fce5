"""What the project core says about a project file, in the interface language.

Opening a project can give warnings (``project.warnings``: a part skipped, an attribute
ignored, a link left out, attributes another program added) and a reason why it is
read-only (``project.read_only_reason``: another instance holds it, its version number
looks damaged, parts could not be taken in); opening, saving and restoring can be
refused (``ProjectError``). The core writes all of these in English, because the CLI,
``--json`` and the log keep them so, and it stays Qt-free. The window shows them
translated, as ``import_texts`` does for the importers' messages: a message is matched
against the forms the core writes (``workbench/project/*.py``) and rebuilt from the
translated form; the parts it quotes (paths inside the file, names, numbers, file
names) are kept as they are, and parts that are themselves messages (the reason a
sample was skipped, what a link is) are translated the same way. Text from the system
or HDF5 (``No space left on device``) is kept as written. A message no form matches is
shown as the core wrote it; ``tests/gui/test_project_texts.py`` fails when the core
gains a form that is not here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QCoreApplication

from workbench.gui import import_texts
from workbench.gui.i18n import fill

translate = QCoreApplication.translate

# How a group of a form is rendered:
#   ""     as it is (a path, a name, a number);
#   "msg"  a message of its own, translated by these forms (must be one of them);
#   "lib"  translated when it is one of these forms, else kept (text from the system or
#          HDF5, which is English only);
#   "in"   the place a link was found, in the locative a Finnish sentence needs;
#   "opt"  an optional message: when empty, "%n " is left out of the template.
#   "count" a sample count " (N samples)" (may be empty).
Form = tuple[str, Callable[[], str], tuple[str, ...]]

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


def _forms() -> list[Form]:
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
        # -- warnings on opening: parts skipped or left out (reader, migrate) ----------------
        (
            r"(.+?): (.+) in (.+) is not part of a project; it was left out\.",
            lambda: translate(
                "ProjectTexts", "%1: %2 in %3 is not part of a project; it was left out."
            ),
            ("", "msg", "in"),
        ),
        (
            r"(.+) uses the older project format version 0\. It was converted in memory; the "
            r"original file is unchanged until you save\.",
            lambda: translate(
                "ProjectTexts",
                "%1 uses the older project format version 0. It was converted in memory; the "
                "original file is unchanged until you save.",
            ),
            ("",),
        ),
        (
            r"(.+?): (.+) that a version-0 project does not have; it was left out\.",
            lambda: translate(
                "ProjectTexts", "%1: %2 that a version-0 project does not have; it was left out."
            ),
            ("", "msg"),
        ),
        (
            r"All samples were skipped: (.+)\.",
            lambda: translate("ProjectTexts", "All samples were skipped: %1."),
            ("msg",),
        ),
        (
            r"All sources were skipped: (.+)\.",
            lambda: translate("ProjectTexts", "All sources were skipped: %1."),
            ("msg",),
        ),
        (
            r"All models were skipped: (.+)\.",
            lambda: translate("ProjectTexts", "All models were skipped: %1."),
            ("msg",),
        ),
        (
            r"All raw were skipped: (.+)\.",
            lambda: translate("ProjectTexts", "All raw were skipped: %1."),
            ("msg",),
        ),
        (
            r"1 attribute written by another program is kept as it is\.",
            lambda: translate(
                "ProjectTexts", "1 attribute written by another program is kept as it is."
            ),
            (),
        ),
        (
            r"(\S+) attributes written by another program are kept as they are\.",
            lambda: translate(
                "ProjectTexts", "%1 attributes written by another program are kept as they are."
            ),
            ("",),
        ),
        (
            r"Sample (.+?): measurement (.+?) was skipped: (.+)\.",
            lambda: translate("ProjectTexts", "Sample %1: measurement %2 was skipped: %3."),
            ("", "", "msg"),
        ),
        (
            r"Sample (.+?): result (.+?) was skipped: (.+)\.",
            lambda: translate("ProjectTexts", "Sample %1: result %2 was skipped: %3."),
            ("", "", "msg"),
        ),
        (
            r"Sample (.+?): unknown feedstock type ('.*'|\".*\") was read as 'other'\.",
            lambda: translate(
                "ProjectTexts", "Sample %1: unknown feedstock type %2 was read as 'other'."
            ),
            ("", ""),
        ),
        (
            r"Sample (.+?) was skipped: (.+)\.",
            lambda: translate("ProjectTexts", "Sample %1 was skipped: %2."),
            ("", "msg"),
        ),
        (
            r"samples (.+?) was skipped: (.+)\.",
            lambda: translate("ProjectTexts", "samples %1 was skipped: %2."),
            ("", "msg"),
        ),
        (
            r"raw (.+?) was skipped: (.+)\.",
            lambda: translate("ProjectTexts", "raw %1 was skipped: %2."),
            ("", "msg"),
        ),
        (
            r"Stored source file (.+?) was skipped: (.+)\.",
            lambda: translate("ProjectTexts", "Stored source file %1 was skipped: %2."),
            ("", "msg"),
        ),
        (
            r"Model (.+?) was skipped: (.+)\.",
            lambda: translate("ProjectTexts", "Model %1 was skipped: %2."),
            ("", "msg"),
        ),
        (
            r"(.+?): a link whose name is not UTF-8 text; it was left out\.",
            lambda: translate(
                "ProjectTexts", "%1: a link whose name is not UTF-8 text; it was left out."
            ),
            ("",),
        ),
        (
            r"(.+?): its columns have different lengths (.+)\.",
            lambda: translate("ProjectTexts", "%1: its columns have different lengths %2."),
            ("", ""),
        ),
        (
            r"(.+?): (.+); it is shown as a table of its columns\.",
            lambda: translate("ProjectTexts", "%1: %2; it is shown as a table of its columns."),
            ("", "msg"),
        ),
        (
            r"its curve names columns it does not have \((.*)\)",
            lambda: translate("ProjectTexts", "its curve names columns it does not have (%1)"),
            ("",),
        ),
        (
            r"its curve's column (.+) holds text, not numbers",
            lambda: translate("ProjectTexts", "its curve's column %1 holds text, not numbers"),
            ("",),
        ),
        (
            r"its signal and axes have different lengths (.+)",
            lambda: translate("ProjectTexts", "its signal and axes have different lengths %1"),
            ("",),
        ),
        (
            r"(.+?): (\S+) of its plot entries are not plots of its columns; they were left "
            r"out\.",
            lambda: translate(
                "ProjectTexts",
                "%1: %2 of its plot entries are not plots of its columns; they were left out.",
            ),
            ("", ""),
        ),
        (
            r"(.+?): value (.+?) was skipped \(not a valid quantity: (.*)\)\.",
            lambda: translate(
                "ProjectTexts", "%1: value %2 was skipped (not a valid quantity: %3)."
            ),
            ("", "", "lib"),
        ),
        (
            r"(.+?): value (.+?) was skipped \((.*)\)\.",
            lambda: translate("ProjectTexts", "%1: value %2 was skipped (%3)."),
            ("", "", "lib"),
        ),
        (
            r"(.+?): a group where a column was expected; it was left out\.",
            lambda: translate(
                "ProjectTexts", "%1: a group where a column was expected; it was left out."
            ),
            ("",),
        ),
        (
            r"(.+?): a group where a model array was expected; it was left out\.",
            lambda: translate(
                "ProjectTexts", "%1: a group where a model array was expected; it was left out."
            ),
            ("",),
        ),
        (
            r"(.+?): stated SHA-256 (\S+) differs from its name\.",
            lambda: translate("ProjectTexts", "%1: stated SHA-256 %2 differs from its name."),
            ("", ""),
        ),
        (
            r"The audit log could not be read: (.+)\.",
            lambda: translate("ProjectTexts", "The audit log could not be read: %1."),
            ("lib",),
        ),
        (
            r"Project settings were skipped: (.+)\.",
            lambda: translate("ProjectTexts", "Project settings were skipped: %1."),
            ("msg",),
        ),
        (
            r"(.+?): field ('.*'|\".*\") of attribute ('.*'|\".*\") should be (.+); it was "
            r"ignored\.",
            lambda: translate(
                "ProjectTexts", "%1: field %2 of attribute %3 should be %4; it was ignored."
            ),
            ("", "", "", "msg"),
        ),
        (
            r"(.+?): field ('.*'|\".*\") of attribute ('.*'|\".*\") is not one this version "
            r"reads; it is kept in the file, which opens read-only\.",
            lambda: translate(
                "ProjectTexts",
                "%1: field %2 of attribute %3 is not one this version reads; it is kept in "
                "the file, which opens read-only.",
            ),
            ("", "", ""),
        ),
        (
            r"(.+?): field ('.*'|\".*\") has the wrong type; it was ignored\.",
            lambda: translate("ProjectTexts", "%1: field %2 has the wrong type; it was ignored."),
            ("", ""),
        ),
        # -- warnings on opening: attributes (safety) -----------------------------------------
        (
            r"(.+?): its attribute 'order' names (\S+) entries for (\S+) objects \(repeated or "
            r"unknown names were ignored\)\.",
            lambda: translate(
                "ProjectTexts",
                "%1: its attribute 'order' names %2 entries for %3 objects (repeated or "
                "unknown names were ignored).",
            ),
            ("", "", ""),
        ),
        (
            r"(.+?): its attributes cannot be read \(the file is damaged: (.*)\)\.",
            lambda: translate(
                "ProjectTexts", "%1: its attributes cannot be read (the file is damaged: %2)."
            ),
            ("", "lib"),
        ),
        (
            r"(.+?): its attributes cannot be read \((.*)\)\.",
            lambda: translate("ProjectTexts", "%1: its attributes cannot be read (%2)."),
            ("", "lib"),
        ),
        (
            r"(.+?): it has (\S+) attributes, more than the (\S+) a project object has; only "
            r"those a project uses were read\.",
            lambda: translate(
                "ProjectTexts",
                "%1: it has %2 attributes, more than the %3 a project object has; only those a "
                "project uses were read.",
            ),
            ("", "", ""),
        ),
        (
            r"(.+?): attribute ('.*'|\".*\") cannot be read \((.*)\); skipped\.",
            lambda: translate("ProjectTexts", "%1: attribute %2 cannot be read (%3); skipped."),
            ("", "", "lib"),
        ),
        (r"(.+); skipped\.", lambda: translate("ProjectTexts", "%1; skipped."), ("msg",)),
        (
            r"(.+?): attribute ('.*'|\".*\") cannot be kept \((.*)\)\.",
            lambda: translate("ProjectTexts", "%1: attribute %2 cannot be kept (%3)."),
            ("", "", "lib"),
        ),
        (
            r"data type (.+) cannot be written back",
            lambda: translate("ProjectTexts", "data type %1 cannot be written back"),
            ("",),
        ),
        (
            r"(.+?): attribute ('.*'|\".*\") should be (.+); it was ignored\.",
            lambda: translate("ProjectTexts", "%1: attribute %2 should be %3; it was ignored."),
            ("", "", "msg"),
        ),
        (r"text", lambda: translate("ProjectTexts", "text"), ()),
        (r"an integer", lambda: translate("ProjectTexts", "an integer"), ()),
        (r"a JSON dict", lambda: translate("ProjectTexts", "a JSON dict"), ()),
        (r"a JSON list", lambda: translate("ProjectTexts", "a JSON list"), ()),
        (r"a JSON (\S+)", lambda: translate("ProjectTexts", "a JSON %1"), ("",)),
        (r"a list of names", lambda: translate("ProjectTexts", "a list of names"), ()),
        (
            r"(.+?): attribute ('.*'|\".*\") is not valid JSON \((.*)\); ignored\.",
            lambda: translate("ProjectTexts", "%1: attribute %2 is not valid JSON (%3); ignored."),
            ("", "", "lib"),
        ),
        # -- why a part was skipped (safety.Unsafe and its kin) -------------------------------
        (
            r"(.+?): the link cannot be read \((.*)\)",
            lambda: translate("ProjectTexts", "%1: the link cannot be read (%2)"),
            ("", "lib"),
        ),
        (
            r"(.+?) is an external link to (.+); links to other files are not followed",
            lambda: translate(
                "ProjectTexts",
                "%1 is an external link to %2; links to other files are not followed",
            ),
            ("", ""),
        ),
        (
            r"(.+?) is a soft link to (.+); links are not followed",
            lambda: translate("ProjectTexts", "%1 is a soft link to %2; links are not followed"),
            ("", ""),
        ),
        (
            r"(.+?) is a link of an unknown kind",
            lambda: translate("ProjectTexts", "%1 is a link of an unknown kind"),
            ("",),
        ),
        (
            r"(.+?) cannot be opened \((.*)\)",
            lambda: translate("ProjectTexts", "%1 cannot be opened (%2)"),
            ("", "lib"),
        ),
        (
            r"(.+?) should be a group but is a dataset",
            lambda: translate("ProjectTexts", "%1 should be a group but is a dataset"),
            ("",),
        ),
        (
            r"the contents of (.+?) cannot be listed \((.*)\)",
            lambda: translate("ProjectTexts", "the contents of %1 cannot be listed (%2)"),
            ("", "lib"),
        ),
        (
            r"(.+?) is a virtual dataset that maps data from other files",
            lambda: translate(
                "ProjectTexts", "%1 is a virtual dataset that maps data from other files"
            ),
            ("",),
        ),
        (
            r"(.+?) stores its data in external files (.+)",
            lambda: translate("ProjectTexts", "%1 stores its data in external files %2"),
            ("", ""),
        ),
        (
            r"(.+?) needs HDF5 filter plugin (\S+); only built-in filters are read",
            lambda: translate(
                "ProjectTexts", "%1 needs HDF5 filter plugin %2; only built-in filters are read"
            ),
            ("", ""),
        ),
        (
            r"(.+?) has shape (.+); expected (\S+) dimension\(s\)",
            lambda: translate("ProjectTexts", "%1 has shape %2; expected %3 dimension(s)"),
            ("", "", ""),
        ),
        (
            r"(.+?) has shape (.+); expected a 1-D array",
            lambda: translate("ProjectTexts", "%1 has shape %2; expected a 1-D array"),
            ("", ""),
        ),
        (
            r"(.+?) claims (\S+) elements \(more than (\S+)\)",
            lambda: translate("ProjectTexts", "%1 claims %2 elements (more than %3)"),
            ("", "", ""),
        ),
        (
            r"(.+?) holds text where numbers are expected",
            lambda: translate("ProjectTexts", "%1 holds text where numbers are expected"),
            ("",),
        ),
        (
            r"(.+?) holds fixed-length text; expected numbers or UTF-8 text",
            lambda: translate(
                "ProjectTexts", "%1 holds fixed-length text; expected numbers or UTF-8 text"
            ),
            ("",),
        ),
        (
            r"(.+?) has data type (.+); expected plain numbers",
            lambda: translate("ProjectTexts", "%1 has data type %2; expected plain numbers"),
            ("", ""),
        ),
        (
            r"(.+?) has data type (.+); expected bytes \(uint8\)",
            lambda: translate("ProjectTexts", "%1 has data type %2; expected bytes (uint8)"),
            ("", ""),
        ),
        (
            r"(.+?) would need (\S+) MiB of memory \(more than (\S+) MiB\)",
            lambda: translate("ProjectTexts", "%1 would need %2 MiB of memory (more than %3 MiB)"),
            ("", "", ""),
        ),
        (
            r"(.+?) declares (\S+) values but stores no data",
            lambda: translate("ProjectTexts", "%1 declares %2 values but stores no data"),
            ("", ""),
        ),
        (
            r"(.+?): its data lie beyond the end of the file \(truncated\?\)",
            lambda: translate(
                "ProjectTexts", "%1: its data lie beyond the end of the file (truncated?)"
            ),
            ("",),
        ),
        (
            r"(.+?): it stores fewer bytes than its shape needs",
            lambda: translate("ProjectTexts", "%1: it stores fewer bytes than its shape needs"),
            ("",),
        ),
        (
            r"(.+?): chunk (\S+) lies beyond the end of the file \(truncated\?\)",
            lambda: translate(
                "ProjectTexts", "%1: chunk %2 lies beyond the end of the file (truncated?)"
            ),
            ("", ""),
        ),
        (
            r"(.+?) uses an unsupported storage layout",
            lambda: translate("ProjectTexts", "%1 uses an unsupported storage layout"),
            ("",),
        ),
        (
            r"(.+?) should be a dataset of bytes",
            lambda: translate("ProjectTexts", "%1 should be a dataset of bytes"),
            ("",),
        ),
        (
            r"(.+?) should be a dataset",
            lambda: translate("ProjectTexts", "%1 should be a dataset"),
            ("",),
        ),
        (
            r"(.+?) should be a list of text entries",
            lambda: translate("ProjectTexts", "%1 should be a list of text entries"),
            ("",),
        ),
        (
            r"(.+?) should hold bytes \(uint8\)",
            lambda: translate("ProjectTexts", "%1 should hold bytes (uint8)"),
            ("",),
        ),
        (
            r"its four columns have different lengths",
            lambda: translate("ProjectTexts", "its four columns have different lengths"),
            (),
        ),
        (
            r"(.+?): x and y have different lengths",
            lambda: translate("ProjectTexts", "%1: x and y have different lengths"),
            ("",),
        ),
        (
            r"(.+?): attribute ('.*'|\".*\") states a text longer than (\S+) bytes \(the file "
            r"is damaged\?\)",
            lambda: translate(
                "ProjectTexts",
                "%1: attribute %2 states a text longer than %3 bytes (the file is damaged?)",
            ),
            ("", "", ""),
        ),
        (
            r"(.+?): attribute ('.*'|\".*\") is larger than (\S+) bytes",
            lambda: translate("ProjectTexts", "%1: attribute %2 is larger than %3 bytes"),
            ("", "", ""),
        ),
        (
            r"(.+?): attribute ('.*'|\".*\") has too many elements",
            lambda: translate("ProjectTexts", "%1: attribute %2 has too many elements"),
            ("", ""),
        ),
        (
            r"(.+?): attribute ('.*'|\".*\") has unsupported type (.+)",
            lambda: translate("ProjectTexts", "%1: attribute %2 has unsupported type %3"),
            ("", "", ""),
        ),
        (r"(.+?) is not a group", lambda: translate("ProjectTexts", "%1 is not a group"), ("",)),
        (r"(.+?) is missing", lambda: translate("ProjectTexts", "%1 is missing"), ("",)),
        (
            r"the file is damaged there: its stored checksum does not match",
            lambda: translate(
                "ProjectTexts", "the file is damaged there: its stored checksum does not match"
            ),
            (),
        ),
        # a damaged HDF5 1.8 object header (oldheaders.Damaged)
        (
            r"a field lies beyond its message",
            lambda: translate("ProjectTexts", "a field lies beyond its message"),
            (),
        ),
        (
            r"not a version-1 object header",
            lambda: translate("ProjectTexts", "not a version-1 object header"),
            (),
        ),
        (
            r"its header blocks are not where the file has room for them",
            lambda: translate(
                "ProjectTexts", "its header blocks are not where the file has room for them"
            ),
            (),
        ),
        (
            r"a message runs past its header block",
            lambda: translate("ProjectTexts", "a message runs past its header block"),
            (),
        ),
        (
            r"an attribute message of version (\S+)",
            lambda: translate("ProjectTexts", "an attribute message of version %1"),
            ("",),
        ),
        (
            r"a dataspace message of version (\S+)",
            lambda: translate("ProjectTexts", "a dataspace message of version %1"),
            ("",),
        ),
        # what a link is (safety.describe_link)
        (
            r"a link that cannot be read",
            lambda: translate("ProjectTexts", "a link that cannot be read"),
            (),
        ),
        (
            r"an external link to (.+)",
            lambda: translate("ProjectTexts", "an external link to %1"),
            ("",),
        ),
        (r"a soft link to (.+)", lambda: translate("ProjectTexts", "a soft link to %1"), ("",)),
        (
            r"a link of an unknown kind",
            lambda: translate("ProjectTexts", "a link of an unknown kind"),
            (),
        ),
        (
            r"an object that cannot be opened",
            lambda: translate("ProjectTexts", "an object that cannot be opened"),
            (),
        ),
        (r"a group", lambda: translate("ProjectTexts", "a group"), ()),
        (r"a virtual dataset", lambda: translate("ProjectTexts", "a virtual dataset"), ()),
        (r"a dataset", lambda: translate("ProjectTexts", "a dataset"), ()),
        (r"an object", lambda: translate("ProjectTexts", "an object"), ()),
        # what was not taken in (the first of ``dropped``, quoted in a read-only reason)
        (
            r"(.+?): attribute ('.*'|\".*\")",
            lambda: translate("ProjectTexts", "%1: attribute %2"),
            ("", ""),
        ),
        (
            r"(.+?): field ('.*'|\".*\")",
            lambda: translate("ProjectTexts", "%1: field %2"),
            ("", ""),
        ),
        (
            r"(.+?): value ('.*'|\".*\")",
            lambda: translate("ProjectTexts", "%1: value %2"),
            ("", ""),
        ),
        (
            r"(.+?): feedstock type ('.*'|\".*\")",
            lambda: translate("ProjectTexts", "%1: feedstock type %2"),
            ("", ""),
        ),
        (r"(.+?): its attributes", lambda: translate("ProjectTexts", "%1: its attributes"), ("",)),
        (
            r"(.+?): its (\S+) attributes",
            lambda: translate("ProjectTexts", "%1: its %2 attributes"),
            ("", ""),
        ),
        (
            r"(.+?): (\S+) of its plot entries",
            lambda: translate("ProjectTexts", "%1: %2 of its plot entries"),
            ("", ""),
        ),
        # a message ending a sentence ("the contents of ... cannot be listed (...).")
        (r"(.+)\.", lambda: translate("ProjectTexts", "%1."), ("msg",)),
    ]


def _places() -> list[tuple[str, Callable[[], str], tuple[str, ...]]]:
    """Where a link that is not part of a project was found (``Reader.extras``)."""
    return [
        (r"the file's top level", lambda: translate("ProjectTexts", "the file's top level"), ()),
        (r"sample (.+)", lambda: translate("ProjectTexts", "sample %1"), ("",)),
        (r"the audit log", lambda: translate("ProjectTexts", "the audit log"), ()),
        (r"the project settings", lambda: translate("ProjectTexts", "the project settings"), ()),
    ]


@cache
def _compiled(which: str) -> tuple[tuple[re.Pattern[str], Callable[[], str], tuple[str, ...]], ...]:
    rules = _forms() if which == "forms" else _places()
    return tuple((re.compile(p, re.DOTALL), t, g) for p, t, g in rules)


# the last form only passes a message on: it counts as known when its part is
_PASS_ON = r"(.+)\."


def project_message(text: str) -> str:
    """``text`` (a warning, read-only reason or refusal of the project core) in the
    window's language; as written when no form matches."""
    return _translate(text, 0)[0]


def is_known(text: str) -> bool:
    """Whether ``text`` and every message inside it are forms of this module (text from
    the system or HDF5 inside it may still be English)."""
    return _translate(text, 0)[1]


def has_form(text: str) -> bool:
    """Whether a form of this module (not only one that passes a message on) matches
    ``text`` as a whole; the parts it fills in may be anything."""
    for pattern, _template, _groups in _compiled("forms"):
        if pattern.fullmatch(text):
            return pattern.pattern != _PASS_ON
    return False


def _translate(text: str, depth: int, which: str = "forms") -> tuple[str, bool]:
    """(the translation, whether the whole message was known) of ``text``."""
    if not text or depth > 8:
        return text, False
    for pattern, template, groups in _compiled(which):
        m = pattern.fullmatch(text)
        if m is None:
            continue
        out, known = template(), pattern.pattern != _PASS_ON
        parts: list[str] = []
        for i, how in enumerate(groups, start=1):
            part = m.group(i) or ""
            if how in ("msg", "opt") and part:
                part, ok = _translate(part, depth + 1)
                known = known and ok
            elif how == "msg":
                known = False
            elif how == "opt":
                out = out.replace(f"%{i} ", "")  # the template's own text: nothing filled yet
            elif how == "lib":
                part = _library_text(part, depth)
            elif how == "in":
                part, ok = _translate(part, depth + 1, "places")
                known = known and ok
            elif how == "count":
                part = _count(part)
            parts.append(part)
        out = fill(out, *parts)  # in one pass: a part may hold '%2' (a file 'a%20b')
        if pattern.pattern == _PASS_ON:
            known = _translate(m.group(1), depth + 1)[1]
        return out, known
    return text, False


def _library_text(text: str, depth: int) -> str:
    """A part that may be text from the system or HDF5: translated when it is a known
    form (of the project core, or a file kind the importers name), else kept."""
    out, known = _translate(text, depth + 1)
    return out if known else import_texts.translate_message(text)


def _count(part: str) -> str:
    """`` (N samples)`` of a recovery file, or nothing."""
    m = re.fullmatch(r" \((\S+) (samples?)\)", part)
    if m is None:
        return part
    if m.group(2) == "sample":
        return fill(translate("ProjectTexts", " (%1 sample)"), m.group(1))
    return fill(translate("ProjectTexts", " (%1 samples)"), m.group(1))
