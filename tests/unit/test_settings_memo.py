"""Settings checked once and remembered (kiosk/settings_memo.py): which starts may build the
window from the remembered values, and what still stops the terminal."""

import json
import os
from pathlib import Path

import pytest

from kiosk import settings_memo
from kiosk.config import ConfigError, load_settings
from kiosk.settings_memo import (
    FrameSettings,
    RememberedWrongly,
    SettingsMemo,
    inputs_key,
    memo_path,
    settings_for_window,
)


@pytest.fixture
def start(tmp_path):
    """A settings file, a data folder and the environment of one terminal."""
    data = tmp_path / "data"
    data.mkdir()
    config = tmp_path / "kiosk.toml"
    config.write_text('hall_name = "示范大厅"\nidle_timeout_s = 120\n', encoding="utf-8")
    env = {
        "KIOSK_CONFIG": str(config),
        "KIOSK_DATA_DIR": str(data),
        "HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    return config, data, env


def _window(env, **cli):
    return settings_for_window(None, env, {"demo": True, **cli})


def _remembered(env, **cli):
    key = inputs_key(None, env, {"demo": True, **cli})
    return SettingsMemo(memo_path(env), key).recall()


def test_a_first_start_checks_before_the_window_and_remembers(start):
    config, data, env = start
    assert _remembered(env) is None
    frame, check = _window(env)
    settings = check()
    assert settings.hall_name == "示范大厅" and settings.demo is True
    assert frame == FrameSettings.of(settings)
    assert (frame.hall_name, frame.idle_timeout_s, frame.data_dir) == ("示范大厅", 120, data)
    assert frame.log_dir == settings.log_dir
    assert _remembered(env) == frame


def test_the_same_inputs_again_give_the_window_the_remembered_values_and_check_after(start):
    _config, _data, env = start
    first, _ = _window(env)
    frame, check = _window(env)
    assert frame == first
    assert check() == load_settings(None, env, demo=True)


@pytest.mark.parametrize(
    "change",
    ["file", "environment", "command line", "staff file", "home", "checking code"],
)
def test_any_changed_input_is_checked_again(start, change, tmp_path, monkeypatch):
    config, data, env = start
    _window(env)
    cli = {}
    if change == "file":
        config.write_text('hall_name = "示范大厅"\nidle_timeout_s = 121\n', encoding="utf-8")
    elif change == "environment":
        env["KIOSK_PRINTER"] = "tcp://127.0.0.1:9100"
    elif change == "command line":
        cli = {"locale": "en_US"}
    elif change == "staff file":
        (data / "staff-settings.json").write_text('{"voice_volume": 30}', encoding="utf-8")
    elif change == "home":
        env["HOME"] = str(tmp_path / "elsewhere")
    else:
        code = tmp_path / "kiosk" / "config.py"
        code.parent.mkdir()
        code.write_text("# another check\n", encoding="utf-8")
        monkeypatch.setattr(settings_memo, "_ROOT", tmp_path)
    assert _remembered(env, **cli) is None


def test_a_staff_change_is_in_the_window_after_its_check(start):
    _config, data, env = start
    _window(env)
    (data / "staff-settings.json").write_text('{"voice_volume": 30}', encoding="utf-8")
    frame, check = _window(env)
    assert frame.voice_volume == 30 == check().voice_volume
    assert _remembered(env) == frame


def test_settings_that_fail_stop_before_the_window_and_are_not_remembered(start):
    config, _data, env = start
    config.write_text("idle_timeout_s = -1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="idle_timeout_s"):
        _window(env)
    assert not memo_path(env).exists()


def test_a_remembered_start_whose_file_has_gone_fails_its_check_and_forgets(start, tmp_path):
    config, _data, env = start
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    config.write_text(f'central_ca_file = "{ca}"\n', encoding="utf-8")
    _window(env)
    ca.unlink()  # the inputs are the same bytes; the certificate they name is gone
    frame, check = _window(env)
    assert frame is not None
    with pytest.raises(ConfigError, match="central_ca_file"):
        check()
    assert not memo_path(env).exists()
    with pytest.raises(ConfigError, match="central_ca_file"):
        _window(env)  # the next start stops before its window


def test_remembered_values_that_were_not_those_checked_are_corrected(start):
    _config, _data, env = start
    _window(env)
    memo = json.loads(memo_path(env).read_text(encoding="utf-8"))
    memo["frame"]["hall_name"] = "别的大厅"
    memo_path(env).write_text(json.dumps(memo), encoding="utf-8")
    frame, check = _window(env)
    assert frame.hall_name == "别的大厅"
    with pytest.raises(RememberedWrongly):
        check()
    assert _remembered(env).hall_name == "示范大厅"


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"key": "%s"}',
        '{"key": "%s", "staff": "", "frame": {"locale": 1}}',
        '{"key": "%s", "staff": "", "frame": []}',
    ],
)
def test_a_damaged_memo_means_checking_again(start, text, caplog):
    _config, _data, env = start
    frame, _ = _window(env)
    key = inputs_key(None, env, {"demo": True})
    memo_path(env).write_text(text.replace("%s", key), encoding="utf-8")
    assert _remembered(env) is None
    again, check = _window(env)
    assert again == frame == FrameSettings.of(check())


def test_every_kind_of_wrong_frame_value_is_refused(start):
    _config, _data, env = start
    frame, _ = _window(env)
    good = frame.to_json()
    assert FrameSettings.from_json(good) == frame
    for name, wrong in (("voice_volume", "70"), ("demo", 1), ("hall_name", None)):
        with pytest.raises(TypeError):
            FrameSettings.from_json({**good, name: wrong})
    with pytest.raises(ValueError):
        FrameSettings.from_json({**good, "extra": 1})


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_cache_that_cannot_be_written_only_means_checking_each_time(start, tmp_path):
    _config, _data, env = start
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    env["XDG_CACHE_HOME"] = str(locked)
    frame, check = _window(env)
    assert frame == FrameSettings.of(check())
    assert _remembered(env) is None


def test_a_cache_folder_that_is_a_file_only_means_checking_each_time(start, tmp_path):
    _config, _data, env = start
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    env["XDG_CACHE_HOME"] = str(blocker)
    frame, check = _window(env)
    assert frame == FrameSettings.of(check())
    assert _remembered(env) is None


def test_the_memo_sits_beside_the_qml_cache():
    assert memo_path({"XDG_CACHE_HOME": "/c"}) == Path("/c/hall-kiosk/settings-checked.json")
    assert memo_path({"HOME": "/h"}) == Path("/h/.cache/hall-kiosk/settings-checked.json")
