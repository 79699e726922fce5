"""The report's fixed texts in English and Finnish.

Reports are written headless (CLI, packaged self-test), so they cannot use Qt's
translation catalogues; this small catalogue is their translation. A test checks
that every English key has a Finnish text.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "title_project": (
        "Feedstock characterisation and suitability report",
        "Raaka-aineen karakterisointi- ja soveltuvuusraportti",
    ),
    "title_sample": ("Sample report", "Näyteraportti"),
    "generated": ("Generated", "Laadittu"),
    "project": ("Project", "Projekti"),
    "app_version": ("Application version", "Sovelluksen versio"),
    "demo_notice": (
        "Contains demonstration data: values are typical literature values, not measurements.",
        "Sisältää esittelyaineistoa: arvot ovat kirjallisuuden tyypillisiä arvoja, eivät mittauksia.",
    ),
    "how_to_read": (
        "How to read this report: each product route is judged against limits taken from "
        "standards and literature (sources listed at the end). A route is suitable when every "
        "hard limit is met, conditionally suitable when a limit is met only within measurement "
        "uncertainty or a preference is missed, not suitable when a hard limit fails, and "
        "undecided when a deciding measurement is missing.",
        "Näin luet raporttia: jokaista tuotereittiä verrataan standardien ja kirjallisuuden "
        "raja-arvoihin (lähteet lopussa). Reitti on soveltuva, kun kaikki ehdottomat rajat "
        "täyttyvät, ehdollisesti soveltuva, kun raja täyttyy vain mittausepävarmuuden "
        "puitteissa tai suositus ei täyty, ei sovellu, kun ehdoton raja ylittyy, ja "
        "ratkaisematon, kun ratkaiseva mittaus puuttuu.",
    ),
    "matrix": ("Suitability matrix", "Soveltuvuusmatriisi"),
    "sample": ("Sample", "Näyte"),
    "samples": ("Samples", "Näytteet"),
    "feedstock_type": ("Feedstock type", "Raaka-ainetyyppi"),
    "supplier": ("Supplier", "Toimittaja"),
    "origin": ("Origin", "Alkuperä"),
    "date_received": ("Date received", "Vastaanotettu"),
    "notes": ("Notes", "Huomautukset"),
    "metadata": ("Sample information", "Näytteen tiedot"),
    "measurements": ("Measurements", "Mittaukset"),
    "kind": ("Kind", "Laji"),
    "label": ("Label", "Nimi"),
    "method": ("Method", "Menetelmä"),
    "instrument": ("Instrument", "Laite"),
    "replicate": ("Replicate", "Rinnakkainen"),
    "points": ("Points", "Pisteitä"),
    "source_file": ("Source file", "Lähdetiedosto"),
    "values": ("Values", "Arvot"),
    "property": ("Property", "Ominaisuus"),
    "value": ("Value", "Arvo"),
    "unit": ("Unit", "Yksikkö"),
    "basis": ("Basis", "Perusta"),
    "origin_of_value": ("Obtained", "Saatu"),
    "results": ("Analysis results", "Analyysitulokset"),
    "analysis_notes": ("Notes from the analyses", "Analyysien huomautukset"),
    "plugin": ("Analysis", "Analyysi"),
    "plots": ("Plots", "Kuvaajat"),
    "suitability": ("Suitability per product route", "Soveltuvuus tuotereiteittäin"),
    "route": ("Route", "Reitti"),
    "verdict": ("Verdict", "Arvio"),
    "score": ("Score", "Pisteet"),
    "criterion": ("Criterion", "Kriteeri"),
    "limit": ("Limit", "Raja"),
    "result": ("Result", "Tulos"),
    "source": ("Source", "Lähde"),
    "not_measured": (
        "Not measured yet (would also be checked)",
        "Ei vielä mitattu (tarkistettaisiin myös)",
    ),
    "learned": (
        "Learned model, shown beside the rule verdict, not instead of it",
        "Opetettu malli, näytetään sääntöarvion rinnalla, ei sen sijaan",
    ),
    "cv_accuracy": ("cross-validated accuracy", "ristiinvalidoitu tarkkuus"),
    "why": ("Why", "Miksi"),
    "conditions": ("Conditions", "Ehdot"),
    "missing": ("Missing measurements that would decide it", "Puuttuvat ratkaisevat mittaukset"),
    "suggestions": ("What would change the verdict", "Mikä muuttaisi arviota"),
    "then": ("then", "jolloin"),
    "limit_sources": ("Sources of the limits", "Raja-arvojen lähteet"),
    "provenance": ("Provenance", "Alkuperätiedot"),
    "input_files": ("Input files", "Syötetiedostot"),
    "imported": ("Imported", "Tuotu"),
    "size_bytes": ("Size (bytes)", "Koko (tavua)"),
    "analyses_used": ("Analyses used", "Käytetyt analyysit"),
    "route_specs": ("Route specifications used", "Käytetyt reittimääritykset"),
    "version": ("Version", "Versio"),
    "file": ("File", "Tiedosto"),
    "none": ("none", "ei mitään"),
    "no_verdicts": ("No suitability verdicts available.", "Soveltuvuusarvioita ei ole saatavilla."),
    "suitable": ("suitable", "soveltuu"),
    "conditionally suitable": ("conditionally suitable", "soveltuu ehdoin"),
    "not suitable": ("not suitable", "ei sovellu"),
    "not enough data": ("not enough data", "tiedot eivät riitä"),
    "pass": ("pass", "täyttyy"),
    "fail": ("fail", "ei täyty"),
    "unknown": ("unknown", "ei tiedossa"),
    "borderline": ("borderline", "rajalla"),
    "info": ("for information", "tiedoksi"),
    "measured": ("measured", "mitattu"),
    "derived": ("derived", "johdettu"),
    "predicted": ("predicted", "ennustettu"),
    "typed": ("typed in", "syötetty"),
    "no_data": ("no data", "ei tietoja"),
}


def text(key: str, lang: str = "en") -> str:
    """The text for ``key`` in ``lang`` ("en" or "fi"); unknown keys come back unchanged."""
    pair = TEXTS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "fi" else pair[0]
