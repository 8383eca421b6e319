"""Print jobs through the worker and a real SQLite store, to the emulator over real TCP."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from drivers.printers.sim.emulator import EscposEmulator
from drivers.printers.sim.server import TcpPrinterServer
from drivers.registry import make_printer
from kiosk.printing.document import Cut, Document, KeyValue, Text
from kiosk.printing.escpos_render import Renderer
from kiosk.printing.jobs import JobNotFound, PrintJob, PrintJobs
from kiosk.printing.outcome import PrintFuture, PrintOutcome
from kiosk.printing.profiles import get_profile
from kiosk.printing.worker import PrintWorker
from kiosk.store import Store
from kiosk.store.models import TerminalMeta
from tests.sample_slips import sample_ticket

WAIT_S = 10


@pytest.fixture
def emulator() -> Iterator[EscposEmulator]:
    yield EscposEmulator(384)


@pytest.fixture
def server(emulator: EscposEmulator) -> Iterator[TcpPrinterServer]:
    with TcpPrinterServer(emulator) as srv:
        yield srv


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store(tmp_path / "kiosk.db")
    yield db
    db.close()


def _worker(store: Store, server: TcpPrinterServer) -> PrintWorker:
    printer = make_printer(server.uri)
    return PrintWorker(printer, PrintJobs(store), Renderer(get_profile("58mm-gb18030")).render)


def _ticket() -> Document:
    return sample_ticket(datetime.now())


def _wait_printed(emulator: EscposEmulator, count: int) -> None:
    # The server finishes a job when it reads the cut; the driver may return a moment earlier.
    deadline = time.monotonic() + WAIT_S
    while len(emulator.jobs) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(emulator.jobs) >= count, f"printer got {len(emulator.jobs)} jobs, not {count}"


def test_a_ticket_prints_and_the_caller_can_tell(
    store: Store, server: TcpPrinterServer, emulator: EscposEmulator
) -> None:
    worker = _worker(store, server)
    worker.start()
    seen: list[PrintOutcome] = []
    try:
        future = worker.submit(_ticket())
        future.add_done_callback(seen.append)
        outcome = future.result(WAIT_S)
    finally:
        worker.stop()
    assert (outcome.job_id, outcome.kind, outcome.printed, outcome.code) == (
        future.job_id,
        "ticket",
        True,
        "printed",
    )
    assert seen == [outcome], "a callback attached before the end runs once, before result()"
    late: list[PrintOutcome] = []
    future.add_done_callback(late.append)
    assert late == [outcome], "a callback attached after the end runs at once"
    stored = PrintJobs(store).latest_for("T-20240506-A023", kind="ticket")
    assert stored is not None and stored.status == "printed" and stored.printed_at is not None
    _wait_printed(emulator, 1)
    assert "A023" in emulator.jobs[0].lines


def test_commit_steps_write_with_the_jobs_end_and_what_they_return_reaches_the_outcome(
    store: Store, server: TcpPrinterServer
) -> None:
    """A step's write is committed with the ``printed`` mark; its answer is in
    ``outcome.committed``; a step that raises is rolled back alone and the rest stand."""
    worker = _worker(store, server)
    worker.start()
    try:
        with worker._lock:  # the job cannot end before its steps are attached
            future = worker._follow(worker.jobs.add(_ticket()))

            def note(session: Any, outcome: PrintOutcome) -> str:
                session.add(TerminalMeta(key="slip", value=outcome.code))
                return "noted"

            def broken(session: Any, _outcome: PrintOutcome) -> str:
                session.add(TerminalMeta(key="broken", value="half"))
                session.flush()
                raise RuntimeError("step failed")

            future.add_commit_step(note)
            future.add_commit_step(broken)
        worker._wake.set()
        outcome = future.result(WAIT_S)
    finally:
        worker.stop()
    assert outcome.printed and outcome.committed == ("noted",)
    with store.session() as s:
        assert s.get(TerminalMeta, "slip").value == "printed"  # type: ignore[union-attr]
        assert s.get(TerminalMeta, "broken") is None


def test_a_job_watched_while_its_end_is_being_recorded_is_still_settled(
    store: Store, server: TcpPrinterServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A job nobody followed (queued by ``kioskctl``) is watched just as the worker records
    its end, when the store still says ``printing``: that new future is settled too, not
    left to time out."""
    worker = _worker(store, server)
    job = worker.jobs.add(_ticket())
    late: list[PrintFuture] = []
    real = worker.jobs.mark_printed

    def watched_meanwhile(job_id: int, also: Any = None) -> PrintJob:
        late.append(worker.watch(job_id))
        return real(job_id, also)

    monkeypatch.setattr(worker.jobs, "mark_printed", watched_meanwhile)
    worker.start()
    try:
        outcome = late[0].result(WAIT_S) if _until(lambda: bool(late)) else None
    finally:
        worker.stop()
    assert outcome is not None and outcome.printed and outcome.job_id == job.id
    assert outcome.committed == ()


def _until(condition: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_out_of_paper_keeps_the_job_and_it_is_reprinted_when_paper_is_back(
    store: Store, server: TcpPrinterServer, emulator: EscposEmulator
) -> None:
    worker = _worker(store, server)
    worker.start()
    try:
        emulator.set(paper_lines_left=3)  # the roll ends in the middle of the ticket
        first = worker.submit(_ticket())
        job = first.job
        outcome = first.result(WAIT_S)
        assert (outcome.reason, outcome.code, outcome.printed) == ("paper_out", "paper_out", False)
        assert outcome.detail, "the driver's words go with the reason (log, staff)"
        failed = PrintJobs(store).get(job.id)
        assert (failed.status, failed.reason, failed.attempts) == ("failed", "paper_out", 1)
        told = worker.watch(job.id)
        assert told.done() and told.result().reason == "paper_out", "ended: told at once"

        emulator.set(paper="ok", paper_lines_left=None)  # staff load a new roll
        again = worker.reprint(job.id)
        assert again.job.status == "queued" and again is not first
        assert again.result(WAIT_S).printed
    finally:
        worker.stop()
    printed = PrintJobs(store).get(job.id)
    assert (printed.status, printed.reason, printed.attempts) == ("printed", None, 2)
    _wait_printed(emulator, 2)
    assert not emulator.jobs[0].complete and emulator.jobs[1].complete
    assert "A023" in emulator.jobs[1].lines


def test_jobs_queued_before_a_restart_are_printed_after_it(
    store: Store, server: TcpPrinterServer, emulator: EscposEmulator
) -> None:
    jobs = PrintJobs(store)
    interrupted = jobs.add(_ticket())
    waiting = jobs.add(_ticket())
    claimed = jobs.claim_next()  # the first was being printed when the power went
    assert claimed is not None and claimed.id == interrupted.id
    worker = _worker(store, server)
    # A use case follows its jobs again at start (no future survives the restart).
    futures = [worker.watch(interrupted.id), worker.watch(waiting.id)]
    worker.start()
    try:
        outcomes = [f.result(WAIT_S) for f in futures]
    finally:
        worker.stop()
    assert [(o.job_id, o.printed) for o in outcomes] == [(interrupted.id, True), (waiting.id, True)]
    assert PrintJobs(store).get(interrupted.id).attempts == 2
    assert PrintJobs(store).get(waiting.id).attempts == 1


def test_looking_for_work_holds_up_no_writer_and_claims_in_order(store: Store) -> None:
    """After each job and at each poll the printer asks for the next one, mostly to find
    none: that question takes no write lock, so a ticket being written meanwhile (its row
    and its job in one transaction) is never kept waiting by it."""
    jobs = PrintJobs(store)
    with store.session(write=True) as writer:  # a ticket's write, its job not committed yet
        jobs.add(_ticket(), writer)  # takes the write lock
        started = time.monotonic()
        assert jobs.claim_next() is None
        assert time.monotonic() - started < 1  # not the busy timeout (5 s), then an error
    first, second = jobs.add(_ticket()), jobs.add(_ticket())
    claimed = [jobs.claim_next(look_first=False), jobs.claim_next(), jobs.claim_next()]
    assert [(j.status, j.attempts) for j in claimed if j] == [("printing", 1)] * 3
    assert [j.id for j in claimed if j][1:] == [first.id, second.id]
    assert jobs.claim_next() is None and jobs.claim_next(look_first=False) is None


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
    store: Store, server: TcpPrinterServer, emulator: EscposEmulator
) -> None:
    worker = _worker(store, server)
    worker.start()
    try:
        leaky = Document("receipt", "R-9", (KeyValue("证件号码", "44010619900101123X"), Cut()))
        outcome = worker.submit(leaky).result(WAIT_S)
    finally:
        worker.stop()
    assert outcome.reason == "unmasked_personal_data"
    assert emulator.jobs == []


def test_an_unreachable_printer_fails_the_job_with_a_reason(store: Store) -> None:
    emulator = EscposEmulator(384)
    with TcpPrinterServer(emulator) as gone:
        uri = gone.uri
    printer = make_printer(uri)
    worker = PrintWorker(printer, PrintJobs(store), Renderer(get_profile("58mm-gbk")).render)
    worker.start()
    try:
        outcome = worker.submit(Document("test", "t", (Text("测试"), Cut()))).result(WAIT_S)
    finally:
        worker.stop()
    assert outcome.reason == "unreachable"


def test_a_printer_whose_send_hangs_fails_each_job_within_its_deadline_and_stop_returns(
    store: Store,
) -> None:
    from tests.unit.hanging_drivers import HangingPrinter

    printer = HangingPrinter("acme:/dev/usb/lp0", hang_send=True)
    worker = PrintWorker(
        printer,
        PrintJobs(store),
        Renderer(get_profile("58mm-gb18030")).render,
        send_deadline_s=1.0,
    )
    worker.start()
    try:
        first = worker.submit(_ticket())
        second = worker.submit(_ticket())
        outcomes = [first.result(WAIT_S), second.result(WAIT_S)]
        started = time.monotonic()
        worker.stop()
        assert time.monotonic() - started < 15, "stop() waited on the hung driver"
    finally:
        printer.release.set()
    assert [(o.job_id, o.reason) for o in outcomes] == [
        (first.job_id, "timeout"),
        (second.job_id, "timeout"),
    ]
    for job_id in (first.job_id, second.job_id):
        stored = PrintJobs(store).get(job_id)
        assert (stored.status, stored.reason) == ("failed", "timeout")
