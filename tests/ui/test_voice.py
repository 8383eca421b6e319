"""Every page speaks a short prompt; replay and mute work; voice is never required."""

import pytest

from tests.ui.conftest import find_item, tap

pytestmark = pytest.mark.gui


def test_every_page_has_a_spoken_prompt_said_when_it_opens(kiosk_ui, qtbot):
    pages = kiosk_ui.window.property("pages").toVariant()
    said = {}
    for name in pages:
        kiosk_ui.show_page(name, {"entryTitle": "取号"} if name == "notReady" else {})
        qtbot.waitUntil(lambda n=name: kiosk_ui.current_page() == f"{n}Page")
        said[name] = kiosk_ui.voice.property("lastPrompt")
    assert all(said.values()), said
    assert len(set(said.values())) == len(said), "two pages say the same thing"
    assert "身份证" in said["home"]


def test_the_engine_really_gets_the_prompt(kiosk_ui, qtbot):
    from PySide6.QtTextToSpeech import QTextToSpeech

    kiosk_ui.show_page("search")
    engine = kiosk_ui.voice.engine()
    assert engine.engine() == "mock"
    qtbot.waitUntil(lambda: engine.state() != QTextToSpeech.State.Error)
    assert kiosk_ui.voice.property("lastPrompt").startswith("请输入事项名称")


def test_mute_stops_speech_and_replay_speaks_again(kiosk_ui, qtbot):
    root = kiosk_ui.window.contentItem()
    tap(kiosk_ui, find_item(root, "voiceMute"))
    assert kiosk_ui.voice.property("muted")
    kiosk_ui.show_page("guide")
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "guidePage")
    assert kiosk_ui.voice.engine() is None or kiosk_ui.voice.engine().state().name != "Speaking"
    tap(kiosk_ui, find_item(root, "voiceReplay"))
    assert not kiosk_ui.voice.property("muted")
    assert kiosk_ui.voice.property("lastPrompt").startswith("请选择主题")


def test_a_new_visit_starts_unmuted_in_default_mode(kiosk_ui, qtbot):
    kiosk_ui.voice.toggleMute()
    kiosk_ui.shell.toggleElderMode()
    kiosk_ui.end_visit()
    assert not kiosk_ui.voice.property("muted")
    assert not kiosk_ui.shell.property("elderMode")


def test_the_home_prompt_asked_for_while_loading_is_spoken_after_the_first_frame(qtbot):
    from PySide6.QtTextToSpeech import QTextToSpeech

    from ui.voice import VoiceGuide

    voice = VoiceGuide("mock", 50, "zh_CN")
    voice.say("请将身份证放在感应区")
    assert voice._tts is None  # nothing loaded before the first frame
    voice.start()
    engine = voice.engine()
    assert engine is not None and engine.engine() == "mock"
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Speaking, timeout=3000)
    voice.start()  # once only
    assert voice.property("lastPrompt") == "请将身份证放在感应区"
