"""The schema the migrations create at the newest revision (made by `python -m makelaar.storage.schema_check`;
tests/storage/test_schema_check.py checks it against a fresh migration). Do not edit by hand."""

from typing import Any

REVISION = "0010"

SQLITE: dict[str, Any] = {
    "index ix_activities_idea_occurred": {
        "columns": ["idea_id", "occurred_at"],
        "table": "activities",
        "unique": False,
    },
    "index ix_activities_match_id": {"columns": ["match_id"], "table": "activities", "unique": False},
    "index ix_activities_organisation_occurred": {
        "columns": ["organisation_id", "occurred_at"],
        "table": "activities",
        "unique": False,
    },
    "index ix_areas_parent_id": {"columns": ["parent_id"], "table": "areas", "unique": False},
    "index ix_audit_log_occurred": {"columns": ["occurred_at", "id"], "table": "audit_log", "unique": False},
    "index ix_audit_log_record_id": {"columns": ["record_id"], "table": "audit_log", "unique": False},
    "index ix_consents_initiator_id": {"columns": ["initiator_id"], "table": "consents", "unique": False},
    "index ix_contacts_organisation_id": {"columns": ["organisation_id"], "table": "contacts", "unique": False},
    "index ix_exchange_records_pending": {"columns": ["pending"], "table": "exchange_records", "unique": False},
    "index ix_idea_initiators_initiator_id": {"columns": ["initiator_id"], "table": "idea_initiators", "unique": False},
    "index ix_idea_needs_term_id": {"columns": ["term_id"], "table": "idea_needs", "unique": False},
    "index ix_idea_themes_term_id": {"columns": ["term_id"], "table": "idea_themes", "unique": False},
    "index ix_ideas_area": {"columns": ["area_id", "received_on", "id"], "table": "ideas", "unique": False},
    "index ix_ideas_received": {"columns": ["received_on", "id"], "table": "ideas", "unique": False},
    "index ix_ideas_session_id": {"columns": ["session_id"], "table": "ideas", "unique": False},
    "index ix_ideas_status": {"columns": ["status", "received_on", "id"], "table": "ideas", "unique": False},
    "index ix_ideas_status_contact": {
        "columns": ["status", "last_activity_at", "updated_at", "id"],
        "table": "ideas",
        "unique": False,
    },
    "index ix_ideas_title": {"columns": ["title", "id"], "table": "ideas", "unique": False},
    "index ix_ideas_updated": {"columns": ["updated_at", "id"], "table": "ideas", "unique": False},
    "index ix_import_batches_imported": {"columns": ["imported_at"], "table": "import_batches", "unique": False},
    "index ix_import_changes_batch_id": {"columns": ["batch_id"], "table": "import_changes", "unique": False},
    "index ix_matches_idea_id": {"columns": ["idea_id"], "table": "matches", "unique": False},
    "index ix_matches_organisation_id": {"columns": ["organisation_id"], "table": "matches", "unique": False},
    "index ix_matches_status_follow_up": {"columns": ["status", "follow_up_on"], "table": "matches", "unique": False},
    "index ix_matches_status_updated": {"columns": ["status", "updated_at", "id"], "table": "matches", "unique": False},
    "index ix_matches_updated": {"columns": ["updated_at"], "table": "matches", "unique": False},
    "index ix_organisation_areas_area_id": {"columns": ["area_id"], "table": "organisation_areas", "unique": False},
    "index ix_organisation_offers_term_id": {"columns": ["term_id"], "table": "organisation_offers", "unique": False},
    "index ix_organisation_themes_term_id": {"columns": ["term_id"], "table": "organisation_themes", "unique": False},
    "index ix_organisations_active": {"columns": ["active"], "table": "organisations", "unique": False},
    "index ix_organisations_kind_id": {"columns": ["kind_id"], "table": "organisations", "unique": False},
    "index ix_organisations_kvk": {"columns": ["kvk"], "table": "organisations", "unique": False},
    "index ix_organisations_name": {"columns": ["name", "id"], "table": "organisations", "unique": False},
    "index ix_organisations_updated": {"columns": ["updated_at"], "table": "organisations", "unique": False},
    "index ix_search_ideas_rowid": {"columns": ["search_rowid"], "table": "ideas", "unique": True},
    "index ix_search_organisations_rowid": {"columns": ["search_rowid"], "table": "organisations", "unique": True},
    "index ix_sessions_area_id": {"columns": ["area_id"], "table": "sessions", "unique": False},
    "index ix_sessions_held_on": {"columns": ["held_on"], "table": "sessions", "unique": False},
    "index ix_tombstones_pending": {"columns": ["pending"], "table": "tombstones", "unique": False},
    "index ix_vocabulary_terms_vocabulary": {"columns": ["vocabulary"], "table": "vocabulary_terms", "unique": False},
    "table activities": {
        "columns": [
            ["author", False, 0],
            ["created_at", True, 0],
            ["id", True, 1],
            ["idea_id", False, 0],
            ["kind", True, 0],
            ["match_id", False, 0],
            ["occurred_at", True, 0],
            ["organisation_id", False, 0],
            ["text", True, 0],
        ]
    },
    "table alembic_version": {"columns": [["version_num", True, 1]]},
    "table areas": {
        "columns": [
            ["id", True, 1],
            ["kind", True, 0],
            ["name", True, 0],
            ["parent_id", False, 0],
            ["position", True, 0],
            ["retired_at", False, 0],
        ]
    },
    "table audit_log": {
        "columns": [
            ["actor", True, 0],
            ["detail", True, 0],
            ["id", True, 1],
            ["kind", True, 0],
            ["occurred_at", True, 0],
            ["record_id", True, 0],
            ["record_table", True, 0],
            ["reference", True, 0],
        ]
    },
    "table consents": {
        "columns": [
            ["given", True, 0],
            ["id", True, 1],
            ["initiator_id", True, 0],
            ["method", True, 0],
            ["purpose", True, 0],
            ["recorded_at", True, 0],
            ["recorded_on", True, 0],
        ]
    },
    "table contacts": {
        "columns": [
            ["created_at", True, 0],
            ["email", False, 0],
            ["id", True, 1],
            ["name", True, 0],
            ["organisation_id", True, 0],
            ["phone", False, 0],
            ["role", False, 0],
            ["updated_at", True, 0],
            ["version", True, 0],
        ]
    },
    "table exchange_records": {
        "columns": [
            ["history", True, 0],
            ["pending", True, 0],
            ["record_id", True, 2],
            ["record_table", True, 1],
            ["seen_hash", False, 0],
        ]
    },
    "table idea_initiators": {"columns": [["idea_id", True, 1], ["initiator_id", True, 2]]},
    "table idea_needs": {"columns": [["idea_id", True, 1], ["term_id", True, 2]]},
    "table idea_themes": {"columns": [["idea_id", True, 1], ["term_id", True, 2]]},
    "table ideas": {
        "columns": [
            ["area_id", False, 0],
            ["closed_on", False, 0],
            ["created_at", True, 0],
            ["description", True, 0],
            ["id", True, 1],
            ["last_activity_at", False, 0],
            ["received_on", True, 0],
            ["reference", True, 0],
            ["requested_amount", False, 0],
            ["search_rowid", False, 0],
            ["session_id", False, 0],
            ["source", False, 0],
            ["status", True, 0],
            ["team_size", False, 0],
            ["title", True, 0],
            ["updated_at", True, 0],
            ["version", True, 0],
        ]
    },
    "table ideas_fts": {
        "sql": "create virtual table ideas_fts using fts5(reference, title, description, tokenize = "
        "'unicode61 remove_diacritics 2')"
    },
    "table ideas_fts_config": {"shadow": True},
    "table ideas_fts_content": {"shadow": True},
    "table ideas_fts_data": {"shadow": True},
    "table ideas_fts_docsize": {"shadow": True},
    "table ideas_fts_idx": {"shadow": True},
    "table import_batches": {
        "columns": [
            ["actor", True, 0],
            ["added", True, 0],
            ["file_name", True, 0],
            ["id", True, 1],
            ["imported_at", True, 0],
            ["kind", True, 0],
            ["rejected", True, 0],
            ["undone_at", False, 0],
            ["updated", True, 0],
        ]
    },
    "table import_changes": {
        "columns": [
            ["action", True, 0],
            ["batch_id", True, 0],
            ["before", False, 0],
            ["id", True, 1],
            ["position", True, 0],
            ["record_id", True, 0],
            ["record_table", True, 0],
            ["version_after", False, 0],
        ]
    },
    "table initiators": {
        "columns": [
            ["address", False, 0],
            ["anonymised_at", False, 0],
            ["created_at", True, 0],
            ["email", False, 0],
            ["id", True, 1],
            ["name", True, 0],
            ["phone", False, 0],
            ["postcode", False, 0],
            ["reference", True, 0],
            ["updated_at", True, 0],
            ["version", True, 0],
        ]
    },
    "table matches": {
        "columns": [
            ["contact_id", False, 0],
            ["created_at", True, 0],
            ["follow_up_on", False, 0],
            ["id", True, 1],
            ["idea_id", True, 0],
            ["need_id", False, 0],
            ["note", False, 0],
            ["organisation_id", True, 0],
            ["status", True, 0],
            ["updated_at", True, 0],
            ["version", True, 0],
        ]
    },
    "table organisation_areas": {"columns": [["area_id", True, 2], ["organisation_id", True, 1]]},
    "table organisation_offers": {"columns": [["organisation_id", True, 1], ["term_id", True, 2]]},
    "table organisation_themes": {"columns": [["organisation_id", True, 1], ["term_id", True, 2]]},
    "table organisations": {
        "columns": [
            ["active", True, 0],
            ["address", False, 0],
            ["city", False, 0],
            ["created_at", True, 0],
            ["description", True, 0],
            ["email", False, 0],
            ["fund_deadline", False, 0],
            ["fund_excludes", False, 0],
            ["fund_max_amount", False, 0],
            ["fund_min_initiators", False, 0],
            ["id", True, 1],
            ["kind_id", False, 0],
            ["kvk", False, 0],
            ["name", True, 0],
            ["phone", False, 0],
            ["postcode", False, 0],
            ["reference", True, 0],
            ["search_rowid", False, 0],
            ["to_check", False, 0],
            ["updated_at", True, 0],
            ["version", True, 0],
            ["website", False, 0],
        ]
    },
    "table organisations_fts": {
        "sql": "create virtual table organisations_fts using fts5(reference, name, "
        "description, city, tokenize = 'unicode61 remove_diacritics 2')"
    },
    "table organisations_fts_config": {"shadow": True},
    "table organisations_fts_content": {"shadow": True},
    "table organisations_fts_data": {"shadow": True},
    "table organisations_fts_docsize": {"shadow": True},
    "table organisations_fts_idx": {"shadow": True},
    "table reference_counters": {"columns": [["last", True, 0], ["prefix", True, 1], ["year", True, 2]]},
    "table sessions": {
        "columns": [
            ["area_id", False, 0],
            ["created_at", True, 0],
            ["held_on", True, 0],
            ["id", True, 1],
            ["notes", False, 0],
            ["place", False, 0],
            ["reference", True, 0],
            ["title", True, 0],
            ["updated_at", True, 0],
            ["version", True, 0],
        ]
    },
    "table settings": {"columns": [["key", True, 1], ["value", True, 0]]},
    "table tombstones": {
        "columns": [
            ["deleted_at", True, 0],
            ["history", True, 0],
            ["pending", True, 0],
            ["record_id", True, 2],
            ["record_table", True, 1],
        ]
    },
    "table vocabulary_terms": {
        "columns": [
            ["id", True, 1],
            ["key", False, 0],
            ["name", True, 0],
            ["position", True, 0],
            ["retired_at", False, 0],
            ["vocabulary", True, 0],
        ]
    },
    "trigger activities_contact_delete": {
        "sql": "create trigger activities_contact_delete after delete on activities "
        "when old.idea_id is not null begin update ideas set "
        "last_activity_at = (select max(occurred_at) from activities where "
        "idea_id = old.idea_id) where id = old.idea_id; end",
        "table": "activities",
    },
    "trigger activities_contact_insert": {
        "sql": "create trigger activities_contact_insert after insert on activities "
        "when new.idea_id is not null begin update ideas set "
        "last_activity_at = max(coalesce(last_activity_at, new.occurred_at), "
        "new.occurred_at) where id = new.idea_id; end",
        "table": "activities",
    },
    "trigger activities_contact_update": {
        "sql": "create trigger activities_contact_update after update of idea_id, "
        "occurred_at on activities begin update ideas set last_activity_at = "
        "(select max(occurred_at) from activities where idea_id = ideas.id) "
        "where id in (old.idea_id, new.idea_id); end",
        "table": "activities",
    },
    "trigger ideas_fts_delete": {
        "sql": "create trigger ideas_fts_delete after delete on ideas begin delete from "
        "ideas_fts where rowid = old.search_rowid; end",
        "table": "ideas",
    },
    "trigger ideas_fts_insert": {
        "sql": "create trigger ideas_fts_insert after insert on ideas begin insert into "
        "ideas_fts (reference, title, description) values (new.reference, new.title, "
        "new.description); update ideas set search_rowid = last_insert_rowid() where "
        "id = new.id; end",
        "table": "ideas",
    },
    "trigger ideas_fts_update": {
        "sql": "create trigger ideas_fts_update after update of reference, title, "
        "description on ideas begin update ideas_fts set reference = new.reference, "
        "title = new.title, description = new.description where rowid = "
        "old.search_rowid; end",
        "table": "ideas",
    },
    "trigger organisations_fts_delete": {
        "sql": "create trigger organisations_fts_delete after delete on "
        "organisations begin delete from organisations_fts where rowid = "
        "old.search_rowid; end",
        "table": "organisations",
    },
    "trigger organisations_fts_insert": {
        "sql": "create trigger organisations_fts_insert after insert on "
        "organisations begin insert into organisations_fts (reference, name, "
        "description, city) values (new.reference, new.name, new.description, "
        "new.city); update organisations set search_rowid = "
        "last_insert_rowid() where id = new.id; end",
        "table": "organisations",
    },
    "trigger organisations_fts_update": {
        "sql": "create trigger organisations_fts_update after update of reference, "
        "name, description, city on organisations begin update "
        "organisations_fts set reference = new.reference, name = new.name, "
        "description = new.description, city = new.city where rowid = "
        "old.search_rowid; end",
        "table": "organisations",
    },
}
