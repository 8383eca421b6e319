"""The simulated face camera (``sim:face``): its sequences, drawn from the sample photos.

What the sequences show to a face model is tested with dlib in tests/unit/test_face_check.py;
here only the camera: same seed same frames, the story acted out, the cable.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from drivers.cameras.base import CameraError
from drivers.cameras.face_frames import LENGTH, SEQUENCES, FaceScenes, poses
from drivers.cameras.face_sim import DEFAULT_FOLDER, SimFaceCamera
from drivers.registry import make_camera


def frames(uri: str, count: int) -> list[object]:
    camera = make_camera(uri)
    camera.open()
    out = []
    for _ in range(count):
        frame = camera.frame(1.0)
        assert frame is not None
        out.append(frame.image)
    camera.close()
    return out


def test_a_sequence_is_the_same_for_the_same_seed_and_differs_for_another() -> None:
    first = frames("sim:face?seq=holder-live&seed=4", 3)
    again = frames("sim:face?seq=holder-live&seed=4", 3)
    other = frames("sim:face?seq=holder-live&seed=5", 3)
    assert all((a == b).all() for a, b in zip(first, again, strict=True))  # type: ignore[attr-defined]
    assert any((a != b).any() for a, b in zip(first, other, strict=True))  # type: ignore[attr-defined]
    assert first[0].shape == (480, 640, 3)  # type: ignore[attr-defined]


def test_the_live_holder_blinks_and_turns_both_ways_and_the_printed_photo_does_neither() -> None:
    for seed in range(5):
        live = poses(SEQUENCES["holder-live"], seed)
        assert len(live) == LENGTH
        assert max(p.eyes_closed for p in live) == 1.0
        assert max(p.yaw for p in live) > 0.3 and min(p.yaw for p in live) < -0.3
        printed = poses(SEQUENCES["holder-photo"], seed)
        assert all(p.eyes_closed == 0 and p.yaw == 0 for p in printed)
        assert max(abs(p.tilt_deg) for p in printed) > 20  # the sheet is tilted, as a whole


def test_a_frame_with_closed_eyes_differs_from_the_open_one_only_around_the_eyes() -> None:
    import numpy as np

    script = SEQUENCES["holder-live"]
    shut = next(p for p in poses(script, 0) if p.eyes_closed == 1.0)
    scenes = FaceScenes(DEFAULT_FOLDER)
    closed = scenes.frame(script, shut, 7).astype(int)
    opened = scenes.frame(script, replace(shut, eyes_closed=0.0), 7).astype(int)
    changed = np.abs(closed - opened).max(axis=2) > 40
    rows, cols = np.nonzero(changed)
    assert len(rows) > 50  # the lids were painted
    assert rows.max() - rows.min() < 40 and cols.max() - cols.min() < 120  # ... only there


def test_nobody_in_view_is_a_plain_wall_and_an_unknown_sequence_is_refused() -> None:
    empty = frames("sim:face?seq=empty", 1)[0]
    assert empty.std() < 20  # type: ignore[attr-defined]
    with pytest.raises(ValueError):
        make_camera("sim:face?seq=nobody-like-this")
    with pytest.raises(ValueError):
        make_camera("sim:face?seed=x")


def test_an_unplugged_face_camera_says_so() -> None:
    camera = make_camera("sim:face")
    assert isinstance(camera, SimFaceCamera)
    camera.open()
    camera.unplug()
    with pytest.raises(CameraError) as gone:
        camera.frame(1.0)
    assert gone.value.reason == "unplugged"
    camera.plug()
    camera.open()
    camera.show("holder-photo", seed=2)
    assert camera.frame(1.0) is not None
