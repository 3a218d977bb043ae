"""Statuses and kinds. Values are stable codes stored in the database; labels are Dutch."""

from __future__ import annotations

from enum import StrEnum


class IdeaStatus(StrEnum):
    NEW = "nieuw"
    EXPLORING = "in verkenning"
    MATCHED = "gekoppeld"
    IN_PROGRESS = "in uitvoering"
    REALISED = "gerealiseerd"
    INDEPENDENT = "zelfstandig verder"
    REFERRED = "doorverwezen"
    STOPPED = "gestopt"
    NO_CONTACT = "geen contact meer"

    @property
    def label(self) -> str:
        return self.value

    @property
    def is_closed(self) -> bool:
        return self in CLOSED_IDEA_STATUSES


CLOSED_IDEA_STATUSES = frozenset(
    {IdeaStatus.REALISED, IdeaStatus.INDEPENDENT, IdeaStatus.REFERRED, IdeaStatus.STOPPED, IdeaStatus.NO_CONTACT}
)


class MatchStatus(StrEnum):
    PROPOSED = "voorgesteld"
    APPROACHED = "benaderd"
    COMMITTED = "toegezegd"
    DECLINED = "afgewezen"
    DONE = "afgerond"

    @property
    def label(self) -> str:
        return self.value


# Which steps a koppeling may take from each status (DESIGN.md: voorgesteld -> benaderd -> toegezegd | afgewezen
# -> afgerond). Going back one step is allowed so a slip can be corrected.
MATCH_TRANSITIONS: dict[MatchStatus, frozenset[MatchStatus]] = {
    MatchStatus.PROPOSED: frozenset({MatchStatus.APPROACHED, MatchStatus.DECLINED}),
    MatchStatus.APPROACHED: frozenset({MatchStatus.PROPOSED, MatchStatus.COMMITTED, MatchStatus.DECLINED}),
    MatchStatus.COMMITTED: frozenset({MatchStatus.APPROACHED, MatchStatus.DONE, MatchStatus.DECLINED}),
    MatchStatus.DECLINED: frozenset({MatchStatus.APPROACHED}),
    MatchStatus.DONE: frozenset({MatchStatus.COMMITTED}),
}


class ActivityKind(StrEnum):
    NOTE = "notitie"
    CALL = "telefoongesprek"
    EMAIL = "e-mail"
    VISIT = "bezoek"
    MEETING = "overleg"
    STATUS = "statuswijziging"

    @property
    def label(self) -> str:
        return self.value


class IdeaSource(StrEnum):
    SESSION = "wijktafel"
    WALK_IN = "inloopspreekuur"
    PHONE = "telefoon"
    EMAIL = "e-mail"
    WEBSITE = "website"
    OTHER = "anders"

    @property
    def label(self) -> str:
        return self.value


class ConsentMethod(StrEnum):
    IN_PERSON = "mondeling"
    EMAIL = "e-mail"
    FORM = "formulier"

    @property
    def label(self) -> str:
        return self.value


class Vocabulary(StrEnum):
    """The renamable word lists a municipality keeps."""

    THEME = "theme"
    HELP_TYPE = "help_type"
    ORGANISATION_KIND = "organisation_kind"

    @property
    def label(self) -> str:
        return {
            Vocabulary.THEME: "Thema's",
            Vocabulary.HELP_TYPE: "Soorten hulp (behoefte en aanbod)",
            Vocabulary.ORGANISATION_KIND: "Soorten organisatie",
        }[self]


class AreaKind(StrEnum):
    MUNICIPALITY = "gemeente"
    DISTRICT = "wijk"
    NEIGHBOURHOOD = "buurt"
    VILLAGE = "dorp"

    @property
    def label(self) -> str:
        return self.value
