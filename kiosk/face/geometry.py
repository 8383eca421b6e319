"""What the 68 landmarks say about the eyes and the head's turn. Plain arithmetic, no numpy.

Landmarks follow dlib's 68-point layout (iBUG 300-W): 0–16 the jaw line from the face's
right side as seen in the picture's left, 30 the nose tip, 36–41 and 42–47 the eyes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]


def _distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def eye_aspect_ratio(points: Sequence[Point]) -> float:
    """The mean of both eyes' height / width (Soukupová and Čech, 2016): about 0.25–0.35 open,
    near 0 shut."""
    ratios = []
    for first in (36, 42):
        p = points[first : first + 6]
        width = _distance(p[0], p[3])
        if width <= 0:
            return 0.0
        ratios.append((_distance(p[1], p[5]) + _distance(p[2], p[4])) / (2 * width))
    return sum(ratios) / 2


def nose_position(points: Sequence[Point]) -> float:
    """Where the nose tip lies between the face's two sides, measured along the line through
    the eyes (so a tilted head reads the same): 0.5 facing the camera, larger when the nose
    is towards the picture's right (the citizen turned to their own left)."""
    left_eye = _mean(points[36:42])
    right_eye = _mean(points[42:48])
    angle = math.atan2(right_eye[1] - left_eye[1], right_eye[0] - left_eye[0])
    cos, sin = math.cos(angle), math.sin(angle)

    def along(p: Point) -> float:
        return p[0] * cos + p[1] * sin

    side_a = (along(points[1]) + along(points[2])) / 2
    side_b = (along(points[14]) + along(points[15])) / 2
    if side_b - side_a <= 0:
        return 0.5
    return (along(points[30]) - side_a) / (side_b - side_a)


def _mean(points: Sequence[Point]) -> Point:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
