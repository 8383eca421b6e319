"""Traditional Chinese (zh_TW) is converted by OpenCC with Taiwan phrasing; the hall's own
words must survive it: 窗口 is a service window, not a window on a screen (視窗), and 免提交
means nothing to hand in, not a loudspeaker (擴音)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import opencc

from ui.i18n.build import HERE, to_traditional


def test_the_conversion_keeps_the_hall_words() -> None:
    converter = opencc.OpenCC("s2twp")
    assert to_traditional(converter, "请到人工窗口办理") == "請到人工窗口辦理"
    assert to_traditional(converter, "免提交（%1 项）") == "免提交（%1 項）"
    # Everything else is still converted with Taiwan phrasing.
    assert to_traditional(converter, "打印回执") == "列印回執"


def test_no_traditional_translation_speaks_of_screens_or_loudspeakers() -> None:
    tree = ET.parse(HERE / "kiosk_zh_TW.ts")
    wrong = [
        t.text
        for t in tree.iter("translation")
        if t.text and ("視窗" in t.text or "擴音" in t.text)
    ]
    assert wrong == []
