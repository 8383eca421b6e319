"""Liveness by challenge and response: did the face blink, and turn the way it was asked?

A :class:`LivenessTracker` is fed the eye aspect ratio and the nose's position (see
:mod:`kiosk.face.geometry`) of each frame with one face, and ticks off the challenge's
actions in order. A printed photo moved, rolled or tilted as a whole neither closes its eyes
nor moves its nose relative to its outline, so it never completes one.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Literal

from kiosk.face.settings import FaceCheckSettings

Action = Literal["blink", "left", "right"]
ACTIONS: tuple[Action, ...] = ("blink", "left", "right")

# What the screen asks for each action (the screens show and speak it).
PROMPTS: dict[Action, str] = {
    "blink": "请眨眨眼",
    "left": "请向左转头",
    "right": "请向右转头",
}


@dataclass(frozen=True)
class Challenge:
    """The actions a citizen is asked to do, in order; "left" is the citizen's own left."""

    actions: tuple[Action, ...] = ("blink", "left")

    def __post_init__(self) -> None:
        if not self.actions or any(a not in ACTIONS for a in self.actions):
            raise ValueError(f"a challenge is one or more of {ACTIONS}, got {self.actions!r}")


@dataclass
class LivenessTracker:
    """Follows one challenge over the frames of one check."""

    challenge: Challenge
    settings: FaceCheckSettings
    done: int = 0  # actions ticked off so far
    _eyes: list[float] = field(default_factory=list)
    _noses: list[float] = field(default_factory=list)
    _closed_run: int = 0
    _was_closed: bool = False
    _turn_run: int = 0

    @property
    def complete(self) -> bool:
        return self.done == len(self.challenge.actions)

    @property
    def waiting_for(self) -> Action | None:
        """The action the citizen should do now (None when all are done)."""
        return None if self.complete else self.challenge.actions[self.done]

    def add(self, eye_ratio: float, nose: float) -> None:
        """One frame's measures."""
        self._eyes.append(eye_ratio)
        action = self.waiting_for
        if action is None:
            return
        if action == "blink":
            if self._blinked(eye_ratio):
                self.done += 1
            self._noses.append(nose)  # an action at a time: the head is at rest meanwhile
        else:
            if self._turned(nose, action):
                self.done += 1
                self._noses.clear()
            else:
                self._noses.append(nose)

    def _blinked(self, eye_ratio: float) -> bool:
        if len(self._eyes) < 3:
            return False
        open_ratio = statistics.median(self._eyes)
        if eye_ratio < self.settings.blink_closed_ratio * open_ratio:
            self._closed_run += 1
            if self._closed_run >= self.settings.blink_frames:
                self._was_closed = True
            return False
        self._closed_run = 0
        if self._was_closed and eye_ratio >= self.settings.blink_open_ratio * open_ratio:
            self._was_closed = False
            return True
        return False

    def _turned(self, nose: float, action: Action) -> bool:
        if len(self._noses) < 2:
            return False
        rest = statistics.median(self._noses)
        # The citizen's left is the picture's right: the nose moves to larger positions.
        shift = nose - rest if action == "left" else rest - nose
        self._turn_run = self._turn_run + 1 if shift >= self.settings.turn_shift else 0
        if self._turn_run >= self.settings.turn_frames:
            self._turn_run = 0
            return True
        return False
