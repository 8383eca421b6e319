"""``sim:`` — a document camera looking at a desk, from pictures on disk.

It serves the pictures of a folder (default ``assets/camera/``, made by
``python -m tools.camera_samples``): a sample document photographed flat, at an angle with a
shadow, out of focus, under a lamp's glare, and the empty desk. ``sim:?scene=angled`` starts
on one of them; :meth:`SimCamera.show` changes what lies under the camera (tests, the demo,
``kioskctl simulate camera``); :meth:`SimCamera.unplug` and :meth:`SimCamera.plug` act out the
cable. Each frame gets a little sensor noise so no two are identical, as with a real camera.

With a ``control`` file (``sim:?control=FILE``) another process drives it: the file holds one
word — a scene, ``unplug`` or ``plug`` — and is read again whenever it changed, before each
frame. ``kioskctl simulate camera`` writes it from what is typed on its standard input.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from drivers.cameras.base import CameraError, Frame, SimulatedPlug

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "assets" / "camera"
SCENES = ("flat", "angled", "blurred", "glare", "empty")


class SimCamera(SimulatedPlug):
    """A simulated camera over pictures ``<scene>.jpg`` in ``folder``."""

    def __init__(
        self,
        uri: str,
        folder: Path = DEFAULT_FOLDER,
        scene: str = "angled",
        control: Path | None = None,
    ) -> None:
        super().__init__()
        self.uri = uri
        self.folder = folder
        self.control = control
        self._control_seen: tuple[int, int] | None = None  # (mtime_ns, size) last applied
        self._scene = scene
        self._images: dict[str, Any] = {}
        self._open = False
        self._seed = 0

    def scenes(self) -> list[str]:
        """The scenes this folder has."""
        return sorted(p.stem for p in self.folder.glob("*.jpg"))

    def show(self, scene: str) -> None:
        """Put ``scene`` under the camera."""
        if scene not in self.scenes():
            raise ValueError(f"no camera scene {scene!r} in {self.folder}")
        with self._lock:
            self._scene = scene

    def _follow_control(self) -> None:
        """Apply the control file's word if it changed since last read (cheap: one stat)."""
        if self.control is None:
            return
        try:
            st = self.control.stat()
        except OSError:
            return  # not written yet: nothing to follow
        seen = (st.st_mtime_ns, st.st_size)
        if seen == self._control_seen:
            return
        self._control_seen = seen
        try:
            word = self.control.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return
        if word == "unplug":
            self.unplug()
        elif word == "plug":
            self.plug()
        elif word in self.scenes():
            self.show(word)

    def open(self) -> None:
        self._follow_control()
        with self._lock:
            if not self._plugged:
                raise CameraError("simulated camera is unplugged", "unreachable")
            self._open = True

    def check(self, timeout_s: float) -> None:
        """The cable and the open state, without a picture (nor OpenCV loaded for one)."""
        self._follow_control()
        with self._lock:
            self._answering()

    def _answering(self) -> None:
        if not self._plugged:
            self._open = False
            raise CameraError("simulated camera was unplugged", "unplugged")
        if not self._open:
            raise CameraError("simulated camera is not open", "unreachable")

    def frame(self, timeout_s: float) -> Frame | None:
        import cv2
        import numpy as np

        self._follow_control()
        with self._lock:
            self._answering()
            scene = self._scene
            image = self._images.get(scene)
            if image is None:
                image = cv2.imread(str(self.folder / f"{scene}.jpg"), cv2.IMREAD_COLOR)
                if image is None:
                    raise CameraError(f"camera scene {scene!r} is unreadable", "unreachable")
                self._images[scene] = image
            self._seed += 1
            seed = self._seed
        noise = np.random.default_rng(seed).integers(-3, 4, image.shape, dtype=np.int16)
        noisy = np.clip(image.astype(np.int16) + noise, 0, 255).astype(np.uint8)
        return Frame(noisy, time.monotonic())

    def close(self) -> None:
        with self._lock:
            self._open = False
