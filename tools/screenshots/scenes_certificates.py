"""Scenes of 自助打印证明 for ``kiosk --screenshots``: the resident sample card's certificates,
one's masked preview (after the face check its guide asks for), the paper printed with its
code, and the simulated A4 printer out of paper."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tools.screenshots.scenes import SceneError, _show, _staff_page, wait_until
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


def _staff_certificates(ui: KioskUi) -> None:
    """Staff mode after a certificate was printed: today's certificates and 补打, scrolled
    to them (the page's Flickable is found from the card upwards)."""
    _certificate_done(ui)
    ui.end_visit()
    _staff_page(ui)
    wait_until(lambda: ui.staff.property("snapshot").get("certificates"), 15)
    from PySide6.QtCore import QPointF
    from PySide6.QtQuick import QQuickItem

    card = ui.window.findChild(QQuickItem, "staffCertificates")
    flick = card.parentItem() if card is not None else None
    while flick is not None and not flick.inherits("QQuickFlickable"):
        flick = flick.parentItem()
    if card is None or flick is None:
        raise SceneError("no certificates on the staff page")
    wait_until(lambda: card.isVisible() and card.height() > 0, 10)

    def scrolled() -> bool:  # again until it holds: the page lays out once more at first
        y = card.mapToItem(flick.property("contentItem"), QPointF(0, 0)).y()
        most = max(0.0, flick.property("contentHeight") - flick.height())
        wanted = min(max(0.0, y - 400), most)
        held = abs(flick.property("contentY") - wanted) < 1 and wanted > 0
        flick.setProperty("contentY", wanted)
        return held

    wait_until(scrolled, 10)
