"""The services as the composition root builds them, and what they do at start."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.config import Settings
from kiosk.services.common import ServiceError
from kiosk.services.setup import build_services
from kiosk.services.tickets import TicketService
from tests.integration.services_env import Terminal


def no_catalog(code: str) -> object:
    raise LookupError(code)


def test_built_services_work_offline_and_void_yesterdays_unprinted_tickets(
    tmp_path: Path,
) -> None:
    term = Terminal(tmp_path / "data")
    try:
        yesterday = datetime.now().astimezone() - timedelta(days=1)
        old = term.other_tickets(term.printing, print_wait_s=10, clock=lambda: yesterday)
        term.emulator.set(paper="out")
        with pytest.raises(ServiceError):
            old.take("A")
        term.emulator.set(paper="ok")
        settings = Settings(data_dir=term.folder)
        services = build_services(settings, term.store, term.printing, no_catalog)  # type: ignore[arg-type]
        assert [t.status for t in _all(services.tickets)] == ["void"]
        assert [q.code for q in services.tickets.queues()][:2] == ["A", "B"]
        ticket = services.tickets.take("A")
        assert (ticket.status, ticket.offline, ticket.display) == ("issued", True, "T01-A001")
        services.close()
    finally:
        term.close()


def _all(tickets: TicketService) -> list:  # type: ignore[type-arg]
    from sqlmodel import select

    from kiosk.store.models import QueueTicketRow

    with tickets.store.session() as s:
        ids = list(s.exec(select(QueueTicketRow.ticket_id)))
    return [tickets.get(i) for i in ids]
