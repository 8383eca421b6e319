"""tools/boot_check.py stages test settings into an installed root and must put it back;
tools/screen_match.py tells the terminal's home screen from a black screen or another page."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter

from tools.boot_check import stage
from tools.screen_match import compare


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
    assert "WLR_NO_HARDWARE_CURSORS=1" in dropin
    reporter = (root / "usr/local/sbin/kiosk-bootcheck").read_text()
    # The reporter waits for the host's pictures before it freezes the app and powers off.
    assert reporter.index("wait_host\nbefore=") < reporter.index("SIGSTOP")


def test_the_root_is_put_back_exactly_as_it_was(tmp_path):
    root = installed_root(tmp_path)
    before = snapshot(root)
    stage(root).restore()
    assert snapshot(root) == before


# --- the picture comparison (tools/screen_match.py) -------------------------------------------

SCREENS = Path(__file__).parent / "data" / "screens"


def screen(name: str) -> Image.Image:
    """home-landscape and ticket-queues-landscape: ``kiosk --screenshots`` (demo mode);
    vm-home and vm-guide: captured from the booted virtual machine (not demo, devices still
    being checked, the tablet's pointer on screen). Stored with 64 colours to keep them small."""
    with Image.open(SCREENS / f"{name}.png") as picture:
        return picture.convert("RGB")


def noisy(picture: Image.Image, sigma: float = 8.0) -> Image.Image:
    noise = Image.effect_noise(picture.size, sigma)  # grey noise around 128
    return ImageChops.add(picture, Image.merge("RGB", [noise] * 3), 1.0, -128)


def test_a_black_screen_is_blank_and_fails():
    reference = screen("home-landscape")
    verdict = compare(Image.new("RGB", (1920, 1080)), reference)
    assert verdict.blank and not verdict.matches
    assert verdict.summary() == "blank screen (one colour)"
    # Any other flat colour too, noise or not (cage's background, a console's grey).
    assert compare(noisy(Image.new("RGB", (1920, 1080), (77, 77, 77)), 3), reference).blank


def test_the_home_screenshot_matches_itself_and_a_shifted_noisy_copy():
    reference = screen("home-landscape")
    itself = compare(reference, reference)
    assert itself.matches and itself.regions == 1.0 and itself.status_bar > 0.8
    shifted = noisy(ImageChops.offset(reference, 4, -3).filter(ImageFilter.GaussianBlur(0.8)))
    verdict = compare(shifted, reference)
    assert verdict.matches, verdict.summary()
    assert verdict.regions >= 0.92


def test_the_booted_home_screen_matches_the_offscreen_one():
    # Not demo mode (no demo tag, no demo button), another clock, devices "检测中", a pointer.
    verdict = compare(screen("vm-home"), screen("home-landscape"))
    assert verdict.matches, verdict.summary()
    assert "regions match" in verdict.summary()


def test_another_page_does_not_match_home():
    reference = screen("home-landscape")
    for name in ("ticket-queues-landscape", "vm-guide"):
        verdict = compare(screen(name), reference)
        # The terminal is on screen, but not its home page.
        assert not verdict.blank and verdict.status_bar > 0.8
        assert not verdict.matches and verdict.regions < 0.8, (name, verdict.summary())


def test_a_screen_without_the_status_bar_does_not_match():
    reference = screen("home-landscape")
    no_bar = reference.copy()
    no_bar.paste((238, 242, 247), (0, 0, 1920, 88))
    verdict = compare(no_bar, reference)
    assert verdict.status_bar < 0.1 and not verdict.matches
