"""What the terminal does not do before its first frame (each costs tens of milliseconds)."""

import json
import os
import subprocess
import sys

import pytest

from tests.fresh import printed_by_fresh_python
from ui import fonts

# Runs the real entry point; when the first frame is swapped, prints what happened before.
FIRST_FRAME = """
import json, os, sys, ui.main as m, PySide6.QtCore as core, kiosk.logs as logs
from PySide6.QtGui import QGuiApplication
filters = []
original = QGuiApplication.installEventFilter
def install(self, watched):
    filters.append(type(watched).__name__)
    return original(self, watched)
QGuiApplication.installEventFilter = install
def swapped(self):
    seen = {'qt_namespace_built': 'Qt' in vars(core), 'filters': filters,
            'pydantic': 'pydantic' in sys.modules,
            'settings_checked': 'kiosk.config' in sys.modules,
            'log_patterns_compiled': [n for n, v in vars(logs).items()
                                      if isinstance(v, logs._Pattern) and 'compiled' in vars(v)]}
    print(json.dumps(seen), flush=True)
    os._exit(0)
m._FirstFrame.swapped = swapped
m.main(sys.argv[1:])
"""


def _before_first_frame(tmp_path, args):
    env = {
        "KIOSK_DATA_DIR": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    return json.loads(printed_by_fresh_python(FIRST_FRAME, env=env, args=args).splitlines()[-1])


@pytest.mark.parametrize("args", [["--demo"], ["--demo", "--windowed"]])
def test_the_home_screen_shows_before_pyside_builds_the_qt_namespace(tmp_path, args):
    # PySide builds all 93 enum types of ``Qt`` (~30 ms) when ``Qt`` is first imported or
    # touched; nothing before the first frame may do that (ui/bridge.py, ui/lockdown.py,
    # ui/main.py's cursor, ui/viewmodels/scan.py).
    assert _before_first_frame(tmp_path, args)["qt_namespace_built"] is False


def test_nothing_is_logged_before_the_first_frame(tmp_path):
    # The log's redaction patterns (~10 ms to compile) are compiled for the first record.
    assert _before_first_frame(tmp_path, ["--demo"])["log_patterns_compiled"] == []


def test_the_application_event_filters_go_in_after_the_first_frame(tmp_path):
    # Installed before it, they saw every event of the home page's load (~40 ms). That they
    # go in at all: tests/ui/conftest.py waits for KioskUi.filters_installed.
    assert _before_first_frame(tmp_path, ["--demo", "--windowed"])["filters"] == []


def test_a_start_with_settings_that_passed_before_shows_its_window_without_pydantic(tmp_path):
    # pydantic's import is 50-90 ms of the first frame (kiosk/settings_memo.py). The first
    # start with these settings checks them before its window; the next one after it.
    first = _before_first_frame(tmp_path, ["--demo"])
    again = _before_first_frame(tmp_path, ["--demo"])
    assert (first["settings_checked"], first["pydantic"]) == (True, True)
    assert (again["settings_checked"], again["pydantic"]) == (False, False)


def _start(tmp_path, config, records=False):
    """The real entry point up to its core (the benchmark's probe quits there): exit code,
    the probe's event names (with ``records``, its whole lines) and stderr. The
    environment is the tests' without their FONTCONFIG_FILE: the entry point sets its own."""
    environ = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}
    env = dict(
        environ,
        KIOSK_CONFIG=str(config),
        KIOSK_DATA_DIR=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        QT_QPA_PLATFORM="offscreen",
    )
    done = subprocess.run(
        [sys.executable, "-m", "ui.main", "--demo", "--windowed", "--first-frame-probe"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines() if "event" in line]
    return done.returncode, lines if records else [e["event"] for e in lines], done.stderr


@pytest.mark.gui
def test_a_remembered_start_checks_its_settings_after_the_frame_and_starts_its_core(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text('hall_name = "示范大厅"\n', encoding="utf-8")
    assert _start(tmp_path, config)[:2] == (0, ["first_frame", "core_ready"])
    assert _start(tmp_path, config)[:2] == (0, ["first_frame", "core_ready"])


@pytest.mark.gui
def test_the_probe_splits_the_memory_at_core_ready_into_own_and_mapped_files(tmp_path):
    """bench_startup prints the split beside the RSS its target is on."""
    config = tmp_path / "kiosk.toml"
    config.write_text('hall_name = "示范大厅"\n', encoding="utf-8")
    code, records, _ = _start(tmp_path, config, records=True)
    ready = records[-1]
    assert (code, ready["event"]) == (0, "core_ready")
    assert ready["rss_anon_mb"] > 20 and ready["rss_file_mb"] > 20
    assert abs(ready["rss_anon_mb"] + ready["rss_file_mb"] - ready["rss_mb"]) < 5
    # And which font it drew with: the screens' cut font once `make fonts` built it.
    built = all((fonts.HERE / name).is_file() for name in fonts.FILES)
    assert ready["screen_font"] == (fonts.FAMILY if built else fonts.FULL_FAMILY)


@pytest.mark.gui
def test_a_remembered_start_whose_settings_fail_now_stops_with_their_sentence(tmp_path):
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'central_ca_file = "{ca}"\n', encoding="utf-8")
    assert _start(tmp_path, config)[0] == 0
    ca.unlink()  # the same settings; the certificate they name has gone since
    code, events, stderr = _start(tmp_path, config)
    assert (code, events) == (2, ["first_frame"])  # the window was up; no core behind it
    assert "kiosk: setting 'central_ca_file'" in stderr and "Traceback" not in stderr
    code, events, stderr = _start(tmp_path, config)
    assert (code, events) == (2, [])  # and the next start stops before its window
    assert "kiosk: setting 'central_ca_file'" in stderr


@pytest.mark.gui
def test_a_start_from_wrongly_remembered_values_corrects_them_and_restarts(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text('hall_name = "示范大厅"\n', encoding="utf-8")
    assert _start(tmp_path, config)[0] == 0
    memo_file = tmp_path / "cache" / "hall-kiosk" / "settings-checked.json"
    memo = json.loads(memo_file.read_text(encoding="utf-8"))
    memo["frame"]["hall_name"] = "别的大厅"
    memo_file.write_text(json.dumps(memo), encoding="utf-8")
    # 75: systemd starts the terminal again (staff mode's restart), now with the right name.
    assert _start(tmp_path, config)[:2] == (75, ["first_frame"])
    assert json.loads(memo_file.read_text(encoding="utf-8"))["frame"]["hall_name"] == "示范大厅"
    assert _start(tmp_path, config)[:2] == (0, ["first_frame", "core_ready"])
