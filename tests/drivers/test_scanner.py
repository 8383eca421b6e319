"""The serial scanner driver over a real pty: scans, garbage, half codes, a vanished port."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

from drivers.registry import make_scanner
from drivers.scanners.base import ScannerError
from drivers.scanners.serial_scanner import SerialScanner
from drivers.scanners.sim.emulator import ScannerEmulator
from kiosk.devices.scanner_worker import ScannerWorker

KIOSKCTL = [sys.executable, "-c", "import sys; from kiosk.cli import main; sys.exit(main())"]
QR = "https://zwfw.example.gov.cn/progress?no=R20240506-T01-0007"


@pytest.fixture
def emulator() -> Iterator[ScannerEmulator]:
    emu = ScannerEmulator().start()
    yield emu
    emu.stop()


@pytest.fixture
def scanner(emulator: ScannerEmulator) -> Iterator[SerialScanner]:
    drv = SerialScanner(emulator.path, frame_timeout_s=0.2)
    drv.open()
    yield drv
    drv.close()


def test_a_scan_arrives_as_one_line_without_its_terminator(
    emulator: ScannerEmulator, scanner: SerialScanner
) -> None:
    emulator.scan(QR)
    scan = scanner.read_scan(2)
    assert scan is not None and scan.data == QR


def test_nothing_scanned_returns_none_after_the_timeout(scanner: SerialScanner) -> None:
    assert scanner.read_scan(0.2) is None


def test_garbage_between_scans_is_dropped_and_the_next_scan_comes_through(
    emulator: ScannerEmulator, scanner: SerialScanner
) -> None:
    emulator.send_raw(b"\xff\xfe\x00\x01\x9c\r\n")
    emulator.send_raw(b"\x1b[2J\r\n")
    emulator.scan("R20240506-T01-0007")
    scan = scanner.read_scan(2)
    assert scan is not None and scan.data == "R20240506-T01-0007"
    assert scanner.garbage_dropped == 2


def test_an_overlong_burst_is_dropped_up_to_the_next_terminator(
    emulator: ScannerEmulator,
) -> None:
    drv = SerialScanner(emulator.path, max_length=64)
    drv.open()  # opening flushes what was sent before, as on a real port
    try:
        emulator.send_raw(b"X" * 200)
        emulator.send_raw(b"tail-of-noise\r\n")
        emulator.scan("GOOD-1")
        scan = drv.read_scan(2)
    finally:
        drv.close()
    assert scan is not None and scan.data == "GOOD-1"


def test_half_a_code_without_terminator_is_dropped_after_the_frame_timeout(
    emulator: ScannerEmulator, scanner: SerialScanner
) -> None:
    emulator.send_raw(b"R2024050")
    assert scanner.read_scan(0.6) is None
    emulator.scan("R20240506-T01-0008")
    scan = scanner.read_scan(2)
    assert scan is not None and scan.data == "R20240506-T01-0008"


def test_a_scan_whose_rest_waits_when_a_late_thread_wakes_is_whole_not_cut(
    emulator: ScannerEmulator, scanner: SerialScanner
) -> None:
    """The rest of a scan that arrived in time but was read late (this thread starved on a
    loaded host) is the same scan: neither dropped nor given as a wrong, shorter code."""
    emulator.send_raw(b"R2024050")
    for _ in range(100):  # the first half is in, the thread goes away ...
        assert scanner.read_scan(0.05) is None
        if scanner._buffer:
            break
    emulator.send_raw(b"6-T01-0008\r")
    time.sleep(0.5)  # ... longer than the frame timeout, while the rest waits for it
    scan = scanner.read_scan(2)
    assert scan is not None and scan.data == "R20240506-T01-0008"


def test_chinese_text_in_gb18030_is_decoded(
    emulator: ScannerEmulator, scanner: SerialScanner
) -> None:
    emulator.send_raw("受理编号R1".encode("gb18030") + b"\r")
    scan = scanner.read_scan(2)
    assert scan is not None and scan.data == "受理编号R1"


def test_a_port_that_does_not_exist_is_a_clear_error() -> None:
    with pytest.raises(ScannerError) as failed:
        SerialScanner("/dev/does-not-exist").open()
    assert failed.value.reason == "unreachable"


def test_the_worker_hands_scans_to_its_callback_and_reports_a_lost_port(
    emulator: ScannerEmulator,
) -> None:
    got: list[str] = []
    lost: list[str] = []
    seen = threading.Event()
    gone = threading.Event()
    port = SerialScanner(emulator.path)
    port.open()  # before the first scan: opening flushes anything sent earlier
    worker = ScannerWorker(
        port,
        lambda data: (got.append(data), seen.set()),
        on_lost=lambda reason: (lost.append(reason), gone.set()),
        poll_s=0.1,
        reopen_interval_s=0.2,
    )
    worker.start()
    try:
        emulator.scan("A1")
        assert seen.wait(5)
        assert worker.lost_reason == ""
        emulator.stop()
        assert gone.wait(5)
        assert worker.lost_reason == "unreachable"  # what the staff screen shows
    finally:
        worker.stop()
    assert got == ["A1"] and lost == ["unreachable"]


def test_sim_scanner_uri_builds_the_driver_on_its_own_pty() -> None:
    scanner = make_scanner("sim:scanner")
    scanner.open()
    try:
        scanner.emulator.scan("X9")  # type: ignore[attr-defined]
        scan = scanner.read_scan(2)
    finally:
        scanner.close()
    assert scan is not None and scan.data == "X9"


def test_kioskctl_simulate_scanner_serves_stdin_lines_as_scans() -> None:
    proc = subprocess.Popen(
        [*KIOSKCTL, "simulate", "scanner"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdin is not None
        uri = proc.stdout.readline().strip()
        assert uri.startswith("scanner:/dev/")
        scanner = make_scanner(uri)
        scanner.open()
        proc.stdin.write("R20240506-T01-0009\n")
        proc.stdin.flush()
        scan = scanner.read_scan(5)
        scanner.close()
        proc.stdin.close()
        assert proc.wait(10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert scan is not None and scan.data == "R20240506-T01-0009"
