"""Build the sync worker from the settings (used by the composition root and ``kioskctl``)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from drivers.errors import ReasonError
from kiosk.config import Settings
from kiosk.store import Store
from kiosk.sync.client import CentralClient, Credentials, read_credentials
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.runner import CatalogCallback, SyncRunner
from kiosk.sync.status import SyncIndicator
from kiosk.sync.worker import SyncWorker, WorkerTimings

log = logging.getLogger(__name__)


class SyncNotConfigured(ReasonError, RuntimeError):
    """No central URL or no terminal secret; ``reason``: ``no_central`` or ``no_secret``."""


def make_client(
    settings: Settings, central_url: str, credentials: Credentials | None = None
) -> CentralClient:
    """A signed client for ``central_url`` with the settings' TLS options."""
    if not central_url:
        raise SyncNotConfigured("no_central", "no central_url configured (offline mode)")
    creds = credentials or read_credentials(settings.terminal_id, settings.secret_path)
    if creds is None:
        raise SyncNotConfigured(
            "no_secret",
            f"no terminal secret in {settings.secret_path}; "
            f"register with: kiosk-central add-terminal {settings.terminal_id}",
        )
    if central_url.startswith("http://") and not central_url.startswith(
        ("http://127.0.0.1", "http://localhost", "http://[::1]")
    ):
        log.warning("central_url uses plain HTTP; use https:// outside a test network")
    return CentralClient(
        central_url,
        creds,
        ca_file=settings.central_ca_file or None,
        client_cert=settings.central_client_cert or None,
        client_key=settings.central_client_key or None,
    )


def make_runner(
    settings: Settings,
    store: Store,
    central_url: str,
    credentials: Credentials | None = None,
    on_catalog: CatalogCallback | None = None,
) -> SyncRunner:
    """A sync runner for this terminal (raises :class:`SyncNotConfigured`)."""
    client = make_client(settings, central_url, credentials)
    return SyncRunner(
        store, client, FieldCipher.for_data_dir(settings.data_dir), on_catalog=on_catalog
    )


def make_worker(
    settings: Settings,
    store: Store,
    central_url: str,
    credentials: Credentials | None = None,
    on_catalog: CatalogCallback | None = None,
    on_indicator: Callable[[SyncIndicator], None] | None = None,
    timings: WorkerTimings | None = None,
) -> SyncWorker:
    """The background sync worker (not started)."""
    runner = make_runner(settings, store, central_url, credentials, on_catalog)
    return SyncWorker(
        runner,
        retention_days=settings.retention_days,
        timings=timings,
        on_indicator=on_indicator,
    )
