"""Example data: the fictional Gemeente Lindewaard, rich enough to show every screen and report.

Everything goes through the services, so the example data passes the same validation as what a broker types.
Dates are relative to today and the few random choices come from a fixed seed, so two runs on the same day give
the same store.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from makelaar.domain.enums import (
    ActivityKind,
    AreaKind,
    ConsentMethod,
    IdeaSource,
    IdeaStatus,
    MatchStatus,
    Vocabulary,
)
from makelaar.domain.errors import KnownError
from makelaar.domain.records import BrokerContact, ContactData, IdeaData, InitiatorData, OrganisationData, SessionData
from makelaar.domain.vocabulary import MUNICIPALITY_WIDE
from makelaar.services import activities, ideas, matches, organisations, sessions
from makelaar.services import vocabulary as vocab
from makelaar.storage.models import Idea, Match, Organisation

MUNICIPALITY = "Gemeente Lindewaard"
BROKER = BrokerContact(name="Sanne Bakker", phone="0513 48 27 90", email="s.bakker@lindewaard.example")

# (name, kind, parent). Villages stand on their own, buurten nest in their wijk.
AREAS: list[tuple[str, AreaKind, str | None]] = [
    ("Centrum", AreaKind.DISTRICT, None),
    ("Binnenstad", AreaKind.NEIGHBOURHOOD, "Centrum"),
    ("Stationskwartier", AreaKind.NEIGHBOURHOOD, "Centrum"),
    ("Oosterhoek", AreaKind.DISTRICT, None),
    ("Molenbuurt", AreaKind.NEIGHBOURHOOD, "Oosterhoek"),
    ("Bloemenbuurt", AreaKind.NEIGHBOURHOOD, "Oosterhoek"),
    ("Westerpark", AreaKind.DISTRICT, None),
    ("Parkzoom", AreaKind.NEIGHBOURHOOD, "Westerpark"),
    ("Schildersbuurt", AreaKind.NEIGHBOURHOOD, "Westerpark"),
    ("De Velden", AreaKind.DISTRICT, None),
    ("Korenveld", AreaKind.NEIGHBOURHOOD, "De Velden"),
    ("Vlasakker", AreaKind.NEIGHBOURHOOD, "De Velden"),
    ("Havenkwartier", AreaKind.DISTRICT, None),
    ("Kadebuurt", AreaKind.NEIGHBOURHOOD, "Havenkwartier"),
    ("Ellemeet", AreaKind.VILLAGE, None),
    ("Rietveen", AreaKind.VILLAGE, None),
]

ALL = MUNICIPALITY_WIDE
# Words in an organisation's name that say where it is, not what it is.
PLACE_WORDS = {"lindewaard", *(name.lower() for name, _kind, _parent in AREAS)}


@dataclass(frozen=True)
class _Org:
    name: str
    kind: str  # vocabulary key
    description: str
    offers: tuple[str, ...]
    themes: tuple[str, ...]
    areas: tuple[str, ...]
    contacts: tuple[tuple[str, str], ...] = ()  # (name, role)
    street: str = ""
    active: bool = True
    kvk: bool = True


ORGANISATIONS: list[_Org] = [
    _Org(
        "Stichting Welzijn Lindewaard",
        "stichting",
        "Welzijnsorganisatie met opbouwwerkers en sociaal werkers in elke wijk. Helpt bewoners hun plan uit te "
        "werken, een begroting te maken en de juiste mensen te vinden.",
        ("advies", "netwerk", "organisatie"),
        ("welzijn", "zorg", "jeugd"),
        (ALL,),
        (("Anouk Verbeek", "opbouwwerker"), ("Ruben Kramer", "sociaal werker")),
        "Kerkstraat 12",
    ),
    _Org(
        "Vrijwilligerscentrale Lindewaard",
        "stichting",
        "Zoekt en plaatst vrijwilligers, geeft trainingen en regelt een collectieve vrijwilligersverzekering voor "
        "bewonersgroepen.",
        ("vrijwilligers", "advies", "publiciteit"),
        ("welzijn",),
        (ALL,),
        (("Hanna Bos", "consulent vrijwilligerswerk"),),
        "Kerkstraat 12",
    ),
    _Org(
        "Buurthuis De Molen",
        "stichting",
        "Buurthuis in de Molenbuurt met een zaal voor 80 mensen, een keuken en een tuin. Bewonersinitiatieven "
        "mogen de ruimte vaak gratis gebruiken.",
        ("ruimte",),
        ("welzijn", "cultuur"),
        ("Oosterhoek",),
        (("Gerda Hofman", "beheerder"),),
        "Molenweg 4",
    ),
    _Org(
        "Wijkcentrum Het Anker",
        "stichting",
        "Wijkcentrum aan de kade met vergaderzalen, een open keuken en een werkplaats met gereedschap dat "
        "bewoners kunnen lenen.",
        ("ruimte", "materiaal"),
        ("welzijn",),
        ("Havenkwartier",),
        (("Youssef Amrani", "coördinator"),),
        "Havenkade 31",
    ),
    _Org(
        "Dorpshuis Ellemeet",
        "vereniging",
        "Dorpshuis met grote zaal en podium, beheerd door vrijwilligers; het hart van het verenigingsleven in "
        "Ellemeet.",
        ("ruimte", "netwerk"),
        ("welzijn", "cultuur"),
        ("Ellemeet",),
        (("Wim Roelofs", "voorzitter"),),
        "Dorpsstraat 1",
    ),
    _Org(
        "Dorpsraad Rietveen",
        "vereniging",
        "Vereniging van dorpsbewoners die meepraat over plannen voor Rietveen en bewoners helpt de weg naar de "
        "gemeente te vinden.",
        ("netwerk", "advies"),
        ("wonen", "openbare_ruimte"),
        ("Rietveen",),
        (("Trudy van Leeuwen", "secretaris"),),
        "Dijkweg 18",
    ),
    _Org(
        "Lindewaards Initiatievenfonds",
        "fonds",
        "Gemeentelijk fonds voor bewonersinitiatieven: bijdragen tot € 2.500, aanvragen met een kort formulier. "
        "Minstens drie bewoners moeten achter het plan staan.",
        ("geld",),
        ("welzijn", "cultuur", "openbare_ruimte"),
        (ALL,),
        (("Sandra Wijnen", "fondsadviseur"),),
        "Raadhuisplein 1",
    ),
    _Org(
        "Fonds Lindewaard Leeft",
        "fonds",
        "Particulier fonds van de vroegere spaarbank. Steunt sociale, culturele en sportieve projecten met "
        "bedragen tot € 10.000; aanvragen vóór 1 maart en 1 september.",
        ("geld",),
        ("cultuur", "sport", "jeugd", "welzijn"),
        (ALL,),
        (("Pieter Zwart", "secretaris"),),
        "Lindelaan 2",
    ),
    _Org(
        "Gemeente Lindewaard, team Openbare Ruimte",
        "gemeente",
        "Onderhoud van groen, straten en speelplekken. Maakt afspraken over zelfbeheer van groen en leent "
        "gereedschap uit voor opschoonacties.",
        ("vergunning", "materiaal", "advies"),
        ("openbare_ruimte", "duurzaamheid"),
        (ALL,),
        (("Marco de Ridder", "wijkbeheerder"),),
        "Raadhuisplein 1",
        kvk=False,
    ),
    _Org(
        "Gemeente Lindewaard, Evenementenloket",
        "gemeente",
        "Vergunningen en meldingen voor straatfeesten, markten en andere evenementen; denkt mee over veiligheid.",
        ("vergunning", "advies"),
        ("cultuur", "veiligheid"),
        (ALL,),
        (("Linda Kok", "vergunningverlener"),),
        "Raadhuisplein 1",
        kvk=False,
    ),
    _Org(
        "Gemeente Lindewaard, Sociaal Team",
        "gemeente",
        "Eén loket voor zorg, geldzorgen en werk. Verwijst door en sluit aan bij bewonersinitiatieven die "
        "mensen uit hun isolement halen.",
        ("advies", "netwerk"),
        ("zorg", "werk_en_inkomen", "welzijn"),
        (ALL,),
        (("Esther Meijer", "teamleider"),),
        "Raadhuisplein 1",
        kvk=False,
    ),
    _Org(
        "Buurtsportcoaches Lindewaard",
        "gemeente",
        "Buurtsportcoaches organiseren sport in de wijk, beweegprogramma's voor ouderen en lenen sportmateriaal uit.",
        ("advies", "materiaal", "organisatie"),
        ("sport", "gezondheid", "jeugd"),
        (ALL,),
        (("Dennis Vermeulen", "buurtsportcoach"),),
        "Sportlaan 3",
        kvk=False,
    ),
    _Org(
        "Woonstichting Lindewaard Wonen",
        "woningcorporatie",
        "Verhuurt woningen in Oosterhoek, het Havenkwartier en De Velden. Steunt huurdersinitiatieven met een "
        "leefbaarheidsbudget en stelt ontmoetingsruimtes beschikbaar.",
        ("geld", "ruimte", "advies"),
        ("wonen", "welzijn"),
        ("Oosterhoek", "Havenkwartier", "De Velden"),
        (("Karin Smits", "wijkconsulent"), ("Bas Huisman", "leefbaarheidsconsulent")),
        "Stationsweg 40",
    ),
    _Org(
        "Basisschool De Regenboog",
        "onderwijs",
        "Basisschool in Westerpark met een groot schoolplein, een aula en een actieve ouderraad.",
        ("ruimte", "netwerk"),
        ("onderwijs", "jeugd"),
        ("Westerpark",),
        (("Ingrid Schouten", "directeur"),),
        "Vermeerstraat 9",
    ),
    _Org(
        "Lindewaard College",
        "onderwijs",
        "School voor voortgezet onderwijs; leerlingen lopen hun maatschappelijke stage bij buurtinitiatieven.",
        ("vrijwilligers", "ruimte"),
        ("onderwijs", "jeugd"),
        (ALL,),
        (("Frank Peters", "stagecoördinator"),),
        "Collegeweg 5",
    ),
    _Org(
        "Protestantse Gemeente De Ark",
        "kerk",
        "Kerkgemeente in het centrum met een zaal en keuken; diaconie en vrijwilligers helpen bij maaltijden en "
        "ontmoeting.",
        ("ruimte", "vrijwilligers"),
        ("welzijn", "zorg"),
        ("Centrum",),
        (("Jan Hoogland", "diaken"),),
        "Kerkplein 2",
    ),
    _Org(
        "Parochie Sint-Martinus, Caritas",
        "kerk",
        "De Caritas van de parochie helpt mensen met weinig geld met kleine bijdragen en vrijwilligers.",
        ("geld", "vrijwilligers"),
        ("welzijn", "werk_en_inkomen"),
        (ALL,),
        (("Maria Janssen", "voorzitter Caritas"),),
        "Martinusstraat 7",
    ),
    _Org(
        "Moskee Ar-Rahma",
        "kerk",
        "Moskee en ontmoetingscentrum in het Havenkwartier; organiseert iftars voor de hele buurt en "
        "huiswerkbegeleiding.",
        ("ruimte", "netwerk", "vrijwilligers"),
        ("welzijn", "jeugd"),
        ("Havenkwartier",),
        (("Hassan Ouali", "bestuurslid"),),
        "Scheepmakersstraat 22",
    ),
    _Org(
        "Bakkerij Van Dam",
        "bedrijf",
        "Familiebakkerij in de Binnenstad die buurtactiviteiten sponsort met brood, gebak en soms een "
        "financiële bijdrage.",
        ("materiaal", "geld"),
        ("welzijn",),
        ("Centrum",),
        (("Joost van Dam", "eigenaar"),),
        "Marktplein 6",
    ),
    _Org(
        "Bouwcentrum Meijer",
        "bedrijf",
        "Bouwmarkt die bewonersprojecten korting geeft op hout, verf en tuinmateriaal en meedenkt over de bouw.",
        ("materiaal", "advies"),
        ("wonen", "duurzaamheid"),
        (ALL,),
        (("Erik Meijer", "bedrijfsleider"),),
        "Industrieweg 14",
    ),
    _Org(
        "Drukkerij Het Zetsel",
        "bedrijf",
        "Drukkerij die flyers en posters voor buurtinitiatieven tegen kostprijs drukt.",
        ("publiciteit", "materiaal"),
        ("cultuur",),
        (ALL,),
        (("Saskia Brink", "vormgever"),),
        "Industrieweg 3",
    ),
    _Org(
        "Lindewaard Actueel",
        "stichting",
        "Lokale omroep met radio, website en nieuwsbrief; maakt graag reportages over bewonersinitiatieven.",
        ("publiciteit",),
        ("cultuur",),
        (ALL,),
        (("Tim Dijkstra", "eindredacteur"),),
        "Havenkade 8",
    ),
    _Org(
        "Energiecoöperatie Lindewaard Zon",
        "cooperatie",
        "Coöperatie van bewoners die zonnedaken ontwikkelt, energiecoaches opleidt en helpt bij collectieve "
        "inkoop van isolatie.",
        ("advies", "netwerk"),
        ("duurzaamheid", "wonen"),
        (ALL,),
        (("Maarten Claassen", "energiecoach"),),
        "Zonneweg 1",
    ),
    _Org(
        "Repair Café Lindewaard",
        "informeel",
        "Elke laatste zaterdag van de maand repareren vrijwilligers samen met bezoekers lampen, fietsen, "
        "stofzuigers en kleding.",
        ("vrijwilligers", "advies", "materiaal"),
        ("duurzaamheid",),
        ("Centrum",),
        (("Gert Kamphuis", "aanspreekpunt"),),
        kvk=False,
    ),
    _Org(
        "Buurtpreventie Westerpark",
        "informeel",
        "Bewoners die samen wandelrondes lopen en een buurtapp beheren; helpen andere straten op weg.",
        ("vrijwilligers", "netwerk"),
        ("veiligheid",),
        ("Westerpark",),
        (("Sevda Kaya", "coördinator"),),
        kvk=False,
    ),
    _Org(
        "Bewonersgroep Groen Korenveld",
        "informeel",
        "Bewoners die het groen rond de flats zelf beheren, plantdagen houden en kennis hebben van inheemse "
        "beplanting.",
        ("vrijwilligers", "advies"),
        ("openbare_ruimte", "duurzaamheid"),
        ("De Velden",),
        (("Ria Evers", "aanspreekpunt"),),
        kvk=False,
    ),
    _Org(
        "Volkstuinvereniging De Groene Vingers",
        "vereniging",
        "Volkstuinpark met een gemeenschappelijke kas, tuinadvies en een schooltuin; leent gereedschap uit.",
        ("ruimte", "advies", "materiaal"),
        ("duurzaamheid", "gezondheid"),
        ("De Velden",),
        (("Henk Mulder", "tuinadviseur"),),
        "Tuinpad 2",
    ),
    _Org(
        "Voetbalvereniging LVV '31",
        "vereniging",
        "Voetbalclub met kunstgrasveld en kantine, open voor buurtactiviteiten buiten de trainingstijden.",
        ("ruimte", "vrijwilligers", "materiaal"),
        ("sport", "jeugd"),
        ("Westerpark",),
        (("Rob Timmer", "jeugdcoördinator"),),
        "Sportlaan 10",
    ),
    _Org(
        "Zorgcentrum De Linde",
        "zorgorganisatie",
        "Woonzorgcentrum met een restaurant en ontmoetingsruimte die ook buurtbewoners mogen gebruiken.",
        ("ruimte", "advies"),
        ("zorg", "welzijn"),
        ("Centrum",),
        (("Monique Claes", "activiteitenbegeleider"),),
        "Lindelaan 20",
    ),
    _Org(
        "Buurtzorgteam Oosterhoek",
        "zorgorganisatie",
        "Wijkverpleging die ziet wie eenzaam is en graag meedenkt over activiteiten voor ouderen.",
        ("advies", "netwerk"),
        ("zorg", "gezondheid"),
        ("Oosterhoek",),
        (("Nicole Wouters", "wijkverpleegkundige"),),
        kvk=False,
    ),
    _Org(
        "Bibliotheek Lindewaard",
        "stichting",
        "Bibliotheek met Taalhuis, Digitaal Hulpplein, voorleesprojecten en ruimtes voor groepen.",
        ("ruimte", "advies"),
        ("onderwijs", "cultuur"),
        (ALL,),
        (("Eva Prins", "coördinator Taalhuis"),),
        "Marktplein 1",
    ),
    _Org(
        "Harmonie Eendracht Ellemeet",
        "vereniging",
        "Muziekvereniging die speelt bij dorpsfeesten en kinderen laat kennismaken met een instrument.",
        ("advies", "vrijwilligers", "materiaal"),
        ("cultuur",),
        ("Ellemeet",),
        (("Jolanda Vos", "secretaris"),),
        "Dorpsstraat 20",
    ),
    _Org(
        "Politie, wijkagent Havenkwartier",
        "overheid",
        "De wijkagent denkt mee over veiligheid in de buurt, verkeer rond scholen en buurtpreventie.",
        ("advies",),
        ("veiligheid",),
        ("Havenkwartier",),
        (("Kevin de Jong", "wijkagent"),),
        kvk=False,
    ),
    _Org(
        "Voedselbank Lindewaard",
        "stichting",
        "Verdeelt wekelijks voedselpakketten en werkt samen met moestuinen en winkels die overschotten doneren.",
        ("vrijwilligers", "materiaal", "netwerk"),
        ("werk_en_inkomen", "zorg"),
        (ALL,),
        (("Ton Verhoeven", "coördinator"),),
        "Industrieweg 21",
    ),
    _Org(
        "Jongerenwerk JOU Lindewaard",
        "stichting",
        "Jongerenwerkers die jongeren helpen hun eigen plannen uit te voeren; beheren jongerenruimtes in de wijken.",
        ("ruimte", "advies", "netwerk"),
        ("jeugd",),
        (ALL,),
        (("Samira Bakkali", "jongerenwerker"),),
        "Stationsweg 12",
    ),
    _Org(
        "Ondernemersvereniging Centrum Lindewaard",
        "vereniging",
        "Winkeliers en horeca in het centrum; sponsoren buurtfeesten en helpen met publiciteit.",
        ("geld", "netwerk", "publiciteit"),
        ("werk_en_inkomen", "cultuur"),
        ("Centrum",),
        (("Patrick Hendriks", "voorzitter"),),
        "Marktplein 10",
    ),
    _Org(
        "Stichting Buurtbus Rietveen",
        "stichting",
        "Reed tot 2025 met vrijwillige chauffeurs tussen Rietveen en het centrum; de dienst ligt stil.",
        ("vrijwilligers", "netwerk"),
        ("welzijn",),
        ("Rietveen",),
        (("Albert Boer", "oud-voorzitter"),),
        "Dijkweg 3",
        active=False,
    ),
    _Org(
        "Speeltuinvereniging De Klimboom",
        "vereniging",
        "Beheerde de speeltuin in de Molenbuurt; de vereniging is opgeheven en de speeltuin is nu van de gemeente.",
        ("ruimte",),
        ("jeugd",),
        ("Oosterhoek",),
        active=False,
    ),
]

SESSIONS: list[tuple[str, int, str, str, str]] = [
    # (title, days ago, place, area, notes)
    (
        "Wijktafel Oosterhoek",
        80,
        "Buurthuis De Molen",
        "Oosterhoek",
        "Ruim dertig bewoners. Veel belangstelling voor groen in de straat en voor ontmoeting van ouderen.",
    ),
    (
        "Wijktafel Havenkwartier",
        52,
        "Wijkcentrum Het Anker",
        "Havenkwartier",
        "Goede opkomst van huurders uit de Kadeflat; afgesproken dat de woonstichting bij de volgende tafel "
        "aanschuift.",
    ),
    (
        "Dorpstafel Ellemeet",
        24,
        "Dorpshuis Ellemeet",
        "Ellemeet",
        "Avond samen met de dorpsraad. Veiligheid en voorzieningen voor ouderen waren de grote onderwerpen.",
    ),
    (
        "Wijktafel Westerpark",
        9,
        "Basisschool De Regenboog, aula",
        "Westerpark",
        "Eerste wijktafel in Westerpark; veel jonge ouders.",
    ),
]


@dataclass(frozen=True)
class _Idea:
    title: str
    description: str
    area: str
    themes: tuple[str, ...]
    needs: tuple[str, ...]
    team: int
    status: IdeaStatus
    source: IdeaSource
    when: int  # a session index (source wijktafel) or the number of days ago it came in
    amount: int | None = None
    people: str = "full"  # full: contact and sharing; contact: contact only; name: a name only; none: anonymous


S, W, P, E, SITE, OTHER = (
    IdeaSource.SESSION,
    IdeaSource.WALK_IN,
    IdeaSource.PHONE,
    IdeaSource.EMAIL,
    IdeaSource.WEBSITE,
    IdeaSource.OTHER,
)
ST = IdeaStatus

IDEAS: list[_Idea] = [
    _Idea(
        "Samen koken in de Molenbuurt",
        "Eens per maand koken buren samen een maaltijd voor ouderen die alleen wonen. We zoeken een keuken en "
        "mensen die willen helpen koken en rijden.",
        "Molenbuurt",
        ("welzijn", "zorg"),
        ("ruimte", "vrijwilligers"),
        4,
        ST.MATCHED,
        S,
        0,
    ),
    _Idea(
        "Geveltuinen in de Bloemenbuurt",
        "Bewoners willen tegels uit de stoep halen voor geveltuintjes met klimplanten. Ze hebben toestemming nodig "
        "en zoeken plantgoed.",
        "Bloemenbuurt",
        ("openbare_ruimte", "duurzaamheid"),
        ("vergunning", "materiaal"),
        7,
        ST.IN_PROGRESS,
        S,
        0,
        400,
    ),
    _Idea(
        "Jeu-de-boulesbaan bij het Molenpark",
        "Ouderen willen een jeu-de-boulesbaan en twee bankjes in het park om elkaar te ontmoeten en te bewegen.",
        "Oosterhoek",
        ("sport", "openbare_ruimte", "welzijn"),
        ("vergunning", "geld"),
        3,
        ST.EXPLORING,
        S,
        0,
        3500,
        "contact",
    ),
    _Idea(
        "Speelstraat op woensdagmiddag",
        "Elke woensdagmiddag de Tulpstraat afsluiten zodat kinderen op straat kunnen spelen; ouders houden toezicht.",
        "Bloemenbuurt",
        ("jeugd", "veiligheid"),
        ("vergunning", "vrijwilligers"),
        5,
        ST.REALISED,
        S,
        0,
    ),
    _Idea(
        "Taalcafé in het buurthuis",
        "Nieuwkomers en buren praten elke week een uur Nederlands met elkaar bij een kop koffie.",
        "Oosterhoek",
        ("onderwijs", "welzijn"),
        ("ruimte", "vrijwilligers"),
        3,
        ST.IN_PROGRESS,
        S,
        0,
        None,
        "contact",
    ),
    _Idea(
        "Buurtbieb in een oude koelkast",
        "Een ruilkast voor boeken bij de bushalte aan de Molenweg, gemaakt van een oude koelkast.",
        "Molenbuurt",
        ("cultuur",),
        ("materiaal", "vergunning"),
        2,
        ST.INDEPENDENT,
        S,
        0,
        150,
        "name",
    ),
    _Idea(
        "Huurders organiseren zich in de Kadeflat",
        "Huurders willen een bewonerscommissie oprichten en een eigen ontmoetingsruimte in de plint van de flat.",
        "Kadebuurt",
        ("wonen", "welzijn"),
        ("ruimte", "advies", "organisatie"),
        6,
        ST.MATCHED,
        S,
        1,
    ),
    _Idea(
        "Schoonmaakactie langs de haven",
        "Elke eerste zaterdag van de maand zwerfafval opruimen langs de kade, met grijpers en vuilniszakken van de "
        "gemeente.",
        "Havenkwartier",
        ("openbare_ruimte", "duurzaamheid"),
        ("materiaal", "vrijwilligers"),
        8,
        ST.IN_PROGRESS,
        S,
        1,
        None,
        "contact",
    ),
    _Idea(
        "Huiswerkklas voor kinderen uit de wijk",
        "Studenten en gepensioneerde leraren helpen kinderen van groep 7 en 8 twee middagen per week met huiswerk.",
        "Havenkwartier",
        ("onderwijs", "jeugd"),
        ("ruimte", "vrijwilligers"),
        4,
        ST.MATCHED,
        S,
        1,
    ),
    _Idea(
        "Multiculturele buurtmaaltijd",
        "Een jaarlijkse maaltijd waar buren gerechten uit hun land van herkomst meebrengen.",
        "Havenkwartier",
        ("cultuur", "welzijn"),
        ("ruimte", "geld", "publiciteit"),
        5,
        ST.REALISED,
        S,
        1,
        800,
    ),
    _Idea(
        "Veilig oversteken bij de Havenschool",
        "Ouders willen een zebrapad en klaar-overs bij de school; nu rijden auto's er te hard.",
        "Havenkwartier",
        ("veiligheid", "jeugd"),
        ("vergunning", "advies"),
        4,
        ST.REFERRED,
        S,
        1,
        None,
        "contact",
    ),
    _Idea(
        "Moestuin op het braakliggende terrein",
        "Het lege terrein aan de Scheepmakersstraat tijdelijk gebruiken als buurtmoestuin.",
        "Kadebuurt",
        ("duurzaamheid", "openbare_ruimte", "gezondheid"),
        ("vergunning", "materiaal", "advies"),
        6,
        ST.NEW,
        S,
        1,
        None,
        "name",
    ),
    _Idea(
        "Klik-en-tik voor senioren in het dorp",
        "Ouderen in Ellemeet willen leren omgaan met de tablet, DigiD en de bankapp.",
        "Ellemeet",
        ("onderwijs", "welzijn"),
        ("advies", "ruimte", "vrijwilligers"),
        2,
        ST.MATCHED,
        S,
        2,
    ),
    _Idea(
        "Bewegen voor ouderen in het dorpshuis",
        "Stoelyoga en wandelen voor ouderen, één ochtend per week.",
        "Ellemeet",
        ("sport", "gezondheid"),
        ("advies", "ruimte"),
        3,
        ST.EXPLORING,
        S,
        2,
        None,
        "contact",
    ),
    _Idea(
        "AED voor Ellemeet",
        "Het dorp heeft geen AED. Bewoners willen er een aan de gevel van het dorpshuis en een groep buren die "
        "leert reanimeren.",
        "Ellemeet",
        ("veiligheid", "gezondheid"),
        ("geld", "organisatie"),
        4,
        ST.IN_PROGRESS,
        S,
        2,
        1800,
    ),
    _Idea(
        "Dorpsfeest 750 jaar Ellemeet",
        "Een feestweekend met een optocht, muziek en een tentoonstelling over de geschiedenis van het dorp.",
        "Ellemeet",
        ("cultuur",),
        ("geld", "vergunning", "publiciteit", "vrijwilligers"),
        9,
        ST.NEW,
        S,
        2,
        6000,
    ),
    _Idea(
        "Jongerenhonk in Ellemeet",
        "Jongeren willen een eigen plek in het dorp om af te spreken en te gamen.",
        "Ellemeet",
        ("jeugd",),
        ("ruimte", "advies"),
        5,
        ST.NEW,
        S,
        2,
        None,
        "name",
    ),
    _Idea(
        "Zonnepanelen op de school",
        "Ouders willen zonnepanelen op het dak van De Regenboog, gefinancierd door buurtbewoners.",
        "Westerpark",
        ("duurzaamheid", "onderwijs"),
        ("advies", "netwerk", "geld"),
        5,
        ST.NEW,
        S,
        3,
    ),
    _Idea(
        "Buurtpreventie met een appgroep",
        "Bewoners van de Schildersbuurt willen een buurtpreventieteam met wandelrondes en een buurtapp.",
        "Schildersbuurt",
        ("veiligheid",),
        ("advies", "netwerk"),
        6,
        ST.EXPLORING,
        S,
        3,
        None,
        "contact",
    ),
    _Idea(
        "Schoolplein open na schooltijd",
        "Het schoolplein van De Regenboog na schooltijd openstellen als speelplek, met ouders als toezicht.",
        "Westerpark",
        ("jeugd", "openbare_ruimte"),
        ("ruimte", "vrijwilligers"),
        4,
        ST.NEW,
        S,
        3,
        None,
        "contact",
    ),
    _Idea(
        "Hardloopgroep voor beginners",
        "Een gratis hardloopgroep voor buurtbewoners die nooit sporten, met de start bij het park.",
        "Parkzoom",
        ("sport", "gezondheid"),
        ("advies", "publiciteit"),
        2,
        ST.NEW,
        S,
        3,
        None,
        "name",
    ),
    _Idea(
        "Bloembakken aan de Rembrandtlaan",
        "Grote bloembakken om de brede straat groener en de auto's langzamer te maken.",
        "Schildersbuurt",
        ("openbare_ruimte", "veiligheid"),
        ("vergunning", "materiaal", "geld"),
        5,
        ST.EXPLORING,
        S,
        3,
        1200,
    ),
    _Idea(
        "Reparatiecafé in De Velden",
        "Net als in het centrum wil een groep bewoners ook in De Velden apparaten en kleding repareren.",
        "De Velden",
        ("duurzaamheid",),
        ("ruimte", "vrijwilligers", "advies"),
        3,
        ST.MATCHED,
        W,
        120,
        None,
        "contact",
    ),
    _Idea(
        "Hulp bij de administratie",
        "Een avond per week waar mensen met stapels post geholpen worden hun rekeningen te ordenen.",
        "Centrum",
        ("werk_en_inkomen",),
        ("advies", "vrijwilligers", "ruimte"),
        3,
        ST.IN_PROGRESS,
        P,
        150,
    ),
    _Idea(
        "Voetbalclinic voor meiden",
        "De voetbalclub en moeders uit de wijk willen gratis clinics voor meiden die nog nooit gevoetbald hebben.",
        "Westerpark",
        ("sport", "jeugd"),
        ("ruimte", "materiaal"),
        3,
        ST.REALISED,
        E,
        240,
        250,
    ),
    _Idea(
        "Jongeren maken een film over hun wijk",
        "Jongeren willen een korte film over het Havenkwartier maken en die vertonen op een buurtavond.",
        "Havenkwartier",
        ("cultuur", "jeugd"),
        ("advies", "publiciteit", "ruimte", "materiaal"),
        4,
        ST.IN_PROGRESS,
        SITE,
        95,
        900,
        "contact",
    ),
    _Idea(
        "Klussendag bij buren met weinig geld",
        "Een dag waarop vrijwilligers schilderen en tuinen opknappen bij buren die dat zelf niet kunnen betalen.",
        "De Velden",
        ("wonen", "welzijn"),
        ("vrijwilligers", "materiaal"),
        5,
        ST.MATCHED,
        W,
        60,
        500,
    ),
    _Idea(
        "Insectenhotel in het Westerpark",
        "Een groot insectenhotel bouwen met kinderen uit de buurt, met uitleg over bijen en vlinders.",
        "Parkzoom",
        ("duurzaamheid", "jeugd"),
        ("materiaal", "advies", "vergunning"),
        4,
        ST.REALISED,
        E,
        300,
        350,
        "contact",
    ),
    _Idea(
        "Buurtfeest op het Marktplein",
        "Een buurtfeest met live muziek en kraampjes van bewoners.",
        "Binnenstad",
        ("cultuur", "welzijn"),
        ("vergunning", "geld", "publiciteit"),
        6,
        ST.REALISED,
        P,
        270,
        2000,
    ),
    _Idea(
        "Maatjes voor jonge mantelzorgers",
        "Jongeren die thuis zorgen voor een ziek familielid willen af en toe iets leuks doen met een maatje.",
        ALL,
        ("zorg", "jeugd"),
        ("vrijwilligers", "netwerk"),
        2,
        ST.MATCHED,
        E,
        40,
    ),
    _Idea(
        "Wandelroute langs de oude dijk",
        "Een bewegwijzerde wandelroute met bordjes over de geschiedenis van Rietveen.",
        "Rietveen",
        ("cultuur", "openbare_ruimte", "gezondheid"),
        ("vergunning", "geld", "advies"),
        3,
        ST.EXPLORING,
        SITE,
        70,
        1500,
        "contact",
    ),
    _Idea(
        "Buurtbus voor Rietveen terug",
        "Sinds de buurtbus stopte kunnen ouderen zonder auto niet meer naar de supermarkt. Bewoners willen een "
        "vrijwillige rijdienst.",
        "Rietveen",
        ("zorg", "welzijn"),
        ("vrijwilligers", "organisatie", "geld"),
        4,
        ST.IN_PROGRESS,
        P,
        110,
        3000,
    ),
    _Idea(
        "Tiny forest bij het Korenveld",
        "Een klein, dicht bos van inheemse bomen op het grasveld achter de flat, samen met de school geplant.",
        "Korenveld",
        ("duurzaamheid", "openbare_ruimte", "onderwijs"),
        ("vergunning", "vrijwilligers", "advies"),
        8,
        ST.INDEPENDENT,
        E,
        330,
        None,
        "contact",
    ),
    _Idea(
        "Ontmoetingsbankjes in de Vlasakker",
        "Bankjes op plekken waar ouderen op weg naar de winkels even kunnen uitrusten en een praatje maken.",
        "Vlasakker",
        ("welzijn", "openbare_ruimte"),
        ("vergunning", "geld"),
        2,
        ST.NO_CONTACT,
        W,
        280,
        900,
        "name",
    ),
    _Idea(
        "Kledingruil in de bibliotheek",
        "Vier keer per jaar een kledingruilbeurs voor volwassenen en kinderen.",
        "Centrum",
        ("duurzaamheid", "werk_en_inkomen"),
        ("ruimte", "publiciteit"),
        3,
        ST.INDEPENDENT,
        SITE,
        210,
        None,
        "contact",
    ),
    _Idea(
        "Muziekles voor kinderen in de wijk",
        "Kinderen uit gezinnen met weinig geld gratis laten kennismaken met een muziekinstrument.",
        "Oosterhoek",
        ("cultuur", "jeugd"),
        ("geld", "advies", "materiaal"),
        3,
        ST.MATCHED,
        E,
        35,
        2400,
    ),
    _Idea(
        "Energiecoaches in de Bloemenbuurt",
        "Bewoners willen buren helpen hun energierekening omlaag te krijgen met kleine maatregelen.",
        "Bloemenbuurt",
        ("duurzaamheid", "wonen", "werk_en_inkomen"),
        ("advies", "publiciteit"),
        4,
        ST.IN_PROGRESS,
        W,
        85,
    ),
    _Idea(
        "Skatebaan in De Velden",
        "Jongeren willen een kleine skatebaan op het grasveld bij de sporthal.",
        "De Velden",
        ("sport", "jeugd", "openbare_ruimte"),
        ("vergunning", "geld", "advies"),
        6,
        ST.REFERRED,
        SITE,
        190,
        25000,
        "contact",
    ),
    _Idea(
        "Eetclub voor alleenstaande vaders",
        "Vaders die er alleen voor staan koken om de beurt voor elkaar en hun kinderen.",
        "Havenkwartier",
        ("welzijn",),
        ("ruimte",),
        3,
        ST.STOPPED,
        P,
        260,
        None,
        "name",
    ),
    _Idea(
        "Buurtkrant Oosterhoek",
        "Een buurtkrant die vier keer per jaar huis aan huis wordt bezorgd, gemaakt door bewoners.",
        "Oosterhoek",
        ("cultuur", "welzijn"),
        ("publiciteit", "geld", "vrijwilligers"),
        4,
        ST.STOPPED,
        E,
        230,
        1400,
        "contact",
    ),
    _Idea(
        "Kerstmarkt in Rietveen",
        "Een kleine kerstmarkt met kraampjes van dorpsbewoners en muziek van de harmonie.",
        "Rietveen",
        ("cultuur", "welzijn"),
        ("vergunning", "publiciteit"),
        5,
        ST.NO_CONTACT,
        P,
        310,
        None,
        "none",
    ),
    _Idea(
        "Digitaal spreekuur voor ouderen in het centrum",
        "Hulp bij de smartphone, DigiD en online bankieren, elke dinsdagochtend.",
        "Centrum",
        ("onderwijs", "welzijn"),
        ("vrijwilligers", "ruimte"),
        3,
        ST.MATCHED,
        W,
        25,
    ),
    _Idea(
        "Wijkmoestuin achter de kerk",
        "Een moestuin op het stuk grond achter de kerk, voor en door buurtbewoners; een deel van de oogst gaat naar "
        "de voedselbank.",
        "Binnenstad",
        ("duurzaamheid", "gezondheid", "werk_en_inkomen"),
        ("ruimte", "advies", "materiaal"),
        5,
        ST.NEW,
        W,
        6,
    ),
    _Idea(
        "Rookvrij speelveld",
        "Ouders willen het speelveld in het Stationskwartier rookvrij maken met bordjes en afspraken.",
        "Stationskwartier",
        ("gezondheid", "jeugd"),
        ("materiaal", "publiciteit"),
        2,
        ST.NEW,
        E,
        4,
        None,
        "contact",
    ),
    _Idea(
        "Opruimen na de jaarwisseling",
        "Op 1 januari samen de straten in het centrum schoonmaken, met koffie en oliebollen na afloop.",
        "Centrum",
        ("openbare_ruimte", "veiligheid"),
        ("materiaal", "vrijwilligers"),
        3,
        ST.NEW,
        SITE,
        14,
        None,
        "none",
    ),
    _Idea(
        "Ouderensoos in Het Anker",
        "Een wekelijkse middag met spelletjes, koffie en af en toe een lezing voor ouderen uit de wijk.",
        "Havenkwartier",
        ("welzijn", "zorg"),
        ("ruimte", "vrijwilligers"),
        3,
        ST.EXPLORING,
        P,
        18,
        None,
        "contact",
    ),
    _Idea(
        "Lichtjesroute in december",
        "Bewoners versieren hun huizen en tuinen; een wandelroute leidt langs de mooiste lichtjes.",
        "Westerpark",
        ("cultuur", "welzijn"),
        ("publiciteit", "vrijwilligers"),
        4,
        ST.NEW,
        OTHER,
        3,
        None,
        "name",
    ),
    _Idea(
        "Pannakooi bij het Havenpleintje",
        "Een omheind voetbalveldje voor jongeren; nu spelen ze tussen de geparkeerde auto's.",
        "Havenkwartier",
        ("sport", "jeugd", "veiligheid"),
        ("vergunning", "geld", "ruimte"),
        7,
        ST.EXPLORING,
        E,
        48,
        30000,
    ),
    _Idea(
        "Samen naar de sportschool",
        "Buurtgenoten die weinig bewegen willen samen sporten en elkaar motiveren.",
        "De Velden",
        ("gezondheid", "sport"),
        ("advies", "netwerk"),
        2,
        ST.EXPLORING,
        W,
        30,
        None,
        "contact",
    ),
    _Idea(
        "Waterpunt op het Marktplein",
        "Een gratis drinkwaterkraan op het Marktplein voor wandelaars en spelende kinderen.",
        "Binnenstad",
        ("gezondheid", "openbare_ruimte"),
        ("vergunning", "geld"),
        2,
        ST.NEW,
        SITE,
        2,
        4000,
        "none",
    ),
    _Idea(
        "Historische fotoavond in Ellemeet",
        "Oude foto's van het dorp verzamelen, laten zien op een avond en bewaren in een digitaal archief.",
        "Ellemeet",
        ("cultuur",),
        ("ruimte", "publiciteit", "advies"),
        3,
        ST.EXPLORING,
        P,
        75,
        None,
        "contact",
    ),
]

FIRST_NAMES = [
    "Fatima", "Henk", "Sanne", "Mohamed", "Ingrid", "Kees", "Lotte", "Priya", "Jeroen", "Marieke", "Ahmet", "Els",
    "Tom", "Noor", "Bram", "Joke", "Dewi", "Rik", "Yara", "Gerrit", "Anna", "Sem", "Ilse", "Hanneke", "Karim",
    "Wilma", "Daan", "Meryem", "Lars", "Truus",
]  # fmt: skip
LAST_NAMES = [
    "el Amrani", "Jansen", "de Boer", "Bouzid", "Smit", "van Dijk", "Bakker", "Ramdin", "Visser", "Mulder",
    "Yilmaz", "de Groot", "Hendriks", "Kuipers", "Willems", "van der Linden", "Pattinama", "Hoekstra", "Mahabier",
    "Postma", "Koster", "de Wit", "Brouwer", "Dekker", "Haddou", "Vos", "Schipper", "Aydin", "Bosman",
]  # fmt: skip

# What happened to a koppeling, by the idea's status: the cycle of match statuses the ideas of that status get.
MATCH_PLAN: dict[IdeaStatus, list[MatchStatus]] = {
    IdeaStatus.MATCHED: [MatchStatus.PROPOSED, MatchStatus.APPROACHED, MatchStatus.DECLINED, MatchStatus.APPROACHED],
    IdeaStatus.IN_PROGRESS: [MatchStatus.COMMITTED, MatchStatus.APPROACHED, MatchStatus.COMMITTED, MatchStatus.DONE],
    IdeaStatus.REALISED: [MatchStatus.DONE],
    IdeaStatus.INDEPENDENT: [MatchStatus.DONE, MatchStatus.COMMITTED],
    IdeaStatus.REFERRED: [MatchStatus.DECLINED],
}
STEPS: dict[MatchStatus, list[MatchStatus]] = {
    MatchStatus.PROPOSED: [],
    MatchStatus.APPROACHED: [MatchStatus.APPROACHED],
    MatchStatus.COMMITTED: [MatchStatus.APPROACHED, MatchStatus.COMMITTED],
    MatchStatus.DECLINED: [MatchStatus.APPROACHED, MatchStatus.DECLINED],
    MatchStatus.DONE: [MatchStatus.APPROACHED, MatchStatus.COMMITTED, MatchStatus.DONE],
}
# Follow-up dates around today: a few overdue, some today, most in the coming weeks.
FOLLOW_UP_DAYS = [-6, 2, 0, 7, -2, 14, 3, -10, 0, 5, 21, 1, -1, 10]
MATCH_NOTES: dict[MatchStatus, list[str]] = {
    MatchStatus.PROPOSED: ["Nog bellen; eerst het plan op papier laten zetten.", ""],
    MatchStatus.APPROACHED: [
        "Mail gestuurd met de vraag; antwoord na hun overleg van volgende week.",
        "Gebeld, teruggebeld worden na de vakantie.",
    ],
    MatchStatus.COMMITTED: [
        "Toegezegd; afspraak over de eerste keer staat.",
        "Helpt mee, wil wel een verslag achteraf.",
    ],
    MatchStatus.DECLINED: [
        "Past niet in hun planning dit jaar; volgend voorjaar opnieuw vragen.",
        "Valt buiten hun regels; doorverwezen.",
    ],
    MatchStatus.DONE: ["Afgerond; bewoners waren tevreden.", "Klaar; bedankje gestuurd."],
}
IDEA_NOTES: list[tuple[ActivityKind, str]] = [
    (ActivityKind.CALL, "Gebeld met de initiatiefnemer over de planning; eerst een kleine proef in de straat."),
    (ActivityKind.VISIT, "Samen de plek bekeken; er is genoeg ruimte en de buren zijn enthousiast."),
    (ActivityKind.EMAIL, "Voorbeeldbegroting en het aanvraagformulier van het initiatievenfonds gemaild."),
    (ActivityKind.MEETING, "Overleg met de wijkbeheerder: kan, mits de stoep minstens 1,20 meter vrij blijft."),
    (ActivityKind.NOTE, "Initiatiefnemer wil eerst meer buren vinden voordat we partners benaderen."),
]
ORGANISATION_NOTES: list[tuple[ActivityKind, str]] = [
    (ActivityKind.VISIT, "Kennismaking; ze willen graag vaker bij bewonersinitiatieven betrokken worden."),
    (ActivityKind.MEETING, "Jaargesprek: afgesproken dat nieuwe initiatieven via de makelaar binnenkomen."),
    (ActivityKind.CALL, "Nieuwe contactpersoon doorgegeven; gegevens bijgewerkt."),
]


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = "".join(ch if ch.isalnum() else " " for ch in plain).split()
    return "-".join(w for w in words if w not in {"stichting", "gemeente", "lindewaard"})[:40] or "lindewaard"


class _Filler:
    def __init__(self, s: Session) -> None:
        self.s = s
        self.rng = random.Random(2026)
        self.today = date.today()
        self.areas: dict[str, str] = {}
        self.terms: dict[tuple[Vocabulary, str], str] = {}
        self.activity_count = 0

    def term(self, vocabulary: Vocabulary, key: str) -> str:
        """A default term by its stable key, so a municipality that renamed it still gets its own name."""
        if (vocabulary, key) not in self.terms:
            found = vocab.find_term(self.s, vocabulary, key) or vocab.add_term(self.s, vocabulary, key)
            self.terms[(vocabulary, key)] = found.id
        return self.terms[(vocabulary, key)]

    def mobile(self) -> str:
        return f"06 {self.rng.randint(10_000_000, 59_999_999)}"  # 06-7x, 06-9x are not in use

    def landline(self) -> str:
        return f"0344 {self.rng.randint(200, 799)} {self.rng.randint(100, 999)}"

    def postcode(self) -> str:
        letters = self.rng.choice(["AB", "BC", "CD", "EK", "GH", "JL", "KM", "LP", "NR", "PT", "RV", "TW", "VX"])
        return f"40{self.rng.randint(10, 49)} {letters}"

    def fill_areas(self) -> None:
        self.areas[MUNICIPALITY_WIDE] = vocab.municipality_area(self.s).id
        for name, kind, parent in AREAS:
            existing = vocab.find_area(self.s, name)
            parent_id = self.areas[parent] if parent else None
            self.areas[name] = (existing or vocab.add_area(self.s, name, kind, parent_id)).id

    def fill_organisations(self) -> dict[str, OrganisationData]:
        saved: dict[str, OrganisationData] = {}
        for org in ORGANISATIONS:
            domain = f"{_slug(org.name)}.example"
            contacts = []
            for name, role in org.contacts:
                first, *rest = name.split()
                local = f"{first[0]}.{_slug(''.join(rest))}".lower()
                contacts.append(ContactData(name=name, role=role, email=f"{local}@{domain}", phone=self.mobile()))
            informal = org.kind == "informeel"
            data = OrganisationData(
                name=org.name,
                kind_id=self.term(Vocabulary.ORGANISATION_KIND, org.kind),
                description=org.description,
                website=None if informal else f"www.{domain}",
                kvk=str(self.rng.randint(40_000_000, 79_999_999)) if org.kvk else None,
                email=f"info@{domain}",
                phone=None if informal else self.landline(),
                address=org.street or None,
                postcode=self.postcode() if org.street else None,
                city=(
                    "Ellemeet" if "Ellemeet" in org.areas else "Rietveen" if "Rietveen" in org.areas else "Lindewaard"
                )
                if org.street
                else None,
                active=org.active,
                offer_ids=[self.term(Vocabulary.HELP_TYPE, k) for k in org.offers],
                theme_ids=[self.term(Vocabulary.THEME, k) for k in org.themes],
                area_ids=[self.areas[a] for a in org.areas],
                contacts=contacts,
            )
            saved[org.name] = organisations.save_organisation(self.s, data, author="voorbeeldgegevens")
        return saved

    def fill_sessions(self) -> list[SessionData]:
        return [
            sessions.save_session(
                self.s,
                SessionData(
                    title=title,
                    held_on=self.today - timedelta(days=days),
                    place=place,
                    area_id=self.areas[area],
                    notes=notes,
                ),
            )
            for title, days, place, area, notes in SESSIONS
        ]

    def people(self, index: int, idea: _Idea, received: date) -> list[InitiatorData]:
        if idea.people == "none":
            return []
        first = FIRST_NAMES[index % len(FIRST_NAMES)]
        last = LAST_NAMES[(index * 7) % len(LAST_NAMES)]
        name = f"{first} {last}"
        email = f"{first.lower()}.{_slug(last).replace('-', '')}@mail.example"
        method = {
            IdeaSource.SESSION: ConsentMethod.IN_PERSON,
            IdeaSource.WALK_IN: ConsentMethod.IN_PERSON,
            IdeaSource.PHONE: ConsentMethod.IN_PERSON,
            IdeaSource.EMAIL: ConsentMethod.EMAIL,
        }.get(idea.source, ConsentMethod.FORM)
        if idea.people == "name":
            return [InitiatorData(name=name)]
        if idea.people == "contact":
            by_phone = index % 2 == 0
            return [
                InitiatorData(
                    name=name,
                    phone=self.mobile() if by_phone else None,
                    email=None if by_phone else email,
                    consent_contact=True,
                    consent_method=method.value,
                    consent_on=received,
                )
            ]
        person = InitiatorData(
            name=name,
            email=email,
            phone=self.mobile(),
            postcode=self.postcode() if index % 3 == 0 else None,
            consent_contact=True,
            consent_share=True,
            consent_method=method.value,
            consent_on=received,
        )
        if idea.team < 6:
            return [person]
        # A larger group often brings a second face to the table, who only wants to be called.
        second = f"{FIRST_NAMES[(index + 11) % len(FIRST_NAMES)]} {LAST_NAMES[(index * 3 + 5) % len(LAST_NAMES)]}"
        return [
            person,
            InitiatorData(
                name=second,
                phone=self.mobile(),
                consent_contact=True,
                consent_method=method.value,
                consent_on=received,
            ),
        ]

    def fill_ideas(self, held: list[SessionData]) -> list[tuple[_Idea, IdeaData]]:
        out = []
        for index, idea in enumerate(IDEAS):
            session = held[idea.when] if idea.source is IdeaSource.SESSION else None
            received = session.held_on if session else self.today - timedelta(days=idea.when)
            data = IdeaData(
                title=idea.title,
                description=idea.description,
                status=idea.status.value,
                area_id=self.areas[idea.area],
                session_id=session.id if session else None,
                source=idea.source.value,
                team_size=idea.team,
                requested_amount=Decimal(idea.amount) if idea.amount else None,
                received_on=received,
                theme_ids=[self.term(Vocabulary.THEME, k) for k in idea.themes],
                need_ids=[self.term(Vocabulary.HELP_TYPE, k) for k in idea.needs],
                initiators=self.people(index, idea, received),
            )
            out.append((idea, ideas.save_idea(self.s, data, author="voorbeeldgegevens")))
        return out

    def partner(self, idea: _Idea, need: str, orgs: list[tuple[_Org, OrganisationData]], taken: set[str]) -> str | None:
        """The organisation a broker would ask first for this need: same wijk, then municipality-wide, then themes."""
        wijk = next((p for n, _k, p in AREAS if n == idea.area and p), idea.area)

        text = f"{idea.title} {idea.description}".lower()

        def score(org: _Org) -> int:
            here = 3 if wijk in org.areas or idea.area in org.areas else 2 if ALL in org.areas else 0
            words = set(org.name.lower().replace(",", "").split()) - PLACE_WORDS
            named = any(len(word) >= 6 and word in text for word in words)  # "in de bibliotheek"
            return here + len(set(org.themes) & set(idea.themes)) + (3 if named else 0)

        candidates = [o for o, d in orgs if o.active and need in o.offers and d.id not in taken]
        if not candidates:
            return None
        best = max(score(o) for o in candidates)
        # Among equally good partners the seeded choice spreads the koppelingen over the registry.
        pick = self.rng.choice(sorted((o for o in candidates if score(o) == best), key=lambda o: o.name))
        return next(d.id for o, d in orgs if o is pick)

    def fill_matches(self, made: list[tuple[_Idea, IdeaData]], saved: dict[str, OrganisationData]) -> int:
        orgs = [(o, saved[o.name]) for o in ORGANISATIONS]
        contacts = {d.id: d.contacts[0].id if d.contacts else None for d in saved.values()}
        turn: dict[IdeaStatus, int] = {}
        count = 0
        for number, (idea, data) in enumerate(made):
            plan = MATCH_PLAN.get(idea.status)
            if not plan or data.id is None:
                continue
            # Gekoppelde ideas get a partner for their first two needs every other time; the rest one partner.
            wanted = idea.needs[:2] if idea.status is IdeaStatus.MATCHED and number % 2 == 0 else idea.needs[:1]
            taken: set[str] = set()
            for need in wanted:
                org_id = self.partner(idea, need, orgs, taken)
                if org_id is None:
                    continue
                taken.add(org_id)
                target = plan[turn.get(idea.status, 0) % len(plan)]
                turn[idea.status] = turn.get(idea.status, 0) + 1
                row = matches.create_match(
                    self.s,
                    idea_id=data.id,
                    organisation_id=org_id,
                    need_id=self.term(Vocabulary.HELP_TYPE, need),
                    contact_id=contacts[org_id],
                    follow_up_on=self.today + timedelta(days=FOLLOW_UP_DAYS[count % len(FOLLOW_UP_DAYS)]),
                    note=MATCH_NOTES[target][count % 2] if target is MatchStatus.PROPOSED else None,
                    author="voorbeeldgegevens",
                )
                for step in STEPS[target]:
                    closed = step in (MatchStatus.DONE, MatchStatus.DECLINED)
                    follow = (
                        None if closed else self.today + timedelta(days=FOLLOW_UP_DAYS[count % len(FOLLOW_UP_DAYS)])
                    )
                    notes = MATCH_NOTES[step]
                    row = matches.update_match(
                        self.s,
                        row.id,
                        version=row.version,
                        status=step,
                        follow_up_on=follow,
                        note=notes[count % len(notes)] if step is target else None,
                        author="voorbeeldgegevens",
                    )
                count += 1
        return count

    def spread_over_time(self, made: list[tuple[_Idea, IdeaData]]) -> None:
        """Koppelingen made and ideas closed some days or weeks after the idea came in, as in a real year, not
        all on the day the example data was loaded (the overview per month would show one spike)."""
        for number, (idea, data) in enumerate(made):
            if data.id is None or data.received_on is None:
                continue
            age = (self.today - data.received_on).days
            rows = self.s.scalars(select(Match).where(Match.idea_id == data.id).order_by(Match.created_at)).all()
            for k, row in enumerate(rows):
                days = min(age, 3 + (number * 5 + k * 9) % 28)
                row.created_at = datetime.combine(data.received_on + timedelta(days=days), time(9 + k % 8, 30))
            if idea.status.is_closed:
                closed = self.s.get(Idea, data.id)
                assert closed is not None
                closed.closed_on = data.received_on + timedelta(days=min(age, 21 + (number * 17) % 110))
        self.s.flush()

    def at(self, day: date, hour: int) -> datetime:
        return datetime.combine(min(day, self.today), time(hour, 15 * (hour % 4)))

    def fill_activities(self, made: list[tuple[_Idea, IdeaData]], saved: dict[str, OrganisationData]) -> int:
        count = 0
        for number, (_idea, data) in enumerate(made):
            if number % 3 != 1 or data.received_on is None:
                continue
            for step in range(1 + number % 2):
                kind, text = IDEA_NOTES[(number + step) % len(IDEA_NOTES)]
                day = data.received_on + timedelta(days=3 + 5 * step)
                activities.add_activity(
                    self.s, kind=kind, text=text, idea_id=data.id, occurred_at=self.at(day, 9 + number % 8)
                )
                count += 1
        for number, org in enumerate(list(saved.values())[::5]):
            kind, text = ORGANISATION_NOTES[number % len(ORGANISATION_NOTES)]
            activities.add_activity(
                self.s,
                kind=kind,
                text=text,
                organisation_id=org.id,
                occurred_at=self.at(self.today - timedelta(days=20 + 9 * number), 10 + number % 6),
            )
            count += 1
        return count


def fill(s: Session, force: bool = False) -> str:
    """Fill the store with the example municipality; refuse a store that already has data unless forced."""
    has_data = (s.scalar(select(func.count()).select_from(Idea)) or 0) + (
        s.scalar(select(func.count()).select_from(Organisation)) or 0
    )
    if has_data and not force:
        raise KnownError("De database bevat al gegevens; gebruik --force om voorbeeldgegevens toe te voegen.")
    if not vocab.get_setting(s, vocab.MUNICIPALITY_NAME).strip():
        vocab.set_setting(s, vocab.MUNICIPALITY_NAME, MUNICIPALITY)
    if not vocab.broker_contact(s).name:
        vocab.set_broker_contact(s, BROKER)
    filler = _Filler(s)
    filler.fill_areas()
    saved = filler.fill_organisations()
    held = filler.fill_sessions()
    made = filler.fill_ideas(held)
    match_count = filler.fill_matches(made, saved)
    filler.spread_over_time(made)
    activity_count = filler.fill_activities(made, saved)
    return (
        f"Voorbeeldgegevens toegevoegd voor {MUNICIPALITY}: {len(made)} ideeën, {len(saved)} organisaties, "
        f"{len(held)} wijktafels, {match_count} koppelingen, {len(AREAS)} wijken, buurten en dorpen, "
        f"{activity_count} notities en contactmomenten."
    )
