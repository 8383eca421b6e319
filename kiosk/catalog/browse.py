"""What the catalog screens ask: themes with counts, services of a theme, a guide, search.

:class:`CatalogBrowser` reads the store and holds the search index of the installed catalog
version. All methods touch the disk or build an index, so view-models call them from a worker
thread (see ``ui/bridge.py``), never from the GUI thread.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from kiosk.catalog.codec import item_from_json
from kiosk.catalog.importer import META_REFERRAL_SEARCH, META_REFERRALS, installed_version
from kiosk.catalog.search import SearchEntry, SearchIndex, SearchResult, SynonymTable
from kiosk.catalog.slip import NotificationSlip, build_slip
from kiosk.domain.catalog import Referral, ServiceItem
from kiosk.store import Store


@dataclass(frozen=True)
class ThemeSummary:
    """One tile of the theme screen: code (for the icon), name and how many services."""

    code: str
    name: str
    count: int


@dataclass(frozen=True)
class ServiceSummary:
    """One line of a service list."""

    code: str
    name: str
    department: str
    theme: str


class CatalogNotFound(LookupError):
    """No service with that code (``reason`` = ``"service_not_found"``)."""

    reason = "service_not_found"


def load_search_entries(store: Store) -> list[SearchEntry]:
    """Every service's search keys, joined with its theme name, then every referral's."""
    with store.session() as session:
        referral_keys = session.execute(
            text("SELECT value FROM terminal_meta WHERE key = :k"), {"k": META_REFERRAL_SEARCH}
        ).scalar()
        referrals = session.execute(
            text("SELECT value FROM terminal_meta WHERE key = :k"), {"k": META_REFERRALS}
        ).scalar()
        rows = session.execute(
            text(
                "SELECT s.code, s.name, s.department, s.theme, t.name, s.popularity,"
                " k.name_pinyin, k.keywords, k.keywords_pinyin, k.body"
                " FROM catalog_service s"
                " JOIN catalog_search k ON k.code = s.code"
                " JOIN catalog_theme t ON t.code = s.theme"
            )
        ).all()
    return [
        SearchEntry(
            code=r[0],
            name=r[1],
            department=r[2],
            theme=r[3],
            theme_name=r[4],
            popularity=r[5],
            name_pinyin=r[6],
            keywords=tuple(json.loads(r[7])),
            keywords_pinyin=tuple(json.loads(r[8])),
            body=r[9],
        )
        for r in rows
    ] + _referral_entries(referrals, referral_keys)


def _referral_entries(referrals: str | None, keys: str | None) -> list[SearchEntry]:
    if not referrals or not keys:
        return []
    by_code = {r["code"]: r for r in json.loads(referrals)}
    return [
        SearchEntry(
            code=k["code"],
            name=by_code[k["code"]]["name"],
            department=by_code[k["code"]]["unit"],
            theme="",
            theme_name="",
            popularity=by_code[k["code"]].get("popularity", 0),
            name_pinyin=k["name_pinyin"],
            keywords=tuple(json.loads(k["keywords"])),
            keywords_pinyin=tuple(json.loads(k["keywords_pinyin"])),
            body=k["body"],
            kind="referral",
        )
        for k in json.loads(keys)
        if k["code"] in by_code
    ]


class CatalogBrowser:
    """Read side of the catalog for the screens and ``kioskctl``.

    The search index is rebuilt lazily when the installed catalog version changes (after an
    import or a sync pull), guarded by a lock so two worker threads never build it twice.
    """

    def __init__(self, store: Store, synonyms: SynonymTable, hall_hours: str = "") -> None:
        self._store = store
        self._synonyms = synonyms
        self._hall_hours = hall_hours.strip()
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
        self._index_version: int | None = None

    @classmethod
    def open(cls, store: Store, synonyms_path: Path, hall_hours: str = "") -> CatalogBrowser:
        """A browser with the synonym table read from ``synonyms_path``; ``hall_hours`` is
        said for every window without hours of its own."""
        return cls(store, SynonymTable.load(synonyms_path), hall_hours)

    def version(self) -> int | None:
        """The installed catalog version (None: no catalog)."""
        return installed_version(self._store)

    def themes(self) -> list[ThemeSummary]:
        """Themes in catalog order with the number of services in each (empty ones too)."""
        with self._store.session() as session:
            rows = session.execute(
                text(
                    "SELECT t.code, t.name, COUNT(s.code) FROM catalog_theme t"
                    " LEFT JOIN catalog_service s ON s.theme = t.code"
                    " GROUP BY t.code ORDER BY t.position"
                )
            ).all()
        return [ThemeSummary(c, n, k) for c, n, k in rows]

    def services(self, theme: str) -> list[ServiceSummary]:
        """Services of one theme, most used first, then in catalog order."""
        with self._store.session() as session:
            rows = session.execute(
                text(
                    "SELECT code, name, department, theme FROM catalog_service"
                    " WHERE theme = :theme ORDER BY popularity DESC, position"
                ),
                {"theme": theme},
            ).all()
        return [ServiceSummary(*r) for r in rows]

    def service(self, code: str) -> ServiceItem:
        """The full item with its guide; raises :class:`CatalogNotFound`."""
        with self._store.session() as session:
            raw = session.execute(
                text("SELECT item FROM catalog_service WHERE code = :code"), {"code": code}
            ).scalar()
        if raw is None:
            raise CatalogNotFound(f"no service with code {code!r}")
        return self._with_hall_hours(item_from_json(raw))

    def _with_hall_hours(self, item: ServiceItem) -> ServiceItem:
        # The one place a window without hours of its own gets the hall's: every screen and
        # slip reads the item from here, so they all say the same hours.
        consultation = item.guide.consultation
        if consultation.hours or not self._hall_hours:
            return item
        consultation = consultation.model_copy(update={"hours": self._hall_hours})
        guide = item.guide.model_copy(update={"consultation": consultation})
        return item.model_copy(update={"guide": guide})

    def referrals(self) -> list[Referral]:
        """The referrals (不在本大厅办理) of the installed catalog, in catalog order."""
        with self._store.session() as session:
            raw = session.execute(
                text("SELECT value FROM terminal_meta WHERE key = :k"), {"k": META_REFERRALS}
            ).scalar()
        return [Referral.model_validate(r) for r in json.loads(raw)] if raw else []

    def referral(self, code: str) -> Referral:
        """One referral; raises :class:`CatalogNotFound`."""
        for r in self.referrals():
            if r.code == code:
                return r
        raise CatalogNotFound(f"no referral with code {code!r}")

    def slip(self, code: str) -> NotificationSlip:
        """The one-time notification slip (一次性告知单) of a service."""
        return build_slip(self.service(code), self.version())

    def index(self) -> SearchIndex:
        """The search index of the installed version (built on first use after a change)."""
        version = self.version()
        with self._lock:
            if self._index is None or self._index_version != version:
                self._index = SearchIndex(load_search_entries(self._store), self._synonyms)
                self._index_version = version
            return self._index

    def search(self, query: str, limit: int = 20) -> list[SearchResult]:
        """Ranked results for what the citizen typed so far."""
        return self.index().search(query, limit)
