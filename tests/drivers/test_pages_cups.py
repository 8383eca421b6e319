"""A4 printing through a real, private cupsd (tests/cups.py) with cups-pdf as the printer."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import pypdfium2
import pytest

from central.testing import free_port
from drivers.pages.base import SENTENCES, PagePrinterError, wait_for_job
from drivers.registry import make_page_printer
from tests.cups import CupsServer
from tests.pages_pdf import pdf_with_text

pytestmark = [pytest.mark.cups, pytest.mark.slow]


def _text_of(path: Path) -> str:
    document = pypdfium2.PdfDocument(path)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _output(folder: Path, job_id: int, timeout_s: float = 20) -> Path:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = sorted(folder.glob(f"job_{job_id}-*.pdf"))
        if found and found[0].stat().st_size > 0:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"no PDF of job {job_id} in {folder}: {sorted(folder.iterdir())}")


def test_a_pdf_printed_on_a_cups_pdf_queue_comes_out_with_its_text(pdf_queue):
    token = f"KIOSK A4 {uuid.uuid4().hex[:12].upper()}"
    printer = make_page_printer(pdf_queue.uri)
    assert printer.status().problem() == ""

    job_id = printer.print_pdf(pdf_with_text(token), "certificate", copies=1)

    done = wait_for_job(printer, job_id, timeout_s=60, poll_s=0.2)
    assert done.state == "completed"
    out = _output(pdf_queue.out, job_id)
    assert token in _text_of(out)
    # The same queue through its IPP address sees the same finished job.
    ipp = make_page_printer(f"ipp://{pdf_queue.server}/printers/{pdf_queue.name}")
    assert ipp.job_state(job_id).state == "completed"
    assert ipp.status().state == "idle"


def test_a_stopped_queue_refuses_the_job_with_its_sentence(pdf_queue, cups_server: CupsServer):
    cups_server.admin("cupsdisable", "-r", "toner change", pdf_queue.name)
    printer = make_page_printer(pdf_queue.uri)
    assert printer.status().state == "stopped"

    with pytest.raises(PagePrinterError) as caught:
        printer.print_pdf(pdf_with_text("STOPPED"), "x")

    assert caught.value.reason == "stopped"
    assert caught.value.sentence == SENTENCES["stopped"]
    assert "toner change" in caught.value.message
    assert caught.value.log_line().startswith("page printer stopped: ")
    assert not list(pdf_queue.out.iterdir())


def test_a_queue_rejecting_jobs_refuses_the_job(pdf_queue, cups_server: CupsServer):
    cups_server.admin("cupsreject", "-r", "closing time", pdf_queue.name)
    printer = make_page_printer(pdf_queue.uri)
    status = printer.status()
    assert status.state == "idle" and not status.accepting

    with pytest.raises(PagePrinterError) as caught:
        printer.print_pdf(pdf_with_text("REJECTED"), "x")

    assert caught.value.reason == "rejecting"
    assert caught.value.sentence == SENTENCES["rejecting"]


def test_paper_out_reported_by_the_backend_is_read_back_from_cupsd(cups_server: CupsServer):
    name = cups_server.add_paper_out_queue()
    try:
        printer = make_page_printer(f"cups://{cups_server.server}/{name}")
        job_id = printer.print_pdf(pdf_with_text("NO PAPER"), "x")

        with pytest.raises(PagePrinterError) as caught:
            wait_for_job(printer, job_id, timeout_s=30, poll_s=0.2)

        assert caught.value.reason == "paper_out"
        assert caught.value.sentence == SENTENCES["paper_out"]
        status = printer.status()
        assert status.state == "stopped"
        assert "media-empty-error" in status.reasons
        assert printer.job_state(job_id).state in {"pending", "stopped"}
        # The next job is refused before it is sent.
        with pytest.raises(PagePrinterError) as again:
            printer.print_pdf(pdf_with_text("NO PAPER"), "x")
        assert again.value.reason == "paper_out"
    finally:
        cups_server.delete_queue(name)


def test_a_job_the_printer_fails_is_aborted(cups_server: CupsServer):
    name = cups_server.add_failing_queue()
    try:
        printer = make_page_printer(f"cups://{cups_server.server}/{name}")
        job_id = printer.print_pdf(pdf_with_text("FAULT"), "x")

        with pytest.raises(PagePrinterError) as caught:
            wait_for_job(printer, job_id, timeout_s=30, poll_s=0.2)

        assert caught.value.reason == "job_aborted"
        assert caught.value.sentence == SENTENCES["job_aborted"]
        assert printer.job_state(job_id).state == "aborted"
    finally:
        cups_server.delete_queue(name)


def test_an_unknown_queue_is_named_as_such(cups_server: CupsServer):
    printer = make_page_printer(f"cups://{cups_server.server}/kiosk_nowhere")
    with pytest.raises(PagePrinterError) as caught:
        printer.print_pdf(pdf_with_text("NOWHERE"), "x")
    assert caught.value.reason == "no_such_queue"
    assert caught.value.sentence == SENTENCES["no_such_queue"]


def test_a_job_the_server_does_not_know_is_an_error_not_a_missing_queue(pdf_queue):
    printer = make_page_printer(pdf_queue.uri)
    with pytest.raises(PagePrinterError) as caught:
        printer.job_state(987654)
    assert caught.value.reason == "error"
    assert "987654" in caught.value.message


def test_an_unreachable_server_is_reported_without_hanging():
    port = free_port()  # nothing listens there
    printer = make_page_printer(f"cups://127.0.0.1:{port}/a4?timeout=3")
    started = time.monotonic()

    status = printer.status()
    with pytest.raises(PagePrinterError) as caught:
        printer.print_pdf(pdf_with_text("UNREACHABLE"), "x")
    with pytest.raises(PagePrinterError) as job:
        printer.job_state(1)

    assert status.state == "unknown" and status.problem() == "unreachable"
    assert caught.value.reason == "unreachable" and job.value.reason == "unreachable"
    assert caught.value.sentence == SENTENCES["unreachable"]
    assert time.monotonic() - started < 30
