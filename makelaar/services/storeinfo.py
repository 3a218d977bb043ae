"""What `makelaar db info` and `makelaar db check` report about a store."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DatabaseError

from makelaar.domain.errors import StoreError
from makelaar.domain.formatting import format_decimal
from makelaar.storage import backup, migrate
from makelaar.storage.engine import describe, sqlite_path
from makelaar.storage.models import Idea, IntakeSession, Match, Organisation


@dataclass
class CheckReport:
    ok: bool = True
    lines: list[str] = field(default_factory=list)


def info(engine: Engine, path: Path | None = None) -> list[tuple[str, str]]:
    """``path``: the file, when ``engine`` looks at it through a plain connection."""
    path = path or sqlite_path(engine)
    try:
        state, rev = migrate.schema_state(engine)
    except DatabaseError as exc:
        raise StoreError(f"{path or describe(engine)} is beschadigd of is geen database: {exc.orig}") from exc
    out = [
        ("Database", str(path) if path else describe(engine)),
        ("Soort", "SQLite (op deze computer)" if engine.dialect.name == "sqlite" else "PostgreSQL-server"),
        ("Schema", f"{rev or '-'} ({state.value}; dit programma: {migrate.head_revision()})"),
    ]
    if state in (migrate.SchemaState.CURRENT, migrate.SchemaState.BEHIND):
        with engine.connect() as conn:
            for label, model in (
                ("Ideeën", Idea),
                ("Organisaties", Organisation),
                ("Wijktafels", IntakeSession),
                ("Koppelingen", Match),
            ):
                out.append((label, str(conn.scalar(select(func.count()).select_from(model)))))
    if path is not None:
        if path.exists():
            out.append(("Grootte", f"{format_decimal(path.stat().st_size / 1_048_576, 1)} MB"))
        backups = backup.list_backups(path)
        out.append(("Laatste back-up", backups[0].taken_at.strftime("%d-%m-%Y %H:%M") if backups else "nog geen"))
    return out


def check(engine: Engine, path: Path | None = None) -> CheckReport:
    path = path or sqlite_path(engine)
    try:
        return _check(engine, path)
    except DatabaseError as exc:
        report = CheckReport(ok=False, lines=[f"De database is beschadigd of is geen database: {exc.orig}."])
        backups = backup.list_backups(path) if path is not None else []
        if backups:
            report.lines.append(
                f"De nieuwste back-up is {backups[0].path}; zet die terug met: makelaar db restore BESTAND"
            )
        return report


def _check(engine: Engine, path: Path | None = None) -> CheckReport:
    report = CheckReport()
    state, rev = migrate.schema_state(engine)
    if path is not None and rev is not None and state in (migrate.SchemaState.CURRENT, migrate.SchemaState.BEHIND):
        from makelaar.storage import schema_check

        diff = schema_check.file_differences(path, rev, what=f"De database {path}")
        if diff:
            # Objects the program did not make (a trigger, a table) or that are missing: the program will not open it.
            report.ok = False
            report.lines.append("Het schema wijkt af van wat Makelaar aanmaakt: " + "; ".join(diff[:8]) + ".")
    if state is migrate.SchemaState.AHEAD:
        report.ok = False
        report.lines.append(f"Het schema ({rev}) is nieuwer dan dit programma; werk Makelaar bij.")
    elif state is migrate.SchemaState.BEHIND:
        report.lines.append(f"Het schema ({rev}) is verouderd; 'makelaar db upgrade' werkt het bij.")
    elif state is migrate.SchemaState.FOREIGN:
        report.ok = False
        report.lines.append("Dit is geen Makelaar-database.")
    elif state is migrate.SchemaState.EMPTY:
        report.lines.append("De database is leeg; bij de eerste start wordt die ingericht.")
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            result = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            fk = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            if state is migrate.SchemaState.CURRENT:
                for table in ("ideas", "organisations"):
                    try:
                        conn.execute(text(f"INSERT INTO {table}_fts({table}_fts, rank) VALUES('integrity-check', 1)"))
                    except Exception as exc:  # the FTS5 check raises on a damaged index; reported, not hidden
                        report.ok = False
                        report.lines.append(f"De zoekindex van {table} is beschadigd: {exc}")
            conn.rollback()
        if result != ["ok"]:
            report.ok = False
            report.lines.append("De database is beschadigd: " + "; ".join(result[:5]))
        if fk:
            report.ok = False
            report.lines.append(f"{len(fk)} verwijzingen naar records die niet bestaan.")
    else:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    if report.ok:
        report.lines.append("De database is in orde.")
    return report
