"""The ``a4_printer`` setting: none by default, only A4 printer schemes, a bare ``sim:`` in
the data dir, and the driver built on first use (a bad one reported as a reason)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers.pages.base import PagePrinterError
from drivers.pages.sim import SimPagePrinter
from kiosk.config import ConfigError, Settings, load_settings
from kiosk.printing.pages import A4Printer, a4_printer_uri


def test_none_by_default_and_no_uri(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert settings.a4_printer == "" and a4_printer_uri(settings) == ""


def test_a_bare_sim_printer_writes_into_the_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, a4_printer="sim:")
    assert a4_printer_uri(settings) == f"sim:{tmp_path / 'pages'}"
    other = Settings(data_dir=tmp_path, a4_printer="cups:a4")
    assert a4_printer_uri(other) == "cups:a4"


def test_a_receipt_printer_scheme_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env={}, data_dir=str(tmp_path), a4_printer="usb:")
    assert caught.value.key == "a4_printer"


def test_the_driver_is_built_on_first_use(tmp_path: Path) -> None:
    printer = A4Printer(f"sim:{tmp_path / 'pages'}")
    assert printer.status().state == "idle"
    assert isinstance(printer.open(), SimPagePrinter) and printer.open() is printer.open()
    broken = A4Printer("sim:relative/folder")  # the sim printer needs an absolute folder
    with pytest.raises(PagePrinterError) as caught:
        broken.open()
    assert caught.value.reason == "no_such_queue"
    assert broken.status().problem() == "no_such_queue"


def test_demo_mode_replaces_exactly_the_device_settings_a_reload_keeps() -> None:
    from demo.terminal import demo_settings
    from kiosk.config import DEVICE_KEYS, Settings

    # A terminal's real devices (defaults of some are simulators already).
    real = Settings(card_reader="pcsc:", printer="tcp://10.0.0.5:9100")
    replaced = demo_settings(real).model_dump()
    plain = real.model_dump()
    devices = {k for k in plain if k != "demo" and replaced[k] != plain[k]}
    assert devices == set(DEVICE_KEYS)
