"""Fixtures for catalog integration tests: a real SQLite store file with the bundled catalog."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.catalog import BUNDLED_CATALOG, BUNDLED_SYNONYMS, CatalogBrowser, ensure_catalog
from kiosk.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store file in a temporary folder."""
    s = Store(tmp_path / "kiosk.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def catalog_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store file with the bundled catalog, imported once (pinyin takes a moment)."""
    path = tmp_path_factory.mktemp("template") / "kiosk.db"
    s = Store(path)
    ensure_catalog(s, BUNDLED_CATALOG)
    s.close()  # the last connection checkpoints the WAL into the file
    return path


@pytest.fixture
def catalog_store(catalog_template: Path, tmp_path: Path) -> Iterator[Store]:
    """A store with the bundled sample catalog installed, as on first start."""
    path = tmp_path / "catalog" / "kiosk.db"
    path.parent.mkdir()
    shutil.copy(catalog_template, path)
    s = Store(path)
    yield s
    s.close()


@pytest.fixture
def browser(catalog_store: Store) -> CatalogBrowser:
    """The screens' read API over the real store."""
    return CatalogBrowser.open(catalog_store, BUNDLED_SYNONYMS)
