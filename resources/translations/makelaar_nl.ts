<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="nl_NL">
<context>
    <name>IdeasView</name>
    <message numerus="yes">
        <location filename="../../makelaar/ui/list_views.py" line="358"/>
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
        <location filename="../../makelaar/ui/intake.py" line="302"/>
        <source>Al geregistreerd bij deze wijktafel: %n</source>
        <translation>
            <numerusform>Al geregistreerd bij deze wijktafel: %n</numerusform>
            <numerusform>Al geregistreerd bij deze wijktafel: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganisationsView</name>
    <message numerus="yes">
        <location filename="../../makelaar/ui/list_views.py" line="476"/>
        <source>%n organisatie(s)</source>
        <translation>
            <numerusform>%n organisatie</numerusform>
            <numerusform>%n organisaties</numerusform>
        </translation>
    </message>
</context>
</TS>
