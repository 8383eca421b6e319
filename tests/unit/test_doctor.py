import json
import os
import stat

import pytest

from kiosk.cli import main as kioskctl
from kiosk.cli.doctor import check_screen_font, check_translations


def run_doctor(capsys, *args: str) -> tuple[int, dict]:
    code = kioskctl(["doctor", "--json", *args])
    return code, json.loads(capsys.readouterr().out)


def checks_by_name(report: dict) -> dict[str, dict]:
    return {c["name"]: c for c in report["checks"]}


@pytest.fixture
def settings_file(tmp_path, data_dir, clean_env, monkeypatch):
    path = tmp_path / "kiosk.toml"
    path.write_text(f'data_dir = "{data_dir}"\n', encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(path))
    return path


def test_doctor_passes_on_a_good_terminal(capsys, settings_file, data_dir):
    code, report = run_doctor(capsys)
    assert code == 0
    assert report["ok"] is True
    checks = checks_by_name(report)
    assert checks["database"]["state"] == "ok"
    assert checks["printer"]["state"] == "ok"
    assert (data_dir / "kiosk.db").exists()


def test_doctor_reports_a_broken_setting_by_name(capsys, settings_file):
    settings_file.write_text('printer = "laser"\n', encoding="utf-8")
    code, report = run_doctor(capsys)
    assert code == 1
    (check,) = report["checks"]
    assert check["state"] == "error"
    assert "printer" in check["detail"]
    assert "printer" in check["hint"]


def test_doctor_reports_a_printer_without_a_driver_and_checks_the_rest(
    capsys, settings_file, data_dir
):
    settings_file.write_text(
        f'data_dir = "{data_dir}"\nprinter = "laser:please"\n', encoding="utf-8"
    )
    code, report = run_doctor(capsys)
    assert code == 1
    checks = checks_by_name(report)
    assert "no printer driver for 'laser' is installed" in checks["printer"]["detail"]
    assert "plug-in" in checks["printer"]["hint"]
    assert checks["card_reader"]["state"] == "ok"
    assert checks["database"]["state"] == "ok"


def test_doctor_human_output_says_what_to_fix(capsys, settings_file):
    settings_file.write_text("idle_timeout_s = 1\n", encoding="utf-8")
    assert kioskctl(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and "idle_timeout_s" in out and "NOT ready" in out
    assert "Traceback" not in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_doctor_reports_an_unwritable_data_folder(capsys, settings_file, data_dir):
    data_dir.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        code, report = run_doctor(capsys)
    finally:
        data_dir.chmod(stat.S_IRWXU)
    assert code == 1
    assert checks_by_name(report)["data_folder"]["state"] == "error"


def test_doctor_reports_a_data_folder_that_is_a_file(capsys, tmp_path, clean_env, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    path = tmp_path / "kiosk.toml"
    path.write_text(f'data_dir = "{blocker}"\n', encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(path))
    code, report = run_doctor(capsys)
    assert code == 1
    assert checks_by_name(report)["data_folder"]["state"] == "error"


def test_doctor_reports_a_corrupt_database(capsys, settings_file, data_dir):
    (data_dir / "kiosk.db").write_bytes(b"garbage" * 1000)
    code, report = run_doctor(capsys)
    assert code == 1
    check = checks_by_name(report)["database"]
    assert check["state"] == "error" and check["hint"]


def test_doctor_reports_an_unreachable_central_service(capsys, settings_file, data_dir):
    from central.testing import free_port

    settings_file.write_text(
        f'data_dir = "{data_dir}"\ncentral_url = "http://127.0.0.1:{free_port()}"\n',
        encoding="utf-8",
    )
    code, report = run_doctor(capsys)
    assert code == 1
    assert checks_by_name(report)["central"]["state"] == "error"


def test_doctor_checks_the_scanner_when_one_is_configured(capsys, settings_file, data_dir):
    settings_file.write_text(f'data_dir = "{data_dir}"\nscanner = "sim:"\n', encoding="utf-8")
    code, report = run_doctor(capsys)
    assert code == 0 and checks_by_name(report)["scanner"]["state"] == "ok"
    settings_file.write_text(
        f'data_dir = "{data_dir}"\nscanner = "scanner:{data_dir}/ttyACM9"\n', encoding="utf-8"
    )
    code, report = run_doctor(capsys)
    assert code == 1 and checks_by_name(report)["scanner"]["state"] == "error"


def test_doctor_warns_when_translations_are_not_built(tmp_path):
    ts = tmp_path / "kiosk_en_US.ts"
    ts.write_text("<TS/>", encoding="utf-8")
    (tmp_path / "kiosk_zh_TW.ts").write_text("<TS/>", encoding="utf-8")
    (tmp_path / "kiosk_zh_TW.qm").write_bytes(b"qm")
    check = check_translations(tmp_path)
    assert check.state == "warning" and "en_US" in check.detail and "zh_TW" not in check.detail
    assert "ui.i18n.build" in check.hint
    (tmp_path / "kiosk_en_US.qm").write_bytes(b"qm")
    os.utime(ts, (1, 1))  # the source is older than its build
    assert check_translations(tmp_path).state == "ok"


def test_doctor_warns_when_the_screen_font_is_not_built_or_older_than_the_screens(tmp_path):
    fonts = tmp_path / "fonts"
    (tmp_path / "qml").mkdir()
    fonts.mkdir()
    page = tmp_path / "qml" / "HomePage.qml"
    page.write_text('Text { text: qsTr("办事指南") }', encoding="utf-8")
    check = check_screen_font(fonts)
    assert check.state == "warning" and "not built" in check.detail
    assert "ui.fonts.build" in check.hint
    for name in ("KioskSansSC-Regular.otf", "KioskSansSC-Bold.otf"):
        (fonts / name).write_bytes(b"otf")
    assert check_screen_font(fonts).state == "ok"
    os.utime(fonts / "KioskSansSC-Bold.otf", (1, 1))  # built before the page changed
    check = check_screen_font(fonts)
    assert check.state == "warning" and "older" in check.detail
