"""Boot an installed Debian root file system in QEMU and check that the terminal is on screen.

    python tools/boot_check.py [--reference PNG] ROOTFS OUTDIR
        (called by tools/install_in_chroot.sh --boot)

ROOTFS is a folder where install/install.sh has run (and a kernel is installed). For the
boot only, it gets test settings (simulated devices: the virtual machine has no reader or
printer) and a one-shot reporter unit that writes ``BOOTCHECK …`` lines to the serial console:
when kiosk.service is active (the app sends READY=1 after its first frame), then after it
froze every process of the unit (``systemctl kill -s SIGSTOP kiosk``, acceptance checklist
line 11) and the watchdog had systemd restart it. The folder is put back as it was afterwards.

The host side makes an ext4 image of the folder and boots it (emulated; KIOSK_BOOT_KVM=1 for
KVM). At each of those moments it captures the virtual screen through QMP and compares it
with the home page rendered offscreen at 1920 x 1080 (tools/screen_match.py: not blank, the
status bar's colour, the same regions): the terminal must show its home screen after boot
and again after the watchdog restart. In between it taps 取号 through QEMU's USB tablet and
the screen must change. The reporter waits for the host (a line on a virtio-serial port)
before it freezes the app and before it powers off.

Writes ``serial.log``, ``up.png``, ``tapped.png``, ``restarted.png`` and ``reference.png`` to
OUTDIR. Exit 0 when all three checks passed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: tools/ is not a package on sys.path then
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.screen_match import REGIONS_NEEDED, Verdict, compare

REPORTER = r"""#!/bin/sh
# Test-only (tools/boot_check.py): how kiosk.service fares, on the serial console.
say() { echo "BOOTCHECK $*" >/dev/ttyS0; }
state() {
    systemctl show -p ActiveState -p SubState -p NRestarts --value kiosk.service | tr '\n' ' '
}
# While waiting, what the unit logs and which processes run go to the console.
report() {
    SYSTEMD_COLORS=0 systemctl status kiosk.service --no-pager -l -n 30
} >/dev/ttyS0 2>&1
finish() {
    journalctl -b -u kiosk.service --no-pager -o short-monotonic | tail -n 60 >/dev/ttyS0
    say done
    systemctl poweroff
    exit 0
}
# The host writes "go" to a virtio-serial port once it has looked at the screen. A read
# there ends at once while the host is not connected, hence the loop; after 5 minutes the
# reporter goes on anyway (a host that went away must not keep the machine up).
wait_host() {
    end=$(($(date +%s) + 300))
    while [ "$(date +%s)" -lt "$end" ]; do
        line=$(timeout 60 head -n 1 /dev/virtio-ports/bootcheck 2>/dev/null) || true
        if [ "$line" = go ]; then return 0; fi
        sleep 1
    done
    say "no-go-from-host"
}
i=0
until systemctl is-active -q kiosk.service; do
    i=$((i + 1))
    tries=$(systemctl show -p NRestarts --value kiosk.service)
    if [ "$i" -gt 1200 ] || [ "$tries" -ge 3 ]; then say "never-up $(state)"; finish; fi
    if [ $((i % 30)) = 0 ]; then report; fi
    sleep 1
done
say "up $(state)"
wait_host
before=$(systemctl show -p NRestarts --value kiosk.service)
say "freeze"
systemctl kill -s SIGSTOP kiosk.service
i=0
while :; do
    now=$(systemctl show -p NRestarts --value kiosk.service)
    if [ "$now" -gt "$before" ] && systemctl is-active -q kiosk.service; then
        say "restarted $(state)"
        break
    fi
    i=$((i + 1))
    if [ "$i" -gt 1200 ]; then say "no-restart $(state)"; break; fi
    sleep 1
done
wait_host
finish
"""

# The virtual machine has no GPU: cage draws with pixman (Mesa's kms_swrast crashes on
# virtio-gpu dumb buffers here), and so the cursor too (with pixman, wlroots finds no format
# for virtio-gpu's cursor plane: "Failed to pick cursor format", then "Basic output test
# failed" on every frame once the tablet moves the pointer); a real box renders with its GPU.
# Emulation also runs the app several times slower than a real box: allow a slower first
# screen (the watchdog interval itself is left as shipped).
VM_ONLY = """[Service]
Environment=WLR_RENDERER=pixman
Environment=WLR_NO_HARDWARE_CURSORS=1
"""
SLOW_START = """[Service]
TimeoutStartSec=900
"""

REPORTER_UNIT = """[Unit]
Description=Boot check reporter (test only)
# Not After=kiosk.service: that would wait for the app's READY=1, and the reporter must see
# the start as it happens.

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/kiosk-bootcheck

[Install]
WantedBy=multi-user.target
"""


class Staged:
    """Files written into the root folder for the boot, and put back afterwards."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.saved: dict[Path, bytes | None] = {}
        self.made: list[Path] = []  # folders created here, removed again (deepest first)

    def _parents(self, path: Path) -> None:
        missing = [p for p in reversed(path.parents) if p.is_relative_to(self.root)]
        for folder in missing:
            if not folder.exists():
                folder.mkdir()
                self.made.append(folder)

    def write(self, rel: str, text: str, mode: int = 0o644) -> None:
        path = self.root / rel.lstrip("/")
        if path not in self.saved:
            self.saved[path] = path.read_bytes() if path.exists() else None
        self._parents(path)
        path.write_text(text, encoding="utf-8")
        path.chmod(mode)

    def link(self, rel: str, target: str) -> None:
        path = self.root / rel.lstrip("/")
        self.saved.setdefault(path, None)
        self._parents(path)
        if path.is_symlink() or path.exists():
            path.unlink()
        path.symlink_to(target)

    def restore(self) -> None:
        for path, content in self.saved.items():
            if content is None:
                if path.is_symlink() or path.exists():
                    path.unlink()
            else:
                path.write_bytes(content)
        for folder in reversed(self.made):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()


def stage(root: Path) -> Staged:
    """Test settings and the reporter unit, for this boot only."""
    staged = Staged(root)
    settings = (root / "etc/kiosk/kiosk.toml").read_text(encoding="utf-8")
    lines = []
    for line in settings.splitlines():
        key = line.split("=", 1)[0].strip()
        if key in ("card_reader", "printer", "orientation"):
            continue
        lines.append(line)
    lines += ['card_reader = "sim:"', 'printer = "sim:"', 'orientation = "landscape"']
    staged.write("/etc/kiosk/kiosk.toml", "\n".join(lines) + "\n")
    staged.write("/etc/fstab", "/dev/vda / ext4 defaults 0 1\n")
    staged.write("/etc/hostname", "kiosk-vm\n")
    staged.write("/usr/local/sbin/kiosk-bootcheck", REPORTER, 0o755)
    dropin = VM_ONLY if use_kvm() else VM_ONLY + SLOW_START.removeprefix("[Service]\n")
    staged.write("/etc/systemd/system/kiosk.service.d/boot-check.conf", dropin)
    staged.write("/etc/systemd/system/kiosk-bootcheck.service", REPORTER_UNIT)
    staged.link(
        "/etc/systemd/system/multi-user.target.wants/kiosk-bootcheck.service",
        "/etc/systemd/system/kiosk-bootcheck.service",
    )
    return staged


def make_image(root: Path, image: Path) -> None:
    used = int(
        subprocess.run(
            ["du", "-sxb", str(root)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
    )
    size = used + 1536 * 1024 * 1024  # room for the database, logs and journal
    image.unlink(missing_ok=True)
    with open(image, "wb") as f:
        f.truncate(size)
    subprocess.run(
        ["mkfs.ext4", "-q", "-F", "-L", "kioskroot", "-d", str(root), str(image)], check=True
    )


def use_kvm() -> bool:
    """KVM only when asked (KIOSK_BOOT_KVM=1): nested KVM inside a VM often hangs or fails
    (seen here: no output at all, or "failed to set MSR 0x10a"); emulation always works."""
    return os.environ.get("KIOSK_BOOT_KVM") == "1" and os.access("/dev/kvm", os.R_OK | os.W_OK)


SCREEN = (1920, 1080)  # the virtual screen (virtio-vga xres/yres), landscape like the reference
# The 取号 tile on the landscape home page (third tile of the first row), in screen pixels;
# measured on the offscreen home screenshot. A tap elsewhere would fail the check loudly.
TICKET_TILE = (1190, 470)
# How long a picture may take to reach the virtual screen after the app said so (READY=1
# after its first frame; the tap): Xwayland and cage still have to compose it, emulated.
SETTLE_S = 60
CAPTURE_EVERY_S = 3


class Qmp:
    """QEMU's machine protocol (QMP) on a Unix socket: screenshots and input events."""

    def __init__(self, path: Path) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(60)
        for _ in range(100):
            try:
                self.sock.connect(str(path))
                break
            except (FileNotFoundError, ConnectionRefusedError):
                time.sleep(0.1)
        self.file = self.sock.makefile("rwb")
        self.file.readline()  # greeting
        self.execute("qmp_capabilities")

    def execute(self, command: str, **arguments: Any) -> Any:
        message: dict[str, Any] = {"execute": command}
        if arguments:
            message["arguments"] = arguments
        self.file.write(json.dumps(message).encode() + b"\n")
        self.file.flush()
        while True:
            line = self.file.readline()
            if not line:
                raise ConnectionError("QEMU closed the QMP socket")
            reply = json.loads(line)
            if "error" in reply:
                raise RuntimeError(f"QMP {command}: {reply['error'].get('desc', reply)}")
            if "return" in reply:  # anything else is an asynchronous event
                return reply["return"]

    def screenshot(self, png: Path) -> bool:
        """Save the virtual screen as PNG; False when QEMU gave no picture."""
        from PIL import Image

        ppm = png.with_suffix(".ppm")
        ppm.unlink(missing_ok=True)
        self.execute("screendump", filename=str(ppm))  # written before the reply comes
        if not ppm.exists() or ppm.stat().st_size == 0:
            return False
        with Image.open(ppm) as picture:
            picture.save(png)
        ppm.unlink()
        return True

    def tap(self, x: int, y: int) -> None:
        """Touch the screen at (x, y) pixels with the USB tablet: move there, press, release."""
        width, height = SCREEN

        def axis(name: str, value: int, size: int) -> dict[str, Any]:
            return {"type": "abs", "data": {"axis": name, "value": value * 0x7FFF // (size - 1)}}

        def button(down: bool) -> dict[str, Any]:
            return {"type": "btn", "data": {"down": down, "button": "left"}}

        self.execute("input-send-event", events=[axis("x", x, width), axis("y", y, height)])
        time.sleep(0.5)
        self.execute("input-send-event", events=[button(True)])
        time.sleep(0.3)
        self.execute("input-send-event", events=[button(False)])

    def close(self) -> None:
        self.sock.close()


@dataclass
class Look:
    """One check of the screen: what was seen, how long it took, where the picture is."""

    verdict: Verdict | None
    ok: bool
    seconds: float
    picture: Path


def watch(qmp: Qmp, picture: Path, reference: Path, done: Any, settle_s: float = SETTLE_S) -> Look:
    """Capture the screen every few seconds until ``done(verdict)`` holds or ``settle_s``
    passed; the last capture is kept as ``picture``."""
    from PIL import Image

    with Image.open(reference) as ref:
        wanted = ref.convert("RGB")
    start = time.monotonic()
    verdict: Verdict | None = None
    while True:
        if qmp.screenshot(picture):
            with Image.open(picture) as shot:
                verdict = compare(shot, wanted)
            if done(verdict):
                return Look(verdict, True, time.monotonic() - start, picture)
        if time.monotonic() - start > settle_s:
            return Look(verdict, False, time.monotonic() - start, picture)
        time.sleep(CAPTURE_EVERY_S)


def shows_home(verdict: Verdict) -> bool:
    return verdict.matches


def left_home(verdict: Verdict) -> bool:
    """The screen shows the terminal (status bar) but no longer its home page."""
    return not verdict.blank and verdict.status_bar >= 0.6 and verdict.regions < REGIONS_NEEDED


def describe(what: str, look: Look) -> str:
    seen = look.verdict.summary() if look.verdict else "no picture from QEMU"
    state = "ok  " if look.ok else "FAIL"
    return f"  {state} {what}: {seen} ({look.seconds:.0f} s) -> {look.picture}"


class Control:
    """The host's side of the reporter's virtio-serial port: tells it to go on. Connected
    from the start (a guest read on an unconnected port ends at once)."""

    def __init__(self, path: Path) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        for _ in range(100):
            try:
                self.sock.connect(str(path))
                break
            except (FileNotFoundError, ConnectionRefusedError):
                time.sleep(0.1)

    def go(self) -> None:
        self.sock.sendall(b"go\n")

    def close(self) -> None:
        self.sock.close()


def boot(root: Path, out: Path, image: Path, reference: Path) -> tuple[dict[str, str], list[Look]]:
    kernels = sorted((root / "boot").glob("vmlinuz-*"))
    if not kernels:
        raise SystemExit("no kernel in the root folder: apt-get install linux-image-amd64")
    kernel = kernels[-1]
    initrd = root / "boot" / kernel.name.replace("vmlinuz", "initrd.img")
    serial, qmp_path, control_path = out / "serial.log", out / "qmp.sock", out / "control.sock"
    for path in (serial, qmp_path, control_path):
        path.unlink(missing_ok=True)
    for name in ("up", "tapped", "restarted"):
        (out / f"{name}.png").unlink(missing_ok=True)
    kvm = use_kvm()
    # The oldest CPU VENDOR.md promises: x86-64-v2 (Nehalem: SSE4.2, POPCNT, no AVX). The Qt
    # wheels stop on less (qemu64: "invalid opcode" in libshiboken6).
    tcg = ["-accel", "tcg,thread=multi", "-cpu", "Nehalem"]
    accel = ["-enable-kvm", "-cpu", "host"] if kvm else tcg
    width, height = SCREEN
    cmd = [
        "qemu-system-x86_64",
        *accel,
        "-m", "3072", "-smp", "2",
        "-kernel", str(kernel), "-initrd", str(initrd),
        "-append", "root=/dev/vda rw console=ttyS0 video=1920x1080 systemd.show_status=1",
        "-drive", f"file={image},format=raw,if=virtio",
        "-device", f"virtio-vga,xres={width},yres={height}",
        # A touch screen as far as the guest can tell: absolute pointer events.
        "-device", "qemu-xhci,id=xhci", "-device", "usb-tablet,bus=xhci.0",
        "-display", "none",
        "-serial", f"file:{serial}",  # ttyS0: console and BOOTCHECK lines
        # /dev/virtio-ports/bootcheck: the host's "go" to the reporter
        "-device", "virtio-serial-pci",
        "-chardev", f"socket,id=bootcheck,path={control_path},server=on,wait=off",
        "-device", "virtserialport,chardev=bootcheck,name=bootcheck",
        "-qmp", f"unix:{qmp_path},server=on,wait=off",
        "-nic", "none", "-no-reboot",
    ]  # fmt: skip
    print(f"boot: {'KVM' if kvm else 'software emulation (slow)'}, {kernel.name}", flush=True)
    qemu = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    qmp = Qmp(qmp_path)
    control = Control(control_path)
    seen: dict[str, str] = {}
    looks: list[Look] = []
    deadline = time.monotonic() + (900 if kvm else 3000)
    try:
        while time.monotonic() < deadline and qemu.poll() is None:
            text = serial.read_text(errors="replace") if serial.exists() else ""
            for line in text.splitlines():
                if not line.startswith("BOOTCHECK "):
                    continue
                word, _, rest = line[10:].partition(" ")
                if word in seen:
                    continue
                seen[word] = rest.strip()
                print(f"  {line.strip()}", flush=True)
                if word == "up":
                    look = watch(qmp, out / "up.png", reference, shows_home)
                    looks.append(look)
                    print(describe("home screen after boot", look), flush=True)
                    qmp.tap(*TICKET_TILE)
                    look = watch(qmp, out / "tapped.png", reference, left_home)
                    looks.append(look)
                    print(describe(f"tap on 取号 at {TICKET_TILE}", look), flush=True)
                    control.go()
                elif word == "restarted":
                    look = watch(qmp, out / "restarted.png", reference, shows_home)
                    looks.append(look)
                    print(describe("home screen after the watchdog restart", look), flush=True)
                    control.go()
                elif word in ("never-up", "no-restart"):
                    control.go()
            if "done" in seen:
                break
            time.sleep(2)
        else:
            if qemu.poll() is None:
                print("boot: timed out", flush=True)
    finally:
        qmp.close()
        control.close()
        if qemu.poll() is None:
            try:
                qemu.wait(timeout=120)  # the reporter powers off
            except subprocess.TimeoutExpired:
                qemu.kill()
                qemu.wait()
        err = qemu.stderr.read().decode(errors="replace") if qemu.stderr else ""
        if err.strip():
            print(err.strip()[-2000:], file=sys.stderr)
        for path in (qmp_path, control_path):
            path.unlink(missing_ok=True)
    return seen, looks


def render_reference(out: Path) -> Path:
    """The landscape home page rendered offscreen by this checkout's ``kiosk``."""
    kiosk = Path(sys.executable).parent / "kiosk"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    with tempfile.TemporaryDirectory(prefix="boot-ref-") as tmp:
        subprocess.run(
            [str(kiosk), "--screenshots", tmp, "--only", "home-landscape"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        target = out / "reference.png"
        shutil.copyfile(Path(tmp) / "home-landscape.png", target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--reference",
        type=Path,
        help="the landscape home page rendered offscreen (default: rendered here)",
    )
    parser.add_argument("root", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if shutil.which("qemu-system-x86_64") is None:
        print("boot check: apt-get install qemu-system-x86", file=sys.stderr)
        return 2
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    if args.reference:
        reference = out / "reference.png"
        if args.reference.resolve() != reference.resolve():
            shutil.copyfile(args.reference, reference)
    else:
        reference = render_reference(out)
    image = out / "disk.img"
    staged = stage(args.root)
    try:
        make_image(args.root, image)
    finally:
        staged.restore()
    started = time.monotonic()
    try:
        seen, looks = boot(args.root, out, image, reference)
    finally:
        image.unlink(missing_ok=True)
    minutes = (time.monotonic() - started) / 60
    ok = "up" in seen and "restarted" in seen and len(looks) == 3 and all(look.ok for look in looks)
    print(
        f"boot check: {'passed' if ok else 'FAILED'} after {minutes:.1f} min of emulated boot; "
        f"pictures and serial log in {out}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
