"""Import and export of organisations and ideas in the canonical CSV shape of DESIGN.md (and the same columns in XLSX).

Import rules a reader would not guess:

- Every row is saved through the same services as the GUI, each in its own savepoint, so a bad row is rejected
  (and written with its reason to ``<stem>-afgewezen.csv`` next to the input) while the good rows around it stay.
- An organisation already in the store (the same KvK number, else the same name apart from case, accents, spaces
  and legal form) or an idea already in the store (same title and wijk; without a wijk, the same title when only
  one idea has it) is updated, not added. A row that would change nothing counts as unchanged, so importing the
  same file twice adds and changes nothing.
- Identity is never guessed. A KvK number does not rename: the stored name stays (the row says so). A row whose
  name is one organisation's and KvK number another's, or whose website alone points at an organisation with
  another name, is rejected (pointing to Dubbele organisaties zoeken), not added a second time. A website several
  stored organisations or several rows share (a municipality's teams) identifies nobody; so does a KvK number
  several rows share under different names (branches). When several stored records have the row's key (two
  "Voedselbank"s), the row is unchanged if it repeats one of them exactly (an export read back in), else rejected
  naming them. A later row for a record an earlier row of the file already added or updated may only repeat it.
- Values as Excel leaves them are read back: a KvK number or phone number that lost its leading zero, 3.0 for 3,
  a date as a serial number or with a time. The editors keep their strict checks.
- The separator is the one of ; tab , that splits most of the first 20 lines into the same number of columns.
  The header is the row among the first ten that names the most known columns (a title above it is skipped);
  which file column feeds which canonical column is guessed from the header spellings (:func:`guess_mapping`)
  unless the caller (the import wizard) passes its own mapping. A second column with the same header is reported
  and not read. A cell longer than ``MAX_CELL_LENGTH`` rejects its row.
- Rows are numbered as Excel shows them (a quoted cell with line breaks is one row). A quote that opens a cell and
  is never closed (or closed only rows later by a stray quote) refuses the whole file, naming the line.
- Offers in a row's own words that are no type of help ("Levert: voedselpakketten") are kept in the description.
- Only a row without a name (or one whose record cannot be told apart) is rejected. A phone, e-mail, website,
  postcode or KvK number that fails its check is stored as the file gave it and marked "te controleren"; a
  free-text contact cell gives the details it holds and is kept in the description.
- The same name in another area: one organisation for all those areas when the rest of the row agrees, else a
  branch named by its area ("Voedselbank (Oost)"). Both are listed in the summary.
- One import at a time per store (a PostgreSQL advisory lock, SQLite's write lock), so two at once never add a
  record twice.
- Every row's outcome (added, updated which record, unchanged, rejected why) is in ``ImportResult.rows``; the
  wizard's preview is a dry run of the same code.
- A real import is journalled as a batch (:mod:`makelaar.services.imports`) so it can be undone as a whole.
- An empty cell never clears a stored value and a list cell only replaces the stored list when it names at least
  one known entry: an export leaves out personal data without consent, and importing it again must not erase it.
- A dry run does all the work, writes the rejects file too (so the user can fix the rows before the real run) and
  rolls everything back at the end.
"""

from makelaar.domain.records import OrganisationData as OrganisationData
from makelaar.services.csvio.columns import (
    _ALIASES as _ALIASES,
)
from makelaar.services.csvio.columns import (
    _CANONICAL as _CANONICAL,
)
from makelaar.services.csvio.columns import (
    _FORMULA_START as _FORMULA_START,
)
from makelaar.services.csvio.columns import (
    _KNOWN_HEADERS as _KNOWN_HEADERS,
)
from makelaar.services.csvio.columns import (
    _LEGAL_FORMS as _LEGAL_FORMS,
)
from makelaar.services.csvio.columns import (
    _MAX_REASONS_SHOWN as _MAX_REASONS_SHOWN,
)
from makelaar.services.csvio.columns import (
    _NO as _NO,
)
from makelaar.services.csvio.columns import (
    _PASSED_OVER as _PASSED_OVER,
)
from makelaar.services.csvio.columns import (
    _REQUIRED as _REQUIRED,
)
from makelaar.services.csvio.columns import (
    _SHARED_ALIASES as _SHARED_ALIASES,
)
from makelaar.services.csvio.columns import (
    _SOURCES as _SOURCES,
)
from makelaar.services.csvio.columns import (
    _STATUSES as _STATUSES,
)
from makelaar.services.csvio.columns import (
    _YES as _YES,
)
from makelaar.services.csvio.columns import (
    DATE_HEADERS as DATE_HEADERS,
)
from makelaar.services.csvio.columns import (
    EXPORT_HEADERS as EXPORT_HEADERS,
)
from makelaar.services.csvio.columns import (
    EXPORT_KINDS as EXPORT_KINDS,
)
from makelaar.services.csvio.columns import (
    IDEA_COLUMNS as IDEA_COLUMNS,
)
from makelaar.services.csvio.columns import (
    IGNORE as IGNORE,
)
from makelaar.services.csvio.columns import (
    IMPORT_KINDS as IMPORT_KINDS,
)
from makelaar.services.csvio.columns import (
    MATCH_COLUMNS as MATCH_COLUMNS,
)
from makelaar.services.csvio.columns import (
    NUMBER_HEADERS as NUMBER_HEADERS,
)
from makelaar.services.csvio.columns import (
    ORGANISATION_COLUMNS as ORGANISATION_COLUMNS,
)
from makelaar.services.csvio.columns import (
    REFERENCE_HEADER as REFERENCE_HEADER,
)
from makelaar.services.csvio.columns import (
    _check_kind as _check_kind,
)
from makelaar.services.csvio.columns import (
    _checked_mapping as _checked_mapping,
)
from makelaar.services.csvio.columns import (
    _escaped as _escaped,
)
from makelaar.services.csvio.columns import (
    _header_key as _header_key,
)
from makelaar.services.csvio.columns import (
    _unescaped as _unescaped,
)
from makelaar.services.csvio.columns import (
    canonical_columns as canonical_columns,
)
from makelaar.services.csvio.columns import (
    column_letter as column_letter,
)
from makelaar.services.csvio.columns import (
    duplicate_columns as duplicate_columns,
)
from makelaar.services.csvio.columns import (
    export_headers as export_headers,
)
from makelaar.services.csvio.columns import (
    guess_mapping as guess_mapping,
)
from makelaar.services.csvio.columns import (
    idea_key as idea_key,
)
from makelaar.services.csvio.columns import (
    normalise as normalise,
)
from makelaar.services.csvio.columns import (
    organisation_key as organisation_key,
)
from makelaar.services.csvio.columns import (
    unmapped_columns as unmapped_columns,
)
from makelaar.services.csvio.columns import (
    website_key as website_key,
)
from makelaar.services.csvio.excel import (
    _DUTCH_MONTHS as _DUTCH_MONTHS,
)
from makelaar.services.csvio.excel import (
    _EXCEL_EPOCH as _EXCEL_EPOCH,
)
from makelaar.services.csvio.excel import (
    _excel_date as _excel_date,
)
from makelaar.services.csvio.excel import (
    _excel_int as _excel_int,
)
from makelaar.services.csvio.excel import (
    _excel_kvk as _excel_kvk,
)
from makelaar.services.csvio.excel import (
    _excel_phone as _excel_phone,
)
from makelaar.services.csvio.importing import (
    _IGNORED_IN_COMPARISON as _IGNORED_IN_COMPARISON,
)
from makelaar.services.csvio.importing import (
    _ORGANISATION_FIELDS as _ORGANISATION_FIELDS,
)
from makelaar.services.csvio.importing import (
    _comparable as _comparable,
)
from makelaar.services.csvio.importing import (
    _core_table as _core_table,
)
from makelaar.services.csvio.importing import (
    _Importer as _Importer,
)
from makelaar.services.csvio.importing import (
    _label as _label,
)
from makelaar.services.csvio.importing import (
    _organisation_data_by_id as _organisation_data_by_id,
)
from makelaar.services.csvio.importing import (
    _reason as _reason,
)
from makelaar.services.csvio.importing import (
    _reserve_references as _reserve_references,
)
from makelaar.services.csvio.importing import (
    _same as _same,
)
from makelaar.services.csvio.importing import (
    _valid_or_none as _valid_or_none,
)
from makelaar.services.csvio.importing import (
    _write_rejects as _write_rejects,
)
from makelaar.services.csvio.importing import (
    import_path as import_path,
)
from makelaar.services.csvio.importing import (
    rejects_path_for as rejects_path_for,
)
from makelaar.services.csvio.reading import (
    _CSV_FIELD_LIMIT as _CSV_FIELD_LIMIT,
)
from makelaar.services.csvio.reading import (
    _DELIMITER_SAMPLE_CHARS as _DELIMITER_SAMPLE_CHARS,
)
from makelaar.services.csvio.reading import (
    _DELIMITER_SAMPLE_RECORDS as _DELIMITER_SAMPLE_RECORDS,
)
from makelaar.services.csvio.reading import (
    _HEADER_SEARCH_ROWS as _HEADER_SEARCH_ROWS,
)
from makelaar.services.csvio.reading import (
    MAX_CELL_LENGTH as MAX_CELL_LENGTH,
)
from makelaar.services.csvio.reading import (
    MAX_FILE_BYTES as MAX_FILE_BYTES,
)
from makelaar.services.csvio.reading import (
    MAX_ROWS as MAX_ROWS,
)
from makelaar.services.csvio.reading import (
    Table as Table,
)
from makelaar.services.csvio.reading import (
    _cell_text as _cell_text,
)
from makelaar.services.csvio.reading import (
    _decode as _decode,
)
from makelaar.services.csvio.reading import (
    _delimiter as _delimiter,
)
from makelaar.services.csvio.reading import (
    _is_utf8 as _is_utf8,
)
from makelaar.services.csvio.reading import (
    _read_csv as _read_csv,
)
from makelaar.services.csvio.reading import (
    _read_xlsx as _read_xlsx,
)
from makelaar.services.csvio.reading import (
    _table as _table,
)
from makelaar.services.csvio.reading import (
    file_error_text as file_error_text,
)
from makelaar.services.csvio.reading import (
    read_table as read_table,
)
from makelaar.services.csvio.result import (
    ADDED as ADDED,
)
from makelaar.services.csvio.result import (
    REJECTED as REJECTED,
)
from makelaar.services.csvio.result import (
    UNCHANGED as UNCHANGED,
)
from makelaar.services.csvio.result import (
    UPDATED as UPDATED,
)
from makelaar.services.csvio.result import (
    ImportResult as ImportResult,
)
from makelaar.services.csvio.result import (
    RowOutcome as RowOutcome,
)
from makelaar.services.csvio.result import (
    _line_list as _line_list,
)
from makelaar.services.csvio.writing import (
    _list_order as _list_order,
)
from makelaar.services.csvio.writing import (
    _names as _names,
)
from makelaar.services.csvio.writing import (
    _replace_atomically as _replace_atomically,
)
from makelaar.services.csvio.writing import (
    _write_csv as _write_csv,
)
from makelaar.services.csvio.writing import (
    _write_xlsx as _write_xlsx,
)
from makelaar.services.csvio.writing import (
    export_path as export_path,
)
from makelaar.services.csvio.writing import (
    export_rows as export_rows,
)
from makelaar.services.csvio.writing import (
    idea_rows as idea_rows,
)
from makelaar.services.csvio.writing import (
    match_rows as match_rows,
)
from makelaar.services.csvio.writing import (
    organisation_rows as organisation_rows,
)
