"""``kiosk --screenshots DIR``: render every screen and notable state offscreen, one PNG each.

Reviewers use it to see the terminal without a display. Each scene puts the window into one
state (page, device states, orientation) and grabs a frame. Add new screens to ``SCENES``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drivers.status import DeviceState, DeviceStatus

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication, QImage
    from PySide6.QtQuick import QQuickWindow

    from ui.app import KioskUi

log = logging.getLogger(__name__)

OK = DeviceStatus(DeviceState.OK, "ok")


@dataclass(frozen=True)
class Scene:
    """One screenshot: file name (without .png) and how to get the window there."""

    name: str
    setup: Callable[..., None]
    orientation: str = "portrait"


def _all_ok(ui: KioskUi) -> None:
    for device in ("reader", "printer", "network"):
        ui.status.set_device(device, OK)


def _home(ui: KioskUi) -> None:
    _all_ok(ui)
    ui.show_page("home")


def _home_problems(ui: KioskUi) -> None:
    ui.show_page("home")
    ui.status.set_device("printer", DeviceStatus(DeviceState.ERROR, "paper out", "paper_out"))
    ui.status.set_device("network", DeviceStatus(DeviceState.ERROR, "unreachable", "offline"))
    ui.status.set_device("reader", OK)


def _not_ready(ui: KioskUi) -> None:
    _all_ok(ui)
    ui.show_page("home")
    ui.show_page("notReady", {"entryTitle": "取号"})


def _out_of_service(ui: KioskUi) -> None:
    ui.show_page("home")
    ui.show_page("outOfService")


def _home_elder(ui: KioskUi) -> None:
    _home(ui)
    ui.shell.toggleElderMode()


def _language_menu(ui: KioskUi) -> None:
    from PySide6.QtCore import QMetaObject, QObject

    _home(ui)
    menu = ui.window.findChild(QObject, "languageMenu")
    if menu is not None:
        QMetaObject.invokeMethod(menu, "open")


SCENES: tuple[Scene, ...] = (
    Scene("home", _home),
    Scene("home-device-problems", _home_problems),
    Scene("not-ready", _not_ready),
    Scene("out-of-service", _out_of_service),
    Scene("home-elder", _home_elder),
    Scene("language-menu", _language_menu),
    Scene("home-landscape", _home, orientation="landscape"),
)


def _close_popups(ui: KioskUi) -> None:
    from PySide6.QtCore import QMetaObject, QObject

    menu = ui.window.findChild(QObject, "languageMenu")
    if menu is not None:
        QMetaObject.invokeMethod(menu, "close")


def render_all(out_dir: Path, args: argparse.Namespace) -> int:
    """Render every scene into ``out_dir``; exit code 0 when all were written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    from kiosk.config import load_settings
    from kiosk.logs import setup_logging
    from ui.app import KioskUi, qt_message_handler

    setup_logging(None, logging.WARNING)
    qInstallMessageHandler(qt_message_handler)
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    written = 0
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        settings = load_settings(
            Path(args.config) if args.config else None,
            data_dir=tmp,
            demo=True,
            locale=args.locale,
            voice_engine="mock",
        )
        ui = KioskUi(app, settings, full_screen=False)
        for scene in SCENES:
            if args.orientation and scene.orientation != args.orientation:
                continue
            width, height = (1080, 1920) if scene.orientation == "portrait" else (1920, 1080)
            ui.shell.set_geometry(width, height)
            ui.end_visit()  # every scene starts from a fresh visit
            _close_popups(ui)
            scene.setup(ui)
            path = out_dir / f"{scene.name}.png"
            if grab(app, ui.window).save(str(path)):
                written += 1
                print(path)
            else:
                log.error("could not write %s", path)
        ui.stop()
        ui.engine.deleteLater()
    return 0 if written else 1


def grab(app: QGuiApplication, window: QQuickWindow) -> QImage:
    """Let pending layout and bindings settle, then grab the window's current frame."""
    for _ in range(5):
        app.processEvents()
    return window.grabWindow()
