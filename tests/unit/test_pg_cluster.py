"""The private PostgreSQL cluster of the tests (``tests/pg.py``): without its binaries the
PostgreSQL variants fail and say how to get them; they are never skipped in silence."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_without_the_binaries_the_cluster_says_to_run_make_setup(tmp_path: Path) -> None:
    env = dict(os.environ, KIOSK_TEST_PG_BIN=str(tmp_path / "no-postgresql"))
    done = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfEs",
            "tests/integration/test_central_counters.py", "-m", "pg", "-k", "starts_at_one",
        ],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode != 0, done.stdout
    assert "make setup" in done.stdout and "1 error" in done.stdout, done.stdout[-2000:]
    assert "skipped" not in done.stdout
