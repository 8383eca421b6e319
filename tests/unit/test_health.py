"""Health checks against real HTTP servers on 127.0.0.1."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from drivers.printers.sim.memory import MemoryPrinter
from drivers.status import DeviceState
from kiosk.health import check_central, check_printer


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
