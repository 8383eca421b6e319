"""``kiosk --warm-cache``: compile every screen into Qt's QML disk cache, then exit.

Qt compiles a QML file the first time it is loaded and keeps the result in the user's cache
(``$XDG_CACHE_HOME/hall-kiosk/qmlcache``); later starts load the compiled form. Without a
warm cache the first start after installing or upgrading pays for compiling the home screen
before its first frame, and each page the first time it opens. ``install/install.sh`` runs
this as the terminal's user right after installing, so no citizen pays it. A screen that does
not compile is named and the exit status is 1: a broken install shows at install time.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def warm_qml_cache(qml_dir: Path, app_name: str) -> int:
    """Compile every ``.qml`` under ``qml_dir``; 0 when all compiled, 1 if any failed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # run at install time: no display
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlComponent, QQmlEngine

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    app.setApplicationName(app_name)  # the cache folder is named after the application
    engine = QQmlEngine()
    files = sorted(qml_dir.rglob("*.qml"))
    failed = 0
    for path in files:
        component = QQmlComponent(engine, QUrl.fromLocalFile(str(path)))
        if component.isError():
            failed += 1
            for error in component.errors():
                print(f"kiosk --warm-cache: {error.toString()}", file=sys.stderr)
    print(f"kiosk --warm-cache: {len(files) - failed} of {len(files)} screens compiled")
    return 1 if failed else 0
