"""The face check (人证核验) with real dlib models on the simulated face camera's sequences.

The reference is the holder's official portrait; the live sequences start from another photo
of the same person (assets/faces/README.md).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from drivers.registry import make_camera
from kiosk.face.check import REASONS, FaceCheck, camera_frames
from kiosk.face.liveness import Challenge
from kiosk.face.models import FaceModels
from kiosk.face.settings import FaceCheckSettings
from tests.conftest import REPO
from tests.fresh import printed_by_fresh_python

FACES = REPO / "assets" / "faces"


@pytest.fixture(scope="module")
def models() -> FaceModels:
    return FaceModels()


def check(models: FaceModels, **settings: Any) -> FaceCheck:
    return FaceCheck(models, FaceCheckSettings(**settings), (FACES / "holder-id.jpg").read_bytes())


def seq(name: str, seed: int = 0) -> Iterator[Any]:
    return camera_frames(make_camera(f"sim:face?seq={name}&seed={seed}"))


def test_the_holder_live_passes_when_blinking_and_turning_the_asked_way(models) -> None:
    for turn in ("left", "right"):
        result = check(models).run(seq("holder-live", 3), Challenge(("blink", turn)))
        assert result.passed, result
        assert result.reason is None and not result.to_window
        assert result.distance is not None and result.distance < 0.45
        assert 0 < result.frames < 60 and result.elapsed_s > 0


def test_the_holders_printed_photo_matches_the_face_but_fails_liveness(models) -> None:
    result = check(models).run(seq("holder-photo", 1), Challenge(("blink", "left")))
    assert not result.passed and result.reason == "not_live"
    assert result.distance is not None and result.distance < 0.5  # it is the holder's face
    assert result.frames == FaceCheckSettings().max_frames


def test_the_printed_photo_fails_a_turn_alone_too(models) -> None:
    result = check(models).run(seq("holder-photo", 2), Challenge(("right",)))
    assert result.reason == "not_live"


def test_turning_the_other_way_is_not_the_asked_turn(models) -> None:
    result = check(models).run(seq("holder-right", 0), Challenge(("left",)))
    assert result.reason == "not_live"
    assert check(models).run(seq("holder-right", 0), Challenge(("right",))).passed


def test_another_person_is_not_the_holder_and_is_told_at_once(models) -> None:
    for name in ("other-a-live", "other-b-live"):
        result = check(models).run(seq(name, 2), Challenge(("blink", "left")))
        assert result.reason == "not_holder"
        assert result.distance is not None and result.distance > 0.6
        assert result.frames <= 3


def test_nobody_in_view_and_two_people_in_view(models) -> None:
    nobody = check(models, max_frames=20).run(seq("empty"), Challenge())
    assert nobody.reason == "no_face" and nobody.distance is None and nobody.frames == 20
    two = check(models).run(seq("two-faces"), Challenge())
    assert two.reason == "several_faces" and two.frames == FaceCheckSettings().several_faces_frames
    assert set(REASONS) >= {"no_face", "several_faces", "not_holder", "not_live", "timeout"}


def test_a_reference_without_one_face_is_reported(models) -> None:
    blank = FaceCheck(models, FaceCheckSettings(), (REPO / "assets/camera/empty.jpg").read_bytes())
    result = blank.run(seq("holder-live"), Challenge())
    assert result.reason == "bad_reference" and result.frames == 0
    garbage = FaceCheck(models, FaceCheckSettings(), b"not a picture")
    assert garbage.run(seq("holder-live"), Challenge()).reason == "bad_reference"


def test_the_third_failure_sends_the_citizen_to_a_window(models) -> None:
    face_check = check(models, max_frames=24)
    first = face_check.run(seq("holder-still"), Challenge(("blink",)))
    assert first.reason == "not_live" and first.failures == 1 and not first.to_window
    assert face_check.run(seq("holder-live", 1), Challenge(("blink",))).passed  # not counted
    second = face_check.run(seq("empty"), Challenge())
    assert second.failures == 2 and not second.to_window
    third = face_check.run(seq("holder-photo"), Challenge())
    assert third.failures == 3 and third.to_window


def test_a_check_stops_when_its_time_is_up(models) -> None:
    ticks = iter(range(1000))
    face_check = FaceCheck(
        models,
        FaceCheckSettings(timeout_s=5),
        (FACES / "holder-id.jpg").read_bytes(),
        clock=lambda: float(next(ticks)),  # one second per reading
    )
    result = face_check.run(seq("holder-still"), Challenge(("blink",)))
    assert result.reason == "not_live" and result.frames < 10


def test_only_the_outcome_is_logged(models, caplog) -> None:
    with caplog.at_level(logging.DEBUG):
        check(models).run(seq("holder-live"), Challenge(("blink",)))
    assert caplog.records
    for record in caplog.records:
        assert len(record.getMessage()) < 200
        assert all(isinstance(a, str | int | float | bool | None) for a in record.args or ())


def test_importing_the_face_check_loads_no_model_library() -> None:
    code = (
        "import sys, kiosk.face.check, kiosk.face.models as m; m.FaceModels(); "
        "print(','.join(n for n in ('dlib', 'numpy', 'cv2') if n in sys.modules))"
    )
    assert printed_by_fresh_python(code) == ""


def test_models_load_on_first_use_only() -> None:
    models = FaceModels()
    check(models)
    assert not models.loaded
    detector, predictor, network = models.get()
    assert models.loaded and models.get()[0] is detector


def test_thresholds_outside_their_limits_are_refused() -> None:
    with pytest.raises(ValueError):
        FaceCheckSettings(match_distance=1.5)
    with pytest.raises(ValueError):
        FaceCheckSettings(max_failures=0)
    with pytest.raises(ValueError):
        Challenge(("wink",))  # type: ignore[arg-type]
