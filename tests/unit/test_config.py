from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_valid_without_any_file():
    settings = load_settings(env={})
    assert settings.source == "defaults"
    assert settings.printer == "sim:"
    assert settings.screen_size == (1080, 1920)


def test_file_with_sections_and_flat_keys_is_read(tmp_path):
    path = write(
        tmp_path,
        'printer = "tcp://127.0.0.1:9100"\norientation = "landscape"\nidle_timeout_s = 60\n'
        '[hall]\nid = "H0042"\nname = "示范市政务服务中心"\n'
        '[terminal]\nid = "T07"\n',
    )
    settings = load_settings(path, env={})
    assert (settings.hall_id, settings.hall_name, settings.terminal_id) == (
        "H0042",
        "示范市政务服务中心",
        "T07",
    )
    assert settings.printer == "tcp://127.0.0.1:9100"
    assert settings.screen_size == (1920, 1080)
    assert settings.idle_timeout_s == 60


def test_environment_overrides_the_file(tmp_path):
    path = write(tmp_path, 'printer = "sim:"\nidle_timeout_s = 60\n')
    env = {"KIOSK_PRINTER": "serial:/dev/ttyS0?baud=9600", "KIOSK_IDLE_TIMEOUT_S": "120"}
    settings = load_settings(path, env=env)
    assert settings.printer == "serial:/dev/ttyS0?baud=9600"
    assert settings.idle_timeout_s == 120


def test_kiosk_config_variable_names_the_file(tmp_path):
    path = write(tmp_path, 'hall_name = "东城大厅"\n')
    assert load_settings(env={"KIOSK_CONFIG": str(path)}).hall_name == "东城大厅"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('printer = "bogus"\n', "printer"),
        ('card_reader = "usb:0x1:0x2"\n', "card_reader"),
        ('printer = "tcp://host"\n', "printer"),
        ('scanner = "usb:0x1:0x2"\n', "scanner"),
        ("idle_timeout_s = 5\n", "idle_timeout_s"),
        ('idle_timeout_s = "soon"\n', "idle_timeout_s"),
        ('orientation = "diagonal"\n', "orientation"),
        ('central_url = "ftp://x"\n', "central_url"),
        ('hall_id = "bad id!"\n', "hall_id"),
        ('colour = "red"\n', "colour"),
    ],
)
def test_a_bad_setting_is_refused_naming_its_key(tmp_path, text, key):
    with pytest.raises(ConfigError) as info:
        load_settings(write(tmp_path, text), env={})
    assert info.value.key == key
    assert key in str(info.value)


def test_the_scanner_is_off_by_default_and_takes_a_scanner_uri(tmp_path):
    assert load_settings(env={}).scanner == ""
    path = write(tmp_path, 'scanner = "scanner:/dev/ttyACM0?baud=9600"\n')
    assert load_settings(path, env={}).scanner == "scanner:/dev/ttyACM0?baud=9600"


def test_bad_environment_value_names_the_setting():
    with pytest.raises(ConfigError) as info:
        load_settings(env={"KIOSK_DEMO": "perhaps"})
    assert info.value.key == "demo"


def test_missing_or_broken_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(env={"KIOSK_CONFIG": str(tmp_path / "nope.toml")})
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(write(tmp_path, "printer = \n"), env={})


def test_a_staff_change_survives_a_restart_and_wins_over_the_file(tmp_path):
    from kiosk.config import STAFF_FILE, save_staff_setting

    config = tmp_path / "kiosk.toml"
    config.write_text("voice_volume = 40\n", encoding="utf-8")
    settings = load_settings(config, env={}, data_dir=str(tmp_path))
    assert settings.voice_volume == 40
    saved = save_staff_setting(settings, "voice_volume", 90)
    assert saved.voice_volume == 90
    assert load_settings(config, env={}, data_dir=str(tmp_path)).voice_volume == 90
    # the command line still wins, and a damaged file is ignored rather than fatal
    assert load_settings(config, env={}, data_dir=str(tmp_path), voice_volume=10).voice_volume == 10
    (tmp_path / STAFF_FILE).write_text("{not json", encoding="utf-8")
    assert load_settings(config, env={}, data_dir=str(tmp_path)).voice_volume == 40


def test_staff_may_change_only_what_staff_mode_offers(tmp_path):
    from kiosk.config import save_staff_setting

    settings = load_settings(env={}, data_dir=str(tmp_path))
    with pytest.raises(ConfigError):
        save_staff_setting(settings, "central_url", "http://evil")
    with pytest.raises(ConfigError):
        save_staff_setting(settings, "voice_volume", 150)


def test_a_reload_names_the_changes_that_need_a_restart(tmp_path):
    from dataclasses import replace

    from kiosk.config import needs_restart

    old = load_settings(env={}, data_dir=str(tmp_path))
    new = replace(old, idle_form_s=45, printer="tcp://127.0.0.1:9100", source="x.toml")
    assert needs_restart(old, new) == ["printer"]
