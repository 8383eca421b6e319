"""Power cuts at random moments: every receipt the store acknowledged survives.

A SIGKILL alone proves little about durability, since the page cache survives it. Here the
terminal (``powercut_child.py``: the real ``Store`` with its production PRAGMAs, the real
``SubmitService``, the print worker writing beside it) runs on
:mod:`tests.reliability.powercut_vfs`, which keeps every write SQLite has not synced in the
process's memory. Killing the child then loses exactly what a power cut would lose. After
each cut the test opens the database as the next boot would and looks for every receipt
number the child had handed out (it records one only after ``submit`` returned).

The same run with ``synchronous=OFF`` or ``NORMAL`` loses receipts at the first cuts: the
test can fail, and ``FULL`` is what a printed receipt needs. ``KIOSK_POWERCUT_CUTS`` sets the
number of cuts of the slow test (default 500).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.reliability.test_crash_sync import ROOT, complete_lines
from tests.reliability.zygote import Zygote

SEED = int(os.environ.get("KIOSK_POWERCUT_SEED", "20261202"))
SLOW_CUTS = int(os.environ.get("KIOSK_POWERCUT_CUTS", "500"))
SYNCHRONOUS = {"OFF": 0, "NORMAL": 1, "FULL": 2}


@dataclass
class Outcome:
    """What the cuts did: receipts handed out, and those the store no longer has."""

    cuts: int = 0
    acked: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    first_loss_at: int | None = None
    mid_sync: int = 0
    settings: list[dict[str, object]] = field(default_factory=list)
    integrity: list[str] = field(default_factory=list)


def durable_receipts(db: Path) -> tuple[set[str], str]:
    """The receipts in the database as a boot after the cut finds them, and its integrity."""
    if not db.exists():
        return set(), "ok"
    conn = sqlite3.connect(db)
    try:
        integrity = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        try:
            rows = conn.execute("SELECT receipt_no FROM submission").fetchall()
        except sqlite3.OperationalError:  # cut before the schema was ever synced
            rows = []
        return {r[0] for r in rows}, integrity
    finally:
        conn.close()


def wait_for_acks(path: Path, count: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while len(complete_lines(path)) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"fewer than {count} receipts in {timeout} s")
        time.sleep(0.01)


def cut_repeatedly(tmp_path: Path, cuts: int, synchronous: str) -> Outcome:
    """Run the child and cut its power ``cuts`` times (a weakened store: until it loses)."""
    rng = random.Random(SEED)
    data, logs = tmp_path / "terminal", tmp_path / "children"
    data.mkdir()
    logs.mkdir()
    acks = tmp_path / "acks.txt"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    zygote = Zygote("tests.reliability.powercut_child", tmp_path / "zygote.log", env)
    out = Outcome()
    try:
        for n in range(cuts):
            args = {
                "data_dir": str(data),
                "acks": str(acks),
                "marks": str(logs / f"{n:05d}.marks"),
                "settings": str(logs / f"{n:05d}.settings"),
                "synchronous": synchronous,
            }
            before = len(complete_lines(acks))
            pid = zygote.spawn(args, logs / f"{n:05d}.err")
            try:
                ready = zygote.wait_ready(pid)
                if ready and synchronous != "FULL":
                    wait_for_acks(acks, before + 3)  # something to lose, then the cut
                elif ready:
                    time.sleep(min(rng.expovariate(3.0), 2.0))
            finally:
                status = zygote.kill(pid)  # the power cut (and never a child left running)
            errors = (logs / f"{n:05d}.err").read_text(errors="replace")
            assert ready and os.WIFSIGNALED(status), f"cut {n}: the child ended:\n{errors}"
            assert os.WTERMSIG(status) == signal.SIGKILL, errors
            out.cuts += 1
            out.settings.append(json.loads((logs / f"{n:05d}.settings").read_text()))
            marks = (logs / f"{n:05d}.marks").read_bytes()
            out.mid_sync += marks.endswith(b"s")
            durable, integrity = durable_receipts(data / "kiosk.db")
            out.integrity.append(integrity)
            out.acked = complete_lines(acks)
            lost = [r for r in out.acked if r not in durable]
            if lost and out.first_loss_at is None:
                out.first_loss_at = n
                out.lost = lost
            if lost and synchronous != "FULL":
                break
    finally:
        zygote.close()
    return out


def check_production(tmp_path: Path, cuts: int) -> Outcome:
    out = cut_repeatedly(tmp_path, cuts, "FULL")
    assert len(out.acked) >= 10, "too few receipts between the cuts to test anything"
    assert out.lost == [], f"acknowledged receipts lost at cut {out.first_loss_at}: {out.lost}"
    assert out.settings and all(
        s == {"journal_mode": "wal", "synchronous": SYNCHRONOUS["FULL"]} for s in out.settings
    ), out.settings[:3]
    # A lost commit would hand out its receipt number a second time.
    assert max(Counter(out.acked).values()) == 1
    assert set(out.integrity) == {"ok"}
    summary = {"cuts": out.cuts, "receipts": len(out.acked), "cuts_mid_sync": out.mid_sync}
    print("power-cut summary", json.dumps(summary))
    return out


@pytest.mark.timeout(900)
def test_forty_power_cuts_lose_no_acknowledged_receipt(tmp_path: Path) -> None:
    check_production(tmp_path, 40)


@pytest.mark.slow
@pytest.mark.timeout(max(1800, SLOW_CUTS * 4))
def test_many_power_cuts_lose_no_acknowledged_receipt(tmp_path: Path) -> None:
    out = check_production(tmp_path, SLOW_CUTS)
    assert out.mid_sync > 0  # some cuts came while a sync was half written


@pytest.mark.timeout(600)
@pytest.mark.parametrize("weak", ["OFF", "NORMAL"])
def test_a_store_that_does_not_sync_each_commit_loses_receipts(tmp_path: Path, weak: str) -> None:
    out = cut_repeatedly(tmp_path, 10, weak)
    assert {s["synchronous"] for s in out.settings} == {SYNCHRONOUS[weak]}
    assert out.lost, f"synchronous={weak} lost nothing in {out.cuts} cuts: the test is blind"
    print(
        f"synchronous={weak}: {len(out.lost)} of {len(out.acked)} receipts lost at cut {out.cuts}"
    )


SHIM_BIG_WRITE = """
import sqlite3, sys
from pathlib import Path
from tests.reliability.powercut_vfs import install
folder = Path(sys.argv[1])
install(probe_dir=folder)
conn = sqlite3.connect(folder / "big.db")
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA synchronous=FULL")
conn.execute("CREATE TABLE t (b BLOB)")
conn.execute("INSERT INTO t VALUES (?)", (bytes(range(256)) * 2400,))
conn.commit()
conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print("committed")
"""


def test_the_shim_syncs_a_range_larger_than_one_unix_write(tmp_path: Path) -> None:
    """A commit and checkpoint of 600 KB of contiguous pages: the shim writes them to the
    real file in pieces (the unix VFS writes at most 128 KiB - 1 per call and calls a longer
    write a full disk). The process ends normally, with its connection still open."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", SHIM_BIG_WRITE, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "committed"
    conn = sqlite3.connect(tmp_path / "big.db")
    try:
        assert conn.execute("SELECT b FROM t").fetchone()[0] == bytes(range(256)) * 2400
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
