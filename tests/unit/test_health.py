"""Health checks against real HTTP servers on 127.0.0.1."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from drivers.status import DeviceState
from kiosk.health import check_central, check_printer
from tests.unit.memory_printer import MemoryPrinter
from tests.waiting import wait_for


def serve(status: int, body: bytes, delay_s: float = 0.0) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server naming
            if delay_s:
                threading.Event().wait(delay_s)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body)
            except BrokenPipeError:  # the client gave up (the timeout test)
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (200, b'{"status": "ok", "api_version": 1}', DeviceState.OK),
        (200, b"<html>captive portal</html>", DeviceState.ERROR),
        (200, b'["ok"]', DeviceState.ERROR),
        (503, b'{"status": "ok"}', DeviceState.ERROR),
    ],
)
def test_central_check_trusts_only_a_proper_answer(status, body, expected):
    for url in serve(status, body):
        assert check_central(url).state == expected


def test_a_central_that_hangs_is_reported_after_the_timeout_not_waited_for():
    for url in serve(200, b'{"status": "ok"}', delay_s=2.0):
        result = check_central(url, timeout_s=0.3)
        assert result.state == DeviceState.ERROR
        assert "unreachable" in result.detail


def test_no_central_configured_is_unknown_not_an_error():
    assert check_central("").state == DeviceState.UNKNOWN


def test_printer_states_carry_a_reason_for_the_screen():
    printer = MemoryPrinter()
    assert check_printer(printer).state == DeviceState.OK
    printer.paper = "out"
    status = check_printer(printer)
    assert (status.state, status.reason) == (DeviceState.ERROR, "paper_out")
    printer.paper, printer.online = "ok", False
    assert check_printer(printer).reason == "offline"


def _snapshots_from(monitor_args: dict, wanted: int) -> list:
    """Run a HealthMonitor until ``wanted`` snapshots came."""
    from kiosk.health import HealthMonitor

    got: list = []
    monitor = HealthMonitor(
        central_url=lambda: "", on_status=got.append, interval_s=0.1, **monitor_args
    )
    monitor.start()
    try:
        wait_for(lambda: len(got) >= wanted, f"{wanted} status snapshots")
    finally:
        monitor.stop()
    return got


def test_a_hung_printer_is_reported_as_hung_and_snapshots_keep_coming():
    from tests.unit.hanging_drivers import HangingPrinter, HangingReader

    printer = HangingPrinter("acme:/dev/usb/lp0", hang_status=True)
    reader = HangingReader("acmeid:/dev/ttyACM0")
    try:
        got = _snapshots_from(
            {"card_reader": reader, "printer": printer, "device_deadline_s": 1.0}, 3
        )
    finally:
        printer.release.set()
    assert len(got) >= 3
    last = got[-1]
    assert last.printer.state == DeviceState.ERROR
    assert last.printer.reason == "timeout"
    # First "did not finish 'status' within 1 s", then (threads left hanging) "still stuck".
    assert "printer acme:/dev/usb/lp0 did not finish 'status'" in got[0].printer.detail
    assert last.printer.detail.startswith("printer acme:/dev/usb/lp0 ")
    # The reader is checked on its own and is fine.
    assert last.card_reader.state == DeviceState.OK


def test_a_hung_reader_does_not_hide_the_printer():
    from tests.unit.hanging_drivers import HangingPrinter, HangingReader

    printer = HangingPrinter("acme:/dev/usb/lp0", hang_send=True)
    reader = HangingReader("acmeid:/dev/ttyACM0", hang_status=True)
    try:
        got = _snapshots_from(
            {"card_reader": reader, "printer": printer, "device_deadline_s": 1.0}, 2
        )
    finally:
        reader.release.set()
    assert got[-1].card_reader.reason == "timeout"
    assert got[-1].printer.state == DeviceState.OK


def test_a_status_of_the_wrong_type_is_reported_as_not_conforming():
    from kiosk.health import check_card_reader
    from tests.unit.hanging_drivers import HangingReader

    class Sloppy(HangingReader):
        def status(self):  # type: ignore[override]
            return "fine"

    status = check_card_reader(Sloppy("acmeid:x"))
    assert status.state == DeviceState.ERROR
    assert status.reason == "driver_nonconforming"
    assert "status() returned str" in status.detail


def test_a_stop_racing_the_start_on_another_thread_never_joins_an_unstarted_thread():
    # The core starts the monitor on its own thread; the UI may stop it at the same moment
    # (seen once in a loaded fresh run: "cannot join thread before it is started").
    import threading

    from kiosk.health import HealthMonitor
    from tests.unit.hanging_drivers import HangingPrinter, HangingReader

    printer, reader = HangingPrinter(hang_send=False), HangingReader()
    for _ in range(100):
        monitor = HealthMonitor(
            card_reader=reader,
            printer=printer,
            central_url=lambda: "",
            on_status=lambda _s: None,
            interval_s=5,
        )
        starter = threading.Thread(target=monitor.start)
        starter.start()
        monitor.stop()  # must not raise, whatever point the start has reached
        starter.join(5)
        monitor.stop()  # and the thread, if it started, ends on the stop flag
        assert monitor._thread is None or not monitor._thread.is_alive()


def test_the_a4_printer_is_checked_with_the_rest_and_goes_into_the_heartbeat(tmp_path):
    from kiosk.printing.pages import A4Printer
    from kiosk.store import Store
    from kiosk.sync.heartbeat import HeartbeatSource
    from tests.unit.hanging_drivers import HangingReader

    a4 = A4Printer(f"sim:{tmp_path / 'pages'}")
    monitor = {"card_reader": HangingReader("acmeid:/dev/ttyACM0"), "printer": MemoryPrinter()}
    got = _snapshots_from({**monitor, "a4_printer": a4.device_status}, 1)
    assert got[-1].a4_printer.state == DeviceState.OK
    a4.open().set_paper_out(True)
    got = _snapshots_from({**monitor, "a4_printer": a4.device_status}, 1)
    assert (got[-1].a4_printer.state, got[-1].a4_printer.reason) == (DeviceState.ERROR, "paper_out")
    store = Store(tmp_path / "db" / "kiosk.db")
    try:
        source = HeartbeatSource(store)
        source.observe(got[-1])
        beat = source.build()
        assert (beat.a4_printer.state, beat.a4_printer.reason) == ("error", "paper_out")
        assert beat.paper == "ok"  # the receipt printer's paper is another matter
    finally:
        store.close()
    assert _snapshots_from(monitor, 1)[-1].a4_printer is None  # none configured


def test_an_a4_printer_whose_plug_in_is_missing_is_an_error_not_a_crash(tmp_path):
    from kiosk.printing.pages import A4Printer

    status = A4Printer("acmepages:/dev/usb/lp9").device_status()
    assert status.state == DeviceState.ERROR and status.reason == "no_such_queue"
