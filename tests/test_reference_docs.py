"""The README's generated sections (plugin parameters, property ids) equal what the
manifests and the vocabulary say, and ``plugins show`` prints every parameter."""

from __future__ import annotations

from pathlib import Path

from workbench import reference_docs
from workbench.cli.main import main

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_generated_sections_match_the_program():
    text = README.read_text(encoding="utf-8")
    found = reference_docs.sections_in(text)
    assert set(found) == set(reference_docs.SECTIONS), "a generated README section is missing"
    for name, render in reference_docs.SECTIONS.items():
        assert found[name] == render(), (
            f"README section {name} is out of date: run "
            "python -m workbench.reference_docs --write README.md"
        )


def test_readme_lists_every_parameter_default_and_the_83_property_ids():
    text = README.read_text(encoding="utf-8")
    assert "| `max_components` | int | `10` | 1..30 |" in text
    assert "| `folds` | int | `10` | 2..100000 |" in text
    assert text.count("\n| `") >= 83
    from workbench.vocab import BUILTIN_PROPERTY_IDS

    assert len(BUILTIN_PROPERTY_IDS) == 83
    section = reference_docs.sections_in(text)["property-ids"]
    assert all(f"| `{pid}` |" in section for pid in BUILTIN_PROPERTY_IDS)


def test_plugins_show_prints_parameters_with_defaults(capsys):
    assert main(["plugins", "show", "spectral_preprocessing"]) == 0
    out = capsys.readouterr().out
    assert "pipeline (str) = snv\n" in out and "savgol" in out
    assert main(["plugins", "show", "pls_calibration"]) == 0
    out = capsys.readouterr().out
    assert "max_components (int) = 10, allowed 1..30" in out
    assert "repeats (int) = 1" in out and "test_column (str)" in out
    assert main(["plugins", "show", "no_such_plugin"]) == 2
    assert "no plugin 'no_such_plugin'" in capsys.readouterr().err


def test_no_text_states_another_number_of_built_in_property_ids():
    """The count of built-in ids is stated where it is generated; prose that states a
    number of its own goes stale when the vocabulary grows (it said 71 at 83)."""
    import re

    from workbench.vocab import BUILTIN_PROPERTY_IDS

    root = README.parent
    pattern = re.compile(r"\b(\d+)(?: are built in|[ -]built-in (?:property )?ids)", re.I)
    stale = []
    for path in [README, *sorted((root / "workbench").rglob("*.py"))]:
        for found in pattern.finditer(path.read_text(encoding="utf-8")):
            if int(found.group(1)) != len(BUILTIN_PROPERTY_IDS):
                stale.append(f"{path.relative_to(root)}: {found.group(0)!r}")
    assert not stale, stale


def test_plugins_show_on_a_pipeline_name_points_to_the_pipeline(capsys):
    """snv-sg1 is a preprocessing pipeline: asked as a plugin, the answer says so and
    where its Savitzky-Golay window is shown."""
    assert main(["plugins", "show", "snv-sg1"]) == 2
    err = capsys.readouterr().err
    assert "pipeline" in err and "fibre-workbench pipelines show snv-sg1" in err
