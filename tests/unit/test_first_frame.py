"""What the terminal does not do before its first frame (each costs tens of milliseconds)."""

import json

import pytest

from tests.fresh import printed_by_fresh_python

# Runs the real entry point; on the first frame, prints what had happened before it.
FIRST_FRAME = """
import json, os, sys, ui.main as m, ui.app, PySide6.QtCore as core
from PySide6.QtGui import QGuiApplication
frames, filters = [], []
swapped = ui.app.KioskUi._on_frame_swapped
def on_frame_swapped(self):
    frames.append(1)
    swapped(self)
ui.app.KioskUi._on_frame_swapped = on_frame_swapped
original = QGuiApplication.installEventFilter
def install(self, watched):
    filters.append([type(watched).__name__, len(frames)])
    return original(self, watched)
QGuiApplication.installEventFilter = install
def on_frame(self):
    seen = {'qt_namespace_built': 'Qt' in vars(core), 'filters': filters}
    print(json.dumps(seen), flush=True)
    os._exit(0)
m._FirstFrame.on_frame = on_frame
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
    # Installed before it, they saw every event of the home page's load (~40 ms). Each entry:
    # the filter's type and the frames swapped when it went in.
    filters = _before_first_frame(tmp_path, ["--demo", "--windowed"])["filters"]
    assert sorted(name for name, _ in filters) == ["IdleWatcher", "IdleWatcher", "LockdownFilter"]
    assert all(frames >= 1 for _, frames in filters)
