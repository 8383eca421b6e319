"""Drive the running terminal through the accessibility tree only, as a screen reader would.

Runs under Debian's /usr/bin/python3 (python3-pyatspi), not the project's venv. Usage:
``atspi_driver.py SCENARIO``; prints one JSON line {"ok": bool, "steps": [...], "error": str}.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

APP_NAME = "hall-kiosk"


def find_app(timeout_s: float = 60.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == APP_NAME:
                return app
        time.sleep(0.2)
    raise RuntimeError("the terminal did not appear on the accessibility bus")


def nodes(root, depth: int = 0):
    if depth > 30:
        return
    try:
        states = root.getState()
    except Exception:
        return
    if depth and not states.contains(pyatspi.STATE_SHOWING):
        return
    yield root
    for child in root:
        if child is not None:
            yield from nodes(child, depth + 1)


def find(app, role: str, name: str, timeout_s: float = 60.0, exact: bool = True):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for node in nodes(app):
            try:
                if node.getRoleName() != role:
                    continue
                if (node.name == name) if exact else (name in node.name):
                    return node
            except Exception:
                continue
        time.sleep(0.2)
    raise RuntimeError(f"no {role} named {name!r} is showing")


def press(app, name: str, exact: bool = True) -> None:
    button = find(app, "push button", name, exact=exact)
    button.queryAction().doAction(0)


def set_text(app, name: str, text: str) -> None:
    """Type into the text field called ``name`` as assistive technology does."""
    field = find(app, "text", name)
    editable = field.queryEditableText()
    if not editable.setTextContents(text):
        editable.insertText(0, text, len(text))


def showing(app, role: str, name: str, exact: bool = True) -> bool:
    try:
        find(app, role, name, timeout_s=0.5, exact=exact)
    except RuntimeError:
        return False
    return True


def tap_card(app, steps: list[str]) -> None:
    """The demo's simulated card tap; a sample card that cannot be used is tapped again."""
    for _ in range(4):
        press(app, "演示：模拟刷卡")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if not showing(app, "panel", "请放置身份证"):
                steps.append("card read")
                return  # the card page went on by itself
            if showing(app, "push button", "重新读卡"):
                press(app, "重新读卡")
                break
            time.sleep(0.2)
    raise RuntimeError("no sample card could be read")


def scenario_take_ticket(app, steps: list[str]) -> None:
    find(app, "panel", "首页")
    press(app, "取号")
    find(app, "panel", "取号")
    steps.append("queues listed")
    press(app, "综合窗口", exact=False)
    find(app, "panel", "取号成功", timeout_s=40)
    number = find(app, "label", "号码 ", exact=False).name.split()[-1]
    # "A001" from central, or "T01-A001" from the terminal's own block while central is
    # still starting: either way a number of queue A.
    steps.append("ticket A" if number.split("-")[-1].startswith("A") else f"ticket {number}")
    press(app, "完成")
    find(app, "panel", "首页")
    steps.append("back home")


def scenario_apply_and_rate(app, steps: list[str]) -> None:
    find(app, "panel", "首页")
    press(app, "我要办理")
    find(app, "panel", "我要办理：选择事项")
    set_text(app, "筛选可办理事项", "挂失")
    press(app, "社会保障卡挂失与补换", exact=False)
    press(app, "本人办理")
    find(app, "panel", "办理条件：", exact=False)
    press(app, "我符合条件，下一步")
    steps.append("service chosen")
    if showing(app, "panel", "请放置身份证"):
        tap_card(app, steps)
    set_text(app, "联系电话", "13800000000")
    press(app, "遗失")
    press(app, "下一步")
    steps.append("form filled")
    press(app, "下一步：核对")
    press(app, "确认提交")
    find(app, "push button", "关闭预览", timeout_s=40)
    steps.append("submitted")
    press(app, "关闭预览")
    press(app, "评价本次服务")
    press(app, "非常满意")
    press(app, "提交评价")
    find(app, "heading", "感谢您的评价！", timeout_s=20)
    steps.append("rated")


def scenario_elder_and_language(app, steps: list[str]) -> None:
    press(app, "关怀模式")
    find(app, "push button", "退出关怀模式")
    steps.append("elder mode on")
    press(app, "语言 / 語言 / Language")
    press(app, "English")
    find(app, "panel", "Home")
    steps.append("english home announced")
    press(app, "语言 / 語言 / Language")
    press(app, "繁體中文")
    find(app, "panel", "首頁")
    steps.append("traditional home announced")
    press(app, "语言 / 語言 / Language")
    press(app, "简体中文")
    find(app, "panel", "首页")
    steps.append("chinese again")


def scenario_call_staff(app, steps: list[str]) -> None:
    press(app, "呼叫工作人员，请现场工作人员来帮您")
    find(app, "alert", "已呼叫工作人员", timeout_s=30)
    steps.append("called")
    press(app, "不需要了")
    find(app, "panel", "首页")
    steps.append("cancelled")


def scenario_call_staff_from_reader_lost(app, steps: list[str]) -> None:
    """The reader is gone (the terminal runs without central): from the card page a blind
    citizen finds the call for staff, and the terminal's own call light answers."""
    find(app, "panel", "首页")
    press(app, "预约签到")
    find(app, "panel", "预约签到")
    press(app, "刷身份证")
    find(app, "panel", "请放置身份证")
    find(app, "alert", "读卡器暂时无法使用", timeout_s=30)
    steps.append("reader lost")
    find(app, "push button", "取号到人工窗口", exact=False)
    steps.append("staffed window offered")
    press(app, "呼叫工作人员，请现场工作人员来帮您")
    find(app, "alert", "已呼叫工作人员", timeout_s=30)
    find(app, "label", "呼叫灯已亮起", timeout_s=30, exact=False)
    steps.append("light on")
    press(app, "好的，我等候")
    find(app, "panel", "请放置身份证")
    steps.append("still on the card page")


def scenario_tag_help(app, steps: list[str]) -> None:
    find(app, "panel", "首页")
    press(app, "办事指南")
    press(app, "社会保障，", exact=False)
    press(app, "社会保障卡申领，", exact=False)
    find(app, "heading", "社会保障卡申领")
    steps.append("guide shown")
    tag = find(app, "push button", "同城通办")
    if tag.description != "点击查看说明":
        raise RuntimeError(f"the tag does not say it explains itself: {tag.description!r}")
    tag.queryAction().doAction(0)
    find(app, "label", "在本市任何一个政务服务大厅都能办", exact=False, timeout_s=20)
    steps.append("explained")
    press(app, "知道了")
    deadline = time.monotonic() + 20
    while showing(app, "label", "在本市任何一个政务服务大厅都能办", exact=False):
        if time.monotonic() > deadline:
            raise RuntimeError("the explanation did not close")
        time.sleep(0.2)
    steps.append("closed")


def scenario_scan_material(app, steps: list[str]) -> None:
    """A material scanned at the (simulated) document camera, by name and role only."""
    find(app, "panel", "首页")
    press(app, "我要办理")
    find(app, "panel", "我要办理：选择事项")
    set_text(app, "筛选可办理事项", "挂失")
    press(app, "社会保障卡挂失与补换", exact=False)
    press(app, "本人办理")
    press(app, "我符合条件，下一步")
    if showing(app, "panel", "请放置身份证"):
        tap_card(app, steps)
    set_text(app, "联系电话", "13800000000")
    press(app, "遗失")
    press(app, "下一步")
    find(app, "panel", "申请材料")
    press(app, "扫描上传")
    find(app, "panel", "扫描上传")
    find(app, "image", "高拍仪画面，请把材料放在框内")
    steps.append("camera page")
    press(app, "拍照")
    find(app, "image", "第 1 页", timeout_s=30)
    steps.append("page taken")
    press(app, "完成（1 页）")
    find(app, "label", "已扫描 1 页", timeout_s=30)
    steps.append("scanned")


def scenario_sign_page(app, steps: list[str]) -> None:
    """A commitment's sign page as a screen reader finds it: the words, the signing box and
    its buttons; confirming an empty box is refused aloud; 返回 signs nothing."""
    find(app, "panel", "首页")
    press(app, "我要办理")
    set_text(app, "筛选可办理事项", "居住证")
    press(app, "居住证申领", exact=False)
    press(app, "本人办理")
    press(app, "我符合条件，下一步")
    if showing(app, "panel", "请放置身份证"):
        tap_card(app, steps)
    set_text(app, "联系电话", "13800000000")
    set_text(app, "本市居住地址", "示范市人民路1号")
    set_text(app, "来本市居住起始日期", "20240501")
    press(app, "合法稳定就业")
    press(app, "下一步")
    find(app, "panel", "申请材料")
    press(app, "我已阅读并同意以上承诺", exact=False)
    press(app, "签署承诺")
    find(app, "panel", "签署承诺书：居住地址证明")
    steps.append("sign page")
    find(app, "canvas", "签名框：请在框内签名")
    find(app, "push button", "清除重签")
    press(app, "确认签名")
    find(app, "alert", "请在框内签上您的姓名", timeout_s=20, exact=False)
    steps.append("empty refused")
    press(app, "返回")
    find(app, "panel", "申请材料")
    steps.append("back unsigned")


SCENARIOS = {
    "scan_material": scenario_scan_material,
    "sign_page": scenario_sign_page,
    "tag_help": scenario_tag_help,
    "call_staff": scenario_call_staff,
    "call_staff_from_reader_lost": scenario_call_staff_from_reader_lost,
    "take_ticket": scenario_take_ticket,
    "apply_and_rate": scenario_apply_and_rate,
    "elder_and_language": scenario_elder_and_language,
}


def main() -> int:
    steps: list[str] = []
    try:
        app = find_app()
        SCENARIOS[sys.argv[1]](app, steps)
    except Exception as exc:
        print(json.dumps({"ok": False, "steps": steps, "error": str(exc)}, ensure_ascii=False))
        return 1
    print(json.dumps({"ok": True, "steps": steps}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
