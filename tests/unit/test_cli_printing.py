"""``kioskctl print-test``, ``printer-status`` and ``simulate printer`` against the emulator."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from drivers.printers.sim.emulator import EscposEmulator
from drivers.printers.sim.server import TcpPrinterServer
from kiosk.cli import main


@pytest.fixture(autouse=True)
def no_settings_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))


def _closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


def test_print_test_prints_chinese_a_qr_code_and_cuts(
    printer_server: TcpPrinterServer,
    printer_emulator: EscposEmulator,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["print-test", "--printer", printer_server.uri, "--width", "58"]) == 0
    assert "printed" in capsys.readouterr().out
    printer_server.stop()  # the connection is closed, so the job is complete in the emulator
    job = printer_emulator.jobs[0]
    assert job.lines[0] == "打印测试页" and job.qr_codes and job.cut


@pytest.mark.parametrize(
    ("switches", "reason"),
    [({"paper": "out"}, "paper_out"), ({"offline": True}, "offline")],
)
def test_print_test_fails_with_the_reason_when_the_printer_cannot_print(
    printer_server: TcpPrinterServer,
    printer_emulator: EscposEmulator,
    capsys: pytest.CaptureFixture[str],
    switches: dict[str, object],
    reason: str,
) -> None:
    printer_emulator.set(**switches)
    assert main(["print-test", "--printer", printer_server.uri]) == 1
    assert "NOT printed" in capsys.readouterr().err and reason


def test_print_test_to_an_unreachable_printer_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print-test", "--printer", f"tcp://127.0.0.1:{_closed_port()}"]) == 1
    assert "unreachable" in capsys.readouterr().err


def test_print_test_on_the_sim_printer_names_the_picture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["print-test", "--printer", f"sim:?out={tmp_path}"]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path) in out and ".png" in out


@pytest.mark.parametrize(
    ("switches", "expected", "code"),
    [
        ({}, {"online": True, "paper": "ok"}, 0),
        ({"paper": "near_end"}, {"online": True, "paper": "near_end"}, 0),
        ({"paper": "out"}, {"online": False, "paper": "out"}, 1),
        ({"silent": True}, {"online": None, "paper": "unknown"}, 0),
    ],
)
def test_printer_status_as_json(
    printer_server: TcpPrinterServer,
    printer_emulator: EscposEmulator,
    capsys: pytest.CaptureFixture[str],
    switches: dict[str, object],
    expected: dict[str, object],
    code: int,
) -> None:
    printer_emulator.set(**switches)
    assert main(["printer-status", "--printer", printer_server.uri, "--json"]) == code
    answer = json.loads(capsys.readouterr().out)
    assert {k: answer[k] for k in expected} == expected


def test_printer_status_of_an_unreachable_printer_is_offline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    uri = f"tcp://127.0.0.1:{_closed_port()}"
    assert main(["printer-status", "--printer", uri, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["online"] is False


def test_staff_list_todays_jobs_and_queue_a_reprint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import datetime

    from kiosk.printing.jobs import PrintJobs
    from kiosk.store import Store
    from tests.sample_slips import sample_ticket

    store = Store(tmp_path / "kiosk.db")
    jobs = PrintJobs(store)
    job = jobs.add(sample_ticket(datetime.now()))
    jobs.claim_next()
    jobs.mark_failed(job.id, "paper_out")
    store.close()
    assert main(["print-jobs", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["status"], r["reason"]) for r in listed] == [
        (job.id, "failed", "paper_out")
    ]
    assert main(["print-jobs", "--reprint", str(job.id)]) == 0
    assert "queued" in capsys.readouterr().out
    assert main(["print-jobs", "--reprint", "999"]) == 2
