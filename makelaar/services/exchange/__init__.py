"""Exchange between stores: a laptop that was offline and the office swap what changed, as one file.

The public shape (the CLI, the GUI and bench/ call these):

- :func:`export_changes` ``(s, path, everything=False) -> ExportSummary`` writes what changed since the last export
  (or everything) to one file: JSON, gzipped when the name ends in ``.gz``.
- :func:`read_file` ``(path) -> ExchangeFile`` reads a file and refuses one from a newer program with a Dutch
  :class:`KnownError`.
- :func:`plan_import` ``(s, data) -> Plan`` says what an import would do (added, updated, deleted, unchanged,
  conflicts with the fields side by side) and changes nothing.
- :func:`apply_import` ``(s, data, choices=None, keep=None) -> Plan`` applies it in the caller's transaction, with a
  choice (:class:`Choice` ``MINE``/``THEIRS``) per conflict key or ``keep`` for all; a conflict without a choice is a
  KnownError and nothing is applied.

How changes are found. Every exchanged record (vocabulary terms, areas, wijktafels, initiators and their consents,
ideas with their theme/need/initiator links, organisations with offers/themes/areas, contacts, koppelingen, timeline
entries) has a content hash over its columns and link sets (not its timestamps, version or reference).
makelaar.storage.tracking marks every ORM change *pending* for the next export and adds the hash the record had
before to its *history*; an ORM delete leaves a tombstone whose history ends with the deleted version.

The file carries per record its content and history, per deletion the history of what was deleted. The receiver,
with its own version L (and history), the incoming version T (and history):

- L == T: unchanged. T in my history (or the version I last took in): mine is newer, kept; it goes out next time.
- L in their history: only they changed it since the version I have: updated. Otherwise both changed it: a conflict,
  shown field by field. This also holds for a laptop that began as a copy of the office store: the copy's versions
  are in both histories.
- Not here and no tombstone: added. Deleted here: if T is a version I deleted, it stays deleted (my deletion goes to
  them); if they changed it since, a conflict (keep it deleted, or take it back). Something that hangs under a
  record deleted here (``ON DELETE CASCADE``, e.g. a koppeling of a deleted idea) stays deleted with it.
- A deletion of L (L in the deleted history) with nothing changed here under it: deleted. Otherwise (changed here,
  deleted there) a conflict, never a silent loss.

A choice is remembered in the record's history, so importing the same file again asks nothing and changes nothing,
and the other store takes the choice without asking again: "mine" puts their version in my history; keeping a
record that was deleted there puts a marker in it (``-`` + the deleted version) that makes the deleting store bring
it back, and what hangs under it is sent along (marked ``+`` + its version, which brings it back where a cascade
deleted it); taking back a record deleted here asks the other store, the same way, for what hangs under it.

After an export nothing is pending and the exported version joins each record's history: the next export holds
only what changed since. Records changed past the listener (the CSV import's bulk inserts) are found by their
``updated_at``; a store's first export sends every record (what the other store has counts as unchanged).

An import marks what it brought in pending too, so the office passes one laptop's changes on to the next: the
office imports every laptop's file first, then exports once, and every laptop imports that file. A lost file:
``everything=True`` (``makelaar exchange export --alles``) sends every record; what the other store already has
counts as unchanged.

Order. Parents before children (terms, areas, wijktafels, initiators, consents, ideas, organisations, contacts,
koppelingen, timeline), all additions and updates before any deletion, children deleted before parents: when a
laptop merged two organisations, the koppelingen it moved to the survivor arrive before the other one's deletion
would cascade over them. One transaction (the caller's): it all happens, or nothing.

Stores made independently have their own UUIDs for the default vocabulary and "hele gemeente". An incoming term
whose UUID is unknown here is matched by vocabulary and key or normalised name, an area by normalised name, a
koppeling by idea, organisation and need; the local record then takes the incoming UUID (every reference to it
follows), so both stores agree from then on.

References (I-2026-0042) are unique per store and two stores may hand out the same one. An added record whose
reference is taken here gets the next one from the local counter, and for an idea or organisation its timeline says
so; the counter is moved past every reference that comes in. References are never updated by an exchange.

A record that needs a parent this store does not have (and the file does not bring) is skipped and reported, not
saved half; a rename onto a name that another record here has is skipped and reported too.

Initiators changed by an exchange are logged in the audit log like any other change (the listener of
makelaar.services.audit sees the ORM changes).
"""

from makelaar.services.exchange.applying import (
    _ORM_UPDATED as _ORM_UPDATED,
)
from makelaar.services.exchange.applying import (
    _apply as _apply,
)
from makelaar.services.exchange.applying import (
    _bump_counters as _bump_counters,
)
from makelaar.services.exchange.applying import (
    _existing_ids as _existing_ids,
)
from makelaar.services.exchange.applying import (
    _exists as _exists,
)
from makelaar.services.exchange.applying import (
    _mark_children as _mark_children,
)
from makelaar.services.exchange.applying import (
    _orm_rows as _orm_rows,
)
from makelaar.services.exchange.applying import (
    _parents_first as _parents_first,
)
from makelaar.services.exchange.applying import (
    _ref_parts as _ref_parts,
)
from makelaar.services.exchange.applying import (
    _rekey as _rekey,
)
from makelaar.services.exchange.applying import (
    _rows as _rows,
)
from makelaar.services.exchange.applying import (
    _taken_references as _taken_references,
)
from makelaar.services.exchange.applying import (
    _uncount as _uncount,
)
from makelaar.services.exchange.applying import (
    _unique_names as _unique_names,
)
from makelaar.services.exchange.applying import (
    _update_rows as _update_rows,
)
from makelaar.services.exchange.applying import (
    _values as _values,
)
from makelaar.services.exchange.applying import (
    _write_links as _write_links,
)
from makelaar.services.exchange.applying import (
    _write_records as _write_records,
)
from makelaar.services.exchange.applying import (
    _write_rows as _write_rows,
)
from makelaar.services.exchange.applying import (
    apply_import as apply_import,
)
from makelaar.services.exchange.format import (
    _CHILDREN as _CHILDREN,
)
from makelaar.services.exchange.format import (
    _REC as _REC,
)
from makelaar.services.exchange.format import (
    _TOMB as _TOMB,
)
from makelaar.services.exchange.format import (
    EXCHANGE_AUTHOR as EXCHANGE_AUTHOR,
)
from makelaar.services.exchange.format import (
    FIELD_LABELS as FIELD_LABELS,
)
from makelaar.services.exchange.format import (
    FORMAT as FORMAT,
)
from makelaar.services.exchange.format import (
    FORMAT_VERSION as FORMAT_VERSION,
)
from makelaar.services.exchange.format import (
    LAST_EXPORT as LAST_EXPORT,
)
from makelaar.services.exchange.format import (
    LAST_IMPORT as LAST_IMPORT,
)
from makelaar.services.exchange.format import (
    STORE_ID as STORE_ID,
)
from makelaar.services.exchange.format import (
    TABLE_LABELS as TABLE_LABELS,
)
from makelaar.services.exchange.format import (
    Choice as Choice,
)
from makelaar.services.exchange.format import (
    Conflict as Conflict,
)
from makelaar.services.exchange.format import (
    ConflictKind as ConflictKind,
)
from makelaar.services.exchange.format import (
    ExchangeFile as ExchangeFile,
)
from makelaar.services.exchange.format import (
    ExportSummary as ExportSummary,
)
from makelaar.services.exchange.format import (
    FieldDiff as FieldDiff,
)
from makelaar.services.exchange.format import (
    Incoming as Incoming,
)
from makelaar.services.exchange.format import (
    IncomingDeletion as IncomingDeletion,
)
from makelaar.services.exchange.format import (
    Plan as Plan,
)
from makelaar.services.exchange.format import (
    store_id as store_id,
)
from makelaar.services.exchange.planning import (
    _ANONYMOUS_NAME as _ANONYMOUS_NAME,
)
from makelaar.services.exchange.planning import (
    _PERSONAL as _PERSONAL,
)
from makelaar.services.exchange.planning import (
    _Action as _Action,
)
from makelaar.services.exchange.planning import (
    _after_one_way as _after_one_way,
)
from makelaar.services.exchange.planning import (
    _anonymous as _anonymous,
)
from makelaar.services.exchange.planning import (
    _children as _children,
)
from makelaar.services.exchange.planning import (
    _children_changed as _children_changed,
)
from makelaar.services.exchange.planning import (
    _conflict as _conflict,
)
from makelaar.services.exchange.planning import (
    _deleted_parents as _deleted_parents,
)
from makelaar.services.exchange.planning import (
    _forgotten as _forgotten,
)
from makelaar.services.exchange.planning import (
    _has_personal_data as _has_personal_data,
)
from makelaar.services.exchange.planning import (
    _kept_marker as _kept_marker,
)
from makelaar.services.exchange.planning import (
    _match_rekeys as _match_rekeys,
)
from makelaar.services.exchange.planning import (
    _missing as _missing,
)
from makelaar.services.exchange.planning import (
    _name_matches as _name_matches,
)
from makelaar.services.exchange.planning import (
    _one_way as _one_way,
)
from makelaar.services.exchange.planning import (
    _plan as _plan,
)
from makelaar.services.exchange.planning import (
    _plan_deletions as _plan_deletions,
)
from makelaar.services.exchange.planning import (
    _restore_marker as _restore_marker,
)
from makelaar.services.exchange.planning import (
    _revived as _revived,
)
from makelaar.services.exchange.planning import (
    _show as _show,
)
from makelaar.services.exchange.planning import (
    _term_keys as _term_keys,
)
from makelaar.services.exchange.planning import (
    _title as _title,
)
from makelaar.services.exchange.planning import (
    _tombstones as _tombstones,
)
from makelaar.services.exchange.planning import (
    _translate as _translate,
)
from makelaar.services.exchange.planning import (
    _Work as _Work,
)
from makelaar.services.exchange.planning import (
    plan_import as plan_import,
)
from makelaar.services.exchange.reading import (
    MAX_FILE_BYTES as MAX_FILE_BYTES,
)
from makelaar.services.exchange.reading import (
    MAX_JSON_BYTES as MAX_JSON_BYTES,
)
from makelaar.services.exchange.reading import (
    PassphraseNeededError as PassphraseNeededError,
)
from makelaar.services.exchange.reading import (
    PlainFileError as PlainFileError,
)
from makelaar.services.exchange.reading import (
    _gunzip as _gunzip,
)
from makelaar.services.exchange.reading import (
    _known_schema as _known_schema,
)
from makelaar.services.exchange.reading import (
    _revisions as _revisions,
)
from makelaar.services.exchange.reading import (
    is_encrypted as is_encrypted,
)
from makelaar.services.exchange.reading import (
    read_file as read_file,
)
from makelaar.services.exchange.validation import (
    check_records as check_records,
)
from makelaar.services.exchange.writing import (
    _VOCAB_TABLES as _VOCAB_TABLES,
)
from makelaar.services.exchange.writing import (
    _pending_ids as _pending_ids,
)
from makelaar.services.exchange.writing import (
    _recently_touched as _recently_touched,
)
from makelaar.services.exchange.writing import (
    _state as _state,
)
from makelaar.services.exchange.writing import (
    _upsert as _upsert,
)
from makelaar.services.exchange.writing import (
    _write as _write,
)
from makelaar.services.exchange.writing import (
    export_changes as export_changes,
)
