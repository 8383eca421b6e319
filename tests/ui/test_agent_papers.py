"""An agent's own papers (代办材料) on the running demo core: the agent's ID card read at the
start is settled, and the principal, present with their card, signs the 授权委托书 on the
pad, so the papers never reach a window. Driven through the pages as a citizen would."""

from __future__ import annotations

from typing import Any

import pytest

from drivers.printers.sim.inprocess import emulator_of
from tests.central_ledger import intake_bodies
from tests.ui.test_apply_screens import (
    choose_service,
    item,
    look_up_shared,
    on_page,
    press,
    read_card_if_asked,
    shown_text,
    sign_on_pad,
    submit_and_get_receipt,
    tap_a_good_card,
    type_into,
)

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def _papers(ui: Any) -> dict[str, dict[str, Any]]:
    return {m["name"]: m for m in ui.apply_form.property("materials") if m["agent"]}


def test_the_principal_present_signs_the_authorisation_on_the_pad(live_ui, qtbot):
    ui = live_ui
    choose_service(ui, qtbot, "社会保障卡申领", "SB-001", "applyAgent")
    read_card_if_asked(ui, qtbot, "applyPrincipal")
    assert "当场在屏幕上签署授权委托书" in item(ui, "authorisationHow", qtbot).property("text")
    press(ui, qtbot, "relationship_parent")
    press(ui, qtbot, "authorisation_power_of_attorney")
    press(ui, qtbot, "principalCard")
    on_page(ui, qtbot, "idCard")
    tap_a_good_card(ui, qtbot)
    on_page(ui, qtbot, "applyForm")
    principal = ui.apply.flow.session._principal
    type_into(ui, qtbot, "field_phone", "13900000000")
    press(ui, qtbot, "choice_bank_boc")
    press(ui, qtbot, "choice_express_no")
    press(ui, qtbot, "formNext")
    on_page(ui, qtbot, "applyMaterials")
    look_up_shared(ui, qtbot)
    central_db = ui.settings.data_dir / "demo-central.db"

    papers = _papers(ui)
    attorney, card = papers["授权委托书"], papers["受托人（代办人）本人居民身份证"]
    assert card["settlement"] == "card"
    assert item(ui, f"settlement_{card['index']}", qtbot).property("text") == "已读卡核验"
    words = item(ui, "attorneyText", qtbot).property("text")
    assert words == attorney["sign_text"] and principal.masked_name in words
    assert principal.id_number not in shown_text(ui) and principal.name not in shown_text(ui)
    # Without the consent tick the pad does not open: a sentence says why.
    press(ui, qtbot, f"commit_{attorney['index']}")
    qtbot.waitUntil(lambda: "请先勾选“委托人已阅读并同意以上授权委托内容”" in shown_text(ui))
    assert ui.current_page() == "applyMaterialsPage"
    press(ui, qtbot, f"consent_{attorney['index']}")
    press(ui, qtbot, f"commit_{attorney['index']}")
    on_page(ui, qtbot, "applySign")
    assert item(ui, "signCommitmentText", qtbot).property("text") == words
    assert "委托人签署授权委托书" in shown_text(ui)
    sign_on_pad(ui, qtbot)
    on_page(ui, qtbot, "applyMaterials")
    qtbot.waitUntil(lambda: _papers(ui)["授权委托书"]["settlement"] == "signed")
    badge = item(ui, f"settlement_{attorney['index']}", qtbot)
    assert badge.property("text") == "委托人已签署"

    for m in ui.apply_form.property("materials"):
        if m["source"] == "commitment" and not m["agent"]:
            press(ui, qtbot, f"bring_{m['index']}")
    press(ui, qtbot, "materialsNext")
    on_page(ui, qtbot, "applyReview")
    assert "委托人已现场签署：授权委托书" in item(ui, "reviewSigned", qtbot).property("text")
    assert "受托人（代办人）本人居民身份证" in item(ui, "reviewCardRead").property("text")
    submit_and_get_receipt(ui, qtbot)
    paper = "\n".join(emulator_of(ui.kiosk.printer).jobs[-1].lines)
    assert "授权委托书：已现场签署" in paper
    assert "受托人（代办人）本人居民身份证：已读卡核验" in paper
    # At central (the demo's, over the outbox): the signed authorisation is the case's file.
    qtbot.waitUntil(lambda: bool(intake_bodies(central_db, kind="submission")), timeout=30000)
    body = intake_bodies(central_db, kind="submission")[-1]
    names = [a["name"] for a in body["attachments"]]
    assert "授权委托书" in names
