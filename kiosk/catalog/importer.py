"""Import and export the catalog: one JSON format, one transaction, newer versions only.

An import first validates the whole document and reports every problem; only a clean document
reaches the store, and then in ONE write transaction (themes, services, search keys and the
version in ``terminal_meta``), so a bad file or a crash leaves the previous catalog untouched.

Versions are integers ``YYYYMMDDNN``. An older version is always refused; the same version is
refused too unless ``force`` (re-installing the same data is usually a mistake, but staff may
need it to repair a store).
"""

from __future__ import annotations

import gc
import json
import logging
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, SQLModel

from drivers.errors import ReasonError
from kiosk.catalog.pinyin import initials_of, pinyin_key, pinyin_keys
from kiosk.catalog.validation import CatalogIssue, seal_unmarked_personal, validate_catalog
from kiosk.domain.catalog import FORMAT
from kiosk.store import Store
from kiosk.store.models import (
    CatalogSearchRow,
    CatalogServiceRow,
    CatalogThemeRow,
    TerminalMeta,
)

log = logging.getLogger(__name__)

META_VERSION = "catalog_version"
META_PUBLISHED = "catalog_published"
META_IMPORTED_AT = "catalog_imported_at"
# Referrals (不在本大厅办理) are few and read whole, so they live in two meta values rather
# than tables of their own: the exchange objects, and their search keys (pinyin computed here).
META_REFERRALS = "catalog_referrals"
META_REFERRAL_SEARCH = "catalog_referral_search"


class CatalogImportError(ReasonError):
    """An import that was refused. ``reason`` is machine-readable, ``issues`` lists each fault.

    Reasons: ``unreadable`` (file missing or not UTF-8 JSON), ``invalid`` (schema or rule
    violations, see ``issues``), ``older_version``, ``same_version``.
    """

    def __init__(self, reason: str, message: str, issues: list[CatalogIssue] | None = None):
        super().__init__(reason, message)
        self.issues = issues or []


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    version: int
    previous_version: int | None
    services: int
    themes: int
    forced: bool = False
    warnings: list[str] = field(default_factory=list)


def read_document(path: Path) -> Any:
    """Parse a catalog file; raises :class:`CatalogImportError` (``unreadable``)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogImportError("unreadable", f"catalog file {path} does not exist") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogImportError("unreadable", f"{path} is not UTF-8 JSON: {exc}") from None
    except OSError as exc:
        raise CatalogImportError("unreadable", f"{path} cannot be read: {exc}") from None


def _meta_get(session: Session, key: str) -> str | None:
    row = session.get(TerminalMeta, key)
    return row.value if row is not None else None


def _meta_set(session: Session, key: str, value: str) -> None:
    row = session.get(TerminalMeta, key)
    if row is None:
        session.add(TerminalMeta(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def _meta_drop(session: Session, key: str) -> None:
    row = session.get(TerminalMeta, key)
    if row is not None:
        session.delete(row)


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def installed_version(store: Store) -> int | None:
    """The version of the catalog in the store, or None when there is none."""
    with store.session() as session:
        value = _meta_get(session, META_VERSION)
    return int(value) if value is not None else None


def search_text(service: dict[str, Any]) -> str:
    """The guide text searched last: description, result, conditions, materials, units (for a
    referral: why not here, the unit and what to bring)."""
    if service.get("kind") == "referral":
        return " ".join((service["description"], service["unit"], service["bring"]))
    guide = service["guide"]
    parts = [service["description"], guide["result"], service["department"]]
    parts.append(guide["accepting_unit"])
    parts.extend(guide["conditions"])
    parts.extend(m["name"] for m in guide["materials"])
    return " ".join(parts)


def search_row(service: dict[str, Any], keys: dict[str, str] | None = None) -> dict[str, Any]:
    """The precomputed search keys of one service (pinyin needs pypinyin, so done here);
    ``keys`` holds pinyin keys computed in a batch (see :func:`search_rows`)."""
    keys = keys if keys is not None else {}

    def key(text: str) -> str:
        return keys[text] if text in keys else pinyin_key(text)

    name_key = key(service["name"])
    return {
        "code": service["code"],
        "name_pinyin": name_key,
        "name_initials": initials_of(name_key),
        "keywords": json.dumps(service["keywords"], ensure_ascii=False),
        "keywords_pinyin": json.dumps([key(k) for k in service["keywords"]]),
        "body": search_text(service),
    }


def pinyin_texts(entries: Any) -> list[str]:
    """The names and keywords of ``entries`` (services or referrals) that get pinyin keys,
    each once; what is not shaped like an entry is passed over (validation reports it)."""
    texts: dict[str, None] = {}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        words = [entry.get("name"), *(entry.get("keywords") or [])]
        texts.update((t, None) for t in words if isinstance(t, str))
    return list(texts)


def search_rows(
    services: list[dict[str, Any]], keys: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Search keys of every service, with all pinyin computed in one batch (or taken from
    ``keys``, computed beforehand)."""
    if keys is None:
        texts = pinyin_texts(services)
        keys = dict(zip(texts, pinyin_keys(texts), strict=True))
    return [search_row(s, keys) for s in services]


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Python's cycle collector off for the duration (process-wide; nested or concurrent
    pauses hold it off until the last ends, then it is back as it was).

    Validating a catalog creates a model object for every service, guide, material, step …
    (about a million for 10,000 services) and each allocation counts towards the next
    collection, which then scans the ever larger heap: with the collector on, validation
    took four times as long (2.3 s instead of 0.55 s for 10,000 services, #22). Nothing
    here makes cycles worth collecting before the import ends; reference counting still
    frees everything the import drops, and the collector runs as usual afterwards."""
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def import_document(store: Store, doc: Any, *, force: bool = False) -> ImportResult:
    """Validate ``doc`` completely, then replace the stored catalog in one transaction.

    Pinyin (a child process, the slow part with validation) is computed while the document
    is validated, on the other core; both are done before the write lock is taken. The
    cycle collector waits until the import is done (see :func:`_cyclic_gc_paused`)."""
    with _cyclic_gc_paused():
        return _import_document(store, doc, force=force)


def _import_document(store: Store, doc: Any, *, force: bool) -> ImportResult:
    parts = [doc.get(k) for k in ("services", "referrals")] if isinstance(doc, dict) else []
    texts = pinyin_texts([e for part in parts if isinstance(part, list) for e in part])
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="catalog-pinyin")
    try:
        pending = pool.submit(pinyin_keys, texts)
        issues = validate_catalog(doc)
        if issues:
            raise CatalogImportError(
                "invalid", f"catalog has {len(issues)} problem(s); nothing was changed", issues
            )
        keys = dict(zip(texts, pending.result(), strict=True))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # a refused document: not waited for
    version: int = doc["version"]
    referrals = doc.get("referrals")
    rows = search_rows(doc["services"] + (referrals or []), keys)
    referral_rows = rows[len(doc["services"]) :]
    rows = rows[: len(doc["services"])]
    with store.session(write=True) as session:
        raw = _meta_get(session, META_VERSION)
        previous = int(raw) if raw is not None else None
        if previous is not None and version < previous:
            raise CatalogImportError(
                "older_version", f"catalog version {version} is older than installed {previous}"
            )
        if previous is not None and version == previous and not force:
            raise CatalogImportError(
                "same_version",
                f"catalog version {version} is already installed (use --force to reinstall)",
            )
        _replace_rows(session, doc, rows)
        if referrals is None:
            _meta_drop(session, META_REFERRALS)
            _meta_drop(session, META_REFERRAL_SEARCH)
        else:
            _meta_set(session, META_REFERRALS, _compact(referrals))
            _meta_set(session, META_REFERRAL_SEARCH, _compact(referral_rows))
        _meta_set(session, META_VERSION, str(version))
        _meta_set(session, META_PUBLISHED, doc["published"])
        _meta_set(session, META_IMPORTED_AT, datetime.now(UTC).isoformat(timespec="seconds"))
    log.info(
        "catalog version %d installed (%d services, %d referrals)",
        version,
        len(doc["services"]),
        len(referrals or []),
    )
    return ImportResult(
        version=version,
        previous_version=previous,
        services=len(doc["services"]),
        themes=len(doc["themes"]),
        forced=force and previous == version,
    )


def _replace_rows(session: Session, doc: dict[str, Any], search_rows: list[dict[str, Any]]) -> None:
    # Core statements on the session's connection (same transaction): plain executemany, not
    # the ORM's bulk path, which costs more than SQLite itself for 10,000 rows (#22).
    conn = session.connection()
    tables = SQLModel.metadata.tables
    search, service, theme = (
        tables[str(m.__tablename__)] for m in (CatalogSearchRow, CatalogServiceRow, CatalogThemeRow)
    )
    conn.execute(search.delete())
    conn.execute(service.delete())
    conn.execute(theme.delete())
    conn.execute(
        theme.insert(),
        [
            {"code": t["code"], "name": t["name"], "position": i}
            for i, t in enumerate(doc["themes"])
        ],
    )
    if not doc["services"]:
        return
    conn.execute(
        service.insert(),
        [
            {
                "code": s["code"],
                "name": s["name"],
                "theme": s["theme"],
                "department": s["department"],
                "position": i,
                "popularity": s["popularity"],
                "item": _compact(s),
            }
            for i, s in enumerate(doc["services"])
        ],
    )
    conn.execute(search.insert(), search_rows)


def import_file(store: Store, path: Path, *, force: bool = False) -> ImportResult:
    """Read, validate and import a catalog file (see :func:`import_document`)."""
    return import_document(store, read_document(path), force=force)


def apply_delta(
    store: Store, changed: list[dict[str, Any]], removed: list[str]
) -> ImportResult | None:
    """Apply central's catalog changes: upsert ``changed`` items by code, drop ``removed``.
    An item with ``"kind": "referral"`` is a referral (不在本大厅办理), the rest are services;
    a code removed is dropped from either list.

        The merged catalog is validated as a whole and installed in one transaction under the
        next local version, so a bad item changes nothing (the caller fetches it again later).
        Returns None when there is nothing to apply. Raises :class:`CatalogImportError`.
    """
    if not changed and not removed:
        return None
    doc = export_document(store)
    if doc is None:
        raise CatalogImportError("no_catalog", "no catalog installed to apply changes to")
    services = {s["code"]: s for s in doc["services"]}
    referrals = {r["code"]: r for r in doc.get("referrals", [])}
    for code in removed:
        services.pop(code, None)
        referrals.pop(code, None)
    for item in changed:
        # The feed's "version" is central's revision counter of the item, not a guide field.
        entry = {k: v for k, v in item.items() if k != "version"}
        is_referral = entry.get("kind") == "referral"
        (services if is_referral else referrals).pop(entry["code"], None)
        (referrals if is_referral else services)[entry["code"]] = entry
    doc["services"] = list(services.values())
    if referrals or "referrals" in doc:
        doc["referrals"] = list(referrals.values())
    unmarked = seal_unmarked_personal(doc)
    if unmarked:
        log.warning(
            "catalog from central: %d field(s) look personal but are not marked; "
            "they are treated as personal: %s",
            len(unmarked),
            ", ".join(unmarked[:20]),
        )
    doc["version"] += 1
    doc["published"] = datetime.now(UTC).date().isoformat()
    result = import_document(store, doc)
    log.info("catalog changes from central: %d changed, %d removed", len(changed), len(removed))
    return result


def export_document(store: Store) -> dict[str, Any] | None:
    """The stored catalog as an exchange document, or None when the store has none."""
    with store.session() as session:
        version = _meta_get(session, META_VERSION)
        if version is None:
            return None
        published = _meta_get(session, META_PUBLISHED) or ""
        themes = session.execute(
            text("SELECT code, name FROM catalog_theme ORDER BY position")
        ).all()
        items = session.execute(text("SELECT item FROM catalog_service ORDER BY position")).all()
        referrals = _meta_get(session, META_REFERRALS)
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": int(version),
        "published": published,
        "themes": [{"code": c, "name": n} for c, n in themes],
        "services": [json.loads(row[0]) for row in items],
    }
    if referrals is not None:  # a document without the key exports without it
        doc["referrals"] = json.loads(referrals)
    return doc


def ensure_catalog(store: Store, bundled_path: Path) -> ImportResult | None:
    """Install the bundled catalog when the store has none or an older one.

    Called by the composition root at start. A catalog pulled from the central service that
    is newer than the bundled one is kept. Returns what was imported, or None.
    """
    current = installed_version(store)
    doc = read_document(bundled_path)
    bundled = doc.get("version") if isinstance(doc, dict) else None
    if current is not None and (not isinstance(bundled, int) or bundled <= current):
        return None
    try:
        return import_document(store, doc)
    except CatalogImportError as exc:
        if exc.reason in ("older_version", "same_version"):
            return None  # another process installed a catalog meanwhile
        raise
