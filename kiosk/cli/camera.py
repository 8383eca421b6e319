"""``kioskctl camera-test``: prove a document camera (高拍仪) gives readable pages.

For vendors fitting a camera: opens it by URI, takes frames until one gives a page (or
``--frames`` have been tried), and says for each what the page processing made of it —
found and straightened, or refused with the sentence a citizen would see. The straightened
page is written to ``--out`` so the vendor can look at it. Exit 0 when a page was read, 1
when the camera fails or no frame gave a page. Put a blank or sample document under the
camera: what it writes is a picture of whatever lies there.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from drivers.cameras.base import CameraError
from drivers.registry import DriverUnavailable, make_camera
from drivers.uri import DeviceUriError
from kiosk.cli.common import driver_hint, fail, print_json
from kiosk.devices.guard import DeviceTimeout, call_once
from kiosk.documents.scan import REASONS, ScanRejected, scan_page

OPEN_DEADLINE_S = 10.0
FRAME_TIMEOUT_S = 3.0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``camera-test`` command."""
    test = sub.add_parser(
        "camera-test",
        help="take frames from a document camera and show the page it reads",
        description="Exit 0 when a page was read, 1 with the reason when not.",
    )
    test.add_argument("--camera", required=True, help="camera URI, e.g. v4l2:/dev/video0")
    test.add_argument("--out", type=Path, required=True, help="folder for the page it reads")
    test.add_argument("--frames", type=int, default=5, help="frames to try (default 5)")
    test.add_argument("--json", action="store_true", help="one JSON report")
    test.set_defaults(func=camera_test)


def camera_test(args: argparse.Namespace) -> int:
    try:
        camera = make_camera(args.camera)
        call_once("camera", "open", camera.open, OPEN_DEADLINE_S)
    except (DeviceUriError, DriverUnavailable, CameraError, DeviceTimeout) as exc:
        hint = driver_hint(exc, "check the cable and the URI")
        return fail(f"camera {args.camera} cannot be used: {exc} ({hint})")
    tries: list[dict[str, Any]] = []
    written: Path | None = None
    try:
        for number in range(1, max(1, args.frames) + 1):
            try:
                frame = call_once(
                    "camera", "frame", lambda: camera.frame(FRAME_TIMEOUT_S), FRAME_TIMEOUT_S + 5
                )
            except (CameraError, DeviceTimeout) as exc:
                return fail(f"camera {args.camera} stopped: {exc}")
            if frame is None:
                tries.append({"frame": number, "result": "no_frame"})
                continue
            started = time.perf_counter()
            entry: dict[str, Any] = {"frame": number, "size": list(frame.size)}
            try:
                page = scan_page(frame.image)
            except ScanRejected as refused:
                entry.update(result=refused.reason, says=REASONS[refused.reason])
            else:
                args.out.mkdir(parents=True, exist_ok=True)
                written = args.out / f"page-{number}.jpg"
                written.write_bytes(page.jpeg)
                entry.update(
                    result="page",
                    page=[page.width, page.height],
                    sharpness=page.sharpness,
                    corners=[list(c) for c in page.corners],
                    file=str(written),
                )
            entry["ms"] = round((time.perf_counter() - started) * 1000, 1)
            tries.append(entry)
            if written is not None:
                break
    finally:
        camera.close()
    if args.json:
        print_json({"camera": args.camera, "page": str(written or ""), "frames": tries})
    else:
        for t in tries:
            verdict = (
                f"page {t['page'][0]}x{t['page'][1]} -> {t['file']}"
                if t["result"] == "page"
                else f"{t['result']}: {t.get('says', '')}"
            )
            print(f"frame {t['frame']}: {verdict} ({t.get('ms', 0)} ms)")
    return 0 if written is not None else 1
