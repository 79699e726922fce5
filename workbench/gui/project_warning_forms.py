"""The forms of the warnings a project gives when it is opened, and of why a part of
it was skipped (``workbench/project/reader.py``, ``migrate.py``, ``safety.py``), each
with its translated template; the rest of the project core's messages are in
``project_text_forms``. How the groups of a form are rendered: see ``Form``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

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


def warning_forms() -> list[Form]:
    # every template is written out in a translate() call, so that lupdate collects it;
    # in English each gives back exactly the core's text
    return [
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
