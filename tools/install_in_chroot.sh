#!/usr/bin/env bash
# Run install/install.sh for real on a fresh Debian 12 root file system and check the result.
#
#   sudo tools/install_in_chroot.sh [--boot] [ROOTFS]   (make install-check; default /var/tmp/kiosk-deb12)
#
# ROOTFS is made anew from a pristine copy kept in ROOTFS.base (debootstrapped on the first run).
#
# This is what a vendor does on a new box, minus the boot: debootstrap a minimal bookworm, add
# what every Debian install has (systemd, sudo), copy this working tree in, run the installer
# (Debian packages, user, venv under /opt/kiosk, keys, udev, units), then check the user and
# groups, modes and owners, enabled units, `kioskctl doctor` with the shipped settings and with
# simulated devices, the first screen rendered by the kiosk user, a second run that changes no
# key, and both kinds of uninstall. Needs root and the Debian and PyPI mirrors; about 10-20
# minutes.
#
# --boot (make boot-check) then also boots the installed system in a virtual machine (QEMU,
# emulated): systemd starts kiosk.service in cage on a virtual screen, which must show the home
# screen (compared with the one rendered above), answer a tap on 取号 through the virtual
# touch screen, and show home again after the app was frozen and the watchdog restarted it
# (tools/boot_check.py; pictures in build/boot/).
#
# Exit codes: 0 every check passed, 1 a check failed, 2 wrong usage or not root.
set -euo pipefail

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BOOT=0
if [ "${1:-}" = --boot ]; then
    BOOT=1
    shift
fi
ROOT="${1:-/var/tmp/kiosk-deb12}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
FAILED=0

say() { printf '==> %s\n' "$*"; }
ok() { printf '  ok   %s\n' "$*"; }
bad() {
    printf '  FAIL %s\n' "$*"
    FAILED=1
}
# expect DESCRIPTION COMMAND...: the command succeeds inside the root file system.
expect() {
    local what="$1"
    shift
    if in_root "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi
}
in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

if [ "$(id -u)" != 0 ]; then
    echo "install_in_chroot.sh: needs root (chroot, mounts)" >&2
    exit 2
fi
command -v debootstrap >/dev/null || {
    echo "install_in_chroot.sh: apt-get install debootstrap" >&2
    exit 2
}

# A pristine debootstrap is kept beside ROOT and copied, so every run starts from a fresh system.
if [ ! -x "$ROOT.base/usr/bin/apt-get" ]; then
    say "debootstrap bookworm (minbase) into $ROOT.base"
    rm -rf "$ROOT.base"
    debootstrap --variant=minbase bookworm "$ROOT.base" "$MIRROR"
fi
for m in dev/pts dev sys proc; do
    if mountpoint -q "$ROOT/$m"; then umount -l "$ROOT/$m"; fi
done
if grep -q " $ROOT/" /proc/mounts; then # never rm -rf through a bind mount of the host's /dev
    echo "install_in_chroot.sh: something is still mounted under $ROOT; unmount it first" >&2
    exit 2
fi
rm -rf "$ROOT"
cp -a "$ROOT.base" "$ROOT"

MOUNTS=(proc sys dev dev/pts)
# shellcheck disable=SC2317  # also called by the EXIT trap
unmount_all() {
    local i
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
        if mountpoint -q "$ROOT/${MOUNTS[$i]}"; then umount -l "$ROOT/${MOUNTS[$i]}"; fi
    done
    return 0
}
mount_all() {
    mount -t proc proc "$ROOT/proc"
    mount --rbind /sys "$ROOT/sys"
    mount --bind /dev "$ROOT/dev"
    mount --bind /dev/pts "$ROOT/dev/pts"
}
trap unmount_all EXIT
mount_all
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
grep -q "[[:space:]]$(hostname)\$" "$ROOT/etc/hosts" 2>/dev/null ||
    echo "127.0.1.1 $(hostname)" >>"$ROOT/etc/hosts" # sudo looks the host name up

say "the base every Debian 12 install has: systemd, sudo"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    systemd systemd-sysv sudo ca-certificates >/dev/null
# Behind a TLS-inspecting proxy the host trusts extra CAs: trust them in the chroot too.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
    in_root update-ca-certificates >/dev/null
fi

say "copy this working tree to /root/src"
rm -rf "$ROOT/root/src"
mkdir -p "$ROOT/root/src"
git -C "$SRC" ls-files -z --cached --others --exclude-standard |
    (cd "$SRC" && xargs -0 tar -cf - --no-recursion) | tar -xf - -C "$ROOT/root/src"

say "install.sh (1st run)"
if in_root bash /root/src/install/install.sh; then
    ok "install.sh exits 0"
else
    bad "install.sh (its output is above)"
    exit 1
fi

say "checks"
expect "user kiosk exists, no login shell" sh -c 'getent passwd kiosk | grep -q ":/usr/sbin/nologin$"'
for group in dialout lp video render input audio; do
    if in_root getent group "$group" >/dev/null; then
        expect "kiosk is in group $group" sh -c "id -nG kiosk | tr ' ' '\n' | grep -qx $group"
    fi
done
mode_owner() { in_root stat -c '%a %U' "$1" 2>/dev/null || echo missing; }
for spec in "/var/lib/kiosk/keys/outbox.key 600 kiosk" "/var/lib/kiosk/keys/terminal.secret 600 kiosk" \
    "/var/lib/kiosk/keys 700 kiosk" "/var/lib/kiosk 700 kiosk" "/etc/kiosk/kiosk.toml 644 root" \
    "/opt/kiosk/venv/bin/kioskctl 755 root"; do
    read -r path mode owner <<<"$spec"
    got="$(mode_owner "$path")"
    if [ "$got" = "$mode $owner" ]; then ok "$path $got"; else bad "$path is '$got', want '$mode $owner'"; fi
done
# shellcheck disable=SC2016  # expanded by the shell inside the chroot
expect "outbox key is 32 bytes" sh -c '[ "$(stat -c %s /var/lib/kiosk/keys/outbox.key)" = 32 ]'
for unit in kiosk.service kiosk-purge.timer pcscd.socket; do
    expect "$unit enabled" systemctl is-enabled -q "$unit"
done
expect "getty on tty1 disabled (the kiosk session owns it)" \
    sh -c '! systemctl is-enabled -q getty@tty1.service'
# shellcheck disable=SC2016
expect "default target graphical" sh -c '[ "$(systemctl get-default)" = graphical.target ]'
expect "unit files verify" systemd-analyze verify /etc/systemd/system/kiosk.service \
    /etc/systemd/system/kiosk-purge.service /etc/systemd/system/kiosk-purge.timer
expect "udev rules installed" test -s /etc/udev/rules.d/60-kiosk.rules
expect "usblp blacklisted" grep -q usblp /etc/modprobe.d/kiosk-usblp.conf
expect "logrotate config parses" logrotate -d /etc/logrotate.d/kiosk
expect "translations built" sh -c 'ls /opt/kiosk/venv/lib/python3*/site-packages/ui/i18n/kiosk_en_US.qm'
expect "kioskctl version" sudo -u kiosk /opt/kiosk/venv/bin/kioskctl version

# Shipped settings name real devices that are not here: doctor must say so and exit 1.
doctor="$(in_root sudo -u kiosk /opt/kiosk/venv/bin/kioskctl doctor 2>&1)" && rc=0 || rc=$?
printf '%s\n' "$doctor" | sed 's/^/       | /'
if [ "$rc" = 1 ] && grep -q "FAIL\] card_reader" <<<"$doctor" && grep -q "OK  \] database" <<<"$doctor" &&
    ! grep -q Traceback <<<"$doctor"; then
    ok "doctor with the shipped settings: database ok, missing devices named, exit 1"
else
    bad "doctor with the shipped settings (exit $rc)"
fi

# Simulated devices: everything but central (not configured) must be fine.
sed -e 's|^card_reader = .*|card_reader = "sim:"|' -e 's|^printer = .*|printer = "sim:"|' \
    "$ROOT/etc/kiosk/kiosk.toml" >"$ROOT/etc/kiosk/sim.toml"
doctor="$(in_root sudo -u kiosk /opt/kiosk/venv/bin/kioskctl --config /etc/kiosk/sim.toml doctor 2>&1)" &&
    rc=0 || rc=$?
printf '%s\n' "$doctor" | sed 's/^/       | /'
if [ "$rc" = 0 ]; then ok "doctor with simulated devices: ready"; else bad "doctor with simulated devices (exit $rc)"; fi

# The kiosk user starts the app and renders its home screen (offscreen: no display here) in
# landscape, as the virtual machine's screen is: the boot check compares the screen with it.
rm -rf "$ROOT/var/tmp/shots"
if in_root sudo -u kiosk env QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software \
    HOME=/var/lib/kiosk/home /opt/kiosk/venv/bin/kiosk --config /etc/kiosk/sim.toml \
    --screenshots /var/tmp/shots --only home-landscape >/dev/null 2>&1 &&
    ls "$ROOT"/var/tmp/shots/*.png >/dev/null 2>&1; then
    ok "the kiosk user renders the home screen"
    mkdir -p "$SRC/build/chroot-shots" && cp "$ROOT"/var/tmp/shots/*.png "$SRC/build/chroot-shots/"
else
    bad "kiosk --screenshots as the kiosk user"
fi
rm -f "$ROOT/etc/kiosk/sim.toml"

say "install.sh (2nd run: idempotent, keys kept)"
before="$(in_root sha256sum /var/lib/kiosk/keys/outbox.key /var/lib/kiosk/keys/terminal.secret)"
in_root sh -c 'echo "# edited by the hall" >> /etc/kiosk/kiosk.toml'
if in_root bash /root/src/install/install.sh --no-apt >/dev/null; then ok "second run exits 0"; else bad "second run"; fi
after="$(in_root sha256sum /var/lib/kiosk/keys/outbox.key /var/lib/kiosk/keys/terminal.secret)"
if [ "$before" = "$after" ]; then ok "keys unchanged"; else bad "keys changed on the second run"; fi
expect "edited settings kept" grep -q "edited by the hall" /etc/kiosk/kiosk.toml

if [ "$BOOT" = 1 ]; then
    say "boot the installed system in a virtual machine"
    in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        linux-image-amd64 >/dev/null
    unmount_all # the disk image is made from the folder: no /proc or /dev in it
    reference=()
    if [ -s "$SRC/build/chroot-shots/home-landscape.png" ]; then
        reference=(--reference "$SRC/build/chroot-shots/home-landscape.png")
    fi
    if "$SRC/.venv/bin/python" "$SRC/tools/boot_check.py" "${reference[@]}" "$ROOT" "$SRC/build/boot"; then
        ok "booted: home screen on the virtual screen, a tap on 取号 answered, home again after the watchdog restart"
    else
        bad "boot check (see build/boot/serial.log)"
    fi
    mount_all
fi

say "uninstall (keeps data)"
if in_root bash /root/src/install/install.sh --uninstall >/dev/null; then ok "uninstall exits 0"; else bad "uninstall"; fi
expect "app removed" test ! -e /opt/kiosk
expect "unit removed" test ! -e /etc/systemd/system/kiosk.service
expect "data and keys kept" test -s /var/lib/kiosk/keys/outbox.key
expect "settings kept" test -s /etc/kiosk/kiosk.toml

say "uninstall --purge-data"
if in_root bash /root/src/install/install.sh --uninstall --purge-data >/dev/null; then
    ok "purge exits 0"
else
    bad "purge"
fi
expect "data removed" test ! -e /var/lib/kiosk
expect "settings removed" test ! -e /etc/kiosk
expect "user removed" sh -c '! getent passwd kiosk'

if [ "$FAILED" = 0 ]; then say "every check passed"; else say "some checks FAILED"; fi
exit "$FAILED"
