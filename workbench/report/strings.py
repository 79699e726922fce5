"""The report's fixed texts in English and Finnish.

Reports are written headless (CLI, packaged self-test), so they cannot use Qt's
translation catalogues; this small catalogue is their translation. A test checks
that every English key has a Finnish text. The words are for a reader outside the lab:
plain, with no ids, file formats or maintainers' references.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "title_project": ("Suitability report", "Soveltuvuusraportti"),
    "title_sample": ("Suitability report: %1", "Soveltuvuusraportti: %1"),
    "written": (
        "Written %1 with Fibre Workbench %2.",
        "Laadittu %1 Fibre Workbench %2 -ohjelmalla.",
    ),
    "demo_notice": (
        "Demonstration data: the values are typical literature values, not measurements.",
        "Esittelyaineistoa: arvot ovat kirjallisuuden tyypillisiä arvoja, eivät mittauksia.",
    ),
    "how_to_read": (
        "Each product route is checked against limits from standards and the literature "
        "(sources at the end). ✔ suitable: every limit is met. ◐ suitable with conditions: a "
        "limit is met only within the measurement uncertainty, a preference is missed, or "
        "something is still to be checked. ✘ not suitable: a limit is not met. ? not enough "
        "data: a value that decides it is missing.",
        "Jokaista tuotereittiä verrataan standardien ja kirjallisuuden raja-arvoihin (lähteet "
        "lopussa). ✔ soveltuu: kaikki rajat täyttyvät. ◐ soveltuu ehdoin: raja täyttyy vain "
        "mittausepävarmuuden puitteissa, jokin suositus ei täyty tai jotain on vielä "
        "tarkistettava. ✘ ei sovellu: jokin raja ei täyty. ? tiedot eivät riitä: ratkaiseva "
        "arvo puuttuu.",
    ),
    "overview": ("All samples at a glance", "Kaikki näytteet yhdellä silmäyksellä"),
    "routes": ("Product routes", "Tuotereitit"),
    "answers": ("What the material suits", "Mihin materiaali soveltuu"),
    "about_material": ("About the material", "Tietoa materiaalista"),
    "measure_next": (
        "Measuring these would decide more routes: %1.",
        "Näiden mittaaminen ratkaisisi useampia reittejä: %1.",
    ),
    "n_routes": ("%1 (%2 routes)", "%1 (%2 reittiä)"),
    "evidence": ("The evidence: %1", "Perustelut: %1"),
    "your_values": ("Values used", "Käytetyt arvot"),
    "plots": ("Curves and spectra", "Käyrät ja spektrit"),
    "how_judged": ("How each route was judged", "Miten kukin reitti arvioitiin"),
    "still_to_check": (
        "Still to check on the material: %1.",
        "Tarkistettava vielä materiaalista: %1.",
    ),
    "test_product": ("To test on the product: %1.", "Testattava tuotteesta: %1."),
    "would_change": ("What would change the answer", "Mikä muuttaisi vastausta"),
    "learned": (
        "Your own trained model “%1” says: %2 (beside the rule verdict, not instead of it).",
        "Oma opetettu malli ”%1” sanoo: %2 (sääntöarvion rinnalla, ei sen sijaan).",
    ),
    "cv_accuracy": (
        "Its cross-validated accuracy is %1 %.",
        "Sen ristiinvalidoitu tarkkuus on %1 %.",
    ),
    "analysis_notes": ("Notes from the analyses", "Analyysien huomautukset"),
    "limit_sources": ("Sources of the limits", "Raja-arvojen lähteet"),
    "own_rule": (
        "Fibre Workbench guidance value: no published limit was found for this check.",
        "Fibre Workbenchin ohjearvo: tälle tarkistukselle ei löytynyt julkaistua raja-arvoa.",
    ),
    "about_report": ("About this report", "Tietoa raportista"),
    "project_file": ("Project file: %1.", "Projektitiedosto: %1."),
    "route_versions": ("Route specifications used", "Käytetyt reittimääritykset"),
    "analyses_used": ("Analyses used", "Käytetyt analyysit"),
    "input_files": ("Input files", "Syötetiedostot"),
    "no_verdicts": ("No suitability verdicts available.", "Soveltuvuusarvioita ei ole saatavilla."),
    "none": ("none", "ei mitään"),
    "page": ("page %1 of %2", "sivu %1/%2"),
    # table headings
    "sample": ("Sample", "Näyte"),
    "route": ("Route", "Reitti"),
    "answer": ("Answer", "Vastaus"),
    "why": ("Why", "Miksi"),
    "property": ("Property", "Ominaisuus"),
    "value": ("Value", "Arvo"),
    "basis": ("Basis", "Perusta"),
    "obtained": ("How obtained", "Mistä saatu"),
    "method": ("Method", "Menetelmä"),
    "checked": ("What was checked", "Mitä tarkistettiin"),
    "yours": ("Yours", "Sinun"),
    "as_given": ("lab report: %1", "laboratorion ilmoittama: %1"),
    "requirement": ("Requirement", "Vaatimus"),
    "result": ("Result", "Tulos"),
    "source": ("Source", "Lähde"),
    "file": ("File", "Tiedosto"),
    "kind": ("Kind", "Laji"),
    "imported": ("Imported", "Tuotu"),
    "version": ("Version", "Versio"),
    # sample fields and answers
    "feedstock_type": ("Kind of material", "Materiaalin laji"),
    "supplier": ("Supplier", "Toimittaja"),
    "origin": ("Origin", "Alkuperä"),
    "date_received": ("Date received", "Vastaanotettu"),
    "notes": ("Notes", "Huomautukset"),
    # verdicts and results
    "suitable": ("suitable", "soveltuu"),
    "conditionally suitable": ("suitable with conditions", "soveltuu ehdoin"),
    "not suitable": ("not suitable", "ei sovellu"),
    "not enough data": ("not enough data", "tiedot eivät riitä"),
    "pass": ("met", "täyttyy"),
    "fail": ("not met", "ei täyty"),
    "unknown": ("not known", "ei tiedossa"),
    "borderline": ("borderline", "rajalla"),
    "info": ("for information", "tiedoksi"),
    "n/a": ("does not apply", "ei koske"),
    # how a value was obtained
    "measured": ("measured", "mitattu"),
    "derived": ("calculated", "laskettu"),
    "predicted": ("predicted by a model", "ennustettu mallilla"),
    "typed": ("typed in", "syötetty"),
    "from_file": ("measured, %1", "mitattu, %1"),
    "by_analysis": ("calculated: %1", "laskettu: %1"),
    # kinds of measurement
    "kind.tga": ("TGA curve", "TGA-käyrä"),
    "kind.spectrum": ("Spectrum", "Spektri"),
    "kind.moisture": ("Moisture", "Kosteus"),
    "kind.ash": ("Ash", "Tuhka"),
    "kind.fibre_summary": ("Fibre analysis summary", "Kuituanalyysin yhteenveto"),
    "kind.fibre_particles": ("Fibre particle list", "Kuitujen partikkelilista"),
    "kind.fibre_distribution": ("Fibre length distribution", "Kuidunpituusjakauma"),
    "kind.properties": ("Lab values", "Laboratorioarvot"),
    "kind.table": ("Table", "Taulukko"),
    # plots
    "no_data": ("no data", "ei tietoja"),
}


def text(key: str, lang: str = "en", *args: object) -> str:
    """The text for ``key`` in ``lang`` ("en" or "fi") with ``%1``.. filled in; unknown
    keys come back unchanged."""
    pair = TEXTS.get(key)
    if pair is None:
        return key
    out = pair[1] if lang == "fi" else pair[0]
    for n in range(len(args), 0, -1):
        out = out.replace(f"%{n}", str(args[n - 1]))
    return out
