"""One thread per document camera (高拍仪): preview frames while a scan page shows, a page on
request, and hot-plug.

The worker keeps the camera open. While nobody looks (``set_preview(False)``) it probes it
every ``probe_s`` only to notice a pulled cable: with the driver's ``check`` when it has one
(no picture decoded; the simulator does not even load OpenCV), else with one ``frame``.
While a scan page shows it sends ``on_frame`` a small JPEG of the newest frame about ``fps``
times a second. :meth:`capture` asks for one page: the next frame goes through
:func:`kiosk.documents.scan.scan_page` on this thread and the outcome comes back as
``on_page`` (a :class:`~kiosk.documents.scan.PageScan`) or ``on_refused`` (a reason of
:data:`~kiosk.documents.scan.REASONS`).

A camera that fails is reported once through ``on_lost`` and reopened every
``reopen_interval_s``; ``on_back`` says it works (also after the first open). Every driver
call runs under a deadline (:class:`~kiosk.devices.guard.DeviceGuard`). Callbacks run on the
worker thread; ``ui/bridge.py`` re-posts them to the GUI thread. Frames and pages are
personal data: they are handed on in memory and never logged or written here.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from drivers.cameras.base import Camera, CameraError
from kiosk.devices.guard import DeviceGuard, DeviceTimeout
from kiosk.documents.scan import PageScan, ScanRejected, scan_page

log = logging.getLogger(__name__)

PREVIEW_LONG_SIDE = 640  # pixels of a preview frame's long side
PREVIEW_QUALITY = 70


@dataclass
class CameraCallbacks:
    """Where the camera's events go (the UI replaces these; they run on the camera thread)."""

    on_frame: Callable[[bytes], None] = lambda _jpeg: None
    on_page: Callable[[PageScan], None] = lambda _page: None
    on_refused: Callable[[str], None] = lambda _reason: None
    on_lost: Callable[[str], None] = lambda _reason: None
    on_back: Callable[[], None] = lambda: None


def preview_jpeg(image: Any, long_side: int = PREVIEW_LONG_SIDE) -> bytes:
    """A small JPEG of a BGR frame for the screen's live preview."""
    import cv2

    height, width = image.shape[:2]
    scale = min(1.0, long_side / max(height, width))
    if scale < 1.0:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, PREVIEW_QUALITY])
    if not ok:
        raise ValueError("the preview frame could not be encoded")
    return bytes(data.tobytes())


class CameraWorker:
    """Drives ``camera`` on its own thread until stopped."""

    def __init__(
        self,
        camera: Camera,
        callbacks: Callable[[], CameraCallbacks],
        *,
        fps: float = 8.0,
        probe_s: float = 3.0,
        frame_timeout_s: float = 1.0,
        reopen_interval_s: float = 2.0,
        call_margin_s: float = 5.0,
    ) -> None:
        self.camera = camera
        self._uri = str(getattr(camera, "uri", "?"))
        self._guard = DeviceGuard(f"camera {self._uri}")
        self._callbacks = callbacks  # looked up at each event: the UI may replace them
        self._interval = 1.0 / fps
        self._probe_s = probe_s
        self._frame_timeout = frame_timeout_s
        self._reopen_s = reopen_interval_s
        self._margin = call_margin_s
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._preview = threading.Event()
        self._capture = threading.Event()
        self._thread: threading.Thread | None = None
        # Why the camera cannot be used now ("" while it answers); read by the staff screen.
        self.lost_reason = ""

    def start(self) -> None:
        """Start the thread."""
        thread = threading.Thread(target=self._run, name="camera", daemon=True)
        thread.start()  # before it is published: stop() never joins an unstarted one
        self._thread = thread

    def stop(self, timeout_s: float = 5.0) -> None:
        """Stop the thread and close the camera."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
        self._close()
        self._guard.close()

    def set_preview(self, on: bool) -> None:
        """Send preview frames (a scan page shows) or stop sending them. Any thread."""
        if on:
            self._preview.set()
        else:
            self._preview.clear()
            self._capture.clear()
        self._wake.set()

    def capture(self) -> None:
        """Take the next frame as a page; the outcome comes as ``on_page`` or ``on_refused``.
        Any thread; a request while one is pending is the same request."""
        self._capture.set()
        self._wake.set()

    @property
    def previewing(self) -> bool:
        """Whether preview frames are being sent."""
        return self._preview.is_set()

    def _close(self) -> None:
        try:
            self._guard.call("close", self.camera.close, self._margin)
        except Exception as exc:
            log.warning("closing camera %s failed: %s", self._uri, exc)

    def _lose(self, exc: BaseException, lost: bool) -> None:
        reason = getattr(exc, "reason", "") or "unreachable"
        self.lost_reason = reason
        if not lost:
            log.warning("camera %s lost: %s", self._uri, exc)
            self._call("on_lost", reason)
        self._close()

    def _run(self) -> None:
        opened = False
        lost = False
        first = True
        while not self._stop.is_set():
            if not opened:
                try:
                    self._guard.call("open", self.camera.open, self._margin)
                except (CameraError, DeviceTimeout) as exc:
                    self._lose(exc, lost)
                    lost = True
                    self._stop.wait(self._reopen_s)
                    continue
                except Exception as exc:  # a driver bug must not end the worker
                    log.error("camera %s failed to open: %s", self._uri, type(exc).__name__)
                    self._stop.wait(self._reopen_s)
                    continue
                opened = True
                self.lost_reason = ""
                if lost or first:
                    lost = first = False
                    self._call("on_back")
            self._wake.clear()
            started = time.monotonic()
            # A page is taken from a frame read after it was asked for, never an older one.
            asked = self._capture.is_set()
            check = getattr(self.camera, "check", None)
            try:
                if check is not None and not asked and not self._preview.is_set():
                    # Nobody looks: only whether the cable is still in, without a picture.
                    self._guard.call(
                        "check",
                        functools.partial(check, self._frame_timeout),
                        self._frame_timeout + self._margin,
                    )
                    frame = None
                else:
                    frame = self._guard.call(
                        "frame",
                        lambda: self.camera.frame(self._frame_timeout),
                        self._frame_timeout + self._margin,
                    )
            except (CameraError, DeviceTimeout) as exc:
                self._lose(exc, lost)
                lost, opened = True, False
                self._stop.wait(self._reopen_s)
                continue
            except Exception as exc:
                log.error("camera %s failed: %s", self._uri, type(exc).__name__)
                self._stop.wait(self._reopen_s)
                continue
            if frame is not None and asked and self._capture.is_set():
                self._capture.clear()
                self._process(frame.image)
            elif frame is not None and self._preview.is_set():
                try:
                    self._call("on_frame", preview_jpeg(frame.image))
                except Exception as exc:
                    log.error("camera preview failed: %s", type(exc).__name__)
            if self._capture.is_set():
                continue
            # The frame's own time (reading, encoding) counts towards the preview's interval.
            period = self._interval if self._preview.is_set() else self._probe_s
            self._wake.wait(max(0.0, period - (time.monotonic() - started)))

    def _process(self, image: Any) -> None:
        try:
            page = scan_page(image)
        except ScanRejected as exc:
            log.info("scan refused: %s", exc.reason)
            self._call("on_refused", exc.reason)
            return
        except Exception as exc:  # never an image or its text in the log
            log.error("scan processing failed: %s", type(exc).__name__)
            self._call("on_refused", "failed")
            return
        self._call("on_page", page)

    def _call(self, name: str, *args: object) -> None:
        try:
            getattr(self._callbacks(), name)(*args)
        except Exception:  # a broken listener must not stop the camera
            log.exception("camera listener failed")
