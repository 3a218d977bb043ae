<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="nl_NL">
<context>
    <name>IdeasView</name>
    <message numerus="yes">
        <location filename="../../makelaar/ui/list_views.py" line="390"/>
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
        <location filename="../../makelaar/ui/intake.py" line="307"/>
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
        <location filename="../../makelaar/ui/main_window.py" line="373"/>
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
        <location filename="../../makelaar/ui/match_all.py" line="48"/>
        <source>%n suggestie(s)</source>
        <translation>
            <numerusform>%n suggestie</numerusform>
            <numerusform>%n suggesties</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganisationsView</name>
    <message numerus="yes">
        <location filename="../../makelaar/ui/list_views.py" line="509"/>
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
        <location filename="../../makelaar/ui/report_preview.py" line="139"/>
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
        <location filename="../../makelaar/ui/settings_view.py" line="374"/>
        <source>%n persoon/personen voorbij de bewaartermijn; bij de volgende start geanonimiseerd: %1</source>
        <translation>
            <numerusform>%n persoon voorbij de bewaartermijn; bij de volgende start geanonimiseerd: %1</numerusform>
            <numerusform>%n personen voorbij de bewaartermijn; bij de volgende start geanonimiseerd: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
