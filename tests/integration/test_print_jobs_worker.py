"""Print jobs through the worker and a real SQLite store, to the emulator over real TCP."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest

from drivers.printers.sim.emulator import EscposEmulator
from drivers.printers.sim.server import TcpPrinterServer
from drivers.registry import make_printer
from kiosk.printing.document import Cut, Document, KeyValue, Text
from kiosk.printing.escpos_render import Renderer
from kiosk.printing.jobs import JobNotFound, PrintJob, PrintJobs
from kiosk.printing.profiles import get_profile
from kiosk.printing.worker import PrintWorker
from kiosk.store import Store
from tests.sample_slips import sample_ticket
from tests.waiting import GENEROUS_S, wait_for_jobs


@dataclass
class Outcomes:
    """What the worker reported, and a way to wait for the next report."""

    done: list[PrintJob] = field(default_factory=list)
    failed: list[tuple[PrintJob, str]] = field(default_factory=list)
    event: threading.Event = field(default_factory=threading.Event)

    def on_done(self, job: PrintJob) -> None:
        self.done.append(job)
        self.event.set()

    def on_failed(self, job: PrintJob, reason: str) -> None:
        self.failed.append((job, reason))
        self.event.set()

    def wait(self) -> None:
        assert self.event.wait(GENEROUS_S), "the worker reported nothing"
        self.event.clear()


def _worker(store: Store, printer_server: TcpPrinterServer, outcomes: Outcomes) -> PrintWorker:
    printer = make_printer(printer_server.uri)
    worker = PrintWorker(printer, PrintJobs(store), Renderer(get_profile("58mm-gb18030")).render)
    worker.done_listeners.append(outcomes.on_done)
    worker.failed_listeners.append(outcomes.on_failed)
    return worker


def _ticket() -> Document:
    return sample_ticket(datetime.now())


def test_a_ticket_prints_and_the_caller_can_tell(
    store: Store, printer_server: TcpPrinterServer, printer_emulator: EscposEmulator
) -> None:
    outcomes = Outcomes()
    worker = _worker(store, printer_server, outcomes)
    worker.start()
    try:
        job = worker.submit(_ticket())
        outcomes.wait()
    finally:
        worker.stop()
    assert [j.id for j in outcomes.done] == [job.id]
    stored = PrintJobs(store).latest_for("T-20240506-A023", kind="ticket")
    assert stored is not None and stored.status == "printed" and stored.printed_at is not None
    wait_for_jobs(printer_emulator, 1)
    assert "A023" in printer_emulator.jobs[0].lines


def test_out_of_paper_keeps_the_job_and_it_is_reprinted_when_paper_is_back(
    store: Store, printer_server: TcpPrinterServer, printer_emulator: EscposEmulator
) -> None:
    outcomes = Outcomes()
    worker = _worker(store, printer_server, outcomes)
    worker.start()
    try:
        printer_emulator.set(paper_lines_left=3)  # the roll ends in the middle of the ticket
        job = worker.submit(_ticket())
        outcomes.wait()
        assert outcomes.failed and outcomes.failed[0][1] == "paper_out"
        failed = PrintJobs(store).get(job.id)
        assert (failed.status, failed.reason, failed.attempts) == ("failed", "paper_out", 1)

        printer_emulator.set(paper="ok", paper_lines_left=None)  # staff load a new roll
        again = worker.reprint(job.id)
        assert again.status == "queued"
        outcomes.wait()
    finally:
        worker.stop()
    printed = PrintJobs(store).get(job.id)
    assert (printed.status, printed.reason, printed.attempts) == ("printed", None, 2)
    wait_for_jobs(printer_emulator, 2)
    assert not printer_emulator.jobs[0].complete and printer_emulator.jobs[1].complete
    assert "A023" in printer_emulator.jobs[1].lines


def test_jobs_queued_before_a_restart_are_printed_after_it(
    store: Store, printer_server: TcpPrinterServer, printer_emulator: EscposEmulator
) -> None:
    jobs = PrintJobs(store)
    interrupted = jobs.add(_ticket())
    waiting = jobs.add(_ticket())
    claimed = jobs.claim_next()  # the first was being printed when the power went
    assert claimed is not None and claimed.id == interrupted.id
    outcomes = Outcomes()
    worker = _worker(store, printer_server, outcomes)
    worker.start()
    try:
        outcomes.wait()
        outcomes.wait()
    finally:
        worker.stop()
    assert {j.id for j in outcomes.done} == {waiting.id, interrupted.id}
    assert PrintJobs(store).get(interrupted.id).attempts == 2
    assert PrintJobs(store).get(waiting.id).attempts == 1


def test_unfinished_jobs_from_an_earlier_day_are_expired_not_printed(store: Store) -> None:
    yesterday = PrintJobs(store, clock=lambda: datetime.now().astimezone() - timedelta(days=1))
    old = yesterday.add(_ticket())
    assert PrintJobs(store).recover() == (0, 1)
    stale = PrintJobs(store).get(old.id)
    assert (stale.status, stale.reason) == ("failed", "expired")
    with pytest.raises(JobNotFound):
        PrintJobs(store).reprint(old.id)


def test_staff_see_only_todays_jobs_newest_first(store: Store) -> None:
    yesterday = PrintJobs(store, clock=lambda: datetime.now().astimezone() - timedelta(days=1))
    yesterday.add(_ticket())
    today = PrintJobs(store)
    first, second = today.add(_ticket()), today.add(_ticket())
    assert [j.id for j in today.list_today()] == [second.id, first.id]


def test_a_document_with_a_full_id_number_is_refused_and_recorded(
    store: Store, printer_server: TcpPrinterServer, printer_emulator: EscposEmulator
) -> None:
    outcomes = Outcomes()
    worker = _worker(store, printer_server, outcomes)
    worker.start()
    try:
        leaky = Document("receipt", "R-9", (KeyValue("证件号码", "44010619900101123X"), Cut()))
        worker.submit(leaky)
        outcomes.wait()
    finally:
        worker.stop()
    assert outcomes.failed[0][1] == "unmasked_personal_data"
    assert printer_emulator.jobs == []


def test_an_unreachable_printer_fails_the_job_with_a_reason(store: Store) -> None:
    outcomes = Outcomes()
    printer_emulator = EscposEmulator(384)
    with TcpPrinterServer(printer_emulator) as gone:
        uri = gone.uri
    printer = make_printer(uri)
    worker = PrintWorker(printer, PrintJobs(store), Renderer(get_profile("58mm-gbk")).render)
    worker.failed_listeners.append(outcomes.on_failed)
    worker.start()
    try:
        worker.submit(Document("test", "t", (Text("测试"), Cut())))
        outcomes.wait()
    finally:
        worker.stop()
    assert outcomes.failed[0][1] == "unreachable"


def test_a_printer_whose_send_hangs_fails_each_job_within_its_deadline_and_stop_returns(
    store: Store,
) -> None:
    from tests.unit.hanging_drivers import HangingPrinter

    printer = HangingPrinter("acme:/dev/usb/lp0", hang_send=True)
    outcomes = Outcomes()
    worker = PrintWorker(
        printer,
        PrintJobs(store),
        Renderer(get_profile("58mm-gb18030")).render,
        send_deadline_s=1.0,
    )
    worker.done_listeners.append(outcomes.on_done)
    worker.failed_listeners.append(outcomes.on_failed)
    worker.start()
    try:
        first = worker.submit(_ticket())
        second = worker.submit(_ticket())
        outcomes.wait()
        outcomes.wait()
        started = time.monotonic()
        worker.stop()
        assert time.monotonic() - started < 15, "stop() waited on the hung driver"
    finally:
        printer.release.set()
    assert [(job.id, reason) for job, reason in outcomes.failed] == [
        (first.id, "timeout"),
        (second.id, "timeout"),
    ]
    for job_id in (first.id, second.id):
        stored = PrintJobs(store).get(job_id)
        assert (stored.status, stored.reason) == ("failed", "timeout")
