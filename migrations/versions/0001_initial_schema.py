"""Initial schema, search index and default vocabulary.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 07:33:43.789280
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "areas",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["areas.id"], name=op.f("fk_areas_parent_id_areas"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_areas")),
        sa.UniqueConstraint("name", name=op.f("uq_areas_name")),
    )
    with op.batch_alter_table("areas", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_areas_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "initiators",
        sa.Column("reference", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("postcode", sa.String(length=7), nullable=True),
        sa.Column("anonymised_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiators")),
        sa.UniqueConstraint("reference", name=op.f("uq_initiators_reference")),
    )
    op.create_table(
        "reference_counters",
        sa.Column("prefix", sa.String(length=8), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("prefix", "year", name=op.f("pk_reference_counters")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "vocabulary_terms",
        sa.Column("vocabulary", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vocabulary_terms")),
        sa.UniqueConstraint("vocabulary", "name", name="uq_vocabulary_terms_vocabulary_name"),
    )
    with op.batch_alter_table("vocabulary_terms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vocabulary_terms_vocabulary"), ["vocabulary"], unique=False)

    op.create_table(
        "consents",
        sa.Column("initiator_id", sa.String(length=36), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("given", sa.Boolean(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiator_id"], ["initiators.id"], name=op.f("fk_consents_initiator_id_initiators"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_initiator_id"), ["initiator_id"], unique=False)

    op.create_table(
        "organisations",
        sa.Column("reference", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind_id", sa.String(length=36), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("kvk", sa.String(length=8), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("postcode", sa.String(length=7), nullable=True),
        sa.Column("city", sa.String(length=120), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["kind_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_organisations_kind_id_vocabulary_terms"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
        sa.UniqueConstraint("reference", name=op.f("uq_organisations_reference")),
    )
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisations_active"), ["active"], unique=False)
        batch_op.create_index(batch_op.f("ix_organisations_kind_id"), ["kind_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_organisations_kvk"), ["kvk"], unique=False)
        batch_op.create_index(batch_op.f("ix_organisations_name"), ["name"], unique=False)

    op.create_table(
        "sessions",
        sa.Column("reference", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("area_id", sa.String(length=36), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["areas.id"], name=op.f("fk_sessions_area_id_areas"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sa.UniqueConstraint("reference", name=op.f("uq_sessions_reference")),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sessions_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sessions_held_on"), ["held_on"], unique=False)

    op.create_table(
        "contacts",
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_contacts_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contacts_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "ideas",
        sa.Column("reference", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("area_id", sa.String(length=36), nullable=True),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("source", sa.String(length=32), nullable=True),
        sa.Column("team_size", sa.Integer(), nullable=True),
        sa.Column("requested_amount", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["areas.id"], name=op.f("fk_ideas_area_id_areas"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_ideas_session_id_sessions"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ideas")),
        sa.UniqueConstraint("reference", name=op.f("uq_ideas_reference")),
    )
    with op.batch_alter_table("ideas", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ideas_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ideas_received_on"), ["received_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_ideas_session_id"), ["session_id"], unique=False)
        batch_op.create_index("ix_ideas_status_updated", ["status", "updated_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_ideas_title"), ["title"], unique=False)

    op.create_table(
        "organisation_areas",
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("area_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"], ["areas.id"], name=op.f("fk_organisation_areas_area_id_areas"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_organisation_areas_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("organisation_id", "area_id", name=op.f("pk_organisation_areas")),
    )
    with op.batch_alter_table("organisation_areas", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_areas_area_id"), ["area_id"], unique=False)

    op.create_table(
        "organisation_offers",
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("term_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_organisation_offers_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["term_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_organisation_offers_term_id_vocabulary_terms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("organisation_id", "term_id", name=op.f("pk_organisation_offers")),
    )
    with op.batch_alter_table("organisation_offers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_offers_term_id"), ["term_id"], unique=False)

    op.create_table(
        "organisation_themes",
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("term_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_organisation_themes_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["term_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_organisation_themes_term_id_vocabulary_terms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("organisation_id", "term_id", name=op.f("pk_organisation_themes")),
    )
    with op.batch_alter_table("organisation_themes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_themes_term_id"), ["term_id"], unique=False)

    op.create_table(
        "idea_initiators",
        sa.Column("idea_id", sa.String(length=36), nullable=False),
        sa.Column("initiator_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["idea_id"], ["ideas.id"], name=op.f("fk_idea_initiators_idea_id_ideas"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["initiator_id"],
            ["initiators.id"],
            name=op.f("fk_idea_initiators_initiator_id_initiators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("idea_id", "initiator_id", name=op.f("pk_idea_initiators")),
    )
    with op.batch_alter_table("idea_initiators", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_idea_initiators_initiator_id"), ["initiator_id"], unique=False)

    op.create_table(
        "idea_needs",
        sa.Column("idea_id", sa.String(length=36), nullable=False),
        sa.Column("term_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["idea_id"], ["ideas.id"], name=op.f("fk_idea_needs_idea_id_ideas"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["term_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_idea_needs_term_id_vocabulary_terms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("idea_id", "term_id", name=op.f("pk_idea_needs")),
    )
    with op.batch_alter_table("idea_needs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_idea_needs_term_id"), ["term_id"], unique=False)

    op.create_table(
        "idea_themes",
        sa.Column("idea_id", sa.String(length=36), nullable=False),
        sa.Column("term_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["idea_id"], ["ideas.id"], name=op.f("fk_idea_themes_idea_id_ideas"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["term_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_idea_themes_term_id_vocabulary_terms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("idea_id", "term_id", name=op.f("pk_idea_themes")),
    )
    with op.batch_alter_table("idea_themes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_idea_themes_term_id"), ["term_id"], unique=False)

    op.create_table(
        "matches",
        sa.Column("idea_id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("need_id", sa.String(length=36), nullable=True),
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_matches_contact_id_contacts"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["idea_id"], ["ideas.id"], name=op.f("fk_matches_idea_id_ideas"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["need_id"], ["vocabulary_terms.id"], name=op.f("fk_matches_need_id_vocabulary_terms"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_matches_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_matches")),
        sa.UniqueConstraint("idea_id", "organisation_id", "need_id", name="uq_matches_idea_organisation_need"),
    )
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_matches_idea_id"), ["idea_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_matches_organisation_id"), ["organisation_id"], unique=False)
        batch_op.create_index("ix_matches_status_follow_up", ["status", "follow_up_on"], unique=False)

    op.create_table(
        "activities",
        sa.Column("idea_id", sa.String(length=36), nullable=True),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("match_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["idea_id"], ["ideas.id"], name=op.f("fk_activities_idea_id_ideas"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["match_id"], ["matches.id"], name=op.f("fk_activities_match_id_matches"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_activities_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index("ix_activities_idea_occurred", ["idea_id", "occurred_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_activities_match_id"), ["match_id"], unique=False)
        batch_op.create_index("ix_activities_organisation_occurred", ["organisation_id", "occurred_at"], unique=False)

    _create_search_index()
    _seed_vocabulary()


# Frozen copies: later changes to makelaar.storage.search or the vocabulary must not change this migration.
SQLITE_SEARCH = {
    "ideas": [
        "ALTER TABLE ideas ADD COLUMN search_rowid INTEGER",
        "CREATE UNIQUE INDEX ix_search_ideas_rowid ON ideas (search_rowid)",
        "CREATE VIRTUAL TABLE ideas_fts USING fts5(reference, title, description, tokenize = 'unicode61 "
        "remove_diacritics 2')",
        "CREATE TRIGGER ideas_fts_insert AFTER INSERT ON ideas BEGIN\n"
        "                INSERT INTO ideas_fts (reference, title, description) VALUES (new.reference, "
        "new.title, new.description);\n"
        "                UPDATE ideas SET search_rowid = last_insert_rowid() WHERE id = new.id;\n"
        "            END",
        "CREATE TRIGGER ideas_fts_delete AFTER DELETE ON ideas BEGIN\n"
        "                DELETE FROM ideas_fts WHERE rowid = old.search_rowid;\n"
        "            END",
        "CREATE TRIGGER ideas_fts_update AFTER UPDATE OF reference, title, description ON ideas BEGIN\n"
        "                UPDATE ideas_fts SET reference = new.reference, title = new.title, description = "
        "new.description WHERE rowid = old.search_rowid;\n"
        "            END",
    ],
    "organisations": [
        "ALTER TABLE organisations ADD COLUMN search_rowid INTEGER",
        "CREATE UNIQUE INDEX ix_search_organisations_rowid ON organisations (search_rowid)",
        "CREATE VIRTUAL TABLE organisations_fts USING fts5(reference, name, description, city, "
        "tokenize = 'unicode61 remove_diacritics 2')",
        "CREATE TRIGGER organisations_fts_insert AFTER INSERT ON organisations BEGIN\n"
        "                INSERT INTO organisations_fts (reference, name, description, city) "
        "VALUES (new.reference, new.name, new.description, new.city);\n"
        "                UPDATE organisations SET search_rowid = last_insert_rowid() WHERE id = "
        "new.id;\n"
        "            END",
        "CREATE TRIGGER organisations_fts_delete AFTER DELETE ON organisations BEGIN\n"
        "                DELETE FROM organisations_fts WHERE rowid = old.search_rowid;\n"
        "            END",
        "CREATE TRIGGER organisations_fts_update AFTER UPDATE OF reference, name, description, "
        "city ON organisations BEGIN\n"
        "                UPDATE organisations_fts SET reference = new.reference, name = new.name, "
        "description = new.description, city = new.city WHERE rowid = old.search_rowid;\n"
        "            END",
    ],
}
SQLITE_SEARCH_DROP = {
    "ideas": [
        "DROP TRIGGER IF EXISTS ideas_fts_insert",
        "DROP TRIGGER IF EXISTS ideas_fts_delete",
        "DROP TRIGGER IF EXISTS ideas_fts_update",
        "DROP TABLE IF EXISTS ideas_fts",
        "DROP INDEX IF EXISTS ix_search_ideas_rowid",
        "ALTER TABLE ideas DROP COLUMN search_rowid",
    ],
    "organisations": [
        "DROP TRIGGER IF EXISTS organisations_fts_insert",
        "DROP TRIGGER IF EXISTS organisations_fts_delete",
        "DROP TRIGGER IF EXISTS organisations_fts_update",
        "DROP TABLE IF EXISTS organisations_fts",
        "DROP INDEX IF EXISTS ix_search_organisations_rowid",
        "ALTER TABLE organisations DROP COLUMN search_rowid",
    ],
}
POSTGRESQL_SEARCH = {
    "ideas": [
        "ALTER TABLE ideas ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', "
        "translate(lower(coalesce(reference, '') || ' ' || coalesce(title, '') || ' ' || "
        "coalesce(description, '')), 'áàäâãåéèëêíìïîóòöôõúùüûýÿçñ', 'aaaaaaeeeeiiiiooooouuuuyycn'))) "
        "STORED",
        "CREATE INDEX ix_search_ideas_vector ON ideas USING gin (search_vector)",
    ],
    "organisations": [
        "ALTER TABLE organisations ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple', translate(lower(coalesce(reference, '') || ' ' || coalesce(name, "
        "'') || ' ' || coalesce(description, '') || ' ' || coalesce(city, '')), "
        "'áàäâãåéèëêíìïîóòöôõúùüûýÿçñ', 'aaaaaaeeeeiiiiooooouuuuyycn'))) STORED",
        "CREATE INDEX ix_search_organisations_vector ON organisations USING gin (search_vector)",
    ],
}
POSTGRESQL_SEARCH_DROP = {
    "ideas": ["DROP INDEX IF EXISTS ix_search_ideas_vector", "ALTER TABLE ideas DROP COLUMN IF EXISTS search_vector"],
    "organisations": [
        "DROP INDEX IF EXISTS ix_search_organisations_vector",
        "ALTER TABLE organisations DROP COLUMN IF EXISTS search_vector",
    ],
}
DEFAULT_TERMS = {
    "help_type": [
        ("ruimte", "ruimte"),
        ("geld", "geld"),
        ("vrijwilligers", "vrijwilligers"),
        ("advies", "advies"),
        ("netwerk", "netwerk"),
        ("materiaal", "materiaal"),
        ("vergunning", "vergunning"),
        ("publiciteit", "publiciteit"),
        ("organisatie", "organisatie"),
    ],
    "organisation_kind": [
        ("stichting", "stichting"),
        ("vereniging", "vereniging"),
        ("cooperatie", "coöperatie"),
        ("bedrijf", "bedrijf"),
        ("fonds", "fonds"),
        ("gemeente", "gemeente"),
        ("overheid", "overheid"),
        ("onderwijs", "onderwijs"),
        ("zorgorganisatie", "zorgorganisatie"),
        ("woningcorporatie", "woningcorporatie"),
        ("kerk", "kerk/levensbeschouwing"),
        ("informeel", "informeel (bewonersgroep, netwerk)"),
    ],
    "theme": [
        ("welzijn", "welzijn"),
        ("zorg", "zorg"),
        ("gezondheid", "gezondheid"),
        ("sport", "sport"),
        ("cultuur", "cultuur"),
        ("jeugd", "jeugd"),
        ("onderwijs", "onderwijs"),
        ("wonen", "wonen"),
        ("openbare_ruimte", "openbare ruimte"),
        ("duurzaamheid", "duurzaamheid"),
        ("veiligheid", "veiligheid"),
        ("werk_en_inkomen", "werk en inkomen"),
    ],
}


def _create_search_index() -> None:
    ddl = SQLITE_SEARCH if op.get_bind().dialect.name == "sqlite" else POSTGRESQL_SEARCH
    for statements in ddl.values():
        for statement in statements:
            op.execute(statement)


def _drop_search_index() -> None:
    ddl = SQLITE_SEARCH_DROP if op.get_bind().dialect.name == "sqlite" else POSTGRESQL_SEARCH_DROP
    for statements in ddl.values():
        for statement in statements:
            op.execute(statement)


def _seed_vocabulary() -> None:
    terms = sa.table(
        "vocabulary_terms",
        sa.column("id", sa.String),
        sa.column("vocabulary", sa.String),
        sa.column("key", sa.String),
        sa.column("name", sa.String),
        sa.column("position", sa.Integer),
    )
    rows = [
        {"id": str(uuid.uuid4()), "vocabulary": vocabulary, "key": key, "name": name, "position": position}
        for vocabulary, entries in DEFAULT_TERMS.items()
        for position, (key, name) in enumerate(entries)
    ]
    op.bulk_insert(terms, rows)
    areas = sa.table(
        "areas",
        sa.column("id", sa.String),
        sa.column("name", sa.String),
        sa.column("kind", sa.String),
        sa.column("position", sa.Integer),
    )
    op.bulk_insert(areas, [{"id": str(uuid.uuid4()), "name": "hele gemeente", "kind": "gemeente", "position": 0}])


def downgrade() -> None:
    _drop_search_index()
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index("ix_activities_organisation_occurred")
        batch_op.drop_index(batch_op.f("ix_activities_match_id"))
        batch_op.drop_index("ix_activities_idea_occurred")

    op.drop_table("activities")
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.drop_index("ix_matches_status_follow_up")
        batch_op.drop_index(batch_op.f("ix_matches_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_matches_idea_id"))

    op.drop_table("matches")
    with op.batch_alter_table("idea_themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_idea_themes_term_id"))

    op.drop_table("idea_themes")
    with op.batch_alter_table("idea_needs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_idea_needs_term_id"))

    op.drop_table("idea_needs")
    with op.batch_alter_table("idea_initiators", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_idea_initiators_initiator_id"))

    op.drop_table("idea_initiators")
    with op.batch_alter_table("organisation_themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_themes_term_id"))

    op.drop_table("organisation_themes")
    with op.batch_alter_table("organisation_offers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_offers_term_id"))

    op.drop_table("organisation_offers")
    with op.batch_alter_table("organisation_areas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_areas_area_id"))

    op.drop_table("organisation_areas")
    with op.batch_alter_table("ideas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ideas_title"))
        batch_op.drop_index("ix_ideas_status_updated")
        batch_op.drop_index(batch_op.f("ix_ideas_session_id"))
        batch_op.drop_index(batch_op.f("ix_ideas_received_on"))
        batch_op.drop_index(batch_op.f("ix_ideas_area_id"))

    op.drop_table("ideas")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_organisation_id"))

    op.drop_table("contacts")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_held_on"))
        batch_op.drop_index(batch_op.f("ix_sessions_area_id"))

    op.drop_table("sessions")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisations_name"))
        batch_op.drop_index(batch_op.f("ix_organisations_kvk"))
        batch_op.drop_index(batch_op.f("ix_organisations_kind_id"))
        batch_op.drop_index(batch_op.f("ix_organisations_active"))

    op.drop_table("organisations")
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consents_initiator_id"))

    op.drop_table("consents")
    with op.batch_alter_table("vocabulary_terms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vocabulary_terms_vocabulary"))

    op.drop_table("vocabulary_terms")
    op.drop_table("settings")
    op.drop_table("reference_counters")
    op.drop_table("initiators")
    with op.batch_alter_table("areas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_areas_parent_id"))

    op.drop_table("areas")
