"""The Finnish report explains verdicts in Finnish plain words, the English one in English."""

from __future__ import annotations

from html import escape

from workbench.classify import classify_project
from workbench.demo import build_demo_project
from workbench.report.html_report import build_report_html
from workbench.report.plain import plain_reasons


def _visible(html: str) -> str:
    return html.replace("\u00a0", " ")


def test_finnish_report_shows_finnish_reasons_and_suggestions():
    project = build_demo_project()
    verdicts = [v.to_json() for v in classify_project(project)]
    fi_html = _visible(build_report_html(project, verdicts, lang="fi"))
    en_html = _visible(build_report_html(project, verdicts, lang="en"))
    reasons = [
        (en, fi)
        for v in verdicts
        for en, fi in zip(plain_reasons(v, "en", 2, 1), plain_reasons(v, "fi", 2, 1))
    ]
    actions = [(s["action"], s["action_fi"]) for v in verdicts for s in v["suggestions"]]
    assert reasons and actions
    for en, fi in reasons + actions:
        assert escape(fi).replace("\u00a0", " ") in fi_html, fi
        assert escape(en).replace("\u00a0", " ") in en_html, en
    for en, fi in reasons:
        if en != fi:
            assert escape(en).replace("\u00a0", " ") not in fi_html, en
    assert "Tarvitaan arvo" in fi_html and "Miksi" in fi_html and "Tarkistettava vielä" in fi_html
    assert "We need a value" in en_html and "We need a value" not in fi_html


def _pellet_verdict(**change):
    from workbench.classify.engine import classify_sample
    from workbench.classify.routes import load_routes
    from workbench.model import Measurement, Quantity, Sample

    values = {
        "ash": (0.4, "%", "db", "ISO 18122"),
        "nitrogen": (0.1, "%", "db", ""),
        "sulfur": (0.02, "%", "db", ""),
        "chlorine": (0.01, "%", "db", ""),
        "ash_deformation_temperature": (1300.0, "°C", "none", "CEN/TS 15370-1"),
        "pellet_durability": (98.8, "%", "ar", ""),
        "pellet_fines": (0.4, "%", "ar", ""),
        "pellet_bulk_density": (680.0, "kg/m³", "ar", ""),
        "net_calorific_value": (17.5, "MJ/kg", "ar", ""),
        **{m: (0.05, "mg/kg", "db", "") for m in ("arsenic", "cadmium", "mercury")},
        **{m: (2.0, "mg/kg", "db", "") for m in ("chromium", "copper", "lead", "nickel")},
        "zinc": (20.0, "mg/kg", "db", ""),
        **change,
    }
    values = {k: v for k, v in values.items() if v is not None}
    s = Sample(id="s1", name="sawdust", feedstock_type="sawdust")
    s.metadata["chemical_treatment"] = "untreated"
    qs = {p: Quantity(v, u, b, method=m) for p, (v, u, b, m) in values.items()}
    s.measurements["m"] = Measurement(id="m", kind="properties", quantities=qs)
    (v,) = classify_sample(s, [load_routes(include_user=False).get("pellets_enplus_a1")])
    return v.to_json()


def test_every_condition_is_said_in_plain_words():
    """A verdict 'possible, with conditions' always says what the condition is: ash from a
    furnace at 815 °C (a method mismatch) gave the company no sentence at all, and a
    property of the product read 'We need a value ... to decide' as if the lab had
    forgotten it, where the product is tested once made."""
    v = _pellet_verdict(ash=(0.4, "%", "db", "ash at 815 °C (ISO 1171 style)"))
    assert v["verdict"] == "conditionally suitable"
    en, fi = plain_reasons(v, "en"), plain_reasons(v, "fi")
    assert len(en) == len(fi) == 1, (en, fi)
    assert "Ash" in en[0] and "815 °C" in en[0] and "method" in en[0]
    assert "Tuhka" in fi[0] and "815 °C" in fi[0] and "ash at" not in fi[0]
    v = _pellet_verdict(pellet_durability=None)
    assert v["verdict"] == "conditionally suitable"
    en, fi = plain_reasons(v, "en"), plain_reasons(v, "fi")
    assert en == [
        "“Pellet mechanical durability” is tested on the product made from your material."
    ]
    assert fi[0].startswith("”Pellettien mekaaninen kestävyys”") and "tuotteesta" in fi[0]
    v = _pellet_verdict(nitrogen=None)  # a feedstock value: the lab can measure it now
    assert plain_reasons(v, "en")[0] == "We need a value for “Nitrogen (N)” to decide."
