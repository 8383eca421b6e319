"""One record of the devices: the status bar and the pages read the same state (issue #27)."""

from __future__ import annotations

from datetime import datetime

from drivers.status import DeviceState, DeviceStatus
from kiosk.health import SystemStatus
from kiosk.printing.outcome import PrintOutcome
from kiosk.visit import Visit
from ui.viewmodels.card import CardViewModel
from ui.viewmodels.status import StatusViewModel

OK = DeviceStatus(DeviceState.OK, "ok")


def snapshot(reader: DeviceStatus = OK, printer: DeviceStatus = OK) -> SystemStatus:
    return SystemStatus(reader, printer, OK, datetime.now().astimezone())


def card_and_status() -> tuple[CardViewModel, StatusViewModel]:
    status = StatusViewModel("示范大厅", "T01", demo=False)
    return CardViewModel(Visit(), status), status


def test_a_lost_reader_is_said_by_the_status_bar_and_the_card_page_alike():
    card, status = card_and_status()
    assert (card.property("state"), status.property("readerState")) == ("waiting", "unknown")
    status.reader_lost("reader_lost", "port vanished")
    assert status.property("readerState") == "error"
    assert (card.property("state"), card.property("reason")) == ("error", "reader_lost")
    status.reader_back()
    assert status.property("readerState") == "ok"
    assert (card.property("state"), card.property("reason")) == ("waiting", "")


def test_the_newest_word_wins_for_both_a_health_snapshot_after_a_lost_reader():
    card, status = card_and_status()
    status.reader_lost("reader_lost", "port vanished")
    status.apply(snapshot())  # the health monitor finds the reader answering again
    assert status.property("readerState") == "ok" and card.property("state") == "waiting"
    broken = DeviceStatus(DeviceState.ERROR, "driver missing", "broken")
    status.apply(snapshot(reader=broken))  # …and a health check that finds it broken
    assert status.property("readerState") == "error"
    assert card.property("reason") == "reader_lost"


def test_a_card_already_read_stays_read_when_the_reader_goes_and_a_new_visit_waits_for_it():
    visit = Visit()
    status = StatusViewModel("示范大厅", "T01", demo=False)
    card = CardViewModel(visit, status)
    card.on_present()
    card.on_read(type("Result", (), {"ok": True, "identity": object(), "reason": ""})())
    status.reader_lost("reader_lost", "")
    assert card.property("state") == "read"
    visit.end()  # the next person finds the page saying what the status bar says
    assert (card.property("state"), card.property("reason")) == ("error", "reader_lost")


def test_a_print_job_that_found_the_paper_out_makes_the_status_bar_say_so():
    status = StatusViewModel("示范大厅", "T01", demo=False)
    status.apply(snapshot())
    status.print_finished(PrintOutcome(7, "ticket", "paper_out", "printer is out of paper"))
    assert (status.property("printerState"), status.property("printerReason")) == (
        "error",
        "paper_out",
    )
    # A document the printer refused says nothing about the printer itself.
    status.print_finished(PrintOutcome(8, "receipt", "unmasked_personal_data"))
    assert status.property("printerReason") == "paper_out"
    status.print_finished(PrintOutcome(9, "ticket"))  # paper put in, the next job printed
    assert status.property("printerState") == "ok"


def test_an_answer_from_the_terminal_alone_turns_the_network_indicator_offline():
    status = StatusViewModel("示范大厅", "T01", demo=False)
    status.apply(snapshot())
    status.central_answered(True)
    assert (status.property("networkState"), status.property("networkReason")) == (
        "error",
        "offline",
    )
    status.central_answered(False)
    assert status.property("networkState") == "ok"


def test_a_health_probe_begun_before_the_paper_ran_out_does_not_undo_it():
    """The fresh run's race: a snapshot whose printer probe started before the print job
    found the paper out arrives after the job's outcome; it must not turn 缺纸 back to 正常.
    A probe begun after the outcome is newer and wins."""
    from datetime import timedelta

    status = StatusViewModel("示范大厅", "T01", demo=False)
    probe_began = datetime.now().astimezone() - timedelta(seconds=2)
    status.print_finished(PrintOutcome(7, "slip", "paper_out", "printer is out of paper"))
    stale = SystemStatus(OK, OK, OK, datetime.now().astimezone(), started_at=probe_began)
    status.apply(stale)
    assert (status.property("printerState"), status.property("printerReason")) == (
        "error",
        "paper_out",
    )
    fresh_start = datetime.now().astimezone() + timedelta(milliseconds=1)
    status.apply(SystemStatus(OK, OK, OK, fresh_start, started_at=fresh_start))
    assert status.property("printerState") == "ok"
