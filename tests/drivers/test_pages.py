"""A4 page printers without a print server: URIs, the demo printer, state mapping."""

from __future__ import annotations

import pytest

from drivers.pages.base import SENTENCES, PagePrinterError, PageStatus, wait_for_job
from drivers.pages.cups import CupsPagePrinter
from drivers.pages.sim import SimPagePrinter
from drivers.registry import PAGES, DriverUnavailable, make_device, make_page_printer
from drivers.uri import DeviceUriError, parse_device_uri
from tests.pages_pdf import pdf_with_text


@pytest.mark.parametrize(
    ("text", "server", "queue"),
    [
        ("cups:a4", None, "a4"),
        ("cups://10.0.0.7:631/a4_hall-2", "10.0.0.7:631", "a4_hall-2"),
        ("cups://printserver/a4", "printserver:631", "a4"),
        ("ipp://10.0.0.7:8631/printers/a4", "10.0.0.7:8631", "a4"),
        ("ipp://[fd00::7]:631/printers/a4", "[fd00::7]:631", "a4"),
    ],
)
def test_cups_uris_name_their_server_and_queue(text, server, queue):
    printer = make_page_printer(text)
    assert isinstance(printer, CupsPagePrinter)
    assert (printer.server, printer.queue) == (server, queue)
    assert str(parse_device_uri(text)) == text


@pytest.mark.parametrize(
    "text",
    [
        "cups:-d",  # would be read as an option
        "cups:a b",
        "cups:a;rm",
        "cups:",
        "ipp://10.0.0.7:631/a4",  # no /printers/
        "ipp://10.0.0.7:99999/printers/a4",
        "cups://bad host/a4",
    ],
)
def test_a_queue_or_server_that_is_no_name_is_refused(text):
    with pytest.raises((DeviceUriError, DriverUnavailable)):
        make_page_printer(text)


def test_every_driver_conforms_to_the_page_printer_protocol(tmp_path):
    for text in ("cups:a4", "ipp://h:631/printers/a4", f"sim:{tmp_path}"):
        printer = make_device(PAGES, text)
        assert printer.uri == text


def test_the_demo_printer_writes_each_job_and_runs_out_of_paper_when_told(tmp_path):
    printer = make_page_printer(f"sim:{tmp_path / 'pages'}")
    assert isinstance(printer, SimPagePrinter)
    first = printer.print_pdf(pdf_with_text("ONE"), "a")
    second = printer.print_pdf(pdf_with_text("TWO"), "b")
    assert (first, second) == (1, 2)
    assert (tmp_path / "pages" / "job-2.pdf").read_bytes().startswith(b"%PDF-")
    assert wait_for_job(printer, second, timeout_s=1).state == "completed"
    assert printer.status().problem() == ""

    printer.set_paper_out(True)
    with pytest.raises(PagePrinterError) as caught:
        printer.print_pdf(pdf_with_text("THREE"), "c")
    assert caught.value.reason == "paper_out"
    assert caught.value.sentence == SENTENCES["paper_out"]
    assert printer.status().reasons == ("media-empty-error",)
    assert not (tmp_path / "pages" / "job-3.pdf").exists()

    (tmp_path / "pages" / "PAPER-OUT").unlink()  # as another process would load paper
    assert printer.print_pdf(pdf_with_text("THREE"), "c") == 3


def test_the_demo_printer_takes_its_folder_as_an_option_too(tmp_path):
    printer = make_page_printer(f"sim:?out={tmp_path}")
    printer.print_pdf(pdf_with_text("X"), "x")
    assert (tmp_path / "job-1.pdf").is_file()
    with pytest.raises(PagePrinterError):
        printer.print_pdf(b"not a pdf", "x")


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (PageStatus("idle"), ""),
        (PageStatus("printing", ("media-low-warning",)), ""),
        (PageStatus("stopped", ("media-empty-error", "paused")), "paper_out"),
        (PageStatus("printing", ("media-jam-error",)), "paper_jam"),
        (PageStatus("idle", ("offline-report",)), "offline"),
        (PageStatus("idle", ("media-empty-warning",)), ""),
        (PageStatus("stopped", ("paused",)), "stopped"),
        (PageStatus("idle", accepting=False), "rejecting"),
        (PageStatus("unknown", accepting=False), "unreachable"),
        (PageStatus("unknown", ("no-such-queue",), accepting=False), "no_such_queue"),
    ],
)
def test_printer_state_reasons_map_to_one_reason_code(status, code):
    assert status.problem() == code
    assert status.to_device_status().ok == (code == "")
    assert code == "" or code in SENTENCES


def test_every_reason_has_a_chinese_sentence():
    for code, sentence in SENTENCES.items():
        assert sentence.endswith("。"), code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in sentence), code
    assert PagePrinterError("x", "no_such_reason").sentence == SENTENCES["error"]
