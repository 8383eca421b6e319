"""Figures for supervision: a day of tickets, calls, applications and ratings at central, read
back from the console's CSV export (and the page) over real HTTP."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime
from pathlib import Path

from central.testing import CentralProcess
from kiosk.contract import BatchItem, IntakeKind, TicketRequest
from tests.integration.services_env import client_for
from tests.integration.test_fleet import console_login
from tests.integration.test_followup_plans import rating
from tests.sample_submissions import sample_submission


def test_a_days_figures_in_the_console_and_its_csv(central: CentralProcess, tmp_path: Path) -> None:
    secret = central.add_terminal("T01")
    central.start()
    client = client_for(central.url, "T01", secret)
    day = datetime.now(UTC).astimezone().date()
    try:
        tickets = []
        for queue in "AAB":
            ticket_id = uuid.uuid4().hex
            request = TicketRequest(ticket_id=ticket_id, queue=queue, day=day)
            tickets.append(client.take_ticket(request, ticket_id))
        submission = sample_submission("R0001").model_dump(mode="json")
        items = [rating(1), rating(5), rating(4)]
        items.append(BatchItem(key=uuid.uuid4().hex, kind=IntakeKind.SUBMISSION, body=submission))
        assert all(r.status < 300 for r in client.send_batch(items).results)
    finally:
        client.close()
    central.staff("PUT", "/halls/H0001/windows/1", {"queues": ["A", "B"]})
    for _ in range(2):
        call = central.staff("POST", "/halls/H0001/windows/1/call-next")["call"]
        central.staff("POST", f"/halls/H0001/calls/{call['ticket_id']}/finish")
    http = console_login(central, tmp_path)
    page = http.get(f"{central.url}/console/figures", timeout=10)
    assert page.ok and "差评率：33.3%" in page.text and "<svg" in page.text
    export = http.get(f"{central.url}/console/figures.csv?day={day.isoformat()}", timeout=10)
    assert export.headers["content-type"].startswith("text/csv")
    rows = {
        (r["section"], r["key"]): r["value"]
        for r in csv.DictReader(io.StringIO(export.content.decode("utf-8-sig")))
    }
    assert rows[("tickets", "A")] == "2" and rows[("tickets", "B")] == "1"
    assert rows[("called", "A")] == "2" and rows[("window_done", "1")] == "2"
    assert rows[("applications", sample_submission("x").service_code)] == "1"
    assert (rows[("ratings", "1")], rows[("ratings", "5")], rows[("ratings", "4")]) == (
        "1",
        "1",
        "1",
    )
    assert rows[("bad_rating_rate", "")] == "0.3333"
    assert rows[("followups", "open")] == "1"  # the bad rating's 整改
    assert float(rows[("wait_p50_min", "A")]) >= 0
    # Nothing personal in the export.
    assert sample_submission("x").applicant.name not in export.text
