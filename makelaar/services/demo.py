"""Example data: the fictional Gemeente Lindewaard, rich enough to show every screen and report.

The municipality itself (areas, organisations, ideas, wijktafels, names and notes) is a resource file,
``resources/demo-lindewaard.json``; this module turns it into records.

Everything goes through the services, so the example data passes the same validation as what a broker types.
Dates are relative to today and the few random choices come from a fixed seed, so two runs on the same day give
the same store.
"""

from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

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
from makelaar.paths import resources_dir
from makelaar.services import activities, ideas, matches, organisations, sessions
from makelaar.services import vocabulary as vocab
from makelaar.storage.models import Idea, Match, Organisation

ALL = MUNICIPALITY_WIDE
DATA_FILE = "demo-lindewaard.json"


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


@dataclass(frozen=True)
class _Example:
    """The example municipality as the resource file describes it."""

    municipality: str
    broker: BrokerContact
    areas: list[tuple[str, AreaKind, str | None]]  # (name, kind, parent): villages on their own, buurten in a wijk
    organisations: list[_Org]
    sessions: list[tuple[str, int, str, str, str]]  # (title, days ago, place, area, notes)
    ideas: list[_Idea]
    first_names: list[str]
    last_names: list[str]
    follow_up_days: list[int]  # follow-up dates around today: a few overdue, some today, most in the coming weeks
    match_notes: dict[MatchStatus, list[str]]
    idea_notes: list[tuple[ActivityKind, str]]
    organisation_notes: list[tuple[ActivityKind, str]]

    @property
    def place_words(self) -> set[str]:
        """Words in an organisation's name that say where it is, not what it is."""
        return {self.municipality.removeprefix("Gemeente ").lower(), *(n.lower() for n, _k, _p in self.areas)}


def _example(path: Path | None = None) -> _Example:
    """Read the example municipality from the program's resources; a damaged file is named, not a traceback."""
    path = path or resources_dir() / DATA_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return _Example(
            municipality=str(raw["municipality"]),
            broker=BrokerContact(**{k: str(v) for k, v in raw["broker"].items()}),
            areas=[(str(a["name"]), AreaKind(a["kind"]), a["parent"]) for a in raw["areas"]],
            organisations=[
                _Org(
                    name=o["name"],
                    kind=o["kind"],
                    description=o["description"],
                    offers=tuple(o["offers"]),
                    themes=tuple(o["themes"]),
                    areas=tuple(o["areas"]),
                    contacts=tuple((c["name"], c["role"]) for c in o.get("contacts", ())),
                    street=o.get("street", ""),
                    active=bool(o.get("active", True)),
                    kvk=bool(o.get("kvk", True)),
                )
                for o in raw["organisations"]
            ],
            sessions=[
                (str(x["title"]), int(x["days_ago"]), str(x["place"]), str(x["area"]), str(x["notes"]))
                for x in raw["sessions"]
            ],
            ideas=[
                _Idea(
                    title=i["title"],
                    description=i["description"],
                    area=i["area"],
                    themes=tuple(i["themes"]),
                    needs=tuple(i["needs"]),
                    team=int(i["team"]),
                    status=IdeaStatus(i["status"]),
                    source=IdeaSource(i["source"]),
                    when=int(i["when"]),
                    amount=None if i.get("amount") is None else int(i["amount"]),
                    people=i.get("people", "full"),
                )
                for i in raw["ideas"]
            ],
            first_names=[str(n) for n in raw["first_names"]],
            last_names=[str(n) for n in raw["last_names"]],
            follow_up_days=[int(n) for n in raw["follow_up_days"]],
            match_notes={MatchStatus(k): [str(t) for t in v] for k, v in raw["match_notes"].items()},
            idea_notes=[(ActivityKind(n["kind"]), str(n["text"])) for n in raw["idea_notes"]],
            organisation_notes=[(ActivityKind(n["kind"]), str(n["text"])) for n in raw["organisation_notes"]],
        )
    except OSError as exc:
        raise KnownError(f"De voorbeeldgegevens ({path}) zijn niet te lezen: {exc.strerror or exc}.") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KnownError(
            f"De voorbeeldgegevens ({path}) zijn beschadigd ({type(exc).__name__}: {exc}); installeer Makelaar opnieuw."
        ) from exc


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


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = "".join(ch if ch.isalnum() else " " for ch in plain).split()
    return "-".join(w for w in words if w not in {"stichting", "gemeente", "lindewaard"})[:40] or "lindewaard"


class _Filler:
    def __init__(self, s: Session, ex: _Example) -> None:
        self.s = s
        self.ex = ex
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
        for name, kind, parent in self.ex.areas:
            existing = vocab.find_area(self.s, name)
            parent_id = self.areas[parent] if parent else None
            self.areas[name] = (existing or vocab.add_area(self.s, name, kind, parent_id)).id

    def fill_organisations(self) -> dict[str, OrganisationData]:
        saved: dict[str, OrganisationData] = {}
        for org in self.ex.organisations:
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
            for title, days, place, area, notes in self.ex.sessions
        ]

    def people(self, index: int, idea: _Idea, received: date) -> list[InitiatorData]:
        if idea.people == "none":
            return []
        first = self.ex.first_names[index % len(self.ex.first_names)]
        last = self.ex.last_names[(index * 7) % len(self.ex.last_names)]
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
        firsts, lasts = self.ex.first_names, self.ex.last_names
        second = f"{firsts[(index + 11) % len(firsts)]} {lasts[(index * 3 + 5) % len(lasts)]}"
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
        for index, idea in enumerate(self.ex.ideas):
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
        wijk = next((p for n, _k, p in self.ex.areas if n == idea.area and p), idea.area)

        text = f"{idea.title} {idea.description}".lower()

        def score(org: _Org) -> int:
            here = 3 if wijk in org.areas or idea.area in org.areas else 2 if ALL in org.areas else 0
            words = set(org.name.lower().replace(",", "").split()) - self.ex.place_words
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
        orgs = [(o, saved[o.name]) for o in self.ex.organisations]
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
                    follow_up_on=self.today
                    + timedelta(days=self.ex.follow_up_days[count % len(self.ex.follow_up_days)]),
                    note=self.ex.match_notes[target][count % 2] if target is MatchStatus.PROPOSED else None,
                    author="voorbeeldgegevens",
                )
                for step in STEPS[target]:
                    closed = step in (MatchStatus.DONE, MatchStatus.DECLINED)
                    follow = (
                        None
                        if closed
                        else self.today + timedelta(days=self.ex.follow_up_days[count % len(self.ex.follow_up_days)])
                    )
                    notes = self.ex.match_notes[step]
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
                kind, text = self.ex.idea_notes[(number + step) % len(self.ex.idea_notes)]
                day = data.received_on + timedelta(days=3 + 5 * step)
                activities.add_activity(
                    self.s, kind=kind, text=text, idea_id=data.id, occurred_at=self.at(day, 9 + number % 8)
                )
                count += 1
        for number, org in enumerate(list(saved.values())[::5]):
            kind, text = self.ex.organisation_notes[number % len(self.ex.organisation_notes)]
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
    ex = _example()
    if not vocab.get_setting(s, vocab.MUNICIPALITY_NAME).strip():
        vocab.set_setting(s, vocab.MUNICIPALITY_NAME, ex.municipality)
    if not vocab.broker_contact(s).name:
        vocab.set_broker_contact(s, ex.broker)
    filler = _Filler(s, ex)
    filler.fill_areas()
    saved = filler.fill_organisations()
    held = filler.fill_sessions()
    made = filler.fill_ideas(held)
    match_count = filler.fill_matches(made, saved)
    filler.spread_over_time(made)
    activity_count = filler.fill_activities(made, saved)
    return (
        f"Voorbeeldgegevens toegevoegd voor {ex.municipality}: {len(made)} ideeën, {len(saved)} organisaties, "
        f"{len(held)} wijktafels, {match_count} koppelingen, {len(ex.areas)} wijken, buurten en dorpen, "
        f"{activity_count} notities en contactmomenten."
    )
