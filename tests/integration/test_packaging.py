"""The wheel that install.sh puts into /opt/kiosk carries every file the terminal loads.

A checkout finds assets/ beside the packages; an installed terminal finds them in
site-packages. This builds the wheel, unpacks it, and imports the packages from there (not from
the checkout) to check that each bundled file resolves and loads.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

PROBE = r"""
import json, sys
from datetime import date
from pathlib import Path

import demo
import kiosk
from drivers.cards.sim.card_files import default_cards_dir
from kiosk.catalog import BUNDLED_CATALOG, BUNDLED_SYNONYMS
from kiosk.catalog.validation import SCHEMA_PATH, validate_catalog
from kiosk.notices import BUNDLED_NOTICES, load_notices
from kiosk.services.queues import BUNDLED_QUEUES, load_queues
from kiosk.config import Settings

site = Path(sys.argv[1]).resolve()
issues = validate_catalog(json.loads(BUNDLED_CATALOG.read_text("utf-8")))
print(json.dumps({
    "kiosk": kiosk.__file__,
    "demo": demo.__file__,
    "paths": [str(p) for p in (BUNDLED_CATALOG, BUNDLED_SYNONYMS, SCHEMA_PATH, BUNDLED_NOTICES,
                               BUNDLED_QUEUES, default_cards_dir() / "resident.json",
                               site / "ui" / "qml" / "Main.qml",
                               site / "ui" / "i18n" / "kiosk_en_US.ts")],
    "catalog_issues": len(issues),
    "queues": len(load_queues("H0001", BUNDLED_QUEUES).queues),
    "notices": len(load_notices(BUNDLED_NOTICES, "H0001", date.today())),
    "data_dir": str(Settings().data_dir),
}))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # From a copy of the files git knows, as in a fresh clone (no stale build/ folder).
    source = out / "source"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, listed):
        src = REPO / os.fsdecode(name)
        if src.is_file():
            (source / src.relative_to(REPO)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, source / src.relative_to(REPO))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = out.glob("hall_kiosk-*.whl")
    target = out / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    return target


def test_the_installed_packages_find_and_load_every_bundled_file(site: Path, tmp_path: Path):
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(site)],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the checkout
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert Path(found["kiosk"]).is_relative_to(site), "imported the checkout, not the wheel"
    assert Path(found["demo"]).is_relative_to(site), "kiosk --demo needs the demo package"
    for path in found["paths"]:
        assert Path(path).is_relative_to(site) and Path(path).is_file(), path
    assert found["catalog_issues"] == 0
    assert found["queues"] > 0 and found["notices"] > 0
    # Without settings an installed copy keeps its data in the user's folder, not the venv.
    assert found["data_dir"] == str(tmp_path / "xdg" / "hall-kiosk")


def test_the_wheel_ships_no_runtime_data_or_secrets(site: Path):
    shipped = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    assert not [p for p in shipped if p.startswith("offline_cache/") or p.endswith((".db", ".key"))]
    assert not [p for p in shipped if p.startswith("tests/")]


MIGRATE = r"""
import sys
import central.schema
from central.__main__ import main

print(central.schema.MIGRATIONS_DIR)
sys.exit(main(["migrate", "--db", sys.argv[1]]))
"""


def test_an_installed_central_migrates_a_database_with_the_wheels_revisions(
    site: Path, tmp_path: Path
):
    env = {**os.environ, "PYTHONPATH": str(site)}
    url = f"sqlite:///{tmp_path / 'central.db'}"
    done = subprocess.run(
        [sys.executable, "-c", MIGRATE, url],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    migrations = Path(done.stdout.splitlines()[0])
    assert migrations.is_relative_to(site), "used the checkout's migrations, not the wheel's"
    assert (migrations / "env.py").is_file() and list((migrations / "versions").glob("0001_*.py"))
    with sqlite3.connect(tmp_path / "central.db") as conn:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert f"schema revision {revision} (the newest)" in done.stdout
