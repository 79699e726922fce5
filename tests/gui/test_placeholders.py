"""A part filled into a message is never read again as a placeholder.

Messages are filled with ``%1``, ``%2`` ... A file named ``birch%20chips.fwproj``
filled in as ``%1`` held a ``%2`` of its own, which the next replacement rewrote:
"birch%20chips.fwproj is open in another Fibre Workbench by root on vm (process 3721)"
was shown as "birchby root on vm (process 3721) ...0chips.fwproj is open ...", in an
English window too (found in the final read of this stop's change).
"""

from __future__ import annotations

import pytest

from workbench.gui.i18n import fill
from workbench.gui.import_texts import translate_message
from workbench.gui.project_texts import project_message

LOCKED = (
    "birch%20chips.fwproj is open in another Fibre Workbench by root on vm (process 3721) "
    "since 2026-12-07T03:07:43Z, so it was opened read-only. Use Save As to keep your "
    "changes in a new file."
)
REFUSED = "line 5: expected a number in column 'Mass %2 (mg)' (found '%3x')"


def test_fill_reads_each_placeholder_of_the_template_once():
    assert fill("%1 then %2", "a%2b", "c%1d") == "a%2b then c%1d"
    assert fill("%2 before %1", "one", "two") == "two before one"
    assert fill("%1 and %3", "x") == "x and %3"  # no part: left as it is


def test_english_messages_with_percent_digits_are_shown_as_written():
    assert project_message(LOCKED) == LOCKED
    assert translate_message(REFUSED) == REFUSED


def test_finnish_messages_keep_the_quoted_parts_whole(finnish_ui):
    locked = project_message(LOCKED)
    assert locked != LOCKED and "birch%20chips.fwproj" in locked and "3721" in locked
    refused = translate_message(REFUSED)
    assert refused != REFUSED and "'Mass %2 (mg)'" in refused and "'%3x'" in refused


@pytest.mark.parametrize("name", ["a%1b", "%2", "x%9"])
def test_any_file_name_survives_a_two_part_form(name):
    text = f"{name}: line 5: expected a number (found 'x')"
    assert translate_message(text) == text
