#!/usr/bin/env bash
# Install the hall self-service terminal on Debian 12 and derivatives (UOS, Kylin).
#
#   sudo install/install.sh                 install or upgrade (safe to run again)
#   sudo install/install.sh --dry-run       print every action, change nothing
#   sudo install/install.sh --uninstall     remove the software, keep data and settings
#   sudo install/install.sh --uninstall --purge-data   ... and remove data, settings, user
#
# Options:
#   --wheels DIR     install Python packages offline from DIR (pip --no-index --find-links)
#   --keep-usblp     do not blacklist the usblp kernel driver (printer = "file:/dev/usb/lp0")
#   --no-apt         skip Debian packages (already installed, or installed by an image)
#   --no-session     do not enable the cage session on tty1 (headless test box)
#   --udev-rules FILE  also install a driver vendor's udev rules (repeatable)
#   --device-allow "SPEC"  let the terminal open another device class, e.g. "char-hidraw rw"
#                    (repeatable; a systemd drop-in for kiosk.service, see install/VENDOR.md)
#
# Without a running systemd (building an OS image in a chroot), units are enabled but nothing is
# started or reloaded; they start on the first boot.
#
# Exit codes: 0 done, 1 a step failed, 2 wrong usage or not root.
set -euo pipefail

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX=/opt/kiosk
VENV="$PREFIX/venv"
CONF_DIR=/etc/kiosk
DATA_DIR=/var/lib/kiosk
LOG_DIR=/var/log/kiosk
KIOSK_USER=kiosk
UNIT_DIR=/etc/systemd/system
UDEV_RULES=/etc/udev/rules.d/60-kiosk.rules
USBLP_CONF=/etc/modprobe.d/kiosk-usblp.conf
LOGROTATE_CONF=/etc/logrotate.d/kiosk
UNITS=(kiosk.service kiosk-purge.service kiosk-purge.timer)

# Debian packages: Python, PC/SC (pcscd + CCID driver; headers and swig build pyscard when no
# wheel fits), cage (Wayland kiosk compositor) with the Wayland/EGL libraries Qt needs, CJK
# fonts, voice (speech-dispatcher with espeak-ng), USB access (libusb), logrotate, seatd (the
# seat for cage without a login session; libseat1 is content with logind, which would need
# one), and Xwayland, without which Debian's cage refuses to start (only recommended there,
# and this installs without recommends); the app runs on Xwayland (Qt's xcb libraries) because
# Qt Virtual Keyboard does not work in a Wayland client.
# cups-client (lp) and cups-ipp-utils (ipptool): the A4 printer's driver (drivers/pages).
APT_PACKAGES=(
    python3 python3-venv python3-pip python3-dev build-essential swig libpcsclite-dev
    pcscd libccid cage libwayland-client0 libwayland-cursor0 libwayland-egl1 libegl1 libgl1
    libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 libpulse0 fonts-noto-cjk
    speech-dispatcher speech-dispatcher-espeak-ng espeak-ng libusb-1.0-0 udev logrotate
    seatd xwayland libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1
    libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0
    cups-client cups-ipp-utils
)

DRY_RUN=0
UNINSTALL=0
PURGE_DATA=0
KEEP_USBLP=0
NO_APT=0
NO_SESSION=0
WHEELS=""
VENDOR_RULES=()
DEVICE_ALLOW=()
VENDOR_DROPIN_DIR=/etc/systemd/system/kiosk.service.d
VENDOR_DROPIN="$VENDOR_DROPIN_DIR/vendor-devices.conf"

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | grep '^#' | sed 's/^# \{0,1\}//'
}

say() {
    printf '==> %s\n' "$*"
}

# Run a command, or only show it in a dry run.
run() {
    if [ "$DRY_RUN" = 1 ]; then
        printf '+ %s\n' "$*"
    else
        "$@"
    fi
}

# systemd is running (sd_booted): otherwise this is an image being built in a chroot.
systemd_running() {
    [ -d /run/systemd/system ]
}

# Run a command that talks to a running systemd or udevd; skipped while building an image.
live() {
    if systemd_running; then
        run "$@"
    else
        say "systemd is not running (image build?): skipped '$*', done at first boot"
    fi
}

# Copy a file from the source tree into place with a mode (overwrites: the shipped version wins).
put() {
    local src="$1" dest="$2" mode="$3"
    run install -D -m "$mode" "$SRC/$src" "$dest"
}

# Create a secret file of random bytes unless it exists (never overwrite a key in use).
make_secret() {
    local dest="$1" kind="$2"
    if [ -e "$dest" ]; then
        say "keeping existing $dest"
        return
    fi
    if [ "$DRY_RUN" = 1 ]; then
        printf '+ create %s (%s, mode 0600, owner %s)\n' "$dest" "$kind" "$KIOSK_USER"
        return
    fi
    local tmp
    tmp="$(mktemp "$dest.XXXXXX")"
    chmod 0600 "$tmp"
    if [ "$kind" = binary ]; then
        head -c 32 /dev/urandom >"$tmp"
    else
        od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$tmp"
        echo >>"$tmp"
    fi
    chown "$KIOSK_USER:$KIOSK_USER" "$tmp"
    mv "$tmp" "$dest"
}

check_system() {
    if [ ! -r /etc/os-release ]; then
        say "WARNING: cannot tell the distribution (/etc/os-release missing)"
        return
    fi
    local id like version
    # shellcheck source=/dev/null
    id="$(. /etc/os-release && echo "${ID:-}")"
    # shellcheck source=/dev/null
    like="$(. /etc/os-release && echo "${ID_LIKE:-}")"
    # shellcheck source=/dev/null
    version="$(. /etc/os-release && echo "${VERSION_ID:-}")"
    case " $id $like " in
        *" debian "* | *" uos "* | *" kylin "* | *" deepin "* | *" ubuntu "*) ;;
        *) say "WARNING: $id is not Debian, UOS or Kylin; continuing, but this is untested" ;;
    esac
    if [ "$id" = debian ] && [ "${version%%.*}" != 12 ]; then
        say "WARNING: tested on Debian 12; this is Debian $version"
    fi
}

install_packages() {
    if [ "$NO_APT" = 1 ]; then
        say "skipping Debian packages (--no-apt)"
        return
    fi
    local missing=() p
    for p in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    if [ "${#missing[@]}" = 0 ]; then
        say "Debian packages: all present"
        return
    fi
    say "Debian packages: installing ${missing[*]}"
    run apt-get update -qq
    run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

create_user() {
    if id "$KIOSK_USER" >/dev/null 2>&1; then
        say "user $KIOSK_USER exists"
    else
        run useradd --system --create-home --home-dir "$DATA_DIR/home" \
            --shell /usr/sbin/nologin --user-group "$KIOSK_USER"
    fi
    # dialout: serial ID readers; lp: printers; video/render/input: cage on the console;
    # audio: voice output. Groups that a minimal system lacks are skipped.
    local group groups=()
    for group in dialout lp video render input audio; do
        getent group "$group" >/dev/null && groups+=("$group")
    done
    if [ "${#groups[@]}" -gt 0 ]; then
        run usermod -aG "$(IFS=,; echo "${groups[*]}")" "$KIOSK_USER"
    fi
}

create_folders() {
    run install -d -m 0755 -o root -g root "$PREFIX" "$CONF_DIR"
    run install -d -m 0700 -o "$KIOSK_USER" -g "$KIOSK_USER" "$DATA_DIR"
    run install -d -m 0750 -o "$KIOSK_USER" -g "$KIOSK_USER" "$DATA_DIR/logs"
    run install -d -m 0700 -o "$KIOSK_USER" -g "$KIOSK_USER" "$DATA_DIR/keys"
    run install -d -m 0750 -o root -g adm "$LOG_DIR"
}

install_app() {
    if [ ! -x "$VENV/bin/python" ]; then
        run python3 -m venv "$VENV"
    fi
    local pip=("$VENV/bin/python" -m pip install -q --upgrade)
    if [ -n "$WHEELS" ]; then
        pip+=(--no-index --find-links "$WHEELS")
    fi
    run "${pip[@]}" "$SRC"
    # The screens' translations (.qm) are built from the shipped .ts files inside the venv.
    run "$VENV/bin/python" -m ui.i18n.build
    # The screens' font, cut from the system's Noto Sans CJK to what the screens show.
    run "$VENV/bin/python" -m ui.fonts.build
    put install/VENDOR.md "$PREFIX/VENDOR.md" 0644
    # Compile every screen into the terminal user's QML cache now, so that the first start
    # does not compile the home screen before its first frame (pip byte-compiled the Python).
    run runuser -u "$KIOSK_USER" -- env HOME="$DATA_DIR/home" QT_QPA_PLATFORM=offscreen \
        "$VENV/bin/kiosk" --warm-cache
}

install_config() {
    if [ -e "$CONF_DIR/kiosk.toml" ]; then
        say "keeping existing $CONF_DIR/kiosk.toml"
    else
        put install/config/kiosk.toml "$CONF_DIR/kiosk.toml" 0644
    fi
    # The outbox key seals personal fields at rest (kiosk/sync/crypto.py); the terminal secret
    # signs requests to central and must be registered there (see VENDOR.md).
    make_secret "$DATA_DIR/keys/outbox.key" binary
    make_secret "$DATA_DIR/keys/terminal.secret" text
}

install_devices() {
    put install/udev/60-kiosk.rules "$UDEV_RULES" 0644
    if [ "$KEEP_USBLP" = 1 ]; then
        say "keeping the usblp driver (--keep-usblp): use printer = \"file:/dev/usb/lp0\""
        if [ -e "$USBLP_CONF" ]; then run rm -f "$USBLP_CONF"; fi
    else
        put install/config/kiosk-usblp.conf "$USBLP_CONF" 0644
        # Release a printer usblp holds right now, without a reboot.
        if systemd_running && grep -q '^usblp ' /proc/modules 2>/dev/null; then
            run modprobe -r usblp || say "usblp is busy; it is released after a reboot"
        fi
    fi
    local rules
    for rules in "${VENDOR_RULES[@]+"${VENDOR_RULES[@]}"}"; do
        run install -D -m 0644 "$rules" "/etc/udev/rules.d/61-$(basename "$rules")"
    done
    live udevadm control --reload-rules
    live udevadm trigger --subsystem-match=tty --subsystem-match=usb
    run systemctl enable pcscd.socket seatd.service
    live systemctl start pcscd.socket seatd.service
}

# Device classes a vendor's driver needs beyond those kiosk.service allows (--device-allow).
install_device_allow() {
    if [ "${#DEVICE_ALLOW[@]}" = 0 ]; then
        return
    fi
    say "allowing the terminal also: ${DEVICE_ALLOW[*]} ($VENDOR_DROPIN)"
    if [ "$DRY_RUN" = 1 ]; then
        printf '+ write %s\n' "$VENDOR_DROPIN"
        return
    fi
    mkdir -p "$VENDOR_DROPIN_DIR"
    {
        echo "# Written by install.sh --device-allow: devices a driver plug-in needs."
        echo "[Service]"
        local spec
        for spec in "${DEVICE_ALLOW[@]}"; do
            echo "DeviceAllow=$spec"
        done
    } >"$VENDOR_DROPIN"
    chmod 0644 "$VENDOR_DROPIN"
}

install_services() {
    local unit
    for unit in "${UNITS[@]}"; do
        put "install/systemd/$unit" "$UNIT_DIR/$unit" 0644
    done
    put install/config/logrotate-kiosk "$LOGROTATE_CONF" 0644
    install_device_allow
    live systemctl daemon-reload
    run systemctl enable kiosk-purge.timer
    if [ "$NO_SESSION" = 1 ]; then
        say "not enabling the cage session (--no-session); start it with: systemctl start kiosk"
        return
    fi
    run systemctl disable getty@tty1.service
    run systemctl set-default graphical.target
    run systemctl enable kiosk.service
}

do_install() {
    check_system
    install_packages
    create_user
    create_folders
    install_app
    install_config
    install_devices
    install_services
    say "installed. Next: edit $CONF_DIR/kiosk.toml, run 'sudo -u $KIOSK_USER $VENV/bin/kioskctl doctor',"
    say "set the staff PIN with 'sudo -u $KIOSK_USER $VENV/bin/kioskctl set-pin', then reboot."
}

do_uninstall() {
    local unit
    live systemctl stop kiosk.service kiosk-purge.timer || true
    run systemctl disable kiosk.service kiosk-purge.timer || true
    for unit in "${UNITS[@]}"; do
        if [ -e "$UNIT_DIR/$unit" ]; then run rm -f "$UNIT_DIR/$unit"; fi
    done
    if [ -e "$VENDOR_DROPIN" ]; then run rm -f "$VENDOR_DROPIN"; fi
    run rm -f "$UDEV_RULES" "$USBLP_CONF" "$LOGROTATE_CONF"
    live systemctl daemon-reload
    run systemctl enable getty@tty1.service || true
    live udevadm control --reload-rules
    run rm -rf "$PREFIX"
    if [ "$PURGE_DATA" = 1 ]; then
        say "removing data, settings, keys and the $KIOSK_USER user (--purge-data)"
        run rm -rf "$DATA_DIR" "$CONF_DIR" "$LOG_DIR"
        if id "$KIOSK_USER" >/dev/null 2>&1; then
            run userdel "$KIOSK_USER"
        fi
    else
        say "kept $DATA_DIR (data, keys) and $CONF_DIR (settings); --purge-data removes them"
    fi
}

main() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --dry-run) DRY_RUN=1 ;;
            --uninstall) UNINSTALL=1 ;;
            --purge-data) PURGE_DATA=1 ;;
            --keep-usblp) KEEP_USBLP=1 ;;
            --no-apt) NO_APT=1 ;;
            --no-session) NO_SESSION=1 ;;
            --wheels)
                [ $# -ge 2 ] || { echo "install.sh: --wheels needs a folder" >&2; exit 2; }
                WHEELS="$2"
                shift
                ;;
            --udev-rules)
                if [ $# -lt 2 ] || [ ! -f "$2" ]; then
                    echo "install.sh: --udev-rules needs a rules file" >&2
                    exit 2
                fi
                VENDOR_RULES+=("$2")
                shift
                ;;
            --device-allow)
                if [ $# -lt 2 ] || ! [[ "$2" =~ ^[A-Za-z0-9/_.-]+(\ [rwm]{1,3})?$ ]]; then
                    echo "install.sh: --device-allow needs a spec like \"char-hidraw rw\"" >&2
                    exit 2
                fi
                DEVICE_ALLOW+=("$2")
                shift
                ;;
            -h | --help) usage; exit 0 ;;
            *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
        esac
        shift
    done
    if [ "$PURGE_DATA" = 1 ] && [ "$UNINSTALL" = 0 ]; then
        echo "install.sh: --purge-data only goes with --uninstall" >&2
        exit 2
    fi
    if [ "$DRY_RUN" = 0 ] && [ "$(id -u)" != 0 ]; then
        echo "install.sh: run as root (sudo), or with --dry-run to see what it would do" >&2
        exit 2
    fi
    [ "$DRY_RUN" = 1 ] && say "dry run: nothing is changed"
    if [ "$UNINSTALL" = 1 ]; then
        do_uninstall
    else
        do_install
    fi
}

main "$@"
