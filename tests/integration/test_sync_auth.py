"""Authentication failures at central are never the items' fault (issue #20, item 1).

A terminal whose clock runs 10 minutes fast signs requests central finds stale (401); a
re-keyed terminal signs with a secret central no longer has (401). In both cases the items
stay queued, the terminal backs off, and staff see "认证失败" (staff screen and
``kioskctl doctor``). The fast clock is corrected from central's ``Date`` header, so the
next attempt delivers everything. Real central over HTTP on 127.0.0.1, real SQLite files.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from central.testing import CentralProcess
from kiosk.cli import main as kioskctl
from kiosk.store import Store
from kiosk.sync.client import CentralClient, Credentials, write_credentials
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import utcnow
from kiosk.sync.runner import SyncRunner
from kiosk.sync.status import sync_status
from tests.central_ledger import intake_bodies
from tests.sample_submissions import accept_submission, sample_submission

TEN_MINUTES_S = 600.0


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "data" / "kiosk.db")
    yield s
    s.close()


def runner_for(
    central: CentralProcess, store: Store, secret: str, clock: object = time.time
) -> SyncRunner:
    client = CentralClient(
        central.url,
        Credentials("T01", secret.encode()),
        timeout=(1, 5),
        clock=clock,  # type: ignore[arg-type]
    )
    return SyncRunner(store, client, FieldCipher.for_data_dir(store.path.parent))


def central_receipts(central: CentralProcess) -> list[str]:
    return sorted(b["receipt_no"] for b in intake_bodies(central, kind="submission"))


def outbox_errors(store: Store) -> list[str]:
    with sqlite3.connect(store.path) as conn:
        return [r[0] for r in conn.execute("SELECT last_error FROM outbox ORDER BY id")]


def test_a_clock_ten_minutes_fast_gets_one_401_then_delivers_everything(
    central: CentralProcess, store: Store
) -> None:
    secret = central.add_terminal("T01")
    central.start()
    runner = runner_for(central, store, secret, clock=lambda: time.time() + TEN_MINUTES_S)
    for i in range(5):
        accept_submission(store, sample_submission(f"R{i}"))

    first = runner.send_due()
    assert (first.sent, first.dead, first.retried) == (0, 0, 5)
    assert first.auth_failed
    st = sync_status(store)
    assert (st.pending, st.dead) == (5, 0)
    assert st.auth_failure is not None and st.auth_failure["status"] == 401
    assert all(e.startswith("auth: ") for e in outbox_errors(store))
    # Central's Date header (sent with the 401 too) corrected the signer's clock.
    assert runner.client.clock_offset_s == pytest.approx(-TEN_MINUTES_S, abs=3)

    second = runner.send_due()  # due again at once: the clock was the problem, now fixed
    assert (second.sent, second.dead) == (5, 0)
    assert central_receipts(central) == [f"R{i}" for i in range(5)]
    st = sync_status(store)
    assert (st.pending, st.sent, st.dead) == (0, 5, 0)
    assert st.auth_failure is None


def test_a_rekeyed_terminal_keeps_its_items_backs_off_and_tells_staff(
    central: CentralProcess,
    store: Store,
    tmp_path: Path,
    clean_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    central.add_terminal("T01")
    central.start()
    old_secret = "the-secret-before-central-re-keyed-this-terminal"
    runner = runner_for(central, store, old_secret)
    for i in range(3):
        accept_submission(store, sample_submission(f"K{i}"))

    first = runner.send_due()
    assert first.auth_failed and (first.sent, first.dead) == (0, 0)
    st = sync_status(store)
    assert (st.pending, st.dead) == (3, 0)
    assert st.auth_failure is not None and st.auth_failure["reason"]
    # Backing off: nothing is due right after the failure …
    assert runner.send_due().attempted == 0
    # … and later attempts fail the same way without killing anything.
    later = runner.send_due(now=utcnow() + timedelta(hours=2))
    assert later.auth_failed and later.dead == 0
    st = sync_status(store)
    assert (st.pending, st.dead) == (3, 0) and st.auth_failure is not None
    assert st.auth_failure["count"] == 2
    assert central_receipts(central) == []

    # Staff screen: the console hands sync_status(...).as_dict() to the QML (认证失败).
    assert sync_status(store).as_dict()["auth_failure"]["status"] == 401

    # kioskctl doctor: a signed probe with this terminal's (old) secret says 认证失败.
    data_dir = store.path.parent
    write_credentials(data_dir / "keys" / "terminal.secret", old_secret)
    settings = tmp_path / "kiosk.toml"
    settings.write_text(
        f'data_dir = "{data_dir}"\ncentral_url = "{central.url}"\n', encoding="utf-8"
    )
    monkeypatch.setenv("KIOSK_CONFIG", str(settings))
    code = kioskctl(["doctor", "--json"])
    report = json.loads(capsys.readouterr().out)
    checks = {c["name"]: c for c in report["checks"]}
    assert code == 1
    assert checks["central_auth"]["state"] == "error"
    assert "认证失败" in checks["central_auth"]["detail"]
    assert old_secret not in json.dumps(report)
    assert kioskctl(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "认证失败" in out and "Traceback" not in out


def test_an_item_central_rejects_as_an_item_still_goes_dead(
    central: CentralProcess, store: Store
) -> None:
    secret = central.add_terminal("T01")
    central.start()
    runner = runner_for(central, store, secret)
    accept_submission(store, sample_submission("OK1"))
    with sqlite3.connect(store.path) as conn:  # a body central refuses (422 for this item)
        conn.execute("UPDATE outbox SET payload=json_set(payload, '$.service_code', '') WHERE id=1")
    accept_submission(store, sample_submission("OK2"))
    result = runner.send_due()
    assert (result.sent, result.dead) == (1, 1) and not result.auth_failed
    assert central_receipts(central) == ["OK2"]
