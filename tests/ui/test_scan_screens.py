"""扫描上传 on the running demo core: the ``sim:`` document camera (its sample photographs)
behind the real camera worker, driven through the pages as a citizen would."""

from __future__ import annotations

from typing import Any

import pytest

from drivers.cameras.sim import SimCamera
from drivers.printers.sim.inprocess import emulator_of
from kiosk.domain.application import Settlement
from tests.ui.test_apply_screens import (
    hj004_materials,
    item,
    look_up_shared,
    on_page,
    press,
    shown_text,
    sign_on_pad,
    submit_and_get_receipt,
)

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def camera_of(ui: Any) -> SimCamera:
    camera = ui.kiosk.camera
    assert isinstance(camera, SimCamera)
    return camera


def to_scan_page(ui: Any, qtbot: Any) -> int:
    """居住证申领 up to the scan page of the first material the citizen would bring."""
    qtbot.waitUntil(lambda: ui.status.property("cameraState") == "ok")
    hj004_materials(ui, qtbot)
    index = next(
        m["index"] for m in ui.apply_form.property("materials") if m["source"] == "citizen"
    )
    press(ui, qtbot, f"scan_{index}")
    on_page(ui, qtbot, "applyScan")
    qtbot.waitUntil(lambda: bool(ui.scan.property("frameSource")))  # the live preview
    assert item(ui, "scanFrameGuide").isVisible()
    return int(index)


def test_a_material_scanned_with_the_camera_is_settled_scanned_and_on_the_review(
    live_ui, qtbot
) -> None:
    ui = live_ui
    camera_of(ui).show("flat")
    index = to_scan_page(ui, qtbot)
    for count in (1, 2):
        press(ui, qtbot, "scanCapture")
        qtbot.waitUntil(lambda c=count: ui.scan.property("pageCount") == c)
    assert item(ui, "scanPage_1").isVisible()
    press(ui, qtbot, "deletePage_1")
    qtbot.waitUntil(lambda: ui.scan.property("pageCount") == 1)
    press(ui, qtbot, "scanFinish")
    on_page(ui, qtbot, "applyMaterials")
    assert item(ui, f"settlement_{index}", qtbot).property("text") == "已扫描 1 页"
    choice = next(m for m in ui.apply_form.property("materials") if m["index"] == index)
    assert choice["settlement"] == Settlement.SCANNED.value and choice["pages"] == 1
    # The preview stopped with the page: no frames while nobody looks.
    assert not ui.kiosk.camera_worker.previewing and ui.scan.property("frameSource") == ""
    look_up_shared(ui, qtbot)
    for m in ui.apply_form.property("materials"):
        if m["source"] == "commitment":
            press(ui, qtbot, f"bring_{m['index']}")
    press(ui, qtbot, "materialsNext")
    on_page(ui, qtbot, "applyReview")
    name = choice["name"]
    assert f"已扫描上传：{name}（1 页）" in shown_text(ui)
    submit_and_get_receipt(ui, qtbot)
    ui.end_visit()
    assert ui.scan.property("pageCount") == 0 and ui.scan.picture("preview/0") == b""
    # No picture of the visit is left in the view-model (pages, preview) nor in the session.
    held = [v for v in vars(ui.scan).values() if isinstance(v, bytes | list) and v]
    assert held == [] and ui.apply.property("step") in ("", "choose", "cancelled")


@pytest.mark.parametrize(
    ("scene", "sentence"),
    [("glare", "请避开反光"), ("blurred", "画面模糊，请保持不动")],
)
def test_a_glaring_or_blurred_picture_is_refused_with_what_to_do(
    live_ui, qtbot, scene: str, sentence: str
) -> None:
    ui = live_ui
    camera = camera_of(ui)
    camera.show("flat")
    to_scan_page(ui, qtbot)
    camera.show(scene)
    press(ui, qtbot, "scanCapture")
    qtbot.waitUntil(lambda: sentence in item(ui, "scanRefusal", qtbot).property("text"))
    assert ui.scan.property("pageCount") == 0
    camera.show("flat")  # moved out of the light / held still: the next one is taken
    press(ui, qtbot, "scanCapture")
    qtbot.waitUntil(lambda: ui.scan.property("pageCount") == 1)
    assert ui.scan.property("refusal") == "" and sentence not in shown_text(ui)


def test_unplugging_the_camera_on_the_page_offers_the_window_and_plugging_back_works(
    live_ui, qtbot
) -> None:
    ui = live_ui
    camera = camera_of(ui)
    camera.show("flat")
    to_scan_page(ui, qtbot)
    camera.unplug()
    qtbot.waitUntil(lambda: item(ui, "cameraLostTitle", qtbot).isVisible())
    assert "高拍仪暂时无法使用" in shown_text(ui)
    assert item(ui, "staffWindowTicket").isVisible() and item(ui, "scanBringInstead").isVisible()
    assert ui.status.property("cameraState") == "error"
    assert ui.kiosk.heartbeat.build().camera.state == "error"  # staff's fleet page hears it
    camera.plug()  # no restart: the worker opens it again
    qtbot.waitUntil(lambda: item(ui, "scanCapture", qtbot).isVisible())
    assert ui.kiosk.heartbeat.build().camera.state == "ok"
    qtbot.waitUntil(lambda: bool(ui.scan.property("frameSource")))
    press(ui, qtbot, "scanCapture")
    qtbot.waitUntil(lambda: ui.scan.property("pageCount") == 1)


def test_the_demo_buttons_lay_another_sample_under_the_camera(live_ui, qtbot) -> None:
    ui = live_ui
    camera_of(ui).show("flat")
    to_scan_page(ui, qtbot)
    press(ui, qtbot, "simulateCamera_glare")
    qtbot.waitUntil(lambda: camera_of(ui)._scene == "glare")  # noqa: SLF001 - the sim's state
    press(ui, qtbot, "scanCapture")
    qtbot.waitUntil(lambda: ui.scan.property("refusal") == "glare")
    press(ui, qtbot, "simulateCamera_flat")
    qtbot.waitUntil(lambda: camera_of(ui)._scene == "flat")  # noqa: SLF001
    press(ui, qtbot, "scanCapture")
    qtbot.waitUntil(lambda: ui.scan.property("pageCount") == 1)


def test_verified_scanned_and_signed_the_case_needs_no_window_visit(demo, qtbot) -> None:
    """居住证申领 finished at the terminal: the shared materials verified through data
    sharing, the ones only the citizen has scanned, the commitment signed on the pad — the
    receipt is a 受理回执 with its date, every material settled, and no window to visit."""
    ui = demo
    camera_of(ui).show("flat")
    qtbot.waitUntil(lambda: ui.status.property("cameraState") == "ok")
    hj004_materials(ui, qtbot)
    look_up_shared(ui, qtbot)
    materials = ui.apply_form.property("materials")
    for m in materials:
        if m["source"] == "citizen":
            press(ui, qtbot, f"scan_{m['index']}")
            on_page(ui, qtbot, "applyScan")
            press(ui, qtbot, "scanCapture")
            qtbot.waitUntil(lambda: ui.scan.property("pageCount") == 1)
            press(ui, qtbot, "scanFinish")
            on_page(ui, qtbot, "applyMaterials")
        elif m["source"] == "commitment":
            press(ui, qtbot, f"consent_{m['index']}")
            press(ui, qtbot, f"commit_{m['index']}")
            sign_on_pad(ui, qtbot)
            on_page(ui, qtbot, "applyMaterials")
    qtbot.waitUntil(
        lambda: all(
            m["settlement"] not in ("", "bring") for m in ui.apply_form.property("materials")
        )
    )
    press(ui, qtbot, "materialsNext")
    on_page(ui, qtbot, "applyReview")
    number = submit_and_get_receipt(ui, qtbot)
    job = emulator_of(ui.kiosk.printer).jobs[-1]
    paper = "\n".join(job.lines)
    assert "受理回执" in paper and "预受理" not in paper and number in paper
    assert "材料已齐全，无需再到现场" in paper and "需到窗口" not in paper
    for m in materials:
        expected = {
            "shared": "：已核验",
            "citizen": "：已扫描（1 页）",
            "commitment": "：已承诺",
        }[m["source"]]
        assert f"{m['name']}{expected}" in "".join(job.lines), m["name"]
    assert "ZL**************8832" in paper and "ZL110105-2024-018832" not in paper
    assert ui.card.identity.id_number not in paper
