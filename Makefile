# Two commands matter: `make demo` and `make test`. Both set up whatever is missing first,
# idempotently, on a fresh Debian 12 machine (as root, or with sudo available).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SYSTEM_STAMP := .venv-system.ok

# Debian packages: pyscard build (libpcsclite-dev, swig), PC/SC test stack (pcscd,
# vsmartcard-vpcd), CJK fonts for screens and raster receipts, Qt Quick runtime libraries
# (EGL, xkbcommon, fontconfig, dbus, xcb-cursor) and libpulse0 for Qt Virtual Keyboard /
# multimedia, libusb for usb: printers (pyusb), Xvfb + AT-SPI for screen-reader tests,
# shellcheck for install/install.sh; for `make demo` without a screen TigerVNC's Xvnc (with
# vncpasswd, xauth), noVNC + websockify, and Chromium to test that page headless;
# PostgreSQL 15 for central's tests (a private cluster per test session, tests/pg.py);
# CUPS (lp, ipptool) with cups-pdf for the A4 page printers (a private cupsd per test session,
# tests/cups.py).
APT_PACKAGES := build-essential python3-venv python3-dev libpcsclite-dev swig pcscd vsmartcard-vpcd \
	fonts-noto-cjk libpulse0 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
	libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 \
	libusb-1.0-0 xvfb dbus-x11 at-spi2-core python3-pyatspi shellcheck \
	tigervnc-standalone-server tigervnc-tools xauth novnc websockify chromium chromium-driver \
	postgresql cups cups-client cups-bsd cups-ipp-utils printer-driver-cups-pdf

QT_ENV := QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software QT_ACCESSIBILITY=0

.PHONY: help setup system venv demo test test-fast test-fresh bench lint format i18n fonts clean install-check boot-check

help:
	@echo "make demo       set up, then start the terminal in demo mode (simulated devices;"
	@echo "                without a display: on VNC and in a browser, password printed)"
	@echo "make test       set up, then run every test"
	@echo "make test-fast  the quick set (no pcsc, gui or slow tests; about 5 min)"
	@echo "make test-fresh make test from a fresh clone with a fresh HOME: twice, then with a CPU hog"
	@echo "make bench      benchmarks, one JSON line each"
	@echo "make lint       ruff, ruff format --check, mypy"
	@echo "make install-check  install/install.sh for real in a fresh Debian 12 chroot (root)"
	@echo "make boot-check     ... then boot it in QEMU: service, first screen, watchdog (root)"

setup: system venv i18n fonts

system: $(SYSTEM_STAMP)
$(SYSTEM_STAMP): Makefile
	@missing=$$(for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@touch $@

venv: $(STAMP)
$(STAMP): pyproject.toml | $(SYSTEM_STAMP)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[central,face,dev]'
	@touch $@

i18n: $(STAMP)
	@$(PY) -m ui.i18n.build

# The screens' font: Noto Sans CJK SC cut to what the screens show (about 30 s), again when
# their text changes.
FONT := ui/fonts/KioskSansSC-Bold.otf  # written last
fonts: $(FONT)
$(FONT): $(STAMP) ui/fonts/build.py $(shell find ui/qml -name '*.qml') $(wildcard ui/i18n/*.ts)
	@$(PY) -m ui.fonts.build

# With a display: full screen on it. Without one: tools/headless_demo.py serves the terminal on
# a TigerVNC desktop and in a browser (noVNC), on 127.0.0.1 with a random password printed at
# start (KIOSK_DEMO_LISTEN=0.0.0.0 serves it to the network).
demo: setup
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(VENV)/bin/kiosk --demo; \
	else \
		$(PY) -m tools.headless_demo; \
	fi

test: setup
	$(QT_ENV) $(PY) -m pytest -q -p no:cacheprovider

test-fast: venv
	$(QT_ENV) $(PY) -m pytest -q -m "not pcsc and not gui and not slow and not browser"

# What a new contributor and CI see: fresh clones of HEAD, fresh HOMEs, one run under load.
test-fresh:
	tools/test_fresh.sh

bench: setup
	@for b in tests/bench/bench_*.py; do $(QT_ENV) $(PY) $$b || exit 1; done

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# A real install on a fresh Debian 12 in a chroot (root, network; 10-20 min; not in `make test`).
install-check:
	@command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
	tools/install_in_chroot.sh $${KIOSK_CHROOT:-/var/tmp/kiosk-deb12}

# The same, then boot it in QEMU: kiosk.service in cage, first screen, watchdog restart.
boot-check: venv
	@command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
	@command -v qemu-system-x86_64 >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qemu-system-x86
	tools/install_in_chroot.sh --boot $${KIOSK_CHROOT:-/var/tmp/kiosk-deb12}

clean:
	rm -rf $(VENV) $(SYSTEM_STAMP) build *.egg-info ui/fonts/*.otf
