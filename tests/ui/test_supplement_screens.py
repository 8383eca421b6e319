"""补正 on the running demo core: the resident card's case in 待补正 (demo/central.py
DEMO_CASES), each material scanned with the ``sim:`` document camera, sent to the demo
central, the 补正回执 printed, the case moved on at central."""

from __future__ import annotations

from typing import Any

import pytest

from drivers.printers.sim.inprocess import emulator_of
from tests.ui.conftest import tap, tap_card
from tests.ui.inquiry_helpers import item as shown_item
from tests.ui.test_apply_screens import item, on_page, press, shown_text
from tests.ui.test_scan_screens import camera_of

pytestmark = [pytest.mark.gui, pytest.mark.slow]

ASKED = ["近期一寸免冠照片（电子版）", "户口簿本人页"]


def awaiting_case(ui: Any, qtbot: Any) -> dict:
    ui.show_page("progress")
    on_page(ui, qtbot, "progress")
    tap(ui, shown_item(ui, "progressByCard"))
    on_page(ui, qtbot, "idCard")
    tap_card(ui, qtbot)
    on_page(ui, qtbot, "progressCases")
    qtbot.waitUntil(lambda: len(ui.progress.property("cases")) == 3)
    return next(c for c in ui.progress.property("cases") if c["state"] == "supplement_needed")


def test_a_case_in_supplement_is_scanned_sent_and_a_slip_printed(demo, qtbot) -> None:
    ui = demo
    qtbot.waitUntil(lambda: ui.status.property("cameraState") == "ok")
    camera_of(ui).show("flat")
    case = awaiting_case(ui, qtbot)
    press(ui, qtbot, "supplement_" + case["receipt_no"])
    on_page(ui, qtbot, "supplement")
    assert not item(ui, "submitSupplement", qtbot).property("enabled")  # nothing scanned yet
    for index, name in enumerate(ASKED):
        press(ui, qtbot, f"scanSupplement_{index}")
        on_page(ui, qtbot, "applyScan")
        assert name in item(ui, "scanMaterialName", qtbot).property("text")
        qtbot.waitUntil(lambda: bool(ui.scan.property("frameSource")))
        press(ui, qtbot, "scanCapture")
        qtbot.waitUntil(lambda: ui.scan.property("pageCount") == 1)
        press(ui, qtbot, "scanFinish")
        on_page(ui, qtbot, "supplement")
        qtbot.waitUntil(lambda i=index: ui.supplement.property("materials")[i]["scanned"])
    assert "已扫描（1 页）" in shown_text(ui)
    jobs_before = len(emulator_of(ui.kiosk.printer).jobs)
    press(ui, qtbot, "submitSupplement")
    on_page(ui, qtbot, "supplementDone")
    assert ui.supplement.property("sent")
    assert "补正材料已提交" in shown_text(ui)

    printer = emulator_of(ui.kiosk.printer)
    qtbot.waitUntil(lambda: len(printer.jobs) > jobs_before)
    slip = "\n".join(printer.jobs[-1].lines)
    assert "补正回执" in slip and case["receipt_no"] in slip
    assert ASKED[1] in slip and "已扫描（1 页）" in slip
    identity = ui.card.identity
    assert identity.name not in slip and identity.masked_name in slip

    moved = [c for c in ui.demo.central.staff("GET", "/cases") if c["case_no"] == case["case_no"]]
    assert moved[0]["state"] == "accepted"
    files = ui.demo.central.staff("GET", f"/cases/{case['case_no']}/attachments")
    assert [a["name"] for a in files["attachments"]][-2:] == ASKED
    assert all(a["held"] for a in files["attachments"][-2:])
