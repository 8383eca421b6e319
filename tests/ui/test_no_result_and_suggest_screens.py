"""A search that finds nothing is never a dead end: 咨询, 呼叫工作人员 and 我有建议, and the
suggestion form (群众点菜) on the running demo core, filed at central with a number."""

from __future__ import annotations

import pytest

from drivers.printers.sim.inprocess import emulator_of
from tests.ui.conftest import tap, tap_settled
from tests.ui.inquiry_helpers import item, shown, wait_page
from tests.ui.test_consult_complaint_screens import type_into, wait_at_central

pytestmark = [pytest.mark.gui, pytest.mark.slow]

PHONE = "13912345678"


def search_nothing(ui, qtbot, query: str) -> None:
    ui.show_page("search")
    wait_page(ui, qtbot, "search")
    ui.page_command("setQuery", query)
    qtbot.waitUntil(lambda: item(ui, "noResultHelp") is not None)
    qtbot.waitUntil(lambda: item(ui, "noResultHelp").isVisible())


def test_nothing_found_offers_consultation_staff_and_a_suggestion(demo, qtbot):
    search_nothing(demo, qtbot, "火星移民")
    text = shown(demo)
    assert "没有找到“火星移民”" in text and "呼叫工作人员" in text
    # A call for help from here tells staff why.
    assert demo.window.property("assistReason") == "search_no_result"
    tap_settled(demo, qtbot, item(demo, "noResultConsult"))
    wait_page(demo, qtbot, "consult")
    demo.show_page("search")
    wait_page(demo, qtbot, "search")
    demo.page_command("setQuery", "社保")
    qtbot.waitUntil(lambda: bool(demo.catalog.property("searchResults")))
    qtbot.waitUntil(lambda: not item(demo, "noResultHelp").isVisible())
    assert demo.window.property("assistReason") == ""


def test_a_suggestion_from_a_failed_search_gets_a_number_a_slip_and_reaches_central(demo, qtbot):
    search_nothing(demo, qtbot, "开在职证明")
    tap_settled(demo, qtbot, item(demo, "noResultSuggest"))
    wait_page(demo, qtbot, "suggest")
    assert item(demo, "suggestAbout").property("text") == "开在职证明"  # what was looked for
    tap(demo, item(demo, "suggestSubmit"))
    qtbot.waitUntil(lambda: "请填写内容。" in shown(demo))
    tap(demo, item(demo, "suggestProof"))
    type_into(demo, "suggestText", "办事时不要再要求单位开在职证明")
    type_into(demo, "suggestPhoneField", "call me")
    # The refusal focused a field (the keyboard may cover the button): submit as Enter does.
    demo.page_command("submit")
    qtbot.waitUntil(lambda: "电话号码有误，请输入11位手机号或带区号的固定电话。" in shown(demo))
    assert demo.current_page() == "suggestPage"
    type_into(demo, "suggestPhoneField", PHONE)
    demo.page_command("submit")
    wait_page(demo, qtbot, "followUpFiled")
    number = demo.follow_up_filed.property("trackingNo")
    text = shown(demo)
    assert "建议已提交" in text and number in text and "139****5678" in text
    assert PHONE not in text
    qtbot.waitUntil(lambda: demo.follow_up_filed.property("slipState") == "printed")
    slip = "\n".join(emulator_of(demo.kiosk.printer).jobs[-1].lines)
    assert number in slip and "取消不必要的证明" in slip and PHONE not in slip
    wait_at_central(demo, qtbot, number)


def test_the_consult_page_offers_a_suggestion_and_leads_a_referral_to_its_page(demo, qtbot):
    demo.show_page("consult")
    wait_page(demo, qtbot, "consult")
    tap(demo, item(demo, "consultSuggest"))
    wait_page(demo, qtbot, "suggest")
    demo.show_page("consult")
    wait_page(demo, qtbot, "consult")
    type_into(demo, "consultSearchField", "驾照")
    qtbot.waitUntil(lambda: item(demo, "consultResult_ZZ-JJ-001") is not None)
    tap(demo, item(demo, "consultResult_ZZ-JJ-001"))
    wait_page(demo, qtbot, "referral")
    qtbot.waitUntil(lambda: "交管12123" in shown(demo))
