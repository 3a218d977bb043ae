<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="nl_NL">
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <location filename="../../makelaar/ui/duplicates_dialog.py" line="188"/>
        <source>%n mogelijk(e) dubbel(en). Kies een paar; vergelijk de twee hieronder en kies per veld welke waarde blijft.</source>
        <translation>
            <numerusform>%n mogelijke dubbel. Kies een paar; vergelijk de twee hieronder en kies per veld welke waarde blijft.</numerusform>
            <numerusform>%n mogelijke dubbelen. Kies een paar; vergelijk de twee hieronder en kies per veld welke waarde blijft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdeasView</name>
    <message numerus="yes">
        <location filename="../../makelaar/ui/list_views.py" line="505"/>
        <source>%n idee(ën)</source>
        <translation>
            <numerusform>%n idee</numerusform>
            <numerusform>%n ideeën</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message numerus="yes">
        <location filename="../../makelaar/ui/intake.py" line="308"/>
        <source>Al geregistreerd bij deze wijktafel: %n</source>
        <translation>
            <numerusform>Al geregistreerd bij deze wijktafel: %n</numerusform>
            <numerusform>Al geregistreerd bij deze wijktafel: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../makelaar/ui/main_window.py" line="700"/>
        <source>%n persoon/personen geanonimiseerd: de bewaartermijn was voorbij.</source>
        <translation>
            <numerusform>%n persoon geanonimiseerd: de bewaartermijn was voorbij.</numerusform>
            <numerusform>%n personen geanonimiseerd: de bewaartermijn was voorbij.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatchAllDialog</name>
    <message numerus="yes">
        <location filename="../../makelaar/ui/match_all.py" line="58"/>
        <source>%n suggestie(s)</source>
        <translation>
            <numerusform>%n suggestie</numerusform>
            <numerusform>%n suggesties</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatchesView</name>
    <message numerus="yes">
        <location filename="../../makelaar/ui/matches_view.py" line="120"/>
        <source>%n koppeling(en)</source>
        <translation>
            <numerusform>%n koppeling</numerusform>
            <numerusform>%n koppelingen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganisationsView</name>
    <message numerus="yes">
        <location filename="../../makelaar/ui/list_views.py" line="636"/>
        <source>%n organisatie(s)</source>
        <translation>
            <numerusform>%n organisatie</numerusform>
            <numerusform>%n organisaties</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message numerus="yes">
        <location filename="../../makelaar/ui/report_preview.py" line="172"/>
        <source>%n pagina(&apos;s)</source>
        <translation>
            <numerusform>%n pagina</numerusform>
            <numerusform>%n pagina&apos;s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message numerus="yes">
        <location filename="../../makelaar/ui/settings_view.py" line="413"/>
        <source>%n persoon/personen voorbij de bewaartermijn; bij de volgende start geanonimiseerd: %1</source>
        <translation>
            <numerusform>%n persoon voorbij de bewaartermijn; bij de volgende start geanonimiseerd: %1</numerusform>
            <numerusform>%n personen voorbij de bewaartermijn; bij de volgende start geanonimiseerd: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
