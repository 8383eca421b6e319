"""The ESC/POS driver against the emulator over real TCP and a real pty."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from drivers.printers import commands
from drivers.printers.base import PrinterError
from drivers.printers.escpos import EscposPrinter
from drivers.printers.sim.emulator import EscposEmulator
from drivers.printers.sim.server import PtyPrinterServer, TcpPrinterServer
from drivers.registry import make_printer
from tests.waiting import wait_for_jobs

JOB = commands.INIT + commands.text_line("受理回执 R-1", "gb18030") + commands.cut()


@pytest.fixture
def printer_emulator() -> EscposEmulator:
    """80 mm paper here (576 dots); ``printer_server`` (tests/conftest.py) serves it."""
    return EscposEmulator(576)


@pytest.fixture
def printer(printer_server: TcpPrinterServer) -> Iterator[EscposPrinter]:
    driver = make_printer(printer_server.uri)
    assert isinstance(driver, EscposPrinter)
    yield driver
    driver.close()


@pytest.mark.parametrize(
    ("switches", "online", "paper", "cover"),
    [
        ({}, True, "ok", False),
        ({"paper": "near_end"}, True, "near_end", False),
        ({"paper": "out"}, False, "out", False),
        ({"cover_open": True}, False, "ok", True),
        ({"offline": True}, False, "ok", False),
        ({"silent": True}, None, "unknown", False),
    ],
    ids=["ok", "near_end", "out", "cover_open", "offline", "silent"],
)
def test_status_over_tcp(
    printer_emulator: EscposEmulator,
    printer: EscposPrinter,
    switches: dict[str, object],
    online: bool | None,
    paper: str,
    cover: bool,
) -> None:
    printer_emulator.set(**switches)
    status = printer.query_status()
    assert (status.online, status.paper, status.cover_open) == (online, paper, cover)


def test_a_job_prints_over_tcp(printer_emulator: EscposEmulator, printer: EscposPrinter) -> None:
    printer.send(JOB)
    wait_for_jobs(printer_emulator, 1)
    assert printer_emulator.jobs[0].lines == ["受理回执 R-1"] and printer_emulator.jobs[0].complete


@pytest.mark.parametrize(
    ("switches", "reason"),
    [
        ({"paper": "out"}, "paper_out"),
        ({"cover_open": True}, "cover_open"),
        ({"offline": True}, "offline"),
    ],
)
def test_nothing_is_sent_to_a_printer_that_cannot_print(
    printer_emulator: EscposEmulator,
    printer: EscposPrinter,
    switches: dict[str, object],
    reason: str,
) -> None:
    printer_emulator.set(**switches)
    with pytest.raises(PrinterError) as caught:
        printer.send(JOB)
    assert caught.value.reason == reason
    printer.close()
    assert printer_emulator.jobs == []


def test_paper_running_out_during_a_job_is_reported_after_sending(
    printer_emulator: EscposEmulator, printer: EscposPrinter
) -> None:
    printer_emulator.set(paper_lines_left=1)
    long_job = commands.INIT + commands.text_line("1", "gbk") * 3 + commands.cut()
    with pytest.raises(PrinterError) as caught:
        printer.send(long_job)
    assert caught.value.reason == "paper_out"
    wait_for_jobs(printer_emulator, 1)
    assert not printer_emulator.jobs[0].complete


def test_a_silent_printer_is_still_printed_to_and_never_hangs(
    printer_emulator: EscposEmulator, printer: EscposPrinter
) -> None:
    printer_emulator.set(silent=True)
    printer.send(JOB)  # bounded by the status timeout; pytest-timeout guards a hang
    assert printer.last_status.online is None and printer.last_status.paper == "unknown"
    wait_for_jobs(printer_emulator, 1)
    assert printer_emulator.jobs[0].lines == ["受理回执 R-1"]


def test_a_printer_that_accepts_but_never_reads_does_not_hang_a_status_query() -> None:
    with socket.create_server(("127.0.0.1", 0)) as mute:
        port = mute.getsockname()[1]
        accepted: list[socket.socket] = []
        thread = threading.Thread(target=lambda: accepted.append(mute.accept()[0]))
        thread.start()
        driver = make_printer(f"tcp://127.0.0.1:{port}")
        try:
            status = driver.query_status()
        finally:
            driver.close()
            thread.join(timeout=5)
            for conn in accepted:
                conn.close()
    assert status.online is None and status.paper == "unknown"


def test_an_unreachable_printer_is_a_clear_error() -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]  # closed again below: nothing listens there
    driver = make_printer(f"tcp://127.0.0.1:{port}")
    with pytest.raises(PrinterError) as caught:
        driver.query_status()
    assert caught.value.reason == "unreachable" and str(port) in str(caught.value)


def test_a_usb_printer_that_is_not_plugged_in_is_a_clear_error() -> None:
    # VID:PID of no device here: pyusb (a dependency, with libusb) looks and does not find it.
    driver = make_printer("usb:0x0416:0x5011")
    with pytest.raises(PrinterError) as caught:
        driver.query_status()
    message = str(caught.value)
    assert caught.value.reason == "unreachable"
    assert "not found" in message and "library" not in message


def test_status_and_a_job_over_a_pty_serial_line(printer_emulator: EscposEmulator) -> None:
    with PtyPrinterServer(printer_emulator) as server:
        driver = make_printer(server.uri)
        try:
            printer_emulator.set(paper="near_end")
            assert driver.query_status().paper == "near_end"
            driver.send(JOB)
        finally:
            driver.close()
        wait_for_jobs(printer_emulator, 1)
    assert printer_emulator.jobs[0].lines == ["受理回执 R-1"]


def test_the_sim_uri_prints_through_the_same_driver_into_png_files(tmp_path: object) -> None:
    from pathlib import Path

    from drivers.printers.sim.inprocess import emulator_of

    out = Path(str(tmp_path)) / "receipts"
    driver = make_printer(f"sim:?out={out}&width=58")
    driver.send(JOB)
    sim = emulator_of(driver)
    assert sim is not None and sim.width == 384
    assert sim.latest_png is not None and sim.latest_png.parent == out


class _AcmeTransport:
    """A vendor's transport: wraps the built-in TCP one and records what goes through."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.description = f"acme over {inner.description}"
        self.persistent = inner.persistent
        self.writes: list[bytes] = []
        self.queries: list[bytes] = []

    def open(self) -> None:
        self.inner.open()

    def write(self, data: bytes) -> None:
        self.writes.append(data)
        self.inner.write(data)

    def query(self, request: bytes, timeout_s: float) -> bytes | None:
        self.queries.append(request)
        return self.inner.query(request, timeout_s)

    def close(self) -> None:
        self.inner.close()


def test_a_vendor_printer_on_its_own_transport_gets_its_init_prefix_before_each_job(
    printer_server: TcpPrinterServer, printer_emulator: EscposEmulator
) -> None:
    from drivers.printers.transports import NetworkTransport

    host, port = printer_server.uri.removeprefix("tcp://").split(":")
    transport = _AcmeTransport(NetworkTransport(host, int(port)))
    # The acme printer wants two init bytes before each job.
    driver = EscposPrinter("acme:lp", transport, job_prefix=b"\x1b\x40")
    try:
        driver.send(JOB)
    finally:
        driver.close()
    assert transport.writes == [b"\x1b\x40" + JOB]
    assert commands.STATUS_PRINTER in transport.queries
    wait_for_jobs(printer_emulator, 1)
    assert printer_emulator.jobs and "受理回执 R-1" in printer_emulator.jobs[-1].lines


def test_status_commands_replace_the_standard_requests(printer_server: TcpPrinterServer) -> None:
    from drivers.printers.transports import NetworkTransport

    host, port = printer_server.uri.removeprefix("tcp://").split(":")
    transport = _AcmeTransport(NetworkTransport(host, int(port)))
    own = b"\x1d\x72\x01"
    driver = EscposPrinter("acme:lp", transport, status_commands={commands.STATUS_PAPER: own})
    try:
        driver.query_status()
    finally:
        driver.close()
    assert own in transport.queries and commands.STATUS_PAPER not in transport.queries


def test_a_status_answer_waiting_when_a_late_thread_wakes_is_taken(
    printer_server: TcpPrinterServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A thread woken past its deadline (a loaded host) with the printer's answer already in
    the socket takes that answer; "no answer" would mark a working printer unknown."""
    import time

    from drivers.printers import transports
    from drivers.printers.transports import NetworkTransport

    calls = {"n": 0}

    class LateClock:
        sleep = staticmethod(time.sleep)

        @staticmethod
        def monotonic() -> float:
            calls["n"] += 1
            if calls["n"] == 2:  # after the deadline was set, the thread is away a while
                time.sleep(0.5)
                return time.monotonic() + 60
            return time.monotonic()

    host, port = printer_server.uri.removeprefix("tcp://").split(":")
    transport = NetworkTransport(host, int(port))
    try:
        transport.open()
        monkeypatch.setattr(transports, "time", LateClock)
        answer = transport.query(commands.STATUS_PRINTER, 1.0)
    finally:
        transport.close()
    assert answer and len(answer) == 1
