"""tools/boot_check.py stages test settings into an installed root and must put it back."""

from __future__ import annotations

import os
from pathlib import Path

from tools.boot_check import stage


def snapshot(root: Path) -> dict[str, str]:
    """Every folder, file and link below ``root`` with its content or target."""
    seen: dict[str, str] = {}
    for dirpath, _dirs, files in os.walk(root):
        seen[str(Path(dirpath).relative_to(root)) + "/"] = ""
        for name in files:
            path = Path(dirpath) / name
            rel = str(path.relative_to(root))
            seen[rel] = f"-> {os.readlink(path)}" if path.is_symlink() else path.read_text()
    return seen


def installed_root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "etc/kiosk").mkdir(parents=True)
    (root / "etc/kiosk/kiosk.toml").write_text(
        'hall_id = "H0001"\ncard_reader = "sam:/dev/kiosk-idreader"\n'
        'printer = "usb:0x0416:0x5011"\n'
    )
    (root / "etc/fstab").write_text("# empty\n")
    (root / "etc/systemd/system").mkdir(parents=True)
    return root


def test_the_boot_uses_simulated_devices_and_the_reporter(tmp_path):
    root = installed_root(tmp_path)
    stage(root)
    settings = (root / "etc/kiosk/kiosk.toml").read_text()
    assert 'card_reader = "sim:"' in settings and 'printer = "sim:"' in settings
    assert "kiosk-idreader" not in settings and 'hall_id = "H0001"' in settings
    assert (root / "etc/fstab").read_text().startswith("/dev/vda / ext4")
    link = root / "etc/systemd/system/multi-user.target.wants/kiosk-bootcheck.service"
    assert link.is_symlink()
    assert os.access(root / "usr/local/sbin/kiosk-bootcheck", os.X_OK)
    dropin = (root / "etc/systemd/system/kiosk.service.d/boot-check.conf").read_text()
    assert "WLR_RENDERER=pixman" in dropin  # the VM has no GPU; the shipped unit is untouched


def test_the_root_is_put_back_exactly_as_it_was(tmp_path):
    root = installed_root(tmp_path)
    before = snapshot(root)
    stage(root).restore()
    assert snapshot(root) == before
