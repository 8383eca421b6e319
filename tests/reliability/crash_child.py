"""The terminal of the kill test: every use case that queues for central, run until killed.

Forked by :mod:`tests.reliability.zygote` with ``main(args)``. It builds the terminal's own
pieces on one data folder — store, printer worker on the ESC/POS emulator, sync worker with
a signed client, and the services: ``SubmitService`` (applications), ``EvaluationService``
(ratings), ``ComplaintService``, ``ConsultService``, ``TicketService`` and
``CheckinService`` — says ``ready`` and then serves invented citizens in a random order.

What the citizen was handed is recorded in ``args["acks"]`` only after the use case
returned, one JSON line per outbox item (``kind``, ``key``), flushed to disk: the receipt,
slip or ticket. ``args["marks"]`` gets ``send`` before each batch goes to central and
``recv <items> <replayed>`` when its answer is back, ``put`` before each attachment chunk and
``got <complete>`` after it, so the test can tell which kills landed while a batch or a chunk
was on its way. Applications carry scans and signed documents (``max_pages`` pages of
``page_bytes`` each), which the sync worker uploads before their submission.
"""

from __future__ import annotations

import json
import os
import random
import uuid
from pathlib import Path
from typing import Any

from drivers.printers.sim.inprocess import emulated_printer
from drivers.uri import parse_device_uri
from kiosk.contract import AttachmentState, BatchItem, BatchResponse
from kiosk.domain.application import Document
from kiosk.printing.escpos_render import Renderer
from kiosk.printing.jobs import PrintJobs
from kiosk.printing.profiles import DEFAULT_PROFILE, get_profile
from kiosk.printing.worker import PrintWorker
from kiosk.services.checkin import CheckinService
from kiosk.services.common import Central, ServiceError
from kiosk.services.complaints import ComplaintService
from kiosk.services.consult import ConsultService
from kiosk.services.evaluate import EvaluationService, Rating
from kiosk.services.queues import load_queues
from kiosk.services.submit import SubmitService
from kiosk.services.tickets import TicketService
from kiosk.store import Store
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import CentralClient, Credentials
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.idkey import IdHasher
from kiosk.sync.runner import SyncRunner
from kiosk.sync.worker import SyncWorker, WorkerTimings
from tests.attachment_helpers import pdf_like, with_documents
from tests.unit.apply_helpers import identity, service, walk_to_review

HALL = "H0001"
HALL_NAME = "示范市民服务中心"
HJ004 = {
    "phone": "13800000000",
    "residence_address": "示范市人民路1号",
    "since": "2024-05-01",
    "basis": "work",
}
service("HJ-004")  # read the sample catalog once, in the zygote


class Ledger:
    """An append-only file of lines, each written whole; ``durable`` ones are fsynced."""

    def __init__(self, path: str, durable: bool) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self.durable = durable

    def write(self, line: str) -> None:
        os.write(self.fd, (line + "\n").encode())
        if self.durable:
            os.fsync(self.fd)


class MarkingClient(CentralClient):
    """The real signed client; marks the moments a batch leaves and its answer comes back."""

    marks: Ledger

    def send_batch(self, items: list[BatchItem]) -> BatchResponse:
        self.marks.write("send")
        reply = super().send_batch(items)
        replayed = sum(1 for r in reply.results if r.replayed)
        self.marks.write(f"recv {len(items)} {replayed}")
        return reply

    def put_attachment_chunk(
        self, sha256: str, offset: int, chunk: bytes, total: int
    ) -> AttachmentState:
        self.marks.write("put")
        state = super().put_attachment_chunk(sha256, offset, chunk, total)
        self.marks.write(f"got {int(state.complete)}")
        return state


def main(args: dict[str, Any]) -> None:
    """Serve citizens until killed (see the module docstring)."""
    rng = random.Random(args["seed"])
    data = Path(args["data_dir"])
    tid, url = args["terminal_id"], args["url"]
    credentials = Credentials(tid, args["secret"].encode())
    acks = Ledger(args["acks"], durable=True)

    store = Store(data / "kiosk.db")
    cipher = FieldCipher.for_data_dir(data)
    render = Renderer(get_profile(DEFAULT_PROFILE)).render
    printer = emulated_printer(parse_device_uri("sim:?width=80"))
    printing = PrintWorker(printer, PrintJobs(store), render, poll_s=0.05)
    printing.start()
    client = MarkingClient(url, credentials, timeout=(1.0, 3.0))
    client.marks = Ledger(args["marks"], durable=False)
    runner = SyncRunner(
        store, client, cipher, batch_size=rng.randint(1, 20), backoff=Backoff(0.02, 0.2), rng=rng
    )
    timings = WorkerTimings(poll_s=0.02, probe_offline_s=0.1, catalog_s=1e9, status_s=1e9)
    worker = SyncWorker(runner, timings=timings)
    worker.start()

    def central() -> Central:
        return Central(CentralClient(url, credentials, timeout=(1.0, 3.0)), retry_after_s=0.1)

    desk: dict[str, Any] = {
        "hall_id": HALL,
        "hall_name": HALL_NAME,
        "terminal_id": tid,
        "printing": printing,
        "notify_sync": worker.notify,
    }
    submit = SubmitService(
        store,
        hall_id=HALL,
        terminal_id=tid,
        hall_name=HALL_NAME,
        terminal_name=tid,
        cipher=cipher,
    )
    evaluate = EvaluationService(store, HALL, cipher=cipher)
    complaints = ComplaintService(store, central=central(), **desk)
    consult = ConsultService(store, service, central=central(), **desk)
    tickets = TicketService(
        store,
        printing,
        load_queues(HALL),
        hall_id=HALL,
        hall_name=HALL_NAME,
        terminal_id=tid,
        central=central(),
        notify_sync=worker.notify,
        print_wait_s=15,
        id_hasher=IdHasher(data / "keys"),
    )
    checkin = CheckinService(
        store, tickets, tickets.hall_queues, hall_id=HALL, central=central(), notify_sync=None
    )
    holders = [
        (appointment_id, identity("预约人", number[:17]))
        for appointment_id, number in args["appointments"]
    ]
    rated: list[str] = []  # visits with a receipt, not yet rated

    def ack(kind: str, key: str) -> None:
        acks.write(json.dumps({"kind": kind, "key": key}))

    # Signing makes a real PDF in about a second; with_documents replaces it anyway, so the
    # commitments are signed with one placeholder document made here.
    signed = Document("signed", "application/pdf", pdf_like(1, 2_000), 1)

    def apply() -> None:
        session = walk_to_review("HJ-004", HJ004, commit=rng.random() < 0.5, signed=signed)
        pages, page_bytes = rng.randint(1, args["max_pages"]), args["page_bytes"]
        # Scans on the materials to bring, a signed document on each commitment: the
        # sync worker uploads them before the submission, so kills land mid-upload too.
        result = session.submit(lambda app: submit.submit(with_documents(app, pages, page_bytes)))
        ack("submission", result.outbox_key)
        rated.append(result.receipt_no)

    def rate() -> None:
        receipt = rated.pop() if rated else None
        rating = Rating(level=rng.choice((1, 3, 5)), reasons=("等候时间长",), comment="还行")
        ack("evaluation", evaluate.rate(uuid.uuid4().hex, rating, receipt).key)

    def complain() -> None:
        filed = complaints.file(
            "attitude",
            "窗口人员态度不好",
            anonymous=rng.random() < 0.5,
            identity=identity(),
            phone="13700000000",
        )
        ack("complaint", f"complaint-{filed.tracking_no}")

    def ask() -> None:
        filed = consult.ask("社保", "如何办理社保卡？", "13700000001", identity=identity())
        ack("consultation", f"consultation-{filed.tracking_no}")

    def ticket() -> None:
        taken = tickets.take(rng.choice(("A", "B", "V")))
        ack("ticket", f"ticket-issued-{taken.ticket_id}")

    def check_in() -> None:
        if not holders:
            return
        appointment_id, holder = rng.choice(holders)
        today = checkin.today_for(holder)
        if not any(
            a.appointment_id == appointment_id and not a.checked_in for a in today.appointments
        ):
            return
        done = checkin.check_in(holder, appointment_id)
        ack("ticket", f"ticket-issued-{done.ticket.ticket_id}")
        ack("checkin", f"checkin-{appointment_id}")

    actions = (apply, apply, apply, rate, complain, ask, ticket, ticket, check_in)
    os.write(1, f"ready {os.getpid()}\n".encode())
    while True:
        try:
            rng.choice(actions)()
        except ServiceError as exc:
            # e.g. a holder whose check-in was cut off between ticket and record: the
            # screen would say so; nothing was handed over, nothing is acknowledged.
            if exc.reason not in ("already_holding", "already_checked_in", "no_appointment"):
                raise
        worker.notify()
