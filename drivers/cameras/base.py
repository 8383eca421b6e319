"""What every camera driver provides: the latest frame, with a timeout.

A frame is an OpenCV-style image (``numpy`` array, height × width × 3, BGR, ``uint8``): the
form the page processing in :mod:`kiosk.documents.scan` works on. Drivers are blocking; the
terminal calls them from the camera's worker thread, never from the GUI thread.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Protocol

from drivers.errors import DeviceError


class CameraError(DeviceError, RuntimeError):
    """The camera cannot be used; ``reason``: ``unreachable`` (cannot be opened) or
    ``unplugged`` (it stopped answering: the cable is out)."""

    reason = "unreachable"


@dataclass(frozen=True)
class Frame:
    """One picture from the camera and when it was taken (``time.monotonic()``)."""

    image: Any  # numpy.ndarray, H x W x 3, BGR, uint8
    taken_at: float

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) in pixels."""
        height, width = self.image.shape[:2]
        return int(width), int(height)


class Camera(Protocol):
    """A document camera. Blocking; call from its worker thread."""

    uri: str

    def open(self) -> None:
        """Start capturing; raises :class:`CameraError`."""

    def frame(self, timeout_s: float) -> Frame | None:
        """The newest frame, or None when none came within ``timeout_s``; raises
        :class:`CameraError` (``unplugged``) when the camera is gone."""

    def close(self) -> None:
        """Stop capturing; safe to call twice."""

    # Optional: ``check(timeout_s) -> None`` says the open camera still answers without
    # making a picture (a UVC camera's grab without decoding); it raises what ``frame``
    # raises. While no page is looked at, the worker probes the cable with it every few
    # seconds; a driver without it is probed with ``frame``.


class SimulatedPlug:
    """The cable of a simulated camera: tests and the demo pull it out and put it back.
    ``_lock`` guards the camera's state, ``_plugged`` is what the camera checks."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._plugged = True

    def unplug(self) -> None:
        with self._lock:
            self._plugged = False

    def plug(self) -> None:
        with self._lock:
            self._plugged = True
