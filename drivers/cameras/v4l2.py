"""UVC document cameras through Video4Linux2, captured with OpenCV.

``v4l2:/dev/video0?width=2592&height=1944&fourcc=MJPG``. Most 高拍仪 are UVC devices that give
their full resolution only as MJPEG; ``fourcc`` asks for it. OpenCV is used rather than a
bare V4L2 binding because the page processing needs it anyway, and its V4L2 backend handles
format negotiation, MJPEG decoding and buffer queues. A read that fails after the camera was
open means the camera is gone (unplugged): the handle is dropped so the next
:meth:`V4l2Camera.open` finds it again when it is plugged back.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from drivers.cameras.base import CameraError, Frame

log = logging.getLogger(__name__)


class V4l2Camera:
    """One V4L2 capture device."""

    def __init__(
        self, device: str, uri: str, width: int = 0, height: int = 0, fourcc: str = ""
    ) -> None:
        self.device = device
        self.uri = uri
        self.width, self.height, self.fourcc = width, height, fourcc
        self._capture: Any = None
        self._lock = threading.Lock()

    def open(self) -> None:
        import cv2

        with self._lock:
            if self._capture is not None:
                return
            if not Path(self.device).exists():
                raise CameraError(f"{self.device} does not exist", "unreachable")
            capture = cv2.VideoCapture(self.device, cv2.CAP_V4L2)
            if not capture.isOpened():
                capture.release()
                raise CameraError(f"{self.device} cannot be opened", "unreachable")
            if self.fourcc:
                capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*self.fourcc[:4].ljust(4)))
            if self.width and self.height:
                capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
                capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
            capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # the newest frame, not a stale one
            self._capture = capture

    def frame(self, timeout_s: float) -> Frame | None:
        image = self._next(timeout_s, decode=True)
        return None if image is None else Frame(image, time.monotonic())

    def check(self, timeout_s: float) -> None:
        """The cable, from a frame grabbed but not decoded (a 5 MP MJPEG decode spared)."""
        self._next(timeout_s, decode=False)

    def _next(self, timeout_s: float, decode: bool) -> Any:
        """The next frame's image (``decode``), or True once one was grabbed; None when none
        came within ``timeout_s``. A camera whose device node went away is unplugged."""
        with self._lock:
            capture = self._capture
            if capture is None:
                raise CameraError(f"{self.device} is not open", "unreachable")
            deadline = time.monotonic() + timeout_s
            while True:
                if decode:
                    ok, image = capture.read()
                else:
                    ok, image = capture.grab(), True
                if ok and image is not None:
                    return image
                if not Path(self.device).exists() or time.monotonic() >= deadline:
                    break
                time.sleep(0.02)
            gone = not Path(self.device).exists()
            if gone:
                capture.release()
                self._capture = None
                raise CameraError(f"{self.device} stopped answering", "unplugged")
            return None

    def close(self) -> None:
        with self._lock:
            if self._capture is not None:
                self._capture.release()
                self._capture = None
