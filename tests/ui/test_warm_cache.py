"""``kiosk --warm-cache``: every screen compiled into the user's QML cache at install time,
and a screen that does not compile named, with a failing exit status."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ui.app import QML_DIR

pytestmark = pytest.mark.gui


def _kiosk(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "ui", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_every_screen_is_compiled_into_the_users_cache(tmp_path):
    done = _kiosk(tmp_path, "--warm-cache")
    screens = len(list(QML_DIR.rglob("*.qml")))
    assert done.returncode == 0, done.stderr
    assert f"{screens} of {screens} screens compiled" in done.stdout
    compiled = list((tmp_path / "hall-kiosk" / "qmlcache").glob("*.qmlc"))
    assert len(compiled) >= screens


def test_a_screen_that_does_not_compile_is_named_and_fails_the_install(tmp_path):
    qml = tmp_path / "qml"
    shutil.copytree(QML_DIR, qml)
    (qml / "pages" / "HomePage.qml").write_text("import QtQuick\nItem { width: }\n", "utf-8")
    code = (
        "import sys; from pathlib import Path; from ui.warm_cache import warm_qml_cache; "
        f"sys.exit(warm_qml_cache(Path({str(qml)!r}), 'hall-kiosk-test'))"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert "HomePage.qml:2" in done.stderr
    screens = len(list(qml.rglob("*.qml")))
    assert f"{screens - 1} of {screens} screens compiled" in done.stdout
