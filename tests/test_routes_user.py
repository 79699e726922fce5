"""User route folder: files add routes or replace built-ins (reported and recorded)."""

from __future__ import annotations

from workbench.classify.engine import classify_sample
from workbench.classify.routes import builtin_routes_dir, load_routes, user_routes_dir
from workbench.model import Measurement, Quantity, Sample


def _wet_chips() -> Sample:
    s = Sample(id="s-1", name="wet chips", feedstock_type="woody")
    s.measurements["m"] = Measurement(
        id="m", kind="properties", quantities={"moisture": Quantity(45.0, "%", "ar")}
    )
    return s


def test_user_folder_is_under_the_test_home(_workbench_home):
    assert user_routes_dir() == _workbench_home / "routes"


def test_user_file_with_same_id_replaces_builtin_and_is_reported():
    text = (builtin_routes_dir() / "wood_chips.toml").read_text(encoding="utf-8")
    import re

    text = re.sub(r'version = "[^"]+"', 'version = "1.0.0-plant55"', text, count=1)
    text = text.replace("limit = 30", "limit = 55", 1)
    (user_routes_dir() / "my_boiler.toml").write_text(text, encoding="utf-8")
    lib = load_routes()
    route = lib.get("wood_chips")
    assert route.origin == "user" and route.version == "1.0.0-plant55"
    assert any(
        "my_boiler.toml" in m and "replaces the built-in route 'wood_chips'" in m
        for m in lib.messages
    )
    assert sum(r.id == "wood_chips" for r in lib) == 1
    (v,) = classify_sample(_wet_chips(), [route])
    assert v.verdict == "suitable"
    assert (v.route_file, v.route_version) == ("user routes/my_boiler.toml", "1.0.0-plant55")
    assert v.notes == ["user route file replaces the built-in wood_chips.toml"]
    # the built-in is untouched and still gives its own verdict
    builtin = load_routes(include_user=False).get("wood_chips")
    (v,) = classify_sample(_wet_chips(), [builtin])
    assert v.verdict == "not suitable" and v.route_file == "routes/wood_chips.toml"


def test_user_file_with_new_id_adds_a_route():
    text = (builtin_routes_dir() / "wood_chips.toml").read_text(encoding="utf-8")
    text = text.replace('id = "wood_chips"', 'id = "my_chips"', 1)
    (user_routes_dir() / "my_chips.toml").write_text(text, encoding="utf-8")
    lib = load_routes()
    assert lib.get("my_chips").origin == "user"
    assert lib.get("wood_chips").origin == "built-in"
    assert any("adds route 'my_chips'" in m for m in lib.messages)


def test_malformed_user_file_is_skipped_with_a_clear_message():
    (user_routes_dir() / "broken.toml").write_text('id = "broken"\nversion = 1\n', encoding="utf-8")
    lib = load_routes()
    assert all(r.id != "broken" for r in lib)
    (msg,) = [m for m in lib.messages if "broken.toml" in m]
    assert msg.startswith("skipped: route file broken.toml")
    assert len(lib) == len(load_routes(include_user=False))
