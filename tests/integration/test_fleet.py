"""The fleet: terminals' signed heartbeats reach central and the console says what needs staff."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

from central.fleet import SILENT_AFTER, alerts_of
from central.testing import CentralProcess
from drivers.status import DeviceState, DeviceStatus
from kiosk.contract import DeviceReport, Heartbeat
from kiosk.health import SystemStatus
from kiosk.store import Store
from kiosk.sync.heartbeat import HeartbeatSource
from kiosk.sync.outbox import enqueue
from tests.integration.services_env import client_for
from tests.sample_submissions import sample_submission

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def snapshot(reader: DeviceStatus, printer: DeviceStatus) -> SystemStatus:
    online = DeviceStatus(DeviceState.OK)
    return SystemStatus(reader, printer, online, datetime.now().astimezone())


def console_login(central: CentralProcess, tmp: Path) -> requests.Session:
    password = tmp / "pw"
    password.write_text("manager-pass-2026\n")
    subprocess.run(
        [sys.executable, "-m", "central", "add-staff", "boss", "--role", "manager",
         *central.db_args(), "--password-file", str(password)],
        check=True, capture_output=True, timeout=60, cwd=central.workdir,
    )  # fmt: skip
    http = requests.Session()
    page = http.get(f"{central.url}/console/login", timeout=10).text
    token = page.split('name="csrf" value="')[1].split('"')[0]
    form = {"username": "boss", "password": "manager-pass-2026", "csrf": token}
    assert http.post(f"{central.url}/console/login", data=form, timeout=10).ok
    return http


def test_heartbeats_reach_the_fleet_page_with_what_needs_staff(
    central: CentralProcess, tmp_path: Path
) -> None:
    secret = central.add_terminal("T01")
    central.add_terminal("T02")  # registered, never heard of
    central.start()
    store = Store(tmp_path / "kiosk.db")
    try:
        with store.session(write=True) as s:
            for i in range(3):
                enqueue(s, "submission", sample_submission(f"F{i}", terminal_id="T01"))
        source = HeartbeatSource(store)
        assert source.build().camera is None  # none configured: not reported
        source.configured("camera")
        source.configured("scanner")
        source.lost("camera", "camera_lost")
        assert source.build().camera == DeviceReport(state="error", reason="camera_lost")
        source.back("camera")
        source.lost("camera", "unplugged at /dev/video0")  # free text never leaves as a code
        assert source.build().camera == DeviceReport(state="error", reason="")
        source.observe(
            snapshot(
                DeviceStatus(DeviceState.ERROR, "reader gone at /dev/ttyUSB0", "reader_lost"),
                DeviceStatus(DeviceState.ERROR, "printer out of paper", "paper_out"),
            )
        )
        beat = source.build()
        assert beat.scanner == DeviceReport(state="ok")
        assert (beat.paper, beat.card_reader.reason, beat.outbox_pending) == (
            "out",
            "reader_lost",
            3,
        )
        assert beat.last_error == "reader_lost"
        assert "ttyUSB0" not in beat.model_dump_json()  # codes only, never the detail text
        client = client_for(central.url, "T01", secret)
        try:
            client.heartbeat(beat)
        finally:
            client.close()
    finally:
        store.close()
    page = console_login(central, tmp_path).get(f"{central.url}/console/fleet", timeout=10).text
    assert "2 台终端需要处理" in page
    row = page.split('id="terminal-T01"')[1].split("</tr>")[0]
    assert "打印机缺纸" in row and "读卡器不可用" in row and "在线" in row
    assert "高拍仪不可用" in row and "扫码器不可用" not in row
    other = page.split('id="terminal-T02"')[1].split("</tr>")[0]
    assert "从未上报状态" in other and "离线" in other


def beat(**changes: object) -> Heartbeat:
    base: dict[str, object] = {
        "software_version": "0.1.0",
        "card_reader": DeviceReport(state="ok"),
        "printer": DeviceReport(state="ok"),
        "paper": "ok",
        "outbox_pending": 0,
        "outbox_dead": 0,
        "uptime_s": 60,
    }
    return Heartbeat.model_validate({**base, **changes})


def test_alerts() -> None:
    assert alerts_of(beat(), NOW, 0, NOW) == []
    assert alerts_of(beat(), NOW - SILENT_AFTER, 0, NOW) == ["silent"]
    assert alerts_of(beat(), NOW - SILENT_AFTER + timedelta(seconds=1), 0, NOW) == []
    assert alerts_of(None, None, 0, NOW) == ["never"]
    assert alerts_of(beat(paper="near_end"), NOW, 0, NOW) == ["paper_near_end"]
    assert alerts_of(beat(outbox_pending=12), NOW, 5, NOW) == ["backlog_growing"]
    assert alerts_of(beat(outbox_pending=12), NOW, 12, NOW) == []  # stuck, not growing yet
    assert alerts_of(beat(outbox_pending=60), NOW, 80, NOW) == ["backlog"]
    assert alerts_of(beat(outbox_dead=1), NOW, 0, NOW) == ["dead"]
    lost = DeviceReport(state="error", reason="camera_lost")
    assert alerts_of(beat(camera=lost, scanner=lost), NOW, 0, NOW) == ["scanner", "camera"]
    assert alerts_of(beat(camera=DeviceReport(state="ok")), NOW, 0, NOW) == []
    empty = DeviceReport(state="error", reason="paper_out")
    assert alerts_of(beat(a4_printer=empty), NOW, 0, NOW) == ["a4_paper_out"]
    stopped = DeviceReport(state="error", reason="stopped")
    assert alerts_of(beat(a4_printer=stopped), NOW, 0, NOW) == ["a4_printer"]
    assert alerts_of(beat(a4_printer=DeviceReport(state="ok")), NOW, 0, NOW) == []


def test_a_heartbeat_with_numbers_no_database_can_hold_is_refused_not_a_500(
    central: CentralProcess,
) -> None:
    # What schemathesis sent in a fresh run: a count past SQLite's 64 bits reached the
    # database and central answered 500.
    secret = central.add_terminal("T01")
    central.start()
    client = client_for(central.url, "T01", secret)
    good = {
        "software_version": "1.0",
        "card_reader": {"state": "ok"},
        "printer": {"state": "ok"},
        "outbox_pending": 0,
        "outbox_dead": 0,
        "uptime_s": 1,
    }
    url = f"{central.url}/api/v1/heartbeat"
    try:
        for field, value in (
            ("outbox_pending", 2**70),
            ("catalog_version", 217843912494904134966252855623680),
            ("uptime_s", 2**64),
            ("search_misses", [{"day": "2026-12-02", "count": 2**64}]),
        ):
            reply = client._http.post(
                url, json={**good, field: value}, auth=client._auth, timeout=10
            )
            assert reply.status_code == 422, (field, reply.status_code)
        assert client._http.post(url, json=good, auth=client._auth, timeout=10).status_code == 200
    finally:
        client.close()


def test_the_scanner_worker_tells_the_heartbeat_what_it_tells_the_screens(
    tmp_path: Path,
) -> None:
    from kiosk.app import KioskEvents

    store = Store(tmp_path / "kiosk.db")
    try:
        events, source = KioskEvents(), HeartbeatSource(store)
        told: list[str] = []
        events.scan.on_lost = told.append
        worker = events.scanner_worker(object(), source)  # type: ignore[arg-type]
        assert source.build().scanner == DeviceReport(state="ok")
        worker.on_lost("scanner_lost")
        assert told == ["scanner_lost"]
        assert source.build().scanner == DeviceReport(state="error", reason="scanner_lost")
        worker.on_back()
        assert source.build().scanner == DeviceReport(state="ok")
    finally:
        store.close()
