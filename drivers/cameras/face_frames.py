"""Recorded-like frame sequences for the simulated face camera, made from still photos.

A sequence is a list of per-frame poses computed from a seed; each frame is drawn when asked,
from the photos and their 68 landmarks in ``assets/faces`` (see its README.md), so a
sequence is the same on every machine and nothing but the photos is on disk.

- A live person (``holder-live`` …): small natural motion (sway, breathing scale, a little
  roll), blinks painted from the eye landmarks (the upper lid drawn down onto the lower one)
  and head turns: the face is warped as a rounded surface turning about a vertical axis, so
  the nose moves further than the face's outline, as a real head's does.
- The holder's printed photo held up (``holder-photo``): the photo on white paper, moved,
  rolled and tilted as one flat rigid sheet (a perspective view of a plane), with a lamp's
  glare; no blink, no turn of the face inside it.
- ``two-faces`` (two people in view) and ``empty`` (nobody).

A turn "left" is the citizen's own left: seen by the (unmirrored) camera the nose moves
towards the right of the picture.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 640, 480
LENGTH = 48  # frames in one pass of a sequence (about 3 s at 15 frames/s)
FACE_WIDTH = 150  # pixels from one side of the jaw to the other, at rest


@dataclass(frozen=True)
class Script:
    """Who is in view and what they do."""

    people: tuple[str, ...]  # photo names; () for nobody
    actions: tuple[str, ...] = ()  # "blink", "left", "right", in order
    printed: bool = False


SEQUENCES: dict[str, Script] = {
    "holder-live": Script(("holder-live",), ("blink", "left", "blink", "right")),
    "holder-right": Script(("holder-live",), ("blink", "right")),
    "holder-still": Script(("holder-live",)),
    "holder-photo": Script(("holder-id",), printed=True),
    "other-a-live": Script(("other-a",), ("blink", "left", "blink", "right")),
    "other-b-live": Script(("other-b",), ("blink", "left", "blink", "right")),
    "two-faces": Script(("holder-live", "other-a"), ("blink", "left")),
    "empty": Script(()),
}


@dataclass(frozen=True)
class Pose:
    """Where a face is in one frame and what it does."""

    dx: float
    dy: float
    scale: float
    roll_deg: float
    eyes_closed: float  # 0 open … 1 shut
    yaw: float  # radians; > 0 the citizen's left
    tilt_deg: float  # the paper's tilt about its vertical axis (printed photos only)
    glare: tuple[float, float, float]  # x, y (0..1 of the frame), strength


def _action_curves(actions: tuple[str, ...], offset: int) -> tuple[list[float], list[float]]:
    """Per frame: how shut the eyes are and the yaw, for ``actions`` spread over a pass."""
    closed = [0.0] * LENGTH
    yaw = [0.0] * LENGTH
    if not actions:
        return closed, yaw
    slot = LENGTH // (len(actions) + 1)
    for k, action in enumerate(actions):
        start = (offset + slot // 2 + k * slot) % LENGTH
        if action == "blink":
            for i, amount in enumerate((0.5, 1.0, 1.0, 0.4)):
                closed[(start + i) % LENGTH] = amount
        else:
            sign = 1.0 if action == "left" else -1.0
            for i, amount in enumerate((0.3, 0.65, 1.0, 1.0, 1.0, 0.65, 0.3)):
                yaw[(start + i) % LENGTH] = sign * 0.5 * amount  # about 30 degrees
    return closed, yaw


def poses(script: Script, seed: int) -> list[Pose]:
    """The poses of one pass of ``script``; another ``seed`` moves, times and phases it
    differently."""
    import numpy as np

    rng = np.random.default_rng(seed)
    phase = rng.uniform(0, 2 * math.pi, 4)
    closed, yaw = _action_curves(script.actions, int(rng.integers(0, 6)))
    amplitude = 22.0 if script.printed else 6.0
    out = []
    for i in range(LENGTH):
        t = 2 * math.pi * i / LENGTH
        out.append(
            Pose(
                dx=amplitude * math.sin(t + phase[0]) + float(rng.normal(0, 0.8)),
                dy=amplitude * 0.6 * math.sin(2 * t + phase[1]) + float(rng.normal(0, 0.8)),
                scale=1.0 + (0.06 if script.printed else 0.02) * math.sin(t + phase[2]),
                roll_deg=(8.0 if script.printed else 2.0) * math.sin(t + phase[3]),
                eyes_closed=closed[i],
                yaw=yaw[i],
                tilt_deg=28.0 * math.sin(2 * t + phase[2]) if script.printed else 0.0,
                glare=(0.5 + 0.3 * math.sin(t + phase[1]), 0.4, 0.8 if script.printed else 0.0),
            )
        )
    return out


class FaceScenes:
    """The photos and their landmarks; draws frames of any sequence."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._points: dict[str, Any] = {}
        self._photos: dict[str, Any] = {}

    def _photo(self, name: str) -> tuple[Any, Any]:
        import cv2
        import numpy as np

        if not self._points:
            raw = json.loads((self.folder / "landmarks.json").read_text(encoding="utf-8"))
            self._points = {k: np.array(v, dtype=np.float32) for k, v in raw.items()}
        if name not in self._photos:
            image = cv2.imread(str(self.folder / f"{name}.jpg"), cv2.IMREAD_COLOR)
            if image is None or name not in self._points:
                raise FileNotFoundError(f"face photo {name!r} is missing in {self.folder}")
            self._photos[name] = image
        return self._photos[name], self._points[name]

    def frame(self, script: Script, pose: Pose, seed: int) -> Any:
        """One BGR frame (HEIGHT × WIDTH × 3, uint8) of ``script`` in ``pose``."""
        import numpy as np

        canvas = _wall(seed)
        count = len(script.people)
        for k, name in enumerate(script.people):
            photo, points = self._photo(name)
            centre_x = WIDTH * (k + 1) / (count + 1)
            size = FACE_WIDTH * (0.8 if count > 1 else 1.0)
            if script.printed:
                _printed(canvas, photo, points, pose, centre_x, size)
            else:
                face = _close_eyes(photo, points, pose.eyes_closed)
                face = _turn(face, points, pose.yaw)
                _place(canvas, face, points, pose, centre_x, size)
        if pose.glare[2] > 0:
            _glare(canvas, pose.glare)
        noise = np.random.default_rng(seed).integers(-3, 4, canvas.shape, dtype=np.int16)
        return np.clip(canvas.astype(np.int16) + noise, 0, 255).astype(np.uint8)


def _wall(seed: int) -> Any:
    """A plain, evenly lit wall behind the citizen."""
    import numpy as np

    rows = np.linspace(205, 170, HEIGHT, dtype=np.float32)[:, None]
    wall = np.repeat(rows, WIDTH, axis=1)
    tint = np.array([1.0, 0.97, 0.93], dtype=np.float32)
    return (wall[:, :, None] * tint).astype(np.uint8)


def _close_eyes(photo: Any, points: Any, amount: float) -> Any:
    """``photo`` with both upper eyelids drawn ``amount`` of the way down (1: shut)."""
    import cv2
    import numpy as np

    if amount <= 0:
        return photo
    out = photo.copy()
    for first in (36, 42):
        eye = points[first : first + 6]
        corner_a, upper, corner_b, lower = eye[0], eye[1:3], eye[3], eye[4:6][::-1]
        lid = upper + 0.9 * amount * (lower - upper)  # a shut eye's lash line sits low
        height = float(np.linalg.norm(corner_b - corner_a)) * 0.45
        below = np.mean(eye, axis=0) + np.array([0.0, 1.6 * height])
        x, y = int(below[0]), int(below[1])
        patch = photo[y - 3 : y + 4, x - 6 : x + 7].reshape(-1, 3)
        skin = tuple(int(v) for v in np.median(patch, axis=0))
        hidden = np.vstack([corner_a, upper, corner_b, lid[::-1]]).astype(np.int32)
        cv2.fillPoly(out, [hidden], skin)
        cv2.polylines(out, [hidden], True, skin, 2)
        line = np.vstack([corner_a, lid, corner_b]).astype(np.int32)
        lash = tuple(int(v * 0.35) for v in skin)
        cv2.polylines(out, [line], False, lash, 3, cv2.LINE_AA)
    return out


def _turn(photo: Any, points: Any, yaw: float) -> Any:
    """``photo`` with the head turned by ``yaw``: each point moves sideways by its depth on a
    rounded head (plus the nose standing out), the outline hardly at all."""
    import cv2
    import numpy as np

    if yaw == 0:
        return photo
    height, width = photo.shape[:2]
    left, right = points[0][0], points[16][0]
    centre_x = (left + right) / 2
    half_w = (right - left) / 2
    centre_y = (points[27][1] + points[8][1]) / 2
    half_h = (points[8][1] - points[27][1]) * 0.85
    nose = points[30]
    xs, ys = np.meshgrid(np.arange(width, dtype=np.float32), np.arange(height, dtype=np.float32))
    u = (xs - centre_x) / (half_w * 1.2)
    v = (ys - centre_y) / (half_h * 1.25)
    depth = np.clip(1 - u * u - v * v, 0, 1) ** 0.75
    sigma = half_w * 0.22
    depth += 0.4 * np.exp(-((xs - nose[0]) ** 2 + (ys - nose[1]) ** 2) / (2 * sigma * sigma))
    shift = math.sin(yaw) * half_w * depth
    return cv2.remap(photo, xs - shift, ys, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _similarity(points: Any, pose: Pose, centre_x: float, size: float) -> Any:
    """The 2 × 3 matrix putting the face of ``points`` at ``centre_x`` with width ``size``."""
    import cv2

    face_width = float(points[16][0] - points[0][0])
    centre = (float(points[27][0]), float(points[27][1] + 0.3 * face_width))
    matrix = cv2.getRotationMatrix2D(centre, pose.roll_deg, pose.scale * size / face_width)
    matrix[0, 2] += centre_x + pose.dx - centre[0]
    matrix[1, 2] += HEIGHT * 0.45 + pose.dy - centre[1]
    return matrix


def _place(canvas: Any, photo: Any, points: Any, pose: Pose, centre_x: float, size: float) -> None:
    """Paste ``photo`` onto ``canvas``, its face at ``centre_x``."""
    import cv2
    import numpy as np

    matrix = _similarity(points, pose, centre_x, size)
    warped = cv2.warpAffine(photo, matrix, (WIDTH, HEIGHT))
    mask = cv2.warpAffine(np.full(photo.shape[:2], 255, np.uint8), matrix, (WIDTH, HEIGHT))
    canvas[mask > 127] = warped[mask > 127]


def _printed(
    canvas: Any, photo: Any, points: Any, pose: Pose, centre_x: float, size: float
) -> None:
    """The photo printed on white paper and held up: one flat sheet, moved and tilted."""
    import cv2
    import numpy as np

    border = 14
    paper = cv2.copyMakeBorder(photo, *(border,) * 4, cv2.BORDER_CONSTANT, value=(238, 240, 242))
    shifted = points + border
    matrix = _similarity(shifted, pose, centre_x, size)
    h, w = paper.shape[:2]
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    flat = cv2.transform(corners[None], matrix)[0]
    middle = flat.mean(axis=0)
    tilt = math.radians(pose.tilt_deg)
    distance = 4.0 * w
    seen = []
    for x, y in flat - middle:  # rotate the sheet about its vertical axis, then project
        depth = x * math.sin(tilt)
        factor = distance / (distance + depth)
        seen.append([middle[0] + x * math.cos(tilt) * factor, middle[1] + y * factor])
    homography = cv2.getPerspectiveTransform(corners, np.array(seen, dtype=np.float32))
    warped = cv2.warpPerspective(paper, homography, (WIDTH, HEIGHT))
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), homography, (WIDTH, HEIGHT))
    canvas[mask > 127] = warped[mask > 127]


def _glare(canvas: Any, glare: tuple[float, float, float]) -> None:
    """A lamp's reflection: a soft bright spot."""
    import numpy as np

    x0, y0, strength = glare[0] * WIDTH, glare[1] * HEIGHT, glare[2]
    ys, xs = np.ogrid[:HEIGHT, :WIDTH]
    spot = strength * 120 * np.exp(-((xs - x0) ** 2 / 1800 + (ys - y0) ** 2 / 900))
    lit = canvas.astype(np.float32) + spot[:, :, None]
    canvas[:] = np.clip(lit, 0, 255).astype(np.uint8)
