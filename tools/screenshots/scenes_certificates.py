"""Scenes of 自助打印证明 for ``kiosk --screenshots``: the resident sample card's certificates,
one's masked preview (after the face check its guide asks for), the paper printed with its
code, and the simulated A4 printer out of paper."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tools.screenshots.scenes import SceneError, _show, wait_until
from tools.screenshots.scenes_visit import _demo_receipt, _read_card

if TYPE_CHECKING:
    from ui.app import KioskUi


def _a4(ui: KioskUi) -> Any:
    assert ui.kiosk is not None
    a4 = ui.kiosk.services.a4_printer
    if a4 is None:
        raise SceneError("the demo has no A4 printer")
    return a4.open()


def _certificate_list(ui: KioskUi) -> None:
    _demo_receipt(ui)  # the demo central is up, seeded and connected
    _read_card(ui)
    _show(ui, "certificates")
    wait_until(lambda: ui.certificates.property("loaded"), 20)


def _certificate_preview(ui: KioskUi) -> None:
    """SB's preview, after the face check its guide asks for (the holder, live)."""
    _certificate_list(ui)
    assert ui.kiosk is not None
    ui.kiosk.services.face_checks.camera_uri = "sim:face?seq=holder-live"
    ui.certificates.awaitFace("SB")
    _show(ui, "faceCheck", {"action": "certificate", "next": "certificatePrint"})
    wait_until(lambda: ui.certificates.property("preview"), 60)


def _certificate_done(ui: KioskUi) -> None:
    _certificate_preview(ui)
    ui.certificates.printIt()
    wait_until(lambda: ui.certificates.property("stage") == "done", 30)


def _certificate_paper_out(ui: KioskUi) -> None:
    _certificate_preview(ui)
    printer = _a4(ui)
    printer.set_paper_out(True)
    try:
        ui.certificates.printIt()
        wait_until(lambda: ui.certificates.property("stage") == "failed", 30)
    finally:
        printer.set_paper_out(False)
