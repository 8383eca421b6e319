"""install/central/: the units (systemd-analyze), the scripts (bash -n, shellcheck), the TLS
front and the env file agreeing with central's options, and for real on private PostgreSQL
clusters: setup-replica.sh makes a streaming replica, a backup restores into a new cluster."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.pg import PG_BIN, ROLE, PgCluster, PgUnavailable

CENTRAL = REPO / "install" / "central"
UNITS = ["kiosk-central.service", "kiosk-central-backup.service", "kiosk-central-backup.timer"]
SCRIPTS = [CENTRAL / "setup-replica.sh", CENTRAL / "kiosk-central-backup.sh"]


def _directives(unit: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    text = (CENTRAL / unit).read_text().replace("\\\n", " ")
    for line in text.splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            out.setdefault(key.strip(), []).append(value.strip())
    return out


def test_the_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is missing (Debian package systemd)")
    # verify checks that the programs exist; on a build machine they are not installed.
    for unit in UNITS:
        text = (CENTRAL / unit).read_text()
        text = text.replace("/opt/kiosk-central/venv/bin/kiosk-central", "/bin/true")
        text = text.replace("/usr/local/sbin/kiosk-central-backup", "/bin/true")
        (tmp_path / unit).write_text(text)
    done = subprocess.run(
        ["systemd-analyze", "verify", *(f"./{u}" for u in UNITS)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "SYSTEMD_LOG_COLOR": "0"},
    )
    assert done.returncode == 0 and done.stderr.strip() == "", done.stderr


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_the_scripts_parse_and_pass_shellcheck(script: Path) -> None:
    assert subprocess.run(["bash", "-n", str(script)], timeout=30).returncode == 0
    assert os.access(script, os.X_OK)
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck is not installed (make setup installs it)")
    done = subprocess.run(
        ["shellcheck", "--severity=info", str(script)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout


def test_the_service_migrates_then_serves_sandboxed_on_loopback() -> None:
    d = _directives("kiosk-central.service")
    (start,) = d["ExecStart"]
    assert d["ExecStartPre"][0].endswith("kiosk-central migrate --db ${CENTRAL_DB}")
    assert "--host 127.0.0.1" in start and "--workers ${CENTRAL_WORKERS}" in start
    assert "--staff-token-file %d/staff-token" in start  # a credential, not an env variable
    assert d["User"] == ["kiosk-central"] and d["NoNewPrivileges"] == ["yes"]
    assert d["ProtectSystem"] == ["strict"] and d["PrivateTmp"] == ["yes"]
    assert d["ReadWritePaths"] == ["/var/lib/kiosk-central"]
    assert d["StateDirectory"] == ["kiosk-central"]
    for key_file in ("--seal-key-file", "--id-hash-key-file"):
        assert re.search(rf"{key_file} /var/lib/kiosk-central/\S+", start)


def test_the_tls_front_and_central_agree_on_the_body_limit() -> None:
    env = dict(
        line.split("=", 1)
        for line in (CENTRAL / "central.env").read_text().splitlines()
        if line and not line.startswith("#")
    )
    nginx = (CENTRAL / "kiosk-central-nginx.conf").read_text()
    limit = re.search(r"^\s*client_max_body_size (\d+)m;", nginx, re.M)
    assert limit is not None and limit.group(1) == env["CENTRAL_MAX_BODY_MIB"]
    assert f"server 127.0.0.1:{env['CENTRAL_PORT']};" in nginx
    assert "Strict-Transport-Security" in nginx


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def _query(port: int, sql: str) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=port, user=ROLE, dbname="postgres", autocommit=True
    ) as conn:
        cur = conn.execute(sql)
        return cur.fetchall() if cur.description else []


@pytest.fixture
def primary() -> Iterator[PgCluster]:
    try:
        cluster = PgCluster()
        cluster.start()
    except PgUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.mark.pg
@pytest.mark.slow
def test_setup_replica_makes_a_streaming_replica(primary: PgCluster) -> None:
    from central.testing import free_port

    # Only the line the script adds may admit replication: initdb's trust lines go.
    hba = primary.data / "pg_hba.conf"
    hba.write_text(
        "".join(li for li in hba.read_text().splitlines(True) if "replication" not in li)
    )
    password = "replica-test-" + os.urandom(6).hex()
    env = {**os.environ, "PG_BIN": str(PG_BIN), "PGUSER": ROLE}
    env["KIOSK_REPLICATION_PASSWORD"] = password
    # Run as postgres, which may not reach the checkout (a fresh clone in a 0700 folder):
    # a copy in the cluster's own folder.
    script = str(primary.folder / "setup-replica.sh")
    shutil.copy(CENTRAL / "setup-replica.sh", script)
    os.chmod(script, 0o755)
    done = subprocess.run(
        _as_postgres([script, "primary", "--replica-addr", "127.0.0.1", "--host", "127.0.0.1",
                      "--port", str(primary.port)]),
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "host replication replicator 127.0.0.1/32 scram-sha-256" in hba.read_text()

    replica_dir = primary.folder / "replica"
    port = free_port()
    cmd = [
        script, "replica", "--primary-host", "127.0.0.1", "--primary-port", str(primary.port),
        "--slot", "replica_test", "--data-dir", str(replica_dir), "--start-port", str(port),
        "--start-options", "-c max_connections=200",  # as tests/pg.py starts the primary
    ]  # fmt: skip
    wrong = subprocess.run(
        _as_postgres(cmd), env={**env, "PGPASSWORD": "wrong"}, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert wrong.returncode != 0 and "password authentication failed" in wrong.stderr
    try:
        done = subprocess.run(
            _as_postgres(cmd), env={**env, "PGPASSWORD": password}, capture_output=True,
            text=True, timeout=180,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        assert "replica streaming" in done.stdout
        assert _query(port, "SELECT pg_is_in_recovery()") == [(True,)]
        slots = _query(primary.port, "SELECT slot_name, active FROM pg_replication_slots")
        assert slots == [("replica_test", True)]

        _query(primary.port, "CREATE TABLE written (id int PRIMARY KEY, what text)")
        _query(primary.port, "INSERT INTO written VALUES (1, '取号 A001')")
        deadline = time.monotonic() + 30
        rows: list[tuple[object, ...]] = []
        while time.monotonic() < deadline:
            try:
                rows = _query(port, "SELECT id, what FROM written")
            except Exception:  # the table has not arrived yet
                rows = []
            if rows:
                break
            time.sleep(0.2)
        assert rows == [(1, "取号 A001")]
    finally:
        subprocess.run(
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(replica_dir), "-m", "fast", "stop"]),
            capture_output=True, timeout=60,
        )  # fmt: skip


def _backup(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    script = str(CENTRAL / "kiosk-central-backup.sh")
    return subprocess.run(
        [script], env={**os.environ, **env}, capture_output=True, text=True, timeout=120
    )


@pytest.mark.pg
@pytest.mark.slow
def test_a_backup_restores_into_a_fresh_cluster(
    pg_cluster: PgCluster, primary: PgCluster, tmp_path: Path
) -> None:
    from central.auth import add_terminal
    from central.db import Database, Terminal

    name = pg_cluster.create_database()
    seal_key = tmp_path / "central.seal-key"
    db = Database(pg_cluster.url(name), seal_key)
    try:
        secret = add_terminal(db, "T01", "H0042")
    finally:
        db.close()
    folder = tmp_path / "backups"
    folder.mkdir()
    # Three old dumps (20 days), one recent: past 14 days only the old ones beyond the
    # newest three go.
    for day in ("20000101", "20000102", "20000103"):
        old = folder / f"kiosk_central-{day}T000000Z.dump"
        old.write_bytes(b"old")
        os.utime(old, (time.time() - 20 * 86400,) * 2)
    env = {
        "PG_BIN": str(PG_BIN),
        "KIOSK_BACKUP_DB": f"postgresql://{ROLE}@127.0.0.1:{pg_cluster.port}/{name}",
        "KIOSK_BACKUP_DIR": str(folder),
        "KIOSK_BACKUP_KEEP_DAYS": "14",
        "KIOSK_BACKUP_KEEP_MIN": "3",
    }
    done = _backup(env)
    assert done.returncode == 0, done.stderr
    dumps = sorted(p.name for p in folder.iterdir())
    assert dumps[:2] == [
        "kiosk_central-20000102T000000Z.dump",
        "kiosk_central-20000103T000000Z.dump",
    ]
    assert len(dumps) == 3 and (folder / dumps[2]).stat().st_mode & 0o077 == 0
    broken = _backup({**env, "KIOSK_BACKUP_DB": f"postgresql://{ROLE}@127.0.0.1:1/none"})
    assert broken.returncode != 0 and len(list(folder.iterdir())) == 3  # no .part left

    # Into a new cluster (as after losing the primary): the restored central knows the
    # terminal and, with the same seal key, its secret.
    primary.admin('CREATE DATABASE "restored" TEMPLATE template0')
    restore = subprocess.run(
        [str(PG_BIN / "pg_restore"), "--no-owner", "--exit-on-error", "-h", "127.0.0.1",
         "-p", str(primary.port), "-U", ROLE, "-d", "restored", str(folder / dumps[2])],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert restore.returncode == 0, restore.stderr
    restored = Database(primary.url("restored"), seal_key)
    try:
        with restored.session() as s:
            terminal = s.get(Terminal, "T01")
            assert terminal is not None and terminal.hall_id == "H0042"
            assert restored.sealer.open(bytes(terminal.secret)) == secret.encode()
    finally:
        restored.close()
        pg_cluster.drop_database(name)
