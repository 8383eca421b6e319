"""The guide screens and the card page on the running demo core (real store, emulator, pty)."""

from __future__ import annotations

import pytest

from drivers.printers.sim.inprocess import emulator_of
from tests.ui.conftest import find_item, tap, tap_card, tap_settled, visible_texts

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def open_page(ui, qtbot, name: str) -> None:
    ui.show_page(name)
    qtbot.waitUntil(lambda: ui.current_page() == f"{name}Page")


def test_a_citizen_finds_the_social_security_card_by_initials_and_prints_the_slip(live_ui, qtbot):
    open_page(live_ui, qtbot, "search")
    live_ui.page_command("setQuery", "sbk")
    qtbot.waitUntil(lambda: bool(live_ui.catalog.property("searchResults")))
    first = live_ui.catalog.property("searchResults")[0]
    assert first["name"] == "社会保障卡申领"

    row = None

    def row_shown() -> bool:
        nonlocal row
        row = find_item(live_ui.window.contentItem(), f"result_{first['code']}")
        return row is not None and row.isVisible()

    qtbot.waitUntil(row_shown)
    tap(live_ui, row)
    qtbot.waitUntil(lambda: live_ui.current_page() == "guideDetailPage")
    qtbot.waitUntil(lambda: live_ui.catalog.property("guide").get("code") == first["code"])
    texts = " ".join(visible_texts(live_ui))
    assert "免提交" in texts and "申请材料" in texts

    tap(live_ui, find_item(live_ui.window.contentItem(), "printSlip"))
    qtbot.waitUntil(lambda: live_ui.catalog.property("slipState") == "printed")
    job_text = "\n".join(emulator_of(live_ui.kiosk.printer).jobs[-1].lines)
    assert "一次性告知单" in job_text and "社会保障卡申领" in job_text
    assert "免提交" in job_text
    # Numbered, from a known catalog version, with each material's basis on paper.
    assert "告知单编号" in job_text and "-G0001" in job_text
    assert f"事项目录版本：{live_ui.kiosk.services.catalog.version()}" in job_text
    assert "依据：《示范市社会保障卡管理办法》第十条" in job_text
    assert "办理窗口：社保医保（取号 B 字头）" in job_text
    # Demo mode shows the rendered slip on screen as a print preview.
    qtbot.waitUntil(lambda: bool(live_ui.catalog.property("previewUrl")))
    preview = find_item(live_ui.window.contentItem(), "printPreviewImage")
    qtbot.waitUntil(lambda: preview.implicitWidth() > 300)  # the PNG loaded
    tap(live_ui, find_item(live_ui.window.contentItem(), "closePreview"))
    assert live_ui.catalog.property("previewUrl") == ""


def test_a_citizen_who_types_kaigongsi_gets_the_start_up_bundle_and_its_slip(live_ui, qtbot):
    open_page(live_ui, qtbot, "search")
    live_ui.page_command("setQuery", "我要开公司")
    qtbot.waitUntil(lambda: bool(live_ui.catalog.property("searchResults")))
    first = live_ui.catalog.property("searchResults")[0]
    assert first["code"] == "QY-001" and first["name"].startswith("企业开办“一件事”")

    row = None

    def row_shown() -> bool:
        nonlocal row
        row = find_item(live_ui.window.contentItem(), "result_QY-001")
        return row is not None and row.isVisible()

    qtbot.waitUntil(row_shown)
    tap(live_ui, row)
    qtbot.waitUntil(lambda: live_ui.catalog.property("guide").get("code") == "QY-001")
    texts = " ".join(visible_texts(live_ui))
    assert "企业开办（取号 D 字头）" in texts

    tap(live_ui, find_item(live_ui.window.contentItem(), "printSlip"))
    qtbot.waitUntil(lambda: live_ui.catalog.property("slipState") == "printed")
    emulator = emulator_of(live_ui.kiosk.printer)
    assert emulator is not None
    lines = emulator.jobs[-1].lines
    job_text = "".join(line.strip() for line in lines)  # long lines wrap on paper
    assert "公司章程" in job_text and "可承诺" in job_text
    assert "依据：《中华人民共和国市场主体登记管理条例》第十六条" in job_text
    assert "法定 3 个工作日，承诺 2 个工作日" in job_text and "不收费" in job_text
    assert "办理窗口：企业开办（取号 D 字头）" in job_text


def test_out_of_paper_is_said_in_plain_words_and_the_slip_can_be_printed_again(live_ui, qtbot):
    emulator = emulator_of(live_ui.kiosk.printer)
    live_ui.catalog.openGuide("SB-001")
    open_page(live_ui, qtbot, "guideDetail")
    qtbot.waitUntil(lambda: bool(live_ui.catalog.property("guide")))
    emulator.set(paper="out")
    live_ui.catalog.printSlip("SB-001")
    qtbot.waitUntil(lambda: live_ui.catalog.property("slipState") == "paper_out")
    assert "打印机缺纸，请联系工作人员" in visible_texts(live_ui)
    # The status bar learns it from the same print job: it never says 正常 beside it.
    bar = find_item(live_ui.window.contentItem(), "printerIndicator")
    qtbot.waitUntil(lambda: bar.property("stateText") == "缺纸")
    # …and a person at the staffed window is one tap away.
    assert find_item(live_ui.window.contentItem(), "slipStaffWindow").isVisible()
    emulator.set(paper="ok")
    live_ui.catalog.printSlip("SB-001")
    qtbot.waitUntil(lambda: live_ui.catalog.property("slipState") == "printed")


def test_themes_lead_to_their_services(live_ui, qtbot):
    themes = live_ui.catalog.property("themes")
    assert len(themes) >= 14
    live_ui.catalog.openTheme("social_security")
    open_page(live_ui, qtbot, "serviceList")
    qtbot.waitUntil(lambda: bool(live_ui.catalog.property("services")))
    names = [s["name"] for s in live_ui.catalog.property("services")]
    assert "社会保障卡申领" in names


def test_the_keyboard_open_on_a_page_that_ends_does_not_crash_the_terminal(live_ui, qtbot):
    from PySide6.QtCore import QObject

    open_page(live_ui, qtbot, "search")
    live_ui.page_command("focusField")
    keyboard = live_ui.window.findChild(QObject, "keyboard")
    qtbot.waitUntil(lambda: keyboard.property("active"))
    live_ui.end_visit()  # what the idle timeout does
    qtbot.waitUntil(lambda: live_ui.current_page() == "homePage")
    qtbot.waitUntil(lambda: not keyboard.property("active"))
    open_page(live_ui, qtbot, "search")  # and the next citizen can type again
    live_ui.page_command("focusField")
    qtbot.waitUntil(lambda: keyboard.property("active"))


def test_a_demo_card_tap_reads_the_card_and_shows_only_masked_data(live_ui, qtbot):
    tap(live_ui, find_item(live_ui.window.contentItem(), "demoCardTap"))
    qtbot.waitUntil(lambda: live_ui.current_page() == "idCardPage")
    qtbot.waitUntil(lambda: live_ui.card.property("state") in ("read", "error"))
    assert live_ui.card.property("state") == "read"
    identity = live_ui.card.identity
    shown = " ".join(visible_texts(live_ui))
    assert identity.masked_name in shown
    assert identity.id_number not in shown and identity.name not in shown
    live_ui.end_visit()
    assert live_ui.card.identity is None
    assert live_ui.card.property("maskedName") == ""


def test_a_flow_that_asks_for_the_card_goes_on_by_itself_once_it_is_read(live_ui, qtbot):
    live_ui.show_page("idCard", {"nextPage": "guide", "nextProperties": {}})
    qtbot.waitUntil(lambda: live_ui.current_page() == "idCardPage")
    tap_card(live_ui, qtbot)
    qtbot.waitUntil(lambda: live_ui.card.property("state") == "read")
    qtbot.waitUntil(lambda: live_ui.current_page() == "guidePage")


def test_time_limits_read_in_their_unit_and_a_zero_limit_reads_jiban(live_ui, qtbot):
    live_ui.catalog.openGuide("HY-001")  # 结婚登记: on the spot
    open_page(live_ui, qtbot, "guideDetail")
    qtbot.waitUntil(lambda: live_ui.catalog.property("guide").get("code") == "HY-001")
    limit = find_item(live_ui.window.contentItem(), "timeLimit")
    qtbot.waitUntil(lambda: limit.property("text") == "办理时限：即办")
    texts = " ".join(visible_texts(live_ui))
    assert "0 个工作日" not in texts and "0 个自然日" not in texts

    live_ui.catalog.openGuide("SB-007")  # 工伤认定: the law's 60日 are calendar days
    qtbot.waitUntil(lambda: live_ui.catalog.property("guide").get("code") == "SB-007")
    limit = find_item(live_ui.window.contentItem(), "timeLimit")
    qtbot.waitUntil(lambda: limit.property("text") == "法定时限 60 个自然日，承诺时限 30 个自然日")


def test_the_guide_shows_each_materials_basis_and_what_an_agent_brings(live_ui, qtbot):
    live_ui.catalog.openGuide("SB-001")
    open_page(live_ui, qtbot, "guideDetail")
    qtbot.waitUntil(lambda: live_ui.catalog.property("guide").get("code") == "SB-001")
    guide = live_ui.catalog.property("guide")
    texts = " ".join(visible_texts(live_ui))
    for m in guide["materials"]:
        assert m["basis"] and f"设定依据：{m['basis']}" in texts, m["name"]
    assert "委托他人代办的，另需携带" in texts
    assert "授权委托书" in texts and "受托人（代办人）本人居民身份证" in texts
    assert "设定依据：《中华人民共和国民法典》第一百六十五条" in texts

    # Marriage is registered in person: no agent section.
    live_ui.catalog.openGuide("HY-001")
    qtbot.waitUntil(lambda: live_ui.catalog.property("guide").get("code") == "HY-001")
    qtbot.waitUntil(lambda: "委托他人代办的，另需携带" not in " ".join(visible_texts(live_ui)))
    assert live_ui.catalog.property("guide")["agent_materials"] == []


def test_a_guide_names_its_window_and_takes_that_ticket_straight_away(live_ui, qtbot):
    live_ui.catalog.openGuide("SB-001")
    open_page(live_ui, qtbot, "guideDetail")
    qtbot.waitUntil(lambda: live_ui.catalog.property("guide").get("code") == "SB-001")
    assert live_ui.catalog.property("guide")["queue"] == "social_security"
    qtbot.waitUntil(lambda: "办理窗口：社保医保（取号 B 字头）" in visible_texts(live_ui))
    tap(live_ui, find_item(live_ui.window.contentItem(), "ticketFromGuide"))
    qtbot.waitUntil(lambda: live_ui.current_page() == "ticketResultPage", timeout=20000)
    ticket = live_ui.queue.property("ticket")
    assert ticket["queue"] == "B" and "B0" in ticket["display"]


def test_a_sample_document_opens_full_screen_and_zooms(live_ui, qtbot):
    live_ui.catalog.openGuide("IP-002")  # its first material is a form with a sample
    open_page(live_ui, qtbot, "guideDetail")
    qtbot.waitUntil(lambda: live_ui.catalog.property("guide").get("code") == "IP-002")
    live_ui.page_command("scrollToMaterials")
    materials = live_ui.catalog.property("guide")["materials"]
    index = next(i for i, m in enumerate(materials) if m["sample_url"])
    assert index == 0
    assert materials[index]["sample_url"].startswith("file://")
    root = live_ui.window.contentItem()
    tap(live_ui, find_item(root, f"sample_{index}"))
    viewer = find_item(root, "sampleViewer")
    image = find_item(root, "sampleImage")
    qtbot.waitUntil(lambda: viewer.isVisible() and image.property("sourceSize").width() > 300)
    width = image.width()
    tap(live_ui, find_item(root, "sampleZoomIn"))
    qtbot.waitUntil(lambda: image.width() > width * 1.4)
    # The sample prints to take away: said to be a sample, with the picture at full width.
    emulator = emulator_of(live_ui.kiosk.printer)
    jobs = len(emulator.jobs)
    tap(live_ui, find_item(root, "printSample"))
    qtbot.waitUntil(lambda: live_ui.catalog.property("sampleState") == "printed")
    assert "示范文本已打印，请在出纸口取走" in visible_texts(live_ui)
    job = emulator.jobs[-1]
    assert len(emulator.jobs) == jobs + 1 and job.cut and job.images >= 1  # in bands
    text = "\n".join(job.lines)
    assert "示范文本（填写样例）" in text and materials[index]["name"] in text
    assert "不能作为申请材料提交" in text and "-G0" in text
    assert job.picture is not None and job.picture.height > 800  # the A4 page, not a stamp
    # Demo mode shows the paper above the viewer; closing both leaves the guide.
    qtbot.waitUntil(lambda: bool(live_ui.catalog.property("previewUrl")))
    tap(live_ui, find_item(root, "closePreview"))
    tap(live_ui, find_item(root, "closeSample"))
    qtbot.waitUntil(lambda: not viewer.isVisible())
    live_ui.page_command("showSample", index)  # opened again: last print's words are gone
    assert live_ui.catalog.property("sampleState") == ""


def test_the_status_bar_and_the_card_page_never_disagree_about_the_reader(kiosk_ui, qtbot):
    open_page(kiosk_ui, qtbot, "idCard")
    bar = find_item(kiosk_ui.window.contentItem(), "readerIndicator")
    kiosk_ui.status.reader_lost("reader_lost", "unplugged")
    qtbot.waitUntil(lambda: "读卡器暂时无法使用" in visible_texts(kiosk_ui))
    assert bar.property("state") == "error" and bar.property("stateText") == "故障"
    kiosk_ui.status.reader_back()
    qtbot.waitUntil(lambda: "请将身份证放在感应区" in visible_texts(kiosk_ui))
    assert bar.property("stateText") == "正常"


@pytest.mark.parametrize("reason", ["reader_lost", "card_expired", "unsupported_card"])
def test_every_card_failure_offers_a_ticket_for_the_staffed_window(live_ui, qtbot, reason):
    from kiosk.devices.reader_worker import CardResult

    live_ui.kiosk.events.status.clear()  # the reader's state is what this test says
    open_page(live_ui, qtbot, "idCard")
    if reason == "reader_lost":
        live_ui.status.reader_lost(reason, "unplugged")
    else:
        live_ui.card.on_read(CardResult("sim:sam", reason=reason))
    button = find_item(live_ui.window.contentItem(), "staffWindowTicket")
    qtbot.waitUntil(lambda: button.isVisible() and button.property("enabled"))
    assert button.property("text") == "取号到人工窗口"
    renewal = find_item(live_ui.window.contentItem(), "renewalGuide")
    assert renewal.isVisible() == (reason == "card_expired")


def test_an_expired_id_card_still_leads_its_holder_to_the_renewal_guide(live_ui, qtbot):
    from kiosk.devices.reader_worker import CardResult

    open_page(live_ui, qtbot, "idCard")
    live_ui.card.on_read(CardResult("sim:sam", reason="card_expired"))
    tap_settled(live_ui, qtbot, find_item(live_ui.window.contentItem(), "renewalGuide"))
    qtbot.waitUntil(lambda: live_ui.current_page() == "guideDetailPage")
    qtbot.waitUntil(lambda: live_ui.catalog.property("guide").get("code") == "HJ-003")
    assert "居民身份证申领、换领、补领" in visible_texts(live_ui)


def test_a_search_for_passport_says_where_to_go_and_prints_the_way_there(live_ui, qtbot):
    open_page(live_ui, qtbot, "search")
    live_ui.page_command("setQuery", "护照")
    qtbot.waitUntil(lambda: bool(live_ui.catalog.property("searchResults")))
    first = live_ui.catalog.property("searchResults")[0]
    assert (first["kind"], first["code"]) == ("referral", "ZZ-CRJ-001")
    row = find_item(live_ui.window.contentItem(), f"result_{first['code']}")
    qtbot.waitUntil(lambda: row.isVisible())
    assert find_item(row, "notHereBadge").isVisible()
    assert "不在本大厅办理" in visible_texts(live_ui)
    tap(live_ui, row)
    qtbot.waitUntil(lambda: live_ui.current_page() == "referralPage")
    qtbot.waitUntil(lambda: live_ui.catalog.property("referral").get("code") == "ZZ-CRJ-001")
    texts = " ".join(visible_texts(live_ui))
    assert "示范市公安局出入境管理支队" in texts and "咨询电话：12367" in texts
    assert "国家移民管理局政务服务平台" in texts and "居民身份证原件" in texts

    emulator = emulator_of(live_ui.kiosk.printer)
    jobs = len(emulator.jobs)
    tap(live_ui, find_item(live_ui.window.contentItem(), "printReferral"))
    qtbot.waitUntil(lambda: live_ui.catalog.property("slipState") == "printed")
    assert len(emulator.jobs) == jobs + 1
    job = emulator.jobs[-1]
    paper = "".join(line.strip() for line in job.lines)  # wrapped lines joined again
    assert "办理指引" in paper and "本事项不在本大厅办理" in paper
    assert "办理地点：示范市人民路88号出入境接待大厅" in paper
    assert "告知单编号" in paper and "请携带：居民身份证原件" in paper
    assert job.qr_codes == ["https://s.nia.gov.cn"] and job.cut
    assert "办理指引已打印，请在出纸口取走" in visible_texts(live_ui)


def test_a_referral_out_of_paper_is_said_and_printed_again(live_ui, qtbot):
    emulator = emulator_of(live_ui.kiosk.printer)
    live_ui.catalog.openReferral("ZZ-JJ-001")
    open_page(live_ui, qtbot, "referral")
    qtbot.waitUntil(lambda: bool(live_ui.catalog.property("referral")))
    assert "交管12123" in " ".join(visible_texts(live_ui))
    emulator.set(paper="out")
    live_ui.catalog.printReferral("ZZ-JJ-001")
    qtbot.waitUntil(lambda: live_ui.catalog.property("slipState") == "paper_out")
    assert "打印机缺纸，请联系工作人员" in visible_texts(live_ui)
    emulator.set(paper="ok")
    live_ui.catalog.printReferral("ZZ-JJ-001")
    qtbot.waitUntil(lambda: live_ui.catalog.property("slipState") == "printed")
