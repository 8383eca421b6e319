"""人证核验: is the live face in front of the camera the card holder's?

:class:`FaceCheck` holds one citizen's reference photo (from central's reference registry, or
the card's own photo when a WLT decoder is installed) and runs checks on camera frames:

1. each frame: faces found by dlib's HOG detector (on the frame shrunk to
   ``detect_width``), then the 68 landmarks of the one face;
2. match: the 128-d embedding of a frame's face (dlib's ResNet) within ``match_distance``
   (euclidean) of the reference's;
3. liveness: the challenge's actions (blink, turn left or right) seen in the landmarks, in
   order (:mod:`kiosk.face.liveness`).

The check passes when both hold; it fails with a reason as soon as the answer is known (two
faces, another person), else when the frames or the time run out (no face, not live, timeout).
After ``max_failures`` failed checks the result says to send the citizen to a staffed window.

Images stay in memory for the check only: nothing here writes a frame or the reference to disk
or logs one; a result holds the decision, the distance and the time, nothing personal.

Measured on the simulated sequences with the defaults (``python -m tools.face_trials 10``:
10 seeds × 10 kinds of check, 100 checks): false rejects 0 of 20 (the holder live, asked to
blink and turn left, or blink and turn right); false accepts 0 of 80 (the holder's printed
photo asked to blink and turn, to turn left only, to turn right only: 30, all "not_live";
the holder turning only right asked to turn left: 10; two other people: 20, "not_holder";
two people in view: 10; nobody: 10). Embedding distances to the reference: holder live
0.327–0.342, the printed holder photo 0.05–0.26 (stopped by liveness alone), other people
0.827 and more. Three identities only: these counts say the pieces work together, not what
the false-accept rate of a hall's population would be.
"""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from kiosk.face.geometry import Point, eye_aspect_ratio, nose_position
from kiosk.face.liveness import Action, Challenge, LivenessTracker
from kiosk.face.models import FaceModels
from kiosk.face.settings import FaceCheckSettings

log = logging.getLogger(__name__)

# What the citizen is asked to do at a moment of a check: face the camera, or an action.
Step = Action | Literal["look", "done"]
Reason = Literal["no_face", "several_faces", "not_holder", "not_live", "timeout", "bad_reference"]

# What the screen says for each failure.
REASONS: dict[str, str] = {
    "no_face": "未检测到人脸，请正对摄像头",
    "several_faces": "镜头前有多人，请仅本人面对摄像头",
    "not_holder": "人脸与证件照片不一致",
    "not_live": "未能完成动作核验，请按提示操作",
    "timeout": "核验超时，请重试",
    "bad_reference": "无法读取证件照片",
}
TO_WINDOW = "请到人工窗口办理"


@dataclass(frozen=True)
class FaceResult:
    """How a check ended. ``distance``: the embedding distance to the reference (smaller is
    more alike; None when no face was compared)."""

    passed: bool
    reason: Reason | None
    distance: float | None
    elapsed_s: float
    frames: int
    failures: int  # failed checks so far for this citizen, this one included
    to_window: bool  # too many failures: send the citizen to a staffed window


@dataclass
class _Progress:
    frames: int = 0
    face_frames: int = 0
    several_run: int = 0
    distances: list[float] | None = None


class FaceCheck:
    """Checks for one citizen against one reference photo (JPEG or PNG bytes)."""

    def __init__(
        self,
        models: FaceModels,
        settings: FaceCheckSettings,
        reference: bytes,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.models = models
        self.settings = settings
        self.failures = 0
        self._reference: bytes | None = reference
        self._embedding: Any = None  # numpy array, made on the first check
        self._clock = clock

    def prepare(self) -> bool:
        """Load the models and read the reference now (e.g. while the citizen is asked to
        look at the camera); False if the reference has no single face."""
        if self._embedding is None and self._reference is not None:
            import cv2
            import numpy as np

            data = np.frombuffer(self._reference, dtype=np.uint8)
            self._reference = None  # keep nothing but the embedding
            image = cv2.imdecode(data, cv2.IMREAD_COLOR)
            if image is not None:
                faces = self._faces(image, upsample=1)
                if len(faces) == 1:
                    self._embedding = self._embed(image, faces[0])
        return self._embedding is not None

    def run(
        self,
        frames: Iterable[Any],
        challenge: Challenge,
        on_step: Callable[[Step], None] | None = None,
    ) -> FaceResult:
        """Check the faces of ``frames`` (BGR images) against the reference. ``on_step`` is
        told what the citizen should do now, each time that changes: ``look`` (face the
        camera), then the challenge's actions in order (on the checking thread)."""
        progress = _Progress(distances=[])
        step: Step = "look"
        if on_step is not None:
            on_step(step)
        ready = self.prepare()
        started = self._clock()  # from the first frame: the reference is read beforehand
        if not ready:
            return self._end(False, "bad_reference", progress, started)
        tracker = LivenessTracker(challenge, self.settings)
        limit = self.settings
        for image in frames:
            progress.frames += 1
            reason = self._look(image, progress, tracker)
            now = self._step(progress, tracker)
            if on_step is not None and now != step and reason is None:
                on_step(now)
            step = now
            if reason is not None:
                return self._end(False, reason, progress, started)
            if tracker.complete and self._matched(progress) is True:
                return self._end(True, None, progress, started)
            if progress.frames >= limit.max_frames or self._clock() - started > limit.timeout_s:
                break
        if progress.face_frames * 5 < progress.frames or progress.face_frames == 0:
            return self._end(False, "no_face", progress, started)
        if not tracker.complete:
            return self._end(False, "not_live", progress, started)
        return self._end(False, "timeout", progress, started)

    def _look(self, image: Any, progress: _Progress, tracker: LivenessTracker) -> Reason | None:
        """One frame; the reason to stop now, if any."""
        import cv2

        faces = self._faces(image, upsample=0)
        if len(faces) > 1:
            progress.several_run += 1
            if progress.several_run >= self.settings.several_faces_frames:
                return "several_faces"
            return None
        progress.several_run = 0
        if not faces:
            return None
        progress.face_frames += 1
        gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        _, predictor, _ = self.models.get()
        shape = predictor(gray, faces[0])
        points: list[Point] = [(shape.part(i).x, shape.part(i).y) for i in range(68)]
        tracker.add(eye_aspect_ratio(points), nose_position(points))
        distances = progress.distances
        assert distances is not None
        # Compared while the citizen still faces the camera, before the first action.
        if len(distances) < self.settings.match_frames and tracker.done == 0:
            distances.append(self._distance(image, faces[0]))
            if self._matched(progress) is False:
                return "not_holder"
        return None

    def _step(self, progress: _Progress, tracker: LivenessTracker) -> Step:
        """``look`` until the face was compared with the reference, then the action asked."""
        if len(progress.distances or []) < self.settings.match_frames:
            return "look"
        return tracker.waiting_for or "done"

    def _matched(self, progress: _Progress) -> bool | None:
        """True/False once enough frames were compared; None before."""
        distances = progress.distances or []
        if len(distances) < self.settings.match_frames:
            return None
        return statistics.median(distances) <= self.settings.match_distance

    def _faces(self, image: Any, upsample: int) -> list[Any]:
        """The faces' rectangles in ``image``'s own pixels."""
        import cv2
        import dlib

        detector, _, _ = self.models.get()
        gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        height, width = gray.shape
        scale = min(1.0, self.settings.detect_width / width)
        small = cv2.resize(gray, (round(width * scale), round(height * scale)))
        found = detector(small, upsample)
        return [
            dlib.rectangle(
                round(r.left() / scale),
                round(r.top() / scale),
                round(r.right() / scale),
                round(r.bottom() / scale),
            )
            for r in found
        ]

    def _embed(self, image: Any, face: Any) -> Any:
        import cv2
        import numpy as np

        _, predictor, network = self.models.get()
        rgb = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
        return np.array(network.compute_face_descriptor(rgb, predictor(rgb, face)))

    def _distance(self, image: Any, face: Any) -> float:
        import numpy as np

        return float(np.linalg.norm(self._embed(image, face) - self._embedding))

    def _end(
        self, passed: bool, reason: Reason | None, progress: _Progress, started: float
    ) -> FaceResult:
        if not passed:
            self.failures += 1
        distances = progress.distances or []
        result = FaceResult(
            passed=passed,
            reason=reason,
            distance=round(statistics.median(distances), 4) if distances else None,
            elapsed_s=round(self._clock() - started, 3),
            frames=progress.frames,
            failures=self.failures,
            to_window=not passed and self.failures >= self.settings.max_failures,
        )
        log.info(
            "face check: passed=%s reason=%s distance=%s elapsed=%.2fs frames=%d",
            result.passed,
            result.reason,
            result.distance,
            result.elapsed_s,
            result.frames,
        )
        return result


def camera_frames(camera: Any, frame_timeout_s: float = 1.0) -> Iterator[Any]:
    """The images of a :class:`drivers.cameras.base.Camera` until it gives none; opens it
    first and closes it when the check stops reading."""
    camera.open()
    try:
        while True:
            frame = camera.frame(frame_timeout_s)
            if frame is None:
                return
            yield frame.image
    finally:
        camera.close()
