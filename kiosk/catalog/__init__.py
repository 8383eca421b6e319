"""The service catalog: import/export, search (Chinese, pinyin, initials), notification slips.

Entry points for the composition root and the screens:

* :func:`ensure_catalog` — install the bundled sample on a fresh store (or a newer bundle);
* :class:`CatalogBrowser` — themes, services of a theme, a guide, search, slip content.
"""

from pathlib import Path

from kiosk.catalog.browse import CatalogBrowser, CatalogNotFound, ServiceSummary, ThemeSummary
from kiosk.catalog.importer import (
    CatalogImportError,
    ImportResult,
    apply_delta,
    ensure_catalog,
    export_document,
    import_document,
    import_file,
)
from kiosk.catalog.search import SearchIndex, SearchResult, SynonymTable
from kiosk.catalog.slip import NotificationSlip, SlipMaterial, build_slip

ASSETS_DIR = Path(__file__).resolve().parent.parent.parent / "assets" / "catalog"
BUNDLED_CATALOG = ASSETS_DIR / "catalog.json"
BUNDLED_SYNONYMS = ASSETS_DIR / "synonyms.json"
SAMPLES_DIR = ASSETS_DIR / "samples"


def sample_file(name: str | None) -> Path | None:
    """The shipped file of a sample document (示范文本) named ``name``; None when the
    catalog names none or the file is not shipped (a URL, or a newer catalog's file)."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    path = SAMPLES_DIR / name
    return path if path.is_file() else None


__all__ = [
    "ASSETS_DIR",
    "BUNDLED_CATALOG",
    "BUNDLED_SYNONYMS",
    "CatalogBrowser",
    "CatalogImportError",
    "CatalogNotFound",
    "ImportResult",
    "NotificationSlip",
    "SearchIndex",
    "SearchResult",
    "ServiceSummary",
    "SAMPLES_DIR",
    "SlipMaterial",
    "SynonymTable",
    "ThemeSummary",
    "build_slip",
    "sample_file",
    "apply_delta",
    "ensure_catalog",
    "export_document",
    "import_document",
    "import_file",
]
