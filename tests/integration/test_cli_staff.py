"""``kioskctl`` staff and vendor commands run in-process on a real data folder."""

from __future__ import annotations

import argparse
import io
import json
import os
import tarfile
import time
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.cli import build_parser, main
from kiosk.printing.jobs import PrintJobs
from kiosk.staff import StaffAccess, StaffSession
from kiosk.store import SCHEMA_VERSION, Store
from kiosk.sync.outbox import iso
from tests.sample_slips import sample_ticket
from tests.sample_submissions import accept_submission, sample_submission

ID = "11010519491231002X"


@pytest.fixture
def terminal(data_dir: Path, clean_env, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data_dir))
    monkeypatch.setenv("KIOSK_CARD_READER", "sim:pcsc")  # no pty emulator needed
    return data_dir


@pytest.fixture
def store(terminal: Path) -> Iterator[Store]:
    s = Store(terminal / "kiosk.db")
    yield s
    s.close()


def _subcommand_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield (*prefix, name)
                yield from _subcommand_paths(child, (*prefix, name))


def test_every_subcommand_has_help_that_exits_0(capsys):
    paths = list(_subcommand_paths(build_parser()))
    expected = {"set-pin", "audit", "export-logs", "purge", "version", "doctor"}
    assert expected <= {p[0] for p in paths}
    assert ("sync", "status") in paths
    for path in paths:
        with pytest.raises(SystemExit) as done:
            main([*path, "--help"])
        assert done.value.code == 0, path
        out = capsys.readouterr().out
        assert out.startswith("usage: kioskctl " + " ".join(path)), path


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().out


def test_set_pin_from_stdin_then_the_pin_opens_staff_mode(store, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("480913\n"))
    assert main(["set-pin", "--pin-stdin"]) == 0
    assert isinstance(StaffAccess(store).verify("480913"), StaffSession)
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    assert main(["set-pin", "--pin-stdin"]) == 2
    assert "6 to 12 digits" in capsys.readouterr().err
    assert isinstance(StaffAccess(store).verify("480913"), StaffSession)


def test_set_pin_without_a_terminal_or_pin_stdin_refuses(terminal, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["set-pin"]) == 2
    assert "--pin-stdin" in capsys.readouterr().err


def test_audit_lists_actions_as_json_and_filters_by_date(store, capsys):
    access = StaffAccess(store)
    access.audit("staff", "reprint", "job 3")
    assert main(["audit", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["actor"], e["action"], e["detail"]) for e in entries] == [
        ("staff", "reprint", "job 3")
    ]
    tomorrow = (datetime.now() + timedelta(days=1)).date().isoformat()
    assert main(["audit", "--since", tomorrow]) == 2
    assert "No audit entries." in capsys.readouterr().out
    assert main(["audit", "--since", "yesterday"]) == 2


def test_version_reports_schema_and_plugins(capsys):
    assert main(["version", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["schema_version"] == SCHEMA_VERSION
    assert info["plugins"] == []


def _old_personal_data(store: Store, data_dir: Path) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=30)
    jobs = PrintJobs(store, clock=lambda: long_ago)
    jobs.mark_printed(jobs.add(sample_ticket(long_ago)).id)
    fresh = PrintJobs(store)
    fresh.mark_printed(fresh.add(sample_ticket(datetime.now().astimezone())).id)
    accept_submission(store, sample_submission("H0001-T01-261028-0001"))
    with store.session(write=True) as s:
        s.execute(text("UPDATE outbox SET state='sent', sent_at=:t"), {"t": iso(long_ago)})
    previews = data_dir / "receipts"
    previews.mkdir()
    (previews / "old.png").write_bytes(b"png")
    (previews / "new.png").write_bytes(b"png")
    os.utime(previews / "old.png", (time.time() - 30 * 86400,) * 2)


def test_purge_removes_old_personal_data_and_keeps_recent(store, terminal, capsys):
    _old_personal_data(store, terminal)
    assert main(["purge", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result == {
        "retention_days": 7,
        "outbox_items": 1,
        "attachments": 0,
        "print_jobs": 1,
        "preview_files": 1,
        "migration_backups": 0,
    }
    with store.session() as s:
        assert s.execute(text("SELECT count(*) FROM print_job")).scalar() == 1
        assert s.execute(text("SELECT sealed FROM outbox")).scalar() is None
    assert [p.name for p in (terminal / "receipts").iterdir()] == ["new.png"]
    assert StaffAccess(store).entries()[-1].action == "purge"
    assert main(["purge", "--json"]) == 0  # nothing left to do is still success
    assert json.loads(capsys.readouterr().out)["print_jobs"] == 0


def _bundle_texts(path: Path) -> dict[str, str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            return {n.split("/", 1)[1]: zf.read(n).decode() for n in zf.namelist()}
    with tarfile.open(path) as tf:
        out = {}
        for m in tf.getmembers():
            fh = tf.extractfile(m)
            assert fh is not None
            out[m.name.split("/", 1)[1]] = fh.read().decode()
        return out


@pytest.mark.parametrize("name", ["diag.tar.gz", "diag.zip"])
def test_export_logs_bundles_diagnostics_without_personal_data(store, terminal, tmp_path, name):
    logs = terminal / "logs"
    logs.mkdir()
    (logs / "kiosk.jsonl").write_text(
        json.dumps({"msg": f"card {ID}", "holder": "张三丰", "level": "INFO"}) + "\n"
    )
    (logs / "kiosk.log.1").write_text(f"old plain line phone 13812345678 id {ID}\n")
    StaffAccess(store).audit("staff", "reprint", "job 1")
    target = tmp_path / "out" / name
    assert main(["export-logs", str(target), "--no-devices"]) == 0
    files = _bundle_texts(target)
    assert set(files) >= {
        "logs/kiosk.jsonl",
        "logs/kiosk.log.1",
        "version.json",
        "settings.json",
        "doctor.json",
        "sync-status.json",
        "audit.json",
    }
    everything = "\n".join(files.values())
    assert ID not in everything and "张三丰" not in everything and "13812345678" not in everything
    assert "1101**********002X" in files["logs/kiosk.jsonl"]
    assert json.loads(files["sync-status.json"])["pending"] == 0
    assert json.loads(files["version.json"])["schema_version"] == SCHEMA_VERSION
    assert json.loads(files["audit.json"])[0]["action"] == "reprint"


def test_export_logs_runs_the_doctor_with_devices(store, terminal, tmp_path):
    target = tmp_path / "d.tar.gz"
    assert main(["export-logs", str(target)]) == 0
    doctor = json.loads(_bundle_texts(target)["doctor.json"])
    assert {c["name"] for c in doctor} >= {"settings", "database", "card_reader", "printer"}


def test_export_logs_to_an_unwritable_place_exits_1(terminal, capsys):
    assert main(["export-logs", "/proc/kiosk-diag.tar.gz", "--no-devices"]) == 1
    assert "cannot write" in capsys.readouterr().err
