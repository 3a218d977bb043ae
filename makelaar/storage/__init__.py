"""The store: ORM models, engine and sessions, migrations, backups and the search index."""
