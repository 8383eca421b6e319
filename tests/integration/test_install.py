"""install/: the script (shellcheck, dry run), the unit files (systemd-analyze), udev, config.

A real install needs root on a disposable Debian box (VENDOR.md, acceptance checklist); here
we check everything a container-less CI machine can without changing the system.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.config import load_settings
from tests.conftest import REPO

INSTALL = REPO / "install"
SCRIPT = INSTALL / "install.sh"
UNITS = ["kiosk.service", "kiosk-purge.service", "kiosk-purge.timer"]


def live(command: str) -> str:
    """How the plan shows a command for a running systemd: done, or (image build) skipped."""
    if Path("/run/systemd/system").is_dir():
        return f"+ {command}"
    return f"systemd is not running (image build?): skipped '{command}'"


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, timeout=60)


def test_the_install_script_passes_shellcheck():
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck is not installed (make setup installs it from APT_PACKAGES)")
    chroot_check = REPO / "tools" / "install_in_chroot.sh"  # make install-check / boot-check
    fresh = REPO / "tools" / "test_fresh.sh"  # make test-fresh
    done = subprocess.run(
        ["shellcheck", "--severity=info", str(SCRIPT), str(chroot_check), str(fresh)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout


def test_a_dry_run_shows_every_step_and_changes_nothing():
    existed = {p: Path(p).exists() for p in ("/opt/kiosk", "/etc/kiosk", "/var/lib/kiosk")}
    done = _script("--dry-run", "--no-apt")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "dry run: nothing is changed" in out
    assert re.search(r"^\+ usermod -aG \S*dialout,lp", out, re.M)
    for expected in (
        "/etc/udev/rules.d/60-kiosk.rules",
        "/etc/modprobe.d/kiosk-usblp.conf",
        "+ systemctl enable pcscd.socket seatd.service",
        live("systemctl start pcscd.socket seatd.service"),
        live("systemctl daemon-reload"),
        "/etc/systemd/system/kiosk.service",
        "+ systemctl enable kiosk.service",
        "+ systemctl enable kiosk-purge.timer",
        "/etc/logrotate.d/kiosk",
        "/opt/kiosk/venv/bin/python -m pip install",
        "/opt/kiosk/venv/bin/python -m ui.i18n.build",
        "/opt/kiosk/venv/bin/kiosk --warm-cache",
        "keys/outbox.key",
        "keys/terminal.secret",
    ):
        assert expected in out, expected
    if not existed["/etc/kiosk"]:
        assert "/etc/kiosk/kiosk.toml" in out
    assert {p: Path(p).exists() for p in existed} == existed


def test_keep_usblp_and_offline_wheels_change_the_plan(tmp_path):
    out = _script("--dry-run", "--no-apt", "--keep-usblp", "--wheels", str(tmp_path)).stdout
    assert not re.search(r"^\+ install .*kiosk-usblp\.conf", out, re.M)
    assert "keeping the usblp driver" in out
    assert f"--no-index --find-links {tmp_path}" in out


def test_a_dry_run_lists_the_debian_packages_it_would_install():
    done = _script("--dry-run")
    assert done.returncode == 0, done.stderr
    for package in ("cage", "pcscd", "espeak-ng", "speech-dispatcher"):
        installed = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True
        ).stdout
        if "install ok installed" not in installed:
            assert re.search(rf"apt-get install .*\b{re.escape(package)}\b", done.stdout)


def test_uninstall_keeps_data_unless_purge_data_is_given():
    keep = _script("--dry-run", "--uninstall").stdout
    assert live("systemctl stop kiosk.service kiosk-purge.timer") in keep
    assert "+ systemctl disable kiosk.service kiosk-purge.timer" in keep
    assert "+ rm -rf /opt/kiosk" in keep
    assert "/var/lib/kiosk" not in "".join(line for line in keep.splitlines(True) if "rm" in line)
    purge = _script("--dry-run", "--uninstall", "--purge-data").stdout
    assert "+ rm -rf /var/lib/kiosk /etc/kiosk /var/log/kiosk" in purge


@pytest.mark.parametrize("args", [["--purge-data"], ["--bogus"], ["--wheels"]])
def test_wrong_usage_exits_2(args):
    done = _script("--dry-run", *args)
    assert done.returncode == 2
    assert "install.sh:" in done.stderr


def test_help_explains_the_options():
    done = _script("--help")
    assert done.returncode == 0 and "--uninstall" in done.stdout and "--dry-run" in done.stdout


def test_the_unit_files_pass_systemd_analyze_verify(tmp_path):
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is missing (Debian package systemd)")
    # verify also checks that ExecStart= programs exist; on a build machine cage and the
    # installed venv do not, so those two paths (and nothing else) point at /bin/true.
    for unit in UNITS:
        text = (INSTALL / "systemd" / unit).read_text()
        text = text.replace("/usr/bin/cage", "/bin/true")
        text = text.replace("/opt/kiosk/venv/bin/kioskctl", "/bin/true")
        (tmp_path / unit).write_text(text)
    done = subprocess.run(
        ["systemd-analyze", "verify", *(f"./{u}" for u in UNITS)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "SYSTEMD_LOG_COLOR": "0"},
    )
    # verify exits 0 even for directives it ignores, so any message is a failure.
    assert done.returncode == 0 and done.stderr.strip() == "", done.stderr


def _directives(unit: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in (INSTALL / "systemd" / unit).read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            out.setdefault(key, []).append(value)
    return out


def test_the_service_is_a_watched_notify_service_that_keeps_its_devices():
    d = _directives("kiosk.service")
    assert d["Type"] == ["notify"] and d["Restart"] == ["always"]
    assert int(d["WatchdogSec"][0]) > 0 and d["NotifyAccess"] == ["all"]
    assert "PrivateDevices" not in d and d["DevicePolicy"] == ["closed"]
    allowed = " ".join(d["DeviceAllow"])
    for device in ("char-ttyUSB", "char-usb_device", "char-lp", "char-drm", "/dev/tty1"):
        assert device in allowed
    assert d["User"] == ["kiosk"] and d["TTYPath"] == ["/dev/tty1"]
    assert d["ExecStart"][0].startswith("/usr/bin/cage ")
    # No PAM login session: it would move the app out of the unit's cgroup, and systemd would
    # then ignore its READY/WATCHDOG messages (a VM boot showed it). Seat from seatd instead.
    assert "PAMName" not in d and "seatd.service" in " ".join(d["Wants"])
    assert d["Environment"].count("XDG_RUNTIME_DIR=/run/kiosk") == 1 and d["RuntimeDirectory"]
    # X11 through Xwayland: Qt Virtual Keyboard does not work in a Wayland client.
    assert "QT_QPA_PLATFORM=xcb" in d["Environment"]
    # Qt Quick's software renderer, as tested: OpenGL on llvmpipe kept a VM's screen black.
    assert "QT_QUICK_BACKEND=software" in d["Environment"]


def test_udev_rules_name_the_usual_usb_serial_bridges_and_printers():
    rules = (INSTALL / "udev" / "60-kiosk.rules").read_text()
    for vid, pid in (("1a86", "7523"), ("10c4", "ea60"), ("0403", "6001"), ("067b", "2303")):
        line = next(x for x in rules.splitlines() if f'"{vid}"' in x and f'"{pid}"' in x)
        assert 'SUBSYSTEM=="tty"' in line and 'SYMLINK+="kiosk-idreader"' in line
        assert 'GROUP="dialout"' in line
    assert re.search(r'ATTR\{idVendor\}=="0416".*GROUP="lp"', rules)
    assert "blacklist usblp" in (INSTALL / "config" / "kiosk-usblp.conf").read_text()


def test_the_example_settings_file_is_valid(tmp_path, clean_env):
    text = (INSTALL / "config" / "kiosk.toml").read_text()
    example = tmp_path / "kiosk.toml"
    example.write_text(text.replace('"/var/lib/kiosk"', f'"{tmp_path}"', 1))
    settings = load_settings(example, env={})
    assert settings.card_reader == "sam:/dev/kiosk-idreader?baud=115200"
    assert settings.data_dir == tmp_path


def test_vendor_udev_rules_and_device_classes_are_options(tmp_path):
    rules = tmp_path / "acme.rules"
    rules.write_text('SUBSYSTEM=="hidraw", GROUP="dialout"\n')
    plan = _script(
        "--dry-run", "--no-apt", "--udev-rules", str(rules), "--device-allow", "char-hidraw rw"
    ).stdout
    assert f"+ install -D -m 0644 {rules} /etc/udev/rules.d/61-acme.rules" in plan
    assert "char-hidraw rw" in plan and "kiosk.service.d/vendor-devices.conf" in plan
    assert _script("--dry-run", "--device-allow", "char-hidraw; rm -rf /").returncode == 2
    assert _script("--dry-run", "--udev-rules", str(tmp_path / "absent.rules")).returncode == 2
