<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>About</name>
    <message>
        <location filename="../../workbench/gui/dialogs.py" line="100"/>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;An offline workbench for fibre and biomass characterisation data: import instrument exports into one project file, run analyses, and see which product routes each feedstock suits, with the reasons.&lt;/p&gt;&lt;p&gt;Demonstration data shipped with the application are labelled as such.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;Verkkoyhteydettä toimiva työpöytä kuitu- ja biomassamateriaalien karakterisointitiedoille: tuo laitteiden vientitiedostot yhteen projektitiedostoon, aja analyysejä ja näe perusteluineen, mihin tuotereitteihin kukin raaka-aine sopii.&lt;/p&gt;&lt;p&gt;Sovelluksen mukana tuleva esittelyaineisto on merkitty esittelyaineistoksi.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/dialogs.py" line="109"/>
        <source>About %1</source>
        <translation>Tietoja: %1</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../workbench/gui/actions.py" line="60"/>
        <source>&amp;Undo</source>
        <translation>&amp;Kumoa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="62"/>
        <source>&amp;Redo</source>
        <translation>&amp;Tee uudelleen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="64"/>
        <source>Undo the last change (imports and analyses too)</source>
        <translation>Kumoa viimeisin muutos (myös tuonnit ja analyysit)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="65"/>
        <source>Do again what was undone</source>
        <translation>Tee uudelleen se, mikä kumottiin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="69"/>
        <source>&amp;New project</source>
        <translation>&amp;Uusi projekti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="72"/>
        <source>Start an empty project</source>
        <translation>Aloita tyhjä projekti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="76"/>
        <source>&amp;Open…</source>
        <translation>&amp;Avaa…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="79"/>
        <source>Open a project file (.fwproj)</source>
        <translation>Avaa projektitiedosto (.fwproj)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="83"/>
        <source>&amp;Save</source>
        <translation>&amp;Tallenna</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="86"/>
        <source>Save the project to its file</source>
        <translation>Tallenna projekti sen tiedostoon</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="90"/>
        <source>Save &amp;As…</source>
        <translation>Tallenna &amp;nimellä…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="93"/>
        <source>Save the project to a new file</source>
        <translation>Tallenna projekti uuteen tiedostoon</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="97"/>
        <source>&amp;Close project</source>
        <translation>&amp;Sulje projekti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="100"/>
        <source>Close the project (you are asked to save changes)</source>
        <translation>Sulje projekti (tallentamattomista muutoksista kysytään)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="104"/>
        <source>&amp;Import files…</source>
        <translation>T&amp;uo tiedostoja…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="107"/>
        <source>Import instrument exports into the project (you can also drop files on the window)</source>
        <translation>Tuo laitteiden vientitiedostoja projektiin (voit myös pudottaa tiedostot ikkunaan)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="114"/>
        <source>&amp;Quit</source>
        <translation>&amp;Lopeta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="117"/>
        <source>Close Fibre Workbench (you are asked to save changes)</source>
        <translation>Sulje Fibre Workbench (tallentamattomista muutoksista kysytään)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="123"/>
        <source>&amp;Add sample</source>
        <translation>&amp;Lisää näyte</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="126"/>
        <source>Add an empty sample</source>
        <translation>Lisää tyhjä näyte</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="130"/>
        <source>Re&amp;name sample</source>
        <translation>&amp;Nimeä näyte uudelleen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="133"/>
        <source>Edit the selected sample&apos;s name</source>
        <translation>Muokkaa valitun näytteen nimeä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="137"/>
        <source>&amp;Delete sample</source>
        <translation>Poista &amp;näyte</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="140"/>
        <source>Delete the selected samples with their data (can be undone)</source>
        <translation>Poista valitut näytteet tietoineen (voidaan kumota)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="144"/>
        <source>Sample &amp;metadata…</source>
        <translation>Näytteen &amp;lisätiedot…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="146"/>
        <source>Edit the free key-value notes of the selected sample</source>
        <translation>Muokkaa valitun näytteen vapaita avain–arvo-merkintöjä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="150"/>
        <source>&amp;Properties…</source>
        <translation>&amp;Ominaisuudet…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="152"/>
        <source>The property ids values are named by; add properties of the project&apos;s own</source>
        <translation>Ominaisuustunnukset, joilla arvot nimetään; lisää projektin omia ominaisuuksia</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="159"/>
        <source>&amp;About Fibre Workbench</source>
        <translation>&amp;Tietoja Fibre Workbenchistä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="161"/>
        <source>Version and purpose of the application</source>
        <translation>Sovelluksen versio ja käyttötarkoitus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="165"/>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Vianmääritys…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="167"/>
        <source>Versions and file locations, for support requests</source>
        <translation>Versiot ja tiedostojen sijainnit tukipyyntöjä varten</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="169"/>
        <source>Open &amp;Recent</source>
        <translation>Avaa &amp;viimeaikainen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="181"/>
        <source>&amp;File</source>
        <translation>&amp;Tiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="191"/>
        <source>&amp;Edit</source>
        <translation>&amp;Muokkaa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="198"/>
        <location filename="../../workbench/gui/analysis_actions.py" line="163"/>
        <source>&amp;View</source>
        <translation>&amp;Näytä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="202"/>
        <source>&amp;Language</source>
        <translation>&amp;Kieli</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="206"/>
        <source>System default</source>
        <translation>Järjestelmän oletus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="212"/>
        <source>Language of the menus, guide and reports</source>
        <translation>Valikoiden, oppaan ja raporttien kieli</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="218"/>
        <location filename="../../workbench/gui/analysis_actions.py" line="187"/>
        <source>&amp;Help</source>
        <translation>&amp;Ohje</translation>
    </message>
</context>
<context>
    <name>Analyses</name>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="149"/>
        <source>Suitability</source>
        <translation>Soveltuvuus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="153"/>
        <source>Every sample&apos;s suitability for each product route</source>
        <translation>Jokaisen näytteen soveltuvuus kullekin tuotereitille</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="158"/>
        <source>&amp;Suitability matrix</source>
        <translation>&amp;Soveltuvuusmatriisi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="160"/>
        <source>Show every sample&apos;s suitability for each product route</source>
        <translation>Näytä jokaisen näytteen soveltuvuus kullekin tuotereitille</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="189"/>
        <source>&amp;Analyses</source>
        <translation>&amp;Analyysit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="190"/>
        <source>&amp;Tools</source>
        <translation>T&amp;yökalut</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="203"/>
        <source>Re-run all &amp;stale results</source>
        <translation>Aja kaikki &amp;vanhentuneet tulokset uudelleen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="205"/>
        <source>Compute again every result whose input data have changed</source>
        <translation>Laske uudelleen kaikki tulokset, joiden lähtötiedot ovat muuttuneet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="210"/>
        <source>&amp;Self-assessment wizard…</source>
        <translation>&amp;Ohjattu itsearviointi…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="212"/>
        <source>Describe a side stream, add its lab values, see what it suits</source>
        <translation>Kuvaile sivuvirta, lisää sen laboratorioarvot ja katso, mihin se sopii</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="215"/>
        <source>&amp;Train classifier…</source>
        <translation>&amp;Opeta luokittelija…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="217"/>
        <source>Training &amp;labels…</source>
        <translation>Opetus&amp;luokat…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="221"/>
        <source>&amp;Plugins…</source>
        <translation>&amp;Liitännäiset…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="223"/>
        <source>Every plugin with its version, origin and status</source>
        <translation>Kaikki liitännäiset versioineen, alkuperineen ja tiloineen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="283"/>
        <source>%1 on 1 sample</source>
        <translation>%1, 1 näyte</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="285"/>
        <source>%1 on %2 samples</source>
        <translation>%1, %2 näytettä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="299"/>
        <source>%1: %2 result(s) added.</source>
        <translation>%1: lisättiin %2 tulosta.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="302"/>
        <source>Skipped: %1</source>
        <translation>Ohitettiin: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="315"/>
        <source>%1 could not run: %2</source>
        <translation>%1 ei onnistunut: %2</translation>
    </message>
</context>
<context>
    <name>AnalysisDialog</name>
    <message>
        <location filename="../../workbench/gui/analysis_dialog.py" line="93"/>
        <source>Method: %1</source>
        <translation>Menetelmä: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_dialog.py" line="100"/>
        <source>Parameters</source>
        <translation>Parametrit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_dialog.py" line="102"/>
        <source>Restore defaults</source>
        <translation>Palauta oletukset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_dialog.py" line="110"/>
        <source>Samples</source>
        <translation>Näytteet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_dialog.py" line="113"/>
        <source>All ticked samples are analysed together.</source>
        <translation>Kaikki rastitetut näytteet analysoidaan yhdessä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_dialog.py" line="115"/>
        <source>Each ticked sample gets its own result.</source>
        <translation>Jokainen rastitettu näyte saa oman tuloksensa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_dialog.py" line="123"/>
        <source>Run</source>
        <translation>Aja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_dialog.py" line="170"/>
        <source>This sample has no %1 data.</source>
        <translation>Tällä näytteellä ei ole tietoja: %1.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_dialog.py" line="212"/>
        <source>Tick at least one sample.</source>
        <translation>Rastita vähintään yksi näyte.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../workbench/gui/app.py" line="75"/>
        <source>The demonstration project could not be created: %1</source>
        <translation>Esittelyprojektia ei voitu luoda: %1</translation>
    </message>
</context>
<context>
    <name>CalibrationExport</name>
    <message>
        <location filename="../../workbench/gui/calibration_export_dialog.py" line="35"/>
        <location filename="../../workbench/gui/calibration_export_dialog.py" line="41"/>
        <location filename="../../workbench/gui/calibration_export_dialog.py" line="50"/>
        <source>Export calibration</source>
        <translation>Vie kalibrointi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/calibration_export_dialog.py" line="36"/>
        <source>The model of this calibration is not in the project.</source>
        <translation>Tämän kalibroinnin mallia ei ole projektissa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/calibration_export_dialog.py" line="43"/>
        <source>Excel workbook (*.xlsx);;CSV files, one per table (*.csv)</source>
        <translation>Excel-työkirja (*.xlsx);;CSV-tiedostot, yksi taulukkoa kohden (*.csv)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/calibration_export_dialog.py" line="53"/>
        <source>Calibration %1 written to %2</source>
        <translation>Kalibrointi %1 kirjoitettu: %2</translation>
    </message>
</context>
<context>
    <name>ColumnMapTable</name>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="35"/>
        <source>not stated</source>
        <translation>ei ilmoitettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="36"/>
        <source>as received (ar)</source>
        <translation>saapumistilassa (ar)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="37"/>
        <source>dry basis (db)</source>
        <translation>kuiva-aineesta (db)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="38"/>
        <source>dry, ash-free (daf)</source>
        <translation>kuiva, tuhkaton (daf)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="39"/>
        <source>air-dried (ad)</source>
        <translation>ilmakuiva (ad)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="53"/>
        <source>Column in the file</source>
        <translation>Sarake tiedostossa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="54"/>
        <source>Use as</source>
        <translation>Käyttö</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="55"/>
        <source>Unit in the file</source>
        <translation>Yksikkö tiedostossa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="56"/>
        <source>Basis</source>
        <translation>Perusta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="57"/>
        <source>Method</source>
        <translation>Menetelmä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="73"/>
        <source>Ignore</source>
        <translation>Ohita</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="74"/>
        <source>Sample name</source>
        <translation>Näytteen nimi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="75"/>
        <source>Plain column (kept as is)</source>
        <translation>Tavallinen sarake (sellaisenaan)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_mapping.py" line="84"/>
        <source>e.g. ISO 18122</source>
        <translation>esim. ISO 18122</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="24"/>
        <source>Temperature</source>
        <translation>Lämpötila</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="25"/>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="26"/>
        <source>Mass</source>
        <translation>Massa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="27"/>
        <source>Wavelength</source>
        <translation>Aallonpituus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="28"/>
        <source>Wavenumber</source>
        <translation>Aaltoluku</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="29"/>
        <source>Absorbance</source>
        <translation>Absorbanssi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="30"/>
        <source>Reflectance</source>
        <translation>Reflektanssi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="31"/>
        <source>Transmittance</source>
        <translation>Transmittanssi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="32"/>
        <source>Intensity</source>
        <translation>Intensiteetti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="33"/>
        <source>Signal</source>
        <translation>Signaali</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="34"/>
        <source>Heat flow</source>
        <translation>Lämpövirta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="35"/>
        <source>Length</source>
        <translation>Pituus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="36"/>
        <source>Width</source>
        <translation>Leveys</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="37"/>
        <source>Curl</source>
        <translation>Kiharuus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="38"/>
        <source>Kinks</source>
        <translation>Mutkat</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="39"/>
        <source>Replicate</source>
        <translation>Rinnakkainen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="40"/>
        <source>Moisture</source>
        <translation>Kosteus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="41"/>
        <source>Ash</source>
        <translation>Tuhka</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="42"/>
        <source>Ash (dry basis)</source>
        <translation>Tuhka (kuiva-aineesta)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="43"/>
        <source>Moisture (wet basis)</source>
        <translation>Kosteus (märkäpainosta)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="44"/>
        <source>Ash replicates</source>
        <translation>Tuhkan rinnakkaiset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="45"/>
        <source>Moisture replicates</source>
        <translation>Kosteuden rinnakkaiset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="46"/>
        <source>Mass, relative to the initial mass</source>
        <translation>Massa suhteessa alkumassaan</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="49"/>
        <source>DTG (-dm/dT)</source>
        <translation>DTG (-dm/dT)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="50"/>
        <source>Peak DTG</source>
        <translation>DTG-huippu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="51"/>
        <source>Peak temperature</source>
        <translation>Huippulämpötila</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="52"/>
        <source>Particles</source>
        <translation>Partikkelit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="53"/>
        <source>Share of count</source>
        <translation>Osuus lukumäärästä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="54"/>
        <source>Share of length</source>
        <translation>Osuus pituudesta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="55"/>
        <source>Class from</source>
        <translation>Luokka alkaen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="56"/>
        <source>Class to</source>
        <translation>Luokka päättyen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="57"/>
        <source>Class midpoint</source>
        <translation>Luokan keskikohta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="58"/>
        <source>Component</source>
        <translation>Komponentti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="59"/>
        <source>Components</source>
        <translation>Komponentit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="60"/>
        <source>Explained variance</source>
        <translation>Selitetty varianssi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="61"/>
        <source>Cumulative explained variance</source>
        <translation>Kumulatiivinen selitetty varianssi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="62"/>
        <source>Regression coefficient</source>
        <translation>Regressiokerroin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/column_labels.py" line="63"/>
        <source>Sample number</source>
        <translation>Näytteen numero</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../workbench/gui/commands.py" line="23"/>
        <source>Add sample “%1”</source>
        <translation>Lisää näyte ”%1”</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/commands.py" line="44"/>
        <source>Delete sample “%1”</source>
        <translation>Poista näyte ”%1”</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/commands.py" line="62"/>
        <source>Rename sample to “%1”</source>
        <translation>Nimeä näyte: ”%1”</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/commands.py" line="64"/>
        <source>Edit %1 of a sample</source>
        <translation>Muokkaa näytteen tietoa: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/commands.py" line="86"/>
        <source>Edit metadata “%1”</source>
        <translation>Muokkaa lisätietoa ”%1”</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_command.py" line="116"/>
        <source>Import %1 file(s)</source>
        <translation>Tuo %1 tiedosto(a)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_command.py" line="118"/>
        <source>Import “%1”</source>
        <translation>Tuo ”%1”</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_actions.py" line="295"/>
        <source>Run %1</source>
        <translation>Aja %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_commands.py" line="81"/>
        <source>Type lab values</source>
        <translation>Syötä laboratorioarvot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_commands.py" line="101"/>
        <source>Save model “%1”</source>
        <translation>Tallenna malli ”%1”</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/analysis_commands.py" line="120"/>
        <source>Edit label “%1”</source>
        <translation>Muokkaa luokkaa ”%1”</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="48"/>
        <source>Add property “%1”</source>
        <translation>Lisää ominaisuus ”%1”</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../workbench/gui/wizard_questions.py" line="212"/>
        <source>Add your lab data</source>
        <translation>Lisää laboratorioarvot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_questions.py" line="215"/>
        <source>Import the files from your lab, or type the values you have. Leave a field empty if you do not know it.</source>
        <translation>Tuo laboratoriosi tiedostot tai kirjoita arvot, jotka sinulla on. Jätä kenttä tyhjäksi, jos et tiedä arvoa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_questions.py" line="219"/>
        <source>Import lab files…</source>
        <translation>Tuo laboratorion tiedostoja…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_questions.py" line="284"/>
        <source>Or type lab values:</source>
        <translation>Tai kirjoita laboratorioarvot:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_questions.py" line="313"/>
        <source>Import lab files</source>
        <translation>Tuo laboratorion tiedostoja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_questions.py" line="317"/>
        <source>In the preview, choose the sample “%1” as the target.</source>
        <translation>Valitse esikatselussa kohteeksi näyte ”%1”.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_questions.py" line="342"/>
        <source>Please check: %1</source>
        <translation>Tarkista: %1</translation>
    </message>
</context>
<context>
    <name>DescribePage</name>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="73"/>
        <source>Describe your side stream</source>
        <translation>Kuvaile sivuvirtasi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="74"/>
        <source>Tell us what the material is. Only the name is required.</source>
        <translation>Kerro, mitä materiaali on. Vain nimi on pakollinen.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="76"/>
        <source>e.g. Sawmill bark, spring 2026</source>
        <translation>esim. Sahan kuori, kevät 2026</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="82"/>
        <source>e.g. our mill in Kuopio</source>
        <translation>esim. tehtaamme Kuopiossa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="84"/>
        <source>Name:</source>
        <translation>Nimi:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="85"/>
        <source>What kind of material:</source>
        <translation>Millaista materiaalia:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="86"/>
        <source>Supplier:</source>
        <translation>Toimittaja:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="87"/>
        <source>Where it comes from:</source>
        <translation>Mistä se tulee:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="89"/>
        <source>Start a new project for it</source>
        <translation>Aloita sille uusi projekti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="92"/>
        <source>Where to keep this assessment</source>
        <translation>Mihin arvio tallennetaan</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="106"/>
        <source>Untitled</source>
        <translation>Nimetön</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="107"/>
        <source>Add it to the open project “%1”</source>
        <translation>Lisää se avoimeen projektiin ”%1”</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="64"/>
        <source>%1 items selected.</source>
        <translation>%1 kohdetta valittu.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="66"/>
        <source>Select a sample, measurement or result to see its details.</source>
        <translation>Valitse näyte, mittaus tai tulos nähdäksesi sen tiedot.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="98"/>
        <source>Measurement</source>
        <translation>Mittaus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="99"/>
        <source>Result</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="100"/>
        <source>Run on several samples</source>
        <translation>Ajo usealle näytteelle</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="104"/>
        <source>%1 samples</source>
        <translation>%1 näytettä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="111"/>
        <source>no longer in the project</source>
        <translation>ei enää projektissa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="144"/>
        <source>Property</source>
        <translation>Ominaisuus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="144"/>
        <source>Value</source>
        <translation>Arvo</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="144"/>
        <location filename="../../workbench/gui/details_panel.py" line="209"/>
        <source>Basis</source>
        <translation>Perusta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="171"/>
        <source>Feedstock type</source>
        <translation>Raaka-ainetyyppi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="172"/>
        <source>Supplier</source>
        <translation>Toimittaja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="173"/>
        <source>Origin</source>
        <translation>Alkuperä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="174"/>
        <source>Date received</source>
        <translation>Vastaanotettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="175"/>
        <source>Notes</source>
        <translation>Huomautukset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="176"/>
        <source>Measurements</source>
        <translation>Mittaukset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="177"/>
        <source>Results</source>
        <translation>Tulokset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="197"/>
        <location filename="../../workbench/gui/details_panel.py" line="230"/>
        <location filename="../../workbench/gui/details_panel.py" line="250"/>
        <source>Values</source>
        <translation>Arvot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="198"/>
        <source>Sample reference</source>
        <translation>Näytteen tunniste</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="204"/>
        <source>Sample</source>
        <translation>Näyte</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="205"/>
        <source>Kind</source>
        <translation>Laji</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="206"/>
        <source>Method</source>
        <translation>Menetelmä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="207"/>
        <source>Instrument</source>
        <translation>Laite</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="208"/>
        <source>Replicate</source>
        <translation>Rinnakkaismääritys</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="210"/>
        <source>Points</source>
        <translation>Pisteitä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="211"/>
        <source>Source file</source>
        <translation>Lähdetiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="212"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="213"/>
        <source>Imported</source>
        <translation>Tuotu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="223"/>
        <source>values</source>
        <translation>arvoa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="227"/>
        <source>Columns</source>
        <translation>Sarakkeet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="235"/>
        <source>Stated in the file</source>
        <translation>Tiedostossa ilmoitettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="237"/>
        <source>How the file was read</source>
        <translation>Miten tiedosto luettiin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="238"/>
        <source>Measurement reference</source>
        <translation>Mittauksen tunniste</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="243"/>
        <source>Analysis</source>
        <translation>Analyysi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="244"/>
        <source>Application version</source>
        <translation>Sovelluksen versio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="245"/>
        <source>Created</source>
        <translation>Luotu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="253"/>
        <source>Messages</source>
        <translation>Viestit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="256"/>
        <source>Parameters</source>
        <translation>Parametrit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="259"/>
        <source>Inputs</source>
        <translation>Lähtötiedot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="260"/>
        <source>Result reference</source>
        <translation>Tuloksen tunniste</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../workbench/gui/dialogs.py" line="79"/>
        <source>Diagnostics</source>
        <translation>Vianmääritys</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/dialogs.py" line="88"/>
        <source>Copy to clipboard</source>
        <translation>Kopioi leikepöydälle</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/dialogs.py" line="89"/>
        <source>Copy this information, e.g. to paste into a support request</source>
        <translation>Kopioi nämä tiedot esimerkiksi tukipyyntöön liitettäväksi</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="128"/>
        <source>Export to %1</source>
        <translation>Vienti tiedostoon %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="167"/>
        <source>Select a curve or spectrum in the project tree first.</source>
        <translation>Valitse ensin käyrä tai spektri projektipuusta.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="176"/>
        <source>Export curve</source>
        <translation>Vie käyrä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="178"/>
        <source>CSV (*.csv);;JCAMP-DX (*.jdx *.dx)</source>
        <translation>CSV (*.csv);;JCAMP-DX (*.jdx *.dx)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="49"/>
        <location filename="../../workbench/gui/export_dialog.py" line="91"/>
        <source>Export values</source>
        <translation>Vie arvot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="52"/>
        <source>values.xlsx or values.csv</source>
        <translation>arvot.xlsx tai arvot.csv</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="55"/>
        <source>Browse…</source>
        <translation>Selaa…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="61"/>
        <source>Everything</source>
        <translation>Kaikki</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="65"/>
        <source>Analysis results</source>
        <translation>Analyysitulokset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="67"/>
        <source>Only the ticked samples are exported</source>
        <translation>Vain rastitetut näytteet viedään</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="74"/>
        <source>Output file:</source>
        <translation>Kohdetiedosto:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="75"/>
        <source>Data:</source>
        <translation>Tiedot:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="76"/>
        <source>Samples:</source>
        <translation>Näytteet:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="80"/>
        <source>Export</source>
        <translation>Vie</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="93"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel-työkirja (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>FileFacts</name>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="74"/>
        <source>File header</source>
        <translation>Tiedoston otsake</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="75"/>
        <source>Lines after the data</source>
        <translation>Rivit datan jälkeen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="76"/>
        <source>Notes</source>
        <translation>Huomautukset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="77"/>
        <source>Text lines</source>
        <translation>Tekstirivit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="78"/>
        <source>Date</source>
        <translation>Päivämäärä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="79"/>
        <source>Time</source>
        <translation>Kellonaika</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="80"/>
        <source>Comment</source>
        <translation>Kommentti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="81"/>
        <source>Software</source>
        <translation>Ohjelmisto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="82"/>
        <source>Instrument</source>
        <translation>Laite</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="83"/>
        <source>Method</source>
        <translation>Menetelmä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="84"/>
        <source>Sample holder</source>
        <translation>Näytteenpidin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="85"/>
        <source>Heating rate</source>
        <translation>Lämmitysnopeus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="86"/>
        <source>Unit of the heating rate</source>
        <translation>Lämmitysnopeuden yksikkö</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="87"/>
        <source>Instrument&apos;s own evaluation</source>
        <translation>Laitteen oma laskenta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="88"/>
        <source>Gas switches</source>
        <translation>Kaasunvaihdot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="89"/>
        <source>Weighings (g)</source>
        <translation>Punnitukset (g)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="90"/>
        <source>Readings during drying</source>
        <translation>Lukemat kuivauksen aikana</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="91"/>
        <source>Moisture from the weighings (%)</source>
        <translation>Kosteus punnituksista (%)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="92"/>
        <source>Replicates</source>
        <translation>Rinnakkaismääritykset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="93"/>
        <source>Sample state</source>
        <translation>Näytteen tila</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="94"/>
        <source>Fibres counted</source>
        <translation>Laskettuja kuituja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="95"/>
        <source>Definition of fines</source>
        <translation>Hienoaineen määritelmä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="96"/>
        <source>Data</source>
        <translation>Aineisto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="97"/>
        <source>Value the demonstration data were made from</source>
        <translation>Arvo, josta esittelyaineisto tehtiin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="98"/>
        <source>Sources of the values</source>
        <translation>Arvojen lähteet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="99"/>
        <source>Values without a source</source>
        <translation>Arvot ilman lähdettä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="100"/>
        <source>Gas</source>
        <translation>Kaasu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="101"/>
        <source>Temperature programme</source>
        <translation>Lämpötilaohjelma</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="102"/>
        <source>Sample mass (mg)</source>
        <translation>Näytteen massa (mg)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="103"/>
        <source>Time (min)</source>
        <translation>Aika (min)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="104"/>
        <source>Temperature (°C)</source>
        <translation>Lämpötila (°C)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="105"/>
        <source>Note</source>
        <translation>Huomautus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="106"/>
        <source>Technique</source>
        <translation>Tekniikka</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="107"/>
        <source>Values the demonstration data were made from</source>
        <translation>Arvot, joista esittelyaineisto tehtiin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="108"/>
        <source>Value (mm)</source>
        <translation>Arvo (mm)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="109"/>
        <source>Composition used (dry basis)</source>
        <translation>Käytetty koostumus (kuiva-aine)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="110"/>
        <source>Property</source>
        <translation>Ominaisuus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="111"/>
        <source>Value</source>
        <translation>Arvo</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="112"/>
        <source>Unit</source>
        <translation>Yksikkö</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="113"/>
        <source>Basis</source>
        <translation>Perusta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="114"/>
        <source>Source</source>
        <translation>Lähde</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="116"/>
        <source>Column separator</source>
        <translation>Sarakeerotin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="117"/>
        <location filename="../../workbench/gui/file_facts.py" line="118"/>
        <source>Decimal mark</source>
        <translation>Desimaalimerkki</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="119"/>
        <source>Worksheet</source>
        <translation>Taulukko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="120"/>
        <source>Worksheets</source>
        <translation>Taulukot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="121"/>
        <source>Layout of the worksheet</source>
        <translation>Taulukon asettelu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="122"/>
        <source>File in the archive</source>
        <translation>Tiedosto arkistossa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="123"/>
        <source>Format of the file in the archive</source>
        <translation>Arkiston tiedoston muoto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="124"/>
        <source>First line of data</source>
        <translation>Datan ensimmäinen rivi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="125"/>
        <source>Line</source>
        <translation>Rivi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="126"/>
        <source>Column</source>
        <translation>Sarake</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="127"/>
        <source>Rows</source>
        <translation>Rivejä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="128"/>
        <source>Points</source>
        <translation>Pisteitä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="129"/>
        <source>Page</source>
        <translation>Sivu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="130"/>
        <source>Block</source>
        <translation>Lohko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="131"/>
        <source>Blocks</source>
        <translation>Lohkot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="132"/>
        <source>Subfile</source>
        <translation>Alitiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="133"/>
        <source>Subfiles</source>
        <translation>Alitiedostot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="134"/>
        <source>Units assumed</source>
        <translation>Oletetut yksiköt</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="135"/>
        <source>Unit of the x axis assumed</source>
        <translation>x-akselin yksikkö oletettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="136"/>
        <source>x axis is the point number</source>
        <translation>x-akseli on pisteen numero</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="137"/>
        <source>Marker rows left out</source>
        <translation>Merkkirivit jätetty pois</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="138"/>
        <source>Earlier versions in the file</source>
        <translation>Aiemmat versiot tiedostossa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="139"/>
        <source>Background only</source>
        <translation>Pelkkä tausta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="140"/>
        <source>Import template</source>
        <translation>Tuontimalli</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="146"/>
        <location filename="../../workbench/gui/file_facts.py" line="147"/>
        <source>tab</source>
        <translation>sarkain</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="148"/>
        <source>comma (,)</source>
        <translation>pilkku (,)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="149"/>
        <source>semicolon (;)</source>
        <translation>puolipiste (;)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="150"/>
        <source>point (.)</source>
        <translation>piste (.)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="151"/>
        <location filename="../../workbench/gui/file_facts.py" line="152"/>
        <location filename="../../workbench/gui/file_facts.py" line="153"/>
        <source>spaces</source>
        <translation>välilyönnit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="168"/>
        <source>dry basis</source>
        <translation>kuiva-aineessa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="169"/>
        <source>as received</source>
        <translation>saapumistilassa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="192"/>
        <source>yes</source>
        <translation>kyllä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="192"/>
        <source>no</source>
        <translation>ei</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/file_facts.py" line="199"/>
        <source>demonstration data</source>
        <translation>esittelyaineisto</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../workbench/gui/help_menu.py" line="74"/>
        <source>&amp;User guide</source>
        <translation>&amp;Käyttöopas</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/help_menu.py" line="78"/>
        <source>How to do each task, step by step (works offline)</source>
        <translation>Miten kukin tehtävä tehdään, vaihe vaiheelta (toimii ilman verkkoyhteyttä)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/help_menu.py" line="82"/>
        <source>&amp;Welcome</source>
        <translation>&amp;Tervetuloa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/help_menu.py" line="83"/>
        <source>The welcome page: what the application does and how to start</source>
        <translation>Tervetulosivu: mitä sovellus tekee ja miten pääset alkuun</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/help_menu.py" line="87"/>
        <source>Save &amp;report…</source>
        <translation>Tallenna &amp;raportti…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/help_menu.py" line="89"/>
        <source>Save the suitability report of the project as HTML or PDF</source>
        <translation>Tallenna projektin soveltuvuusraportti HTML- tai PDF-muodossa</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="135"/>
        <source>Import with template</source>
        <translation>Tuo mallipohjalla</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="136"/>
        <source>Template:</source>
        <translation>Mallipohja:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="145"/>
        <source>Import files</source>
        <translation>Tuo tiedostoja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="159"/>
        <source>%1 is not a folder.</source>
        <translation>%1 ei ole kansio.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="166"/>
        <source>Import with &amp;template…</source>
        <translation>Tuo &amp;mallipohjalla…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="168"/>
        <source>Read tables with a saved column-mapping template</source>
        <translation>Lue taulukot tallennetulla sarakkeiden kohdistuspohjalla</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="172"/>
        <source>&amp;Define import template…</source>
        <translation>&amp;Määritä mallipohja…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="174"/>
        <source>Teach the workbench a table layout (columns and units)</source>
        <translation>Opeta ohjelmalle taulukon rakenne (sarakkeet ja yksiköt)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="178"/>
        <source>&amp;Watch folder…</source>
        <translation>&amp;Seuraa kansiota…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="180"/>
        <source>Import new files from an instrument&apos;s export folder</source>
        <translation>Tuo uudet tiedostot laitteen vientikansiosta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="184"/>
        <source>Stop &amp;watching</source>
        <translation>Lopeta &amp;seuranta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="186"/>
        <source>Stop importing new files from the watched folder</source>
        <translation>Lopeta uusien tiedostojen tuonti seuratusta kansiosta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="190"/>
        <source>&amp;Export…</source>
        <translation>&amp;Vie…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="192"/>
        <source>Values of measurements and results to CSV or Excel</source>
        <translation>Mittausten ja tulosten arvot CSV- tai Excel-tiedostoon</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="196"/>
        <source>Export curve…</source>
        <translation>Vie käyrä…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="198"/>
        <source>The selected curve or spectrum to CSV or JCAMP-DX</source>
        <translation>Valittu käyrä tai spektri CSV- tai JCAMP-DX-tiedostoon</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="103"/>
        <source>Open or create a project first, then import.</source>
        <translation>Avaa tai luo ensin projekti ja tuo sitten.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="107"/>
        <source>This project is read-only; nothing was imported. Use Save As first.</source>
        <translation>Projekti on vain luku -tilassa; mitään ei tuotu. Käytä ensin Tallenna nimellä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="121"/>
        <source>An import is already running; wait for it to finish.</source>
        <translation>Tuonti on jo käynnissä; odota, että se päättyy.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="129"/>
        <source>No files to import in the dropped folder.</source>
        <translation>Pudotetussa kansiossa ei ole tuotavia tiedostoja.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="132"/>
        <source>Reading %1 file(s)</source>
        <translation>Luetaan %1 tiedosto(a)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="142"/>
        <source>Import cancelled while reading files; nothing was changed.</source>
        <translation>Tuonti peruttiin tiedostoja luettaessa; mitään ei muutettu.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="166"/>
        <source>Reading %1 file(s) with template “%2”</source>
        <translation>Luetaan %1 tiedosto(a) mallipohjalla ”%2”</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="187"/>
        <source>Saved import template “%1”</source>
        <translation>Tuontipohja ”%1” tallennettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="238"/>
        <source>The project changed during the import; the rest was skipped.</source>
        <translation>Projekti vaihtui tuonnin aikana; loput ohitettiin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="259"/>
        <source>Importing… %1 of %2 files</source>
        <translation>Tuodaan… %1/%2 tiedostoa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="284"/>
        <source>Not imported: %1</source>
        <translation>Ei tuotu: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="288"/>
        <source>Already present: %1</source>
        <translation>On jo projektissa: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="290"/>
        <source>Import: %1 imported, %2 already present, %3 failed.</source>
        <translation>Tuonti: %1 tuotu, %2 oli jo projektissa, %3 epäonnistui.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="295"/>
        <source>Edit &gt; Undo removes this import.</source>
        <translation>Muokkaa &gt; Kumoa poistaa tämän tuonnin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="298"/>
        <source>Watch folder: %1</source>
        <translation>Seurattava kansio: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="306"/>
        <source>%1 changed since it was imported: the new version was imported too, and the earlier one is kept.</source>
        <translation>%1 on muuttunut tuonnin jälkeen: myös uusi versio tuotiin, ja aiempi säilyy.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="330"/>
        <source>Watching %1: new files are imported into the open project.</source>
        <translation>Seurataan kansiota %1: uudet tiedostot tuodaan avoimeen projektiin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="342"/>
        <source>Stopped watching %1.</source>
        <translation>Kansion %1 seuranta lopetettu.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="357"/>
        <source>Watch folder: reading %1 new file(s)</source>
        <translation>Seurattava kansio: luetaan %1 uutta tiedosto(a)</translation>
    </message>
</context>
<context>
    <name>ImportDetails</name>
    <message>
        <location filename="../../workbench/gui/import_details.py" line="53"/>
        <source>Show:</source>
        <translation>Näytä:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_details.py" line="66"/>
        <source>Select a file to see everything read from it.</source>
        <translation>Valitse tiedosto nähdäksesi kaiken siitä luetun.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_details.py" line="85"/>
        <source>%1 files selected.</source>
        <translation>%1 tiedostoa valittu.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_details.py" line="97"/>
        <source>Nothing was read from this file.</source>
        <translation>Tästä tiedostosta ei luettu mitään.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_details.py" line="100"/>
        <source>The first lines of the file:</source>
        <translation>Tiedoston ensimmäiset rivit:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_details.py" line="116"/>
        <source>%1 more…</source>
        <translation>%1 lisää…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_details.py" line="117"/>
        <source>Warnings</source>
        <translation>Varoitukset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_details.py" line="151"/>
        <source>Format: %1</source>
        <translation>Muoto: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_details.py" line="152"/>
        <source>Encoding: %1</source>
        <translation>Merkistö: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_details.py" line="159"/>
        <source>Sheets:</source>
        <translation>Taulukot:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_details.py" line="161"/>
        <source>Files in the archive:</source>
        <translation>Arkiston tiedostot:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_details.py" line="177"/>
        <source>  points/rows: %1</source>
        <translation>  pisteitä/rivejä: %1</translation>
    </message>
</context>
<context>
    <name>ImportFormats</name>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="33"/>
        <source>Agilent .asp spectrum</source>
        <translation>Agilent .asp -spektri</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="34"/>
        <source>Bruker OPUS spectrum</source>
        <translation>Bruker OPUS -spektri</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="35"/>
        <source>Fibre analyser per-particle list</source>
        <translation>Kuituanalysaattorin kuitukohtainen lista</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="36"/>
        <source>Fibre analyser summary report</source>
        <translation>Kuituanalysaattorin yhteenvetoraportti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="37"/>
        <source>Gravimetric moisture / ash worksheet (ISO 18134 / ISO 18122)</source>
        <translation>Gravimetrinen kosteus- / tuhkalaskentataulukko (ISO 18134 / ISO 18122)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="40"/>
        <source>JCAMP-DX spectrum</source>
        <translation>JCAMP-DX-spektri</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="41"/>
        <source>Mettler Toledo STARe text export</source>
        <translation>Mettler Toledo STARe -tekstivienti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="42"/>
        <source>Mettler Toledo moisture analyser printout</source>
        <translation>Mettler Toledo -kosteusanalysaattorin tuloste</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="45"/>
        <source>NETZSCH Proteus ASCII export (TGA/STA)</source>
        <translation>NETZSCH Proteus ASCII -vienti (TGA/STA)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="46"/>
        <source>PerkinElmer Pyris TGA text export</source>
        <translation>PerkinElmer Pyris TGA -tekstivienti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="47"/>
        <source>PerkinElmer TGA CSV export</source>
        <translation>PerkinElmer TGA CSV -vienti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="48"/>
        <source>Sartorius MA moisture analyser printout (22-character lines)</source>
        <translation>Sartorius MA -kosteusanalysaattorin tuloste (22 merkin rivit)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="51"/>
        <source>Spectral table (one sample per row)</source>
        <translation>Spektritaulukko (yksi näyte riviä kohden)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="52"/>
        <source>Spectrum text export (CSV, DPT)</source>
        <translation>Spektrin tekstivienti (CSV, DPT)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="53"/>
        <source>TA Instruments text export (Universal Analysis)</source>
        <translation>TA Instruments -tekstivienti (Universal Analysis)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="54"/>
        <source>TGA table (time / temperature / mass)</source>
        <translation>TGA-taulukko (aika / lämpötila / massa)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="55"/>
        <source>Thermo Galactic SPC spectrum</source>
        <translation>Thermo Galactic SPC -spektri</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="56"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel-työkirja (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="57"/>
        <source>ZIP archive</source>
        <translation>ZIP-arkisto</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="98"/>
        <source>Failed</source>
        <translation>Epäonnistui</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="106"/>
        <source>Nothing found</source>
        <translation>Ei löytynyt mitään</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="107"/>
        <source>(none named)</source>
        <translation>(ei nimettyä)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="68"/>
        <source>Import preview</source>
        <translation>Tuonnin esikatselu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="108"/>
        <source>Import</source>
        <translation>Tuo</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="129"/>
        <source>Where the selected files go</source>
        <translation>Minne valitut tiedostot tuodaan</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="132"/>
        <source>The sample named in the file</source>
        <translation>Tiedostossa nimettyyn näytteeseen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="135"/>
        <source>Matched by name (case and spaces ignored); a sample not yet in the project is created. A file that names no sample gets a new sample named after the file.</source>
        <translation>Haetaan nimen perusteella (kirjainkoolla ja välilyönneillä ei ole väliä); puuttuva näyte luodaan. Jos tiedosto ei nimeä näytettä, luodaan tiedoston niminen uusi näyte.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="139"/>
        <source>An existing sample:</source>
        <translation>Olemassa olevaan näytteeseen:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="140"/>
        <source>A new sample named:</source>
        <translation>Uuteen näytteeseen nimeltä:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="141"/>
        <source>One new sample per spectrum or curve</source>
        <translation>Uusi näyte jokaiselle spektrille tai käyrälle</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="144"/>
        <source>For a file of several spectra (an SPC file of 20 NIR spectra, a table of spectra): each becomes a sample of its own, named from the file</source>
        <translation>Useita spektrejä sisältävälle tiedostolle (20 NIR-spektrin SPC-tiedosto, spektritaulukko): jokaisesta tulee oma näytteensä, joka nimetään tiedoston mukaan</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="156"/>
        <source>default: the file name</source>
        <translation>oletus: tiedoston nimi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="157"/>
        <source>Use for selected files</source>
        <translation>Käytä valituille tiedostoille</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="171"/>
        <source>Define template…</source>
        <translation>Määritä mallipohja…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="173"/>
        <source>Teach the workbench this table layout once (columns, units, decimal mark)</source>
        <translation>Opeta ohjelmalle tämän taulukon rakenne kerran (sarakkeet, yksiköt, desimaalimerkki)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="178"/>
        <source>Re-read failed files with template</source>
        <translation>Lue epäonnistuneet uudelleen mallipohjalla</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="182"/>
        <source>Saved template:</source>
        <translation>Tallennettu mallipohja:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="335"/>
        <source>%1 file(s) read, %2 ready to import, %3 could not be read.</source>
        <translation>%1 tiedosto(a) luettu, %2 valmiina tuotavaksi, %3 ei voitu lukea.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="338"/>
        <source>Nothing is written until you press Import.</source>
        <translation>Mitään ei kirjoiteta ennen kuin painat Tuo.</translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="82"/>
        <source>line %1</source>
        <translation>rivi %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="85"/>
        <source>line %1, column %2</source>
        <translation>rivi %1, sarake %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="88"/>
        <source>byte %1</source>
        <translation>tavu %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="91"/>
        <source>sheet %1, row %2</source>
        <translation>taulukko %1, rivi %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="94"/>
        <source>row %1</source>
        <translation>rivi %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="95"/>
        <source>the whole file</source>
        <translation>koko tiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="96"/>
        <source>opening the file</source>
        <translation>tiedostoa avattaessa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="97"/>
        <source>the end of the file</source>
        <translation>tiedoston loppu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="98"/>
        <source>the content</source>
        <translation>sisältö</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="99"/>
        <source>the header</source>
        <translation>otsake</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="100"/>
        <source>every sheet</source>
        <translation>jokainen taulukko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="101"/>
        <source>every file in the archive</source>
        <translation>jokainen arkiston tiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="102"/>
        <source>the workbook</source>
        <translation>työkirja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="103"/>
        <source>the ZIP directory</source>
        <translation>ZIP-hakemisto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="51"/>
        <source>a well-formed %1 file</source>
        <translation>eheä tiedosto muodossa %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="54"/>
        <source>a %1 file</source>
        <translation>tiedosto muodossa %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="57"/>
        <source>an Excel workbook or ZIP archive</source>
        <translation>Excel-työkirja tai ZIP-arkisto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="60"/>
        <source>at least one measurement</source>
        <translation>vähintään yksi mittaus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="62"/>
        <source>none was found</source>
        <translation>yhtään ei löytynyt</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="64"/>
        <source>column %1, point %2</source>
        <translation>sarake %1, piste %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="66"/>
        <source>value %1</source>
        <translation>arvo %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="69"/>
        <source>a value too large for a number (infinity); nothing was imported</source>
        <translation>arvo on liian suuri luvuksi (ääretön); mitään ei tuotu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="75"/>
        <source>one of the known formats (%1)</source>
        <translation>jokin tunnetuista muodoista (%1)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="78"/>
        <source>format</source>
        <translation>tiedostomuoto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="79"/>
        <source>valid %1 text</source>
        <translation>kelvollista %1-tekstiä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="80"/>
        <source>UTF-8 text</source>
        <translation>UTF-8-tekstiä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="83"/>
        <source>unknown decimal mark %1</source>
        <translation>tuntematon desimaalimerkki %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="87"/>
        <source>a 7-Zip archive</source>
        <translation>7-Zip-arkisto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="88"/>
        <source>a RAR archive</source>
        <translation>RAR-arkisto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="89"/>
        <source>a ZIP archive</source>
        <translation>ZIP-arkisto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="92"/>
        <source>an Excel workbook (.xlsx)</source>
        <translation>Excel-työkirja (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="96"/>
        <source>unpack it and import its files (ZIP archives are read directly)</source>
        <translation>pura se ja tuo sen tiedostot (ZIP-arkistot luetaan suoraan)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="101"/>
        <source>a complete ZIP file</source>
        <translation>eheä ZIP-tiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="102"/>
        <source>at most %1 members</source>
        <translation>enintään %1 tiedostoa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="105"/>
        <source>at most %1 MiB when unpacked</source>
        <translation>enintään %1 MiB purettuna</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="110"/>
        <source>its members declare %1 MiB; nothing was unpacked</source>
        <translation>sen tiedostojen ilmoitettu koko on %1 MiB; mitään ei purettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="113"/>
        <source>ZIP member %1</source>
        <translation>ZIP-arkiston tiedosto %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="116"/>
        <source>a compression ratio of at most %1:1</source>
        <translation>pakkaussuhde enintään %1:1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="121"/>
        <source>%1:1 (a ZIP bomb?); nothing was unpacked</source>
        <translation>%1:1 (ZIP-pommi?); mitään ei purettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="126"/>
        <source>a readable Excel workbook (.xlsx)</source>
        <translation>luettava Excel-työkirja (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="128"/>
        <source>a sheet named %1</source>
        <translation>taulukko nimeltä %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="129"/>
        <source>its sheets are %1</source>
        <translation>sen taulukot ovat %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="132"/>
        <source>at most %1 cells in a workbook</source>
        <translation>enintään %1 solua yhdessä työkirjassa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="137"/>
        <source>sheet %1 is empty</source>
        <translation>taulukko %1 on tyhjä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="143"/>
        <source>sheet %1, %2</source>
        <translation>taulukko %1, %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="147"/>
        <source>sheet %1</source>
        <translation>taulukko %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="150"/>
        <source>the workbook has no sheet with data</source>
        <translation>työkirjassa ei ole yhtään taulukkoa, jossa on dataa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="154"/>
        <source>a cell range such as A1:F200</source>
        <translation>solualue, esimerkiksi A1:F200</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="158"/>
        <source>a cell range with both corners, such as A1:F200</source>
        <translation>solualue, jossa on molemmat kulmat, esimerkiksi A1:F200</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="160"/>
        <source>template</source>
        <translation>mallipohja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="161"/>
        <source>the archive is empty</source>
        <translation>arkisto on tyhjä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="162"/>
        <source>encrypted</source>
        <translation>salattu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="163"/>
        <source>too large</source>
        <translation>liian suuri</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="164"/>
        <source>damaged</source>
        <translation>vaurioitunut</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="167"/>
        <source>%1: encrypted; not read</source>
        <translation>%1: salattu; ei luettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="172"/>
        <source>%1: larger than %2 MiB; not read</source>
        <translation>%1: suurempi kuin %2 MiB; ei luettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="177"/>
        <source>%1: %2 MiB; not read</source>
        <translation>%1: %2 MiB; ei luettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="182"/>
        <source>%1: cannot be unpacked (%2); not read</source>
        <translation>%1: ei voi purkaa (%2); ei luettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="187"/>
        <source>%1: %2 inside the archive; not opened</source>
        <translation>%1: %2 arkiston sisällä; ei avattu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="193"/>
        <source>the header row of template %1</source>
        <translation>mallipohjan %1 otsakerivi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="196"/>
        <source>the file is shorter</source>
        <translation>tiedosto on lyhyempi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="199"/>
        <source>a column %1 (template %2)</source>
        <translation>sarake %1 (mallipohja %2)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="202"/>
        <source>found columns %1</source>
        <translation>löytyi sarakkeet %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="205"/>
        <source>data rows (template %1)</source>
        <translation>datarivejä (mallipohja %1)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="210"/>
        <source>an Excel workbook (template %1 names a sheet or range)</source>
        <translation>Excel-työkirja (mallipohja %1 nimeää taulukon tai solualueen)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="216"/>
        <source>a malformed number</source>
        <translation>virheellinen luku</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="219"/>
        <source>a number beyond the range of numbers the workbench stores (about ±1.8e308)</source>
        <translation>luku, joka on tallennettavien lukujen alueen (noin ±1,8e308) ulkopuolella</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="226"/>
        <source>unexpected character %1 in a number list</source>
        <translation>odottamaton merkki %1 lukuluettelossa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="231"/>
        <source>unexpected character %1 (column %2) in compressed data</source>
        <translation>odottamaton merkki %1 (sarake %2) pakatussa datassa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="238"/>
        <source>a DIF digit %1 with no ordinate before it</source>
        <translation>DIF-merkki %1 ilman edeltävää y-arvoa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="243"/>
        <source>a DUP digit %1 with no value before it</source>
        <translation>DUP-merkki %1 ilman edeltävää arvoa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="248"/>
        <source>a DUP count %1 beyond any real spectrum</source>
        <translation>DUP-toistomäärä %1, suurempi kuin missään todellisessa spektrissä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="253"/>
        <source>%1 numbers, not a whole number of %2-value groups</source>
        <translation>%1 lukua, ei tasan %2 arvon ryhmiä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="259"/>
        <source>a JCAMP-DX block starting with ##TITLE=</source>
        <translation>JCAMP-DX-lohko, joka alkaa rivillä ##TITLE=</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="261"/>
        <source>JCAMP-DX data</source>
        <translation>JCAMP-DX-dataa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="262"/>
        <source>NTUPLES pages with data</source>
        <translation>NTUPLES-sivuja, joilla on dataa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="265"/>
        <source>an XYDATA, XYPOINTS or PEAK TABLE record</source>
        <translation>XYDATA-, XYPOINTS- tai PEAK TABLE -tietue</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="267"/>
        <source>a number for ##%1=</source>
        <translation>luku kentässä ##%1=</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="270"/>
        <source>an NTUPLES DATA TABLE whose variables are declared</source>
        <translation>NTUPLES DATA TABLE, jonka muuttujat on määritelty</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="274"/>
        <source>##FIRSTX= and ##LASTX= for an (X++(Y..Y)) table</source>
        <translation>##FIRSTX= ja ##LASTX= (X++(Y..Y))-taulukolle</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="278"/>
        <source>a table form (X++(Y..Y)) or (XY..XY)</source>
        <translation>taulukkomuoto (X++(Y..Y)) tai (XY..XY)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="282"/>
        <source>##SYMBOL= declaring %1 of the table %2</source>
        <translation>##SYMBOL=, joka määrittelee taulukon %2 muuttujat %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="285"/>
        <source>numbers in ##FACTOR=</source>
        <translation>lukuja kentässä ##FACTOR=</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="288"/>
        <source>block %1: ##NPOINTS=%2 but %3 points are listed</source>
        <translation>lohko %1: ##NPOINTS=%2, mutta pisteitä on lueteltu %3</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="293"/>
        <source>%1 line abscissa(e) differ from FIRSTX/LASTX by more than a step</source>
        <translation>%1 rivin x-arvo poikkeaa FIRSTX/LASTX-arvoista yli yhden askeleen verran</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="299"/>
        <source>directory</source>
        <translation>hakemisto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="300"/>
        <source>a complete OPUS file</source>
        <translation>eheä OPUS-tiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="303"/>
        <source>%1 bytes of %2</source>
        <translation>%1 tavua: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="309"/>
        <source>the file ends at byte %1; it is truncated or damaged</source>
        <translation>tiedosto päättyy tavuun %1; se on katkennut tai vaurioitunut</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="314"/>
        <source>a parameter block</source>
        <translation>parametrilohko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="315"/>
        <source>OPUS header</source>
        <translation>OPUS-otsake</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="316"/>
        <location filename="../../workbench/gui/import_texts.py" line="104"/>
        <source>the block directory</source>
        <translation>lohkohakemisto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="319"/>
        <source>the %1 data block</source>
        <translation>%1-datalohko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="325"/>
        <source>the OPUS magic bytes 0A 0A FE FE</source>
        <translation>OPUS-tunnistetavut 0A 0A FE FE</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="329"/>
        <source>a plausible number of blocks</source>
        <translation>uskottava lohkojen määrä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="333"/>
        <source>parameter %1 inside its block</source>
        <translation>parametri %1 lohkonsa sisällä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="336"/>
        <source>it runs past it</source>
        <translation>se jatkuu lohkon yli</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="339"/>
        <source>parameter block %1 skipped: %2</source>
        <translation>parametrilohko %1 ohitettiin: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="345"/>
        <source>a data parameter block belonging to the %1 block</source>
        <translation>%1-lohkoon kuuluva dataparametrilohko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="350"/>
        <source>an absorbance, transmittance or single-channel spectrum block</source>
        <translation>absorbanssi-, transmittanssi- tai yksikanavaspektrin lohko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="356"/>
        <source>only non-spectral blocks found</source>
        <translation>löytyi vain muita kuin spektrilohkoja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="358"/>
        <source>only %1 found</source>
        <translation>löytyi vain %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="361"/>
        <source>NPT, FXV and LXV in the parameters of %1</source>
        <translation>NPT, FXV ja LXV lohkon %1 parametreissa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="366"/>
        <source>at most %1 points in block %2</source>
        <translation>enintään %1 pistettä lohkossa %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="371"/>
        <source>its parameters declare NPT=%1</source>
        <translation>sen parametreissa on NPT=%1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="376"/>
        <source>%1: data range differs from the MNY/MXY of its parameters</source>
        <translation>%1: datan vaihteluväli poikkeaa parametrien MNY/MXY-arvoista</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="382"/>
        <source>a consistent SPC file</source>
        <translation>eheä SPC-tiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="385"/>
        <source>SPC version byte 0x4B (new format, LSB) or 0x4D (old format)</source>
        <translation>SPC-versiotavu 0x4B (uusi muoto, LSB) tai 0x4D (vanha muoto)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="391"/>
        <source>found %1; MSB-order (0x4C) SPC files are not supported</source>
        <translation>löytyi %1; MSB-järjestyksen (0x4C) SPC-tiedostoja ei tueta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="396"/>
        <source>SPC header</source>
        <translation>SPC-otsake</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="397"/>
        <source>old-format SPC header</source>
        <translation>vanhan muodon SPC-otsake</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="400"/>
        <source>a plausible subfile count (fnsub)</source>
        <translation>uskottava alitiedostojen määrä (fnsub)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="404"/>
        <source>a plausible point count (%1)</source>
        <translation>uskottava pisteiden määrä (%1)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="410"/>
        <source>a plausible subfile point count</source>
        <translation>uskottava alitiedoston pisteiden määrä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="414"/>
        <source>at most %1 spectra in one SPC file</source>
        <translation>enintään %1 spektriä yhdessä SPC-tiedostossa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="417"/>
        <source>x values</source>
        <translation>x-arvot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="420"/>
        <source>x values of subfile %1</source>
        <translation>alitiedoston %1 x-arvot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="425"/>
        <source>y values of subfile %1</source>
        <translation>alitiedoston %1 y-arvot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="430"/>
        <source>subheader of subfile %1</source>
        <translation>alitiedoston %1 otsake</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="436"/>
        <source>a header row of at least %1 wavelengths after a label cell</source>
        <translation>otsakerivi, jossa on nimisolun jälkeen vähintään %1 aallonpituutta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="441"/>
        <source>wavelengths</source>
        <translation>aallonpituudet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="444"/>
        <source>a sample id and %1 values</source>
        <translation>näytteen tunnus ja %1 arvoa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="447"/>
        <source>at least one sample row</source>
        <translation>vähintään yksi näyterivi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="450"/>
        <source>a point count, then the first and last x value</source>
        <translation>pisteiden määrä ja sen jälkeen ensimmäinen ja viimeinen x-arvo</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="454"/>
        <source>%1 y values as line 1 declares</source>
        <translation>%1 y-arvoa, kuten rivi 1 ilmoittaa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="458"/>
        <source>%1 found</source>
        <translation>löytyi %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="462"/>
        <source>a header with particle length and width/curl/kink columns</source>
        <translation>otsake, jossa on hiukkasten pituuden sekä leveyden, kiharuuden tai taitteiden sarakkeet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="468"/>
        <source>particle rows after the header</source>
        <translation>hiukkasrivejä otsakkeen jälkeen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="472"/>
        <source>a length unit of mm or µm</source>
        <translation>pituuden yksikkö mm tai µm</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="476"/>
        <source>a width unit of mm or µm</source>
        <translation>leveyden yksikkö mm tai µm</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="480"/>
        <source>a %1 unit of mm or µm</source>
        <translation>%1: yksikkö mm tai µm</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="483"/>
        <source>length</source>
        <translation>pituus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="484"/>
        <source>width</source>
        <translation>leveys</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="487"/>
        <source>found %1 in %2</source>
        <translation>löytyi %1 sarakkeesta %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="494"/>
        <source>a header with fibre length columns (Ln, Lw, Lww) or &apos;Ln;value&apos; lines</source>
        <translation>otsake, jossa on kuitujen pituuden sarakkeet (Ln, Lw, Lww), tai rivejä muotoa &apos;Ln;value&apos;</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="501"/>
        <source>an unambiguous number for %1</source>
        <translation>yksiselitteinen luku kohdassa %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="504"/>
        <source>a number for %1</source>
        <translation>luku kohdassa %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="507"/>
        <source>a unit convertible to %1</source>
        <translation>yksikkö, jonka voi muuntaa yksiköksi %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="512"/>
        <source>%1: unit %2 cannot be converted to %3</source>
        <translation>%1: yksikköä %2 ei voi muuntaa yksiköksi %3</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="515"/>
        <source>column %1</source>
        <translation>sarake %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="518"/>
        <source>at least one sample with fibre values</source>
        <translation>vähintään yksi näyte, jolla on kuituarvoja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="524"/>
        <source>a header with dish / dish + wet / dish + dry (moisture) or crucible / crucible + sample / crucible + ash (ash) columns</source>
        <translation>otsake, jossa on sarakkeet astia / astia + märkä / astia + kuiva (kosteus) tai upokas / upokas + näyte / upokas + tuhka (tuhka)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="530"/>
        <source>columns for %1</source>
        <translation>sarakkeet: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="531"/>
        <source>header: %1</source>
        <translation>otsake: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="534"/>
        <source>at least one replicate row</source>
        <translation>vähintään yksi rinnakkaismäärityksen rivi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="539"/>
        <source>an &apos;End Result&apos; line such as &apos;End Result  -0.69 -%MC&apos;</source>
        <translation>&apos;End Result&apos; -rivi, esimerkiksi &apos;End Result  -0.69 -%MC&apos;</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="545"/>
        <source>a result value and unit (e.g. &apos;-0.69 -%MC&apos;)</source>
        <translation>tulos ja sen yksikkö (esim. &apos;-0.69 -%MC&apos;)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="547"/>
        <source>a result value and unit</source>
        <translation>tulos ja sen yksikkö</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="550"/>
        <source>a result unit %MC, -%MC, %DC, %SC or %AM</source>
        <translation>tuloksen yksikkö %MC, -%MC, %DC, %SC tai %AM</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="554"/>
        <source>a result line such as &apos;Moist +    22.00 %M&apos;</source>
        <translation>tulosrivi, esimerkiksi &apos;Moist +    22.00 %M&apos;</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="558"/>
        <source>a printout line of at most 22 characters</source>
        <translation>enintään 22 merkin tulosterivi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="562"/>
        <source>a result unit %M, -%M, %S or %M/S</source>
        <translation>tuloksen yksikkö %M, -%M, %S tai %M/S</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="567"/>
        <source>a header naming temperature or time and mass/weight columns</source>
        <translation>otsake, joka nimeää lämpötila- tai aikasarakkeen ja massasarakkeen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="573"/>
        <source>data rows after the header</source>
        <translation>datarivejä otsakkeen jälkeen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="577"/>
        <source>columns separated by tabs, &apos;;&apos;, &apos;,&apos; or blanks, one name per column</source>
        <translation>sarakkeet erotettuina sarkaimilla, merkeillä &apos;;&apos; tai &apos;,&apos; tai välilyönneillä, yksi nimi kullekin sarakkeelle</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="583"/>
        <source>&apos;Curve Values:&apos; after &apos;Curve Name:&apos;</source>
        <translation>&apos;Curve Values:&apos; rivin &apos;Curve Name:&apos; jälkeen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="587"/>
        <source>a curve column of mass, heat flow or DTG after &apos;Curve Values:&apos;</source>
        <translation>massan, lämpövirran tai DTG:n käyräsarake rivin &apos;Curve Values:&apos; jälkeen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="591"/>
        <source>found none</source>
        <translation>ei löytynyt yhtään</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="594"/>
        <source>a column header and a unit row</source>
        <translation>sarakeotsake ja yksikkörivi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="598"/>
        <source>one [unit] per column (%1)</source>
        <translation>yksi [yksikkö] kullekin sarakkeelle (%1)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="603"/>
        <source>at least one &apos;Curve Name:&apos; or &apos;Curve:&apos; block</source>
        <translation>vähintään yksi &apos;Curve Name:&apos;- tai &apos;Curve:&apos;-lohko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="607"/>
        <source>a &apos;#KEY:value&apos; header line or the &apos;##&apos; column header</source>
        <translation>otsakerivi muotoa &apos;#KEY:value&apos; tai &apos;##&apos;-sarakeotsake</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="613"/>
        <source>a column header line starting with &apos;##&apos; (e.g. ##Temp./°C;...)</source>
        <translation>sarakeotsakerivi, joka alkaa merkeillä &apos;##&apos; (esim. ##Temp./°C;...)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="619"/>
        <source>SEMICOLON, COMMA, TAB or SPACE</source>
        <translation>SEMICOLON, COMMA, TAB tai SPACE</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="621"/>
        <source>POINT or COMMA</source>
        <translation>POINT tai COMMA</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="624"/>
        <source>%1</source>
        <comment>a NETZSCH header key such as #SEPARATOR, where a file is refused</comment>
        <translation>otsakerivi %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="634"/>
        <source>data rows in the TGA blocks</source>
        <translation>datarivejä TGA-lohkoissa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="638"/>
        <source>column names (Time, Unsubtracted Weight, ...)</source>
        <translation>sarakkeiden nimet (Time, Unsubtracted Weight, ...)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="641"/>
        <source>PerkinElmer column names</source>
        <translation>PerkinElmerin sarakkeiden nimet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="645"/>
        <source>PerkinElmer column names (Time, Unsubtracted Weight, ...)</source>
        <translation>PerkinElmerin sarakkeiden nimet (Time, Unsubtracted Weight, ...)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="649"/>
        <source>found nothing</source>
        <translation>ei löytynyt mitään</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="652"/>
        <source>at least %1 comma-separated cells</source>
        <translation>vähintään %1 pilkuin erotettua solua</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="657"/>
        <source>a &apos;StartOfData&apos; line, or rows of Nsig numbers after the Sig1..SigN lines</source>
        <translation>&apos;StartOfData&apos;-rivi tai Nsig luvun rivejä Sig1..SigN-rivien jälkeen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="664"/>
        <source>&apos;Sig1&apos;..&apos;SigN&apos; column definitions</source>
        <translation>sarakemäärittelyt &apos;Sig1&apos;..&apos;SigN&apos;</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="668"/>
        <source>Sig1..Sig%1 column definitions</source>
        <translation>sarakemäärittelyt Sig1..Sig%1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="674"/>
        <source>data rows after &apos;StartOfData&apos;</source>
        <translation>datarivejä rivin &apos;StartOfData&apos; jälkeen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="685"/>
        <source>%1</source>
        <comment>a number a file holds, quoted where it is refused</comment>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="694"/>
        <source>%1</source>
        <comment>a JCAMP-DX table form such as (XY..XY)</comment>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_text_forms.py" line="701"/>
        <source>%1: %2</source>
        <comment>a file in an archive: its message</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="108"/>
        <source>a supported instrument export (JCAMP-DX, SPC, OPUS, spectrum CSV, TGA export, moisture printout, gravimetric worksheet, fibre analyser report or per-fibre list, Excel workbook, ZIP archive of these)</source>
        <translation>tuettu laitteen vientitiedosto (JCAMP-DX, SPC, OPUS, spektrin CSV, TGA-vienti, kosteusanalysaattorin tuloste, gravimetrinen punnituslomake, kuituanalysaattorin raportti tai kuitukohtainen luettelo, Excel-työkirja tai näiden ZIP-arkisto)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="118"/>
        <source>the content matched none of them; for another table layout, define an import template</source>
        <translation>sisältö ei vastannut mitään niistä; muuta taulukkomuotoa varten määritä mallipohja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="127"/>
        <source>an instrument export, not a container file</source>
        <translation>laitteen vientitiedosto, ei säiliötiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="132"/>
        <source>this is %1: %2</source>
        <translation>tämä on %1: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="135"/>
        <source>a regular file</source>
        <translation>tavallinen tiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="138"/>
        <source>it is %1; nothing was read</source>
        <translation>se on %1; mitään ei luettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="141"/>
        <source>a readable file</source>
        <translation>luettava tiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="142"/>
        <source>some content</source>
        <translation>sisältöä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="143"/>
        <source>the file is empty</source>
        <translation>tiedosto on tyhjä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="146"/>
        <source>%1 of at most %2</source>
        <translation>%1, enintään %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="151"/>
        <source>the file holds %1; nothing was imported from it</source>
        <translation>tiedoston koko on %1; siitä ei tuotu mitään</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="154"/>
        <source>an instrument export</source>
        <translation>laitteen vientitiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="155"/>
        <source>a number</source>
        <translation>luku</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="156"/>
        <source>a finite number</source>
        <translation>äärellinen luku</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="159"/>
        <source>a number in column %1</source>
        <translation>luku sarakkeessa %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="164"/>
        <source>a finite number in column %1</source>
        <translation>äärellinen luku sarakkeessa %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="169"/>
        <source>an unambiguous number in column %1</source>
        <translation>yksiselitteinen luku sarakkeessa %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="174"/>
        <source>%1 values separated by %2</source>
        <translation>%1 arvoa, erottimena %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="177"/>
        <source>tabs</source>
        <translation>sarkaimet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="178"/>
        <source>semicolons</source>
        <translation>puolipisteet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="179"/>
        <source>commas</source>
        <translation>pilkut</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="180"/>
        <source>spaces</source>
        <translation>välilyönnit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="181"/>
        <source>rising</source>
        <translation>nousevan</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="182"/>
        <source>falling</source>
        <translation>laskevan</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="185"/>
        <source>a spectrum table (x in wavenumbers or wavelengths, then signals)</source>
        <translation>spektritaulukko (x aaltolukuina tai aallonpituuksina, sitten signaalit)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="192"/>
        <source>a worksheet holding a table the workbench reads</source>
        <translation>taulukko, jonka sisällön työkalu osaa lukea</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="197"/>
        <source>%1 points as ##NPOINTS= declares</source>
        <translation>%1 pistettä, kuten ##NPOINTS= ilmoittaa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="202"/>
        <source>%1 ordinates decoded</source>
        <translation>%1 y-arvoa purettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="207"/>
        <source>a ZIP archive holding instrument exports the workbench reads</source>
        <translation>ZIP-arkisto, jossa on työkalun lukemia laitteiden vientitiedostoja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="214"/>
        <source>at least three rows of x and y numbers (a spectrum table)</source>
        <translation>vähintään kolme riviä x- ja y-lukuja (spektritaulukko)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="221"/>
        <source>at most %1 data points in one JCAMP-DX file</source>
        <translation>enintään %1 datapistettä yhdessä JCAMP-DX-tiedostossa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="225"/>
        <source>found %1</source>
        <translation>löytyi %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="228"/>
        <source>a spectrum table whose first column is its x axis</source>
        <translation>spektritaulukko, jonka ensimmäinen sarake on sen x-akseli</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="233"/>
        <source>column %1 is the spectral axis but %2 comes first; define an import template to say which column is which</source>
        <translation>sarake %1 on spektrin akseli, mutta %2 on ensimmäisenä; kerro mallipohjalla, mikä sarake on mikin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="242"/>
        <source>the first column does not run one way; the table is not a spectrum (a map, an image or a list of positions); define an import template to read it</source>
        <translation>ensimmäinen sarake ei kasva tai pienene tasaisesti; taulukko ei ole spektri (kartta, kuva tai paikkaluettelo); lue se mallipohjan avulla</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="251"/>
        <source>the column names were taken as sample names: %1</source>
        <translation>sarakkeiden nimet otettiin näytteiden nimiksi: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="257"/>
        <source>the first column %1 holds times, temperatures or index numbers, not sample names: each row became a spectrum named by its value</source>
        <translation>ensimmäinen sarake %1 sisältää aikoja, lämpötiloja tai järjestysnumeroita, ei näytteiden nimiä: kustakin rivistä tuli spektri, jonka nimi on sen arvo</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="266"/>
        <source>a data block header such as %1</source>
        <translation>datalohkon otsikko, kuten %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="272"/>
        <source>the data block %1 is not TGA: the workbench reads Pyris TGA curves, not DSC heat flow</source>
        <translation>datalohko %1 ei ole TGA:ta: työpöytä lukee Pyriksen TGA-käyrät, ei DSC:n lämpövirtaa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="279"/>
        <source>%1 is not a number</source>
        <translation>%1 ei ole luku</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="282"/>
        <source>%1 is not a row of %2 numbers</source>
        <translation>%1 ei ole %2 luvun rivi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="287"/>
        <source>%1 is not a row of numbers</source>
        <translation>%1 ei ole lukurivi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="292"/>
        <source>%1 has a thousands separator or mixed decimal marks; the value is not guessed: export the data again without digit grouping (a spreadsheet program may have added it)</source>
        <translation>arvossa %1 on tuhaterotin tai sekaisin desimaalimerkkejä; arvoa ei arvata: vie tiedot uudelleen ilman numeroiden ryhmittelyä (taulukkolaskentaohjelma on ehkä lisännyt sen)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="302"/>
        <source>%1 is beyond the range of numbers the workbench stores (about ±1.8e308); infinite values are refused, never stored</source>
        <translation>%1 on tallennettavien lukujen alueen (noin ±1,8e308) ulkopuolella; äärettömiä arvoja ei hyväksytä eikä tallenneta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="311"/>
        <source>%1 is not a finite number; infinite and not-a-number values are refused, never stored (leave the cell empty or write NA where a reader accepts missing values)</source>
        <translation>%1 ei ole äärellinen luku; äärettömiä ja ei-luku-arvoja ei hyväksytä eikä tallenneta (jätä solu tyhjäksi tai kirjoita NA, jos lukija hyväksyy puuttuvat arvot)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="320"/>
        <source>a data row that does not match the rows above it</source>
        <translation>datarivi, joka ei vastaa yläpuolisia rivejä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="325"/>
        <source>a data row cut off from the rows below it</source>
        <translation>datarivi, joka on erillään alapuolisista riveistä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="330"/>
        <source>the rows do not all hold the same numbers</source>
        <translation>riveillä ei ole kaikilla samaa määrää lukuja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="335"/>
        <source>its columns %1 are a time series or thermal analysis data (DSC, TGA), not spectra; define an import template (kind: table) to import them</source>
        <translation>sen sarakkeet %1 ovat aikasarja tai termoanalyysin dataa (DSC, TGA), eivät spektrejä; tuo ne määrittämällä mallipohja (laji: taulukko)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="344"/>
        <source>its tables declare more than %1; nothing was decoded</source>
        <translation>sen taulukot ilmoittavat yli %1; mitään ei purettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="351"/>
        <source>not a table the workbench reads (no reader recognised its layout)</source>
        <translation>ei työkalun lukema taulukko (mikään lukija ei tunnistanut muotoa)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="358"/>
        <source>not an export the workbench reads (no reader recognised it)</source>
        <translation>ei työkalun lukema vientitiedosto (mikään lukija ei tunnistanut sitä)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="363"/>
        <location filename="../../workbench/gui/import_texts.py" line="681"/>
        <source>sheet %1: %2</source>
        <translation>taulukko %1: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="364"/>
        <source>empty</source>
        <translation>tyhjä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="368"/>
        <source>an OLE2 compound file (Excel 97-2003 .xls, or a Word or Outlook file)</source>
        <translation>OLE2-yhdistelmätiedosto (Excel 97–2003 .xls tai Word- tai Outlook-tiedosto)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="376"/>
        <source>save an .xls workbook as .xlsx (Excel: File &gt; Save As) and import that</source>
        <translation>tallenna .xls-työkirja .xlsx-muotoon (Excel: Tiedosto &gt; Tallenna nimellä) ja tuo se</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="384"/>
        <source>an HDF5 file (a Fibre Workbench project or another program&apos;s data)</source>
        <translation>HDF5-tiedosto (Fibre Workbench -projekti tai toisen ohjelman dataa)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="391"/>
        <source>open a project with File &gt; Open; export other HDF5 data as text to import it</source>
        <translation>avaa projekti valinnalla Tiedosto &gt; Avaa; vie muu HDF5-data tekstinä tuodaksesi sen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="397"/>
        <source>a PDF document</source>
        <translation>PDF-asiakirja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="400"/>
        <source>a PDF holds a printed report, not the data: export the data from the instrument software as text, CSV or Excel and import that</source>
        <translation>PDF sisältää tulostetun raportin, ei dataa: vie data laitteen ohjelmistosta tekstinä, CSV:nä tai Excelinä ja tuo se</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="409"/>
        <source>a %1 image</source>
        <translation>%1-kuva</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="414"/>
        <source>import the data, not a picture</source>
        <translation>tuo data, älä kuvaa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="417"/>
        <source>a gzip-compressed file</source>
        <translation>gzip-pakattu tiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="420"/>
        <source>an OpenDocument spreadsheet (.ods)</source>
        <translation>OpenDocument-laskentataulukko (.ods)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="425"/>
        <source>save it as .xlsx (LibreOffice: File &gt; Save As, Excel 2007-365) and import that</source>
        <translation>tallenna se .xlsx-muotoon (LibreOffice: Tiedosto &gt; Tallenna nimellä, Excel 2007–365) ja tuo se</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="433"/>
        <source>unpack it (for example with 7-Zip) and import its files</source>
        <translation>pura se (esimerkiksi 7-Zipillä) ja tuo sen tiedostot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="438"/>
        <source>a FIFO (named pipe)</source>
        <translation>FIFO (nimetty putki)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="439"/>
        <source>a character device</source>
        <translation>merkkilaite</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="440"/>
        <source>a folder</source>
        <translation>kansio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="444"/>
        <source>the x unit %1 was assumed: %2</source>
        <translation>x:n yksikkö %1 oletettiin: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="449"/>
        <source>the file has no header; wavenumbers assumed, as OMNIC and OPUS (.dpt) text exports write them</source>
        <translation>tiedostossa ei ole otsaketta; oletettiin aaltoluvut, kuten OMNIC- ja OPUS (.dpt) -tekstiviennit ne kirjoittavat</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="458"/>
        <source>the header says wavelength without a unit; %1 from the range of x</source>
        <translation>otsake sanoo aallonpituus ilman yksikköä; %1 x:n alueen perusteella</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="465"/>
        <source>the file states no x unit (DXU); OPUS x axes are wavenumbers</source>
        <translation>tiedosto ei kerro x:n yksikköä (DXU); OPUS-tiedostojen x-akseli on aaltoluku</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="472"/>
        <source>the file states no x unit; x is shown without one</source>
        <translation>tiedosto ei kerro x:n yksikköä; x näytetään ilman yksikköä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="477"/>
        <source>x counts points (0, 1, 2, …): a point index, not a wavenumber or wavelength axis; the spectrum is shown against point numbers</source>
        <translation>x laskee pisteitä (0, 1, 2, …): se on pisteiden järjestysnumero, ei aaltoluku- tai aallonpituusakseli; spektri näytetään pistenumeroita vasten</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="486"/>
        <source>x runs from %1 to %2, which is unusual for %3; check that the unit is right</source>
        <translation>x on välillä %1–%2, mikä on epätavallista yksikölle %3; tarkista, että yksikkö on oikea</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="494"/>
        <source>the .asp file states no units; x is taken as cm⁻¹ (Agilent FTIR)</source>
        <translation>.asp-tiedosto ei kerro yksiköitä; x:n yksiköksi otetaan cm⁻¹ (Agilent FTIR)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="501"/>
        <source>the wavelength unit is not stated; %1 assumed from the range and the %2 order</source>
        <translation>aallonpituuden yksikköä ei kerrota; %1 oletettiin alueen ja %2 järjestyksen perusteella</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="509"/>
        <source>the file holds only the background (reference) measurement (%1), no spectrum of a sample</source>
        <translation>tiedostossa on vain taustamittaus (referenssi, %1), ei näytteen spektriä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="518"/>
        <source>an earlier %1 block (byte %2, before OPUS processed it again) was left out; the current one is imported</source>
        <translation>aiempi %1-lohko (tavu %2, ennen kuin OPUS käsitteli sen uudelleen) jätettiin pois; nykyinen tuodaan</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="527"/>
        <source>column %1 does not say whether fines are by count or by length; stored as fines by length, the usual summary-report convention</source>
        <translation>sarake %1 ei kerro, ovatko hienoaineet lukumäärä- vai pituusosuus; tallennettiin pituusosuutena, kuten yhteenvetoraporteissa on tapana</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="536"/>
        <source>the file name is not UTF-8; it is kept as %1 (read as Windows-1252)</source>
        <translation>tiedostonimi ei ole UTF-8:aa; se säilytetään muodossa %1 (luettu Windows-1252-merkistönä)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="543"/>
        <source>%1 formula cell(s) have no stored result (%2) and were read as empty; open and save the workbook in Excel to store the results</source>
        <translation>%1 kaavasolulla ei ole tallennettua tulosta (%2), joten ne luettiin tyhjinä; avaa ja tallenna työkirja Excelissä, jotta tulokset tallentuvat</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="550"/>
        <location filename="../../workbench/gui/import_texts.py" line="680"/>
        <source>%1 (not imported)</source>
        <translation>%1 (ei tuotu)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="553"/>
        <source>%1 comment or text line(s) after the data were ignored</source>
        <translation>%1 kommentti- tai tekstiriviä datan jälkeen ohitettiin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="560"/>
        <source>the file states no unit for %1; the values are kept as written, without one</source>
        <translation>tiedosto ei kerro yksikköä kohteelle %1; arvot säilytetään sellaisinaan ilman yksikköä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="568"/>
        <source>%1 %2 is not a usable number; it was not stored</source>
        <translation>%1 %2 ei ole käyttökelpoinen luku; sitä ei tallennettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="573"/>
        <source>%1 Y-check value(s) differ from the decoded ordinate</source>
        <translation>%1 Y-tarkistusarvoa poikkeaa puretusta ordinaatasta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="580"/>
        <source>the printed result %1 % differs from the weights&apos; %2 %</source>
        <translation>tulostettu tulos %1 % poikkeaa punnituksista lasketusta %2 %:sta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="708"/>
        <source>%1: expected %2</source>
        <translation>%1: odotettiin: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_texts.py" line="710"/>
        <source>%1: expected %2 (%3)</source>
        <translation>%1: odotettiin: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="186"/>
        <source>Spectrum</source>
        <translation>Spektri</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="187"/>
        <source>TGA curve</source>
        <translation>TGA-käyrä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="188"/>
        <source>Moisture</source>
        <translation>Kosteus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="189"/>
        <source>Ash</source>
        <translation>Tuhka</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="190"/>
        <source>Fibre analysis summary</source>
        <translation>Kuituanalyysin yhteenveto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="191"/>
        <source>Fibre particle list</source>
        <translation>Kuitujen partikkelilista</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="192"/>
        <source>Fibre length distribution</source>
        <translation>Kuidunpituusjakauma</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="193"/>
        <source>Lab values</source>
        <translation>Laboratorioarvot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="194"/>
        <source>Table</source>
        <translation>Taulukko</translation>
    </message>
</context>
<context>
    <name>LabelEditor</name>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="82"/>
        <source>Training labels</source>
        <translation>Opetusluokat</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="90"/>
        <source>Label name; use route:&lt;route id&gt; for an observed outcome of a route</source>
        <translation>Luokan nimi; käytä muotoa route:&lt;reitin tunnus&gt; reitin havaitulle tulokselle</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="93"/>
        <source>Copy feedstock types</source>
        <translation>Kopioi raaka-ainetyypit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="94"/>
        <source>Set this label of every sample to its feedstock type</source>
        <translation>Aseta jokaisen näytteen tämä luokka sen raaka-ainetyypiksi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="97"/>
        <source>Sample</source>
        <translation>Näyte</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="97"/>
        <source>Label</source>
        <translation>Luokka</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="102"/>
        <source>Label:</source>
        <translation>Luokka:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="111"/>
        <source>An empty cell removes the label. Every change can be undone.</source>
        <translation>Tyhjä solu poistaa luokan. Jokaisen muutoksen voi kumota.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="150"/>
        <source>Copy feedstock types to label “%1”</source>
        <translation>Kopioi raaka-ainetyypit luokkaan ”%1”</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../workbench/gui/language.py" line="50"/>
        <source>Language changed</source>
        <translation>Kieli vaihdettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/language.py" line="52"/>
        <source>The new language is used after Fibre Workbench restarts. Restart now?</source>
        <translation>Uusi kieli otetaan käyttöön, kun Fibre Workbench käynnistetään uudelleen. Käynnistetäänkö nyt?</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/language.py" line="58"/>
        <source>Your project is reopened; you are asked first to save any changes.</source>
        <translation>Projektisi avataan uudelleen; tallentamattomista muutoksista kysytään ensin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/language.py" line="60"/>
        <source>Restart now</source>
        <translation>Käynnistä uudelleen nyt</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/language.py" line="61"/>
        <source>Later</source>
        <translation>Myöhemmin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/language.py" line="86"/>
        <source>The language setting was saved.</source>
        <translation>Kieliasetus tallennettiin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/language.py" line="90"/>
        <source>The language changes the next time Fibre Workbench starts.</source>
        <translation>Kieli vaihtuu, kun Fibre Workbench käynnistetään seuraavan kerran.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="151"/>
        <source>Project</source>
        <translation>Projekti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="154"/>
        <source>Details</source>
        <translation>Tiedot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="157"/>
        <source>Tasks and log</source>
        <translation>Tehtävät ja loki</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="245"/>
        <source>Untitled</source>
        <translation>Nimetön</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="248"/>
        <source>[read-only]</source>
        <translation>[vain luku]</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="115"/>
        <source>Filter samples…</source>
        <translation>Suodata näytteitä…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="117"/>
        <source>Show only samples whose fields contain this text</source>
        <translation>Näytä vain näytteet, joiden tiedoissa on tämä teksti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="141"/>
        <source>Samples and plots</source>
        <translation>Näytteet ja kuvaajat</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="230"/>
        <source>%1 failed: %2</source>
        <translation>%1 epäonnistui: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="277"/>
        <source>Use Save As to keep changes in a new file.</source>
        <translation>Käytä Tallenna nimellä -toimintoa säilyttääksesi muutokset uudessa tiedostossa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="280"/>
        <source>This project is read-only.</source>
        <translation>Tämä projekti on vain luku -tilassa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="337"/>
        <source>Saving the project…</source>
        <translation>Tallennetaan projektia…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="343"/>
        <source>Select a sample or a measurement to plot its curves and spectra.</source>
        <translation>Valitse näyte tai mittaus piirtääksesi sen käyrät ja spektrit.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="412"/>
        <location filename="../../workbench/gui/main_window.py" line="414"/>
        <source>Sample %1</source>
        <translation>Näyte %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workbench/gui/main_window.py" line="452"/>
        <source>Delete %n sample(s)</source>
        <translation>
            <numerusform>Poista %n näyte</numerusform>
            <numerusform>Poista %n näytettä</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workbench/gui/main_window.py" line="457"/>
        <source>Deleted %n sample(s). Edit &gt; Undo brings them back.</source>
        <translation>
            <numerusform>Poistettiin %n näyte. Muokkaa &gt; Kumoa tuo sen takaisin.</numerusform>
            <numerusform>Poistettiin %n näytettä. Muokkaa &gt; Kumoa tuo ne takaisin.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="464"/>
        <source>Import files</source>
        <translation>Tuo tiedostoja</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../workbench/gui/message_bar.py" line="32"/>
        <source>Hide this message</source>
        <translation>Piilota tämä viesti</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <location filename="../../workbench/gui/metadata_dialog.py" line="53"/>
        <source>Metadata of %1</source>
        <translation>Lisätiedot: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/metadata_dialog.py" line="56"/>
        <source>Key</source>
        <translation>Avain</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/metadata_dialog.py" line="56"/>
        <source>Value</source>
        <translation>Arvo</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/metadata_dialog.py" line="65"/>
        <source>Add row</source>
        <translation>Lisää rivi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/metadata_dialog.py" line="67"/>
        <source>Remove row</source>
        <translation>Poista rivi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/metadata_dialog.py" line="68"/>
        <source>Remove the selected entry</source>
        <translation>Poista valittu merkintä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/metadata_dialog.py" line="78"/>
        <source>Free notes about the sample as key and value, e.g. batch = B-17.</source>
        <translation>Vapaita merkintöjä näytteestä avaimena ja arvona, esim. erä = B-17.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/metadata_dialog.py" line="95"/>
        <source>not known</source>
        <translation>ei tiedossa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/metadata_dialog.py" line="155"/>
        <source>Edit metadata of a sample</source>
        <translation>Muokkaa näytteen lisätietoja</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <location filename="../../workbench/gui/param_form.py" line="128"/>
        <source>Unit: %1</source>
        <translation>Yksikkö: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/param_form.py" line="140"/>
        <source>This analysis has no parameters.</source>
        <translation>Tällä analyysillä ei ole parametreja.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/param_form.py" line="185"/>
        <source>values separated by commas</source>
        <translation>arvot pilkuin eroteltuina</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/param_form.py" line="212"/>
        <source>reference values: %1</source>
        <translation>vertailuarvoja: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/param_form.py" line="234"/>
        <source>Too few for a calibration (at least %1) unless a reference table gives more</source>
        <translation>Liian vähän kalibrointiin (vähintään %1), ellei vertailuarvotaulukko anna lisää</translation>
    </message>
</context>
<context>
    <name>Parameters</name>
    <message>
        <location filename="../../workbench/gui/parameter_text.py" line="31"/>
        <source>yes</source>
        <translation>kyllä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/parameter_text.py" line="32"/>
        <source>no</source>
        <translation>ei</translation>
    </message>
</context>
<context>
    <name>PipelinePreview</name>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="56"/>
        <source>Preview: one spectrum before and after</source>
        <translation>Esikatselu: yksi spektri ennen ja jälkeen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="68"/>
        <source>Put a saved pipeline into the Pipeline field</source>
        <translation>Lisää tallennettu esikäsittelyketju Esikäsittely-kenttään</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="72"/>
        <source>Add a step…</source>
        <translation>Lisää vaihe…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="75"/>
        <source>Append a step with its default settings</source>
        <translation>Lisää vaihe loppuun oletusasetuksin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="77"/>
        <source>Save pipeline as…</source>
        <translation>Tallenna esikäsittelyketju nimellä…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="80"/>
        <source>Load:</source>
        <translation>Lataa:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="86"/>
        <source>Before</source>
        <translation>Ennen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="88"/>
        <source>After</source>
        <translation>Jälkeen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="154"/>
        <source>Save pipeline</source>
        <translation>Tallenna esikäsittelyketju</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="154"/>
        <source>Name (saved in this project):</source>
        <translation>Nimi (tallennetaan tähän projektiin):</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="169"/>
        <source>Saved the pipeline as “%1”.</source>
        <translation>Esikäsittelyketju tallennettiin nimellä ”%1”.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="193"/>
        <source>Tick a sample with a spectrum to see a preview.</source>
        <translation>Rastita näyte, jolla on spektri, nähdäksesi esikatselun.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="200"/>
        <source>Preprocessing preview</source>
        <translation>Esikäsittelyn esikatselu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="227"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/pipeline_preview.py" line="232"/>
        <source>%1: %2 points before, %3 after (%4 ms).</source>
        <translation>%1: %2 pistettä ennen, %3 jälkeen (%4 ms).</translation>
    </message>
</context>
<context>
    <name>PlotLegend</name>
    <message>
        <location filename="../../workbench/gui/plot_legend.py" line="90"/>
        <source>Click to hide or show this curve.</source>
        <translation>Piilota tai näytä käyrä napsauttamalla.</translation>
    </message>
</context>
<context>
    <name>PlotView</name>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="182"/>
        <source>Drag to pan, wheel to zoom, right-click for options and export.</source>
        <translation>Vedä siirtääksesi, rullaa zoomataksesi, oikealla painikkeella asetukset ja vienti.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="190"/>
        <source>Temperature</source>
        <translation>Lämpötila</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="191"/>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="194"/>
        <source>Draw TGA curves against temperature or against time (a run that heats, holds and cools reads better against time)</source>
        <translation>Piirrä TGA-käyrät lämpötilan tai ajan funktiona (lämmittävä, pitävä ja jäähdyttävä ajo on selkeämpi ajan funktiona)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="204"/>
        <source>TGA curves against:</source>
        <translation>TGA-käyrien vaaka-akseli:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="235"/>
        <source>Select a sample or a measurement to plot its curves and spectra.</source>
        <translation>Valitse näyte tai mittaus piirtääksesi sen käyrät ja spektrit.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="315"/>
        <source>Nothing to plot: the selection has no curves or spectra.</source>
        <translation>Ei piirrettävää: valinnassa ei ole käyriä eikä spektrejä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="317"/>
        <source>Its values are listed in the details panel.</source>
        <translation>Sen arvot näkyvät tietopaneelissa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="351"/>
        <source>%1 more curves not shown.</source>
        <translation>%1 käyrää jätettiin näyttämättä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="353"/>
        <source>Some kinds of curve not shown; select fewer items.</source>
        <translation>Kaikkia käyrälajeja ei näytetä; valitse vähemmän kohteita.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="374"/>
        <source>Signal</source>
        <translation>Signaali</translation>
    </message>
</context>
<context>
    <name>PluginsDialog</name>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="43"/>
        <source>Plugins</source>
        <translation>Liitännäiset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="47"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="47"/>
        <source>Id</source>
        <translation>Tunnus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="47"/>
        <source>Version</source>
        <translation>Versio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="47"/>
        <source>Origin</source>
        <translation>Alkuperä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="48"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="64"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="64"/>
        <source>Failed</source>
        <translation>Epäonnistui</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="79"/>
        <source>Open folder</source>
        <translation>Avaa kansio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="84"/>
        <source>Your plugin folder:</source>
        <translation>Liitännäiskansiosi:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="89"/>
        <source>Copy a plugin folder (with its plugin.toml) here and restart the workbench to use it.</source>
        <translation>Kopioi liitännäisen kansio (ja sen plugin.toml) tähän ja käynnistä ohjelma uudelleen ottaaksesi sen käyttöön.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="103"/>
        <source>%1 plugins, %2 failed to load.</source>
        <translation>%1 liitännäistä, %2 ei latautunut.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="118"/>
        <source>built-in</source>
        <translation>sisäänrakennettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="119"/>
        <source>installed package</source>
        <translation>asennettu paketti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="120"/>
        <source>user folder</source>
        <translation>käyttäjän kansio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="134"/>
        <source>Consumes</source>
        <translation>Käyttää</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="135"/>
        <source>Method</source>
        <translation>Menetelmä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="136"/>
        <source>Plugin API</source>
        <translation>Liitännäisrajapinta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="137"/>
        <source>Scope</source>
        <translation>Laajuus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plugins_dialog.py" line="149"/>
        <source>Source:</source>
        <translation>Lähde:</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="128"/>
        <source>File</source>
        <translation>Tiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="129"/>
        <source>Result</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="131"/>
        <source>Goes to</source>
        <translation>Kohde</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="132"/>
        <source>Samples in file</source>
        <translation>Näytteet tiedostossa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="133"/>
        <source>Points/rows</source>
        <translation>Pisteitä/rivejä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="134"/>
        <source>Units and ranges</source>
        <translation>Yksiköt ja vaihteluvälit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="135"/>
        <source>Format</source>
        <translation>Muoto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="136"/>
        <source>Instrument</source>
        <translation>Laite</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="130"/>
        <source>Warnings and errors</source>
        <translation>Varoitukset ja virheet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="157"/>
        <source>Sample “%1”</source>
        <translation>Näyte ”%1”</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="161"/>
        <source>One sample per measurement: %1 (%2 new)</source>
        <translation>Näyte jokaiselle mittaukselle: %1 (%2 uutta)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="167"/>
        <source>%1 (new)</source>
        <translation>%1 (uusi)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_preview_model.py" line="177"/>
        <source>Already imported</source>
        <translation>Jo tuotu</translation>
    </message>
</context>
<context>
    <name>PreviewPlot</name>
    <message>
        <location filename="../../workbench/gui/import_plot.py" line="49"/>
        <source>Select a file to see its data.</source>
        <translation>Valitse tiedosto nähdäksesi sen datan.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_plot.py" line="56"/>
        <location filename="../../workbench/gui/import_plot.py" line="73"/>
        <source>Values only: nothing to draw.</source>
        <translation>Vain arvoja: ei piirrettävää.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_plot.py" line="80"/>
        <source>Particles</source>
        <translation>Partikkelit</translation>
    </message>
</context>
<context>
    <name>ProjectFilesMixin</name>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="45"/>
        <source>Fibre Workbench projects (*%1)</source>
        <translation>Fibre Workbench -projektit (*%1)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="76"/>
        <source>Closing the project failed: %1</source>
        <translation>Projektin sulkeminen epäonnistui: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="87"/>
        <source>Please wait: the project is being saved.</source>
        <translation>Odota hetki: projektia tallennetaan.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="105"/>
        <source>Unsaved changes</source>
        <translation>Tallentamattomia muutoksia</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="106"/>
        <source>The project has unsaved changes. Save them before closing?</source>
        <translation>Projektissa on tallentamattomia muutoksia. Tallennetaanko ne ennen sulkemista?</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="123"/>
        <source>Open project</source>
        <translation>Avaa projekti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="131"/>
        <source>Open %1</source>
        <translation>Avaa %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="136"/>
        <location filename="../../workbench/gui/screenshot.py" line="55"/>
        <source>Opened %1</source>
        <translation>Avattiin %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="147"/>
        <location filename="../../workbench/gui/project_files.py" line="378"/>
        <source>Could not open %1: %2</source>
        <translation>Tiedostoa %1 ei voitu avata: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="187"/>
        <source>Save project as</source>
        <translation>Tallenna projekti nimellä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="199"/>
        <source>The project is being saved already.</source>
        <translation>Projektia tallennetaan jo.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="230"/>
        <source>Save %1</source>
        <translation>Tallenna %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="261"/>
        <source>Not saved: %1</source>
        <translation>Ei tallennettu: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="256"/>
        <source>Saving failed: %1</source>
        <translation>Tallennus epäonnistui: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="250"/>
        <source>Saved %1</source>
        <translation>Tallennettiin %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="269"/>
        <source>the disk is full</source>
        <translation>levy on täynnä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="270"/>
        <source>your disk quota is used up</source>
        <translation>levykiintiösi on käytetty loppuun</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="271"/>
        <source>the file would be larger than this system allows</source>
        <translation>tiedostosta tulisi suurempi kuin tämä järjestelmä sallii</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="272"/>
        <source>the disk reported an input/output error</source>
        <translation>levy ilmoitti luku- tai kirjoitusvirheestä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="273"/>
        <source>the disk is read-only</source>
        <translation>levylle ei voi kirjoittaa (vain luku)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="274"/>
        <source>there is no permission to write there</source>
        <translation>sinne ei ole kirjoitusoikeutta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="275"/>
        <source>the file name is too long for this folder</source>
        <translation>tiedoston nimi on liian pitkä tähän kansioon</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="280"/>
        <source>%1 was not saved: %2. The file is as it was and your unsaved work is still here; free some space, or save it somewhere else with File &gt; Save As.</source>
        <translation>Tiedostoa %1 ei tallennettu: %2. Tiedosto on ennallaan ja tallentamaton työsi on yhä tallessa; vapauta levytilaa tai tallenna muualle valinnalla Tiedosto &gt; Tallenna nimellä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="299"/>
        <source>No recent projects</source>
        <translation>Ei viimeaikaisia projekteja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="303"/>
        <source>Clear list</source>
        <translation>Tyhjennä luettelo</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="330"/>
        <source>Could not write the recovery file: %1</source>
        <translation>Palautustiedostoa ei voitu kirjoittaa: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="337"/>
        <source>Writing recovery file</source>
        <translation>Kirjoitetaan palautustiedostoa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="357"/>
        <source>an untitled project</source>
        <translation>nimetöntä projektia</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="384"/>
        <source>Recovered unsaved work of %1</source>
        <translation>Palautettiin tallentamaton työ: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="391"/>
        <source>Recover unsaved work</source>
        <translation>Palauta tallentamaton työ</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="394"/>
        <source>Fibre Workbench was closed without saving %1. Unsaved work from %2 was kept.

Restore it? (No keeps the recovery file for later; Discard deletes it.)</source>
        <translation>Fibre Workbench suljettiin tallentamatta projektia %1. Tallentamaton työ ajalta %2 säilytettiin.

Palautetaanko se? (Ei säilyttää palautustiedoston myöhempää varten; Hylkää poistaa sen.)</translation>
    </message>
</context>
<context>
    <name>ProjectTexts</name>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="41"/>
        <source>%1 It was opened read-only so that nothing is converted or overwritten; File &gt; Save As in the window (or save_project with a new path in a script) writes a repaired copy and this file stays as it is.</source>
        <translation>%1 Se avattiin vain luku -tilassa, jotta mitään ei muunneta eikä kirjoiteta yli; Tiedosto &gt; Tallenna nimellä ikkunassa (tai skriptissä save_project uudella polulla) kirjoittaa korjatun kopion, ja tämä tiedosto pysyy ennallaan.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="52"/>
        <source>%1: its format version %2, but its content is a version-%3 project (the version number looks damaged).</source>
        <translation>%1: sen muotoversio %2, mutta sen sisältö on version %3 projekti (versionumero näyttää vaurioituneen).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="62"/>
        <source>%1: its format version %2, but its content is the older version-0 layout, which was read and converted in memory.</source>
        <translation>%1: sen muotoversio %2, mutta sen sisältö on vanhempaa version 0 rakennetta, joka luettiin ja muunnettiin muistissa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="72"/>
        <source>%1: its content fits neither the version-%2 project layout nor an older one (format version %3); what could be read is shown.</source>
        <translation>%1: sen sisältö ei vastaa version %2 projektin rakennetta eikä vanhempaa (muotoversio %3); näkyvissä on se, mikä voitiin lukea.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="79"/>
        <source>is missing</source>
        <translation>puuttuu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="80"/>
        <source>reads %1</source>
        <translation>on %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="86"/>
        <source>%1: %2 parts of the file could not be taken in (first: %3; all are named in the warnings). It was opened read-only so that saving cannot drop them from the file; File &gt; Save As in the window writes a copy without them, and this file keeps them.</source>
        <translation>%1: tiedostosta ei voitu ottaa mukaan %2 osaa (ensimmäinen: %3; kaikki on nimetty varoituksissa). Se avattiin vain luku -tilassa, jotta tallennus ei voi pudottaa niitä tiedostosta; Tiedosto &gt; Tallenna nimellä ikkunassa kirjoittaa kopion ilman niitä, ja tämä tiedosto säilyttää ne.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="100"/>
        <source>%1: 1 part of the file could not be taken in (first: %2; all are named in the warnings). It was opened read-only so that saving cannot drop them from the file; File &gt; Save As in the window writes a copy without them, and this file keeps them.</source>
        <translation>%1: yhtä tiedoston osaa ei voitu ottaa mukaan (%2; se on nimetty varoituksissa). Se avattiin vain luku -tilassa, jotta tallennus ei voi pudottaa sitä tiedostosta; Tiedosto &gt; Tallenna nimellä ikkunassa kirjoittaa kopion ilman sitä, ja tämä tiedosto säilyttää sen.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="112"/>
        <source>%1: its lock file %2 could not be written (%3). It was opened read-only; use Save As to keep changes elsewhere.</source>
        <translation>%1: sen lukitustiedostoa %2 ei voitu kirjoittaa (%3). Se avattiin vain luku -tilassa; tallenna muutokset muualle Tallenna nimellä -toiminnolla.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="122"/>
        <source>%1 is open in another Fibre Workbench %2, so it was opened read-only. Use Save As to keep your changes in a new file.</source>
        <translation>%1 on auki toisessa Fibre Workbenchissä (%2), joten se avattiin vain luku -tilassa. Tallenna muutoksesi uuteen tiedostoon Tallenna nimellä -toiminnolla.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="131"/>
        <source>%1 is open in another Fibre Workbench %2. Nothing was changed.</source>
        <translation>%1 on auki toisessa Fibre Workbenchissä (%2). Mitään ei muutettu.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="138"/>
        <source>by %1 on %2 (process %3) since %4</source>
        <translation>käyttäjä %1, kone %2, prosessi %3, avattu %4</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="141"/>
        <source>another instance</source>
        <translation>toinen ohjelma</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="142"/>
        <source>just now</source>
        <translation>juuri äsken</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="143"/>
        <source>Opened read-only.</source>
        <translation>Avattu vain luku -tilassa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="147"/>
        <source>%1 cannot be locked for writing (%2); the recovered work can be kept with Save As.</source>
        <translation>Tiedostoa %1 ei voi lukita kirjoitusta varten (%2); palautetun työn voi tallentaa Tallenna nimellä -toiminnolla.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="157"/>
        <source>%1 is open in another Fibre Workbench %2; the recovered work can be kept with Save As.</source>
        <translation>%1 on auki toisessa Fibre Workbenchissä (%2); palautetun työn voi tallentaa Tallenna nimellä -toiminnolla.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="168"/>
        <source>Another Fibre Workbench window (process %1) has unsaved work of this project from %2%3, kept in the recovery file %4.</source>
        <translation>Toisessa Fibre Workbench -ikkunassa (prosessi %1) on tämän projektin tallentamatonta työtä ajalta %2%3, tallessa palautustiedostossa %4.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="179"/>
        <source>Unsaved work of this project from %1%2 was kept in the recovery file %3 after Fibre Workbench closed without saving it. Open the project in the window to restore or discard it; it is kept until you do.</source>
        <translation>Tämän projektin tallentamaton työ ajalta %1%2 säilytettiin palautustiedostossa %3, kun Fibre Workbench sulkeutui tallentamatta sitä. Avaa projekti ikkunassa palauttaaksesi tai hylätäksesi sen; se säilyy siihen asti.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="187"/>
        <source>an unknown time</source>
        <translation>tuntematon aika</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="190"/>
        <source>Recovered unsaved work from %1.</source>
        <translation>Palautettiin tallentamaton työ ajalta %1.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="195"/>
        <source>There is no recovery file named %1.</source>
        <translation>Palautustiedostoa nimeltä %1 ei ole.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="201"/>
        <source>The project has no file yet; choose where to save it (Save As).</source>
        <translation>Projektilla ei ole vielä tiedostoa; valitse, minne se tallennetaan (Tallenna nimellä).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="209"/>
        <source>This project is open read-only and cannot be saved to its file. %1 Use Save As to a new file.</source>
        <translation>Projekti on avattu vain luku -tilassa, eikä sitä voi tallentaa omaan tiedostoonsa. %1 Tallenna se uuteen tiedostoon Tallenna nimellä -toiminnolla.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="218"/>
        <source>This project is open read-only and cannot be saved to its file. %1</source>
        <translation>Projekti on avattu vain luku -tilassa, eikä sitä voi tallentaa omaan tiedostoonsa. %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="225"/>
        <source>%1 The project was not saved.</source>
        <translation>%1 Projektia ei tallennettu.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="230"/>
        <source>%1 Nothing was changed.</source>
        <translation>%1 Mitään ei muutettu.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="236"/>
        <source>%1: the project could not be saved: its lock file could not be written (%2). The previous file is unchanged.</source>
        <translation>%1: projektia ei voitu tallentaa: sen lukitustiedostoa ei voitu kirjoittaa (%2). Aiempi tiedosto on ennallaan.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="246"/>
        <source>%1 is open in another Fibre Workbench %2; it cannot be overwritten. Choose another file name.</source>
        <translation>%1 on auki toisessa Fibre Workbenchissä (%2); sen päälle ei voi kirjoittaa. Valitse toinen tiedostonimi.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="256"/>
        <source>The project&apos;s audit log is append-only, but entries that were saved before are missing; the project was not saved.</source>
        <translation>Projektin muutoslokiin voi vain lisätä, mutta siitä puuttuu aiemmin tallennettuja merkintöjä; projektia ei tallennettu.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="265"/>
        <source>%1: the project could not be saved (%2). The previous file is unchanged.</source>
        <translation>%1: projektia ei voitu tallentaa (%2). Aiempi tiedosto on ennallaan.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="273"/>
        <source>%1: not saved: %2.</source>
        <translation>%1: ei tallennettu: %2.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="279"/>
        <source>%1: the sample&apos;s %2 contains a NUL character (\x00), which a project cannot keep; the project was not saved.</source>
        <translation>%1: näytteen kentässä %2 on NUL-merkki (\x00), jota projekti ei voi säilyttää; projektia ei tallennettu.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="289"/>
        <source>%1: the attribute %2 contains a NUL character (\x00), which a project file cannot keep; the project was not saved.</source>
        <translation>%1: attribuutissa %2 on NUL-merkki (\x00), jota projektitiedosto ei voi säilyttää; projektia ei tallennettu.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="298"/>
        <source>Cannot save %1 at %2: its values have type %3, expected numbers or text.</source>
        <translation>Kohdetta %1 ei voi tallentaa paikkaan %2: sen arvot ovat tyyppiä %3, odotettiin lukuja tai tekstiä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="306"/>
        <source>%1: the folder %2 does not exist.</source>
        <translation>%1: kansiota %2 ei ole.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="312"/>
        <source>%1: the file name is %2 bytes long; this folder takes names of at most %3 bytes here. Choose a shorter name.</source>
        <translation>%1: tiedostonimen pituus on %2 tavua; tähän kansioon sopii enintään %3 tavun nimi. Valitse lyhyempi nimi.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="321"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="324"/>
        <source>the disk is full</source>
        <translation>levy on täynnä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="327"/>
        <source>the disk quota is used up</source>
        <translation>levykiintiösi on käytetty loppuun</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="332"/>
        <source>the file would be larger than this system allows</source>
        <translation>tiedostosta tulisi suurempi kuin tämä järjestelmä sallii</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="337"/>
        <source>the disk reported an input/output error</source>
        <translation>levy ilmoitti luku- tai kirjoitusvirheestä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="340"/>
        <source>the disk is read-only</source>
        <translation>levylle ei voi kirjoittaa (vain luku)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="343"/>
        <source>no permission to write there</source>
        <translation>sinne ei ole kirjoitusoikeutta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="348"/>
        <source>the file name is too long for this folder</source>
        <translation>tiedoston nimi on liian pitkä tähän kansioon</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="354"/>
        <source>%1: no such project file.</source>
        <translation>%1: projektitiedostoa ei ole.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="359"/>
        <source>%1: is %2, not a project file.</source>
        <translation>%1: tämä on %2, ei projektitiedosto.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="364"/>
        <source>the folder does not exist</source>
        <translation>kansiota ei ole</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="367"/>
        <source>a folder</source>
        <translation>kansio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="368"/>
        <source>a FIFO (named pipe)</source>
        <translation>FIFO (nimetty putki)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="369"/>
        <source>a character device</source>
        <translation>merkkilaite</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="370"/>
        <source>a block device</source>
        <translation>lohkolaite</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="371"/>
        <source>a socket</source>
        <translation>pistoke (socket)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="372"/>
        <source>a symbolic link</source>
        <translation>symbolinen linkki</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="373"/>
        <source>not a regular file</source>
        <translation>ei tavallinen tiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="376"/>
        <source>%1: the file is damaged and cannot be read (%2).</source>
        <translation>%1: tiedosto on vaurioitunut, eikä sitä voi lukea (%2).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="381"/>
        <source>%1: the project format version is missing or not a number.</source>
        <translation>%1: projektin muotoversio puuttuu tai ei ole luku.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="388"/>
        <source>%1: project format version %2 is not known.</source>
        <translation>%1: projektin muotoversiota %2 ei tunneta.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="394"/>
        <source>%1: another program has the file open for writing (HDF5 refused to open it while it is locked); close it there and open it again.</source>
        <translation>%1: toinen ohjelma on avannut tiedoston kirjoittaakseen siihen (HDF5 ei avaa sitä, kun se on lukittu); sulje se siinä ohjelmassa ja avaa sitten uudelleen.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="403"/>
        <source>%1: the file cannot be opened as HDF5; it is damaged or truncated (%2).</source>
        <translation>%1: tiedostoa ei voi avata HDF5-tiedostona; se on vaurioitunut tai katkennut (%2).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="412"/>
        <source>%1: this HDF5 file is not a Fibre Workbench project (root attribute &apos;format&apos; is %2; expected %3).</source>
        <translation>%1: tämä HDF5-tiedosto ei ole Fibre Workbench -projekti (juuren attribuutti &apos;format&apos; on %2; odotettiin %3).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="419"/>
        <source>missing</source>
        <translation>puuttuu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="423"/>
        <source>%1 was written with project format version %2; this Fibre Workbench (%3) reads up to version %4. Please update Fibre Workbench to open it.</source>
        <translation>%1 on kirjoitettu projektimuodon versiolla %2; tämä Fibre Workbench (%3) lukee versioon %4 asti. Päivitä Fibre Workbench avataksesi sen.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="432"/>
        <source>%1: the file cannot be read: %2.</source>
        <translation>%1: tiedostoa ei voi lukea: %2.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="438"/>
        <source>%1: the project file is damaged or truncated (%2 bytes; its HDF5 data are missing).</source>
        <translation>%1: projektitiedosto on vaurioitunut tai katkennut (%2 tavua; sen HDF5-data puuttuu).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="447"/>
        <source>%1: this is not a Fibre Workbench project (not an HDF5 file: the HDF5 signature is missing).</source>
        <translation>%1: tämä ei ole Fibre Workbench -projekti (ei HDF5-tiedosto: HDF5-tunniste puuttuu).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="458"/>
        <source>%1: the file is damaged (its heap of texts at byte %2 is broken in a way that would make the HDF5 library hang); nothing was read. A copy saved before the damage, or a backup, holds the project.</source>
        <translation>%1: tiedosto on vaurioitunut (sen tekstikeko tavun %2 kohdalla on rikki tavalla, joka jumittaisi HDF5-kirjaston); mitään ei luettu. Ennen vauriota tallennettu kopio tai varmuuskopio sisältää projektin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="33"/>
        <source>%1: %2 in %3 is not part of a project; it was left out.</source>
        <translation>%1: %3 oleva %2 ei kuulu projektiin; se jätettiin pois.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="41"/>
        <source>%1 uses the older project format version 0. It was converted in memory; the original file is unchanged until you save.</source>
        <translation>%1 on vanhempaa projektimuodon versiota 0. Se muunnettiin muistissa; alkuperäinen tiedosto pysyy ennallaan, kunnes tallennat.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="50"/>
        <source>%1: %2 that a version-0 project does not have; it was left out.</source>
        <translation>%1: %2, jota version 0 projektissa ei ole; se jätettiin pois.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="57"/>
        <source>All samples were skipped: %1.</source>
        <translation>Kaikki näytteet ohitettiin: %1.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="62"/>
        <source>All sources were skipped: %1.</source>
        <translation>Kaikki lähdetiedostot ohitettiin: %1.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="67"/>
        <source>All models were skipped: %1.</source>
        <translation>Kaikki mallit ohitettiin: %1.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="72"/>
        <source>All raw were skipped: %1.</source>
        <translation>Kaikki raakatiedostot ohitettiin: %1.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="77"/>
        <source>1 attribute written by another program is kept as it is.</source>
        <translation>Toisen ohjelman kirjoittama attribuutti säilytetään sellaisenaan.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="84"/>
        <source>%1 attributes written by another program are kept as they are.</source>
        <translation>%1 toisen ohjelman kirjoittamaa attribuuttia säilytetään sellaisinaan.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="91"/>
        <source>Sample %1: measurement %2 was skipped: %3.</source>
        <translation>Näyte %1: mittaus %2 ohitettiin: %3.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="96"/>
        <source>Sample %1: result %2 was skipped: %3.</source>
        <translation>Näyte %1: tulos %2 ohitettiin: %3.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="101"/>
        <source>Sample %1: unknown feedstock type %2 was read as &apos;other&apos;.</source>
        <translation>Näyte %1: tuntematon raaka-ainetyyppi %2 luettiin tyypiksi &apos;muu&apos;.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="108"/>
        <source>Sample %1 was skipped: %2.</source>
        <translation>Näyte %1 ohitettiin: %2.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="113"/>
        <source>samples %1 was skipped: %2.</source>
        <translation>Näyte %1 ohitettiin: %2.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="118"/>
        <source>raw %1 was skipped: %2.</source>
        <translation>Raakatiedosto %1 ohitettiin: %2.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="123"/>
        <source>Stored source file %1 was skipped: %2.</source>
        <translation>Tallennettu lähdetiedosto %1 ohitettiin: %2.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="128"/>
        <source>Model %1 was skipped: %2.</source>
        <translation>Malli %1 ohitettiin: %2.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="133"/>
        <source>%1: a link whose name is not UTF-8 text; it was left out.</source>
        <translation>%1: linkki, jonka nimi ei ole UTF-8-tekstiä; se jätettiin pois.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="140"/>
        <source>%1: its columns have different lengths %2.</source>
        <translation>%1: sen sarakkeiden pituudet eroavat: %2.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="145"/>
        <source>%1: %2; it is shown as a table of its columns.</source>
        <translation>%1: %2; se näytetään sarakkeidensa taulukkona.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="150"/>
        <source>its curve names columns it does not have (%1)</source>
        <translation>sen käyrä viittaa sarakkeisiin, joita sillä ei ole (%1)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="155"/>
        <source>its curve&apos;s column %1 holds text, not numbers</source>
        <translation>sen käyrän sarakkeessa %1 on tekstiä, ei lukuja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="160"/>
        <source>its signal and axes have different lengths %1</source>
        <translation>sen signaalin ja akselien pituudet eroavat: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="166"/>
        <source>%1: %2 of its plot entries are not plots of its columns; they were left out.</source>
        <translation>%1: sen kuvaajamerkinnöistä %2 ei ole sen sarakkeiden kuvaajia; ne jätettiin pois.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="174"/>
        <source>%1: value %2 was skipped (not a valid quantity: %3).</source>
        <translation>%1: arvo %2 ohitettiin (ei kelvollinen suure: %3).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="181"/>
        <source>%1: value %2 was skipped (%3).</source>
        <translation>%1: arvo %2 ohitettiin (%3).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="186"/>
        <source>%1: a group where a column was expected; it was left out.</source>
        <translation>%1: ryhmä siinä, missä odotettiin saraketta; se jätettiin pois.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="193"/>
        <source>%1: a group where a model array was expected; it was left out.</source>
        <translation>%1: ryhmä siinä, missä odotettiin mallin taulukkoa; se jätettiin pois.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="200"/>
        <source>%1: stated SHA-256 %2 differs from its name.</source>
        <translation>%1: ilmoitettu SHA-256 %2 poikkeaa sen nimestä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="205"/>
        <source>The audit log could not be read: %1.</source>
        <translation>Muutoslokia ei voitu lukea: %1.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="210"/>
        <source>Project settings were skipped: %1.</source>
        <translation>Projektin asetukset ohitettiin: %1.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="216"/>
        <source>%1: field %2 of attribute %3 should be %4; it was ignored.</source>
        <translation>%1: attribuutin %3 kentän %2 pitäisi olla %4; se ohitettiin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="224"/>
        <source>%1: field %2 of attribute %3 is not one this version reads; it is kept in the file, which opens read-only.</source>
        <translation>%1: attribuutin %3 kenttää %2 tämä versio ei lue; se säilyy tiedostossa, joka avataan vain luku -tilassa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="233"/>
        <source>%1: field %2 has the wrong type; it was ignored.</source>
        <translation>%1: kentän %2 tyyppi on väärä; se ohitettiin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="240"/>
        <source>%1: its attribute &apos;order&apos; names %2 entries for %3 objects (repeated or unknown names were ignored).</source>
        <translation>%1: sen attribuutti &apos;order&apos; nimeää %2 kohdetta %3 objektille (toistuvat tai tuntemattomat nimet ohitettiin).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="249"/>
        <source>%1: its attributes cannot be read (the file is damaged: %2).</source>
        <translation>%1: sen attribuutteja ei voi lukea (tiedosto on vaurioitunut: %2).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="256"/>
        <source>%1: its attributes cannot be read (%2).</source>
        <translation>%1: sen attribuutteja ei voi lukea (%2).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="262"/>
        <source>%1: it has %2 attributes, more than the %3 a project object has; only those a project uses were read.</source>
        <translation>%1: siinä on %2 attribuuttia, enemmän kuin projektin objektissa voi olla (%3); vain projektin käyttämät luettiin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="271"/>
        <source>%1: attribute %2 cannot be read (%3); skipped.</source>
        <translation>%1: attribuuttia %2 ei voi lukea (%3); ohitettiin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="274"/>
        <source>%1; skipped.</source>
        <translation>%1; ohitettiin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="277"/>
        <source>%1: attribute %2 cannot be kept (%3).</source>
        <translation>%1: attribuuttia %2 ei voi säilyttää (%3).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="282"/>
        <source>data type %1 cannot be written back</source>
        <translation>tietotyyppiä %1 ei voi kirjoittaa takaisin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="287"/>
        <source>%1: attribute %2 should be %3; it was ignored.</source>
        <translation>%1: attribuutin %2 pitäisi olla %3; se ohitettiin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="290"/>
        <source>text</source>
        <translation>tekstiä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="291"/>
        <source>an integer</source>
        <translation>kokonaisluku</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="292"/>
        <source>a JSON dict</source>
        <translation>JSON-olio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="293"/>
        <source>a JSON list</source>
        <translation>JSON-luettelo</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="294"/>
        <source>a JSON %1</source>
        <translation>JSON-arvo (%1)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="295"/>
        <source>a list of names</source>
        <translation>luettelo nimiä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="298"/>
        <source>%1: attribute %2 is not valid JSON (%3); ignored.</source>
        <translation>%1: attribuutti %2 ei ole kelvollista JSONia (%3); ohitettiin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="304"/>
        <source>%1: the link cannot be read (%2)</source>
        <translation>%1: linkkiä ei voi lukea (%2)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="309"/>
        <source>%1 is an external link to %2; links to other files are not followed</source>
        <translation>%1 on ulkoinen linkki tiedostoon %2; linkkejä toisiin tiedostoihin ei seurata</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="317"/>
        <source>%1 is a soft link to %2; links are not followed</source>
        <translation>%1 on symbolinen linkki kohteeseen %2; linkkejä ei seurata</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="322"/>
        <source>%1 is a link of an unknown kind</source>
        <translation>%1 on tuntematonta lajia oleva linkki</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="327"/>
        <source>%1 cannot be opened (%2)</source>
        <translation>%1 ei avaudu (%2)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="332"/>
        <source>%1 should be a group but is a dataset</source>
        <translation>%1 pitäisi olla ryhmä, mutta se on tietojoukko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="337"/>
        <source>the contents of %1 cannot be listed (%2)</source>
        <translation>kohteen %1 sisältöä ei voi luetella (%2)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="342"/>
        <source>%1 is a virtual dataset that maps data from other files</source>
        <translation>%1 on virtuaalinen tietojoukko, joka hakee dataa toisista tiedostoista</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="349"/>
        <source>%1 stores its data in external files %2</source>
        <translation>%1 tallentaa datansa ulkoisiin tiedostoihin %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="354"/>
        <source>%1 needs HDF5 filter plugin %2; only built-in filters are read</source>
        <translation>%1 tarvitsee HDF5-suodatinliitännäisen %2; vain sisäänrakennetut suodattimet luetaan</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="361"/>
        <source>%1 has shape %2; expected %3 dimension(s)</source>
        <translation>%1 on muodoltaan %2; odotettiin ulottuvuuksia: %3</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="366"/>
        <source>%1 has shape %2; expected a 1-D array</source>
        <translation>%1 on muodoltaan %2; odotettiin yksiulotteista taulukkoa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="371"/>
        <source>%1 claims %2 elements (more than %3)</source>
        <translation>%1 ilmoittaa %2 alkiota (yli %3)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="376"/>
        <source>%1 holds text where numbers are expected</source>
        <translation>%1 sisältää tekstiä, vaikka siinä pitäisi olla lukuja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="381"/>
        <source>%1 holds fixed-length text; expected numbers or UTF-8 text</source>
        <translation>%1 sisältää kiinteämittaista tekstiä; odotettiin lukuja tai UTF-8-tekstiä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="388"/>
        <source>%1 has data type %2; expected plain numbers</source>
        <translation>%1 on tietotyyppiä %2; odotettiin tavallisia lukuja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="393"/>
        <source>%1 has data type %2; expected bytes (uint8)</source>
        <translation>%1 on tietotyyppiä %2; odotettiin tavuja (uint8)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="398"/>
        <source>%1 would need %2 MiB of memory (more than %3 MiB)</source>
        <translation>%1 tarvitsisi %2 MiB muistia (yli %3 MiB)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="403"/>
        <source>%1 declares %2 values but stores no data</source>
        <translation>%1 ilmoittaa %2 arvoa, mutta siinä ei ole dataa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="408"/>
        <source>%1: its data lie beyond the end of the file (truncated?)</source>
        <translation>%1: sen data on tiedoston lopun jälkeen (katkennut tiedosto?)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="415"/>
        <source>%1: it stores fewer bytes than its shape needs</source>
        <translation>%1: siinä on vähemmän tavuja kuin sen muoto vaatii</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="420"/>
        <source>%1: chunk %2 lies beyond the end of the file (truncated?)</source>
        <translation>%1: lohko %2 on tiedoston lopun jälkeen (katkennut tiedosto?)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="427"/>
        <source>%1 uses an unsupported storage layout</source>
        <translation>%1 käyttää tallennustapaa, jota ei tueta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="432"/>
        <source>%1 should be a dataset of bytes</source>
        <translation>%1 pitäisi olla tavuja sisältävä tietojoukko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="437"/>
        <source>%1 should be a dataset</source>
        <translation>%1 pitäisi olla tietojoukko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="442"/>
        <source>%1 should be a list of text entries</source>
        <translation>%1 pitäisi olla luettelo tekstimerkintöjä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="447"/>
        <source>%1 should hold bytes (uint8)</source>
        <translation>%1 pitäisi sisältää tavuja (uint8)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="452"/>
        <source>its four columns have different lengths</source>
        <translation>sen neljä saraketta ovat eri pituisia</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="457"/>
        <source>%1: x and y have different lengths</source>
        <translation>%1: x ja y ovat eri pituisia</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="463"/>
        <source>%1: attribute %2 states a text longer than %3 bytes (the file is damaged?)</source>
        <translation>%1: attribuutti %2 ilmoittaa yli %3 tavun tekstin (tiedosto on vaurioitunut?)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="471"/>
        <source>%1: attribute %2 is larger than %3 bytes</source>
        <translation>%1: attribuutti %2 on suurempi kuin %3 tavua</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="476"/>
        <source>%1: attribute %2 has too many elements</source>
        <translation>%1: attribuutissa %2 on liikaa alkioita</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="481"/>
        <source>%1: attribute %2 has unsupported type %3</source>
        <translation>%1: attribuutin %2 tyyppiä %3 ei tueta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="484"/>
        <source>%1 is not a group</source>
        <translation>%1 ei ole ryhmä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="485"/>
        <source>%1 is missing</source>
        <translation>%1 puuttuu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="488"/>
        <source>the file is damaged there: its stored checksum does not match</source>
        <translation>tiedosto on siltä kohdin vaurioitunut: sen tallennettu tarkistussumma ei täsmää</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="496"/>
        <source>a field lies beyond its message</source>
        <translation>kenttä on viestinsä ulkopuolella</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="501"/>
        <source>not a version-1 object header</source>
        <translation>ei version 1 objektiotsake</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="506"/>
        <source>its header blocks are not where the file has room for them</source>
        <translation>sen otsakelohkot eivät ole tiedostossa kohdassa, jossa niille on tilaa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="513"/>
        <source>a message runs past its header block</source>
        <translation>viesti jatkuu otsakelohkonsa yli</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="518"/>
        <source>an attribute message of version %1</source>
        <translation>attribuuttiviesti, versio %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="523"/>
        <source>a dataspace message of version %1</source>
        <translation>dataspace-viesti, versio %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="529"/>
        <source>a link that cannot be read</source>
        <translation>linkki, jota ei voi lukea</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="534"/>
        <source>an external link to %1</source>
        <translation>ulkoinen linkki tiedostoon %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="537"/>
        <source>a soft link to %1</source>
        <translation>symbolinen linkki kohteeseen %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="540"/>
        <source>a link of an unknown kind</source>
        <translation>tuntematonta lajia oleva linkki</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="545"/>
        <source>an object that cannot be opened</source>
        <translation>objekti, jota ei voi avata</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="548"/>
        <source>a group</source>
        <translation>ryhmä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="549"/>
        <source>a virtual dataset</source>
        <translation>virtuaalinen tietojoukko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="550"/>
        <source>a dataset</source>
        <translation>tietojoukko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="551"/>
        <source>an object</source>
        <translation>objekti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="555"/>
        <source>%1: attribute %2</source>
        <translation>%1: attribuutti %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="560"/>
        <source>%1: field %2</source>
        <translation>%1: kenttä %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="565"/>
        <source>%1: value %2</source>
        <translation>%1: arvo %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="570"/>
        <source>%1: feedstock type %2</source>
        <translation>%1: raaka-ainetyyppi %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="573"/>
        <source>%1: its attributes</source>
        <translation>%1: sen attribuutit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="576"/>
        <source>%1: its %2 attributes</source>
        <translation>%1: sen %2 attribuuttia</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="581"/>
        <source>%1: %2 of its plot entries</source>
        <translation>%1: %2 sen kuvaajamerkinnöistä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_warning_forms.py" line="585"/>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="473"/>
        <source>the file&apos;s top level</source>
        <translation>tiedoston ylätasolla</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="474"/>
        <source>sample %1</source>
        <translation>näytteessä %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="475"/>
        <source>the audit log</source>
        <translation>muutoslokissa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_text_forms.py" line="476"/>
        <source>the project settings</source>
        <translation>projektin asetuksissa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_texts.py" line="112"/>
        <source> (%1 sample)</source>
        <translation> (%1 näyte)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_texts.py" line="113"/>
        <source> (%1 samples)</source>
        <translation> (%1 näytettä)</translation>
    </message>
</context>
<context>
    <name>ProjectTreeModel</name>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="149"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="149"/>
        <source>Type</source>
        <translation>Tyyppi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="187"/>
        <source>%1 measurements, %2 results</source>
        <translation>%1 mittausta, %2 tulosta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="205"/>
        <source>From %1</source>
        <translation>Lähde: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="212"/>
        <source>Result</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="214"/>
        <source>(stale)</source>
        <translation>(vanhentunut)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="224"/>
        <source>Stale: %1</source>
        <translation>Vanhentunut: %1</translation>
    </message>
</context>
<context>
    <name>ProjectTreeView</name>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="287"/>
        <source>Samples with their measurements and results. Select several to overlay their curves.</source>
        <translation>Näytteet mittauksineen ja tuloksineen. Valitse useita piirtääksesi niiden käyrät päällekkäin.</translation>
    </message>
</context>
<context>
    <name>PropertiesDialog</name>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="70"/>
        <source>Properties</source>
        <translation>Ominaisuudet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="73"/>
        <source>Filter by id or label</source>
        <translation>Suodata tunnuksen tai nimen mukaan</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="77"/>
        <location filename="../../workbench/gui/properties_dialog.py" line="107"/>
        <source>Id</source>
        <translation>Tunnus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="77"/>
        <location filename="../../workbench/gui/properties_dialog.py" line="108"/>
        <source>Unit</source>
        <translation>Yksikkö</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="77"/>
        <location filename="../../workbench/gui/properties_dialog.py" line="109"/>
        <source>Basis</source>
        <translation>Perusta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="77"/>
        <source>Label</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="77"/>
        <source>From</source>
        <translation>Lähde</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="88"/>
        <source>e.g. ADF or crude_protein</source>
        <translation>esim. ADF tai crude_protein</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="90"/>
        <source>e.g. % or g/kg</source>
        <translation>esim. % tai g/kg</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="94"/>
        <source>none (not a mass fraction)</source>
        <translation>ei mitään (ei massaosuus)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="104"/>
        <source>Add to project</source>
        <translation>Lisää projektiin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="110"/>
        <source>Label (English)</source>
        <translation>Nimi (englanniksi)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="111"/>
        <source>Label (Finnish)</source>
        <translation>Nimi (suomeksi)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="112"/>
        <source>Description</source>
        <translation>Kuvaus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="115"/>
        <source>A property of this project&apos;s own</source>
        <translation>Projektin oma ominaisuus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="119"/>
        <source>Every value is named by a property id with its unit and basis. A property of the project&apos;s own is stored in the project file and can be named in import templates, analyses (e.g. the property of a PLS calibration), route files and exports.</source>
        <translation>Jokainen arvo nimetään ominaisuustunnuksella, jolla on yksikkö ja perusta. Projektin oma ominaisuus tallennetaan projektitiedostoon, ja sitä voi käyttää tuontimalleissa, analyyseissä (esim. PLS-kalibroinnin ominaisuutena), reittitiedostoissa ja viennissä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="137"/>
        <source>The project is read-only.</source>
        <translation>Projekti on vain luku -tilassa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="149"/>
        <source>this project</source>
        <translation>tämä projekti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="149"/>
        <source>built in</source>
        <translation>sisäänrakennettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/properties_dialog.py" line="172"/>
        <source>The project already defines %1.</source>
        <translation>Projektissa on jo ominaisuus %1.</translation>
    </message>
</context>
<context>
    <name>QuestionsPage</name>
    <message>
        <location filename="../../workbench/gui/wizard_questions.py" line="90"/>
        <source>About your material</source>
        <translation>Materiaalistasi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_questions.py" line="91"/>
        <source>A few questions the product routes need. Answer what you know.</source>
        <translation>Muutama kysymys, joita tuotereitit tarvitsevat. Vastaa siihen, minkä tiedät.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_questions.py" line="167"/>
        <source>Self-assessment: answers about the material</source>
        <translation>Itsearviointi: vastaukset materiaalista</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="64"/>
        <source>Web page (HTML)</source>
        <translation>Verkkosivu (HTML)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="56"/>
        <source>Save the report</source>
        <translation>Tallenna raportti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="59"/>
        <source>One page of answers and reasons for your side stream, then the values and the limits they were checked against, with their sources.</source>
        <translation>Sivu vastauksia ja perusteluja sivuvirrastasi, sitten arvot ja raja-arvot, joihin niitä verrattiin, lähteineen.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="63"/>
        <source>PDF document (to print or send)</source>
        <translation>PDF-asiakirja (tulostettavaksi tai lähetettäväksi)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="70"/>
        <source>Choose…</source>
        <translation>Valitse…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="71"/>
        <source>Choose the folder for the report</source>
        <translation>Valitse raportin kansio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="75"/>
        <source>Save report</source>
        <translation>Tallenna raportti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="78"/>
        <source>Open report</source>
        <translation>Avaa raportti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="80"/>
        <source>Open folder</source>
        <translation>Avaa kansio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="90"/>
        <source>Save in folder:</source>
        <translation>Tallenna kansioon:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="91"/>
        <source>File name:</source>
        <translation>Tiedoston nimi:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="116"/>
        <source>Keep my answers and values in a project file beside the report</source>
        <translation>Säilytä vastaukseni ja arvoni projektitiedostossa raportin vieressä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="118"/>
        <source>Save the project with my answers as well</source>
        <translation>Tallenna myös projekti vastauksineni</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="125"/>
        <source>Folder for the report</source>
        <translation>Raportin kansio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="141"/>
        <source>Writing the report…</source>
        <translation>Kirjoitetaan raporttia…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="152"/>
        <source>Report saved: %1</source>
        <translation>Raportti tallennettu: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="157"/>
        <source>Your answers and values are kept in %1; File &gt; Open brings them back.</source>
        <translation>Vastauksesi ja arvosi on tallennettu tiedostoon %1; Tiedosto &gt; Avaa tuo ne takaisin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard_report.py" line="176"/>
        <source>Could not save the report: %1</source>
        <translation>Raporttia ei voitu tallentaa: %1</translation>
    </message>
</context>
<context>
    <name>ResultPlots</name>
    <message>
        <location filename="../../workbench/gui/result_plots.py" line="215"/>
        <source>1:1 line (perfect prediction)</source>
        <translation>1:1-suora (täydellinen ennuste)</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="68"/>
        <source>Re-run with other parameters…</source>
        <translation>Aja uudelleen muilla parametreilla…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="70"/>
        <source>Open the analysis form with this result&apos;s parameters filled in</source>
        <translation>Avaa analyysilomake tämän tuloksen parametrit valmiiksi täytettyinä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="75"/>
        <source>Export calibration…</source>
        <translation>Vie kalibrointi…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="78"/>
        <source>Write every figure, the cross-validated and test-set predictions and the coefficients of this calibration to Excel or CSV</source>
        <translation>Kirjoita tämän kalibroinnin kaikki tunnusluvut, ristiinvalidoidut ja testijoukon ennusteet sekä kertoimet Excel- tai CSV-tiedostoon</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="91"/>
        <source>Re-run</source>
        <translation>Aja uudelleen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="93"/>
        <source>Compute this result again from the sample&apos;s current data</source>
        <translation>Laske tämä tulos uudelleen näytteen nykyisistä tiedoista</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="107"/>
        <source>Property</source>
        <translation>Ominaisuus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="107"/>
        <location filename="../../workbench/gui/result_view.py" line="124"/>
        <source>Value</source>
        <translation>Arvo</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="107"/>
        <source>Unit</source>
        <translation>Yksikkö</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="107"/>
        <source>Basis</source>
        <translation>Perusta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="124"/>
        <source>Item</source>
        <translation>Kohta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="130"/>
        <source>Values</source>
        <translation>Arvot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="131"/>
        <source>Messages</source>
        <translation>Viestit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="132"/>
        <source>Provenance</source>
        <translation>Alkuperätiedot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="134"/>
        <source>This result has no plots.</source>
        <translation>Tällä tuloksella ei ole kuvaajia.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="174"/>
        <source>%1 (project-wide, %2 samples)</source>
        <translation>%1 (koko projekti, %2 näytettä)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="180"/>
        <source>%1 %2, computed %3</source>
        <translation>%1 %2, laskettu %3</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="190"/>
        <source>No messages.</source>
        <translation>Ei viestejä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="192"/>
        <source>Messages (%1)</source>
        <translation>Viestit (%1)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="200"/>
        <source>Stale: the data this result was computed from have changed.</source>
        <translation>Vanhentunut: tiedot, joista tämä tulos laskettiin, ovat muuttuneet.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="225"/>
        <source>Values (%1)</source>
        <translation>Arvot (%1)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="241"/>
        <source>measured</source>
        <translation>mitattu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="242"/>
        <source>derived</source>
        <translation>johdettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="243"/>
        <source>predicted</source>
        <translation>ennustettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="244"/>
        <source>typed in</source>
        <translation>syötetty</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="250"/>
        <source>Plugin</source>
        <translation>Liitännäinen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="251"/>
        <source>Plugin version</source>
        <translation>Liitännäisen versio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="252"/>
        <source>Application version</source>
        <translation>Sovelluksen versio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="253"/>
        <source>Computed</source>
        <translation>Laskettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="254"/>
        <source>Result id</source>
        <translation>Tuloksen tunnus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="257"/>
        <source>Parameter %1</source>
        <translation>Parametri %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="264"/>
        <source>Input %1</source>
        <translation>Syöte %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/result_view.py" line="287"/>
        <source>Plots</source>
        <translation>Kuvaajat</translation>
    </message>
</context>
<context>
    <name>SampleDelegate</name>
    <message>
        <location filename="../../workbench/gui/sample_table.py" line="191"/>
        <source>Feedstock type (ISO 17225-1 origin group or side stream)</source>
        <translation>Raaka-ainetyyppi (ISO 17225-1 -alkuperäryhmä tai sivuvirta)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/sample_table.py" line="195"/>
        <source>YYYY-MM-DD</source>
        <translation>VVVV-KK-PP</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/sample_table.py" line="196"/>
        <source>Date the sample arrived, as YYYY-MM-DD</source>
        <translation>Näytteen saapumispäivä muodossa VVVV-KK-PP</translation>
    </message>
</context>
<context>
    <name>SampleFields</name>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="173"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="174"/>
        <source>Feedstock type</source>
        <translation>Raaka-ainetyyppi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="175"/>
        <source>Supplier</source>
        <translation>Toimittaja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="176"/>
        <source>Origin</source>
        <translation>Alkuperä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="177"/>
        <source>Date received</source>
        <translation>Vastaanotettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="178"/>
        <source>Notes</source>
        <translation>Huomautukset</translation>
    </message>
</context>
<context>
    <name>SampleTableModel</name>
    <message>
        <location filename="../../workbench/gui/sample_table.py" line="111"/>
        <source>Measurements</source>
        <translation>Mittaukset</translation>
    </message>
</context>
<context>
    <name>SampleTableView</name>
    <message>
        <location filename="../../workbench/gui/sample_table.py" line="285"/>
        <source>Double-click a cell to edit it. Every edit can be undone.</source>
        <translation>Kaksoisnapsauta solua muokataksesi sitä. Jokaisen muutoksen voi kumota.</translation>
    </message>
</context>
<context>
    <name>SelfAssessment</name>
    <message>
        <location filename="../../workbench/gui/self_assessment.py" line="78"/>
        <source>report</source>
        <translation>raportti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/self_assessment.py" line="115"/>
        <source>Save report %1</source>
        <translation>Tallenna raportti %1</translation>
    </message>
</context>
<context>
    <name>SelfAssessmentWizard</name>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="197"/>
        <source>Self-assessment of a side stream</source>
        <translation>Sivuvirran itsearviointi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="267"/>
        <source>Self-assessment: describe “%1”</source>
        <translation>Itsearviointi: kuvaile ”%1”</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="310"/>
        <source>Typed lab values</source>
        <translation>Syötetyt laboratorioarvot</translation>
    </message>
</context>
<context>
    <name>SimpleMode</name>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="107"/>
        <source>Save report</source>
        <translation>Tallenna raportti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="129"/>
        <source>The report could not be saved: %1</source>
        <translation>Raporttia ei voitu tallentaa: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="121"/>
        <source>Report saved to %1</source>
        <translation>Raportti tallennettiin: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="85"/>
        <source>suitability report</source>
        <translation>soveltuvuusraportti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="98"/>
        <source>There is no sample to report on yet: start the self-assessment first.</source>
        <translation>Raportoitavaa näytettä ei vielä ole: aloita ensin itsearviointi.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="109"/>
        <source>PDF document (*.pdf);;Web page (*.html)</source>
        <translation>PDF-asiakirja (*.pdf);;Verkkosivu (*.html)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="116"/>
        <source>Writing the report to %1…</source>
        <translation>Kirjoitetaan raporttia tiedostoon %1…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="123"/>
        <source>Open report</source>
        <translation>Avaa raportti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="323"/>
        <source>&amp;Simple mode</source>
        <translation>&amp;Pelkistetty tila</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="325"/>
        <source>Show only the self-assessment, the verdicts and the report (switch off for the full workbench)</source>
        <translation>Näytä vain itsearviointi, arviot ja raportti (poista käytöstä saadaksesi täyden työkalun)</translation>
    </message>
</context>
<context>
    <name>SimplePanel</name>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="149"/>
        <source>What does your side stream suit?</source>
        <translation>Mihin sivuvirtasi sopii?</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="154"/>
        <source>Describe the material and type in the lab values you have. The overview below shows, for each product route, whether the material suits it; click a cell to see why. Save the report to share the result.</source>
        <translation>Kuvaile materiaali ja kirjoita laboratorioarvot, jotka sinulla on. Alla oleva yleiskuva näyttää jokaisesta tuotereitistä, sopiiko materiaali siihen; napsauta solua nähdäksesi syyn. Tallenna raportti jakaaksesi tuloksen.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="165"/>
        <source>1.  Start self-assessment…</source>
        <translation>1.  Aloita itsearviointi…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="166"/>
        <source>Answer a few questions about the material and add its lab values</source>
        <translation>Vastaa muutamaan materiaalia koskevaan kysymykseen ja lisää sen laboratorioarvot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="170"/>
        <source>2.  Save report…</source>
        <translation>2.  Tallenna raportti…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="171"/>
        <location filename="../../workbench/gui/simple_mode.py" line="261"/>
        <source>Save the suitability report as a PDF document or a web page (HTML)</source>
        <translation>Tallenna soveltuvuusraportti PDF-asiakirjana tai verkkosivuna (HTML)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="175"/>
        <source>Open another project…</source>
        <translation>Avaa toinen projekti…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="176"/>
        <source>Open a project file (.fwproj)</source>
        <translation>Avaa projektitiedosto (.fwproj)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="179"/>
        <source>Switch to the full workbench</source>
        <translation>Siirry täyteen työkaluun</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="181"/>
        <source>Show every panel and menu: import, analyses, plots (View &gt; Simple mode)</source>
        <translation>Näytä kaikki paneelit ja valikot: tuonti, analyysit, kuvaajat (Näytä &gt; Pelkistetty tila)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="202"/>
        <source>Change answers and values…</source>
        <translation>Muuta vastauksia ja arvoja…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="205"/>
        <source>Go through the self-assessment again for this side stream, its answers filled in</source>
        <translation>Käy itsearviointi uudelleen läpi tälle sivuvirralle vastaukset valmiiksi täytettyinä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="212"/>
        <source>Your side stream:</source>
        <translation>Sivuvirtasi:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="237"/>
        <source>No project is open.</source>
        <translation>Yhtään projektia ei ole auki.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="241"/>
        <source>The demonstration project is open: an example, not your data. The self-assessment starts a project of its own for your side stream.</source>
        <translation>Esittelyprojekti on auki: esimerkki, ei sinun aineistoasi. Itsearviointi aloittaa sivuvirrallesi oman projektin.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="247"/>
        <source>Untitled</source>
        <translation>Nimetön</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="249"/>
        <source>Project: %1 · side streams: %2</source>
        <translation>Projekti: %1 · sivuvirtoja: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="263"/>
        <source>Start the self-assessment first: the report covers your own side streams</source>
        <translation>Aloita ensin itsearviointi: raportti kattaa omat sivuvirtasi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/simple_mode.py" line="289"/>
        <source>The self-assessment wizard is not available in this version.</source>
        <translation>Ohjattu itsearviointi ei ole käytettävissä tässä versiossa.</translation>
    </message>
</context>
<context>
    <name>SuitabilityPanel</name>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="263"/>
        <source>Click a cell to see why</source>
        <translation>Napsauta solua nähdäksesi syyn</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="270"/>
        <source>Click a cell of the matrix to see the explanation.</source>
        <translation>Napsauta matriisin solua nähdäksesi selityksen.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="275"/>
        <source>Routes</source>
        <translation>Reitit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="276"/>
        <source>Choose which product routes the matrix shows</source>
        <translation>Valitse, mitkä tuotereitit matriisi näyttää</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="282"/>
        <source>Any verdict</source>
        <translation>Mikä tahansa arvio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="286"/>
        <source>Show only samples with this verdict for a shown route</source>
        <translation>Näytä vain näytteet, joilla on tämä arvio jollekin näytetylle reitille</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="297"/>
        <source>* learned model prediction available</source>
        <translation>* opetetun mallin ennuste saatavilla</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="302"/>
        <source>Show:</source>
        <translation>Näytä:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="352"/>
        <source>Classifying…</source>
        <translation>Luokitellaan…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="362"/>
        <source>Classification failed: see the task panel.</source>
        <translation>Luokittelu epäonnistui: katso tehtäväpaneeli.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="364"/>
        <source>Classification failed: %1</source>
        <translation>Luokittelu epäonnistui: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="368"/>
        <source>Classify samples</source>
        <translation>Luokittele näytteet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="383"/>
        <source>%1 verdicts</source>
        <translation>%1 arviota</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/suitability_matrix.py" line="417"/>
        <source>Routes (%1 of %2)</source>
        <translation>Reitit (%1/%2)</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="47"/>
        <source>Task</source>
        <translation>Tehtävä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="47"/>
        <source>Progress</source>
        <translation>Edistyminen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="47"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="50"/>
        <source>Background work. Cancel stops a task at its next safe point.</source>
        <translation>Taustatyöt. Peruuta pysäyttää tehtävän seuraavassa turvallisessa kohdassa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="59"/>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="59"/>
        <source>Message</source>
        <translation>Viesti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="60"/>
        <source>Messages of this session. Expand an error for details.</source>
        <translation>Tämän istunnon viestit. Avaa virhe nähdäksesi yksityiskohdat.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="102"/>
        <source>Running</source>
        <translation>Käynnissä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="109"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="110"/>
        <source>Stop this task; nothing it did so far is kept.</source>
        <translation>Pysäytä tämä tehtävä; mitään sen tähän asti tekemää ei säilytetä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="131"/>
        <source>Finished</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="132"/>
        <source>Failed</source>
        <translation>Epäonnistui</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="133"/>
        <source>Cancelled</source>
        <translation>Peruttu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="140"/>
        <source>%1: finished</source>
        <translation>%1: valmis</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="142"/>
        <source>%1: cancelled</source>
        <translation>%1: peruttu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="147"/>
        <source>%1 failed: %2</source>
        <translation>%1 epäonnistui: %2</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="94"/>
        <source>Import template</source>
        <translation>Tuontipohja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="119"/>
        <source>No sample file opened.</source>
        <translation>Esimerkkitiedostoa ei ole avattu.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="120"/>
        <source>Open sample file…</source>
        <translation>Avaa esimerkkitiedosto…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="124"/>
        <source>Load</source>
        <translation>Lataa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="125"/>
        <source>Edit a saved template</source>
        <translation>Muokkaa tallennettua mallipohjaa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="130"/>
        <source>Saved templates:</source>
        <translation>Tallennetut mallipohjat:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="135"/>
        <source>e.g. Fibre analyser, lab 2</source>
        <translation>esim. Kuituanalysaattori, laboratorio 2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="142"/>
        <location filename="../../workbench/gui/template_dialog.py" line="151"/>
        <source>Automatic</source>
        <translation>Automaattinen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="143"/>
        <source>Comma ,</source>
        <translation>Pilkku ,</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="144"/>
        <source>Semicolon ;</source>
        <translation>Puolipiste ;</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="145"/>
        <source>Tab</source>
        <translation>Sarkain</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="146"/>
        <source>Spaces</source>
        <translation>Välilyönnit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="152"/>
        <source>Point 1.5</source>
        <translation>Piste 1.5</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="153"/>
        <source>Comma 1,5</source>
        <translation>Pilkku 1,5</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="161"/>
        <source>Line number of the column names (0: no header)</source>
        <translation>Sarakenimien rivinumero (0: ei otsikkoriviä)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="164"/>
        <source>Lines after the header to skip (units rows)</source>
        <translation>Otsikon jälkeen ohitettavat rivit (yksikkörivit)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="165"/>
        <source>Data end at the first blank line</source>
        <translation>Tiedot päättyvät ensimmäiseen tyhjään riviin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="168"/>
        <source>Template name:</source>
        <translation>Mallipohjan nimi:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="169"/>
        <source>Measurement kind:</source>
        <translation>Mittauksen laji:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="170"/>
        <source>Delimiter:</source>
        <translation>Erotin:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="171"/>
        <source>Decimal mark:</source>
        <translation>Desimaalimerkki:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="172"/>
        <source>Encoding:</source>
        <translation>Merkistö:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="173"/>
        <source>Header row:</source>
        <translation>Otsikkorivi:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="174"/>
        <source>Rows to skip after it:</source>
        <translation>Ohitettavat rivit sen jälkeen:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="177"/>
        <source>The sheet of an Excel workbook to read</source>
        <translation>Luettava Excel-työkirjan taulukko</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="179"/>
        <source>whole sheet, or e.g. B3:H40</source>
        <translation>koko taulukko tai esim. B3:H40</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="181"/>
        <source>The cells to read; the header row counts from the top of the range</source>
        <translation>Luettavat solut; otsakerivi lasketaan alueen yläreunasta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="185"/>
        <source>Sheet (Excel):</source>
        <translation>Taulukko (Excel):</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="186"/>
        <source>Cell range:</source>
        <translation>Solualue:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="192"/>
        <source>The start of the file, with line numbers; the header row is highlighted</source>
        <translation>Tiedoston alku rivinumeroineen; otsikkorivi on korostettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="201"/>
        <source>Plot x axis:</source>
        <translation>Kuvaajan x-akseli:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="203"/>
        <source>Plot signal:</source>
        <translation>Kuvaajan signaali:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="220"/>
        <source>Columns</source>
        <translation>Sarakkeet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="223"/>
        <source>Preview of what will be imported</source>
        <translation>Esikatselu tuotavista tiedoista</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="234"/>
        <source>Save template</source>
        <translation>Tallenna mallipohja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="261"/>
        <source>Open a sample file</source>
        <translation>Avaa esimerkkitiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="289"/>
        <source>Sample file: %1</source>
        <translation>Esimerkkitiedosto: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="425"/>
        <source>(none)</source>
        <translation>(ei mitään)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="468"/>
        <source>Open a sample file to see a preview.</source>
        <translation>Avaa esimerkkitiedosto nähdäksesi esikatselun.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="474"/>
        <source>Say what each column is (a property with its unit, or a plain column kept as it is); the preview appears as soon as one column is mapped.</source>
        <translation>Kerro, mitä kukin sarake on (ominaisuus yksikköineen tai sellaisenaan säilytettävä sarake); esikatselu tulee näkyviin heti, kun yksi sarake on määritetty.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="480"/>
        <location filename="../../workbench/gui/template_dialog.py" line="551"/>
        <source>this template</source>
        <translation>tämä mallipohja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="504"/>
        <source>Sample</source>
        <translation>Näyte</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="540"/>
        <source>(no sample column)</source>
        <translation>(ei näytesaraketta)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="541"/>
        <source>%1 measurement(s) of kind %2 for samples: %3</source>
        <translation>%1 mittaus(ta), laji %2, näytteet: %3</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="557"/>
        <source>Saved template “%1” to %2</source>
        <translation>Mallipohja ”%1” tallennettu: %2</translation>
    </message>
</context>
<context>
    <name>TrainDialog</name>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="170"/>
        <location filename="../../workbench/gui/models_dialog.py" line="270"/>
        <source>Train classifier</source>
        <translation>Opeta luokittelija</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="187"/>
        <source>Use spectra (preprocessed, reduced by PCA)</source>
        <translation>Käytä spektrejä (esikäsiteltyinä, PCA:lla tiivistettyinä)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="192"/>
        <source>default: &lt;label&gt; classifier</source>
        <translation>oletus: &lt;luokka&gt;-luokittelija</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="194"/>
        <source>Label to learn:</source>
        <translation>Opittava luokka:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="195"/>
        <source>Properties:</source>
        <translation>Ominaisuudet:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="197"/>
        <source>Cross-validation folds:</source>
        <translation>Ristiinvalidoinnin osiot:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="198"/>
        <source>Model name:</source>
        <translation>Mallin nimi:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="199"/>
        <source>Train</source>
        <translation>Opeta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="201"/>
        <source>Save model to project</source>
        <translation>Tallenna malli projektiin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="205"/>
        <source>Label samples first (Tools &gt; Training labels…), then choose features.</source>
        <translation>Luokittele näytteet ensin (Työkalut &gt; Opetusluokat…) ja valitse sitten piirteet.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="221"/>
        <source>Confusion matrix (rows: true, columns: predicted)</source>
        <translation>Sekaannusmatriisi (rivit: todellinen, sarakkeet: ennustettu)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="223"/>
        <source>Per class (cross-validated)</source>
        <translation>Luokittain (ristiinvalidoitu)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="252"/>
        <source>There are no labels to learn yet.</source>
        <translation>Opittavia luokkia ei ole vielä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="263"/>
        <source>Training and cross-validating…</source>
        <translation>Opetetaan ja ristiinvalidoidaan…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="267"/>
        <source>Training failed: %1</source>
        <translation>Opetus epäonnistui: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="285"/>
        <source>Cross-validated accuracy: %1 (%2 samples, %3 folds, %4 classes).</source>
        <translation>Ristiinvalidoitu tarkkuus: %1 (%2 näytettä, %3 osiota, %4 luokkaa).</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="292"/>
        <source>Left out (missing features): %1</source>
        <translation>Jätetty pois (piirteitä puuttuu): %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="308"/>
        <source>Precision</source>
        <translation>Tarkkuus (precision)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="308"/>
        <source>Recall</source>
        <translation>Saanti (recall)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="308"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="308"/>
        <source>Samples</source>
        <translation>Näytteet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/models_dialog.py" line="332"/>
        <source>Saved as “%1”; its predictions appear beside the rule verdicts.</source>
        <translation>Tallennettu nimellä ”%1”; sen ennusteet näkyvät sääntöihin perustuvien arvioiden rinnalla.</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../../workbench/gui/user_guide.py" line="82"/>
        <source>Fibre Workbench user guide</source>
        <translation>Fibre Workbenchin käyttöopas</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/user_guide.py" line="85"/>
        <source>Search the guide…</source>
        <translation>Hae oppaasta…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/user_guide.py" line="87"/>
        <source>Show only the pages that contain all these words</source>
        <translation>Näytä vain sivut, joilla ovat kaikki nämä sanat</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/user_guide.py" line="90"/>
        <source>Contents: click a page to read it</source>
        <translation>Sisällys: napsauta sivua lukeaksesi sen</translation>
    </message>
</context>
<context>
    <name>VerdictPage</name>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="124"/>
        <source>What your side stream suits</source>
        <translation>Mihin sivuvirtasi soveltuu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="125"/>
        <source>Each product route, with the reasons in plain words.</source>
        <translation>Jokainen tuotereitti ja perustelut selkokielellä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="135"/>
        <source>Checking every route…</source>
        <translation>Tarkistetaan kaikki reitit…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="141"/>
        <source>Self-assessment</source>
        <translation>Itsearviointi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="157"/>
        <source>Good fit</source>
        <translation>Sopii hyvin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="158"/>
        <source>Possible, with conditions</source>
        <translation>Mahdollinen ehdoin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="159"/>
        <source>We need more data to say</source>
        <translation>Tarvitaan lisää tietoja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="160"/>
        <source>Not suitable as it is</source>
        <translation>Ei sovellu sellaisenaan</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="176"/>
        <source>Your own trained model says: %1</source>
        <translation>Oma opetettu mallisi sanoo: %1</translation>
    </message>
</context>
<context>
    <name>Verdicts</name>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="57"/>
        <source>Suitable</source>
        <translation>Soveltuu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="58"/>
        <source>Conditional</source>
        <translation>Ehdollinen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="59"/>
        <source>Not suitable</source>
        <translation>Ei sovellu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="60"/>
        <source>No data</source>
        <translation>Ei tietoja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="68"/>
        <source>suitable</source>
        <translation>soveltuu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="69"/>
        <source>conditionally suitable</source>
        <translation>soveltuu ehdollisesti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="70"/>
        <source>not suitable</source>
        <translation>ei sovellu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="71"/>
        <source>not enough data</source>
        <translation>tiedot eivät riitä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="79"/>
        <source>within</source>
        <translation>sisällä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="80"/>
        <source>outside</source>
        <translation>ulkopuolella</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="83"/>
        <source>pass</source>
        <translation>täyttyy</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="84"/>
        <source>fail</source>
        <translation>ei täyty</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="85"/>
        <source>borderline</source>
        <translation>rajalla</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="86"/>
        <source>unknown</source>
        <translation>tuntematon</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="87"/>
        <location filename="../../workbench/gui/verdict_view.py" line="205"/>
        <source>information</source>
        <translation>tiedoksi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="88"/>
        <source>does not apply</source>
        <translation>ei koske</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="95"/>
        <source>measured</source>
        <translation>mitattu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="96"/>
        <source>derived by an analysis</source>
        <translation>johdettu analyysillä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="97"/>
        <source>predicted by a model</source>
        <translation>ennustettu mallilla</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="98"/>
        <source>typed in</source>
        <translation>syötetty</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="180"/>
        <source>as measured: %1</source>
        <translation>mitattuna: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="207"/>
        <source>Value</source>
        <translation>Arvo</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="208"/>
        <source>Limit</source>
        <translation>Raja-arvo</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="209"/>
        <source>Result</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="210"/>
        <source>Margin</source>
        <translation>Marginaali</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="211"/>
        <source>Source</source>
        <translation>Lähde</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="203"/>
        <source>hard limit</source>
        <translation>ehdoton raja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="204"/>
        <source>preference</source>
        <translation>toive</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="225"/>
        <source>from %1</source>
        <translation>lähde: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="266"/>
        <source>Sources</source>
        <translation>Lähteet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="287"/>
        <source>score %1/100</source>
        <translation>pisteet %1/100</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="292"/>
        <source>Why</source>
        <translation>Miksi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="296"/>
        <source>Measure this to decide</source>
        <translation>Mittaa tämä, jotta voidaan päättää</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="300"/>
        <source>Conditions</source>
        <translation>Ehdot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="310"/>
        <source>Pre-treatment that would change it</source>
        <translation>Esikäsittely, joka muuttaisi arvion</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="321"/>
        <source>Learned model (beside the rule verdict)</source>
        <translation>Opetettu malli (sääntöarvion rinnalla)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="325"/>
        <source>CV accuracy</source>
        <translation>ristiinvalidoitu tarkkuus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="333"/>
        <source>Criteria</source>
        <translation>Kriteerit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="336"/>
        <source>Nearest reference feedstocks</source>
        <translation>Lähimmät vertailuraaka-aineet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="339"/>
        <source>distance</source>
        <translation>etäisyys</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/verdict_view.py" line="356"/>
        <source>Route file</source>
        <translation>Reittitiedosto</translation>
    </message>
</context>
<context>
    <name>WatchDialog</name>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="63"/>
        <source>Watch a folder</source>
        <translation>Seuraa kansiota</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="66"/>
        <source>Browse…</source>
        <translation>Selaa…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="72"/>
        <source>Into the sample the file names (a new sample named after the file if none)</source>
        <translation>Tiedostossa nimettyyn näytteeseen (tiedoston niminen uusi näyte, jos nimeä ei ole)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="74"/>
        <source>Always into a new sample named after the file</source>
        <translation>Aina uuteen, tiedoston mukaan nimettyyn näytteeseen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="82"/>
        <source>Files that appear in this folder are imported into the open project once they stop growing. Files already there are left alone.</source>
        <translation>Kansioon ilmestyvät tiedostot tuodaan avoimeen projektiin, kun ne lakkaavat kasvamasta. Jo kansiossa olevat tiedostot jätetään rauhaan.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="90"/>
        <source>Start watching</source>
        <translation>Aloita seuranta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="103"/>
        <source>Folder to watch</source>
        <translation>Seurattava kansio</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="71"/>
        <location filename="../../workbench/gui/welcome.py" line="76"/>
        <source>Welcome to %1</source>
        <translation>Tervetuloa käyttämään %1 -ohjelmaa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="81"/>
        <source>The demonstration project is open behind this page: eight common Finnish feedstocks with typical literature values. Try things on it freely.</source>
        <translation>Tämän sivun takana on auki esittelyprojekti: kahdeksan tavallista suomalaista raaka-ainetta kirjallisuuden tyypillisillä arvoilla. Kokeile sillä vapaasti.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="88"/>
        <source>What it does</source>
        <translation>Mitä se tekee</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="90"/>
        <source>Fibre Workbench collects lab instrument exports (TGA, moisture, ash, NIR spectra, fibre analyser reports) into one project file, runs analyses on them and tells which product routes each feedstock suits, with the reasons.</source>
        <translation>Fibre Workbench kokoaa laboratoriolaitteiden vientitiedostot (TGA, kosteus, tuhka, NIR-spektrit, kuituanalysaattorin raportit) yhteen projektitiedostoon, ajaa niille analyysit ja kertoo perusteluineen, mihin tuotereitteihin kukin raaka-aine soveltuu.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="96"/>
        <source>Bring in your data</source>
        <translation>Tuo aineistosi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="98"/>
        <source>Drag files or whole folders onto the window, or use &lt;b&gt;File &amp;gt; Import files…&lt;/b&gt; (Ctrl+I). The format is recognised from the content; a preview shows what was read before anything is added.</source>
        <translation>Vedä tiedostoja tai kokonaisia kansioita ikkunan päälle tai valitse &lt;b&gt;Tiedosto &amp;gt; Tuo tiedostoja…&lt;/b&gt; (Ctrl+I). Muoto tunnistetaan sisällöstä; esikatselu näyttää, mitä luettiin, ennen kuin mitään lisätään.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="106"/>
        <source>&lt;b&gt;Suitable&lt;/b&gt;: every limit is met</source>
        <translation>&lt;b&gt;Soveltuu&lt;/b&gt;: kaikki raja-arvot täyttyvät</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="109"/>
        <source>&lt;b&gt;Conditional&lt;/b&gt;: met only within uncertainty, or with a condition</source>
        <translation>&lt;b&gt;Ehdollinen&lt;/b&gt;: täyttyy vain epävarmuuden rajoissa tai ehdoin</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="111"/>
        <source>&lt;b&gt;Not suitable&lt;/b&gt;: a hard limit fails</source>
        <translation>&lt;b&gt;Ei sovellu&lt;/b&gt;: ehdoton raja ei täyty</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="112"/>
        <source>&lt;b&gt;No data&lt;/b&gt;: a deciding measurement is missing</source>
        <translation>&lt;b&gt;Ei tietoja&lt;/b&gt;: ratkaiseva mittaus puuttuu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="116"/>
        <source>Read the suitability matrix</source>
        <translation>Soveltuvuusmatriisin lukeminen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="117"/>
        <source>Samples are rows, product routes are columns:</source>
        <translation>Näytteet ovat rivejä, tuotereitit sarakkeita:</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="121"/>
        <source>Click a cell to see every limit, the measured value and its source.</source>
        <translation>Napsauta solua nähdäksesi jokaisen raja-arvon, mitatun arvon ja sen lähteen.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="124"/>
        <source>Help is built in</source>
        <translation>Ohjeet ovat mukana</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="126"/>
        <source>&lt;b&gt;Help &amp;gt; User guide&lt;/b&gt; (F1) explains every task step by step, works offline and is in English and Finnish. Hover over a control to see what it does. For a quick company self-assessment, switch on &lt;b&gt;View &amp;gt; Simple mode&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Ohje &amp;gt; Käyttöopas&lt;/b&gt; (F1) neuvoo jokaisen tehtävän vaihe vaiheelta, toimii ilman verkkoyhteyttä ja on suomeksi ja englanniksi. Vie osoitin painikkeen päälle nähdäksesi, mitä se tekee. Nopeaa yrityksen itsearviointia varten valitse &lt;b&gt;Näytä &amp;gt; Pelkistetty tila&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="140"/>
        <source>Don&apos;t show this at start</source>
        <translation>Älä näytä tätä käynnistettäessä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="141"/>
        <source>Help &gt; Welcome opens this page again</source>
        <translation>Ohje &gt; Tervetuloa avaa tämän sivun uudelleen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="144"/>
        <source>Import files…</source>
        <translation>Tuo tiedostoja…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="145"/>
        <source>Choose instrument exports to add to the project</source>
        <translation>Valitse projektiin lisättävät laitteiden vientitiedostot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="147"/>
        <source>Open the user guide</source>
        <translation>Avaa käyttöopas</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="148"/>
        <source>The guide opens in a window of its own (F1)</source>
        <translation>Opas avautuu omaan ikkunaansa (F1)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/welcome.py" line="150"/>
        <source>Start working</source>
        <translation>Aloita työ</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <location filename="../../workbench/gui/wizard.py" line="330"/>
        <source>Change typed lab values</source>
        <translation>Muuta syötettyjä laboratorioarvoja</translation>
    </message>
</context>
</TS>
