"""UI benchmark: page-to-page navigation (request → next page's first frame) and leak check.

Runs the real shell offscreen with the software renderer. A scripted visit goes home → guide →
service list → guide → search → not-ready page → (visit ends, wipe) and each navigation is timed
until the window has swapped a frame showing the new page. Memory is the process RSS after 10
visits and after VISITS visits. One JSON line:
{"nav_p50_ms", "nav_p95_ms", "per_page_p95_ms": {...}, "rss_after_10_mb", "rss_after_n_mb",
 "growth_pct", "visits", "targets", "pass"}. Targets: p95 <= 100 ms over all navigations,
growth <= 10 % (kiosk issue), every page's p95 <= 40 ms (#22); "pass" says which were met.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.timing import verdict  # noqa: E402

VISITS = int(os.environ.get("BENCH_VISITS", "500"))
TARGETS = {"nav_p95_ms": 100, "per_page_p95_ms": 40, "growth_pct": 10}
GUIDE = {
    "code": "B1",
    "name": "社会保障卡申领",
    "visits": 1,
    "materials": [{"name": f"材料{i}", "source": "citizen"} for i in range(8)],
    "steps": [{"name": "受理", "handler": "窗口", "time_limit": "即时"}] * 4,
    "legal_basis": ["《社会保险法》第五十八条"],
}
SCRIPT: tuple[tuple[str, dict[str, str]], ...] = (
    ("guide", {}),
    ("serviceList", {}),
    ("guideDetail", {}),
    ("search", {}),
    ("notReady", {"entryTitle": "取号"}),
    ("idCard", {}),
    ("ticket", {}),
    ("checkin", {}),
    ("progress", {}),
    ("consult", {}),
    ("complain", {}),
    ("apply", {}),
    ("evaluate", {}),
)


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QGuiApplication

    from kiosk.config import load_settings
    from ui.app import KioskUi

    app = QGuiApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as data:
        settings = load_settings(env={}, data_dir=data, demo=True, voice_engine="mock")
        ui = KioskUi(app, settings, full_screen=False)
        ui.window.show()
        while not ui.filters_installed:  # measured with the event filters of a running terminal
            app.processEvents()
        frames = {"n": 0}
        ui.window.frameSwapped.connect(lambda: frames.__setitem__("n", frames["n"] + 1))
        timings: dict[str, list[float]] = {name: [] for name, _ in SCRIPT}
        timings["home"] = []

        def navigate(name: str, props: dict) -> float:
            before = frames["n"]
            start = time.perf_counter()
            if name == "home":
                ui.end_visit()
            else:
                ui.show_page(name, props)
            while frames["n"] == before or ui.current_page() != f"{name}Page":
                app.processEvents()
                if time.perf_counter() - start > 5:
                    raise RuntimeError(f"{name} never showed")
            return (time.perf_counter() - start) * 1000

        def visit() -> None:
            ui.catalog._themes = [{"key": "sb", "name": "社会保障", "count": 12}]
            ui.catalog._services = [
                {"code": f"S{i}", "name": f"事项{i}", "department": "人社局"} for i in range(12)
            ]
            ui.catalog._guide = GUIDE
            ui.catalog.changed.emit()
            for name, props in SCRIPT:
                timings[name].append(navigate(name, props))
            timings["home"].append(navigate("home", {}))
            # Outside app.exec() Qt never runs deferred deletions on its own: do what the
            # event loop of the real app does after each visit, or destroyed pages pile up.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        for _ in range(10):
            visit()
        gc.collect()
        rss_10 = rss_mb()
        for _ in range(VISITS - 10):
            visit()
        gc.collect()
        for _ in range(20):
            app.processEvents()
        rss_n = rss_mb()
        ui.stop()
    every = [t for values in timings.values() for t in values]
    q = statistics.quantiles(every, n=100)
    result: dict[str, object] = {
        "nav_p50_ms": round(q[49], 1),
        "nav_p95_ms": round(q[94], 1),
        "per_page_p95_ms": {
            k: round(statistics.quantiles(v, n=100)[94], 1) for k, v in timings.items()
        },
        "rss_after_10_mb": round(rss_10, 1),
        "rss_after_n_mb": round(rss_n, 1),
        "growth_pct": round((rss_n - rss_10) / rss_10 * 100, 1),
        "visits": VISITS,
    }
    print(json.dumps(result | verdict(result, TARGETS), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
