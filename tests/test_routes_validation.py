"""The route-file validator: built-in files are valid; malformed files get clear messages."""

from __future__ import annotations

import re
import tomllib

import pytest

from workbench.classify.routes import builtin_routes_dir, load_routes
from workbench.classify.spec import load_route_file, validate_route
from workbench.errors import SpecificationError
from workbench.vocab import PROPERTIES

GOOD = """
id = "test_route"
version = "1.0"
name_en = "Test route"
name_fi = "Testireitti"
description_en = "A route for tests."
description_fi = "Reitti testeille."

[[criteria]]
id = "ash_max"
property = "ash"
basis = "db"
unit = "%"
comparator = "<"
limit = 0.7
kind = "hard"
source = "[S18] ENplus"
reliability = "A"
"""


def _write(tmp_path, text: str, name: str = "test_route.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path, text: str) -> str:
    with pytest.raises(SpecificationError) as info:
        load_route_file(_write(tmp_path, text))
    return str(info.value)


def _edit(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


def test_good_file_loads(tmp_path):
    spec = load_route_file(_write(tmp_path, GOOD))
    assert spec.id == "test_route"
    assert spec.criteria[0].limit == 0.7
    assert spec.file_label == "routes/test_route.toml"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('property = "ash"', 'property = "ashes"', "unknown property 'ashes'"),
        ('comparator = "<"', 'comparator = "=<"', "bad comparator '=<'"),
        ('source = "[S18] ENplus"\n', "", "missing required key 'source'"),
        ('source = "[S18] ENplus"', 'source = ""', "'source' must not be empty"),
        ("limit = 0.7", 'limit = "0.7"', "'limit' must be a number, not str"),
        ("limit = 0.7", "limit = true", "'limit' must be a number, not bool"),
        ('kind = "hard"', 'kind = "must"', "bad kind 'must'"),
        ('reliability = "A"', 'reliability = "excellent"', "reliability must be a grade"),
        ('basis = "db"', 'basis = "dry"', "unknown basis 'dry'"),
        ('unit = "%"', 'unit = "MJ/kg"', "unit 'MJ/kg' cannot be converted"),
        ("limit = 0.7", "limit = 0.7\nlimt = 0.5", "unknown key(s) limt"),
        ("limit = 0.7", "limits = [0.1, 0.7]", "comparator '<' needs 'limit'"),
        (
            'comparator = "<"\nlimit = 0.7',
            'comparator = "between"\nlimits = [2.0, 1.0]',
            "low 2 is above high 1",
        ),
        (
            'comparator = "<"\nlimit = 0.7',
            'comparator = "between"\nlimits = [1.0]',
            "list of two numbers",
        ),
        ('kind = "hard"', 'kind = "hard"\napplies_to = "product"', "needs a 'predictor'"),
        (
            'kind = "hard"',
            'kind = "hard"\napplies_to = "product"\npredictor = "crystal_ball"',
            "unknown predictor 'crystal_ball'",
        ),
        (
            'kind = "hard"',
            'kind = "hard"\npredictor = "measured_on_product"',
            "belongs to product criteria only",
        ),
        ('kind = "hard"', 'kind = "hard"\ngap = true', "GAP criterion has no sourced number"),
        ('kind = "hard"', 'kind = "hard"\nweight = -1', "'weight' must not be negative"),
        ('kind = "hard"', 'kind = "hard"\nmethods = "ISO 18122"', "'methods' must be a list"),
        ('id = "ash_max"', 'id = "Ash Max"', "lower-case identifier"),
    ],
)
def test_criterion_errors_name_file_criterion_and_problem(tmp_path, old, new, expected):
    message = _error(tmp_path, _edit(old, new))
    assert "test_route.toml" in message
    assert "criterion" in message
    assert expected in message


def test_error_names_the_criterion_id(tmp_path):
    message = _error(tmp_path, _edit('property = "ash"', 'property = "ashes"'))
    assert "criterion 'ash_max'" in message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('name_fi = "Testireitti"\n', "", "missing required key 'name_fi'"),
        ('version = "1.0"', 'version = "1.0"\ncolour = "red"', "unknown top-level key(s) colour"),
        ('version = "1.0"', "version = 1.0", "'version' must be a text string"),
        (
            'id = "test_route"',
            'id = "test_route"\nschema_version = 99',
            "schema_version 99 is not supported",
        ),
    ],
)
def test_route_level_errors(tmp_path, old, new, expected):
    message = _error(tmp_path, _edit(old, new))
    assert "test_route.toml" in message and expected in message


def test_invalid_toml_is_reported_with_file(tmp_path):
    message = _error(tmp_path, GOOD + "\n[[criteria]\n")
    assert "test_route.toml" in message and "not valid TOML" in message


def test_duplicate_criterion_id(tmp_path):
    second = GOOD[GOOD.index("[[criteria]]") :]
    assert "duplicate criterion id" in _error(tmp_path, GOOD + second)


def test_route_without_hard_criteria_needs_thresholds(tmp_path):
    text = _edit(
        'comparator = "<"\nlimit = 0.7\nkind = "hard"',
        'comparator = "<"\nlimit = 0.7\nkind = "scored"',
    )
    assert "needs [score_thresholds]" in _error(tmp_path, text)
    ok = text.replace(
        'description_fi = "Reitti testeille."',
        'description_fi = "Reitti testeille."\nscore_thresholds = { suitable = 70, conditional = 40 }',
    )
    assert load_route_file(_write(tmp_path, ok)).score_thresholds.suitable == 70
    bad = ok.replace("suitable = 70, conditional = 40", "suitable = 30, conditional = 40")
    assert "limits inconsistent" in _error(tmp_path, bad)


def test_preferred_range_must_sit_inside_acceptable(tmp_path):
    text = _edit(
        'comparator = "<"\nlimit = 0.7\nkind = "hard"',
        'comparator = "preferred_range"\npreferred = [10, 20]\nacceptable = [12, 30]\nkind = "scored"',
    ).replace(
        'description_fi = "Reitti testeille."',
        'description_fi = "Reitti testeille."\nscore_thresholds = { suitable = 70, conditional = 40 }',
    )
    assert "'acceptable' range must contain the 'preferred' range" in _error(tmp_path, text)


def test_preferred_range_cannot_be_hard(tmp_path):
    text = _edit(
        'comparator = "<"\nlimit = 0.7', 'comparator = "preferred_range"\npreferred = [10, 20]'
    )
    assert "kind must be 'scored' or 'informative'" in _error(tmp_path, text)


def test_categorical_values_are_checked(tmp_path):
    text = _edit(
        'property = "ash"\nbasis = "db"\nunit = "%"\ncomparator = "<"\nlimit = 0.7',
        'property = "feedstock_type"\ncomparator = "in"\nvalues = ["woody", "plastic"]',
    )
    assert "value(s) plastic not allowed for 'feedstock_type'" in _error(tmp_path, text)


def test_gap_needs_explanation(tmp_path):
    text = _edit(
        'comparator = "<"\nlimit = 0.7\nkind = "hard"',
        'comparator = "report"\nkind = "informative"\ngap = true',
    )
    text = text.replace(
        'description_fi = "Reitti testeille."',
        'description_fi = "Reitti testeille."\nscore_thresholds = { suitable = 70, conditional = 40 }',
    )
    assert "needs an 'explanation'" in _error(tmp_path, text)


def test_validate_route_rejects_non_table():
    with pytest.raises(SpecificationError, match="must be a TOML table"):
        validate_route([1, 2], "x.toml")


# -- the built-in files -------------------------------------------------------------------
BUILTIN = sorted(builtin_routes_dir().glob("*.toml"))


def test_builtin_route_families_present():
    ids = {r.id for r in load_routes(include_user=False)}
    for required in (
        "biochar",
        "pellets_enplus_a1",
        "pellets_enplus_a2",
        "pellets_enplus_b",
        "wood_chips",
        "pulp_fibre",
        "composites",
        "insulation",
        "biogas",
        "dissolving_pulp_mfc",
        "compost_growing_media",
        "biobased_chemicals",
    ):
        assert required in ids


@pytest.mark.parametrize("path", BUILTIN, ids=[p.stem for p in BUILTIN])
def test_builtin_file_is_valid_and_sourced(path):
    spec = load_route_file(path)
    assert spec.name_fi.strip() and spec.description_fi.strip()
    internal = re.compile(r"route-requirements|\bgap \d|\bGAP\b|\bbuy\b|AUKKO", re.I)
    for c in spec.criteria:
        assert c.source.strip(), (spec.id, c.id)
        if c.source_type == "primary" and not c.gap:
            # a limit read in a primary text cites it by its key in route-requirements.md
            assert re.search(r"\[S\d+b?\]", c.source), (spec.id, c.id)
        if c.source_type == "unchecked":
            # what to read to check it is written for maintainers
            assert re.search(r"\bread\b", c.maintainer_note, re.I), (spec.id, c.id)
        if c.gap:
            assert c.kind == "informative" and c.limit is None and c.limits is None
            assert c.explanation.startswith("Not judged"), (spec.id, c.id)
            assert c.maintainer_note, (spec.id, c.id)
        # notes for maintainers never reach a user
        for text in (c.label_en, c.label_fi, c.note_en, c.note_fi, c.explanation, c.explanation_fi):
            assert not internal.search(text), (spec.id, c.id, text)
        if c.property in PROPERTIES and c.comparator != "report":
            assert c.unit == PROPERTIES[c.property].unit


@pytest.mark.parametrize("path", BUILTIN, ids=[p.stem for p in BUILTIN])
def test_builtin_limits_match_the_reference_text(path):
    """Each numeric limit appears in the shared reference (when it is present)."""
    from pathlib import Path

    ref = (
        Path(__file__).resolve().parents[1]
        / ".."
        / "shared"
        / "reference"
        / "route-requirements.md"
    )
    if not ref.exists():
        pytest.skip("../shared/reference/route-requirements.md is not available")
    text = ref.read_text(encoding="utf-8")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for c in data["criteria"]:
        numbers = []
        if "limit" in c:
            numbers.append(c["limit"])
        numbers.extend(c.get("limits", []))
        numbers.extend(
            v for v in c.get("preferred", []) + c.get("acceptable", []) if v != float("inf")
        )
        for n in numbers:
            if c.get("property") == "median_particle_size":
                continue  # mesh sizes converted to mm, documented in the note
            forms = {f"{n:g}", f"{n:.1f}", f"{n:.2f}"}
            assert any(f in text for f in forms), (path.name, c["id"], n)
