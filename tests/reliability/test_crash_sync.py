"""SIGKILL the terminal at random moments while it serves citizens and syncs: every item a
citizen was handed reaches central exactly once, nothing is lost and nothing doubled.

The child (``crash_child.py``) runs the real services that queue for central —
applications, ratings, complaints, questions, tickets and appointment check-ins — with the
real sync worker, against ``kiosk-central`` in a subprocess on 127.0.0.1. It is killed
after a random time, started again on the same data folder, killed again, and so on.
Before each run the test books one more appointment at central (staff API) for the
check-ins. At the end the test sends what is left and compares three things: what the
citizens were handed (the child's fsynced acknowledgements), the terminal's outbox, and
central's ledger (opened with ``tests.central_ledger``).

Applications carry scans and signed documents, uploaded before their submission: at the
end every file a case at central names must be there whole (its sealed chunks tiling it with
no gap or overlap, hashing to its name), none doubled, and the terminal must think none is
missing. A kill "mid-send" is one that came after a batch left and before its answer was back
(the child marks both moments), "mid-upload" one while a chunk was out; items central answers
as replayed are items whose first answer a kill took away. All are counted and printed.
``KIOSK_CRASH_SEED`` sets the seed, ``KIOSK_CRASH_KILLS`` the number of kills of the slow test
(default 1,000).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from central.sealing import Sealer
from central.testing import CentralProcess
from kiosk.store import Store
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import CentralClient, Credentials
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import recover
from kiosk.sync.runner import SyncRunner
from kiosk.sync.status import sync_status
from kiosk.sync.worker import pull_forward
from tests.central_ledger import ledger
from tests.reliability.zygote import Zygote
from tests.unit.apply_helpers import id_number

ROOT = Path(__file__).resolve().parents[2]
TID = "TC1"
SEED = int(os.environ.get("KIOSK_CRASH_SEED", "20240601"))
SLOW_KILLS = int(os.environ.get("KIOSK_CRASH_KILLS", "1000"))
# What identifies an item of each kind in central's ledger, whatever its key.
IDENTITY = {
    "submission": ("receipt_no",),
    "evaluation": ("visit_id",),
    "complaint": ("tracking_no",),
    "consultation": ("tracking_no",),
    "ticket": ("ticket_id", "status"),
    "checkin": ("appointment_id",),
}


@dataclass
class Run:
    """Where one test's terminal and child logs live."""

    folder: Path

    @property
    def data(self) -> Path:
        return self.folder / "terminal"

    @property
    def logs(self) -> Path:
        return self.folder / "children"

    def child_errors(self, limit: int = 3) -> str:
        """The last lines of the children's stderr that has anything (failure messages)."""
        shown = []
        for path in sorted(self.logs.glob("*.err"), key=lambda p: p.stat().st_mtime):
            content = path.read_text(errors="replace").strip()
            if content:
                shown.append(f"--- {path.name}\n{content[-3000:]}")
        return "\n".join(shown[-limit:]) or "(the children wrote nothing to stderr)"


def complete_lines(path: Path) -> list[str]:
    """The lines of ``path`` a kill did not tear (the last one may be cut short)."""
    if not path.exists():
        return []
    return [line for line in path.read_text().split("\n")[:-1] if line]


def book(central: CentralProcess, n: int) -> list[str] | None:
    """One appointment at central whose check-in window is open now; [id, ID number]."""
    start = datetime.now().astimezone() + timedelta(minutes=5)
    if start.date() != datetime.now().astimezone().date():
        return None  # the slot would fall on tomorrow: no check-in today
    number = id_number(f"11010519900101{n % 1000:03d}")
    appointment_id = f"AP-{n:05d}"
    central.staff(
        "POST",
        "/appointments",
        {
            "appointment_id": appointment_id,
            "hall_id": "H0001",
            "day": start.date().isoformat(),
            "slot_start": start.isoformat(),
            "slot_end": (start + timedelta(minutes=30)).isoformat(),
            "service_code": "HJ-004",
            "queue": "Y",
            "id_number": number,
        },
    )
    return [appointment_id, number]


def kill_repeatedly(
    run: Run,
    central: CentralProcess,
    secret: str,
    kills: int,
    scans: tuple[int, int] = (2, 60_000),
) -> None:
    """Start the child, let it work a random while, SIGKILL it; ``kills`` times."""
    rng = random.Random(SEED)
    run.logs.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    zygote = Zygote("tests.reliability.crash_child", run.folder / "zygote.log", env)
    appointments: list[list[str]] = []
    try:
        for n in range(kills):
            booked = book(central, n)
            if booked:
                appointments.append(booked)
            args = {
                "data_dir": str(run.data),
                "url": central.url,
                "terminal_id": TID,
                "secret": secret,
                "acks": str(run.folder / "acks.jsonl"),
                "marks": str(run.logs / f"{n:05d}.marks"),
                "seed": SEED * 100_003 + n,
                "appointments": appointments[-4:],
                "max_pages": scans[0],
                "page_bytes": scans[1],
            }
            pid = zygote.spawn(args, run.logs / f"{n:05d}.err")
            try:
                ready = zygote.wait_ready(pid)
                if ready:
                    # Mostly short lives, now and then a long one: a ticket waits for the
                    # printer's backlog, so its whole flow needs a few seconds at times.
                    time.sleep(min(rng.expovariate(2.0), 4.0))
            finally:
                status = zygote.kill(pid)  # never leave a child running
            killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            assert ready and killed, f"run {n} ended by itself:\n{run.child_errors()}"
    finally:
        zygote.close()


def deliver_the_rest(run: Run, central: CentralProcess, secret: str) -> dict[str, Any]:
    """What a restarted terminal does: recover, send until nothing waits; the local view."""
    store = Store(run.data / "kiosk.db")
    try:
        recover(store)
        client = CentralClient(central.url, Credentials(TID, secret.encode()), timeout=(2, 20))
        runner = SyncRunner(
            store, client, FieldCipher.for_data_dir(run.data), backoff=Backoff(0.01, 0.05)
        )
        deadline = time.monotonic() + 120
        while sync_status(store).pending and time.monotonic() < deadline:
            pull_forward(store, datetime.now().astimezone())
            runner.drain()
            time.sleep(0.05)
        client.close()
        with store.session() as s:
            outbox = s.execute(text("SELECT idempotency_key, state FROM outbox")).all()
            receipts = s.execute(text("SELECT receipt_no, case_no FROM submission")).all()
            not_uploaded = s.execute(
                text("SELECT count(*) FROM attachment WHERE uploaded_at IS NULL")
            ).scalar()
        return {
            "status": sync_status(store),
            "outbox": {str(k): str(state) for k, state in outbox},
            "unlinked": [r for r, case in receipts if not case],
            "not_uploaded": int(not_uploaded or 0),
            "integrity": store.integrity_check(),
        }
    finally:
        store.close()


def mid_send(run: Run) -> tuple[int, int, int]:
    """(kills that came while a batch was out, items central answered as replayed, kills
    that came while an attachment chunk was out)."""
    cut, replayed, cut_upload = 0, 0, 0
    for path in run.logs.glob("*.marks"):
        lines = complete_lines(path)
        cut += bool(lines) and lines[-1] == "send"
        cut_upload += bool(lines) and lines[-1] == "put"
        replayed += sum(int(line.split()[2]) for line in lines if line.startswith("recv "))
    return cut, replayed, cut_upload


def central_files(db_path: Path) -> dict[str, dict[str, Any]]:
    """Central's copy of each of the terminal's files: size, whether complete, the sha256
    of its unsealed chunks joined in order, and whether the chunks tile it exactly."""
    sealer = Sealer(db_path.with_name(db_path.name + ".seal-key").read_bytes().strip())
    out: dict[str, dict[str, Any]] = {}
    with sqlite3.connect(db_path) as conn:
        blobs = conn.execute(
            "SELECT sha256, size_bytes, received, complete FROM attachment_blob "
            "WHERE terminal_id=?",
            (TID,),
        ).fetchall()
        for digest, size, received, complete in blobs:
            chunks = conn.execute(
                "SELECT offset, length, data FROM attachment_chunk "
                "WHERE terminal_id=? AND sha256=? ORDER BY offset",
                (TID, digest),
            ).fetchall()
            whole = hashlib.sha256()
            at = 0
            tiled = True
            for offset, length, data in chunks:
                tiled = tiled and offset == at
                part = sealer.open(bytes(data))
                tiled = tiled and len(part) == length
                whole.update(part)
                at += length
            out[digest] = {
                "size": size,
                "received": received,
                "complete": bool(complete),
                "sha256": whole.hexdigest(),
                "tiled": tiled and at == received,
            }
    return out


def kill_and_check(
    tmp_path: Path, kills: int, scans: tuple[int, int] = (2, 60_000)
) -> dict[str, Any]:
    run = Run(tmp_path)
    (tmp_path / "central").mkdir()
    with CentralProcess(tmp_path / "central") as central:
        secret = central.add_terminal(TID)
        central.start()
        kill_repeatedly(run, central, secret, kills, scans)
        local = deliver_the_rest(run, central, secret)
        rows = ledger(central.db_path, terminal_id=TID)
        files = central_files(central.db_path)
        with sqlite3.connect(central.db_path) as conn:
            cases = Counter(r[0] for r in conn.execute("SELECT receipt_no FROM case_record"))
    errors = run.child_errors()
    acked = [json.loads(line) for line in complete_lines(tmp_path / "acks.jsonl")]
    at_central = Counter(row.key for row in rows)
    same_item = Counter(
        (row.kind, *(row.body[field] for field in IDENTITY[row.kind])) for row in rows
    )
    status = local["status"]

    assert acked, f"nothing was handed to a citizen: the kills came too early\n{errors}"
    assert (status.pending, status.sending, status.dead) == (0, 0, 0), errors
    assert local["integrity"] == "ok"
    lost = [a for a in acked if at_central[a["key"]] != 1]
    assert lost == [], f"handed over but not at central exactly once: {lost[:5]}\n{errors}"
    assert set(at_central) == set(local["outbox"]), "central and the outbox disagree"
    assert max(at_central.values()) == 1 and max(same_item.values()) == 1, "an item doubled"
    assert max(cases.values()) == 1 and set(cases) >= {
        row.body["receipt_no"] for row in rows if row.kind == "submission"
    }
    assert local["unlinked"] == [], "a submission without its case number"
    # Every file a case at central names is there whole: complete, its chunks tiling it with
    # no gap and no overlap, and its bytes hashing to the name (0 lost, 0 corrupted; a
    # file is one row per hash, so none doubled).
    named = {
        (a["sha256"], a["size_bytes"])
        for row in rows
        if row.kind == "submission"
        for a in row.body["attachments"]
        if not a["media_type"].startswith("text/plain")
    }
    assert named, "no application carried a document"
    broken = [
        digest
        for digest, size in named
        if digest not in files
        or not files[digest]["complete"]
        or not files[digest]["tiled"]
        or files[digest]["sha256"] != digest
        or files[digest]["size"] != size
    ]
    assert broken == [], f"{len(broken)} file(s) lost or corrupted at central"
    assert local["not_uploaded"] == 0, "a file the terminal still thinks central lacks"
    cut, replayed, cut_upload = mid_send(run)
    summary = {
        "kills": kills,
        "mid_send_kills": cut,
        "mid_upload_kills": cut_upload,
        "files_at_central": len(named),
        "replayed_items": replayed,
        "acknowledged": dict(Counter(a["kind"] for a in acked)),
        "at_central": len(rows),
    }
    print("crash summary", json.dumps(summary))
    return summary


@pytest.mark.timeout(900)
def test_thirty_kills_lose_and_double_nothing_of_any_kind(tmp_path: Path) -> None:
    summary = kill_and_check(tmp_path, 30)
    assert summary["acknowledged"].get("submission", 0) > 0


@pytest.mark.timeout(900)
def test_kills_during_uploads_lose_and_corrupt_no_file(tmp_path: Path) -> None:
    # Scans of up to five pages of 300 KB: a file is many chunks, so most kills land while
    # one is on its way, and the next life resumes from central's offset.
    summary = kill_and_check(tmp_path, 12, scans=(5, 300_000))
    assert summary["mid_upload_kills"] > 0
    assert summary["acknowledged"].get("submission", 0) > 0


@pytest.mark.slow
@pytest.mark.timeout(max(1800, SLOW_KILLS * 4))
def test_a_thousand_kills_lose_and_double_nothing_of_any_kind(tmp_path: Path) -> None:
    summary = kill_and_check(tmp_path, SLOW_KILLS)
    kinds = set(IDENTITY)
    if not summary["acknowledged"].get("checkin"):
        kinds.discard("checkin")  # only when the run crossed midnight
    assert set(summary["acknowledged"]) == kinds
    assert summary["mid_send_kills"] > 0 and summary["replayed_items"] > 0
    assert summary["mid_upload_kills"] > 0
