"""Generate a large, reproducible Makelaar store for benchmarks.

    .venv/bin/python bench/generate.py --ideas 100000 --organisations 20000 --out bench/out/bench.sqlite --seed 1

The store is created with ``open_store`` (the real migrations, so the real schema, indexes and FTS5 triggers) and
filled with Core bulk inserts (``session.execute(insert(table), list_of_dicts)`` in batches). The search index is
filled by the real insert triggers, row by row, exactly as it is for an import.

Everything is derived from one seeded ``random.Random`` (UUIDs too), so the same seed gives the same records. Only
the ids of the default vocabulary and of "hele gemeente" differ between runs: the migration creates those.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Table, insert, select  # noqa: E402

from makelaar.services.csvio import organisation_key  # noqa: E402
from makelaar.storage import models as m  # noqa: E402
from makelaar.storage.store import Store, open_store  # noqa: E402

# A fixed "today", so the same seed gives the same store on any day.
END = date(2026, 11, 28)
YEARS = 5
BATCH = 5_000
MARKER_KEY = "bench.generated"
MUNICIPALITY = "Brugwoude"

# fmt: off
# --- word lists -----------------------------------------------------------------------------------------------------

WIJKEN: dict[str, list[str]] = {
    "Binnenstad": ["Kerkbuurt", "Havenkwartier", "Marktplein", "Vestingwallen"],
    "Oosterpark": ["Bloemenbuurt", "Vogelbuurt", "Oosterhof"],
    "Westwijk": ["Schildersbuurt", "Componistenbuurt", "Westerkade", "Molenhoek"],
    "Noorderhaven": ["Scheepsbouwbuurt", "Kadebuurt", "Noordereiland"],
    "Zuiderveld": ["Bomenbuurt", "Rivierenbuurt", "Zuiderhof", "Akkerland"],
    "De Hoven": ["Hofstede", "Kloosterhof", "Ridderhof"],
    "Rivierwijk": ["Maasoever", "IJsselbuurt", "Lingehof"],
    "Stationskwartier": ["Spoorzone", "Emmabuurt"],
    "Overwaard": ["Overwaard-Dorp", "Overwaard-Polder"],
    "Ellerhoek": ["Ellerhoek-Kern", "Ellerbroek"],
    "Nieuw-Brugge": ["Tuinstad", "De Velden", "Parkzoom", "Waterrijk"],
    "Heidebuurt": ["Heidehof", "Dennenbuurt", "Vennenland"],
}
VILLAGES = ["Overwaard", "Ellerhoek"]

STREETS = [
    "Lindelaan", "Kerkstraat", "Molenweg", "Wilhelminaplein", "Beatrixstraat", "Dorpsstraat", "Schoolstraat",
    "Stationsweg", "Julianapark", "Populierenlaan", "Esdoornstraat", "Vlinderhof", "Merelstraat", "Irisplein",
    "Kastanjelaan", "Rembrandtplein", "Vermeerstraat", "Bachlaan", "Havenkade", "Zuiderdijk", "Eikenhof",
    "Berkenrode", "Tulpstraat", "Rozenhof", "Meidoornpad", "Sportlaan", "Parkweg", "Marktstraat",
    "Burgemeester de Vriesstraat", "Oranjestraat", "Nassaulaan", "Prinsenhof", "Spoorsingel", "Leliegracht",
    "Waterlelie",
]
FIRST_NAMES = [
    "Anna", "Emma", "Sophie", "Julia", "Sanne", "Fatima", "Noor", "Lotte", "Eva", "Marieke", "Ingrid", "Yasmina",
    "Petra", "Anouk", "Fenna", "Mila", "Joke", "Els", "Hanneke", "Zeynep", "Jan", "Piet", "Kees", "Mohamed", "Daan",
    "Sem", "Lucas", "Bram", "Thijs", "Ahmed", "Willem", "Gert", "Henk", "Ruud", "Mehmet", "Sven", "Joost", "Youssef",
    "Bas", "Gerrit", "Chantal", "Wendy", "Karin", "Tim", "Koen", "Rik", "Iris", "Lieke", "Dewi", "Kofi",
]
LAST_NAMES = [
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
    "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
    "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
    "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "Yilmaz", "El Amrani", "Kaya", "Bouzid", "Pinas",
    "Tjon", "Nguyen", "Wouters", "Hoekstra", "Postma", "Kramer", "Scholten", "Prins", "Huisman",
]

# Projects: (title stem, themes, needs, words for the description)
PROJECTS: list[tuple[str, tuple[str, ...], tuple[str, ...], str]] = [
    (
        "Buurtmoestuin",
        ("duurzaamheid", "openbare_ruimte", "welzijn"),
        ("ruimte", "materiaal", "vrijwilligers"),
        "een moestuin waar buren samen groenten kweken",
    ),
    (
        "Speeltuin opknappen",
        ("jeugd", "openbare_ruimte"),
        ("geld", "vergunning", "materiaal"),
        "de speeltuin opknappen met nieuwe toestellen en een zandbak",
    ),
    (
        "Repair café",
        ("duurzaamheid", "welzijn"),
        ("ruimte", "vrijwilligers", "publiciteit"),
        "een repair café waar vrijwilligers kapotte spullen repareren",
    ),
    (
        "Koffieochtend voor ouderen",
        ("welzijn", "zorg"),
        ("ruimte", "vrijwilligers"),
        "een wekelijkse koffieochtend tegen eenzaamheid onder ouderen",
    ),
    (
        "Huiswerkbegeleiding",
        ("onderwijs", "jeugd"),
        ("vrijwilligers", "ruimte", "advies"),
        "huiswerkbegeleiding voor jongeren door studenten en gepensioneerde docenten",
    ),
    (
        "Geveltuinen",
        ("openbare_ruimte", "duurzaamheid"),
        ("vergunning", "materiaal"),
        "tegels eruit, planten erin: geveltuintjes met klimplanten langs de gevels",
    ),
    (
        "Voedselbank uitgiftepunt",
        ("welzijn", "werk_en_inkomen"),
        ("ruimte", "vrijwilligers", "netwerk"),
        "een uitgiftepunt van de voedselbank dichter bij huis",
    ),
    (
        "Buurtbarbecue",
        ("welzijn",),
        ("geld", "vergunning", "publiciteit"),
        "een jaarlijkse buurtbarbecue zodat nieuwe en oude bewoners elkaar leren kennen",
    ),
    (
        "Jeu de boulesbaan",
        ("sport", "openbare_ruimte", "welzijn"),
        ("vergunning", "geld"),
        "een jeu de boulesbaan met bankjes in het park",
    ),
    (
        "Taalcafé",
        ("onderwijs", "welzijn"),
        ("ruimte", "vrijwilligers", "publiciteit"),
        "een taalcafé waar nieuwkomers Nederlands oefenen met buurtbewoners",
    ),
    (
        "Zwerfafval opruimen",
        ("openbare_ruimte", "duurzaamheid"),
        ("materiaal", "publiciteit"),
        "maandelijkse zwerfafvalacties met grijpers en vuilniszakken van de gemeente",
    ),
    (
        "Buurthuis heropenen",
        ("welzijn", "cultuur"),
        ("ruimte", "geld", "organisatie"),
        "het leegstaande buurthuis weer openen als ontmoetingsplek",
    ),
    (
        "Kinderboerderij",
        ("jeugd", "duurzaamheid"),
        ("ruimte", "vrijwilligers", "geld"),
        "een kleine kinderboerderij met geiten, kippen en konijnen",
    ),
    (
        "Beweegtuin voor senioren",
        ("sport", "gezondheid", "openbare_ruimte"),
        ("geld", "vergunning", "advies"),
        "een beweegtuin met toestellen waar ouderen onder begeleiding trainen",
    ),
    (
        "Energiecafé",
        ("duurzaamheid", "wonen"),
        ("advies", "ruimte", "publiciteit"),
        "een energiecafé waar energiecoaches bewoners helpen hun huis te isoleren",
    ),
    (
        "Ruilwinkel",
        ("duurzaamheid", "werk_en_inkomen"),
        ("ruimte", "vrijwilligers"),
        "een ruilwinkel voor kleding, speelgoed en boeken",
    ),
    (
        "Minibieb",
        ("cultuur", "onderwijs"),
        ("materiaal", "vergunning"),
        "een minibieb in een oude koelkast op de hoek van de straat",
    ),
    (
        "Straatfeest",
        ("welzijn", "cultuur"),
        ("vergunning", "geld", "publiciteit"),
        "een straatfeest met muziek, kraampjes en spelletjes voor kinderen",
    ),
    (
        "Voetbalkooi",
        ("sport", "jeugd"),
        ("geld", "vergunning"),
        "een voetbalkooi zodat jongeren een eigen plek hebben om te sporten",
    ),
    (
        "Buurtpreventie",
        ("veiligheid",),
        ("netwerk", "advies", "organisatie"),
        "een buurtpreventieteam met een app-groep en avondrondes",
    ),
    (
        "Samen eten",
        ("welzijn", "zorg", "gezondheid"),
        ("ruimte", "vrijwilligers", "geld"),
        "een keer per maand samen koken en eten met buren die alleen wonen",
    ),
    (
        "Pluktuin",
        ("duurzaamheid", "openbare_ruimte"),
        ("ruimte", "vergunning", "materiaal"),
        "een pluktuin met fruitbomen en bessenstruiken die iedereen mag oogsten",
    ),
    (
        "Muziekavond in het park",
        ("cultuur",),
        ("vergunning", "publiciteit", "geld"),
        "een zomerse muziekavond in het park met lokale bands",
    ),
    (
        "Digitaal spreekuur",
        ("onderwijs", "welzijn"),
        ("vrijwilligers", "ruimte", "advies"),
        "een spreekuur waar ouderen hulp krijgen met de tablet, DigiD en internetbankieren",
    ),
    (
        "Wandelgroep",
        ("gezondheid", "sport", "welzijn"),
        ("publiciteit", "netwerk"),
        "een wekelijkse wandelgroep voor mensen die meer willen bewegen",
    ),
    (
        "Klussendienst",
        ("wonen", "welzijn", "zorg"),
        ("vrijwilligers", "materiaal", "organisatie"),
        "een klussendienst waar handige buren kleine klussen doen voor wie dat niet meer kan",
    ),
    (
        "Tiny forest",
        ("duurzaamheid", "openbare_ruimte"),
        ("vergunning", "geld", "advies"),
        "een tiny forest: een klein, dicht bos op een braakliggend veldje",
    ),
    (
        "Jongerenontmoetingsplek",
        ("jeugd", "veiligheid"),
        ("ruimte", "vergunning", "advies"),
        "een jongerenontmoetingsplek met overkapping en bankjes",
    ),
    (
        "Schoolplein vergroenen",
        ("onderwijs", "duurzaamheid", "jeugd"),
        ("geld", "materiaal", "vrijwilligers"),
        "het schoolplein vergroenen met een wadi, bomen en een moestuintje",
    ),
    (
        "Buurtkrant",
        ("cultuur", "welzijn"),
        ("publiciteit", "geld", "vrijwilligers"),
        "een buurtkrant die vier keer per jaar huis aan huis wordt bezorgd",
    ),
    (
        "Zwemles voor nieuwkomers",
        ("sport", "onderwijs"),
        ("geld", "advies", "netwerk"),
        "zwemles voor volwassen nieuwkomers die nooit hebben leren zwemmen",
    ),
    (
        "Bankjes langs de dijk",
        ("openbare_ruimte", "welzijn"),
        ("vergunning", "geld"),
        "bankjes langs de dijk zodat ouderen onderweg kunnen uitrusten",
    ),
    (
        "Werkplaats voor jongeren",
        ("werk_en_inkomen", "jeugd"),
        ("ruimte", "materiaal", "advies"),
        "een werkplaats waar jongeren zonder startkwalificatie een vak leren",
    ),
    (
        "Mantelzorgcafé",
        ("zorg", "welzijn"),
        ("ruimte", "advies", "publiciteit"),
        "een mantelzorgcafé waar mantelzorgers ervaringen delen",
    ),
    (
        "Verkeersveilige schoolroute",
        ("veiligheid", "jeugd"),
        ("vergunning", "advies", "netwerk"),
        "een veilige schoolroute met drempels en een zebrapad",
    ),
    (
        "Kunstroute",
        ("cultuur",),
        ("publiciteit", "organisatie", "netwerk"),
        "een kunstroute langs ateliers en voortuinen in de wijk",
    ),
    (
        "Hondenuitlaatveld",
        ("openbare_ruimte",),
        ("vergunning", "materiaal"),
        "een omheind hondenuitlaatveld met een afvalbak",
    ),
    (
        "Buurtwerkplaats voor fietsen",
        ("duurzaamheid", "werk_en_inkomen"),
        ("ruimte", "materiaal", "vrijwilligers"),
        "een fietsenwerkplaats waar buren samen fietsen repareren",
    ),
    (
        "Seniorensport",
        ("sport", "gezondheid"),
        ("ruimte", "advies", "geld"),
        "sportlessen voor senioren in de gymzaal van de school",
    ),
    (
        "Insectenhotel en bloemenstrook",
        ("duurzaamheid", "openbare_ruimte"),
        ("vergunning", "materiaal"),
        "een bloemenstrook met insectenhotels voor bijen en vlinders",
    ),
]
TITLE_FORMS = [
    "{p} {prep} {place}", "{p} {prep} {place}", "{p} voor de {street}", "{p} bij de {street}", "{p}",
    "Nieuw: {p_lower} {prep} {place}", "{p} in buurthuis {house}",
]
HOUSES = ["De Kern", "De Brug", "Het Anker", "De Schakel", "Het Trefpunt", "De Ontmoeting", "De Linde", "'t Hoekje"]
IDEA_SENTENCES = [
    "Bewoners van de {street} willen {what}.", "Wij willen {what}; er zijn al {team} buren die mee willen doen.",
    "Het idee kwam op de wijktafel in {place}: {what}.",
    "Veel buurtbewoners voelen zich alleen en dit brengt mensen samen.",
    "We zoeken vrijwilligers en een plek om te beginnen, bijvoorbeeld in het buurthuis of de school.",
    "De jongeren in {place} hebben weinig te doen en willen graag meehelpen.",
    "Ouderen uit de {street} denken mee en hebben ervaring met {extra}.",
    "Er is een klein budget nodig voor materiaal; de rest doen we zelf.",
    "De woningcorporatie is al benaderd en staat er positief tegenover.",
    "Het moet duurzaam zijn: we hergebruiken zoveel mogelijk materiaal.",
    "We willen het eerst een half jaar proberen en dan kijken of het werkt.",
    "Een vergelijkbaar initiatief in een andere wijk werkt al goed.",
    "De gemeente moet toestemming geven omdat het om openbaar groen gaat.",
    "Kinderen van de basisschool willen helpen met {extra}.",
    "We hebben hulp nodig bij het maken van een begroting en het aanvragen van een subsidie.",
]
EXTRAS = [
    "tuinieren", "koken", "klussen", "de moestuin", "de speeltuin", "het repair café", "de voedselbank",
    "fondsenwerving", "vrijwilligerswerk", "de buurtvereniging", "duurzaamheid", "muziek maken", "sport",
]

# Organisation name patterns: (kind key, pattern, weight)
ORG_TOPICS = [
    "Buurtmoestuin", "Speeltuin", "Repair Café", "Voedselbank", "Buurthuis", "Jongerenwerk", "Ouderenwerk",
    "Natuurwerkgroep", "Kinderboerderij", "Taalhuis", "Energie", "Vrijwilligerscentrale", "Wijkcentrum", "Mantelzorg",
    "Kunst en Cultuur", "Muziekschool", "Sportstimulering", "Buurtpreventie", "Groen", "Ruilwinkel", "Schuldhulp",
    "Welzijn", "Speel-o-theek", "Buurtkracht", "Samen Sterk", "Dorpsbelang",
]
SPORTS = ["Voetbal", "Korfbal", "Hockey", "Tennis", "Atletiek", "Zwem", "Gymnastiek", "Schaak", "Biljart", "Dans"]
COMPANIES = [
    "Hoveniersbedrijf", "Bouwbedrijf", "Installatiebedrijf", "Bakkerij", "Drukkerij", "Supermarkt", "Fietsenmaker",
    "Schildersbedrijf", "Timmerbedrijf", "Cateringbedrijf", "Adviesbureau", "Tuincentrum",
]
SCHOOLS = ["De Regenboog", "De Springplank", "Het Kompas", "De Wegwijzer", "De Vlinder", "Het Palet", "De Zonnewijzer"]
# Organisation names: (kind key, weight, template); {a} and {b} are filled from ORG_WORDS[kind key], {place} is the
# organisation's wijk or buurt (or the municipality), {street} a street, {surname} a family name.
ORG_PATTERNS: list[tuple[str, int, str]] = [
    ("stichting", 28, "Stichting {a} {place}"),
    ("vereniging", 8, "{b}vereniging {place}"),
    ("vereniging", 8, "Vereniging {a} {place}"),
    ("cooperatie", 4, "{a} {place}"),
    ("bedrijf", 12, "{a} {surname}"),
    ("fonds", 3, "{a} {place}"),
    ("gemeente", 2, "Gemeente Brugwoude – Team {a} {place}"),
    ("overheid", 2, "{a} {place}"),
    ("onderwijs", 8, "{a} {b} {place}"),
    ("zorgorganisatie", 7, "{a} {b} {place}"),
    ("woningcorporatie", 2, "{a} {place}"),
    ("kerk", 4, "{a} {place}"),
    ("informeel", 12, "{a} {street}"),
]
ORG_WORDS: dict[str, tuple[list[str], list[str]]] = {
    "stichting": (ORG_TOPICS, []),
    "vereniging": (["Dorpsbelang", "Wijkbelang", "Volkstuinen", "Bewonersbelang"], SPORTS),
    "cooperatie": (["Energiecoöperatie", "Zorgcoöperatie", "Buurtcoöperatie"], []),
    "bedrijf": (COMPANIES, []),
    "fonds": (["Fonds", "Stimuleringsfonds", "Cultuurfonds", "Buurtfonds"], []),
    "gemeente": (["Groen", "Wijken", "Sport", "Jeugd", "Openbare Ruimte"], []),
    "overheid": (["Waterschap", "GGD", "Politie wijkteam", "Brandweer"], []),
    "onderwijs": (["Basisschool", "OBS", "CBS", "Kindcentrum"], SCHOOLS),
    "zorgorganisatie": (
        ["Zorgcentrum", "Thuiszorg", "Wijkverpleging", "Dagbesteding"], ["De Linde", "Het Baken", "Zonnehuis"]
    ),
    "woningcorporatie": (["Woonstichting", "Wooncorporatie", "Huurdersvereniging"], []),
    "kerk": (["Protestantse Gemeente", "Parochie", "Moskee", "Diaconie"], []),
    "informeel": (["Bewonersgroep", "Buurtnetwerk", "Bewonerscommissie", "Buurtapp-groep"], []),
}
ORG_SENTENCES = [
    "{name} zet zich in voor {goal} in {place}.", "Met {n} vrijwilligers organiseren wij {activity}.",
    "Wij bieden {offer} aan bewonersinitiatieven.", "Onze vrijwilligers helpen bij {activity}.",
    "Samen met de gemeente en de woningcorporatie werken we aan {goal}.",
    "Wij hebben een ruimte met keuken die te huur is voor activiteiten.",
    "Bewoners kunnen bij ons terecht voor advies over {goal}.",
    "We werken samen met het buurthuis, de bibliotheek en de basisschool.",
    "Ons netwerk van ondernemers en vrijwilligers staat klaar voor nieuwe ideeën.",
    "Wij ondersteunen initiatieven met een bijdrage tot € {amount}.",
    "Jaarlijks bereiken we zo'n {n} bewoners, van jongeren tot ouderen.",
]
GOALS = [
    "duurzaamheid", "een groene en schone buurt", "eenzame ouderen", "kansen voor jongeren", "gezond bewegen",
    "armoedebestrijding", "een veilige wijk", "cultuur voor iedereen", "taal en meedoen", "betaalbaar wonen",
    "natuur en biodiversiteit", "mantelzorgers", "sport en spel voor kinderen",
]
ACTIVITIES = [
    "een moestuin", "een repair café", "koffieochtenden voor ouderen", "huiswerkbegeleiding voor jongeren",
    "activiteiten in de speeltuin", "een taalcafé", "de uitgifte van de voedselbank", "buurtbarbecues",
    "zwerfafvalacties", "een ruilwinkel", "lessen in de beweegtuin", "een energiecafé", "een klussendienst",
    "maaltijden voor buurtbewoners", "een kinderboerderij", "muziek- en theaterworkshops",
]
OFFER_WORDS = {
    "ruimte": "ruimte",
    "geld": "financiële steun",
    "vrijwilligers": "vrijwilligers",
    "advies": "advies",
    "netwerk": "ons netwerk",
    "materiaal": "materiaal en gereedschap",
    "vergunning": "hulp bij vergunningen",
    "publiciteit": "publiciteit",
    "organisatie": "hulp bij de organisatie",
}
ROLES = ["coördinator", "voorzitter", "secretaris", "penningmeester", "opbouwwerker", "vrijwilliger", "directeur"]

OPEN_STATUSES = ["nieuw", "in verkenning", "gekoppeld", "in uitvoering"]
CLOSED_STATUSES = ["gerealiseerd", "zelfstandig verder", "doorverwezen", "gestopt", "geen contact meer"]
CLOSED_WEIGHTS = [35, 20, 15, 15, 15]
SOURCES = ["wijktafel", "inloopspreekuur", "telefoon", "e-mail", "website", "anders"]
SOURCE_WEIGHTS = [0, 20, 15, 25, 12, 5]  # wijktafel ideas come from sessions
MATCH_STATUSES = ["voorgesteld", "benaderd", "toegezegd", "afgewezen", "afgerond"]
ACTIVITY_KINDS = ["notitie", "telefoongesprek", "e-mail", "bezoek", "overleg"]
ACTIVITY_TEXTS = [
    "Gebeld met {who}; {outcome}.", "Mail gestuurd aan {who} over de {topic}.", "Langs geweest bij {who}: {outcome}.",
    "Overleg met {who} over de {topic}; {outcome}.", "Notitie: {outcome}.",
]
OUTCOMES = [
    "neemt volgende week contact op", "wil graag meedoen", "heeft nog geen tijd", "stuurt een offerte",
    "vraagt om een begroting", "zoekt nog een locatie", "is enthousiast", "twijfelt over de vergunning",
    "heeft vrijwilligers gevonden", "wacht op antwoord van de gemeente",
]
TOPICS = ["planning", "begroting", "vergunning", "locatie", "subsidieaanvraag", "publiciteit", "verzekering"]


# fmt: on
# --- helpers --------------------------------------------------------------------------------------------------------


@dataclass
class Ctx:
    rng: random.Random
    terms: dict[str, dict[str, str]]  # vocabulary -> key -> id
    wide_area: str
    wijken: list[tuple[str, str, list[tuple[str, str]]]] = field(default_factory=list)  # (id, name, buurten)
    counters: dict[tuple[str, int], int] = field(default_factory=dict)

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def ref(self, prefix: str, year: int) -> str:
        n = self.counters.get((prefix, year), 0) + 1
        self.counters[(prefix, year)] = n
        return f"{prefix}-{year}-{n:04d}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def capitalised(surname: str) -> str:
    """'de Jong' -> 'De Jong', as it is written without a first name (Bakkerij De Jong)."""
    return surname[0].upper() + surname[1:]


def email_of(name: str, rng: random.Random) -> str:
    local = name.lower().replace(" ", ".").replace("'", "")
    return f"{local}{rng.randint(1, 99)}@{rng.choice(['gmail.com', 'hotmail.nl', 'ziggo.nl', 'kpnmail.nl'])}"


# Two-digit Dutch area codes (010 Rotterdam ... 079 Zoetermeer): an organisation's number the importer accepts.
ZONES = [10, 13, 15, 20, 23, 24, 26, 30, 33, 35, 36, 38, 40, 43, 45, 46, 50, 53, 55, 58, 70, 71, 72, 73, 74, 75, 76]


# Numbers written as the program writes them (domain/validation.py clean_phone: the national format), so that a
# save of a generated record writes what the user changed, not a normalised number as well.
def phone(rng: random.Random) -> str:
    return f"06 {rng.randint(10_000_000, 59_999_999)}"  # 061 … 065: mobile numbers in use


def landline(rng: random.Random) -> str:
    return f"0{rng.choice(ZONES)} {rng.randint(200, 999)} {rng.randint(0, 9999):04d}"  # ZONES: two-digit areas


def postcode(rng: random.Random) -> str:
    letters = f"{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}"
    if letters in ("SA", "SD", "SS"):  # not used in Dutch postcodes (the importer refuses them)
        letters = "SB"
    return f"{rng.randint(1000, 9999)} {letters}"


def at_time(d: date, rng: random.Random) -> datetime:
    return datetime(d.year, d.month, d.day, rng.randint(8, 21), rng.randint(0, 59), rng.randint(0, 59))


def between(start: datetime, end: datetime, rng: random.Random, skew: float = 1.0) -> datetime:
    span = max((end - start).total_seconds(), 0.0)
    return start + timedelta(seconds=span * (rng.random() ** skew))


def sample(rng: random.Random, items: Sequence[str], lo: int, hi: int) -> list[str]:
    return rng.sample(list(items), rng.randint(lo, min(hi, len(items))))


def chunks(rows: list[dict[str, Any]], size: int = BATCH) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def bulk(store: Store, table: Table, rows: list[dict[str, Any]]) -> float:
    """Core bulk insert in batches, one transaction per table. Returns seconds taken."""
    t0 = time.perf_counter()
    if rows:
        with store.begin() as s:
            for part in chunks(rows):
                s.execute(insert(table), part)
    return time.perf_counter() - t0


def table(model: Any) -> Table:
    return model.__table__  # type: ignore[no-any-return]


# --- generators -----------------------------------------------------------------------------------------------------


def gen_areas(ctx: Ctx) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for wi, (wijk, buurten) in enumerate(WIJKEN.items(), start=1):
        wid = ctx.uid()
        kind = "dorp" if wijk in VILLAGES else "wijk"
        rows.append({"id": wid, "name": wijk, "kind": kind, "parent_id": None, "position": wi * 100})
        kids: list[tuple[str, str]] = []
        for bi, buurt in enumerate(buurten, start=1):
            bid = ctx.uid()
            rows.append({"id": bid, "name": buurt, "kind": "buurt", "parent_id": wid, "position": wi * 100 + bi})
            kids.append((bid, buurt))
        ctx.wijken.append((wid, wijk, kids))
    return rows


def pick_area(ctx: Ctx) -> tuple[str, str, str]:
    """(area id, area name, wijk id): a wijk itself or, more often, one of its buurten."""
    wid, wname, kids = ctx.rng.choice(ctx.wijken)
    if kids and ctx.rng.random() < 0.6:
        bid, bname = ctx.rng.choice(kids)
        return bid, bname, wid
    return wid, wname, wid


@dataclass
class OrgInfo:
    id: str
    created: datetime
    contacts: list[str]


def gen_organisations(ctx: Ctx, n: int) -> tuple[dict[str, list[dict[str, Any]]], list[OrgInfo], dict[str, list[int]]]:
    rng = ctx.rng
    kinds = ctx.terms["organisation_kind"]
    offers_v = ctx.terms["help_type"]
    themes_v = ctx.terms["theme"]
    offer_keys = list(offers_v)
    theme_keys = list(themes_v)
    weights = [w for _, w, _ in ORG_PATTERNS]
    start = datetime.combine(END - timedelta(days=365 * (YEARS + 3)), datetime.min.time())
    stop = datetime.combine(END, datetime.min.time())
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in ("org", "offers", "themes", "areas", "contacts")}
    infos: list[OrgInfo] = []
    by_offer: dict[str, list[int]] = {k: [] for k in offer_keys}
    taken: set[str] = set()  # a registry's names are distinct, as the importer recognises them (organisation_key)
    for i in range(n):
        kind_key, _, template = rng.choices(ORG_PATTERNS, weights=weights)[0]
        area_id, area_name, _ = pick_area(ctx)
        wide = rng.random() < 0.15
        place = MUNICIPALITY if wide else area_name
        words_a, words_b = ORG_WORDS[kind_key]
        name = template.format(
            a=rng.choice(words_a),
            b=rng.choice(words_b) if words_b else "",
            place=place,
            street=rng.choice(STREETS),
            surname=capitalised(rng.choice(LAST_NAMES)),
        )
        base, tries = name, 0
        while organisation_key(name) in taken:
            tries += 1
            name = f"{base} {rng.choice(STREETS)}" if tries <= 3 else f"{base} {tries - 2}"
        taken.add(organisation_key(name))
        oid = ctx.uid()
        created = between(start, stop, rng, skew=0.8)
        updated = between(created, stop, rng, skew=1.5)
        offers = sample(rng, offer_keys, 1, 3)
        themes = sample(rng, theme_keys, 1, 3)
        n_vol = rng.choice([5, 12, 20, 35, 60, 150])
        sentences = [ORG_SENTENCES[0], *rng.sample(ORG_SENTENCES[1:], rng.randint(2, 4))]
        description = " ".join(
            s.format(
                name=name,
                goal=rng.choice(GOALS),
                place=place,
                n=n_vol,
                activity=rng.choice(ACTIVITIES),
                offer=" en ".join(OFFER_WORDS[o] for o in offers),
                amount=rng.choice(["500", "1.000", "2.500", "5.000"]),
            )
            for s in sentences
        )
        slug = "".join(ch for ch in name.lower() if ch.isalnum())[:40]
        out["org"].append(
            {
                "id": oid,
                "reference": ctx.ref("O", created.year),
                "name": name,
                "kind_id": kinds[kind_key],
                "description": description,
                "website": f"https://www.{slug}.nl" if rng.random() < 0.6 else None,
                "kvk": f"{rng.randint(10_000_000, 99_999_999)}" if kind_key not in ("informeel", "gemeente") else None,
                "email": f"info@{slug}.nl" if rng.random() < 0.7 else None,
                "phone": landline(rng) if rng.random() < 0.6 else None,
                "address": f"{rng.choice(STREETS)} {rng.randint(1, 250)}" if rng.random() < 0.7 else None,
                "postcode": postcode(rng) if rng.random() < 0.7 else None,
                "city": rng.choice([MUNICIPALITY] * 8 + ["Overwaard", "Ellerhoek", "Zwolle"]),
                "active": rng.random() < 0.9,
                "created_at": created,
                "updated_at": updated,
                "version": rng.randint(1, 4),
            }
        )
        for o in offers:
            out["offers"].append({"organisation_id": oid, "term_id": offers_v[o]})
            by_offer[o].append(i)
        for t in themes:
            out["themes"].append({"organisation_id": oid, "term_id": themes_v[t]})
        area_ids = [ctx.wide_area] if wide else [area_id]
        if not wide and rng.random() < 0.3:
            other, _, _ = pick_area(ctx)
            if other != area_id:
                area_ids.append(other)
        for a in area_ids:
            out["areas"].append({"organisation_id": oid, "area_id": a})
        contacts: list[str] = []
        for _ in range(rng.choices([0, 1, 2, 3], weights=[15, 45, 30, 10])[0]):
            cid = ctx.uid()
            cname = person(rng)
            out["contacts"].append(
                {
                    "id": cid,
                    "organisation_id": oid,
                    "name": cname,
                    "role": rng.choice(ROLES),
                    "email": email_of(cname, rng) if rng.random() < 0.8 else None,
                    "phone": phone(rng) if rng.random() < 0.6 else None,
                    "created_at": created,
                    "updated_at": created,
                    "version": 1,
                }
            )
            contacts.append(cid)
        infos.append(OrgInfo(oid, created, contacts))
    return out, infos, by_offer


@dataclass
class SessionInfo:
    id: str
    held_on: date
    wijk_index: int


def gen_sessions(ctx: Ctx) -> tuple[list[dict[str, Any]], list[SessionInfo]]:
    rng = ctx.rng
    rows: list[dict[str, Any]] = []
    infos: list[SessionInfo] = []
    first = END - timedelta(days=365 * YEARS)
    dates: list[tuple[date, int]] = []
    for wi in range(len(ctx.wijken)):
        d = first + timedelta(days=rng.randint(0, 40))
        while d < END:
            dates.append((d, wi))
            d += timedelta(days=rng.randint(35, 75))
    dates.sort()
    for d, wi in dates:
        wid, wname, _ = ctx.wijken[wi]
        sid = ctx.uid()
        created = at_time(d - timedelta(days=14), rng)
        rows.append(
            {
                "id": sid,
                "reference": ctx.ref("W", d.year),
                "title": f"Wijktafel {wname} {d.strftime('%d-%m-%Y')}",
                "held_on": d,
                "place": f"Buurthuis {rng.choice(HOUSES)}",
                "area_id": wid,
                "notes": None,
                "created_at": created,
                "updated_at": created,
                "version": 1,
            }
        )
        infos.append(SessionInfo(sid, d, wi))
    return rows, infos


@dataclass
class IdeaInfo:
    id: str
    created: datetime
    status: str
    needs: list[str]  # help_type keys
    area_wijk: int


def idea_status(rng: random.Random, received: date) -> tuple[str, date | None]:
    age = (END - received).days
    open_p = max(0.1, 1.0 - age / 540)
    if rng.random() < open_p:
        w = [max(1, 60 - age // 3), 30, 15 + min(age // 20, 30), 5 + min(age // 15, 40)]
        return rng.choices(OPEN_STATUSES, weights=w)[0], None
    closed = received + timedelta(days=rng.randint(14, max(15, min(age, 500))))
    return rng.choices(CLOSED_STATUSES, weights=CLOSED_WEIGHTS)[0], min(closed, END)


def gen_ideas(ctx: Ctx, n: int, sessions: list[SessionInfo]) -> tuple[dict[str, list[dict[str, Any]]], list[IdeaInfo]]:
    rng = ctx.rng
    themes_v = ctx.terms["theme"]
    needs_v = ctx.terms["help_type"]
    theme_keys = list(themes_v)
    need_keys = list(needs_v)
    first = END - timedelta(days=365 * YEARS)
    span = (END - first).days
    stop = datetime.combine(END, datetime.min.time()) + timedelta(hours=18)
    # Received dates first (more ideas in recent years), sorted so references run with the date.
    received_all: list[tuple[date, SessionInfo | None]] = []
    for _ in range(n):
        if sessions and rng.random() < 0.3:
            sess = rng.choice(sessions)
            received_all.append((sess.held_on, sess))
        else:
            received_all.append((END - timedelta(days=int(span * rng.random() ** 1.3)), None))
    received_all.sort(key=lambda x: x[0])
    out: dict[str, list[dict[str, Any]]] = {
        k: [] for k in ("ideas", "themes", "needs", "initiators", "consents", "links")
    }
    infos: list[IdeaInfo] = []
    for received, sess in received_all:
        title_stem, p_themes, p_needs, what = rng.choice(PROJECTS)
        if sess is not None:
            wid, wname, kids = ctx.wijken[sess.wijk_index]
            area_id, area_name = rng.choice(kids) if kids and rng.random() < 0.5 else (wid, wname)
            wijk_index = sess.wijk_index
            source = "wijktafel"
        else:
            area_id, area_name, wid = pick_area(ctx)
            wijk_index = next(i for i, w in enumerate(ctx.wijken) if w[0] == wid)
            source = rng.choices(SOURCES, weights=SOURCE_WEIGHTS)[0]
        if rng.random() < 0.04:
            area_id = ctx.wide_area
        if rng.random() < 0.02:
            area_id = None
        street = rng.choice(STREETS)
        form = rng.choice(TITLE_FORMS)
        title = form.format(
            p=title_stem,
            p_lower=title_stem[0].lower() + title_stem[1:],
            prep=rng.choice(["in", "in de wijk", "voor"]),
            place=area_name,
            street=street,
            house=rng.choice(HOUSES),
        )
        team = rng.choices([1, 2, 3, 4, 6, 10, 20], weights=[25, 25, 18, 12, 10, 6, 4])[0]
        sentences = [IDEA_SENTENCES[rng.choice([0, 1, 2])], *rng.sample(IDEA_SENTENCES[3:], rng.randint(1, 4))]
        description = " ".join(
            s.format(street=street, what=what, team=team, place=area_name, extra=rng.choice(EXTRAS)) for s in sentences
        )
        status, closed_on = idea_status(rng, received)
        created = at_time(received, rng) + timedelta(days=rng.choice([0, 0, 0, 1, 2, 7]))
        updated = between(created, stop, rng, skew=3.0 if closed_on else 1.5)
        if closed_on:
            updated = max(updated, at_time(closed_on, rng))
        iid = ctx.uid()
        out["ideas"].append(
            {
                "id": iid,
                "reference": ctx.ref("I", received.year),
                "title": title,
                "description": description,
                "status": status,
                "area_id": area_id,
                "session_id": sess.id if sess else None,
                "source": source,
                "team_size": team,
                "requested_amount": Decimal(rng.choice([150, 250, 500, 750, 1000, 2500, 5000]))
                if rng.random() < 0.35
                else None,
                "received_on": received,
                "closed_on": closed_on,
                "created_at": created,
                "updated_at": min(updated, stop),
                "version": rng.randint(1, 6),
            }
        )
        themes = list(
            dict.fromkeys([*rng.sample(p_themes, rng.randint(1, len(p_themes))), *sample(rng, theme_keys, 0, 1)])
        )
        needs = list(dict.fromkeys([*rng.sample(p_needs, rng.randint(1, len(p_needs))), *sample(rng, need_keys, 0, 1)]))
        out["themes"].extend({"idea_id": iid, "term_id": themes_v[t]} for t in themes)
        out["needs"].extend({"idea_id": iid, "term_id": needs_v[k]} for k in needs)
        if rng.random() < 0.4:
            for _ in range(1 if rng.random() < 0.8 else 2):
                pid = ctx.uid()
                name = person(rng)
                consent = rng.random() < 0.85
                share = consent and rng.random() < 0.5
                out["initiators"].append(
                    {
                        "id": pid,
                        "reference": ctx.ref("P", created.year),
                        "name": name,
                        "email": email_of(name, rng) if consent else None,
                        "phone": phone(rng) if consent and rng.random() < 0.7 else None,
                        "address": f"{street} {rng.randint(1, 200)}" if consent and rng.random() < 0.4 else None,
                        "postcode": postcode(rng) if consent and rng.random() < 0.4 else None,
                        "anonymised_at": None,
                        "created_at": created,
                        "updated_at": created,
                        "version": 1,
                    }
                )
                out["links"].append({"idea_id": iid, "initiator_id": pid})
                for purpose, given in (("contact", consent), ("delen", share)):
                    if given:
                        out["consents"].append(
                            {
                                "id": ctx.uid(),
                                "initiator_id": pid,
                                "purpose": purpose,
                                "given": True,
                                "method": rng.choice(["mondeling", "e-mail", "formulier"]),
                                "recorded_on": created.date(),
                                "recorded_at": created,
                            }
                        )
        infos.append(IdeaInfo(iid, created, status, needs, wijk_index))
    return out, infos


def gen_matches(
    ctx: Ctx, n: int, ideas: list[IdeaInfo], orgs: list[OrgInfo], by_offer: dict[str, list[int]]
) -> tuple[list[dict[str, Any]], list[tuple[str, str, str, datetime]]]:
    rng = ctx.rng
    needs_v = ctx.terms["help_type"]
    stop = datetime.combine(END, datetime.min.time()) + timedelta(hours=18)
    pool = [i for i in ideas if i.status not in ("nieuw",)] or ideas
    seen: set[tuple[str, str, str]] = set()
    rows: list[dict[str, Any]] = []
    made: list[tuple[str, str, str, datetime]] = []
    attempts = 0
    while len(rows) < n and attempts < n * 5:
        attempts += 1
        idea = rng.choice(pool)
        need = rng.choice(idea.needs)
        candidates = by_offer.get(need) or []
        org = orgs[rng.choice(candidates)] if candidates else rng.choice(orgs)
        key = (idea.id, org.id, need)
        if key in seen:
            continue
        seen.add(key)
        if idea.status in ("in verkenning", "gekoppeld"):
            status = rng.choices(MATCH_STATUSES, weights=[40, 35, 15, 10, 0])[0]
        elif idea.status == "in uitvoering":
            status = rng.choices(MATCH_STATUSES, weights=[5, 15, 50, 10, 20])[0]
        else:
            status = rng.choices(MATCH_STATUSES, weights=[5, 10, 15, 25, 45])[0]
        created = between(max(idea.created, org.created), stop, rng, skew=3.0)
        updated = between(created, stop, rng, skew=2.0)
        follow = (
            (created + timedelta(days=rng.randint(3, 60))).date()
            if status in ("voorgesteld", "benaderd", "toegezegd") and rng.random() < 0.7
            else None
        )
        mid = ctx.uid()
        rows.append(
            {
                "id": mid,
                "idea_id": idea.id,
                "organisation_id": org.id,
                "need_id": needs_v[need],
                "contact_id": rng.choice(org.contacts) if org.contacts and rng.random() < 0.6 else None,
                "status": status,
                "follow_up_on": follow,
                "note": None if rng.random() < 0.7 else f"{rng.choice(OUTCOMES).capitalize()}.",
                "created_at": created,
                "updated_at": updated,
                "version": rng.randint(1, 4),
            }
        )
        made.append((mid, idea.id, org.id, created))
    return rows, made


def gen_activities(
    ctx: Ctx, n: int, ideas: list[IdeaInfo], orgs: list[OrgInfo], matches: list[tuple[str, str, str, datetime]]
) -> list[dict[str, Any]]:
    """Timeline entries: one per koppeling, 'Idee geregistreerd.' per idea, the rest notes and calls."""
    rng = ctx.rng
    stop = datetime.combine(END, datetime.min.time()) + timedelta(hours=18)
    rows: list[dict[str, Any]] = []

    def add(idea_id: str | None, org_id: str | None, match_id: str | None, kind: str, when: datetime, txt: str) -> None:
        rows.append(
            {
                "id": ctx.uid(),
                "idea_id": idea_id,
                "organisation_id": org_id,
                "match_id": match_id,
                "kind": kind,
                "occurred_at": when,
                "text": txt,
                "author": rng.choice(["makelaar", "Sanne de Vries", "Ahmed Bouzid", None]),
                "created_at": when,
            }
        )

    for mid, iid, oid, created in matches[: n // 4]:
        add(iid, oid, mid, "statuswijziging", created, "Gekoppeld (voorgesteld).")
    for idea in ideas:
        if len(rows) >= n * 3 // 4:
            break
        add(idea.id, None, None, "notitie", idea.created, "Idee geregistreerd.")
    while len(rows) < n:
        txt = rng.choice(ACTIVITY_TEXTS).format(who=person(rng), outcome=rng.choice(OUTCOMES), topic=rng.choice(TOPICS))
        kind = rng.choice(ACTIVITY_KINDS)
        if rng.random() < 0.7 or not orgs:
            idea = rng.choice(ideas)
            add(idea.id, None, None, kind, between(idea.created, stop, rng, skew=2.0), txt)
        else:
            org = rng.choice(orgs)
            add(None, org.id, None, kind, between(org.created, stop, rng, skew=2.0), txt)
    return rows


# --- main -----------------------------------------------------------------------------------------------------------


def prepare_path(out: Path, force: bool) -> None:
    """Remove an earlier generated store; refuse to overwrite anything else unless --force."""
    if out.exists():
        import sqlite3

        generated = False
        try:
            con = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
            try:
                generated = bool(con.execute("SELECT 1 FROM settings WHERE key = ?", (MARKER_KEY,)).fetchone())
            finally:
                con.close()
        except sqlite3.Error:
            generated = False
        if not generated and not force:
            raise SystemExit(f"{out} exists and is not a generated benchmark store; use --force to overwrite it.")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ideas", type=int, default=100_000)
    ap.add_argument("--organisations", type=int, default=20_000)
    ap.add_argument("--matches", type=int, default=None, help="koppelingen (default 50,000; 500 with --quick)")
    ap.add_argument("--activities", type=int, default=None, help="timeline entries (default 200,000; 2,000 --quick)")
    ap.add_argument("--quick", action="store_true", help="a small store: 2,000 ideas, 500 organisations")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "bench.sqlite")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--force", action="store_true", help="overwrite --out even if it is not a generated store")
    args = ap.parse_args(argv)
    if args.quick:
        n_ideas = min(args.ideas, 2_000)
        n_orgs = min(args.organisations, 500)
        n_matches = 500 if args.matches is None else args.matches
        n_acts = 2_000 if args.activities is None else args.activities
    else:
        n_ideas, n_orgs = args.ideas, args.organisations
        n_matches = 50_000 if args.matches is None else args.matches
        n_acts = 200_000 if args.activities is None else args.activities

    t_start = time.perf_counter()
    out: Path = args.out.resolve()
    prepare_path(out, args.force)
    store = open_store(f"sqlite:///{out}")
    t_open = time.perf_counter() - t_start
    timings: list[tuple[str, int, float]] = []
    try:
        with store.begin() as s:
            terms: dict[str, dict[str, str]] = {}
            for vocab, key, tid in s.execute(
                select(m.VocabularyTerm.vocabulary, m.VocabularyTerm.key, m.VocabularyTerm.id).order_by(
                    m.VocabularyTerm.vocabulary, m.VocabularyTerm.position
                )
            ):
                terms.setdefault(vocab, {})[key] = tid
            wide = s.scalar(select(m.Area.id).where(m.Area.kind == "gemeente"))
            assert wide is not None, "the migration should have created 'hele gemeente'"
        ctx = Ctx(rng=random.Random(args.seed), terms=terms, wide_area=wide)

        def step(label: str, tbl: Table, rows: list[dict[str, Any]]) -> None:
            timings.append((label, len(rows), bulk(store, tbl, rows)))

        t_gen = time.perf_counter()
        step("areas", table(m.Area), gen_areas(ctx))
        orgs_out, org_infos, by_offer = gen_organisations(ctx, n_orgs)
        sess_rows, sess_infos = gen_sessions(ctx)
        ideas_out, idea_infos = gen_ideas(ctx, n_ideas, sess_infos)
        match_rows, made = gen_matches(ctx, n_matches, idea_infos, org_infos, by_offer) if n_matches else ([], [])
        act_rows = gen_activities(ctx, n_acts, idea_infos, org_infos, made) if n_acts else []
        t_gen = time.perf_counter() - t_gen

        step("organisations (+FTS trigger)", table(m.Organisation), orgs_out["org"])
        step("organisation_offers", m.organisation_offers, orgs_out["offers"])
        step("organisation_themes", m.organisation_themes, orgs_out["themes"])
        step("organisation_areas", m.organisation_areas, orgs_out["areas"])
        step("contacts", table(m.Contact), orgs_out["contacts"])
        step("sessions", table(m.IntakeSession), sess_rows)
        step("ideas (+FTS trigger)", table(m.Idea), ideas_out["ideas"])
        step("idea_themes", m.idea_themes, ideas_out["themes"])
        step("idea_needs", m.idea_needs, ideas_out["needs"])
        step("initiators", table(m.Initiator), ideas_out["initiators"])
        step("consents", table(m.Consent), ideas_out["consents"])
        step("idea_initiators", m.idea_initiators, ideas_out["links"])
        step("matches", table(m.Match), match_rows)
        step("activities", table(m.Activity), act_rows)
        counters = [{"prefix": p, "year": y, "last": n} for (p, y), n in sorted(ctx.counters.items())]
        step("reference_counters", table(m.ReferenceCounter), counters)
        marker = f"seed={args.seed} ideas={n_ideas} organisations={n_orgs} matches={len(match_rows)}"
        step("settings", table(m.Setting), [{"key": MARKER_KEY, "value": marker}])
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        _check(store, n_ideas, n_orgs)
    finally:
        store.close()
    total = time.perf_counter() - t_start
    print(f"store: {out} ({out.stat().st_size / 1e6:.1f} MB)")
    print(f"  open_store (create + migrate): {t_open:6.2f} s")
    print(f"  generate rows in Python:       {t_gen:6.2f} s")
    for label, n, secs in timings:
        rate = f"{n / secs:,.0f} rows/s" if secs > 0 and n else ""
        print(f"  insert {label:<28} {n:>8,} rows {secs:6.2f} s  {rate}")
    print(f"total: {total:.1f} s")
    return 0


def _check(store: Store, n_ideas: int, n_orgs: int) -> None:
    """The triggers filled the search index and set search_rowid on every row."""
    with store.engine.connect() as conn:
        for tbl, n in (("ideas", n_ideas), ("organisations", n_orgs)):
            missing = conn.exec_driver_sql(f"SELECT count(*) FROM {tbl} WHERE search_rowid IS NULL").scalar()
            indexed = conn.exec_driver_sql(f"SELECT count(*) FROM {tbl}_fts").scalar()
            assert not missing, f"{missing} {tbl} without search_rowid"
            assert indexed == n, f"{tbl}_fts has {indexed} rows, expected {n}"


if __name__ == "__main__":
    raise SystemExit(main())
