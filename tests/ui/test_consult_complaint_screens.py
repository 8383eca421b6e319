"""咨询 and 投诉 on the running demo core: questions answered by staff at central, complaints
named and anonymous, tracking numbers, slips, and what is (not) kept."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from PySide6.QtCore import QObject

from drivers.printers.sim.inprocess import emulator_of
from tests.ui.conftest import tap, tap_card
from tests.ui.inquiry_helpers import item, shown, wait_page

pytestmark = [pytest.mark.gui, pytest.mark.slow]

PHONE = "13912345678"


def type_into(ui, name: str, text: str) -> None:
    item(ui, name).setProperty("text", text)


def printed(ui) -> str:
    job = emulator_of(ui.kiosk.printer).jobs[-1]
    return "\n".join(job.lines)


def wait_at_central(ui, qtbot, tracking_no: str) -> None:
    """The sync worker has delivered the item: central's staff list has it."""
    central = ui.demo.central

    def arrived() -> bool:
        return any(f["tracking_no"] == tracking_no for f in central.staff("GET", "/followups"))

    qtbot.waitUntil(arrived)


def ask_about_the_social_security_card(ui, qtbot, text: str, phone: str) -> None:
    ui.show_page("consult")
    wait_page(ui, qtbot, "consult")
    type_into(ui, "consultSearchField", "sbk")
    qtbot.waitUntil(lambda: item(ui, "consultResult_SB-001") is not None)
    tap(ui, item(ui, "consultResult_SB-001"))
    wait_page(ui, qtbot, "consultInfo")
    qtbot.waitUntil(lambda: "咨询电话：12333" in shown(ui))
    tap(ui, item(ui, "consultAskButton"))
    wait_page(ui, qtbot, "consultAsk")
    assert item(ui, "consultTopic").property("text") == "社会保障卡申领"
    type_into(ui, "consultText", text)
    type_into(ui, "consultPhoneField", phone)
    tap(ui, item(ui, "consultSubmit"))


def test_a_question_gets_a_number_and_a_slip_and_later_the_staff_answer(demo, qtbot):
    ask_about_the_social_security_card(demo, qtbot, "异地户口能否申领？", PHONE)
    wait_page(demo, qtbot, "followUpFiled")
    number = demo.follow_up_filed.property("trackingNo")
    assert number.startswith("ZX")
    text = shown(demo)
    assert number in text and "139****5678" in text and PHONE not in text
    qtbot.waitUntil(lambda: demo.follow_up_filed.property("slipState") == "printed")
    slip = printed(demo)
    assert "咨询留言回执" in slip and number in slip and PHONE not in slip

    tap(demo, item(demo, "filedLookup"))
    wait_page(demo, qtbot, "followUpStatus")
    qtbot.waitUntil(lambda: "尚未答复，请稍后再查。" in shown(demo))

    wait_at_central(demo, qtbot, number)
    demo.demo.central.staff(
        "POST", f"/followups/{number}", {"state": "answered", "answer": "可以，持身份证办理。"}
    )
    tap(demo, item(demo, "trackingQuery"))
    qtbot.waitUntil(lambda: "答复：可以，持身份证办理。" in shown(demo))
    assert "已答复" in shown(demo)


def test_a_question_without_text_or_with_a_bad_phone_is_refused_in_words(demo, qtbot):
    ask_about_the_social_security_card(demo, qtbot, "   ", PHONE)
    qtbot.waitUntil(lambda: "请填写内容。" in shown(demo))
    type_into(demo, "consultText", "能否代办？")
    type_into(demo, "consultPhoneField", "call me")
    tap(demo, item(demo, "consultSubmit"))
    qtbot.waitUntil(lambda: "电话号码有误，请输入11位手机号或带区号的固定电话。" in shown(demo))
    assert demo.current_page() == "consultAskPage"
    # The summary at the top names the field, and the field has the focus.
    assert item(demo, "consultErrorSummary").isVisible()
    assert item(demo, "summary_phone").property("text") == "联系电话"
    qtbot.waitUntil(item(demo, "consultPhoneField").hasActiveFocus)
    assert demo.follow_up_filed.property("trackingNo") == ""


def test_an_unknown_tracking_number_is_said_in_words(demo, qtbot):
    demo.show_page("followUpStatus", {"kind": "consultation"})
    wait_page(demo, qtbot, "followUpStatus")
    tap(demo, item(demo, "trackingQuery"))
    assert "请输入查询编号。" in shown(demo)
    demo.page_command("setNumber", "ZX19990101T019999")
    tap(demo, item(demo, "trackingQuery"))
    qtbot.waitUntil(lambda: "没有查到这个编号，请核对后重新输入。" in shown(demo))


def test_an_anonymous_complaint_keeps_nothing_personal_and_prints_a_slip(demo, qtbot):
    demo.card.simulateTap()  # a card lies on the reader during the visit: it must be ignored
    qtbot.waitUntil(lambda: demo.card.property("state") == "read")
    holder = demo.card.identity
    demo.show_page("complain")
    wait_page(demo, qtbot, "complain")
    tap(demo, item(demo, "complainAnonymous"))
    wait_page(demo, qtbot, "complainForm")
    assert "不保存您的任何个人信息" in shown(demo)
    assert not item(demo, "complaintPhone").isVisible()
    tap(demo, item(demo, "category_fees"))
    type_into(demo, "complaintText", "窗口收取了材料费。")
    type_into(demo, "againstWindow", "3")
    tap(demo, item(demo, "complaintSubmit"))
    wait_page(demo, qtbot, "followUpFiled")
    number = demo.follow_up_filed.property("trackingNo")
    assert number.startswith("TS") and number in shown(demo)
    assert "这是匿名投诉：本终端和后台都没有保存您的任何个人信息。" in shown(demo)
    qtbot.waitUntil(lambda: demo.follow_up_filed.property("slipState") == "printed")
    assert number in printed(demo) and "违规收费" in printed(demo)

    wait_at_central(demo, qtbot, number)
    db = demo.kiosk.settings.db_path
    with sqlite3.connect(db) as conn:
        body, sealed = conn.execute(
            "SELECT payload, sealed FROM outbox WHERE idempotency_key=?", (f"complaint-{number}",)
        ).fetchone()
    # Only the citizen's own words are sealed (issue #20, item 6); nobody is named.
    assert '"complainant":null' in body and '"anonymous":true' in body
    assert '"text":null' in body and sealed is not None
    needles = [holder.name, holder.id_number, holder.address]
    for path in db.parent.glob("kiosk.db*"):
        data = path.read_bytes()
        assert not [n for n in needles if n.encode() in data], path.name
    # The ID hash may only be in today's appointment list, cached for offline check-in
    # (the demo books appointments for this very card); nowhere else.
    keyed = demo.kiosk.services.tickets.id_hasher(holder.id_number)
    bare = hashlib.sha256(holder.id_number.encode()).hexdigest()
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            if table == "appointment_cache":
                continue
            rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()  # noqa: S608
            assert keyed not in repr(rows) and bare not in repr(rows), table


def test_a_named_complaint_asks_for_the_card_and_keeps_what_was_typed(demo, qtbot):
    demo.show_page("complainForm", {"anonymous": False})
    wait_page(demo, qtbot, "complainForm")
    assert "实名投诉需要先刷身份证。" in shown(demo)
    assert not item(demo, "complaintSubmit").property("enabled")
    tap(demo, item(demo, "category_attitude"))
    type_into(demo, "complaintText", "工作人员态度差。")
    stack = demo.window.findChild(QObject, "pageStack")
    depth = stack.property("depth")
    tap(demo, item(demo, "complainReadCard"))
    wait_page(demo, qtbot, "idCard")
    tap_card(demo, qtbot)
    qtbot.waitUntil(lambda: demo.current_page() == "complainFormPage")
    qtbot.waitUntil(lambda: demo.card.property("state") == "read")
    assert stack.property("depth") == depth  # the same form, not a copy on top of it
    assert item(demo, "complaintText").property("text") == "工作人员态度差。"
    identity = demo.card.identity
    assert f"实名投诉人：{identity.masked_name}（{identity.masked_id_number}）" in shown(demo)
    type_into(demo, "complaintPhone", PHONE)
    tap(demo, item(demo, "complaintSubmit"))
    wait_page(demo, qtbot, "followUpFiled")
    assert "139****5678" in shown(demo) and "匿名投诉" not in shown(demo)
    number = demo.follow_up_filed.property("trackingNo")

    wait_at_central(demo, qtbot, number)
    demo.demo.central.staff("POST", f"/followups/{number}", {"state": "in_progress"})
    tap(demo, item(demo, "filedLookup"))
    wait_page(demo, qtbot, "followUpStatus")
    qtbot.waitUntil(lambda: "处理中" in shown(demo))
    assert "尚未办结，请耐心等待。" in shown(demo)


def test_a_complaint_needs_a_category_and_text(demo, qtbot):
    demo.show_page("complainForm", {"anonymous": True})
    wait_page(demo, qtbot, "complainForm")
    type_into(demo, "complaintText", "等了很久。")
    tap(demo, item(demo, "complaintSubmit"))
    qtbot.waitUntil(lambda: "请选择投诉类别。" in shown(demo))
    assert item(demo, "summary_category").property("text") == "投诉类别"
    tap(demo, item(demo, "category_efficiency"))
    assert not item(demo, "complaintErrorSummary").isVisible()  # fixed: the summary goes
    type_into(demo, "complaintText", " ")
    tap(demo, item(demo, "complaintSubmit"))
    qtbot.waitUntil(lambda: "请填写内容。" in shown(demo))
    assert item(demo, "summary_text").property("text") == "投诉内容"
    qtbot.waitUntil(item(demo, "complaintText").hasActiveFocus)
    assert demo.follow_up_filed.property("trackingNo") == ""


def test_the_end_of_the_visit_forgets_questions_and_complaints(demo, qtbot):
    ask_about_the_social_security_card(demo, qtbot, "能否代办？", PHONE)
    wait_page(demo, qtbot, "followUpFiled")
    demo.complaints.file("other", "建议增加座椅。", True, "", "", "", "")
    qtbot.waitUntil(lambda: bool(demo.follow_up_filed.property("trackingNo")))
    demo.end_visit()
    wait_page(demo, qtbot, "home")
    assert demo.follow_up_filed.property("trackingNo") == ""
    assert demo.follow_up_filed.property("maskedPhone") == ""
    assert demo.consult.property("reason") == "" and demo.complaints.property("reason") == ""
    assert demo.follow_up_status.property("status") == {}
    assert demo.consult.property("info") == {}
