"""The two kinds of error (after qutebrowser's KnownError/BugError).

A :class:`KnownError` is caused by the user or the environment (bad input, a stale record, a store that is too
new). It carries a Dutch message for the user and nothing is lost. Anything else is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class KnownError(Exception):
    """An error the user can act on; ``str(error)`` is the Dutch message."""


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ValidationError(KnownError):
    """One or more fields are not valid. Nothing was saved."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("\n".join(e.message for e in errors))

    def for_field(self, name: str) -> str | None:
        return next((e.message for e in self.errors if e.field == name), None)


class StaleRecordError(KnownError):
    """Somebody else saved the record after it was opened here."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"{what} is intussen door iemand anders gewijzigd. Je wijzigingen zijn niet opgeslagen; "
            "open het opnieuw om de nieuwste versie te zien."
        )


class NotFoundError(KnownError):
    pass


@dataclass
class AmbiguousError(KnownError):
    what: str
    candidates: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        lines = "\n".join(f"  - {c}" for c in self.candidates)
        return f"'{self.what}' is niet eenduidig. Bedoel je een van deze?\n{lines}"


class StoreError(KnownError):
    """The store cannot be opened or used (too new, damaged, locked, unreachable)."""
