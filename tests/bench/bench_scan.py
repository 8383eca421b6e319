"""Benchmark: a document camera's frame to a straightened page JPEG. Prints ONE JSON line.

Frames come from the simulated desk camera (``sim:``, 1600 x 1200, the sample document flat
and at an angle, each frame with fresh sensor noise). For 200 frames: p50/p95 ms from frame
to page JPEG, and the process's RSS before and after (growth in %). Targets (issue #17):
p95 <= 500 ms, RSS growth over 200 scans <= 5 %.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from drivers.cameras.sim import SimCamera  # noqa: E402
from drivers.registry import make_camera  # noqa: E402
from kiosk.documents.scan import scan_page  # noqa: E402
from tests.bench.timing import verdict  # noqa: E402

N = 200
TARGET_P95_MS = 500
TARGET_RSS_GROWTH = 0.05


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    camera = make_camera("sim:?scene=angled")
    assert isinstance(camera, SimCamera)  # the simulator: it shows the scene it is told
    camera.open()
    for scene in ("flat", "angled"):  # warm up: imports, first allocations
        camera.show(scene)
        frame = camera.frame(1.0)
        assert frame is not None
        scan_page(frame.image)
    before = rss_kib()
    timings: list[float] = []
    for i in range(N):
        camera.show("angled" if i % 2 else "flat")
        frame = camera.frame(1.0)
        assert frame is not None
        started = time.perf_counter()
        scan_page(frame.image)
        timings.append((time.perf_counter() - started) * 1000)
    after = rss_kib()
    camera.close()
    timings.sort()
    p95 = timings[int(0.95 * (N - 1))]
    growth = (after - before) / before
    result = {
        "bench": "scan",
        "frames": N,
        "frame_size": [1600, 1200],
        "scan_p50_ms": round(statistics.median(timings), 1),
        "scan_p95_ms": round(p95, 1),
        "rss_before_mib": round(before / 1024, 1),
        "rss_after_mib": round(after / 1024, 1),
        "rss_growth": round(growth, 4),
        "target_p95_ms": TARGET_P95_MS,
        "target_rss_growth": TARGET_RSS_GROWTH,
        "ok": p95 <= TARGET_P95_MS and growth <= TARGET_RSS_GROWTH,
    }
    result |= verdict(result, {"scan_p95_ms": TARGET_P95_MS, "rss_growth": TARGET_RSS_GROWTH})
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
