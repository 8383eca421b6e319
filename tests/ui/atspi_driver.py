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


def find_app(timeout_s: float = 20.0):
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


def find(app, role: str, name: str, timeout_s: float = 10.0, exact: bool = True):
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


def scenario_not_ready_entry(app, steps: list[str]) -> None:
    find(app, "panel", "首页")
    steps.append("home announced")
    press(app, "取号", exact=False)
    find(app, "panel", "取号暂未开通")
    steps.append("not-ready page announced")
    press(app, "返回首页")
    find(app, "panel", "首页")
    steps.append("back home")


def scenario_elder_and_language(app, steps: list[str]) -> None:
    press(app, "关怀模式（大字）")
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


SCENARIOS = {
    "not_ready_entry": scenario_not_ready_entry,
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
