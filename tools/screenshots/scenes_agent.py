"""Scenes of an agent's own papers (代办材料) for ``kiosk --screenshots``: the agent's ID card
read at the start, the 授权委托书 the principal present signs on the pad."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tools.screenshots.scenes import DEMO_PHONE, SOCIAL_SECURITY_CARD, SceneError, _show, wait_until
from tools.screenshots.scenes_visit import (
    _apply_started,
    _item,
    _look_up,
    _name_strokes,
    _read_card,
)

if TYPE_CHECKING:
    from ui.app import KioskUi

SB001_VALUES = {"phone": DEMO_PHONE, "bank": "boc", "express": "no"}


def _attorney(ui: KioskUi) -> dict[str, Any]:
    return dict(next(m for m in ui.apply_form.property("materials") if m["sign_text"]))


def _agent_materials(ui: KioskUi) -> None:
    """社会保障卡申领 for a parent who came along: their card read after the agent's, the
    materials page scrolled to the agent's papers."""
    _apply_started(ui, SOCIAL_SECURITY_CARD, "agent")
    ui.apply.confirmConditions()
    ui.apply.identify()
    ui.apply.readPrincipalCard()
    _read_card(ui, "resident_long_term")
    if not ui.apply.principalFromCard("parent", "power_of_attorney"):
        raise SceneError("principal refused")
    if not ui.apply_form.submitForm(SB001_VALUES, "", ""):
        raise SceneError("form refused")
    _show(ui, "applyMaterials")
    _look_up(ui)
    ui.page_command("scrollToAgent")


def _agent_sign(ui: KioskUi) -> None:
    """The principal's sign page: the 授权委托书's words, the empty pad."""
    _agent_materials(ui)
    m = _attorney(ui)
    if not ui.apply_form.startSigning(m["index"], m["sign_text"], True):
        raise SceneError("signing refused")
    props = {
        "materialIndex": m["index"],
        "materialName": m["name"],
        "commitmentText": m["sign_text"],
        "consent": True,
        "attorney": True,
    }
    _show(ui, "applySign", props)
    wait_until(lambda: _item(ui, "signatureArea") is not None)


def _agent_signed(ui: KioskUi) -> None:
    """Back on the materials page after the principal signed: 委托人已签署, 已读卡核验."""
    _agent_materials(ui)
    m = _attorney(ui)
    strokes = [
        [[x * 1000, y * 380, 16.0 * (100 * n + i)] for i, (x, y) in enumerate(stroke)]
        for n, stroke in enumerate(_name_strokes())
    ]
    if not ui.apply_form.sign(m["index"], m["sign_text"], True, strokes, 1000.0, 380.0):
        raise SceneError("authorisation refused")

    def signed() -> bool:
        materials = ui.apply_form.property("materials")
        return any(v["index"] == m["index"] and v["settlement"] == "signed" for v in materials)

    wait_until(signed, 20)
    ui.page_command("scrollToAgent")
