"""``kiosk``: the entry point. Parses the command line and starts the terminal's interface
(:class:`ui.app.KioskUi`), or the screenshot tool (``--screenshots``, in ``tools/``).

Kept apart from :mod:`ui.app` so that the screenshot tool, which drives ``ui.app`` from
outside, is imported by nothing that it imports itself.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# First, before any other module: PySide6's import hook is made cheaper (ui/pyside_boot.py).
import ui.pyside_boot  # noqa: F401

# isort: split
from PySide6.QtCore import QObject, QTimer, qInstallMessageHandler
from PySide6.QtGui import QColor, QCursor, QGuiApplication, QPixmap

from kiosk.logs import setup_logging
from kiosk.settings_memo import ConfigError, settings_for_window
from ui.app import EXIT_BAD_SETTINGS, KioskUi, qt_message_handler
from ui.fonts import use_screen_fonts

log = logging.getLogger(__name__)

APP_NAME = "hall-kiosk"  # names Qt's cache folder, among others


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kiosk", description="Hall self-service terminal")
    parser.add_argument("--demo", action="store_true", help="simulated devices, sample data")
    parser.add_argument("--config", help="settings file (default: $KIOSK_CONFIG or /etc/kiosk)")
    parser.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    parser.add_argument("--orientation", choices=("portrait", "landscape"))
    parser.add_argument("--locale", choices=("zh_CN", "en_US", "zh_TW"))
    parser.add_argument(
        "--screenshots", metavar="DIR", help="render every screen to DIR as PNG, then exit"
    )
    parser.add_argument(
        "--only",
        metavar="PATTERNS",
        help="with --screenshots: only scenes matching one of the comma-separated PATTERNS",
    )
    parser.add_argument(
        "--variants",
        action="store_true",
        help="with --screenshots: every screen in Chinese and English, default and elder "
        "mode, portrait and landscape",
    )
    parser.add_argument(
        "--warm-cache",
        action="store_true",
        help="compile every screen into Qt's QML cache for this user, then exit (install time)",
    )
    parser.add_argument("--first-frame-probe", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``kiosk``."""
    args = _parse(argv)
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    # The keyboard is the window's own InputPanel, made just after the first frame; never a
    # separate desktop keyboard window, even for a field focused before it exists.
    os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")
    if args.warm_cache:
        from ui.app import QML_DIR
        from ui.warm_cache import warm_qml_cache

        return warm_qml_cache(QML_DIR, APP_NAME)
    if args.screenshots:
        from tools.screenshots import render_all

        return render_all(Path(args.screenshots), args)
    cli = {"demo": args.demo or None, "orientation": args.orientation, "locale": args.locale}
    try:
        # Checked here, or (inputs that passed before) on the core's thread after the first
        # frame, with pydantic: kiosk/settings_memo.py.
        frame, check = settings_for_window(
            Path(args.config) if args.config else None, os.environ, cli
        )
    except ConfigError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_BAD_SETTINGS
    setup_logging(frame.log_dir)
    qInstallMessageHandler(qt_message_handler)
    use_screen_fonts()  # fontconfig learns of the screens' fonts before Qt starts
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    if not args.windowed:
        app.setOverrideCursor(_blank_cursor())
    try:
        ui = KioskUi(app, frame, full_screen=not args.windowed, check=check)
    except RuntimeError as exc:
        log.error("%s", exc)
        return 1
    watchdog = _start_watchdog(ui)
    first_frame = _FirstFrame(ui, probe=args.first_frame_probe, watchdog=watchdog)
    ui.first_swap.append(first_frame.swapped)
    ui.after_first_frame.append(first_frame.on_frame)
    code = app.exec()
    watchdog.stopping()
    ui.stop()
    return code


def _blank_cursor() -> QCursor:
    """No pointer over a touch screen: a fully transparent cursor. The same as
    ``Qt.CursorShape.BlankCursor`` to the eye, without touching PySide's ``Qt`` namespace,
    whose Python types (93 enums, ~30 ms) would be built before the first frame for it."""
    pixmap = QPixmap(1, 1)
    pixmap.fill(QColor(0, 0, 0, 0))
    return QCursor(pixmap, 0, 0)


def _start_watchdog(ui: KioskUi) -> Any:
    """Feed systemd's watchdog from the GUI loop itself: a frozen screen stops the pings and
    the service is restarted. Outside systemd this does nothing. READY=1 is sent by
    :class:`_FirstFrame` once the first frame is on screen, not here: "active" must mean
    the citizen sees the terminal (an emulated boot showed a black screen for minutes after
    a READY=1 sent when the event loop started)."""
    from kiosk.watchdog import Watchdog

    def status() -> str:
        backlog = ui.status.property("syncBacklog")
        return f"{ui.current_page() or 'starting'}, {backlog} to upload"

    watchdog = Watchdog(status=status)
    if watchdog.enabled:
        timer = QTimer(ui.engine)
        timer.setInterval(watchdog.interval_ms)
        timer.timeout.connect(watchdog.tick)
        timer.start()
    return watchdog


class _FirstFrame(QObject):
    """After the first frame (:attr:`KioskUi.after_first_frame`): tells systemd the terminal
    is up (READY=1), starts the core (and, for the benchmark, reports its time)."""

    def __init__(self, ui: KioskUi, probe: bool, watchdog: Any = None) -> None:
        super().__init__()
        self._ui = ui
        self._probe = probe
        self._watchdog = watchdog

    def swapped(self) -> None:
        """Where the first frame is swapped (any thread): the benchmark reads this line's
        arrival time, as it does its bare window's."""
        if self._probe:
            print(json.dumps({"event": "first_frame", "rss_mb": _rss_mb()}), flush=True)

    def on_frame(self) -> None:
        if self._watchdog is not None:
            self._watchdog.started("ready")
        if self._probe:
            # Then the benchmark waits for the core to be up (devices, store, demo central)
            # and reads the settled memory.
            self._timer = QTimer(self)
            self._timer.timeout.connect(self._check_core)
            self._timer.start(100)
        self._ui.start_core()

    def _check_core(self) -> None:
        kiosk = self._ui.kiosk
        if kiosk is None or not kiosk.up.is_set():
            return
        self._timer.stop()
        event = {
            "event": "core_ready",
            "rss_mb": _rss_mb(),
            **_rss_kinds_mb(),
            "screen_font": self._ui.shell.property("fontFamily"),  # the cut one or the full
        }
        print(json.dumps(event), flush=True)
        self._ui.lockdown.allow_exit()
        self._ui.app.quit()


def _rss_mb() -> float:
    """Current resident memory of this process in MiB (Linux)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def _rss_kinds_mb() -> dict[str, float]:
    """The resident memory split (Linux): ``rss_anon_mb`` is the process's own (heaps,
    Python objects), ``rss_file_mb`` pages of mapped files (libraries, fonts) that the page
    cache shares with every process mapping them."""
    kinds = {"RssAnon:": "rss_anon_mb", "RssFile:": "rss_file_mb"}
    out: dict[str, float] = {}
    with open("/proc/self/status") as status:
        for line in status:
            key, _, value = line.partition("\t")
            if key in kinds:
                out[kinds[key]] = round(int(value.split()[0]) / 1024, 1)
    return out


if __name__ == "__main__":
    sys.exit(main())
