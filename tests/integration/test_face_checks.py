"""A visit's face checks (kiosk.services.face_checks) with the real dlib models, the simulated
face camera's sequences and the reference photo read from a real central over signed HTTP
(the demo's seeded photos: the resident sample card's holder and 周晓梅)."""

from __future__ import annotations

import logging
import random
import secrets
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from demo.faces import seed_sample_photos
from demo.terminal import sample_identity
from kiosk.face.models import FaceModels
from kiosk.services.common import Central
from kiosk.services.face_checks import FaceChecks
from kiosk.services.reference_photos import ReferencePhotos
from tests.conftest import CentralDb
from tests.integration.central_server import CentralServer

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Central]:
    folder = tmp_path_factory.mktemp("face-central")
    key = secrets.token_bytes(32)
    db = CentralDb("sqlite", f"sqlite:///{folder / 'central.db'}")
    with CentralServer(folder, db, id_hash_key=key) as server:
        with server.db.session() as s:
            seed_sample_photos(s, server.db.sealer, key)
        yield Central(server.terminal("T01", "H0001"))


@pytest.fixture(scope="module")
def models() -> FaceModels:
    return FaceModels()


class AuditLines:
    def __init__(self) -> None:
        self.lines: list[tuple[str, str, dict[str, Any]]] = []

    def __call__(self, actor: str, action: str, detail: dict[str, Any]) -> None:
        self.lines.append((actor, action, detail))


def checks(central: Central, models: FaceModels, seq: str, audit: Any = None) -> FaceChecks:
    return FaceChecks(
        f"sim:face?seq={seq}&seed=1" if seq else "",
        ReferencePhotos(central),
        models=models,
        audit=audit,
        rng=random.Random(7),
    )


RESIDENT = sample_identity("resident")


def test_the_holder_live_passes_and_the_screen_sees_every_frame_and_step(central, models):
    audit = AuditLines()
    faces = checks(central, models, "holder-live", audit)
    frames: list[Any] = []
    steps: list[str] = []
    outcome = faces.check("v1", RESIDENT, "certificate", frames.append, steps.append)
    assert outcome.passed and outcome.reason is None and not outcome.to_window
    assert outcome.distance is not None and outcome.distance < 0.5
    assert frames and frames[0].ndim == 3  # BGR images, in memory
    assert steps[0] == "look" and steps[1] == "blink" and steps[2] in ("left", "right")
    assert faces.passed("v1", "certificate") == outcome
    assert faces.passed("v1", "apply") is None  # each action asks again
    assert faces.passed("v2", "certificate") is None
    record = outcome.record()
    assert set(record) == {"action", "passed", "reason", "distance", "elapsed_s", "at"}
    assert audit.lines == [
        (
            "terminal",
            "face.checked",
            {"action": "certificate", "passed": True, "reason": "", "distance": outcome.distance},
        )
    ]


def test_the_printed_photo_fails_not_live_and_three_failures_send_to_a_window(central, models):
    faces = checks(central, models, "holder-photo")
    first = faces.check("v1", RESIDENT, "apply")
    assert not first.passed and first.reason == "not_live" and first.failures == 1
    assert not first.to_window
    second = faces.check("v1", RESIDENT, "apply")
    assert second.failures == 2 and not second.to_window
    third = faces.check("v1", RESIDENT, "apply")
    assert third.failures == 3 and third.to_window
    assert [o.reason for o in faces.outcomes("v1")] == ["not_live"] * 3
    # A new visit starts again from nothing.
    fresh = faces.check("v2", RESIDENT, "apply")
    assert fresh.failures == 1 and faces.outcomes("v1") == []


def test_another_person_is_not_the_holder(central, models):
    outcome = checks(central, models, "other-b-live").check("v1", RESIDENT, "commitment")
    assert not outcome.passed and outcome.reason == "not_holder"
    assert outcome.distance is not None and outcome.distance > 0.5


def test_without_a_face_camera_the_citizen_goes_to_a_window_at_once(central, models):
    audit = AuditLines()
    outcome = checks(central, models, "", audit).check("v1", RESIDENT, "certificate")
    assert outcome.reason == "no_face_camera" and outcome.to_window and not outcome.passed
    assert audit.lines[0][2]["reason"] == "no_face_camera"


def test_a_camera_that_cannot_be_opened_or_made_is_camera_absent(central, models):
    faces = checks(central, models, "holder-live")
    faces.camera_uri = "nosuchscheme:cam"
    assert faces.check("v1", RESIDENT, "certificate").reason == "camera_absent"

    from drivers.registry import make_camera

    def unplugged(uri: str) -> Any:
        camera = make_camera(uri)
        camera.unplug()  # type: ignore[attr-defined]
        return camera

    faces = FaceChecks(
        "sim:face?seq=holder-live", ReferencePhotos(central), models=models, make_camera=unplugged
    )
    outcome = faces.check("v1", RESIDENT, "certificate")
    assert outcome.reason == "camera_absent" and outcome.to_window


def test_no_reference_photo_and_central_offline_are_reasons(central, models):
    permit = sample_identity("hmt_permit", date(2025, 6, 1))  # the registry holds none
    assert checks(central, models, "holder-live").check("v1", permit, "apply").reason == (
        "no_reference"
    )
    offline = FaceChecks("sim:face?seq=holder-live", ReferencePhotos(Central(None)), models=models)
    outcome = offline.check("v1", RESIDENT, "apply")
    assert outcome.reason == "central_offline" and outcome.to_window
    assert checks(central, models, "holder-live").check("v1", None, "apply").reason == (
        "card_required"
    )


def test_the_visit_end_forgets_the_check_and_nothing_personal_is_logged(
    central, models, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG)
    faces = checks(central, models, "other-a-live")
    faces.check("v1", RESIDENT, "agent")
    assert faces.outcomes("v1")
    faces.forget()
    assert faces.outcomes("v1") == [] and faces.passed("v1", "agent") is None
    text = caplog.text
    assert RESIDENT.id_number not in text and RESIDENT.name not in text


def test_a_check_for_an_unknown_action_is_a_programming_error(central, models):
    with pytest.raises(ValueError):
        checks(central, models, "holder-live").check("v1", RESIDENT, "vote")


def test_a_check_left_by_the_citizen_stops_and_is_no_failure(central, models):
    from kiosk.services.face_checks import FaceCheckCancelled

    faces = checks(central, models, "holder-photo")
    seen: list[Any] = []

    def frame(image: Any) -> None:
        seen.append(image)
        if len(seen) == 3:
            faces.cancel()

    with pytest.raises(FaceCheckCancelled):
        faces.check("v1", RESIDENT, "apply", frame)
    assert len(seen) == 3 and faces.outcomes("v1") == []
    again = faces.check("v1", RESIDENT, "apply")
    assert again.reason == "not_live" and again.failures == 1


def test_another_card_in_the_same_visit_is_checked_again(central, models):
    faces = checks(central, models, "holder-live")
    assert faces.check("v1", RESIDENT, "certificate").passed
    insured = sample_identity("social_security")
    assert faces.passed("v1", "certificate", RESIDENT) is not None
    assert faces.passed("v1", "certificate", insured) is None
    outcome = faces.check("v1", insured, "certificate")  # 周晓梅's photo: not the holder's face
    assert outcome.reason == "not_holder" and outcome.failures == 1
    assert faces.passed("v1", "certificate", RESIDENT) is None  # started again
