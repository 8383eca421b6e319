"""Schema migrations: an ordered list of SQL steps, tracked in ``PRAGMA user_version``.

A terminal in the field upgrades in place without losing a queued submission. Rules:

* never edit a released step, only append a new one;
* each step runs in one transaction together with the version bump, so a power cut leaves
  either the old or the new schema;
* before upgrading a database that already has a schema, a copy is kept beside it
  (``kiosk.db.pre-v<N>.bak``, 0600): only the newest such copy, and only for as long as the
  terminal keeps personal data (:func:`purge_backups`, run by the daily purge);
* a database newer than this code is refused rather than touched.

The table models in :mod:`kiosk.store.models` mirror the final schema; a test checks they agree.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import stat
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    """One schema step: its version number, a name for logs, and its SQL statements."""

    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "initial",
        (
            """CREATE TABLE terminal_meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
            """CREATE TABLE submission (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                receipt_no TEXT NOT NULL UNIQUE,
                service_code TEXT NOT NULL,
                created_at TEXT NOT NULL,
                payload TEXT NOT NULL
            )""",
            """CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL,
                idempotency_key TEXT NOT NULL UNIQUE,
                payload TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL
            )""",
            "CREATE INDEX ix_outbox_state ON outbox(state, id)",
        ),
    ),
    Migration(
        2,
        "outbox scheduling, submission link and case number",
        (
            "ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT",
            "ALTER TABLE outbox ADD COLUMN last_error TEXT",
            "ALTER TABLE outbox ADD COLUMN sent_at TEXT",
            "ALTER TABLE outbox ADD COLUMN submission_id INTEGER "
            "REFERENCES submission(id) ON DELETE RESTRICT",
            "ALTER TABLE submission ADD COLUMN case_no TEXT",
            "ALTER TABLE submission ADD COLUMN promised_date TEXT",
            "CREATE INDEX ix_outbox_due ON outbox(state, next_attempt_at, id)",
        ),
    ),
    Migration(
        3,
        "print jobs",
        (
            """CREATE TABLE print_job (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL,
                reference TEXT NOT NULL DEFAULT '',
                document TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'printing', 'printed', 'failed')),
                reason TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                printed_at TEXT
            )""",
            "CREATE INDEX ix_print_job_status ON print_job(status, id)",
            "CREATE INDEX ix_print_job_created ON print_job(created_at)",
            "CREATE INDEX ix_print_job_reference ON print_job(reference)",
        ),
    ),
    Migration(
        4,
        "service catalog: themes, items with their guide, search keys",
        (
            """CREATE TABLE catalog_theme (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                position INTEGER NOT NULL
            )""",
            """CREATE TABLE catalog_service (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                theme TEXT NOT NULL REFERENCES catalog_theme(code) ON DELETE RESTRICT,
                department TEXT NOT NULL,
                position INTEGER NOT NULL,
                popularity INTEGER NOT NULL DEFAULT 0,
                item TEXT NOT NULL
            )""",
            "CREATE INDEX ix_catalog_service_theme ON catalog_service(theme, position)",
            """CREATE TABLE catalog_search (
                code TEXT PRIMARY KEY REFERENCES catalog_service(code) ON DELETE CASCADE,
                name_pinyin TEXT NOT NULL,
                name_initials TEXT NOT NULL,
                keywords TEXT NOT NULL,
                keywords_pinyin TEXT NOT NULL,
                body TEXT NOT NULL
            )""",
        ),
    ),
    Migration(
        5,
        "sync: sealed personal fields in the outbox, case status from central",
        (
            # AES-GCM ciphertext of the payload's personal fields (kiosk.sync.crypto);
            # NULL once purged after the retention period.
            "ALTER TABLE outbox ADD COLUMN sealed BLOB",
            "ALTER TABLE outbox ADD COLUMN purged_at TEXT",
            """CREATE TABLE case_status (
                case_no TEXT PRIMARY KEY,
                receipt_no TEXT NOT NULL,
                state TEXT NOT NULL,
                version INTEGER NOT NULL,
                payload TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                fetched_at TEXT NOT NULL
            )""",
            "CREATE INDEX ix_case_status_receipt ON case_status(receipt_no)",
            "CREATE INDEX ix_outbox_sent ON outbox(state, sent_at)",
        ),
    ),
    Migration(
        6,
        "staff access: hashed PIN with lockout state, audit log",
        (
            # One row per credential (today only 'staff'); pin_hash is a self-describing
            # scrypt string. The failure counters live here so a restart keeps a lockout.
            """CREATE TABLE staff_credential (
                name TEXT PRIMARY KEY,
                pin_hash TEXT NOT NULL,
                failures INTEGER NOT NULL DEFAULT 0,
                lockouts INTEGER NOT NULL DEFAULT 0,
                locked_until TEXT,
                updated_at TEXT NOT NULL
            )""",
            """CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT ''
            )""",
            "CREATE INDEX ix_audit_log_at ON audit_log(at)",
        ),
    ),
    Migration(
        7,
        "receipt number sequence per day",
        (
            # Bumped in the submission's own transaction: a rolled-back submission gives its
            # number back, so the printed numbers of a day have no gaps.
            """CREATE TABLE receipt_sequence (
                day TEXT PRIMARY KEY,
                last_seq INTEGER NOT NULL
            )""",
        ),
    ),
    Migration(
        8,
        "services: queue tickets, cached appointments, complaint/question tracking",
        (
            # holder_hash: sha256 of the holder's ID number, only to refuse a second live
            # ticket in one queue; NULL for tickets taken without a card.
            """CREATE TABLE queue_ticket (
                ticket_id TEXT PRIMARY KEY,
                hall_id TEXT NOT NULL,
                queue TEXT NOT NULL,
                day TEXT NOT NULL,
                number INTEGER NOT NULL,
                display TEXT NOT NULL,
                origin TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT 'pending_print'
                    CHECK (status IN ('pending_print', 'issued', 'shown_on_screen',
                                      'print_failed', 'void')),
                priority INTEGER NOT NULL DEFAULT 0,
                priority_proven INTEGER NOT NULL DEFAULT 0,
                holder_hash TEXT,
                service_code TEXT,
                people_ahead INTEGER,
                estimated_wait_min INTEGER,
                print_job_id INTEGER,
                reason TEXT,
                created_at TEXT NOT NULL,
                issued_at TEXT
            )""",
            "CREATE INDEX ix_queue_ticket_live ON queue_ticket(day, queue, holder_hash, status)",
            "CREATE UNIQUE INDEX ux_queue_ticket_number "
            "ON queue_ticket(day, queue, origin, number)",
            """CREATE TABLE appointment_cache (
                appointment_id TEXT PRIMARY KEY,
                day TEXT NOT NULL,
                slot_start TEXT NOT NULL,
                slot_end TEXT NOT NULL,
                service_code TEXT NOT NULL,
                queue TEXT NOT NULL,
                id_number_hash TEXT NOT NULL,
                checked_in INTEGER NOT NULL DEFAULT 0,
                fetched_at TEXT NOT NULL
            )""",
            "CREATE INDEX ix_appointment_cache_day ON appointment_cache(day, id_number_hash)",
            """CREATE TABLE followup (
                tracking_no TEXT PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('complaint', 'consultation')),
                topic TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'submitted',
                answer TEXT NOT NULL DEFAULT '',
                fetched_at TEXT
            )""",
            # Whose cases were last looked up by card here (sha256 of the applicant's or
            # agent's ID number), so an offline progress query by card shows them.
            "ALTER TABLE case_status ADD COLUMN owner_hash TEXT",
            "CREATE INDEX ix_case_status_owner ON case_status(owner_hash)",
        ),
    ),
    Migration(
        9,
        "outbox: the kind of the last error, asked instead of its sentence",
        (
            "ALTER TABLE outbox ADD COLUMN error_kind TEXT CHECK (error_kind IN "
            "('network', 'transient', 'auth', 'rejected', 'local'))",
            # Rows from before: the kind the runner wrote as the sentence's first word.
            """UPDATE outbox SET error_kind = CASE
                WHEN last_error LIKE 'network:%' THEN 'network'
                WHEN last_error LIKE 'retry:%' THEN 'transient'
                WHEN last_error LIKE 'auth:%' THEN 'auth'
                WHEN last_error LIKE 'local:%' THEN 'local'
                WHEN state = 'dead' THEN 'rejected'
                ELSE 'transient'
            END
            WHERE last_error IS NOT NULL""",
        ),
    ),
    Migration(
        10,
        "followup: a bad rating's 整改 (rectification) is tracked like a complaint",
        (
            # SQLite cannot change a CHECK: the table is rebuilt with the wider one.
            """CREATE TABLE followup_v10 (
                tracking_no TEXT PRIMARY KEY,
                kind TEXT NOT NULL
                    CHECK (kind IN ('complaint', 'consultation', 'rectification')),
                topic TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'submitted',
                answer TEXT NOT NULL DEFAULT '',
                fetched_at TEXT
            )""",
            "INSERT INTO followup_v10 SELECT tracking_no, kind, topic, created_at, state, "
            "answer, fetched_at FROM followup",
            "DROP TABLE followup",
            "ALTER TABLE followup_v10 RENAME TO followup",
        ),
    ),
    Migration(
        11,
        "attachment: scans and signed documents, sealed, uploaded before their submission",
        (
            # Content-addressed (sha256 of the plain bytes); ``sealed`` is nonce || AES-GCM
            # under the outbox key with the hash as associated data, NULL once purged.
            """CREATE TABLE attachment (
                sha256 TEXT PRIMARY KEY,
                media_type TEXT NOT NULL,
                size_bytes INTEGER NOT NULL,
                pages INTEGER NOT NULL DEFAULT 1,
                sealed BLOB,
                created_at TEXT NOT NULL,
                uploaded_at TEXT,
                purged_at TEXT
            )""",
            """CREATE TABLE submission_attachment (
                submission_id INTEGER NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
                sha256 TEXT NOT NULL REFERENCES attachment(sha256) ON DELETE RESTRICT,
                material_code TEXT NOT NULL,
                PRIMARY KEY (submission_id, sha256)
            )""",
            "CREATE INDEX ix_submission_attachment_sha ON submission_attachment(sha256)",
        ),
    ),
    Migration(
        12,
        "certificate_job: certificates printed on A4, kept sealed for the day's reprints",
        (
            # ``sealed`` is nonce || AES-GCM of the certificate (holder's name and ID number
            # in full) under the outbox key, the code as associated data; NULL after its day.
            """CREATE TABLE certificate_job (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL,
                title TEXT NOT NULL DEFAULT '',
                code TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'printing',
                reason TEXT,
                attempts INTEGER NOT NULL DEFAULT 1,
                sealed BLOB,
                created_at TEXT NOT NULL,
                printed_at TEXT
            )""",
            "CREATE INDEX ix_certificate_job_created ON certificate_job(created_at)",
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def current_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database file (0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    path: Path,
    target: int = SCHEMA_VERSION,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> int:
    """Bring the database at ``path`` up to ``target``; returns the version it ends at."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=OFF")  # ALTERs may temporarily break references
        version = current_version(conn)
        known = migrations[-1].version if migrations else 0
        if version > known:
            raise sqlite3.DatabaseError(
                f"schema version {version} is newer than this software ({known}); "
                "install the newer version or restore a backup"
            )
        pending = [m for m in migrations if version < m.version <= target]
        if pending and version > 0:
            _backup(conn, path.with_name(f"{path.name}.pre-v{pending[0].version}.bak"))
            purge_backups(path)  # the copies before it are of no more use
        for step in pending:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for sql in step.statements:
                    conn.execute(sql)
                conn.execute(f"PRAGMA user_version={step.version}")
                conn.execute("COMMIT")
            except Exception:
                conn.execute("ROLLBACK")
                raise
            log.info("database schema migrated to v%d (%s)", step.version, step.name)
            version = step.version
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise sqlite3.DatabaseError(f"foreign key check failed after migration: {problems[:3]}")
        return version
    finally:
        conn.close()


def _backup(conn: sqlite3.Connection, target: Path) -> None:
    # The copy holds the same personal data as the database: private from the start.
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    target.chmod(0o600)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    log.info("kept a copy of the database before migrating: %s", target.name)


def backups(path: Path) -> list[Path]:
    """The migration backups of the database at ``path``, the newest (last made) last."""
    pattern = re.compile(re.escape(path.name) + r"\.pre-v(\d+)\.bak")
    found = []
    for candidate in path.parent.glob(f"{path.name}.pre-v*.bak"):
        match = pattern.fullmatch(candidate.name)
        if match:
            found.append((candidate.stat().st_mtime, int(match.group(1)), candidate))
    return [p for _, _, p in sorted(found)]


def purge_backups(path: Path, keep_days: int | None = None, now: float | None = None) -> int:
    """Delete migration backups: all but the newest at once, and the newest as well once it
    is more than ``keep_days`` days old (None: kept). Returns how many were deleted.

    A backup is a full copy of the database, personal data included, taken to undo an
    upgrade that went wrong, which shows within days. It is kept no longer than the terminal
    keeps acknowledged personal data itself (``retention_days``), and owner-only like the
    database (a copy made by an older version with looser rights is tightened).
    """
    found = backups(path)
    doomed = found[:-1]
    newest = found[-1] if found else None
    if newest is not None and keep_days is not None:
        age_s = (time.time() if now is None else now) - newest.stat().st_mtime
        if age_s > keep_days * 86400:
            doomed.append(newest)
            newest = None
    for old in doomed:
        old.unlink(missing_ok=True)
        log.info("deleted the migration backup %s", old.name)
    if newest is not None and stat.S_IMODE(newest.stat().st_mode) & 0o077:
        newest.chmod(0o600)
    return len(doomed)
