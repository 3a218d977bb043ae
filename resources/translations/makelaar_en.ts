<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../makelaar/ui/about.py" line="17"/>
        <source>Over Makelaar</source>
        <translation>About Makelaar</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/about.py" line="26"/>
        <source>Voor ideeënmakelaars: ideeën van bewoners registreren, organisaties vinden en koppelen.</source>
        <translation>For idea brokers: register residents&apos; ideas, find organisations and match them.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/about.py" line="28"/>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/about.py" line="34"/>
        <source>Makelaar is vrije software onder de %1 (%2). Hieronder staan de onderdelen van anderen die met Makelaar worden meegeleverd, elk met zijn eigen licentie.</source>
        <translation>Makelaar is free software under the %1 (%2). Below are the third-party components that come with Makelaar, each under its own licence.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/about.py" line="45"/>
        <source>Licenties van meegeleverde onderdelen</source>
        <translation>Licences of bundled components</translation>
    </message>
</context>
<context>
    <name>AreaList</name>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="173"/>
        <source>Wijken en buurten</source>
        <translation>Districts and neighbourhoods</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="174"/>
        <source>&amp;Wijk toevoegen…</source>
        <translation>&amp;Add district…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="175"/>
        <source>&amp;Buurt toevoegen…</source>
        <translation>Add &amp;neighbourhood…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="176"/>
        <source>Een buurt in de gekozen wijk</source>
        <translation>A neighbourhood in the selected district</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="178"/>
        <source>&amp;Dorp toevoegen…</source>
        <translation>Add villa&amp;ge…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="188"/>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="189"/>
        <source>Naam van de %1:</source>
        <translation>Name of the %1:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="210"/>
        <source>Buurt toevoegen</source>
        <translation>Add neighbourhood</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="210"/>
        <source>Kies eerst de wijk waar de buurt in ligt.</source>
        <translation>First select the district the neighbourhood is in.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="222"/>
        <source>Hernoemen</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="222"/>
        <source>Nieuwe naam:</source>
        <translation>New name:</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../makelaar/ui/audit_log.py" line="23"/>
        <location filename="../../makelaar/ui/audit_log.py" line="37"/>
        <source>Logboek persoonsgegevens</source>
        <translation>Personal data log</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/audit_log.py" line="26"/>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/audit_log.py" line="27"/>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/audit_log.py" line="28"/>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/audit_log.py" line="29"/>
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/audit_log.py" line="30"/>
        <source>Toelichting</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/audit_log.py" line="42"/>
        <source>Wie persoonsgegevens van bewoners wijzigde, inzag of exporteerde, en wanneer. De laatste 500 regels; het logboek bewaart nooit de gegevens zelf.</source>
        <translation>Who changed, viewed or exported residents&apos; personal data, and when. The latest 500 lines; the log never keeps the data itself.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/audit_log.py" line="49"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../makelaar/ui/backup_dialog.py" line="28"/>
        <source>Back-up terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/backup_dialog.py" line="31"/>
        <source>Gemaakt op</source>
        <translation>Made on</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/backup_dialog.py" line="32"/>
        <source>Waarom</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/backup_dialog.py" line="34"/>
        <source>Grootte</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/backup_dialog.py" line="42"/>
        <source>Back-ups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/backup_dialog.py" line="52"/>
        <source>De database wordt vervangen door de gekozen back-up. Wat daarna is ingevoerd, is dan weg; de huidige database wordt eerst zelf als back-up bewaard.</source>
        <translation>The database is replaced by the chosen backup. Anything entered after it is then gone; the current database is first kept as a backup itself.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/backup_dialog.py" line="59"/>
        <source>&amp;Terugzetten</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/backup_dialog.py" line="61"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/backup_dialog.py" line="84"/>
        <source>Er zijn nog geen back-ups van deze database.</source>
        <translation>There are no backups of this database yet.</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <location filename="../../makelaar/ui/widgets.py" line="274"/>
        <source>niet meer in gebruik</source>
        <translation>no longer in use</translation>
    </message>
</context>
<context>
    <name>ContactsTable</name>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="73"/>
        <source>Contactpersonen</source>
        <translation>Contact persons</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="75"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="75"/>
        <source>Functie</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="75"/>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="75"/>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="80"/>
        <source>Contactpersoon &amp;toevoegen</source>
        <translation>&amp;Add contact person</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="83"/>
        <source>Contactpersoon ve&amp;rwijderen</source>
        <translation>&amp;Remove contact person</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../makelaar/ui/widgets.py" line="78"/>
        <source>&apos;%1&apos; is geen bestaande datum; schrijf dag-maand-jaar, zoals 28-11-2026.</source>
        <translation>&apos;%1&apos; is not a valid date; write day-month-year, such as 28-11-2026.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/widgets.py" line="101"/>
        <source>dd-mm-jjjj</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/widgets.py" line="106"/>
        <source>Kalender (Alt+Omlaag)</source>
        <translation>Calendar (Alt+Down)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/widgets.py" line="107"/>
        <source>Kalender openen</source>
        <translation>Open calendar</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/widgets.py" line="155"/>
        <source>Vul een datum in, zoals 28-11-2026.</source>
        <translation>Enter a date, such as 28-11-2026.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/widgets.py" line="193"/>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../makelaar/ui/dialogs.py" line="45"/>
        <source>Bestand bestaat al</source>
        <translation>File already exists</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/dialogs.py" line="46"/>
        <source>%1 bestaat al. Vervangen? Het bestaande bestand gaat dan verloren.</source>
        <translation>%1 already exists. Replace it? The existing file will be lost.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="501"/>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="504"/>
        <source>Wat er is ingelezen</source>
        <translation>What was imported</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="505"/>
        <source>Spijt? Via Bestand → Import ongedaan maken… draai je deze import in één keer terug.</source>
        <translation>Changed your mind? File → Undo import… reverses this import in one go.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="514"/>
        <source>Er is niets ingelezen.</source>
        <translation>Nothing was imported.</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="84"/>
        <source>Dubbele organisaties</source>
        <translation>Duplicate organisations</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="88"/>
        <source>Organisatie A</source>
        <translation>Organisation A</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="89"/>
        <source>Organisatie B</source>
        <translation>Organisation B</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="90"/>
        <source>Waarom</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="91"/>
        <source>Zekerheid</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="97"/>
        <source>Mogelijke dubbelen</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="110"/>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="114"/>
        <source>Vergelijking</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="118"/>
        <source>&amp;Samenvoegen…</source>
        <translation>&amp;Merge…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="119"/>
        <source>B wordt samengevoegd met A, of andersom: kies hierboven wie blijft</source>
        <translation>B is merged into A, or the other way round: choose above which one stays</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="120"/>
        <source>&amp;Geen dubbel</source>
        <translation>&amp;Not a duplicate</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="121"/>
        <source>Deze twee zijn verschillende organisaties; niet meer voorstellen</source>
        <translation>These two are different organisations; do not suggest them again</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="122"/>
        <source>Geen dubbel &amp;ongedaan maken</source>
        <translation>&amp;Undo not a duplicate</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="124"/>
        <source>Het laatste paar dat je als geen dubbel markeerde weer tonen (Ctrl+Z)</source>
        <translation>Show the last pair you marked as not a duplicate again (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="128"/>
        <source>Opnieuw &amp;zoeken</source>
        <translation>&amp;Search again</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="129"/>
        <source>Opnieuw zoeken (F5)</source>
        <translation>Search again (F5)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="131"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="170"/>
        <source>Dubbele organisaties zoeken…</source>
        <translation>Looking for duplicate organisations…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="180"/>
        <source>Geen mogelijke dubbele organisaties gevonden.</source>
        <translation>No possible duplicate organisations found.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="182"/>
        <source>Geen mogelijke dubbele organisaties meer.</source>
        <translation>No more possible duplicate organisations.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="188"/>
        <source>%n mogelijk(e) dubbel(en). Kies een paar; vergelijk de twee hieronder en kies per veld welke waarde blijft.</source>
        <translation>
            <numerusform>%n possible duplicate. Choose a pair; compare the two below and choose which value stays for each field.</numerusform>
            <numerusform>%n possible duplicates. Choose a pair; compare the two below and choose which value stays for each field.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="207"/>
        <source>Voor de gekozen organisatie is geen mogelijke dubbel gevonden; hieronder de andere paren.</source>
        <translation>No possible duplicate was found for the chosen organisation; the other pairs are below.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="213"/>
        <source>niet actief</source>
        <translation>not active</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="234"/>
        <source>Dit paar bestaat niet meer (een van de twee is al samengevoegd).</source>
        <translation>This pair no longer exists (one of the two has already been merged).</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="243"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="244"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="245"/>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="246"/>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="247"/>
        <source>KvK-nummer</source>
        <translation>KvK number</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="248"/>
        <source>E-mailadres</source>
        <translation>Email address</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="249"/>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="250"/>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="251"/>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="252"/>
        <source>Plaats</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="253"/>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="254"/>
        <source>Fonds: maximumbedrag</source>
        <translation>Fund: maximum amount</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="255"/>
        <source>Fonds: minimaal aantal initiatiefnemers</source>
        <translation>Fund: minimum number of initiators</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="256"/>
        <source>Fonds: aanvragen uiterlijk op</source>
        <translation>Fund: applications due by</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="257"/>
        <source>Fonds: betaalt niet voor</source>
        <translation>Fund: does not pay for</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="263"/>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="267"/>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="362"/>
        <source>(leeg)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="265"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="265"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="283"/>
        <source>Kies hierboven een paar om de twee organisaties naast elkaar te zien.</source>
        <translation>Choose a pair above to see the two organisations side by side.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="297"/>
        <source>Blijft bestaan:</source>
        <translation>Stays:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="298"/>
        <source>A blijft, B gaat erin op</source>
        <translation>A stays, B is merged into it</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="299"/>
        <source>B blijft, A gaat erin op</source>
        <translation>B stays, A is merged into it</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="300"/>
        <source>Blijft bestaan: A (%1)</source>
        <translation>Stays: A (%1)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="301"/>
        <source>Blijft bestaan: B (%1)</source>
        <translation>Stays: B (%1)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="329"/>
        <source>%1 van %2: %3</source>
        <translation>%1 of %2: %3</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="350"/>
        <source>Bij beide hetzelfde</source>
        <translation>The same in both</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="354"/>
        <source>komt bij elkaar</source>
        <translation>combined</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="356"/>
        <source>Aanbod</source>
        <translation>Offers</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="357"/>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="358"/>
        <source>Wijken</source>
        <translation>Districts</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="367"/>
        <source>Koppelingen</source>
        <translation>Matches</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="368"/>
        <source>Contactpersonen</source>
        <translation>Contact persons</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="369"/>
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="447"/>
        <source>%1 (%2) gaat op in %3 (%4).

Wat bij %1 hoort, gaat over naar %3: koppelingen (%5), contactpersonen (%6) en regels op de tijdlijn (%7). %3 krijgt de waarden die je per veld koos; aanbod, thema&apos;s en wijken komen bij elkaar. Daarna wordt %1 verwijderd. Dit kun je niet ongedaan maken, alleen met een back-up.

Samenvoegen?</source>
        <translation>%1 (%2) is merged into %3 (%4).

What belongs to %1 moves to %3: matches (%5), contacts (%6) and timeline entries (%7). %3 gets the values you chose per field; offers, themes and areas are combined. Then %1 is deleted. You cannot undo this, except with a backup.

Merge?</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="461"/>
        <source>Samenvoegen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="464"/>
        <source>Niet samengevoegd: sluit eerst de open formulieren van deze organisaties.</source>
        <translation>Not merged: first close the open forms of these organisations.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="474"/>
        <source>Samenvoegen…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="485"/>
        <source>%1 (%2) is samengevoegd met %3 (%4). </source>
        <translation>%1 (%2) has been merged into %3 (%4). </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../makelaar/ui/errors.py" line="34"/>
        <source>Dat lukte niet</source>
        <translation>That did not work</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/errors.py" line="40"/>
        <source>Er ging iets mis</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/errors.py" line="41"/>
        <source>Er ging iets mis in Makelaar. Wat al was opgeslagen, is bewaard. Probeer het nog eens; gebeurt het weer, geef dan de details hieronder door aan de beheerder.</source>
        <translation>Something went wrong in Makelaar. Anything already saved has been kept. Please try again; if it happens again, pass the details below on to your administrator.</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="59"/>
        <source>Uitwisselbestanden (*.makelaar *.json.gz *.json *.gz);;Alle bestanden (*)</source>
        <translation>Exchange files (*.makelaar *.json.gz *.json *.gz);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="66"/>
        <source>hier verwijderd, in het bestand gewijzigd</source>
        <translation>deleted here, changed in the file</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="68"/>
        <source>hier gewijzigd, in het bestand verwijderd</source>
        <translation>changed here, deleted in the file</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="69"/>
        <source>hier en in het bestand gewijzigd</source>
        <translation>changed here and in the file</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="79"/>
        <source>Uitwisselbestand inlezen</source>
        <translation>Import exchange file</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="88"/>
        <source>Conflicten</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="90"/>
        <source>Verschillen</source>
        <translation>Differences</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="91"/>
        <source>Veld</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="91"/>
        <source>Mijn versie</source>
        <translation>My version</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="91"/>
        <source>Hun versie</source>
        <translation>Their version</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="100"/>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="227"/>
        <source>&amp;Mijn versie houden</source>
        <translation>&amp;Keep my version</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="101"/>
        <source>Mijn versie houden</source>
        <translation>Keep my version</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="102"/>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="228"/>
        <source>&amp;Hun versie nemen</source>
        <translation>&amp;Take their version</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="103"/>
        <source>Hun versie nemen</source>
        <translation>Take their version</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="109"/>
        <source>Alle: mijn versie</source>
        <translation>All: my version</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="110"/>
        <source>Alle conflicten: mijn versie</source>
        <translation>All conflicts: my version</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="111"/>
        <source>Alle: hun versie</source>
        <translation>All: their version</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="112"/>
        <source>Alle conflicten: hun versie</source>
        <translation>All conflicts: their version</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="116"/>
        <source>Conflicten: kies per record welke versie blijft</source>
        <translation>Conflicts: choose which version stays for each record</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="151"/>
        <source>&amp;Inlezen</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="152"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="192"/>
        <source>mijn versie</source>
        <translation>my version</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="194"/>
        <source>hun versie</source>
        <translation>their version</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="196"/>
        <source>nog kiezen</source>
        <translation>still to choose</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="221"/>
        <source>&amp;Mijn versie houden (verwijderd laten)</source>
        <translation>&amp;Keep my version (leave deleted)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="222"/>
        <source>&amp;Hun versie nemen (terugzetten)</source>
        <translation>&amp;Take their version (restore)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="224"/>
        <source>&amp;Mijn versie houden (niet verwijderen)</source>
        <translation>&amp;Keep my version (do not delete)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="225"/>
        <source>&amp;Hun versie nemen (verwijderen)</source>
        <translation>&amp;Take their version (delete)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="234"/>
        <source>Conflicten nog zonder keuze: %1</source>
        <translation>Conflicts still without a choice: %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="329"/>
        <source>Wijzigingen exporteren voor uitwisseling</source>
        <translation>Export changes for exchange</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="348"/>
        <source>Wijzigingen exporteren…</source>
        <translation>Exporting changes…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="354"/>
        <source>Export klaar</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="356"/>
        <source>%1 gewijzigde records en %2 verwijderingen geschreven naar %3.</source>
        <translation>%1 changed records and %2 deletions written to %3.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="360"/>
        <source>Alles uit deze database geschreven naar %3: alle %1 records en %2 verwijderingen.</source>
        <translation>Everything in this database written to %3: all %1 records and %2 deletions.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="377"/>
        <source>Uitwisselbestand kiezen</source>
        <translation>Choose exchange file</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="393"/>
        <source>Onversleuteld uitwisselbestand</source>
        <translation>Unencrypted exchange file</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="394"/>
        <source>%1 is niet versleuteld. Lees het alleen in als je zeker weet waar het vandaan komt. Toch inlezen?</source>
        <translation>%1 is not encrypted. Only read it if you are sure where it came from. Read it anyway?</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="407"/>
        <source>Uitwisselbestand lezen…</source>
        <translation>Reading the exchange file…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="420"/>
        <source>Bezig met samenvoegen…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="426"/>
        <source>Uitwisseling klaar</source>
        <translation>Exchange complete</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="31"/>
        <source>Exporteren: %1</source>
        <translation>Export: %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="34"/>
        <source>Wat wil je exporteren?</source>
        <translation>What do you want to export?</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="36"/>
        <source>Wat de lijst nu toont, met de filters en zoekterm (%1)</source>
        <translation>What the list shows now, with its filters and search term (%1)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="38"/>
        <source>Alles (%1)</source>
        <translation>Everything (%1)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="39"/>
        <source>Alleen wat de lijst toont</source>
        <translation>Only what the list shows</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="40"/>
        <source>Alles exporteren</source>
        <translation>Export everything</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="52"/>
        <source>Om te delen: alleen initiatiefnemers die toestemming gaven om hun gegevens te delen</source>
        <translation>For sharing: only initiators who gave consent to share their details</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="56"/>
        <source>Voor de eigen administratie van de gemeente: alle initiatiefnemers (komt in het logboek persoonsgegevens)</source>
        <translation>For the municipality&apos;s own records: all initiators (recorded in the personal data log)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="60"/>
        <source>Persoonsgegevens alleen met toestemming om te delen</source>
        <translation>Personal data only with consent to share</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="61"/>
        <source>Alle persoonsgegevens voor de eigen administratie</source>
        <translation>All personal data, for the municipality&apos;s own records</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="63"/>
        <source>Persoonsgegevens van initiatiefnemers</source>
        <translation>Initiators&apos; personal data</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="71"/>
        <source>Een bestand met persoonsgegevens bewaar je niet langer dan nodig en deel je niet verder dan de toestemming van de bewoner.</source>
        <translation>Keep a file with personal data no longer than needed and share it no further than the resident&apos;s consent allows.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="82"/>
        <source>Bestand kiezen…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/export_dialog.py" line="84"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="142"/>
        <location filename="../../makelaar/ui/import_wizard.py" line="150"/>
        <source>Bestand kiezen</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="144"/>
        <source>Kies een CSV- of Excel-bestand (.xlsx). De eerste regel met kolomnamen wordt vanzelf gevonden.</source>
        <translation>Choose a CSV or Excel file (.xlsx). The first row with column names is found automatically.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="148"/>
        <source>Gekozen bestand</source>
        <translation>Chosen file</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="149"/>
        <source>Bestand &amp;kiezen…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="168"/>
        <source>Bestand kiezen om te importeren</source>
        <translation>Choose a file to import</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="170"/>
        <source>Tabellen (*.csv *.xlsx *.txt);;Alle bestanden (*)</source>
        <translation>Tables (*.csv *.xlsx *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="189"/>
        <source>Gelezen als %1.</source>
        <translation>Read as %1.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="191"/>
        <source>Scheidingsteken: %1.</source>
        <translation>Separator: %1.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="193"/>
        <source>%1 kolommen, %2 regels met gegevens; de kolomnamen staan op regel %3.</source>
        <translation>%1 columns, %2 rows of data; the column names are on row %3.</translation>
    </message>
</context>
<context>
    <name>HelpsWithPanel</name>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="245"/>
        <source>Idee</source>
        <translation>Idea</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="246"/>
        <source>Past</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="247"/>
        <source>Waarom</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="253"/>
        <source>Open ideeën waarbij deze organisatie kan helpen</source>
        <translation>Open ideas this organisation could help with</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="260"/>
        <source>&amp;Koppelen…</source>
        <translation>&amp;Match…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="286"/>
        <source>Sla de organisatie eerst op.</source>
        <translation>Save the organisation first.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="293"/>
        <source>Ideeën zoeken…</source>
        <translation>Looking for ideas…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="299"/>
        <source>Geen open ideeën gevonden; een organisatie die niet actief is, wordt nooit voorgesteld.</source>
        <translation>No open ideas found; an organisation that is not active is never suggested.</translation>
    </message>
</context>
<context>
    <name>IdeaEditor</name>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="270"/>
        <source>Idee</source>
        <translation>Idea</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="274"/>
        <source>Onderdelen van het idee</source>
        <translation>Idea sections</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="292"/>
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="294"/>
        <source>&amp;Omschrijving:</source>
        <translation>Desc&amp;ription:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="296"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="299"/>
        <source>&amp;Wijk:</source>
        <translation>Distri&amp;ct:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="302"/>
        <location filename="../../makelaar/ui/idea_editor.py" line="442"/>
        <source>(onbekend)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="301"/>
        <source>&amp;Binnengekomen via:</source>
        <translation>Recei&amp;ved via:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="303"/>
        <source>Wij&amp;ktafel:</source>
        <translation>District meetin&amp;g:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="310"/>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="314"/>
        <source>Aantal &amp;mensen:</source>
        <translation>Number of &amp;people:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="314"/>
        <source>Hoeveel mensen staan achter het idee</source>
        <translation>How many people support the idea</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="317"/>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="318"/>
        <source>Gevraagd &amp;bedrag:</source>
        <translation>&amp;Amount requested:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="318"/>
        <source>in euro, zoals 1.250,00</source>
        <translation>in euros, such as 1.250,00</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="319"/>
        <source>Binnengekomen &amp;op:</source>
        <translation>Received &amp;on:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="320"/>
        <source>&amp;Gegevens</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="326"/>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="328"/>
        <source>Behoeften</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="329"/>
        <source>Thema&apos;s (spatie vinkt aan):</source>
        <translation>Themes (Space ticks a box):</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="330"/>
        <source>Wat is er nodig (behoeften):</source>
        <translation>What is needed (needs):</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="333"/>
        <source>T&amp;hema&apos;s en behoeften</source>
        <translation>T&amp;hemes and needs</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="339"/>
        <source>&amp;Initiatiefnemers</source>
        <translation>&amp;Initiators</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="344"/>
        <source>Su&amp;ggesties</source>
        <translation>Su&amp;ggestions</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="352"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="353"/>
        <source>Voor</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="354"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="355"/>
        <source>Opvolgen op</source>
        <translation>Follow up on</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="356"/>
        <source>Contactpersoon</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="357"/>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="364"/>
        <source>Koppelingen van dit idee</source>
        <translation>Matches of this idea</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="369"/>
        <source>&amp;Koppeling toevoegen…</source>
        <translation>&amp;Add match…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="372"/>
        <source>Status &amp;wijzigen…</source>
        <translation>Change stat&amp;us…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="375"/>
        <source>Sla het idee eerst op; daarna kun je het koppelen aan organisaties.</source>
        <translation>Save the idea first; then you can link it to organisations.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="522"/>
        <source>Sla het idee eerst op; dan kun je het rapport afdrukken.</source>
        <translation>Save the idea first; then you can print the report.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="383"/>
        <source>&amp;Koppelingen</source>
        <translation>&amp;Matches</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="387"/>
        <source>Tij&amp;dlijn</source>
        <translation>Time&amp;line</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="409"/>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="410"/>
        <source>Koppelingsrapport voor de bewoner of de partners (Ctrl+P)</source>
        <translation>Match report for the resident or the partners (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="415"/>
        <source>Idee &amp;verwijderen…</source>
        <translation>D&amp;elete idea…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="430"/>
        <source>Idee %1</source>
        <translation>Idea %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="430"/>
        <source>(nieuw)</source>
        <translation>(new)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="436"/>
        <source>Nieuw idee</source>
        <translation>New idea</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="531"/>
        <location filename="../../makelaar/ui/idea_editor.py" line="550"/>
        <source>Sla het idee eerst op.</source>
        <translation>Save the idea first.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="553"/>
        <source>Naam en contactgegevens van deze persoon nu wissen? Dit kan niet ongedaan worden gemaakt. Het idee blijft bestaan.</source>
        <translation>Erase this person&apos;s name and contact details now? This cannot be undone. The idea stays.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="556"/>
        <source>Persoon vergeten</source>
        <translation>Forget person</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="574"/>
        <source>Idee %1 verwijderen, met de koppelingen en de tijdlijn? Initiatiefnemers die bij geen ander idee horen, worden ook verwijderd. Dit kan niet ongedaan worden gemaakt.</source>
        <translation>Delete idea %1, with its matches and timeline? Initiators who belong to no other idea are deleted too. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="577"/>
        <source>Idee verwijderen</source>
        <translation>Delete idea</translation>
    </message>
</context>
<context>
    <name>IdeasView</name>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="441"/>
        <source>Zoek in titel, omschrijving en nummer… (Ctrl+F)</source>
        <translation>Search title, description and number… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="442"/>
        <source>&amp;Nieuw idee</source>
        <translation>&amp;New idea</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="447"/>
        <source>Filter op status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="448"/>
        <source>Filter op wijk</source>
        <translation>Filter by district</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="449"/>
        <source>Filter op thema</source>
        <translation>Filter by theme</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="450"/>
        <source>Filter op behoefte</source>
        <translation>Filter by need</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="462"/>
        <source>Alle statussen</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="463"/>
        <source>Lopend</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="464"/>
        <source>Afgesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="468"/>
        <source>Alle wijken</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="471"/>
        <source>Alle thema&apos;s</source>
        <translation>All themes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="475"/>
        <source>Alle behoeften</source>
        <translation>All needs</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="490"/>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="491"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="492"/>
        <location filename="../../makelaar/ui/list_views.py" line="534"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="493"/>
        <location filename="../../makelaar/ui/list_views.py" line="535"/>
        <source>Wijk</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="494"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="540"/>
        <source>Binnengekomen</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="495"/>
        <location filename="../../makelaar/ui/list_views.py" line="537"/>
        <source>Behoeften</source>
        <translation>Needs</translation>
    </message>
    <message numerus="yes">
        <location filename="../../makelaar/ui/list_views.py" line="505"/>
        <source>%n idee(ën)</source>
        <translation>
            <numerusform>%n idea</numerusform>
            <numerusform>%n ideas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="509"/>
        <source>Hier komen de ideeën van bewoners. Registreer een idee met Ctrl+N, start een wijktafel om ideeën op te halen, of laad de voorbeeldgegevens om het programma te verkennen.</source>
        <translation>Residents&apos; ideas appear here. Register an idea with Ctrl+N, start a district meeting to collect ideas, or load the sample data to explore the program.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="529"/>
        <source>nog geen koppelingen</source>
        <translation>no matches yet</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="530"/>
        <source>Koppelingen</source>
        <translation>Matches</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="531"/>
        <source>Laatst gebeurd</source>
        <translation>Recent activity</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="536"/>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="538"/>
        <source>Aantal mensen</source>
        <translation>Number of people</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="539"/>
        <source>Gevraagd bedrag</source>
        <translation>Amount requested</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="541"/>
        <source>Initiatiefnemers</source>
        <translation>Initiators</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="64"/>
        <source>Niet importeren</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="65"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="66"/>
        <source>Soort organisatie</source>
        <translation>Type of organisation</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="67"/>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="68"/>
        <source>Biedt (soorten hulp)</source>
        <translation>Offers (types of help)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="69"/>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="70"/>
        <source>Wijken</source>
        <translation>Districts</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="71"/>
        <source>Contactpersoon</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="72"/>
        <source>Telefoonnummer</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="73"/>
        <source>E-mailadres</source>
        <translation>Email address</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="74"/>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="75"/>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="76"/>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="77"/>
        <source>KvK-nummer</source>
        <translation>KvK number</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="78"/>
        <source>Plaats</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="79"/>
        <source>Actief (ja/nee)</source>
        <translation>Active (yes/no)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="80"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="81"/>
        <source>Wijk</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="82"/>
        <source>Behoeften (soorten hulp)</source>
        <translation>Needs (types of help)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="83"/>
        <source>Teamgrootte</source>
        <translation>Number of people</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="84"/>
        <source>Initiatiefnemer</source>
        <translation>Initiator</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="85"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="86"/>
        <source>Bron</source>
        <translation>Received via</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="87"/>
        <source>Datum binnengekomen</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="106"/>
        <source>toevoegen</source>
        <translation>add</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="107"/>
        <source>bijwerken</source>
        <translation>update</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="108"/>
        <source>ongewijzigd</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="109"/>
        <source>afgewezen</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="119"/>
        <source>werkt %1 bij</source>
        <translation>updates %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="121"/>
        <source>%1 staat er al zo in</source>
        <translation>%1 is already stored like this</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="129"/>
        <source>puntkomma (;)</source>
        <translation>semicolon (;)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="130"/>
        <source>komma (,)</source>
        <translation>comma (,)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="131"/>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="543"/>
        <source>Organisaties importeren</source>
        <translation>Import organisations</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="543"/>
        <source>Ideeën importeren</source>
        <translation>Import ideas</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="548"/>
        <source>&amp;Volgende &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="549"/>
        <source>&lt; &amp;Terug</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="550"/>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="551"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="564"/>
        <source>Kies eerst een bestand.</source>
        <translation>Choose a file first.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="572"/>
        <source>Bestand controleren…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="572"/>
        <source>Bezig met importeren…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>InitiatorsPanel</name>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="82"/>
        <source>Initiatiefnemers</source>
        <translation>Initiators</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="85"/>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="88"/>
        <source>Ve&amp;rwijderen</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="92"/>
        <source>&amp;Inzage…</source>
        <translation>&amp;Access request…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="93"/>
        <source>Alles wat over deze persoon bewaard is, als PDF of JSON</source>
        <translation>Everything kept about this person, as PDF or JSON</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="96"/>
        <source>&amp;Vergeten…</source>
        <translation>&amp;Forget…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="97"/>
        <source>Naam en contactgegevens nu wissen; het idee blijft</source>
        <translation>Erase name and contact details now; the idea stays</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="102"/>
        <source>Naam:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="105"/>
        <source>Toestemming voor contact:</source>
        <translation>Consent to contact:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="106"/>
        <source>mag door de gemeente benaderd worden; contactgegevens bewaren</source>
        <translation>may be contacted by the municipality; keep contact details</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="110"/>
        <source>Toestemming om te delen:</source>
        <translation>Consent to share:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="111"/>
        <source>naam en contactgegevens mogen naar partnerorganisaties</source>
        <translation>name and contact details may go to partner organisations</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="113"/>
        <source>Toestemming gegeven:</source>
        <translation>Consent given:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="116"/>
        <source>Datum toestemming:</source>
        <translation>Date of consent:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="117"/>
        <source>E-mail:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="118"/>
        <source>Telefoon:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="119"/>
        <source>Adres:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="120"/>
        <source>Postcode:</source>
        <translation>Postcode:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="120"/>
        <source>zoals 1234 AB</source>
        <translation>such as 1234 AB</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="122"/>
        <source>Nummer:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="166"/>
        <location filename="../../makelaar/ui/idea_editor.py" line="251"/>
        <source>(nog zonder naam)</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/idea_editor.py" line="221"/>
        <source>(nieuw)</source>
        <translation>(new)</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="91"/>
        <source>Intake: %1</source>
        <translation>Intake: %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="102"/>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="105"/>
        <source>&amp;Titel van het idee:</source>
        <translation>Idea &amp;title:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="107"/>
        <source>&amp;Korte omschrijving:</source>
        <translation>Short &amp;description:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="110"/>
        <source>&amp;Naam initiatiefnemer:</source>
        <translation>Initiator&apos;s &amp;name:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="112"/>
        <source>Toestemming &amp;contact:</source>
        <translation>&amp;Consent to contact:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="112"/>
        <source>de gemeente mag contact opnemen</source>
        <translation>the municipality may get in touch</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="114"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="115"/>
        <source>Tele&amp;foon:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="117"/>
        <source>Toestemming &amp;delen:</source>
        <translation>Consent to &amp;share:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="117"/>
        <source>gegevens mogen naar partnerorganisaties</source>
        <translation>details may go to partner organisations</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="119"/>
        <source>Aantal &amp;mensen:</source>
        <translation>Number of &amp;people:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="121"/>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="123"/>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="126"/>
        <source>Behoeften</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="129"/>
        <source>T&amp;hema&apos;s:</source>
        <translation>The&amp;mes:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="131"/>
        <source>&amp;Wat is er nodig:</source>
        <translation>&amp;What is needed:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="139"/>
        <source>Al geregistreerd bij deze wijktafel</source>
        <translation>Already registered at this district meeting</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="160"/>
        <source>Opslaan en &amp;volgende</source>
        <translation>Save and ne&amp;xt</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="162"/>
        <source>Enter of Ctrl+S</source>
        <translation>Enter or Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="163"/>
        <source>Intake &amp;sluiten</source>
        <translation>Close &amp;intake</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="286"/>
        <source>Het concept kon niet worden bewaard: %1</source>
        <translation>The draft could not be saved: %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="293"/>
        <source>Een idee dat nog niet was opgeslagen, is teruggezet. Controleer het en sla het op.</source>
        <translation>An idea that had not been saved yet has been restored. Check it and save it.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../makelaar/ui/intake.py" line="308"/>
        <source>Al geregistreerd bij deze wijktafel: %n</source>
        <translation>
            <numerusform>Already registered at this district meeting: %n</numerusform>
            <numerusform>Already registered at this district meeting: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="328"/>
        <source>Opgeslagen als %1. Volgende idee.</source>
        <translation>Saved as %1. Next idea.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/intake.py" line="335"/>
        <source>Het idee in de intake</source>
        <translation>The idea in the intake</translation>
    </message>
</context>
<context>
    <name>Label</name>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="9"/>
        <source>nieuw</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="10"/>
        <source>in verkenning</source>
        <translation>being explored</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="11"/>
        <source>gekoppeld</source>
        <translation>matched</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="12"/>
        <source>in uitvoering</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="13"/>
        <source>gerealiseerd</source>
        <translation>realised</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="14"/>
        <source>zelfstandig verder</source>
        <translation>continuing independently</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="15"/>
        <source>doorverwezen</source>
        <translation>referred</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="16"/>
        <source>gestopt</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="17"/>
        <source>geen contact meer</source>
        <translation>no longer in contact</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="18"/>
        <source>voorgesteld</source>
        <translation>proposed</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="19"/>
        <source>benaderd</source>
        <translation>approached</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="20"/>
        <source>toegezegd</source>
        <translation>committed</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="21"/>
        <source>afgewezen</source>
        <translation>declined</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="22"/>
        <source>afgerond</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="23"/>
        <source>notitie</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="24"/>
        <source>telefoongesprek</source>
        <translation>phone call</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="25"/>
        <source>e-mail</source>
        <translation>email</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="26"/>
        <source>bezoek</source>
        <translation>visit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="27"/>
        <source>overleg</source>
        <translation>meeting</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="28"/>
        <source>statuswijziging</source>
        <translation>status change</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="29"/>
        <source>wijktafel</source>
        <translation>district meeting</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="30"/>
        <source>inloopspreekuur</source>
        <translation>drop-in session</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="31"/>
        <source>telefoon</source>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="32"/>
        <source>website</source>
        <translation>website</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="33"/>
        <source>anders</source>
        <translation>other</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="34"/>
        <source>mondeling</source>
        <translation>in person</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="35"/>
        <source>formulier</source>
        <translation>form</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="36"/>
        <source>gemeente</source>
        <translation>municipality</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="37"/>
        <source>wijk</source>
        <translation>district</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="38"/>
        <source>buurt</source>
        <translation>neighbourhood</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="39"/>
        <source>dorp</source>
        <translation>village</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="40"/>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="41"/>
        <source>Soorten hulp (behoefte en aanbod)</source>
        <translation>Types of help (needs and offers)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/labels.py" line="42"/>
        <source>Soorten organisatie</source>
        <translation>Types of organisation</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="419"/>
        <location filename="../../makelaar/ui/main_window.py" line="429"/>
        <location filename="../../makelaar/ui/main_window.py" line="443"/>
        <location filename="../../makelaar/ui/main_window.py" line="774"/>
        <source>Voorbeeldgegevens laden</source>
        <translation>Load sample data</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="108"/>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="109"/>
        <source>Ideeën</source>
        <translation>Ideas</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="110"/>
        <source>Organisaties</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="111"/>
        <source>Koppelingen</source>
        <translation>Matches</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="112"/>
        <source>Wijktafels</source>
        <translation>District meetings</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="113"/>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="117"/>
        <source>Onderdelen</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="183"/>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="185"/>
        <source>&amp;Nieuw…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="191"/>
        <source>Organisaties &amp;importeren…</source>
        <translation>Import &amp;organisations…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="194"/>
        <source>Ideeën i&amp;mporteren…</source>
        <translation>Import &amp;ideas…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="195"/>
        <source>Import &amp;ongedaan maken…</source>
        <translation>&amp;Undo import…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="197"/>
        <source>&amp;Exporteren</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="199"/>
        <source>Wat de lijst &amp;toont…</source>
        <translation>What the list &amp;shows…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="203"/>
        <source>Organisaties…</source>
        <translation>Organisations…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="204"/>
        <source>Ideeën…</source>
        <translation>Ideas…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="205"/>
        <source>Koppelingen…</source>
        <translation>Matches…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="208"/>
        <source>Wijzigingen exporteren voor uit&amp;wisseling…</source>
        <translation>Export changes for e&amp;xchange…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="212"/>
        <source>Alles exporteren voor uitwisseling (gemiste uitwisseling)…</source>
        <translation>Export everything for exchange (after a missed exchange)…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="219"/>
        <source>&amp;Privacy</source>
        <translation>&amp;Privacy</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="221"/>
        <source>&amp;Logboek persoonsgegevens…</source>
        <translation>Personal data &amp;log…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="223"/>
        <source>&amp;Bewaartermijn instellen…</source>
        <translation>Set &amp;retention period…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="225"/>
        <source>&amp;Back-up maken</source>
        <translation>&amp;Back up</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="226"/>
        <source>Back-up &amp;terugzetten…</source>
        <translation>&amp;Restore backup…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="227"/>
        <source>&amp;Voorbeeldgegevens laden</source>
        <translation>&amp;Load sample data</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="229"/>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="231"/>
        <source>B&amp;ewerken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="233"/>
        <source>&amp;Zoeken</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="236"/>
        <source>&amp;Openen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="240"/>
        <source>&amp;Suggesties voor alle open ideeën…</source>
        <translation>&amp;Suggestions for all open ideas…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="244"/>
        <source>&amp;Dubbele organisaties zoeken…</source>
        <translation>Find &amp;duplicate organisations…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="351"/>
        <source>%1, %2 vragen aandacht</source>
        <translation>%1, %2 need attention</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="352"/>
        <location filename="../../makelaar/ui/main_window.py" line="354"/>
        <source>%1, %2 lopend</source>
        <translation>%1, %2 ongoing</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="353"/>
        <source>%1, %2 actief</source>
        <translation>%1, %2 active</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="417"/>
        <source>Nieuw idee</source>
        <translation>New idea</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="418"/>
        <source>Wijktafel plannen</source>
        <translation>Plan a neighbourhood meeting</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="426"/>
        <source>Sociale kaart importeren…</source>
        <translation>Import the social map…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="428"/>
        <source>Nieuwe organisatie</source>
        <translation>New organisation</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="431"/>
        <source>Dubbele organisaties zoeken…</source>
        <translation>Find duplicate organisations…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="248"/>
        <source>&amp;Rapporten</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="250"/>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="253"/>
        <source>&amp;Overzicht voor college en raad…</source>
        <translation>&amp;Overview for the executive and the council…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="257"/>
        <source>Matchkaart verwerken: idee openen op &amp;nummer…</source>
        <translation>Process a match card: open an idea by &amp;number…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="264"/>
        <source>&amp;Beeld</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="270"/>
        <source>&amp;Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="274"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="275"/>
        <source>&amp;Sneltoetsen</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="276"/>
        <source>&amp;Over Makelaar</source>
        <translation>&amp;About Makelaar</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="597"/>
        <source>organisaties</source>
        <translation>organisations</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="598"/>
        <source>ideeën</source>
        <translation>ideas</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="599"/>
        <source>koppelingen</source>
        <translation>matches</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="818"/>
        <source>Nummer van het idee (zoals I-2026-0042, 2026-42 of 42):</source>
        <translation>Number of the idea (such as I-2026-0042, 2026-42 or 42):</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="985"/>
        <source>Vandaag, Ideeën, Organisaties, Koppelingen, Wijktafels, Instellingen</source>
        <translation>Today, Ideas, Organisations, Matches, District meetings, Settings</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="986"/>
        <source>exporteren wat de lijst toont (CSV of Excel)</source>
        <translation>export what the list shows (CSV or Excel)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="606"/>
        <source>Exporteren naar</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="216"/>
        <source>Uitwisselbestand in&amp;lezen…</source>
        <translation>Import exchange &amp;file…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="442"/>
        <source>Naar de ideeën</source>
        <translation>Go to the ideas</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="608"/>
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="627"/>
        <source>Bezig met exporteren…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="633"/>
        <source>Export klaar</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="634"/>
        <source>%1 regels geschreven naar %2.</source>
        <translation>%1 rows written to %2.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="671"/>
        <source>Van een PostgreSQL-server maakt de beheerder de back-ups.</source>
        <translation>Backups of a PostgreSQL server are made by the administrator.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="673"/>
        <source>Back-up maken…</source>
        <translation>Making a backup…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="679"/>
        <source>Back-up gemaakt</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="680"/>
        <source>De back-up is gemaakt en gecontroleerd:
%1</source>
        <translation>The backup has been made and checked:
%1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="692"/>
        <source>Dagelijkse back-up maken…</source>
        <translation>Making the daily backup…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../makelaar/ui/main_window.py" line="700"/>
        <source>%n persoon/personen geanonimiseerd: de bewaartermijn was voorbij.</source>
        <translation>
            <numerusform>%n person anonymised: the retention period had passed.</numerusform>
            <numerusform>%n people anonymised: the retention period had passed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="710"/>
        <source>Van een PostgreSQL-server zet de beheerder back-ups terug.</source>
        <translation>Backups of a PostgreSQL server are restored by its administrator.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="718"/>
        <source>Back-up terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="719"/>
        <source>De database vervangen door de back-up van %1? Wat daarna is ingevoerd, is dan weg.</source>
        <translation>Replace the database with the backup %1? Anything entered after it is then gone.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="732"/>
        <source>Back-up terugzetten…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="745"/>
        <source>Back-up teruggezet</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="745"/>
        <source>De back-up %1 is teruggezet.</source>
        <translation>The backup %1 has been restored.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="766"/>
        <source>Voorbeeldgegevens van een verzonnen gemeente toevoegen aan deze database?</source>
        <translation>Add sample data of a fictional municipality to this database?</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="769"/>
        <source>Deze database bevat al gegevens. De voorbeeldgegevens van een verzonnen gemeente komen er dan tussen te staan. Makelaar maakt eerst een back-up, zodat je terug kunt (Bestand › Back-up terugzetten).

Toch voorbeeldgegevens toevoegen?</source>
        <translation>This database already holds data. The example data of a made-up municipality will then be mixed in with it. Makelaar makes a backup first, so you can go back (File › Restore backup).

Add the example data anyway?</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="779"/>
        <source>Voorbeeldgegevens laden…</source>
        <translation>Loading sample data…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="783"/>
        <source>Voorbeeldgegevens</source>
        <translation>Sample data</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="818"/>
        <source>Matchkaart verwerken</source>
        <translation>Process a match card</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="846"/>
        <source>Suggesties zoeken voor alle open ideeën…</source>
        <translation>Looking for suggestions for all open ideas…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="968"/>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="971"/>
        <source>Gedeelde server</source>
        <translation>Shared server</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="975"/>
        <source>Laatste back-up: %1</source>
        <translation>Last backup: %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="977"/>
        <source>Nog geen back-up</source>
        <translation>No backup yet</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="987"/>
        <source>nieuw idee, organisatie of wijktafel</source>
        <translation>new idea, organisation or district meeting</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="988"/>
        <source>zoeken in de lijst</source>
        <translation>search the list</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="989"/>
        <source>het gekozen record openen</source>
        <translation>open the selected record</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="990"/>
        <source>opslaan in een formulier</source>
        <translation>save in a form</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="991"/>
        <source>rapport van het gekozen idee, de organisatie of de wijktafel afdrukken</source>
        <translation>print the report of the chosen idea, organisation or district meeting</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="992"/>
        <source>een idee openen op nummer, bijvoorbeeld van een matchkaart</source>
        <translation>open an idea by number, for example from a match card</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="993"/>
        <source>suggesties voor alle open ideeën</source>
        <translation>suggestions for all open ideas</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="994"/>
        <source>formulier sluiten (met vraag bij niet opgeslagen wijzigingen)</source>
        <translation>close a form (asks about unsaved changes)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="995"/>
        <source>intake op volledig scherm met grote letters</source>
        <translation>intake full screen with large text</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="996"/>
        <source>vernieuwen</source>
        <translation>refresh</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/main_window.py" line="999"/>
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="211"/>
        <source>Kolommen koppelen</source>
        <translation>Assign columns</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="214"/>
        <source>Kies per kolom van het bestand wat erin staat. Makelaar heeft al een keuze gemaakt; kolommen die het niet kent, worden niet ingelezen.</source>
        <translation>For each column of the file, choose what it contains. Makelaar has already made a choice; columns it does not recognise are not imported.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="219"/>
        <source>Kolommen van het bestand</source>
        <translation>Columns of the file</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="221"/>
        <source>Kolom in het bestand</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="221"/>
        <source>Inlezen als</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="221"/>
        <source>Voorbeeld</source>
        <translation>Example</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="231"/>
        <source>Eerste regels van het bestand</source>
        <translation>First rows of the file</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="237"/>
        <source>De eerste regels van het bestand:</source>
        <translation>The first rows of the file:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="251"/>
        <source>(kolom %1 zonder naam)</source>
        <translation>(column %1 without a name)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="254"/>
        <source>Kolom &apos;%1&apos; inlezen als</source>
        <translation>Import column &apos;%1&apos; as</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="302"/>
        <source>&apos;%1&apos; is aan meer dan één kolom gekoppeld.</source>
        <translation>&apos;%1&apos; is assigned to more than one column.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="306"/>
        <source>Kies welke kolom &apos;%1&apos; bevat; die is verplicht.</source>
        <translation>Choose which column contains &apos;%1&apos;; it is required.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="320"/>
        <source>Onbekende kolom: wordt niet ingelezen.</source>
        <translation>Unknown column: not imported.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="331"/>
        <source>Niet ingelezen: %1.</source>
        <translation>Not imported: %1.</translation>
    </message>
</context>
<context>
    <name>MatchAllDialog</name>
    <message>
        <location filename="../../makelaar/ui/match_all.py" line="42"/>
        <source>Suggesties voor alle open ideeën</source>
        <translation>Suggestions for all open ideas</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_all.py" line="45"/>
        <source>Afgebroken: %1 van %2 ideeën bekeken.</source>
        <translation>Cancelled: %1 of %2 ideas looked at.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_all.py" line="47"/>
        <source>%1 open ideeën bekeken. Dubbelklik of Enter op een idee om het te openen.</source>
        <translation>%1 open ideas looked at. Double-click or press Enter on an idea to open it.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_all.py" line="53"/>
        <source>Suggesties per idee</source>
        <translation>Suggestions per idea</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_all.py" line="54"/>
        <source>Idee en suggesties</source>
        <translation>Idea and suggestions</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_all.py" line="54"/>
        <source>Waarom</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_all.py" line="54"/>
        <source>Past</source>
        <translation>Fit</translation>
    </message>
    <message numerus="yes">
        <location filename="../../makelaar/ui/match_all.py" line="58"/>
        <source>%n suggestie(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_all.py" line="67"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MatchDialog</name>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="97"/>
        <source>Koppeling toevoegen</source>
        <translation>Add match</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="101"/>
        <source>&amp;Voor behoefte:</source>
        <translation>For &amp;need:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="104"/>
        <source>(geen specifieke behoefte)</source>
        <translation>(no specific need)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="109"/>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="109"/>
        <source>alleen organisaties die dit aanbieden</source>
        <translation>only organisations that offer this</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="112"/>
        <source>&amp;Zoek organisatie:</source>
        <translation>Find &amp;organisation:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="113"/>
        <source>typ een deel van de naam of omschrijving</source>
        <translation>type part of the name or description</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="115"/>
        <source>Gevonden organisaties</source>
        <translation>Organisations found</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="118"/>
        <source>&amp;Contactpersoon:</source>
        <translation>&amp;Contact person:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="119"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="122"/>
        <source>&amp;Opvolgen op:</source>
        <translation>&amp;Follow up on:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="124"/>
        <source>&amp;Notitie:</source>
        <translation>No&amp;te:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="130"/>
        <source>Koppelen</source>
        <translation>Match</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="131"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="185"/>
        <source>Geen actieve organisaties gevonden.</source>
        <translation>No active organisations found.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="190"/>
        <source>(nog niet bekend)</source>
        <translation>(not known yet)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="203"/>
        <source>Kies eerst een organisatie uit de lijst.</source>
        <translation>First choose an organisation from the list.</translation>
    </message>
</context>
<context>
    <name>MatchStatusDialog</name>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="243"/>
        <source>Koppeling met %1</source>
        <translation>Match with %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="246"/>
        <source>Nu:</source>
        <translation>Now:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="247"/>
        <source>&amp;Nieuwe status:</source>
        <translation>&amp;New status:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="255"/>
        <source>&amp;Opvolgen op:</source>
        <translation>&amp;Follow up on:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="256"/>
        <source>N&amp;otitie:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="260"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/match_dialog.py" line="261"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MatchesView</name>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="43"/>
        <source>Zoek op idee, nummer of organisatie… (Ctrl+F)</source>
        <translation>Search by idea, number or organisation… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="48"/>
        <source>Filter op status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="49"/>
        <source>Filter op opvolgdatum</source>
        <translation>Filter by follow-up date</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="50"/>
        <source>Filter op wijk</source>
        <translation>Filter by district</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="51"/>
        <source>Filter op behoefte</source>
        <translation>Filter by need</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="67"/>
        <source>Alle statussen</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="68"/>
        <source>Lopend</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="72"/>
        <source>Alle opvolgdata</source>
        <translation>All follow-up dates</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="73"/>
        <source>Te laat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="74"/>
        <source>Binnen een week</source>
        <translation>Within a week</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="75"/>
        <source>Zonder opvolgdatum</source>
        <translation>No follow-up date</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="79"/>
        <source>Alle wijken</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="82"/>
        <source>Alle behoeften</source>
        <translation>All needs</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="99"/>
        <source>Opvolgen</source>
        <translation>Follow up</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="104"/>
        <source>te laat</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="106"/>
        <source>Idee</source>
        <translation>Idea</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="107"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="108"/>
        <location filename="../../makelaar/ui/matches_view.py" line="141"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="109"/>
        <location filename="../../makelaar/ui/matches_view.py" line="142"/>
        <source>Behoefte</source>
        <translation>Need</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="110"/>
        <location filename="../../makelaar/ui/matches_view.py" line="143"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <location filename="../../makelaar/ui/matches_view.py" line="120"/>
        <source>%n koppeling(en)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="124"/>
        <source>Hier komen de koppelingen: een idee met een organisatie die kan helpen. Open een idee en kies een suggestie (Ctrl+2 voor de ideeën), of laad de voorbeeldgegevens.</source>
        <translation>Matches appear here: an idea with an organisation that can help. Open an idea and choose a suggestion (Ctrl+2 for the ideas), or load the sample data.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="144"/>
        <source>Opvolgen op</source>
        <translation>Follow up on</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="145"/>
        <source>Contactpersoon</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="146"/>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="149"/>
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/matches_view.py" line="150"/>
        <source>Enter opent het idee.</source>
        <translation>Enter opens the idea.</translation>
    </message>
</context>
<context>
    <name>OrganisationEditor</name>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="161"/>
        <source>Onderdelen van de organisatie</source>
        <translation>Organisation sections</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="166"/>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="167"/>
        <source>&amp;Soort:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="168"/>
        <source>(onbekend)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="169"/>
        <source>&amp;Omschrijving:</source>
        <translation>Desc&amp;ription:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="171"/>
        <source>&amp;Website:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="171"/>
        <source>zoals www.voorbeeld.nl</source>
        <translation>such as www.example.nl</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="172"/>
        <source>&amp;KvK-nummer:</source>
        <translation>&amp;KvK number:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="172"/>
        <source>acht cijfers</source>
        <translation>eight digits</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="173"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="174"/>
        <source>&amp;Telefoon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="175"/>
        <source>&amp;Adres:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="176"/>
        <source>&amp;Postcode:</source>
        <translation>Post&amp;code:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="176"/>
        <source>zoals 1234 AB</source>
        <translation>such as 1234 AB</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="177"/>
        <source>Plaa&amp;ts:</source>
        <translation>&amp;Town:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="178"/>
        <source>Actief:</source>
        <translation>Active:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="178"/>
        <source>deze organisatie is nog actief</source>
        <translation>this organisation is still active</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="179"/>
        <source>&amp;Gegevens</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="184"/>
        <source>Aanbod</source>
        <translation>Offers</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="186"/>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="188"/>
        <source>Werkgebied</source>
        <translation>Working area</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="189"/>
        <source>Biedt (aanbod):</source>
        <translation>Offers:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="190"/>
        <source>Thema&apos;s:</source>
        <translation>Themes:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="191"/>
        <source>Werkt in:</source>
        <translation>Works in:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="195"/>
        <source>Aan&amp;bod en werkgebied</source>
        <translation>&amp;Offers and working area</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="198"/>
        <source>&amp;Contactpersonen</source>
        <translation>Contact per&amp;sons</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="203"/>
        <source>Alleen voor fondsen: waar een aanvraag aan moet voldoen. Laat leeg wat niet geldt.</source>
        <translation>For funds only: the conditions an application must meet. Leave blank what does not apply.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="206"/>
        <source>&amp;Maximumbedrag:</source>
        <translation>Ma&amp;ximum amount:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="206"/>
        <source>in euro, zoals 2.500,00</source>
        <translation>in euros, such as 2.500,00</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="208"/>
        <source>Minimaal aantal &amp;initiatiefnemers:</source>
        <translation>Minimum number of &amp;initiators:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="210"/>
        <source>geen eis</source>
        <translation>no requirement</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="211"/>
        <source>Aanvragen &amp;uiterlijk op:</source>
        <translation>Applications due &amp;by:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="212"/>
        <source>Betaalt &amp;niet voor:</source>
        <translation>Does &amp;not pay for:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="214"/>
        <source>bijvoorbeeld: alcohol, commerciële activiteiten</source>
        <translation>for example: alcohol, commercial activities</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="215"/>
        <source>&amp;Fonds</source>
        <translation>&amp;Fund</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="221"/>
        <source>Idee</source>
        <translation>Idea</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="222"/>
        <source>Voor</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="223"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="224"/>
        <source>Opvolgen op</source>
        <translation>Follow up on</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="225"/>
        <source>Contactpersoon</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="232"/>
        <source>Koppelingen van deze organisatie</source>
        <translation>Matches of this organisation</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="237"/>
        <source>Status &amp;wijzigen…</source>
        <translation>Change stat&amp;us…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="245"/>
        <source>&amp;Koppelingen</source>
        <translation>&amp;Matches</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="249"/>
        <source>Kan &amp;helpen bij</source>
        <translation>Can &amp;help with</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="252"/>
        <source>Tij&amp;dlijn</source>
        <translation>Time&amp;line</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="278"/>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="279"/>
        <source>Organisatieblad (Ctrl+P)</source>
        <translation>Organisation sheet (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="292"/>
        <source>Organisatie %1</source>
        <translation>Organisation %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="292"/>
        <source>(nieuw)</source>
        <translation>(new)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="298"/>
        <location filename="../../makelaar/ui/organisation_editor.py" line="300"/>
        <source>Nieuwe organisatie</source>
        <translation>New organisation</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="311"/>
        <source>Te controleren: zo stond het in het ingelezen bestand, maar het is geen geldige waarde. Verbeter het, of laat het zo staan.</source>
        <translation>To check: this is how the imported file had it, but it is not a valid value. Correct it, or leave it as it is.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/organisation_editor.py" line="388"/>
        <source>Sla de organisatie eerst op; dan kun je het blad afdrukken.</source>
        <translation>Save the organisation first; then you can print the sheet.</translation>
    </message>
</context>
<context>
    <name>OrganisationsView</name>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="565"/>
        <source>Zoek in naam, omschrijving en plaats… (Ctrl+F)</source>
        <translation>Search name, description and town… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="566"/>
        <source>&amp;Nieuwe organisatie</source>
        <translation>&amp;New organisation</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="571"/>
        <source>Filter op wijk</source>
        <translation>Filter by district</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="572"/>
        <source>Filter op thema</source>
        <translation>Filter by theme</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="573"/>
        <source>Filter op aanbod</source>
        <translation>Filter by offer</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="574"/>
        <source>Filter op soort</source>
        <translation>Filter by type</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="575"/>
        <source>Alleen actieve</source>
        <translation>Active only</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="576"/>
        <source>Alleen actieve organisaties</source>
        <translation>Active organisations only</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="580"/>
        <source>Te controleren</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="581"/>
        <source>Alleen organisaties met gegevens die te controleren zijn</source>
        <translation>Only organisations with details to check</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="612"/>
        <source>Alle wijken</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="614"/>
        <source>Alle thema&apos;s</source>
        <translation>All themes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="615"/>
        <source>Al het aanbod</source>
        <translation>All offers</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="616"/>
        <source>Alle soorten</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="620"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="621"/>
        <location filename="../../makelaar/ui/list_views.py" line="659"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="622"/>
        <location filename="../../makelaar/ui/list_views.py" line="660"/>
        <source>Biedt</source>
        <translation>Offers</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="623"/>
        <location filename="../../makelaar/ui/list_views.py" line="662"/>
        <source>Werkt in</source>
        <translation>Works in</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="624"/>
        <location filename="../../makelaar/ui/list_views.py" line="668"/>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="624"/>
        <location filename="../../makelaar/ui/list_views.py" line="668"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="624"/>
        <location filename="../../makelaar/ui/list_views.py" line="668"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message numerus="yes">
        <location filename="../../makelaar/ui/list_views.py" line="636"/>
        <source>%n organisatie(s)</source>
        <translation>
            <numerusform>%n organisation</numerusform>
            <numerusform>%n organisations</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="640"/>
        <source>Hier komt de sociale kaart: de organisaties die bewoners kunnen helpen. Voeg er een toe met Ctrl+N, importeer een lijst (Bestand › Organisaties importeren…) of laad de voorbeeldgegevens.</source>
        <translation>The social map appears here: the organisations that can help residents. Add one with Ctrl+N, import a list (File › Import organisations…) or load the sample data.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="656"/>
        <source>geen contactpersonen</source>
        <translation>no contact persons</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="656"/>
        <source>nog geen koppelingen</source>
        <translation>no matches yet</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="657"/>
        <source>Contactpersonen</source>
        <translation>Contact persons</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="657"/>
        <source>Koppelingen</source>
        <translation>Matches</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="661"/>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="663"/>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="664"/>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="665"/>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="666"/>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="667"/>
        <source>KvK</source>
        <translation>KvK</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="258"/>
        <source>Wachtwoord van het uitwisselbestand</source>
        <translation>Passphrase of the exchange file</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="261"/>
        <source>Wachtwoord</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="264"/>
        <source>Wachtwoord nog een keer</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="271"/>
        <source>Het bestand bevat namen en contactgegevens van bewoners en wordt versleuteld. Gebruik het wachtwoord dat het team deelt; stuur het nooit mee met het bestand.</source>
        <translation>The file holds residents&apos; names and contact details and is encrypted. Use the passphrase your team shares; never send it along with the file.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="275"/>
        <source>Dit uitwisselbestand is versleuteld. Typ het wachtwoord dat het team deelt.</source>
        <translation>This exchange file is encrypted. Type the passphrase your team shares.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="279"/>
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="281"/>
        <source>&amp;Nog een keer:</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="302"/>
        <source>De twee wachtwoorden verschillen.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/exchange_dialog.py" line="305"/>
        <source>Typ het wachtwoord.</source>
        <translation>Type the passphrase.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../makelaar/ui/printing.py" line="96"/>
        <source>Overzicht voor college en raad</source>
        <translation>Overview for the executive and the council</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/printing.py" line="99"/>
        <source>&amp;Van:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/printing.py" line="100"/>
        <source>&amp;Tot en met:</source>
        <translation>&amp;Up to and including:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/printing.py" line="104"/>
        <source>Rapport maken</source>
        <translation>Make report</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/printing.py" line="105"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/printing.py" line="125"/>
        <source>De einddatum ligt voor de begindatum.</source>
        <translation>The end date is before the start date.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="348"/>
        <source>Controleren</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="349"/>
        <source>Zo wordt het bestand ingelezen. Er is nog niets opgeslagen.</source>
        <translation>This is how the file will be imported. Nothing has been saved yet.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="351"/>
        <source>&amp;Importeren</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="355"/>
        <source>Welke regels tonen</source>
        <translation>Which rows to show</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="357"/>
        <source>Alle regels</source>
        <translation>All rows</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="358"/>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="359"/>
        <source>Bijwerken</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="360"/>
        <source>Ongewijzigd</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="361"/>
        <source>Afgewezen</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="368"/>
        <source>Soorten hulp en thema&apos;s voorstellen uit de omschrijving als het bestand ze niet &amp;noemt</source>
        <translation>Suggest types of help and themes from the description when the file does &amp;not name them</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="375"/>
        <source>Regel</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="376"/>
        <source>Wat gebeurt er</source>
        <translation>What happens</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="377"/>
        <source>Naam of titel</source>
        <translation>Name or title</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="378"/>
        <source>Toelichting</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="384"/>
        <source>Regels en wat ermee gebeurt</source>
        <translation>Rows and what happens to them</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="391"/>
        <source>Opmerkingen bij het inlezen</source>
        <translation>Notes on the import</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="393"/>
        <source>T&amp;onen:</source>
        <translation>Sh&amp;ow:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="439"/>
        <source>%1 toevoegen, %2 bijwerken, %3 ongewijzigd, %4 afgewezen.</source>
        <translation>%1 to add, %2 to update, %3 unchanged, %4 rejected.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="446"/>
        <source>Er is niets nieuws om in te lezen.</source>
        <translation>There is nothing new to import.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="465"/>
        <source>Regel %1 (%2): %3</source>
        <translation>Row %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="485"/>
        <source>Er is niets ingelezen: een record dat de import bijwerkt, staat nog open in een formulier. Sla het op of sluit het, en klik dan opnieuw op Importeren.</source>
        <translation>Nothing was imported: a record that the import updates is still open in a form. Save or close it, then click Import again.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../makelaar/ui/printing.py" line="47"/>
        <source>Koppelingsrapport %1</source>
        <translation>Match report %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/printing.py" line="40"/>
        <source>Versie voor de bewoner</source>
        <translation>Version for the resident</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/printing.py" line="41"/>
        <source>Versie voor de partners</source>
        <translation>Version for the partners</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/printing.py" line="61"/>
        <source>Organisatieblad %1</source>
        <translation>Organisation sheet %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/printing.py" line="72"/>
        <source>Wijktafelverslag %1</source>
        <translation>District meeting report %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/printing.py" line="84"/>
        <source>Overzicht %1 tot en met %2</source>
        <translation>Overview %1 to %2</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="19"/>
        <source>kan helpen met {0}</source>
        <translation>can help with {0}</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="20"/>
        <source>werkt aan {0}</source>
        <translation>works on {0}</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="21"/>
        <source>zit in {0} (zelfde wijk)</source>
        <translation>is in {0} (same area)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="22"/>
        <source>werkt in de hele gemeente</source>
        <translation>works in the whole municipality</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="23"/>
        <source>gaat ook over {0}</source>
        <translation>also mentions {0}</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="24"/>
        <source>let op: biedt {0} in een andere wijk</source>
        <translation>note: offers {0} in another area</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="25"/>
        <source>fonds: past binnen de voorwaarden</source>
        <translation>fund: meets its conditions</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="26"/>
        <source>fonds, maar dit idee vraagt geen geld</source>
        <translation>fund, but this idea asks for no money</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="27"/>
        <source>fonds: geeft hooguit {1}, dit idee vraagt {0} — past niet</source>
        <translation>fund: gives at most {1}, this idea asks {0} — does not fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="28"/>
        <source>fonds: vraagt minstens {0} mensen, dit idee heeft er {1} — past niet</source>
        <translation>fund: asks for at least {0} people, this idea has {1} — does not fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="31"/>
        <source>fonds: aanvragen kon tot {0} — past niet</source>
        <translation>fund: applications closed on {0} — does not fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="32"/>
        <source>fonds: steunt geen {0} — past niet</source>
        <translation>fund: does not support {0} — does not fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="33"/>
        <source>fonds: alleen voor verenigingen en stichtingen — past niet</source>
        <translation>fund: only for associations and foundations — does not fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="34"/>
        <source>fonds: geen geld voor eten en drinken — past niet</source>
        <translation>fund: no money for food and drink — does not fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="35"/>
        <source>fonds: niet voor lessen onder schooltijd — past niet</source>
        <translation>fund: not for lessons during school hours — does not fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="36"/>
        <source>fonds: niet voor eenmalige activiteiten of evenementen — past niet</source>
        <translation>fund: not for one-off activities or events — does not fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="39"/>
        <source>fonds: niet voor eigen woningen — past niet</source>
        <translation>fund: not for private homes — does not fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="40"/>
        <source>fonds: alleen voor kinderen en jongeren tot {0} jaar — past niet</source>
        <translation>fund: only for children and young people up to {0} — does not fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="41"/>
        <location filename="../../makelaar/ui/reasons.py" line="42"/>
        <source>fonds: alleen voor {0} — past niet</source>
        <translation>fund: only for {0} — does not fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="43"/>
        <source>fonds: alleen voor eigen {0} — past niet</source>
        <translation>fund: only for its own {0} — does not fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="44"/>
        <source>let op: het geld is alleen voor eigen {0}</source>
        <translation>note: the money is only for its own {0}</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="45"/>
        <source>hielp eerder bij een vergelijkbaar idee: {0}</source>
        <translation>helped before with a similar idea: {0}</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="46"/>
        <source>zei eerder nee bij een vergelijkbaar idee: {0}</source>
        <translation>said no before to a similar idea: {0}</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="49"/>
        <source>goed</source>
        <translation>good</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="50"/>
        <source>mogelijk</source>
        <translation>possible</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="52"/>
        <source>hele gemeente</source>
        <translation>whole municipality</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="53"/>
        <source>andere wijk</source>
        <translation>another area</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="55"/>
        <source>en</source>
        <translation>and</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/reasons.py" line="56"/>
        <source>of</source>
        <translation>or</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../makelaar/ui/editor_base.py" line="37"/>
        <source>Kop</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/editor_base.py" line="43"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/editor_base.py" line="45"/>
        <source>Opslaan (Ctrl+S of Enter)</source>
        <translation>Save (Ctrl+S or Enter)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/editor_base.py" line="46"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RecordListView</name>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="97"/>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="110"/>
        <source>Aantal gevonden</source>
        <translation>Number found</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="115"/>
        <source>Lijst</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="141"/>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="154"/>
        <source>Zoekterm en filters &amp;wissen</source>
        <translation>Clear search and &amp;filters</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/list_views.py" line="312"/>
        <source>Niets gevonden met deze zoekterm en filters.</source>
        <translation>Nothing found with this search and these filters.</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <location filename="../../makelaar/ui/report_preview.py" line="57"/>
        <source>Rapport opslaan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/report_preview.py" line="82"/>
        <source>Rapport maken…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/report_preview.py" line="107"/>
        <source>Versie van het rapport</source>
        <translation>Version of the report</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/report_preview.py" line="112"/>
        <source>Voorbeeld van het rapport</source>
        <translation>Preview of the report</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/report_preview.py" line="118"/>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/report_preview.py" line="120"/>
        <source>Afdrukken (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/report_preview.py" line="121"/>
        <source>&amp;Opslaan als PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/report_preview.py" line="123"/>
        <source>Opslaan als PDF (Ctrl+S)</source>
        <translation>Save as PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/report_preview.py" line="124"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/report_preview.py" line="135"/>
        <source>&amp;Map openen</source>
        <translation>Open &amp;folder</translation>
    </message>
    <message numerus="yes">
        <location filename="../../makelaar/ui/report_preview.py" line="172"/>
        <source>%n pagina(&apos;s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/report_preview.py" line="181"/>
        <source>De printer kan niet worden gebruikt; er is niets afgedrukt.</source>
        <translation>The printer cannot be used; nothing was printed.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/report_preview.py" line="215"/>
        <source>Opgeslagen als %1</source>
        <translation>Saved as %1</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="53"/>
        <source>Wijktafel</source>
        <translation>District meeting</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="53"/>
        <source>Nieuwe wijktafel</source>
        <translation>New district meeting</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="56"/>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="57"/>
        <source>bijvoorbeeld Wijktafel Noord</source>
        <translation>for example District meeting North</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="58"/>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="59"/>
        <source>&amp;Plaats:</source>
        <translation>&amp;Location:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="60"/>
        <source>bijvoorbeeld Buurthuis De Linde</source>
        <translation>for example Community centre De Linde</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="61"/>
        <source>&amp;Wijk:</source>
        <translation>Distri&amp;ct:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="62"/>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="63"/>
        <source>&amp;Notities:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="71"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="72"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="92"/>
        <source>Deze wijktafel</source>
        <translation>This district meeting</translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="147"/>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="148"/>
        <source>Zoek op naam, plaats of nummer… (Ctrl+F)</source>
        <translation>Search by name, location or number… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="153"/>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="154"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="155"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="156"/>
        <source>Plaats</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="157"/>
        <source>Wijk</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="158"/>
        <source>Ideeën</source>
        <translation>Ideas</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="165"/>
        <source>Wijktafels</source>
        <translation>District meetings</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="173"/>
        <source>Ideeën van deze wijktafel</source>
        <translation>Ideas from this district meeting</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="174"/>
        <source>&amp;Nieuwe wijktafel…</source>
        <translation>&amp;New district meeting…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="176"/>
        <source>&amp;Wijzigen…</source>
        <translation>&amp;Change…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="178"/>
        <source>&amp;Intake starten</source>
        <translation>&amp;Start intake</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="179"/>
        <source>Ideeën registreren bij deze wijktafel</source>
        <translation>Register ideas at this district meeting</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="181"/>
        <source>&amp;Verslag afdrukken…</source>
        <translation>&amp;Print report…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="182"/>
        <source>Wijktafelverslag met matchkaarten (Ctrl+P)</source>
        <translation>District meeting report with match cards (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="199"/>
        <source>Hier komen de wijktafels: bijeenkomsten waar bewoners hun ideeën brengen. Plan de eerste, en registreer daar de ideeën met de snelle intake.</source>
        <translation>Neighbourhood meetings go here: evenings where residents bring their ideas. Plan the first one and register the ideas there with the quick intake.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="206"/>
        <source>Eerste wijktafel &amp;plannen…</source>
        <translation>&amp;Plan the first meeting…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="278"/>
        <source>Opgehaalde ideeën</source>
        <translation>Ideas collected</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/sessions_view.py" line="278"/>
        <source>nog geen</source>
        <translation>none yet</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="46"/>
        <source>Logo kiezen</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="56"/>
        <source>Huiskleur kiezen</source>
        <translation>Choose house colour</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="250"/>
        <source>Algemeen</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="252"/>
        <source>Naam van de &amp;gemeente:</source>
        <translation>&amp;Municipality name:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="256"/>
        <source>Je &amp;naam:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="256"/>
        <source>staat bij je notities</source>
        <translation>shown with your notes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="262"/>
        <source>Je tele&amp;foonnummer:</source>
        <translation>Your &amp;phone number:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="264"/>
        <location filename="../../makelaar/ui/settings_view.py" line="270"/>
        <source>staat op het koppelingsrapport voor de bewoner</source>
        <translation>printed on the matching report for the resident</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="268"/>
        <source>Je &amp;e-mailadres:</source>
        <translation>Your &amp;e-mail address:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="277"/>
        <source>Fout in je contactgegevens</source>
        <translation>Mistake in your contact details</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="280"/>
        <source>&amp;Taal:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="289"/>
        <source>&amp;Bewaartermijn:</source>
        <translation>&amp;Retention period:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="291"/>
        <source>Zoveel maanden na het afsluiten van het laatste idee worden naam en contactgegevens gewist</source>
        <translation>This many months after the last idea is closed, name and contact details are erased</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="294"/>
        <source> maanden na afsluiten</source>
        <translation> months after closing</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="309"/>
        <source>Wie de bewaartermijn voorbij is</source>
        <translation>Who is past the retention period</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="315"/>
        <source>Logo op de rapporten</source>
        <translation>Logo on the reports</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="317"/>
        <source>&amp;Logo kiezen…</source>
        <translation>Choose &amp;logo…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="319"/>
        <source>Logo &amp;weghalen</source>
        <translation>&amp;Remove logo</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="325"/>
        <source>Logo op rapporten:</source>
        <translation>Logo on reports:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="334"/>
        <source>Voorbeeld van de huiskleur</source>
        <translation>Sample of the house colour</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="335"/>
        <source>&amp;Kleur kiezen…</source>
        <translation>Choose &amp;colour…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="337"/>
        <source>Standaard&amp;kleur</source>
        <translation>&amp;Default colour</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="345"/>
        <source>&amp;Huiskleur:</source>
        <translation>&amp;House colour:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="347"/>
        <source>Huiskleur</source>
        <translation>House colour</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="349"/>
        <source>De kleur van het programma, zoals #0b5394; zo nodig donkerder, zodat tekst leesbaar blijft</source>
        <translation>The program&apos;s colour, such as #0b5394; darkened where needed so text stays readable</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="356"/>
        <source>Woordenlijsten</source>
        <translation>Word lists</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="365"/>
        <source>Wijken en buurten</source>
        <translation>Districts and neighbourhoods</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="368"/>
        <source>Een woord dat je uitzet, blijft staan bij ideeën en organisaties die het al hadden, maar wordt niet meer aangeboden voor nieuwe.</source>
        <translation>A word you retire stays on ideas and organisations that already have it, but is no longer offered for new ones.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="506"/>
        <source>&apos;%1&apos; is geen kleur; schrijf zes tekens na een #, zoals #0b5394.</source>
        <translation>&apos;%1&apos; is not a colour; write six characters after a #, such as #0b5394.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="375"/>
        <source>Woordenlijsten van de gemeente:</source>
        <translation>The municipality&apos;s word lists:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="408"/>
        <source>Niemand is de bewaartermijn voorbij.</source>
        <translation>Nobody is past the retention period.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../makelaar/ui/settings_view.py" line="413"/>
        <source>%n persoon/personen voorbij de bewaartermijn; bij de volgende start geanonimiseerd: %1</source>
        <translation>
            <numerusform>%n person past the retention period; anonymised at the next start: %1</numerusform>
            <numerusform>%n people past the retention period; anonymised at the next start: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="444"/>
        <source>De nieuwe taal geldt na het opnieuw starten van Makelaar.</source>
        <translation>The new language takes effect when Makelaar is restarted.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="452"/>
        <source>(geen logo)</source>
        <translation>(no logo)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="469"/>
        <source>%1 is geen afbeelding die Makelaar kan lezen (PNG of JPG).</source>
        <translation>%1 is not an image Makelaar can read (PNG or JPG).</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../makelaar/ui/startup.py" line="69"/>
        <source>Makelaar kan niet schrijven in de map van de database (%1): de schijf is vol of alleen-lezen. Er is niets veranderd; maak ruimte vrij of kies een andere plek.</source>
        <translation>Makelaar cannot write in the folder of the database (%1): the disk is full or read-only. Nothing was changed; free some space or choose another place.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/startup.py" line="79"/>
        <source>Makelaar is al geopend met deze database (%1). Gebruik dat venster, of sluit het eerst; twee programma&apos;s op één database kunnen elkaars werk overschrijven.</source>
        <translation>Makelaar is already open with this database (%1). Use that window, or close it first; two programs on one database can overwrite each other&apos;s work.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/startup.py" line="100"/>
        <source>De database %1 is beschadigd (%2) en er is geen goede back-up. Makelaar schrijft er niets in. Vraag de beheerder om hulp; het bestand is niet aangeraakt.</source>
        <translation>The database %1 is damaged (%2) and there is no good backup. Makelaar writes nothing to it. Ask your administrator for help; the file has not been touched.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/startup.py" line="111"/>
        <source>De database %1 is beschadigd (%2). De nieuwste goede back-up is %3. Die terugzetten? De beschadigde database wordt apart bewaard. Wat na die back-up is ingevoerd, moet opnieuw.</source>
        <translation>The database %1 is damaged (%2). The newest good backup is %3. Restore it? The damaged database is kept aside. Anything entered after that backup must be entered again.</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="49"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="50"/>
        <source>Past</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="51"/>
        <source>Helpt met</source>
        <translation>Helps with</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="52"/>
        <source>Waar</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="53"/>
        <source>Verder</source>
        <translation>Also</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="59"/>
        <source>Suggesties</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="72"/>
        <source>Waarom deze suggestie</source>
        <translation>Why this suggestion</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="75"/>
        <source>&amp;Koppelen…</source>
        <translation>&amp;Match…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="76"/>
        <source>De gekozen suggestie koppelen (Enter)</source>
        <translation>Match the chosen suggestion (Enter)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="79"/>
        <source>&amp;Afwijzen…</source>
        <translation>&amp;Decline…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="80"/>
        <source>Past niet: met een reden, zodat volgende suggesties ervan leren</source>
        <translation>Does not fit: give a reason, so later suggestions learn from it</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="83"/>
        <source>&amp;Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="117"/>
        <source>Sla het idee eerst op; dan zoekt Makelaar organisaties die kunnen helpen.</source>
        <translation>Save the idea first; then Makelaar looks for organisations that can help.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="125"/>
        <source>Dit idee is afgesloten (%1): Makelaar zoekt er geen partners meer voor.</source>
        <translation>This idea is closed (%1): Makelaar no longer looks for partners for it.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="138"/>
        <source>Suggesties zoeken…</source>
        <translation>Looking for suggestions…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="152"/>
        <source>Geen actieve organisaties gevonden die bij dit idee passen.</source>
        <translation>No active organisations found that fit this idea.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="154"/>
        <source>Dit idee heeft nog geen behoeften; vul ze in voor betere suggesties.</source>
        <translation>This idea has no needs yet; fill them in for better suggestions.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="157"/>
        <source>Samen dekken de bovenste suggesties alle behoeften van het idee.</source>
        <translation>Together the top suggestions cover all of the idea&apos;s needs.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="159"/>
        <source>Geen van de bovenste suggesties biedt wat het idee nodig heeft; kijk verder in de lijst.</source>
        <translation>None of the top suggestions offers what the idea needs; look further down the list.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="160"/>
        <source>Nog geen partner in de bovenste suggesties voor: %1.</source>
        <translation>No partner yet in the top suggestions for: %1.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="174"/>
        <source>Past: %1</source>
        <translation>Fit: %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="205"/>
        <source>Suggestie afwijzen</source>
        <translation>Decline suggestion</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/suggestions.py" line="206"/>
        <source>Waarom past %1 niet bij dit idee?</source>
        <translation>Why does %1 not fit this idea?</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../makelaar/ui/tasks.py" line="78"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TermList</name>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="77"/>
        <source>&amp;Toevoegen…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="78"/>
        <source>&amp;Hernoemen…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="79"/>
        <location filename="../../makelaar/ui/settings_view.py" line="128"/>
        <source>&amp;Uitzetten</source>
        <translation>Switch &amp;off</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="102"/>
        <source>niet meer in gebruik</source>
        <translation>no longer in use</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="128"/>
        <source>&amp;Weer gebruiken</source>
        <translation>&amp;Use again</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="142"/>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="142"/>
        <source>Nieuw woord voor %1:</source>
        <translation>New word for %1:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="154"/>
        <source>Hernoemen</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/settings_view.py" line="154"/>
        <source>Nieuwe naam:</source>
        <translation>New name:</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../makelaar/ui/timeline.py" line="43"/>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/timeline.py" line="44"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/timeline.py" line="45"/>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/timeline.py" line="46"/>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/timeline.py" line="53"/>
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/timeline.py" line="60"/>
        <source>Soort notitie</source>
        <translation>Type of note</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/timeline.py" line="64"/>
        <source>Tekst van de notitie</source>
        <translation>Text of the note</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/timeline.py" line="65"/>
        <source>Wat is er besproken of afgesproken?</source>
        <translation>What was discussed or agreed?</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/timeline.py" line="68"/>
        <source>&amp;Notitie toevoegen</source>
        <translation>Add &amp;note</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/timeline.py" line="71"/>
        <source>Notitie &amp;verwijderen</source>
        <translation>Dele&amp;te note</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/timeline.py" line="76"/>
        <source>Soort:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/timeline.py" line="131"/>
        <source>Notitie verwijderen</source>
        <translation>Delete note</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/timeline.py" line="131"/>
        <source>Deze notitie verwijderen?</source>
        <translation>Delete this note?</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="45"/>
        <source> weken</source>
        <translation> weeks</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="46"/>
        <source>Een idee is stil na zoveel weken zonder contact</source>
        <translation>An idea counts as quiet after this many weeks without contact</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="49"/>
        <source> dagen</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="50"/>
        <source>Een koppeling wacht op antwoord na zoveel dagen</source>
        <translation>A match counts as unanswered after this many days</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="52"/>
        <source>Stil na:</source>
        <translation>Quiet after:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="55"/>
        <source>Geen antwoord na:</source>
        <translation>No answer after:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="65"/>
        <location filename="../../makelaar/ui/today_view.py" line="166"/>
        <source>Opvolgen: vandaag en te laat</source>
        <translation>Follow up: today and overdue</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="66"/>
        <location filename="../../makelaar/ui/today_view.py" line="72"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="67"/>
        <source>Niets op te volgen vandaag. Een opvolgdatum zet je bij een koppeling.</source>
        <translation>Nothing to follow up today. You set a follow-up date on a match.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="71"/>
        <location filename="../../makelaar/ui/today_view.py" line="167"/>
        <source>Koppelingen zonder antwoord</source>
        <translation>Matches without an answer</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="73"/>
        <source>Elke benaderde organisatie heeft geantwoord.</source>
        <translation>Every organisation approached has answered.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="75"/>
        <location filename="../../makelaar/ui/today_view.py" line="168"/>
        <source>Stille ideeën</source>
        <translation>Quiet ideas</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="75"/>
        <source>Geen stille ideeën: overal is recent contact.</source>
        <translation>No quiet ideas: there has been recent contact everywhere.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="78"/>
        <location filename="../../makelaar/ui/today_view.py" line="169"/>
        <source>Nieuwe ideeën zonder koppeling</source>
        <translation>New ideas without a match</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="80"/>
        <source>Elk nieuw idee heeft een koppeling.</source>
        <translation>Every new idea has a match.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="85"/>
        <source>Idee</source>
        <translation>Idea</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="91"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="95"/>
        <source>te laat</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/today_view.py" line="183"/>
        <source>Vandaag, %1: %2 te laat, %3 om op te volgen</source>
        <translation>Today, %1: %2 overdue, %3 to follow up</translation>
    </message>
</context>
<context>
    <name>UndoImportDialog</name>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="615"/>
        <location filename="../../makelaar/ui/import_wizard.py" line="700"/>
        <source>Import ongedaan maken</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="618"/>
        <source>Ingelezen op</source>
        <translation>Imported on</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="620"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="621"/>
        <source>organisaties</source>
        <translation>organisations</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="621"/>
        <source>ideeën</source>
        <translation>ideas</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="623"/>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="624"/>
        <source>Toegevoegd</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="625"/>
        <source>Bijgewerkt</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="626"/>
        <source>Afgewezen</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="628"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="629"/>
        <source>ongedaan gemaakt</source>
        <translation>undone</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="636"/>
        <source>Recente imports</source>
        <translation>Recent imports</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="647"/>
        <source>Ongedaan maken verwijdert wat de import toevoegde en zet bijgewerkte gegevens terug. Wat na de import is gewijzigd of gekoppeld, blijft staan; dat zie je vooraf.</source>
        <translation>Undoing removes what the import added and restores updated data. What was changed or linked after the import stays; you see that beforehand.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="653"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="654"/>
        <source>&amp;Ongedaan maken…</source>
        <translation>&amp;Undo…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="655"/>
        <source>Gekozen import ongedaan maken</source>
        <translation>Undo the chosen import</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="694"/>
        <source>De import van %1 (%2) ongedaan maken?</source>
        <translation>Undo the import of %1 (%2)?</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="707"/>
        <source>Er is niets ongedaan gemaakt: een record van deze import staat nog open in een formulier. Sla het op of sluit het, en probeer het opnieuw.</source>
        <translation>Nothing was undone: a record from this import is still open in a form. Save or close it, and try again.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/import_wizard.py" line="717"/>
        <source>Import ongedaan maken…</source>
        <translation>Undoing the import…</translation>
    </message>
</context>
<context>
    <name>UnsavedPrompt</name>
    <message>
        <location filename="../../makelaar/ui/context.py" line="73"/>
        <source>Niet opgeslagen wijzigingen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/context.py" line="75"/>
        <source>%1 heeft wijzigingen die nog niet zijn opgeslagen. Wil je ze opslaan?</source>
        <translation>%1 has changes that have not been saved yet. Do you want to save them?</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/context.py" line="79"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/context.py" line="81"/>
        <source>Niet opslaan</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/context.py" line="83"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="41"/>
        <source>Welkom bij Makelaar</source>
        <translation>Welcome to Makelaar</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="45"/>
        <source>Met Makelaar houd je de ideeën van bewoners bij en koppel je ze aan organisaties die kunnen helpen. De database is nog leeg. Drie stappen om te beginnen:</source>
        <translation>With Makelaar you keep track of residents&apos; ideas and link them to organisations that can help. The database is still empty. Three steps to begin:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="53"/>
        <source>bijvoorbeeld Gemeente Lindewaard</source>
        <translation>for example Gemeente Lindewaard</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="55"/>
        <source>staat bij je notities en in het logboek</source>
        <translation>shown with your notes and in the log</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="60"/>
        <source>Naam van de &amp;gemeente:</source>
        <translation>Name of the &amp;municipality:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="61"/>
        <source>Je &amp;naam:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="62"/>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="74"/>
        <source>Sociale kaart &amp;importeren…</source>
        <translation>&amp;Import the social map…</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="78"/>
        <source>&amp;Voorbeeldgegevens laden</source>
        <translation>Load &amp;example data</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="80"/>
        <source>Eerste &amp;idee invoeren</source>
        <translation>Enter a first &amp;idea</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="82"/>
        <source>Nieuw idee (Ctrl+N)</source>
        <translation>New idea (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="100"/>
        <source>Wie ben je en voor welke gemeente werk je?</source>
        <translation>Who are you and which municipality do you work for?</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="101"/>
        <source>De naam van de gemeente staat boven elk rapport; jouw naam bij je notities.</source>
        <translation>The municipality&apos;s name heads every report; your name goes with your notes.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="108"/>
        <source>Breng de sociale kaart binnen</source>
        <translation>Bring in the social map</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="110"/>
        <source>Heb je een lijst met organisaties in Excel of als CSV? Makelaar leest hem in en laat eerst zien wat er gebeurt.</source>
        <translation>Do you have a list of organisations in Excel or as CSV? Makelaar reads it and first shows what will happen.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="119"/>
        <source>Of kijk eerst rond</source>
        <translation>Or look around first</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="121"/>
        <source>Voorbeeldgegevens van de verzonnen gemeente Lindewaard laten zien hoe alles werkt. Je kunt ook meteen een eerste idee invoeren.</source>
        <translation>Example data of the made-up municipality Lindewaard shows how everything works. You can also enter a first idea straight away.</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="145"/>
        <source>Stap %1: %2</source>
        <translation>Step %1: %2</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="149"/>
        <source>Stap %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <location filename="../../makelaar/ui/welcome.py" line="172"/>
        <source>Opgeslagen. Ga verder met stap 2 of 3.</source>
        <translation>Saved. Go on with step 2 or 3.</translation>
    </message>
</context>
</TS>
