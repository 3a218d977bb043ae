"""Rows of a table into organisations and ideas: each row through the services the editors use."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, fields, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Table as Table_
from sqlalchemy import insert, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.orm import Session, SessionTransaction, selectinload

from makelaar.domain import criteria, proposals
from makelaar.domain import validation as v
from makelaar.domain.contact_text import find_contact_details, is_free_text
from makelaar.domain.enums import ActivityKind, AreaKind, ConsentMethod, IdeaSource, IdeaStatus, Vocabulary
from makelaar.domain.errors import KnownError, StoreError
from makelaar.domain.formatting import format_euro
from makelaar.domain.records import ContactData, IdeaData, InitiatorData, OrganisationData
from makelaar.domain.vocabulary import MUNICIPALITY_WIDE, split_list
from makelaar.services import ideas, imports, organisations
from makelaar.services import vocabulary as vocab
from makelaar.services.csvio.columns import (
    _NO,
    _REQUIRED,
    _SOURCES,
    _STATUSES,
    _YES,
    IDEA_COLUMNS,
    ORGANISATION_COLUMNS,
    _check_kind,
    _checked_mapping,
    column_letter,
    duplicate_columns,
    guess_mapping,
    idea_key,
    normalise,
    organisation_key,
    unmapped_columns,
    website_key,
)
from makelaar.services.csvio.excel import (
    _excel_date,
    _excel_int,
    _excel_kvk,
    _excel_phone,
)
from makelaar.services.csvio.reading import (
    MAX_CELL_LENGTH,
    Table,
    file_error_text,
    read_table,
)
from makelaar.services.csvio.result import (
    ADDED,
    REJECTED,
    UNCHANGED,
    UPDATED,
    ImportResult,
    RowOutcome,
)
from makelaar.services.csvio.writing import (
    _write_csv,
)
from makelaar.storage.base import new_id, utcnow
from makelaar.storage.models import (
    Activity,
    Area,
    Contact,
    Idea,
    Initiator,
    Organisation,
    ReferenceCounter,
    VocabularyTerm,
    organisation_areas,
    organisation_offers,
    organisation_themes,
)
from makelaar.storage.store import Store

# --- importing -------------------------------------------------------------------------------------------------------

# The file column each contact field of an organisation is read from.
_CELL_OF = {"phone": "telefoon", "email": "email", "website": "website", "postcode": "postcode", "kvk": "kvk"}


class _Importer:
    """One import: lookups built once, then one savepoint per row."""

    def __init__(
        self,
        s: Session,
        kind: str,
        table: Table,
        result: ImportResult,
        columns: dict[str, int] | None = None,
        *,
        propose: bool = True,
    ) -> None:
        self.s = s
        self.propose = propose
        self.kind = kind
        self.table = table
        self.result = result
        self.columns = guess_mapping(kind, table.headers) if columns is None else columns
        unmapped = unmapped_columns(table.headers, self.columns)
        doubles = duplicate_columns(kind, table.headers, self.columns)
        result.duplicate_columns.extend(doubles)
        doubled = {header for header, _index in doubles}
        result.unknown_columns.extend(h for h in unmapped if h not in doubled)
        # Record id -> (ADDED or UPDATED, its data before the first change of this import); for the undo.
        self.journal: dict[str, tuple[str, Any]] = {}
        self._touched: tuple[str, str, Any, str] | None = None  # this row's record: id, action, before, target
        self._note = ""  # what the row's outcome should say besides its action
        self._proposed = False  # whether the row's help types or themes were proposed from its words
        # New organisations, validated, waiting for the bulk insert at the end of the run.
        self.pending: dict[str, OrganisationData] = {}
        self._savepoint: SessionTransaction | None = None
        self._undo: list[Callable[[], None]] = []
        self._row_unknown: list[str] = []
        self._row_to_check: list[tuple[str, str]] = []  # this row's contact values kept "te controleren"
        self._spellings: dict[str, str] = {}
        # The stored records this file updates, as plain data (never changed in place).
        self.stored: dict[str, Any] = {}
        # Record id -> the line of this file that added, updated or left it: a later line for the same record may
        # only repeat it, or the import would change it back and forth and never settle.
        self.claimed: dict[str, int] = {}
        self.references: dict[str, str] = {}  # record id -> its reference and name, for the reasons
        self.number = 0  # the line being imported
        self._stored_name_keys: set[str] | None = None
        # The file's rows, with branches of one organisation in several areas sorted out (see _branches).
        self.rows = self._branches(table.rows) if kind == "organisaties" else table.rows
        self._load_lookups()

    def _load_lookups(self) -> None:
        s = self.s
        wide = vocab.municipality_area(s)
        self.areas: dict[str, str] = {normalise(a.name): a.id for a in s.scalars(select(Area))}
        for alias in (MUNICIPALITY_WIDE, "gemeentebreed", "gemeente breed", "heel de gemeente", wide.name):
            self.areas.setdefault(normalise(alias), wide.id)
        self.terms: dict[str, dict[str, str]] = {v.value: {} for v in Vocabulary}
        # The entries in use, id -> name, for proposing them from a row's words (see _propose).
        self.term_names: dict[str, dict[str, str]] = {v.value: {} for v in Vocabulary}
        for t in s.scalars(select(VocabularyTerm).order_by(VocabularyTerm.position)):
            if t.retired_at is None:
                self.term_names.setdefault(t.vocabulary, {})[t.id] = t.name
            known = self.terms.setdefault(t.vocabulary, {})
            known.setdefault(normalise(t.name), t.id)
            if t.key:
                known.setdefault(normalise(t.key.replace("_", " ")), t.id)
        # Every key maps to all the records that have it: a key several records share identifies none of them.
        self.orgs_by_name: dict[str, list[str]] = {}
        self.orgs_by_kvk: dict[str, list[str]] = {}
        self.orgs_by_website: dict[str, list[str]] = {}
        self.ideas_by_key: dict[tuple[str, str | None], list[str]] = {}
        self.ideas_by_title: dict[str, list[str]] = {}
        # Websites several rows of this file share (a municipality's teams), and KvK numbers several rows share
        # under different names (branches of one legal entity): they identify nobody either.
        self.file_sites: set[str] = set()
        self.file_kvks: set[str] = set()
        if self.kind == "organisaties":
            for org_id, reference, name, kvk, website in s.execute(
                select(
                    Organisation.id, Organisation.reference, Organisation.name, Organisation.kvk, Organisation.website
                ).order_by(Organisation.reference)
            ):
                self.references[org_id] = _label(reference, name)
                self.orgs_by_name.setdefault(organisation_key(name), []).append(org_id)
                if kvk:
                    self.orgs_by_kvk.setdefault(kvk, []).append(org_id)
                site = website_key(website)
                if site:
                    self.orgs_by_website.setdefault(site, []).append(org_id)
            if "website" in self.columns:
                seen: set[str] = set()
                for _n, cells in self.rows:
                    site = website_key(self.cell(cells, "website"))
                    if site in seen:
                        self.file_sites.add(site)
                    elif site:
                        seen.add(site)
            if "kvk" in self.columns:
                names: dict[str, str] = {}
                for _n, cells in self.rows:
                    kvk = _excel_kvk(self.cell(cells, "kvk"))
                    name = organisation_key(self.cell(cells, "naam"))
                    if kvk and names.setdefault(kvk, name) != name:
                        self.file_kvks.add(kvk)
        else:
            for idea_id, reference, title, area_id in s.execute(
                select(Idea.id, Idea.reference, Idea.title, Idea.area_id).order_by(Idea.reference)
            ):
                self.references[idea_id] = _label(reference, title)
                self.ideas_by_key.setdefault((idea_key(title), area_id), []).append(idea_id)
                self.ideas_by_title.setdefault(idea_key(title), []).append(idea_id)

    def _branches(self, rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
        """Rows that share a name but not an area: one organisation in several areas, or branches.

        A published sociale kaart lists "Voedselbank" in Centrum and again in Oost. When everything but the area
        agrees with the name's first row, it is one organisation that serves both: every such row gets all their
        areas (so the later ones repeat the first and a second import finds nothing to change). A row with other
        data is a branch and becomes its own organisation, named by its area: "Voedselbank (Oost)"; so does the
        first row ("Voedselbank (Centrum)"), unless Makelaar already has an organisation by the plain name, which
        the first row then updates as before. The rows are copies; the table stays as read (the wizard imports it
        again after the preview).
        """
        name_at = self.columns.get("naam")
        area_at = self.columns.get("wijken")
        if name_at is None or area_at is None:
            return rows
        others = [i for i in self.columns.values() if i not in (name_at, area_at)]

        def cell(cells: list[str], index: int) -> str:
            return cells[index].strip() if index < len(cells) else ""

        groups: dict[str, list[int]] = {}
        for at, (_n, cells) in enumerate(rows):
            name = cell(cells, name_at)
            if name:
                groups.setdefault(organisation_key(name), []).append(at)
        out = [(n, list(cells)) for n, cells in rows]
        for members in groups.values():
            areas = {at: split_list(cell(rows[at][1], area_at)) for at in members}
            if len(members) < 2 or len({tuple(normalise(a) for a in areas[at]) for at in members}) < 2:
                continue  # one row, or the same areas: not a question of branches
            first = members[0]
            rest = [cell(rows[first][1], i) for i in others]
            agreeing = [at for at in members if [cell(rows[at][1], i) for i in others] == rest]
            together = list(dict.fromkeys(a for at in agreeing for a in areas[at]))
            name = cell(rows[first][1], name_at)
            for at in agreeing:
                cells = out[at][1]
                cells.extend([""] * (area_at + 1 - len(cells)))
                cells[area_at] = ", ".join(together)
                if at != first:
                    self.result.branches.append(
                        (
                            rows[at][0],
                            f"'{name}' ook in {', '.join(areas[at])}: één organisatie voor {', '.join(together)}",
                        )
                    )
            # A row without an area is no branch: it is judged as a repeat of the first, as before.
            differing = [at for at in members if at not in agreeing and areas[at]]
            if differing and together and organisation_key(name) not in self._stored_names():
                # No plain one to update: the first row's organisation (and the rows with it) is named by its areas.
                plain = f"{name} ({', '.join(together)})"
                for at in agreeing:
                    out[at][1][name_at] = plain
                self.result.branches.append(
                    (rows[first][0], f"'{name}' in {', '.join(together)}: opgeslagen als '{plain}'")
                )
            for at in differing:
                branch = f"{cell(rows[at][1], name_at)} ({', '.join(areas[at])})"
                out[at][1][name_at] = branch
                self.result.branches.append(
                    (rows[at][0], f"'{name}' in {', '.join(areas[at])} met andere gegevens: opgeslagen als '{branch}'")
                )
        self.result.branches.sort()
        return out

    def _stored_names(self) -> set[str]:
        """The names (as organisation_key folds them) of the organisations in the store; read once, when needed."""
        if self._stored_name_keys is None:
            self._stored_name_keys = {organisation_key(n) for n in self.s.scalars(select(Organisation.name))}
        return self._stored_name_keys

    def _writing(self) -> None:
        """Called before a row first writes to the store: from then on the row has a savepoint, so a rejected row
        leaves nothing behind. Most rows of a large file only add to the bulk insert and need none."""
        if self._savepoint is None:
            self._savepoint = self.s.begin_nested()

    # Lookups that may add to the store; each addition is undone from the dicts when its row is rolled back.

    def _remember(
        self, table: dict[Any, Any], key: Any, value: Any, report: list[str] | None = None, name: str = ""
    ) -> None:
        missing = object()
        old = table.get(key, missing)
        table[key] = value
        if report is not None:
            report.append(name)

        def undo() -> None:
            if old is missing:
                table.pop(key, None)
            else:
                table[key] = old
            if report is not None:
                report.remove(name)

        self._undo.append(undo)

    def _index(self, table: dict[Any, list[str]], old_key: Any, new_key: Any, record_id: str) -> None:
        """Move a record from one key of a lookup to another (a row changed its KvK number or website)."""
        if old_key == new_key and old_key and record_id in table.get(old_key, []):
            return
        if old_key and record_id in (old_ids := table.get(old_key, [])):
            at = old_ids.index(record_id)
            old_ids.remove(record_id)
            self._undo.append(functools.partial(old_ids.insert, at, record_id))
        if new_key and record_id not in (new_ids := table.setdefault(new_key, [])):
            new_ids.append(record_id)
            self._undo.append(functools.partial(new_ids.remove, record_id))

    def area_id(self, name: str) -> str:
        key = normalise(name)
        found = self.areas.get(key)
        if found is None:
            self._writing()
            area = vocab.add_area(self.s, name, AreaKind.DISTRICT)
            found = area.id
            self._remember(self.areas, key, found, self.result.new_areas, area.name)
        return found

    def kind_id(self, name: str) -> str:
        known = self.terms[Vocabulary.ORGANISATION_KIND.value]
        key = normalise(name)
        found = known.get(key)
        if found is None:
            self._writing()
            term = vocab.add_term(self.s, Vocabulary.ORGANISATION_KIND, name)
            found = term.id
            self._remember(known, key, found, self.result.new_kinds, term.name)
        return found

    def _read_fund_criteria(self, data: OrganisationData) -> None:
        """A new fund's conditions as its description states them, into its own fields where they are empty (the
        maximum, the minimum of people, what it does not support), said in the row's note for the broker to check."""
        found = criteria.read(data.description)
        said: list[str] = []
        for crit in found:
            if crit.kind == criteria.MAX_AMOUNT and data.fund_max_amount is None and isinstance(crit.value, Decimal):
                data.fund_max_amount = crit.value
                said.append(f"hooguit {format_euro(crit.value)}")
            elif crit.kind == criteria.MIN_PEOPLE and data.fund_min_initiators is None and isinstance(crit.value, int):
                data.fund_min_initiators = crit.value
                said.append(f"minstens {crit.value} mensen")
        if not data.fund_excludes:
            phrases = [p for p in (criteria.phrase(crit) for crit in found) if p]
            if phrases:
                data.fund_excludes = "; ".join(phrases)
                said.extend(phrases)
        if said:
            self._add_note("voorwaarden gelezen uit de omschrijving: " + "; ".join(said))

    def _term_list(self, vocabulary: Vocabulary, ids: Sequence[str]) -> str:
        names = self.term_names[vocabulary.value]
        return ", ".join(names.get(i, i) for i in ids)

    def _add_note(self, note: str) -> None:
        self._note = f"{self._note}; {note}" if self._note else note

    def _propose(self, vocabulary: Vocabulary, text: str, cues: Mapping[str, tuple[str, ...]]) -> list[str]:
        found = proposals.propose(text, self.term_names[vocabulary.value], cues)
        if found:
            self._proposed = True
        return found

    def term_ids(self, vocabulary: Vocabulary, cell: str) -> list[str]:
        known = self.terms[vocabulary.value]
        out: list[str] = []
        for value in split_list(cell):
            found = known.get(normalise(value))
            if found is None:
                if value not in self._row_unknown:
                    self._row_unknown.append(value)
            elif found not in out:
                out.append(found)
        return out

    def _offer_ids(self, cell: str) -> tuple[list[str], list[str]]:
        """The types of help a cell names, and its other values (kept by the caller, not reported as left off)."""
        known = self.terms[Vocabulary.HELP_TYPE.value]
        found: list[str] = []
        other: list[str] = []
        for value in split_list(cell):
            term = known.get(normalise(value))
            if term is None:
                if value not in other:
                    other.append(value)
            elif term not in found:
                found.append(term)
        return found, other

    def cell(self, cells: Sequence[str], key: str) -> str:
        index = self.columns.get(key)
        if index is None or index >= len(cells):
            return ""
        return cells[index].strip()

    def _refs(self, ids: Sequence[str]) -> str:
        return ", ".join(
            self.references.get(i, "").split(" ")[0] or f"nieuw (regel {self.claimed.get(i)})" for i in ids
        )

    def _organisation_candidates(self, name: str, kvk: str, website: str) -> tuple[list[str], bool]:
        """The stored organisations a row may be, and whether the row's name is not theirs (matched by KvK).

        Same KvK number, else same name (apart from case, accents, spaces and legal form), else same website;
        several candidates are sorted out by the caller. A row that points at two different records, or only by
        website at a record with another name, is rejected here.
        """
        by_name = self.orgs_by_name.get(organisation_key(name), [])
        by_kvk = self.orgs_by_kvk.get(kvk, []) if kvk and kvk not in self.file_kvks else []
        if len(by_kvk) > 1:
            # Branches with one KvK number: the name says which, else only an exact repeat of one of them will do.
            named = [i for i in by_kvk if i in by_name]
            return (named if len(named) == 1 else list(by_kvk)), False
        if by_kvk:
            found = by_kvk[0]
            if by_name and found not in by_name:
                raise KnownError(
                    f"De naam hoort bij {self._labels(by_name)}, maar het KvK-nummer {kvk} bij {self._labels(by_kvk)}. "
                    "Pas de rij aan, of voeg de organisaties samen via Bewerken → Dubbele organisaties zoeken."
                )
            return [found], not by_name
        if by_name:
            return list(by_name), False
        site = website_key(website)
        by_site = self.orgs_by_website.get(site, []) if site and site not in self.file_sites else []
        if len(by_site) == 1:
            raise KnownError(
                f"De website {website} hoort bij {self._labels(by_site)}, die een andere naam heeft. Is het dezelfde "
                "organisatie, pas dan de naam in de rij aan of voeg ze samen via Bewerken → Dubbele organisaties "
                "zoeken; is het een andere, verbeter dan de website."
            )
        return [], False

    def _labels(self, ids: Sequence[str]) -> str:
        return ", ".join(self.references.get(i) or f"de organisatie van regel {self.claimed.get(i)}" for i in ids)

    def _prefetch(self) -> None:
        """Load the stored records this file updates in a few queries, not a handful per row."""
        wanted: set[str] = set()
        if self.kind == "organisaties":
            if not self.orgs_by_name:
                return  # an empty registry: every row is new
            for _, c in self.rows:
                wanted.update(self.orgs_by_name.get(organisation_key(self.cell(c, "naam")), ()))
                kvk = _excel_kvk(self.cell(c, "kvk"))
                if kvk:
                    wanted.update(self.orgs_by_kvk.get(kvk, ()))
                site = website_key(self.cell(c, "website"))
                if site:
                    wanted.update(self.orgs_by_website.get(site, ()))
        else:
            for _, c in self.rows:
                title = idea_key(self.cell(c, "titel"))
                area = self.areas.get(normalise(self.cell(c, "wijk"))) if self.cell(c, "wijk") else None
                wanted.update(self.ideas_by_key.get((title, area), ()) if area else self.ideas_by_title.get(title, ()))
        ids = sorted(wanted)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            if self.kind == "organisaties":
                self.stored.update(_organisation_data_by_id(self.s, chunk))
            else:
                for i in self.s.scalars(
                    select(Idea)
                    .where(Idea.id.in_(chunk))
                    .options(
                        selectinload(Idea.themes),
                        selectinload(Idea.needs),
                        selectinload(Idea.initiators).selectinload(Initiator.consents),
                    )
                ):
                    self.stored[i.id] = ideas.idea_data(i)

    # The run.

    def run(self) -> None:
        self._prefetch()
        handle = self._organisation if self.kind == "organisaties" else self._idea
        label_key = _REQUIRED[self.kind]
        for number, cells in self.rows:
            self.number = number
            self._undo.clear()
            self._row_unknown.clear()
            self._row_to_check.clear()
            self._touched = None
            self._note = ""
            self._proposed = False
            label = self.cell(cells, label_key)
            self._savepoint = None
            try:
                too_long = next((i for i, cell in enumerate(cells) if len(cell) > MAX_CELL_LENGTH), None)
                if too_long is not None:
                    header = self.table.headers[too_long] if too_long < len(self.table.headers) else ""
                    raise KnownError(
                        f"De cel in kolom {column_letter(too_long)} ({header or 'zonder naam'}) is te lang: "
                        f"{len(cells[too_long])} tekens, de grens is {MAX_CELL_LENGTH}."
                    )
                outcome = handle(cells)
            except (KnownError, DataError) as exc:
                if self._savepoint is not None:
                    self._savepoint.rollback()
                for undo in reversed(self._undo):
                    undo()
                reason = _reason(exc)
                self.result.rejected.append((number, reason, list(cells)))
                self.result.rows.append(RowOutcome(number, REJECTED, label[:200], reason=reason))
                continue
            if self._savepoint is not None:
                self._savepoint.commit()
            setattr(self.result, outcome, getattr(self.result, outcome) + 1)
            record_id, target = "", ""
            if self._touched is not None:
                record_id, action, before, target = self._touched
                self.claimed.setdefault(record_id, number)
                if action != UNCHANGED:
                    # The first change of a record in this import holds the values to go back to.
                    self.journal.setdefault(record_id, (action, before))
            self.result.rows.append(
                RowOutcome(number, outcome, label, target=target, record_id=record_id or None, note=self._note)
            )
            if self._note:
                self.result.notes.append((number, self._note))
            if self._proposed:
                self.result.proposed.append(number)
            if outcome != UNCHANGED:
                self.result.to_check.extend((number, label, raw) for label, raw in self._row_to_check)
            for value in self._row_unknown:
                # One entry per value whatever its spelling, under the spelling seen first.
                spelling = self._spellings.setdefault(normalise(value), value)
                rows = self.result.unknown_terms.setdefault(spelling, [])
                if number not in rows:
                    rows.append(number)
        self._insert_pending()

    def _repeated(self, record_id: str, what: str) -> KnownError:
        line = self.claimed[record_id]
        return KnownError(
            f"{what} staat al op regel {line} van dit bestand, met andere gegevens. Laat één van beide regels staan."
        )

    def _organisation(self, cells: Sequence[str]) -> str:
        def c(key: str) -> str:
            return self.cell(cells, key)

        name = c("naam")
        if not name:
            raise KnownError("De naam is verplicht.")
        active: bool | None = None
        if c("actief"):
            answer = normalise(c("actief"))
            if answer not in _YES | _NO:
                raise KnownError(f"'{c('actief')}' in de kolom actief is geen ja of nee.")
            active = answer in _YES
        kvk = _excel_kvk(c("kvk"))
        candidates, other_name = self._organisation_candidates(name, kvk, c("website"))
        if len(candidates) > 1:
            # Several stored organisations have this name (or KvK number): the row is one of them only when it
            # repeats it exactly, as an unchanged export does; anything else cannot be told apart.
            for candidate in candidates:
                before = self._stored(candidate)
                data = self._organisation_data(cells, before, name, kvk, active, keep_name=False)
                if self._unchanged(organisations.validate_organisation, data, before):
                    self._touched = (candidate, UNCHANGED, None, _label(before.reference, before.name))
                    return UNCHANGED
            what = (
                "met dit KvK-nummer"
                if kvk and kvk not in self.file_kvks and len(self.orgs_by_kvk.get(kvk, [])) > 1
                else "met deze naam"
            )
            raise KnownError(
                f"Er zijn meer organisaties {what}: {self._refs(candidates)}. "
                "Pas de rij of de organisaties in Makelaar aan."
            )
        existing_id = candidates[0] if candidates else None
        before = self._stored(existing_id) if existing_id else None
        data = self._organisation_data(cells, before, name, kvk, active, keep_name=other_name)
        target = _label(before.reference, before.name) if before is not None else ""
        if before is not None and other_name:
            self._note = "naam in het bestand wijkt af; naam in Makelaar blijft"
        if before is not None and self._unchanged(organisations.validate_organisation, data, before):
            self._touched = (existing_id or "", UNCHANGED, None, target)
            return UNCHANGED
        if existing_id is not None and existing_id in self.claimed:
            raise self._repeated(existing_id, "Deze organisatie")
        if existing_id is None:
            saved = self._pend(new_id(), data)
        else:
            # No autoflush: the service assigns the new record's lists after a query, which would otherwise flush
            # the half-made record and lazy-load each list back (a third of the time of a large import).
            self._writing()
            with self.s.no_autoflush:
                saved = organisations.save_organisation(self.s, data)
        assert saved.id is not None
        self._remember(self.stored, saved.id, saved)
        old = before or OrganisationData(name="")
        self._index(
            self.orgs_by_name, organisation_key(old.name) if before else "", organisation_key(saved.name), saved.id
        )
        self._index(self.orgs_by_kvk, old.kvk or "", saved.kvk or "", saved.id)
        self._index(self.orgs_by_website, website_key(old.website), website_key(saved.website), saved.id)
        action = UPDATED if existing_id else ADDED
        self._touched = (saved.id, action, before, target)
        return action

    def _stored(self, record_id: str) -> Any:
        found = self.stored.get(record_id)
        if found is None:
            found = (
                organisations.get_organisation(self.s, record_id)
                if self.kind == "organisaties"
                else ideas.get_idea(self.s, record_id)
            )
        return found

    def _unchanged(self, validate: Callable[[Any], Any], data: Any, before: Any) -> bool:
        """Whether saving ``data`` would leave ``before`` as it is (an unchanged export read in again)."""
        if _same(data, before):
            return True  # the file repeats the stored (already clean) values: no need to validate anything
        clean = validate(data)
        # The stored values are normally clean already; only when not is the stored record cleaned to compare.
        return _same(clean, before) or _same(clean, _valid_or_none(validate, before))

    def _organisation_data(
        self,
        cells: Sequence[str],
        before: OrganisationData | None,
        name: str,
        kvk: str,
        active: bool | None,
        *,
        keep_name: bool,
    ) -> OrganisationData:
        def c(key: str) -> str:
            return self.cell(cells, key)

        data = replace(before) if before else OrganisationData(name=name)
        if not keep_name:
            data.name = name
        if c("soort"):
            data.kind_id = self.kind_id(c("soort"))
        for attr, value in (
            ("description", c("omschrijving")),
            ("website", c("website")),
            ("kvk", kvk),
            ("email", c("email")),
            ("phone", _excel_phone(c("telefoon"))),
            ("address", c("adres")),
            ("postcode", c("postcode")),
            ("city", c("plaats")),
        ):
            if value and (attr not in v.CHECKABLE_FIELDS or self._contact_field(data, before, attr, value)):
                setattr(data, attr, value)
        if active is not None:
            data.active = active
        offers, other_offers = self._offer_ids(c("biedt"))
        if other_offers:
            # What an organisation offers in its own words ("voedselpakketten") is no type of help, but the broker
            # needs it: kept in the description, once, so importing the file again changes nothing.
            kept = "Biedt ook: " + ", ".join(other_offers)
            if kept not in (data.description or ""):
                data.description = f"{data.description.rstrip()}\n\n{kept}".strip()
                self._add_note("aanbod buiten de woordenlijst bewaard in de omschrijving")
        themes = self.term_ids(Vocabulary.THEME, c("themas"))
        if self.propose and not before:
            # A sociale kaart without our vocabulary: propose it from the row's own words, for the broker to check.
            text = " ".join((name, c("soort"), c("biedt"), c("themas"), c("omschrijving")))
            said: list[str] = []
            if not offers:
                offers = self._propose(Vocabulary.HELP_TYPE, text, proposals.HELP_CUES)
                if offers:
                    said.append("soorten hulp " + self._term_list(Vocabulary.HELP_TYPE, offers))
            if not themes:
                themes = self._propose(Vocabulary.THEME, text, proposals.THEME_CUES)
                if themes:
                    said.append("thema's " + self._term_list(Vocabulary.THEME, themes))
            if said:
                self._add_note("voorgesteld uit de tekst: " + "; ".join(said))
        areas = list(dict.fromkeys(self.area_id(n) for n in split_list(c("wijken"))))
        data.offer_ids = offers or data.offer_ids
        data.theme_ids = themes or data.theme_ids
        if not before and normalise(c("soort")) == "fonds":
            self._read_fund_criteria(data)
        data.area_ids = areas or data.area_ids
        contact = c("contactpersoon")
        if contact and is_free_text(contact):
            # "Langsgaan, bellen of mailen: ... Tel: 020 - 665 8001 E-mail: info@..." is no person: what can be
            # recognised fills the organisation's empty contact fields, the text itself is kept in the description.
            for attr, value in find_contact_details(contact).items():
                if not getattr(data, attr) and not c(_CELL_OF[attr]):
                    setattr(data, attr, value)
            self._keep_in_description(data, f"Contact: {contact}")
            contact = ""
        # The file's telefoon and email are the organisation's own; contactpersoon names the person to ask for.
        if contact and all(normalise(ct.name) != normalise(contact) for ct in data.contacts):
            data.contacts = [*data.contacts, ContactData(name=contact)]
        return data

    def _contact_field(self, data: OrganisationData, before: OrganisationData | None, attr: str, value: str) -> bool:
        """Whether the file's ``value`` goes into the contact field ``attr``. A value that fails the editor's check
        does not cost the row: it is kept as the file gave it and marked "te controleren", unless Makelaar already
        has a good value there (kept, the row says so); one too long for the field is kept in the description."""
        try:
            v.clean_contact_field(attr, value)
        except ValueError:
            pass
        else:
            return True
        label = v.CHECKABLE_LABELS[attr]
        shown = " ".join(value.split())
        if before is not None and getattr(before, attr) and attr not in before.to_check:
            self._add_note(f"{label} in het bestand is niet geldig ('{shown[:60]}'); die in Makelaar blijft")
            return False
        try:
            v.keep_unchecked(attr, value)
        except ValueError:
            self._keep_in_description(data, f"{label.capitalize()} (te controleren): {shown}")
            self._row_to_check.append((label, shown))
            return False
        data.to_check = sorted({*data.to_check, attr})
        self._row_to_check.append((label, shown))
        return True

    def _keep_in_description(self, data: OrganisationData, text: str) -> None:
        """Add ``text`` to the description once (a second import of the same file adds nothing)."""
        if text not in (data.description or ""):
            data.description = f"{(data.description or '').rstrip()}\n\n{text}".strip()

    def _pend(self, record_id: str, data: OrganisationData) -> OrganisationData:
        """A new organisation is validated now and inserted with the others at the end, in one bulk insert per
        table: saving 20,000 a row at a time through the ORM takes minutes, a Core insert of the same rows seconds."""
        clean = organisations.validate_organisation(data)
        clean.id = record_id
        self._remember(self.pending, record_id, clean)
        return clean

    def _insert_pending(self) -> None:
        """Insert the new organisations as save_organisation would have: links, contacts, a note on the timeline."""
        pending = list(self.pending.values())
        if not pending:
            return
        now = utcnow()
        references = _reserve_references(self.s, "O", len(pending))
        orgs: list[dict[str, Any]] = []
        links: dict[Any, list[dict[str, str]]] = {
            organisation_offers: [],
            organisation_themes: [],
            organisation_areas: [],
        }
        contacts: list[dict[str, Any]] = []
        notes: list[dict[str, Any]] = []
        for data, reference in zip(pending, references, strict=True):
            assert data.id is not None
            stamps = {"version": 1, "created_at": now, "updated_at": now}
            orgs.append(
                {
                    "id": data.id,
                    "reference": reference,
                    **stamps,
                    **{a: getattr(data, a) for a in _ORGANISATION_FIELDS},
                    "to_check": v.to_check_text(data.to_check),
                }
            )
            for link, ids in (
                (organisation_offers, data.offer_ids),
                (organisation_themes, data.theme_ids),
                (organisation_areas, data.area_ids),
            ):
                column = "area_id" if link is organisation_areas else "term_id"
                links[link].extend({"organisation_id": data.id, column: i} for i in dict.fromkeys(ids))
            contacts.extend(
                {**asdict(ct), "id": new_id(), "organisation_id": data.id, **stamps} for ct in data.contacts
            )
            notes.append(
                {
                    "id": new_id(),
                    "organisation_id": data.id,
                    "kind": ActivityKind.NOTE.value,
                    "text": "Organisatie toegevoegd.",
                    "occurred_at": now,
                    "created_at": now,
                }
            )
        # Core inserts on the session's connection: the ORM's bulk insert inspects every dict again.
        conn = self.s.connection()
        conn.execute(insert(_core_table(Organisation)), orgs)
        for link, rows in links.items():
            if rows:
                conn.execute(insert(link), rows)
        if contacts:
            conn.execute(insert(_core_table(Contact)), contacts)
        conn.execute(insert(_core_table(Activity)), notes)
        self.pending.clear()

    def _idea(self, cells: Sequence[str]) -> str:
        def c(key: str) -> str:
            return self.cell(cells, key)

        title = c("titel")
        if not title:
            raise KnownError("De titel is verplicht.")
        area_id = self.area_id(c("wijk")) if c("wijk") else None
        problems: list[str] = []
        team: int | None = None
        received: date | None = None
        try:
            team = v.clean_team_size(_excel_int(c("teamgrootte")))
        except ValueError as exc:
            problems.append(str(exc))
        try:
            received = _excel_date(c("datum"))
        except ValueError as exc:
            problems.append(str(exc))
        status = _STATUSES.get(normalise(c("status"))) if c("status") else None
        if c("status") and status is None:
            problems.append(f"Onbekende status '{c('status')}'; kies uit: {', '.join(s.value for s in IdeaStatus)}.")
        source = _SOURCES.get(normalise(c("bron"))) if c("bron") else None
        if c("bron") and source is None:
            problems.append(f"Onbekende bron '{c('bron')}'; kies uit: {', '.join(s.value for s in IdeaSource)}.")
        if problems:
            raise KnownError(" ".join(problems))
        title_key = idea_key(title)
        # Without a wijk the title alone says which idea it is, when exactly one stored idea has it.
        candidates = list(
            self.ideas_by_key.get((title_key, area_id), []) if area_id else self.ideas_by_title.get(title_key, [])
        )

        def build(before: IdeaData | None) -> IdeaData:
            # The initiators are copied too: merging the file's contact data changes them in place.
            data = (
                replace(before, initiators=[replace(p) for p in before.initiators])
                if before
                else IdeaData(title=title, area_id=area_id)
            )
            data.title = title
            if c("omschrijving"):
                data.description = c("omschrijving")
            data.theme_ids = self.term_ids(Vocabulary.THEME, c("themas")) or data.theme_ids
            data.need_ids = self.term_ids(Vocabulary.HELP_TYPE, c("behoeften")) or data.need_ids
            data.team_size = team if team is not None else data.team_size
            data.status = status or data.status
            data.source = source or data.source
            data.received_on = received or data.received_on
            self._note = self._merge_initiator(data, c("initiatiefnemer"), c("email"), _excel_phone(c("telefoon")))
            return data

        if len(candidates) > 1:
            for candidate in candidates:
                before = self._stored(candidate)
                if self._unchanged(ideas.validate_idea, build(before), before):
                    self._touched = (candidate, UNCHANGED, None, _label(before.reference, before.title))
                    return UNCHANGED
            where = "in deze wijk" if area_id else "(het bestand noemt geen wijk)"
            raise KnownError(
                f"Er zijn meer ideeën met deze titel {where}: {self._refs(candidates)}. "
                "Pas de rij of de ideeën in Makelaar aan."
            )
        existing_id = candidates[0] if candidates else None
        before = self._stored(existing_id) if existing_id else None
        data = build(before)
        target = _label(before.reference, before.title) if before is not None else ""
        if before is not None and self._unchanged(ideas.validate_idea, data, before):
            self._touched = (existing_id or "", UNCHANGED, None, target)
            return UNCHANGED
        if existing_id is not None and existing_id in self.claimed:
            raise self._repeated(existing_id, "Dit idee")
        self._writing()
        with self.s.no_autoflush:
            saved = ideas.save_idea(self.s, data)
        assert saved.id is not None
        self._remember(self.stored, saved.id, saved)
        if before is None:
            self._remember(self.references, saved.id, _label(saved.reference, saved.title))
        self._index(self.ideas_by_key, None, (idea_key(saved.title), saved.area_id), saved.id)
        self._index(self.ideas_by_title, None, idea_key(saved.title), saved.id)
        action = UPDATED if existing_id else ADDED
        self._touched = (saved.id, action, before, target)
        return action

    @staticmethod
    def _merge_initiator(data: IdeaData, name: str, email: str, phone: str) -> str:
        """Add the file's initiator to the idea, or their e-mail/phone to the one with that name; returns a note
        for the row when contact details without a name were left out."""
        if not (name or email or phone):
            return ""
        if not name:
            # Contact details without a person they belong to cannot be stored (nor asked for consent).
            return "e-mail of telefoon zonder naam van de initiatiefnemer; niet opgeslagen"
        person = next((p for p in data.initiators if normalise(p.name) == normalise(name)), None)
        if person is None:
            person = InitiatorData(name=name)
            data.initiators = [*data.initiators, person]
        person.email = email or person.email
        person.phone = phone or person.phone
        if (email or phone) and not person.consent_contact:
            # The municipality collected these contact details on its own form for this purpose; the file is its
            # record of that consent, so it is stored as consent for contact (not for sharing with partners).
            person.consent_contact = True
            person.consent_method = ConsentMethod.FORM.value
            person.consent_on = date.today()
        return ""


_ORGANISATION_FIELDS = organisations.ORGANISATION_FIELDS


def _organisation_data_by_id(s: Session, ids: Sequence[str]) -> dict[str, OrganisationData]:
    """Organisations as ``organisations.organisation_data`` gives them, read with plain queries: loading 20,000
    through the ORM with their lists takes seconds."""
    org = _core_table(Organisation)
    out: dict[str, OrganisationData] = {}
    names = list(_ORGANISATION_FIELDS)
    for row in s.execute(
        select(
            org.c.id,
            org.c.reference,
            org.c.version,
            org.c.created_at,
            org.c.updated_at,
            org.c.to_check,
            *(org.c[a] for a in names),
        ).where(org.c.id.in_(ids))
    ).mappings():
        out[row["id"]] = OrganisationData(
            id=row["id"],
            reference=row["reference"],
            version=row["version"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            to_check=v.to_check_fields(row["to_check"]),
            **{a: row[a] for a in names},
        )
    for link, column, attr, order in (
        (organisation_offers, "term_id", "offer_ids", VocabularyTerm.position),
        (organisation_themes, "term_id", "theme_ids", VocabularyTerm.position),
        (organisation_areas, "area_id", "area_ids", Area.position),
    ):
        target = VocabularyTerm if column == "term_id" else Area
        for org_id, linked in s.execute(
            select(link.c.organisation_id, link.c[column])
            .join(target, target.id == link.c[column])
            .where(link.c.organisation_id.in_(ids))
            .order_by(link.c.organisation_id, order)
        ):
            getattr(out[org_id], attr).append(linked)
    for org_id, contact_id, name, role, email, phone in s.execute(
        select(Contact.organisation_id, Contact.id, Contact.name, Contact.role, Contact.email, Contact.phone)
        .where(Contact.organisation_id.in_(ids))
        .order_by(Contact.organisation_id, Contact.name)
    ):
        out[org_id].contacts.append(ContactData(id=contact_id, name=name, role=role, email=email, phone=phone))
    return out


def _core_table(model: Any) -> Table_:
    table: Table_ = model.__table__
    return table


def _label(reference: str | None, name: str) -> str:
    return f"{reference} {name}" if reference else name


def _reserve_references(s: Session, prefix: str, count: int) -> list[str]:
    """``count`` consecutive reference numbers in one statement (as services.common.next_reference hands out one)."""
    year = date.today().year
    upsert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    stmt = (
        upsert(ReferenceCounter)
        .values(prefix=prefix, year=year, last=count)
        .on_conflict_do_update(
            index_elements=[ReferenceCounter.prefix, ReferenceCounter.year],
            set_={"last": ReferenceCounter.last + count},
        )
        .returning(ReferenceCounter.last)
    )
    last = int(s.execute(stmt).scalar_one())
    return [f"{prefix}-{year}-{n:04d}" for n in range(last - count + 1, last + 1)]


def _valid_or_none(validate: Callable[[Any], Any], data: Any) -> Any:
    try:
        return validate(data)
    except KnownError:
        return None


_IGNORED_IN_COMPARISON = frozenset({"version", "created_at", "updated_at"})


def _comparable(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return tuple(
            (f.name, _comparable(getattr(value, f.name))) for f in fields(value) if f.name not in _IGNORED_IN_COMPARISON
        )
    if isinstance(value, list):
        items = [_comparable(x) for x in value]
        # Term and area ids: their order comes from the vocabulary, not from the file.
        return tuple(sorted(items)) if all(isinstance(x, str) for x in items) else tuple(items)
    return value


def _same(new: Any, old: Any) -> bool:
    return old is not None and _comparable(new) == _comparable(old)


def _reason(exc: Exception) -> str:
    if isinstance(exc, DataError):
        return "Een waarde is te lang of heeft een vorm die de database niet aanneemt."
    return " ".join(str(exc).split())


def rejects_path_for(path: Path) -> Path:
    return path.with_name(f"{path.stem}-afgewezen.csv")


def import_path(
    store: Store,
    kind: str,
    path: Path,
    *,
    dry_run: bool = False,
    mapping: Mapping[str, int | str | None] | None = None,
    table: Table | None = None,
    propose: bool = True,
) -> ImportResult:
    """Import organisations or ideas from a CSV or XLSX file; see the module docstring for the rules.

    With ``propose`` a new organisation whose row names no type of help or theme Makelaar knows gets them proposed
    from its own words (:mod:`makelaar.domain.proposals`); each such row says so in its note.

    ``mapping`` (canonical column -> file column index, or None / "ignore") replaces the guess from the headers;
    a column it leaves out is not read. ``table`` is the file as :func:`read_table` already read it (the wizard
    reads it once to show it). A real import is journalled as a batch that :mod:`makelaar.services.imports` can
    undo; ``result.rows`` says per row what happened (in a dry run: what would happen).
    """
    _check_kind(kind)
    if table is None:
        table = read_table(path)
    columns = None if mapping is None else _checked_mapping(kind, table.headers, mapping)
    result = ImportResult(kind=kind, path=path, dry_run=dry_run, file_notes=list(table.notes))
    try:
        # One transaction through Store.begin(), like every user action: committed at the end, rolled back whole on
        # any error (and by _DryRunDone for a dry run), an environment failure said in Dutch.
        with store.begin() as s:
            _one_import_at_a_time(s)
            _run_import(s, kind, path, table, result, columns, propose=propose, dry_run=dry_run)
            if dry_run:
                raise _DryRunDone
    except _DryRunDone:
        pass
    except StoreError as exc:
        cause = exc.__cause__
        if isinstance(cause, OperationalError) and "database is locked" in str(cause.orig).lower():
            raise KnownError(
                "Er wordt al een ander bestand in deze database ingelezen (hier of op een andere computer), of een "
                "ander programma schrijft erin. Probeer het over een minuut opnieuw; er is niets ingelezen."
            ) from exc
        raise
    return result


class _DryRunDone(Exception):
    """Ends a dry run inside its transaction, so Store.begin() rolls it back."""


# Any constant shared by every Makelaar: the key of the PostgreSQL advisory lock that serialises imports.
_IMPORT_LOCK_KEY = 0x4D414B454C  # "MAKEL"


def _one_import_at_a_time(s: Session) -> None:
    """Let one import at a time work on the store, so two imports of the same file never both add a record.

    Each import decides "new or already there" from what it reads at its start; two at once would each find the
    registry without the file's organisations and both add them. On PostgreSQL a transaction-scoped advisory lock
    makes the second import wait until the first has committed (it then finds everything there: unchanged). On
    SQLite the import's transaction takes the write lock before it reads anything, by a write that changes nothing:
    the second import waits for it (the busy timeout), and never reads a snapshot that the first then outdates
    (SQLite would refuse that transaction's first write with "database is locked" at once).
    """
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _IMPORT_LOCK_KEY})
    else:
        s.execute(text("UPDATE reference_counters SET last = last WHERE 1 = 0"))


def _run_import(
    s: Session,
    kind: str,
    path: Path,
    table: Table,
    result: ImportResult,
    columns: dict[str, int] | None,
    *,
    propose: bool,
    dry_run: bool,
) -> None:
    required = _REQUIRED[kind]
    importer = _Importer(s, kind, table, result, columns, propose=propose)
    if required not in importer.columns:
        expected = "; ".join(ORGANISATION_COLUMNS[:6] if kind == "organisaties" else IDEA_COLUMNS[:6])
        raise KnownError(
            f"In {path} staat geen kolom '{required}'. De eerste regel moet de kolomnamen bevatten, zoals: {expected}."
        )
    importer.run()
    if not dry_run and importer.journal:
        result.batch_id = imports.record_batch(s, kind, path, result, importer.journal)
    # Written before the commit: if the rejected rows cannot be saved for the user, nothing is imported.
    result.rejects_path = _write_rejects(path, table.headers, result.rejected)


def _write_rejects(path: Path, headers: list[str], rejected: list[tuple[int, str, list[str]]]) -> Path | None:
    target = rejects_path_for(path)
    try:
        if not rejected:
            # A rejects file from an earlier run would suggest rows failed this time too.
            target.unlink(missing_ok=True)
            return None
        _write_csv(target, ["regel", "reden", *headers], [[str(n), reason, *cells] for n, reason, cells in rejected])
    except OSError as exc:
        raise KnownError(
            f"De afgewezen regels kunnen niet worden opgeslagen in {target}: {file_error_text(exc, target)}. "
            "Er is niets ingelezen."
        ) from exc
    return target
