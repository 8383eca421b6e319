"""The face check's thresholds: a settings model in the style of :class:`kiosk.config.Settings`.

The defaults come from measurements on the simulated sequences (``python -m tools.face_trials``
prints them; the numbers are in :mod:`kiosk.face.check`'s docstring). A deployment may tighten
them in its settings file once it has measured its own camera.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

# The three a deployment tunes from its settings file (``face_match_distance`` …, see
# :class:`kiosk.config.Settings`), with the same bounds here and there.
MatchDistance = Annotated[float, Field(gt=0.2, le=0.8)]
MaxFailures = Annotated[int, Field(ge=1, le=10)]
CheckTimeout = Annotated[float, Field(ge=2, le=120)]


class FaceCheckSettings(BaseModel):
    """How strict a face check is and how long it may take. Immutable."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Euclidean distance between 128-d embeddings at most this for "the same person". dlib's
    # own figure is 0.6 (99.38 % on LFW); on the sim sequences the holder is at 0.33–0.34
    # and the others at 0.83 and more, so 0.5 keeps a margin on both sides.
    match_distance: MatchDistance = 0.5
    # Eye aspect ratio: a blink is ``blink_frames`` frames in a row below this fraction of
    # the open-eye ratio (the median so far), then one back above ``blink_open_ratio`` of it.
    blink_closed_ratio: Annotated[float, Field(gt=0.2, lt=1.0)] = 0.75
    blink_open_ratio: Annotated[float, Field(gt=0.5, le=1.0)] = 0.9
    blink_frames: Annotated[int, Field(ge=1, le=10)] = 2
    # A head turn: the nose's place between the face's sides (0 … 1, about 0.5 facing the
    # camera) moved at least this far from where it was at rest, towards the asked side, in
    # ``turn_frames`` frames in a row. A printed photo tilted by up to 28 degrees moved it by
    # about 0.04 on the sequences looked at; the holder's turns by 0.07–0.13 (his live photo
    # is already turned a little to his left, so that side saturates first).
    turn_shift: Annotated[float, Field(gt=0.03, le=0.4)] = 0.07
    turn_frames: Annotated[int, Field(ge=1, le=10)] = 2
    # Frames of two or more faces in a row before the check stops with "several faces".
    several_faces_frames: Annotated[int, Field(ge=1, le=30)] = 3
    # Frames compared with the reference (each costs about a quarter of a second here).
    match_frames: Annotated[int, Field(ge=1, le=5)] = 1
    # A check ends after this many frames or seconds, whichever comes first.
    max_frames: Annotated[int, Field(ge=10, le=900)] = 90
    timeout_s: CheckTimeout = 12.0
    # Faces are looked for in the frame shrunk to this width (faster; a face at the terminal
    # is at least a quarter of the picture wide).
    detect_width: Annotated[int, Field(ge=160, le=1920)] = 320
    # Failed checks before the citizen is sent to a staffed window (请到人工窗口办理).
    max_failures: MaxFailures = 3
