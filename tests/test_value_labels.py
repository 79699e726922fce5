"""Every value a built-in analysis reports has a name in English and Finnish, never its id."""

from __future__ import annotations

import tomllib

from workbench.paths import plugins_dir
from workbench.value_labels import metadata_label, metadata_value, value_label


def _produced_values() -> set[str]:
    out = set()
    for path in plugins_dir().glob("*/plugin.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out |= {v["property"] for v in data.get("produces", {}).get("values", [])}
    return out - {"*"}


def test_every_value_of_the_built_in_analyses_has_a_name_in_both_languages():
    values = _produced_values()
    assert {"pls_rmsecv", "pls_components", "ash"} <= values
    for pid in values:
        en, fi = value_label(pid, "en"), value_label(pid, "fi")
        assert "_" not in en and "_" not in fi, pid
        assert en != fi or en.isupper() or pid.startswith("pc"), (pid, en)  # RPD, KS stay
    assert value_label("pls_components", "fi") == "PLS-komponentteja"
    assert value_label("pc3_score", "fi") == "PC3-pistemäärä"
    assert value_label("someone_elses_value") == "Someone elses value"


def test_answers_about_a_sample_read_in_words():
    assert metadata_label("chemical_treatment", "fi") == "Kemiallinen käsittely"
    assert metadata_value("chemical_treatment", "untreated", "fi") == "käsittelemätön"
    assert metadata_value("wood_type", "softwood", "en") == "softwood"
    assert metadata_label("batch_no") == "Batch no"  # a user's own key, as typed
