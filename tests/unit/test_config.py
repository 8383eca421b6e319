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
        ('beacon = "usb:0x1:0x2"\n', "beacon"),
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


def test_the_call_light_is_off_by_default_and_takes_a_led(tmp_path):
    assert load_settings(env={}).beacon == ""
    assert load_settings(write(tmp_path, 'beacon = "led:call"\n'), env={}).beacon == "led:call"


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
    from kiosk.config import needs_restart

    old = load_settings(env={}, data_dir=str(tmp_path))
    changes = {"idle_form_s": 45, "printer": "tcp://127.0.0.1:9100", "source": "x.toml"}
    new = old.model_copy(update=changes)
    assert needs_restart(old, new) == ["printer"]


def test_settings_made_in_code_take_only_what_they_are_given(monkeypatch):
    from kiosk.config import Settings

    monkeypatch.setenv("KIOSK_PRINTER", "tcp://127.0.0.1:9100")
    assert Settings().printer == "sim:"
    assert Settings(printer="serial:/dev/ttyS0").printer == "serial:/dev/ttyS0"


def test_settings_are_immutable_and_hashable(tmp_path):
    from pydantic import ValidationError

    settings = load_settings(env={}, data_dir=str(tmp_path))
    with pytest.raises(ValidationError):
        settings.printer = "tcp://127.0.0.1:9100"  # type: ignore[misc]
    copy = settings.model_copy(update={"idle_form_s": 45})
    assert (copy.idle_form_s, settings.idle_form_s) == (45, 60)
    assert {settings: 1}[settings.model_copy()] == 1


def test_environment_text_is_read_as_numbers_and_switches(tmp_path):
    env = {"KIOSK_IDLE_TIMEOUT_S": " 120 ", "KIOSK_DEMO": "yes", "KIOSK_STAFF_CAN_EXIT": ""}
    settings = load_settings(env=env, data_dir=str(tmp_path))
    assert (settings.idle_timeout_s, settings.demo, settings.staff_can_exit) == (120, True, False)


def test_source_and_unknown_keys_cannot_be_set_from_the_file(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_settings(write(tmp_path, 'source = "elsewhere"\n'), env={})
    assert info.value.key == "source" and "unknown setting" in str(info.value)


def test_a_client_key_without_its_certificate_is_refused(tmp_path):
    key = tmp_path / "client.key"
    key.write_text("key", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(write(tmp_path, f'central_client_key = "{key}"\n'), env={})
    assert info.value.key == "central_client_key" and "central_client_cert" in str(info.value)


def test_a_staff_value_out_of_range_is_ignored_rather_than_fatal(tmp_path):
    from kiosk.config import STAFF_FILE

    (tmp_path / STAFF_FILE).write_text('{"voice_volume": 150}', encoding="utf-8")
    assert load_settings(env={}, data_dir=str(tmp_path)).voice_volume == 70


def test_the_face_checks_thresholds_come_from_the_settings_file(tmp_path):
    from kiosk.app import build_kiosk

    defaults = load_settings(write(tmp_path, ""), env={})
    assert (defaults.face_match_distance, defaults.face_max_failures) == (0.5, 3)
    text = '[face]\ncamera = "sim:face?seq=holder-live"\nmatch_distance = 0.42\nmax_failures = 2\n'
    settings = load_settings(write(tmp_path, text), env={}, data_dir=str(tmp_path / "data"))
    assert settings.face_camera == "sim:face?seq=holder-live"
    terminal = build_kiosk(settings)
    try:
        used = terminal.services.face_checks.settings
    finally:
        terminal.stop()
    assert (used.match_distance, used.max_failures, used.timeout_s) == (0.42, 2, 12.0)
    with pytest.raises(ConfigError) as info:  # beyond what the engine was measured for
        load_settings(write(tmp_path, "[face]\nmatch_distance = 0.95\n"), env={})
    assert info.value.key == "face_match_distance"
