"""Scenes of 人证核验 for ``kiosk --screenshots``: the face check page before a certificate
print, with the demo's simulated face camera showing the resident sample card's holder (still,
so the prompt stays on 请眨眨眼), his printed photo (failed; three times: only the window), and
no face camera at all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tools.screenshots.scenes import SceneError, _show, wait_until
from tools.screenshots.scenes_certificates import _certificate_list

if TYPE_CHECKING:
    from ui.app import KioskUi


def _faces(ui: KioskUi, uri: str) -> None:
    if ui.kiosk is None:
        raise SceneError("the core is not up")
    ui.kiosk.services.face_checks.camera_uri = uri


def _face_page(ui: KioskUi, uri: str) -> None:
    _certificate_list(ui)
    _faces(ui, uri)
    ui.certificates.awaitFace("SB")
    _show(ui, "faceCheck", {"action": "certificate", "next": "certificatePrint"})


def _face_prompt(ui: KioskUi) -> None:
    """Checking: the live picture in the oval, asked to blink (the holder keeps still)."""
    _face_page(ui, "sim:face?seq=holder-still")
    wait_until(lambda: ui.face.property("step") == "blink" and ui.face.property("frameSource"), 30)
    wait_until(lambda: int(ui.face._frame_no) > 3, 10)  # noqa: SLF001 - a few frames shown


def _face_failed(ui: KioskUi) -> None:
    """The printed photo: 未能完成动作核验, 重试 and the window."""
    _face_page(ui, "sim:face?seq=holder-photo")
    wait_until(lambda: ui.face.property("stage") == "failed", 60)


def _face_to_window(ui: KioskUi) -> None:
    """Three failures: only 请到人工窗口办理 and the staff window ticket."""
    _face_failed(ui)
    for _ in range(2):
        ui.face.retry()
        wait_until(lambda: ui.face.property("stage") in ("failed", "window"), 60)
    if ui.face.property("stage") != "window":
        raise SceneError("the third failure did not send the citizen to a window")


def _face_no_camera(ui: KioskUi) -> None:
    """No face camera at this terminal: sent to a window at once."""
    _face_page(ui, "")
    wait_until(lambda: ui.face.property("stage") == "window", 20)
