"""What the terminal does not do before its first frame (each costs tens of milliseconds)."""

import json

import pytest

from tests.fresh import printed_by_fresh_python

# Runs the real entry point; when the first frame is swapped, prints what happened before.
FIRST_FRAME = """
import json, os, sys, ui.main as m, PySide6.QtCore as core
from PySide6.QtGui import QGuiApplication
filters = []
original = QGuiApplication.installEventFilter
def install(self, watched):
    filters.append(type(watched).__name__)
    return original(self, watched)
QGuiApplication.installEventFilter = install
def swapped(self):
    seen = {'qt_namespace_built': 'Qt' in vars(core), 'filters': filters}
    print(json.dumps(seen), flush=True)
    os._exit(0)
m._FirstFrame.swapped = swapped
m.main(sys.argv[1:])
"""


def _before_first_frame(tmp_path, args):
    env = {"KIOSK_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    return json.loads(printed_by_fresh_python(FIRST_FRAME, env=env, args=args).splitlines()[-1])


@pytest.mark.parametrize("args", [["--demo"], ["--demo", "--windowed"]])
def test_the_home_screen_shows_before_pyside_builds_the_qt_namespace(tmp_path, args):
    # PySide builds all 93 enum types of ``Qt`` (~30 ms) when ``Qt`` is first imported or
    # touched; nothing before the first frame may do that (ui/bridge.py, ui/lockdown.py,
    # ui/main.py's cursor, ui/viewmodels/scan.py).
    assert _before_first_frame(tmp_path, args)["qt_namespace_built"] is False


def test_the_application_event_filters_go_in_after_the_first_frame(tmp_path):
    # Installed before it, they saw every event of the home page's load (~40 ms). That they
    # go in at all: tests/ui/conftest.py waits for KioskUi.filters_installed.
    assert _before_first_frame(tmp_path, ["--demo", "--windowed"])["filters"] == []
