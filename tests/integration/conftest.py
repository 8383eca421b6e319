"""Fixtures for integration tests: real SQLite store files, the bundled catalog, and
``kiosk-central`` in a subprocess on loopback with a terminal connected to it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from central.testing import CentralProcess
from kiosk.catalog import BUNDLED_CATALOG, BUNDLED_SYNONYMS, CatalogBrowser, ensure_catalog
from kiosk.store import Store
from tests.integration.services_env import Terminal

if TYPE_CHECKING:
    from tests.conftest import CentralDb
    from tests.integration.central_server import CentralServer


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


@pytest.fixture
def central(tmp_path: Path, central_db: CentralDb) -> Iterator[CentralProcess]:
    """A reference central in its own folder, not yet started (add terminals first); on
    SQLite and on PostgreSQL (``central_db``)."""
    proc = CentralProcess(tmp_path, db_url=central_db.url, seal_key_file=central_db.seal_key_file)
    yield proc
    proc.stop()


@pytest.fixture
def central_server(tmp_path: Path, central_db: CentralDb) -> Iterator[CentralServer]:
    """The reference central in a thread of this process, on loopback, default options; on
    SQLite and on PostgreSQL (``central_db``)."""
    from tests.integration.central_server import CentralServer

    with CentralServer(tmp_path, central_db) as srv:
        yield srv


@pytest.fixture
def terminal(central: CentralProcess, tmp_path: Path) -> Iterator[Terminal]:
    """Terminal ``T01`` registered at central, which is then started."""
    secret = central.add_terminal("T01")
    central.start()
    term = Terminal(tmp_path / "t", central_url=central.url, secret=secret)
    yield term
    term.close()


@pytest.fixture
def two_terminals(central: CentralProcess, tmp_path: Path) -> Iterator[tuple[Terminal, Terminal]]:
    """Terminals ``T01`` and ``T02`` of hall H0001 registered at central, which is started."""
    secrets = {tid: central.add_terminal(tid) for tid in ("T01", "T02")}
    central.start()
    pair = tuple(
        Terminal(tmp_path / tid, central_url=central.url, secret=secret, terminal_id=tid)
        for tid, secret in secrets.items()
    )
    yield pair  # type: ignore[misc]
    for term in pair:
        term.close()
