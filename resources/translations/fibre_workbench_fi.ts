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
        <location filename="../../workbench/gui/actions.py" line="58"/>
        <source>&amp;Undo</source>
        <translation>&amp;Kumoa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="60"/>
        <source>&amp;Redo</source>
        <translation>&amp;Tee uudelleen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="65"/>
        <source>&amp;New project</source>
        <translation>&amp;Uusi projekti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="68"/>
        <source>Start an empty project</source>
        <translation>Aloita tyhjä projekti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="72"/>
        <source>&amp;Open…</source>
        <translation>&amp;Avaa…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="75"/>
        <source>Open a project file (.fwproj)</source>
        <translation>Avaa projektitiedosto (.fwproj)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="79"/>
        <source>&amp;Save</source>
        <translation>&amp;Tallenna</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="82"/>
        <source>Save the project to its file</source>
        <translation>Tallenna projekti sen tiedostoon</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="86"/>
        <source>Save &amp;As…</source>
        <translation>Tallenna &amp;nimellä…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="89"/>
        <source>Save the project to a new file</source>
        <translation>Tallenna projekti uuteen tiedostoon</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="91"/>
        <source>&amp;Close project</source>
        <translation>&amp;Sulje projekti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="94"/>
        <source>&amp;Import files…</source>
        <translation>T&amp;uo tiedostoja…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="97"/>
        <source>Import instrument exports into the project (you can also drop files on the window)</source>
        <translation>Tuo laitteiden vientitiedostoja projektiin (voit myös pudottaa tiedostot ikkunaan)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="102"/>
        <source>&amp;Quit</source>
        <translation>&amp;Lopeta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="107"/>
        <source>&amp;Add sample</source>
        <translation>&amp;Lisää näyte</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="110"/>
        <source>Add an empty sample</source>
        <translation>Lisää tyhjä näyte</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="114"/>
        <source>Re&amp;name sample</source>
        <translation>&amp;Nimeä näyte uudelleen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="117"/>
        <source>Edit the selected sample&apos;s name</source>
        <translation>Muokkaa valitun näytteen nimeä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="121"/>
        <source>&amp;Delete sample</source>
        <translation>Poista &amp;näyte</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="124"/>
        <source>Delete the selected samples with their data (can be undone)</source>
        <translation>Poista valitut näytteet tietoineen (voidaan kumota)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="126"/>
        <source>&amp;About Fibre Workbench</source>
        <translation>&amp;Tietoja Fibre Workbenchistä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="129"/>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Vianmääritys…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="131"/>
        <source>Versions and file locations, for support requests</source>
        <translation>Versiot ja tiedostojen sijainnit tukipyyntöjä varten</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="133"/>
        <source>Open &amp;Recent</source>
        <translation>Avaa &amp;viimeaikainen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="145"/>
        <source>&amp;File</source>
        <translation>&amp;Tiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="155"/>
        <source>&amp;Edit</source>
        <translation>&amp;Muokkaa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="160"/>
        <source>&amp;View</source>
        <translation>&amp;Näytä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="164"/>
        <source>&amp;Language</source>
        <translation>&amp;Kieli</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="167"/>
        <source>System default</source>
        <translation>Järjestelmän oletus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/actions.py" line="178"/>
        <source>&amp;Help</source>
        <translation>&amp;Ohje</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../workbench/gui/app.py" line="67"/>
        <source>The demonstration project could not be created: %1</source>
        <translation>Esittelyprojektia ei voitu luoda: %1</translation>
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
        <location filename="../../workbench/gui/import_command.py" line="105"/>
        <source>Import %1 file(s)</source>
        <translation>Tuo %1 tiedosto(a)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_command.py" line="107"/>
        <source>Import “%1”</source>
        <translation>Tuo ”%1”</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="46"/>
        <source>%1 items selected.</source>
        <translation>%1 kohdetta valittu.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="48"/>
        <source>Select a sample, measurement or result to see its details.</source>
        <translation>Valitse näyte, mittaus tai tulos nähdäksesi sen tiedot.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="84"/>
        <source>Property</source>
        <translation>Ominaisuus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="84"/>
        <source>Value</source>
        <translation>Arvo</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="84"/>
        <location filename="../../workbench/gui/details_panel.py" line="132"/>
        <source>Basis</source>
        <translation>Perusta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="104"/>
        <source>Feedstock type</source>
        <translation>Raaka-ainetyyppi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="105"/>
        <source>Supplier</source>
        <translation>Toimittaja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="106"/>
        <source>Origin</source>
        <translation>Alkuperä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="107"/>
        <source>Date received</source>
        <translation>Vastaanotettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="108"/>
        <source>Notes</source>
        <translation>Huomautukset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="109"/>
        <source>Measurements</source>
        <translation>Mittaukset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="110"/>
        <source>Results</source>
        <translation>Tulokset</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="111"/>
        <location filename="../../workbench/gui/details_panel.py" line="168"/>
        <source>Identifier</source>
        <translation>Tunniste</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="121"/>
        <location filename="../../workbench/gui/details_panel.py" line="153"/>
        <location filename="../../workbench/gui/details_panel.py" line="172"/>
        <source>Values</source>
        <translation>Arvot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="127"/>
        <source>Sample</source>
        <translation>Näyte</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="128"/>
        <source>Kind</source>
        <translation>Laji</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="129"/>
        <source>Method</source>
        <translation>Menetelmä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="130"/>
        <source>Instrument</source>
        <translation>Laite</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="131"/>
        <source>Replicate</source>
        <translation>Rinnakkaismääritys</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="133"/>
        <source>Points</source>
        <translation>Pisteitä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="134"/>
        <source>Source file</source>
        <translation>Lähdetiedosto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="135"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="136"/>
        <source>Imported</source>
        <translation>Tuotu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="146"/>
        <source>values</source>
        <translation>arvoa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="150"/>
        <source>Columns</source>
        <translation>Sarakkeet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="160"/>
        <source>Stated in the file</source>
        <translation>Tiedostossa ilmoitettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="165"/>
        <source>Plugin</source>
        <translation>Laajennus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="166"/>
        <source>Application version</source>
        <translation>Sovelluksen versio</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="167"/>
        <source>Created</source>
        <translation>Luotu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="175"/>
        <source>Messages</source>
        <translation>Viestit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="178"/>
        <source>Parameters</source>
        <translation>Parametrit</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/details_panel.py" line="184"/>
        <source>Inputs</source>
        <translation>Lähtötiedot</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="167"/>
        <source>Select a curve or spectrum in the project tree first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="176"/>
        <source>Export curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="178"/>
        <source>CSV (*.csv);;JCAMP-DX (*.jdx *.dx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="49"/>
        <location filename="../../workbench/gui/export_dialog.py" line="91"/>
        <source>Export values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="52"/>
        <source>values.xlsx or values.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="55"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="61"/>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="65"/>
        <source>Analysis results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="67"/>
        <source>Only the ticked samples are exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="74"/>
        <source>Output file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="75"/>
        <source>Data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="76"/>
        <source>Samples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="80"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/export_dialog.py" line="93"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="135"/>
        <source>Import with template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="136"/>
        <source>Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="145"/>
        <source>Import files</source>
        <translation type="unfinished">Tuo tiedostoja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="159"/>
        <source>%1 is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="166"/>
        <source>Import with &amp;template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="168"/>
        <source>Read tables with a saved column-mapping template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="172"/>
        <source>&amp;Define import template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="174"/>
        <source>Teach the workbench a table layout (columns and units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="178"/>
        <source>&amp;Watch folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="180"/>
        <source>Import new files from an instrument&apos;s export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="182"/>
        <source>Stop &amp;watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="185"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="187"/>
        <source>Values of measurements and results to CSV or Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="191"/>
        <source>Export curve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="193"/>
        <source>The selected curve or spectrum to CSV or JCAMP-DX</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="93"/>
        <source>Open or create a project first, then import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="97"/>
        <source>This project is read-only; nothing was imported. Use Save As first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="111"/>
        <source>An import is already running; wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="119"/>
        <source>No files to import in the dropped folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="122"/>
        <source>Reading %1 file(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="132"/>
        <source>Import cancelled while reading files; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="156"/>
        <source>Reading %1 file(s) with template “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="178"/>
        <source>Saved import template “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="216"/>
        <source>The project changed during the import; the rest was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="234"/>
        <source>Importing… %1 of %2 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="250"/>
        <source>Not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="254"/>
        <source>Already present: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="256"/>
        <source>Import: %1 imported, %2 already present, %3 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="261"/>
        <source>Edit &gt; Undo removes this import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="264"/>
        <source>Watch folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="284"/>
        <source>Watching %1: new files are imported into the open project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="296"/>
        <source>Stopped watching %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_controller.py" line="310"/>
        <source>Watch folder: reading %1 new file(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="104"/>
        <source>Import preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="114"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="115"/>
        <source>Result</source>
        <translation type="unfinished">Tulos</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="116"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="117"/>
        <source>Instrument</source>
        <translation type="unfinished">Laite</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="118"/>
        <source>Samples in file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="119"/>
        <source>Points/rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="120"/>
        <source>Units and ranges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="121"/>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="122"/>
        <source>Goes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="135"/>
        <source>Select a file to see everything read from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="152"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="162"/>
        <source>Where the selected files go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="165"/>
        <source>The sample named in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="168"/>
        <source>Matched by name (case and spaces ignored); a sample not yet in the project is created. A file that names no sample gets a new sample named after the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="172"/>
        <source>An existing sample:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="173"/>
        <source>A new sample named:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="181"/>
        <source>default: the file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="182"/>
        <source>Use for selected files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="195"/>
        <source>Define template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="197"/>
        <source>Teach the workbench this table layout once (columns, units, decimal mark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="201"/>
        <source>Re-read failed files with template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="205"/>
        <source>Saved template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="254"/>
        <source>Failed</source>
        <translation type="unfinished">Epäonnistui</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="266"/>
        <source>Already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="268"/>
        <source>Nothing found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="274"/>
        <source>(none named)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="286"/>
        <source>Sample “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="290"/>
        <source>%1 (new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="328"/>
        <source>%1 files selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="341"/>
        <source>Format: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="342"/>
        <source>Encoding: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="350"/>
        <source>  points/rows: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="358"/>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="384"/>
        <source>%1 file(s) read, %2 ready to import, %3 could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_dialog.py" line="387"/>
        <source>Nothing is written until you press Import.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="111"/>
        <source>Spectrum</source>
        <translation>Spektri</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="112"/>
        <source>TGA curve</source>
        <translation>TGA-käyrä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="113"/>
        <source>Moisture</source>
        <translation>Kosteus</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="114"/>
        <source>Ash</source>
        <translation>Tuhka</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="115"/>
        <source>Fibre analysis summary</source>
        <translation>Kuituanalyysin yhteenveto</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="116"/>
        <source>Fibre particle list</source>
        <translation>Kuitujen partikkelilista</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="117"/>
        <source>Fibre length distribution</source>
        <translation>Kuidunpituusjakauma</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="118"/>
        <source>Lab values</source>
        <translation>Laboratorioarvot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="119"/>
        <source>Table</source>
        <translation>Taulukko</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="116"/>
        <source>Project</source>
        <translation>Projekti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="119"/>
        <source>Details</source>
        <translation>Tiedot</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="122"/>
        <source>Tasks and log</source>
        <translation>Tehtävät ja loki</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="155"/>
        <source>Untitled</source>
        <translation>Nimetön</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="158"/>
        <source>[read-only]</source>
        <translation>[vain luku]</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="91"/>
        <source>Filter samples…</source>
        <translation>Suodata näytteitä…</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="93"/>
        <source>Show only samples whose fields contain this text</source>
        <translation>Näytä vain näytteet, joiden tiedoissa on tämä teksti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="172"/>
        <source>Use Save As to keep changes in a new file.</source>
        <translation>Käytä Tallenna nimellä -toimintoa säilyttääksesi muutokset uudessa tiedostossa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="175"/>
        <source>This project is read-only.</source>
        <translation>Tämä projekti on vain luku -tilassa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="200"/>
        <source>Select a sample or a measurement to plot its curves and spectra.</source>
        <translation>Valitse näyte tai mittaus piirtääksesi sen käyrät ja spektrit.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="241"/>
        <location filename="../../workbench/gui/main_window.py" line="243"/>
        <source>Sample %1</source>
        <translation>Näyte %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="267"/>
        <source>Delete %1 samples</source>
        <translation>Poista %1 näytettä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="272"/>
        <source>Deleted %1 sample(s). Edit &gt; Undo brings them back.</source>
        <translation>Poistettiin %1 näyte(ttä). Muokkaa &gt; Kumoa palauttaa ne.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="281"/>
        <source>Import files</source>
        <translation>Tuo tiedostoja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/main_window.py" line="311"/>
        <source>The language changes the next time Fibre Workbench starts.</source>
        <translation>Kieli vaihtuu, kun Fibre Workbench käynnistetään seuraavan kerran.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../workbench/gui/message_bar.py" line="29"/>
        <source>Hide this message</source>
        <translation>Piilota tämä viesti</translation>
    </message>
</context>
<context>
    <name>PlotView</name>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="85"/>
        <source>Drag to pan, wheel to zoom, right-click for options and export.</source>
        <translation>Vedä siirtääksesi, rullaa zoomataksesi, oikealla painikkeella asetukset ja vienti.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="100"/>
        <source>Select a sample or a measurement to plot its curves and spectra.</source>
        <translation>Valitse näyte tai mittaus piirtääksesi sen käyrät ja spektrit.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="123"/>
        <source>Nothing to plot: the selection has no curves or spectra.</source>
        <translation>Ei piirrettävää: valinnassa ei ole käyriä eikä spektrejä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="125"/>
        <source>Its values are listed in the details panel.</source>
        <translation>Sen arvot näkyvät tietopaneelissa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="140"/>
        <source>%1 more curves not shown.</source>
        <translation>%1 käyrää jätettiin näyttämättä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="142"/>
        <source>Some kinds of curve not shown; select fewer items.</source>
        <translation>Kaikkia käyrälajeja ei näytetä; valitse vähemmän kohteita.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/plot_view.py" line="161"/>
        <source>Signal</source>
        <translation>Signaali</translation>
    </message>
</context>
<context>
    <name>ProjectFilesMixin</name>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="41"/>
        <source>Fibre Workbench projects (*%1)</source>
        <translation>Fibre Workbench -projektit (*%1)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="64"/>
        <source>Closing the project failed: %1</source>
        <translation>Projektin sulkeminen epäonnistui: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="87"/>
        <source>Unsaved changes</source>
        <translation>Tallentamattomia muutoksia</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="88"/>
        <source>The project has unsaved changes. Save them before closing?</source>
        <translation>Projektissa on tallentamattomia muutoksia. Tallennetaanko ne ennen sulkemista?</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="105"/>
        <source>Open project</source>
        <translation>Avaa projekti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="113"/>
        <source>Open %1</source>
        <translation>Avaa %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="118"/>
        <location filename="../../workbench/gui/screenshot.py" line="55"/>
        <source>Opened %1</source>
        <translation>Avattiin %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="124"/>
        <source>Could not open %1: %2</source>
        <translation>Tiedostoa %1 ei voitu avata: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="150"/>
        <source>Save project as</source>
        <translation>Tallenna projekti nimellä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="165"/>
        <location filename="../../workbench/gui/project_files.py" line="171"/>
        <source>Not saved: %1</source>
        <translation>Ei tallennettu: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="169"/>
        <source>Saving failed: %1</source>
        <translation>Tallennus epäonnistui: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="180"/>
        <source>Saved %1</source>
        <translation>Tallennettiin %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="196"/>
        <source>No recent projects</source>
        <translation>Ei viimeaikaisia projekteja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="200"/>
        <source>Clear list</source>
        <translation>Tyhjennä luettelo</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="227"/>
        <source>Could not write the recovery file: %1</source>
        <translation>Palautustiedostoa ei voitu kirjoittaa: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="231"/>
        <source>Writing recovery file</source>
        <translation>Kirjoitetaan palautustiedostoa</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="249"/>
        <source>an untitled project</source>
        <translation>nimetöntä projektia</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="255"/>
        <source>Recovered unsaved work of %1</source>
        <translation>Palautettiin tallentamaton työ: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="265"/>
        <source>Recover unsaved work</source>
        <translation>Palauta tallentamaton työ</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_files.py" line="267"/>
        <source>Fibre Workbench was closed without saving %1. Unsaved work from %2 was kept.

Restore it? (No keeps the recovery file for later; Discard deletes it.)</source>
        <translation>Fibre Workbench suljettiin tallentamatta projektia %1. Tallentamaton työ ajalta %2 säilytettiin.

Palautetaanko se? (Ei säilyttää palautustiedoston myöhempää varten; Hylkää poistaa sen.)</translation>
    </message>
</context>
<context>
    <name>ProjectTreeModel</name>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="127"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="127"/>
        <source>Type</source>
        <translation>Tyyppi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="165"/>
        <source>%1 measurements, %2 results</source>
        <translation>%1 mittausta, %2 tulosta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="180"/>
        <source>From %1</source>
        <translation>Lähde: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="186"/>
        <source>Result</source>
        <translation>Tulos</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="192"/>
        <source>Derived by %1 %2</source>
        <translation>Laskettu: %1 %2</translation>
    </message>
</context>
<context>
    <name>ProjectTreeView</name>
    <message>
        <location filename="../../workbench/gui/project_tree.py" line="252"/>
        <source>Samples with their measurements and results. Select several to overlay their curves.</source>
        <translation>Näytteet mittauksineen ja tuloksineen. Valitse useita piirtääksesi niiden käyrät päällekkäin.</translation>
    </message>
</context>
<context>
    <name>SampleDelegate</name>
    <message>
        <location filename="../../workbench/gui/sample_table.py" line="176"/>
        <source>Feedstock type (ISO 17225-1 origin group or side stream)</source>
        <translation>Raaka-ainetyyppi (ISO 17225-1 -alkuperäryhmä tai sivuvirta)</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/sample_table.py" line="180"/>
        <source>YYYY-MM-DD</source>
        <translation>VVVV-KK-PP</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/sample_table.py" line="181"/>
        <source>Date the sample arrived, as YYYY-MM-DD</source>
        <translation>Näytteen saapumispäivä muodossa VVVV-KK-PP</translation>
    </message>
</context>
<context>
    <name>SampleFields</name>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="98"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="99"/>
        <source>Feedstock type</source>
        <translation>Raaka-ainetyyppi</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="100"/>
        <source>Supplier</source>
        <translation>Toimittaja</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="101"/>
        <source>Origin</source>
        <translation>Alkuperä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="102"/>
        <source>Date received</source>
        <translation>Vastaanotettu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/i18n.py" line="103"/>
        <source>Notes</source>
        <translation>Huomautukset</translation>
    </message>
</context>
<context>
    <name>SampleTableModel</name>
    <message>
        <location filename="../../workbench/gui/sample_table.py" line="110"/>
        <source>Measurements</source>
        <translation>Mittaukset</translation>
    </message>
</context>
<context>
    <name>SampleTableView</name>
    <message>
        <location filename="../../workbench/gui/sample_table.py" line="227"/>
        <source>Double-click a cell to edit it. Every edit can be undone.</source>
        <translation>Kaksoisnapsauta solua muokataksesi sitä. Jokaisen muutoksen voi kumota.</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="46"/>
        <source>Task</source>
        <translation>Tehtävä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="46"/>
        <source>Progress</source>
        <translation>Edistyminen</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="46"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="49"/>
        <source>Background work. Cancel stops a task at its next safe point.</source>
        <translation>Taustatyöt. Peruuta pysäyttää tehtävän seuraavassa turvallisessa kohdassa.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="58"/>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="58"/>
        <source>Message</source>
        <translation>Viesti</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="59"/>
        <source>Messages of this session. Expand an error for details.</source>
        <translation>Tämän istunnon viestit. Avaa virhe nähdäksesi yksityiskohdat.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="101"/>
        <source>Running</source>
        <translation>Käynnissä</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="107"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="108"/>
        <source>Stop this task; nothing it did so far is kept.</source>
        <translation>Pysäytä tämä tehtävä; mitään sen tähän asti tekemää ei säilytetä.</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="128"/>
        <source>Finished</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="129"/>
        <source>Failed</source>
        <translation>Epäonnistui</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="130"/>
        <source>Cancelled</source>
        <translation>Peruttu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="136"/>
        <source>%1: finished</source>
        <translation>%1: valmis</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="138"/>
        <source>%1: cancelled</source>
        <translation>%1: peruttu</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/task_panel.py" line="143"/>
        <source>%1 failed: %2</source>
        <translation>%1 epäonnistui: %2</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="127"/>
        <source>Import template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="146"/>
        <source>No sample file opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="147"/>
        <source>Open sample file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="150"/>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="151"/>
        <source>Edit a saved template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="156"/>
        <source>Saved templates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="161"/>
        <source>e.g. Fibre analyser, lab 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="168"/>
        <location filename="../../workbench/gui/template_dialog.py" line="177"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="169"/>
        <source>Comma ,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="170"/>
        <source>Semicolon ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="171"/>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="172"/>
        <source>Spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="178"/>
        <source>Point 1.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="179"/>
        <source>Comma 1,5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="187"/>
        <source>Line number of the column names (0: no header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="190"/>
        <source>Lines after the header to skip (units rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="191"/>
        <source>Data end at the first blank line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="194"/>
        <source>Template name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="195"/>
        <source>Measurement kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="196"/>
        <source>Delimiter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="197"/>
        <source>Decimal mark:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="198"/>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="199"/>
        <source>Header row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="200"/>
        <source>Rows to skip after it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="206"/>
        <source>The start of the file, with line numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="210"/>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="210"/>
        <source>Use as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="210"/>
        <source>Unit in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="220"/>
        <source>Plot x axis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="222"/>
        <source>Plot signal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="239"/>
        <source>Columns</source>
        <translation type="unfinished">Sarakkeet</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="242"/>
        <source>Preview of what will be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="253"/>
        <source>Save template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="278"/>
        <source>Open a sample file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="289"/>
        <source>Sample file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="342"/>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="343"/>
        <source>Sample name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="344"/>
        <source>Plain column (kept as is)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="380"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="458"/>
        <source>Open a sample file to see a preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="461"/>
        <location filename="../../workbench/gui/template_dialog.py" line="526"/>
        <source>this template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="479"/>
        <source>Sample</source>
        <translation type="unfinished">Näyte</translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="515"/>
        <source>(no sample column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="516"/>
        <source>%1 measurement(s) of kind %2 for samples: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/template_dialog.py" line="532"/>
        <source>Saved template “%1” to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchDialog</name>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="63"/>
        <source>Watch a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="66"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="72"/>
        <source>Into the sample the file names (a new sample named after the file if none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="74"/>
        <source>Always into a new sample named after the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="82"/>
        <source>Files that appear in this folder are imported into the open project once they stop growing. Files already there are left alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="90"/>
        <source>Start watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/gui/import_actions.py" line="103"/>
        <source>Folder to watch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
