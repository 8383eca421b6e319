"""Boot an installed Debian root file system in QEMU and watch the terminal come up.

    python tools/boot_check.py ROOTFS OUTDIR      (called by tools/install_in_chroot.sh --boot)

ROOTFS is a folder where install/install.sh has run (and a kernel is installed). For the
boot only, it gets test settings (simulated devices: the virtual machine has no reader or
printer) and a one-shot reporter unit that writes ``BOOTCHECK …`` lines to the serial console:
when kiosk.service is active (the app sent READY=1, so the first screen is up), then after it
froze every process of the unit (``systemctl kill -s SIGSTOP kiosk``, acceptance checklist
line 11) and the watchdog had systemd restart it. The folder is put back as it was afterwards.

The host side makes an ext4 image of the folder, boots it (emulated; KIOSK_BOOT_KVM=1 for
KVM), takes screenshots of the virtual screen through the QEMU monitor at those moments, and
writes ``serial.log``, ``up.png`` and ``restarted.png`` to OUTDIR. Exit 0 when both came.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

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
i=0
until systemctl is-active -q kiosk.service; do
    i=$((i + 1))
    tries=$(systemctl show -p NRestarts --value kiosk.service)
    if [ "$i" -gt 1200 ] || [ "$tries" -ge 3 ]; then say "never-up $(state)"; finish; fi
    if [ $((i % 30)) = 0 ]; then report; fi
    sleep 1
done
say "up $(state)"
sleep 20
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
sleep 20
finish
"""

# The virtual machine has no GPU: cage draws with pixman (Mesa's kms_swrast crashes on
# virtio-gpu dumb buffers here); a real box renders with its GPU. Emulation also runs the app
# several times slower than a real box: allow a slower first screen (the watchdog interval
# itself is left as shipped).
VM_ONLY = """[Service]
Environment=WLR_RENDERER=pixman
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


class Monitor:
    """The QEMU human monitor on a Unix socket."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def command(self, line: str) -> str:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(10)
            s.connect(str(self.path))
            time.sleep(0.2)
            s.recv(65536)  # banner
            s.sendall(line.encode() + b"\n")
            time.sleep(1.0)
            return s.recv(65536).decode(errors="replace")

    def screenshot(self, png: Path) -> bool:
        ppm = png.with_suffix(".ppm")
        ppm.unlink(missing_ok=True)
        self.command(f"screendump {ppm}")
        for _ in range(20):
            if ppm.exists() and ppm.stat().st_size > 0:
                break
            time.sleep(0.5)
        else:
            return False
        from PIL import Image

        time.sleep(0.5)
        Image.open(ppm).save(png)
        ppm.unlink()
        return True


def boot(root: Path, out: Path, image: Path) -> dict[str, str]:
    kernels = sorted((root / "boot").glob("vmlinuz-*"))
    if not kernels:
        raise SystemExit("no kernel in the root folder: apt-get install linux-image-amd64")
    kernel = kernels[-1]
    initrd = root / "boot" / kernel.name.replace("vmlinuz", "initrd.img")
    serial, monitor_path = out / "serial.log", out / "monitor.sock"
    serial.unlink(missing_ok=True)
    monitor_path.unlink(missing_ok=True)
    kvm = use_kvm()
    # The oldest CPU VENDOR.md promises: x86-64-v2 (Nehalem: SSE4.2, POPCNT, no AVX). The Qt
    # wheels stop on less (qemu64: "invalid opcode" in libshiboken6).
    tcg = ["-accel", "tcg,thread=multi", "-cpu", "Nehalem"]
    accel = ["-enable-kvm", "-cpu", "host"] if kvm else tcg
    cmd = [
        "qemu-system-x86_64",
        *accel,
        "-m", "3072", "-smp", "2",
        "-kernel", str(kernel), "-initrd", str(initrd),
        "-append", "root=/dev/vda rw console=ttyS0 video=1920x1080 systemd.show_status=1",
        "-drive", f"file={image},format=raw,if=virtio",
        "-device", "virtio-vga,xres=1920,yres=1080",
        "-display", "none", "-serial", f"file:{serial}",
        "-monitor", f"unix:{monitor_path},server,nowait",
        "-nic", "none", "-no-reboot",
    ]  # fmt: skip
    print(f"boot: {'KVM' if kvm else 'software emulation (slow)'}, {kernel.name}", flush=True)
    qemu = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    monitor = Monitor(monitor_path)
    seen: dict[str, str] = {}
    deadline = time.monotonic() + (900 if kvm else 3000)
    try:
        while time.monotonic() < deadline and qemu.poll() is None:
            text = serial.read_text(errors="replace") if serial.exists() else ""
            for line in text.splitlines():
                if line.startswith("BOOTCHECK "):
                    word, _, rest = line[10:].partition(" ")
                    if word not in seen:
                        seen[word] = rest.strip()
                        print(f"  {line.strip()}", flush=True)
                        if word in ("up", "restarted"):
                            time.sleep(3)  # let the first frame settle
                            monitor.screenshot(out / f"{word}.png")
            if "done" in seen:
                break
            time.sleep(2)
        else:
            if qemu.poll() is None:
                print("boot: timed out", flush=True)
    finally:
        if qemu.poll() is None:
            try:
                qemu.wait(timeout=60)  # the reporter powers off
            except subprocess.TimeoutExpired:
                qemu.kill()
                qemu.wait()
        err = qemu.stderr.read().decode(errors="replace") if qemu.stderr else ""
        if err.strip():
            print(err.strip()[-2000:], file=sys.stderr)
    return seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if shutil.which("qemu-system-x86_64") is None:
        print("boot check: apt-get install qemu-system-x86", file=sys.stderr)
        return 2
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    image = out / "disk.img"
    staged = stage(args.root)
    try:
        make_image(args.root, image)
    finally:
        staged.restore()
    try:
        seen = boot(args.root, out, image)
    finally:
        image.unlink(missing_ok=True)
    ok = "up" in seen and "restarted" in seen
    print(f"boot check: {'passed' if ok else 'FAILED'}; serial log in {out / 'serial.log'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
