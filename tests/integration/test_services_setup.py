"""The services as the composition root builds them, and what they do at start."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.catalog import BUNDLED_SYNONYMS, CatalogBrowser
from kiosk.config import Settings
from kiosk.services.common import ServiceError
from kiosk.services.setup import Services, build_services
from kiosk.services.tickets import TicketService
from kiosk.services.tickets.transitions import IssuedTicket
from kiosk.sync.client import Credentials
from kiosk.sync.factory import make_runner
from tests.integration.services_env import Terminal


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
        services = _built(term)
        assert [t.status for t in _all(services.tickets)] == ["void"]
        assert [q.code for q in services.tickets.queues()][:2] == ["A", "B"]
        ticket = services.tickets.take("A")
        assert (ticket.status, ticket.offline, ticket.display) == ("issued", True, "T01-A001")
        services.close()
    finally:
        term.close()


def test_the_services_seal_with_the_key_the_sync_opens_with(tmp_path: Path) -> None:
    """The composition root reads the outbox key once and hands it to every service that
    queues items for central: what each seals, the sync runner built for the same
    settings opens."""
    term = Terminal(tmp_path / "data")
    try:
        services = _built(term)
        settings = Settings(data_dir=term.folder)
        runner = make_runner(
            settings, term.store, "http://127.0.0.1:9", Credentials("T01", b"k" * 32)
        )
        sealing = {
            "tickets": services.tickets.states.cipher,
            "submit": services.submit.cipher,
            "evaluation": services.evaluation.cipher,
            "supplement": services.supplement.cipher,
        }
        for name, cipher in sealing.items():
            assert cipher is not None, name
            public, sealed = cipher.seal({"name": "张三", "queue": "A"}, name)
            assert public == {"name": None, "queue": "A"} and sealed is not None
            assert runner.cipher.open(public, sealed, name)["name"] == "张三", name
        runner.client.close()
        services.close()
    finally:
        term.close()


def _built(term: Terminal) -> Services:
    """The services as the composition root builds them on ``term``'s store and printer."""
    catalog = CatalogBrowser.open(term.store, BUNDLED_SYNONYMS)  # no catalog installed
    return build_services(Settings(data_dir=term.folder), term.store, term.printing, catalog)


def _all(tickets: TicketService) -> list[IssuedTicket]:
    from sqlmodel import select

    from kiosk.store.models import QueueTicketRow

    with tickets.store.session() as s:
        ids = list(s.exec(select(QueueTicketRow.ticket_id)))
    return [tickets.get(i) for i in ids]


def test_each_service_has_its_own_named_connection_and_connect_reaches_them_all(
    tmp_path: Path,
) -> None:
    term = Terminal(tmp_path / "data")
    try:
        services = _built(term)
        named = services.connections
        assert services.tickets.central is named.tickets
        assert services.checkin.central is named.checkin
        assert services.progress.central is named.progress
        assert services.consult.followups.central is named.consult
        assert services.complaints.followups.central is named.complaints
        assert services.assist.central is named.assist
        assert services.shared_data.central is named.shared
        assert services.positions.central is named.positions
        assert services.evaluation.central is named.evaluation
        assert services.supplement.central is named.supplement
        assert services.certificates.central is named.certificates
        assert services.reference_photos.central is named.faces
        assert services.certificate_maker.font is services.signer.font  # one prepared face
        assert len({id(c) for c in named.each()}) == 12, "a requests session per service"
        assert not any(c.configured for c in named.each())
        services.connect("http://127.0.0.1:9", Credentials("T01", b"k" * 32))
        assert all(c.configured for c in named.each())
        assert services.appointments.client is not None
        assert services.appointments.id_hasher is services.tickets.id_hasher
        services.close()
        assert not any(c.configured for c in named.each())
        assert services.appointments.client is None
    finally:
        term.close()


def test_without_a_central_url_staff_read_that_services_work_offline_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    term = Terminal(tmp_path / "data")
    try:
        services = _built(term)
        caplog.clear()
        with caplog.at_level("INFO", logger="kiosk.services.setup"):
            services.connect("")
        lines = [r.getMessage() for r in caplog.records if r.name == "kiosk.services.setup"]
        assert [m.split(":")[0] for m in lines] == [
            "services work offline",
            "appointments cannot be booked here",
        ]
        assert not any(c.configured for c in services.connections.each())
        services.close()
    finally:
        term.close()
