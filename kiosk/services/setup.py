"""Build the visit's services for a terminal (called by the composition root).

Every service gets its own :class:`~kiosk.services.common.Central` (a ``requests`` session is
not shared between threads). When central's address is only known later (demo mode), build
with ``central_url=""`` and call :meth:`Services.connect` once it is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.config import Settings
from kiosk.domain.catalog import ServiceItem
from kiosk.printing.worker import PrintWorker
from kiosk.services.checkin import CheckinService
from kiosk.services.common import Central
from kiosk.services.complaints import ComplaintService
from kiosk.services.consult import ConsultService
from kiosk.services.progress import ProgressService
from kiosk.services.queues import queues_for
from kiosk.services.tickets import TicketService
from kiosk.store import Store
from kiosk.sync.client import Credentials
from kiosk.sync.factory import SyncNotConfigured, make_client
from kiosk.sync.idkey import IdHasher

log = logging.getLogger(__name__)


@dataclass
class Services:
    """The use cases the screens call (each method blocks: call from a worker thread)."""

    tickets: TicketService
    checkin: CheckinService
    progress: ProgressService
    consult: ConsultService
    complaints: ComplaintService
    centrals: list[Central]
    settings: Settings

    def connect(self, central_url: str, credentials: Credentials | None = None) -> None:
        """Point every service at central (or at none when it is not configured)."""
        for central in self.centrals:
            try:
                central.connect(make_client(self.settings, central_url, credentials))
            except SyncNotConfigured as exc:
                log.info("services work offline: %s", exc)
                central.connect(None)

    def network_changed(self, online: bool) -> None:
        """Hook for the health monitor / sync indicator: central is reachable again."""
        if online:
            for central in self.centrals:
                central.network_back()

    def close(self) -> None:
        """Close the services' connections to central."""
        for central in self.centrals:
            central.connect(None)


def build_services(
    settings: Settings,
    store: Store,
    printing: PrintWorker,
    service_lookup: Callable[[str], ServiceItem],
    *,
    central_url: str = "",
    credentials: Credentials | None = None,
    notify_sync: Callable[[], None] | None = None,
) -> Services:
    """Wire the services; tickets left unprinted on earlier days are voided here."""
    queues = queues_for(settings.data_dir, settings.hall_id)
    centrals = [Central(None) for _ in range(5)]
    id_hasher = IdHasher(settings.data_dir / "keys")
    tickets = TicketService(
        store,
        printing,
        queues,
        central=centrals[0],
        notify_sync=notify_sync,
        hall_id=settings.hall_id,
        hall_name=settings.hall_name,
        terminal_id=settings.terminal_id,
        id_hasher=id_hasher,
    )
    services = Services(
        tickets=tickets,
        checkin=CheckinService(
            store,
            tickets,
            queues,
            hall_id=settings.hall_id,
            central=centrals[1],
            notify_sync=notify_sync,
        ),
        progress=ProgressService(store, central=centrals[2], id_hasher=id_hasher),
        consult=ConsultService(
            store,
            service_lookup,
            central=centrals[3],
            printing=printing,
            notify_sync=notify_sync,
            hall_id=settings.hall_id,
            hall_name=settings.hall_name,
            terminal_id=settings.terminal_id,
        ),
        complaints=ComplaintService(
            store,
            central=centrals[4],
            printing=printing,
            notify_sync=notify_sync,
            hall_id=settings.hall_id,
            hall_name=settings.hall_name,
            terminal_id=settings.terminal_id,
        ),
        centrals=centrals,
        settings=settings,
    )
    if central_url:
        services.connect(central_url, credentials)
    voided = tickets.expire_stale()
    if voided:
        log.info("%d unprinted ticket(s) from earlier days voided", voided)
    waiting = tickets.resume()
    if waiting:
        log.info("%d ticket(s) of today still waiting for the printer", waiting)
    return services
