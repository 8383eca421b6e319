"""``sim:face`` — a face camera in front of a simulated citizen.

``sim:face?seq=holder-live&seed=3`` serves the frames of one of the sequences of
:mod:`drivers.cameras.face_frames` (the card holder live, blinking and turning; the holder's
printed photo held up; another person; two people; nobody), over and over. Another ``seed``
gives the same story with other motion and timing. :meth:`SimFaceCamera.show` changes the
sequence (tests, the demo); :meth:`unplug` and :meth:`plug` act out the cable.
"""

from __future__ import annotations

import time
from pathlib import Path

from drivers.cameras.base import CameraError, Frame, SimulatedPlug
from drivers.cameras.face_frames import SEQUENCES, FaceScenes, Pose, Script, poses

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "assets" / "faces"


class SimFaceCamera(SimulatedPlug):
    """A simulated face camera serving sequence ``seq`` made with ``seed``."""

    def __init__(
        self, uri: str, folder: Path = DEFAULT_FOLDER, seq: str = "holder-live", seed: int = 0
    ) -> None:
        if seq not in SEQUENCES:
            raise ValueError(f"no face sequence {seq!r}; known: {', '.join(SEQUENCES)}")
        super().__init__()
        self.uri = uri
        self._scenes = FaceScenes(folder)
        self._open = False
        self._index = 0
        self._seed = seed
        self._script: Script = SEQUENCES[seq]
        self._poses: list[Pose] = []
        self.sequence = seq

    def show(self, seq: str, seed: int | None = None) -> None:
        """Put sequence ``seq`` in front of the camera, from its first frame."""
        if seq not in SEQUENCES:
            raise ValueError(f"no face sequence {seq!r}")
        with self._lock:
            self.sequence, self._script, self._poses, self._index = seq, SEQUENCES[seq], [], 0
            if seed is not None:
                self._seed = seed

    def open(self) -> None:
        with self._lock:
            if not self._plugged:
                raise CameraError("simulated face camera is unplugged", "unreachable")
            self._open = True

    def frame(self, timeout_s: float) -> Frame | None:
        with self._lock:
            if not self._plugged:
                self._open = False
                raise CameraError("simulated face camera was unplugged", "unplugged")
            if not self._open:
                raise CameraError("simulated face camera is not open", "unreachable")
            if not self._poses:
                self._poses = poses(self._script, self._seed)
            index = self._index
            self._index += 1
            script, pose = self._script, self._poses[index % len(self._poses)]
            seed = self._seed * 100_003 + index
        return Frame(self._scenes.frame(script, pose, seed), time.monotonic())

    def close(self) -> None:
        with self._lock:
            self._open = False
