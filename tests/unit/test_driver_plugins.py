"""Vendor driver plug-ins found through entry points, with a fake distribution on sys.path.

Self-contained on purpose: VENDOR.md points vendors here, so this file imports only the
installed packages (``drivers``, ``kiosk``) and pytest — never the project's tests/ setup.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from drivers import registry
from drivers.cards.sim.memory import MemoryCardReader
from drivers.registry import (
    BUILTIN,
    CARD_READERS,
    PRINTERS,
    DriverUnavailable,
    UnsupportedDevice,
    installed,
    make_card_reader,
    make_printer,
    plugins,
)
from drivers.testing import fake_distribution
from kiosk.config import load_settings

REPO = Path(__file__).resolve().parents[2]

PLUGIN_MODULE = """
from drivers.cards.sim.memory import MemoryCardReader


def acme_reader(uri):
    reader = MemoryCardReader(str(uri))
    reader.port = uri.target
    reader.baud = uri.int_option("baud", 9600)
    return reader


def hijack(uri):
    raise AssertionError("a plug-in must not take over a built-in scheme")
"""


@pytest.fixture
def acme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    fake_distribution(
        tmp_path,
        "acme-kiosk",
        "1.2",
        {"acme_kiosk": PLUGIN_MODULE},
        {
            "kiosk.card_readers": {"acme": "acme_kiosk:acme_reader"},
            "kiosk.printers": {"sim": "acme_kiosk:hijack"},
        },
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def test_a_plugin_distribution_on_the_path_builds_its_reader(acme):
    reader = make_card_reader("acme:/dev/ttyACM0?baud=57600")
    assert isinstance(reader, MemoryCardReader)
    assert (reader.port, reader.baud) == ("/dev/ttyACM0", 57600)
    assert {"group": CARD_READERS, "scheme": "acme"}.items() <= plugins()[0].items()
    assert plugins()[0]["distribution"] == "acme-kiosk 1.2"


def test_a_plugin_cannot_take_over_a_built_in_scheme(acme):
    assert installed(PRINTERS)["sim"] == BUILTIN[PRINTERS]["sim"]
    make_printer("sim:").close()


def test_a_missing_plugin_is_a_broken_device_not_a_settings_error(acme, monkeypatch):
    # The settings stay valid (the rest of the terminal starts); the device is what fails,
    # and it says which schemes are installed.
    settings = load_settings(env={"KIOSK_CARD_READER": "acme:/dev/ttyACM0"})
    assert settings.card_reader == "acme:/dev/ttyACM0"
    monkeypatch.setattr(registry, "entry_points", lambda group: [])
    assert load_settings(env={"KIOSK_CARD_READER": "acme:/dev/ttyACM0"}).card_reader
    with pytest.raises(DriverUnavailable, match="no card reader driver for 'acme'") as info:
        make_card_reader("acme:/dev/ttyACM0")
    assert info.value.reason == "driver_missing"


def test_an_unknown_scheme_names_the_installed_ones():
    with pytest.raises(UnsupportedDevice, match=r"installed schemes: pcsc, sam, sim"):
        make_card_reader("nosuch:/dev/x")


def test_a_plugin_that_cannot_be_imported_is_a_clear_error(tmp_path, monkeypatch):
    fake_distribution(
        tmp_path, "broken-kiosk", "0.1", {}, {CARD_READERS: {"broken": "not_there:reader"}}
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(UnsupportedDevice, match="cannot be loaded") as info:
        make_card_reader("broken:x")
    assert isinstance(info.value, DriverUnavailable)
    assert (info.value.reason, info.value.package) == ("driver_import_failed", "broken-kiosk")
    assert "package broken-kiosk" in str(info.value)


BROKEN_PLUGINS = {
    # A module that does not compile, one that needs a vendor SDK that is absent, a factory
    # that raises, and devices that do not conform to the protocol.
    "syntax_kiosk": "def make(uri)\n    return None\n",
    "sdk_kiosk": "import acme_sdk_not_installed\n",
    "raising_kiosk": "def make(uri):\n    raise OSError('libacme.so: cannot open shared object')\n",
    "nouri_kiosk": (
        "class R:\n"
        "    def open(self): pass\n"
        "    def close(self): pass\n"
        "    def read_card(self, t): return None\n"
        "    def status(self): return None\n"
        "def make(uri):\n    return R()\n"
    ),
    "half_kiosk": "class P:\n    uri = 'half:'\ndef make(uri):\n    return P()\n",
}


@pytest.mark.parametrize(
    ("module", "group", "reason", "words"),
    [
        ("syntax_kiosk", CARD_READERS, "driver_import_failed", "SyntaxError"),
        ("sdk_kiosk", CARD_READERS, "driver_import_failed", "acme_sdk_not_installed"),
        ("raising_kiosk", CARD_READERS, "driver_factory_failed", "libacme.so"),
        ("nouri_kiosk", CARD_READERS, "driver_nonconforming", "no 'uri' string attribute"),
        ("half_kiosk", PRINTERS, "driver_nonconforming", "no 'send' method"),
    ],
)
def test_a_broken_plugin_is_reported_with_its_reason(
    tmp_path, monkeypatch, module, group, reason, words
):
    fake_distribution(
        tmp_path,
        "vendor-x",
        "2.0",
        {module: BROKEN_PLUGINS[module]},
        {group: {"x": f"{module}:make"}},
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(DriverUnavailable) as info:
        registry.make_device(group, "x:/dev/ttyACM0")
    assert info.value.reason == reason
    assert words in str(info.value)
    assert info.value.package == "vendor-x"


def test_version_lists_each_plugin_as_loaded_or_failed_with_why(tmp_path, monkeypatch):
    fake_distribution(
        tmp_path,
        "vendor-y",
        "1.0",
        {"good_kiosk": PLUGIN_MODULE, "sdk_kiosk": BROKEN_PLUGINS["sdk_kiosk"]},
        {
            CARD_READERS: {"good": "good_kiosk:acme_reader", "acme-2": "good_kiosk:acme_reader"},
            PRINTERS: {"needsdk": "sdk_kiosk:make"},
        },
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    found = {p["scheme"]: p for p in plugins()}
    assert (found["good"]["state"], found["good"]["error"]) == ("loaded", "")
    assert found["needsdk"]["state"] == "failed"
    assert "acme_sdk_not_installed" in found["needsdk"]["error"]
    assert found["acme-2"]["state"] == "failed"
    assert "not a lower-case identifier" in found["acme-2"]["error"]
    # A scheme that is not an identifier is not offered at all (URIs could not name it).
    assert "acme-2" not in installed(CARD_READERS)


def test_the_built_in_drivers_are_declared_as_entry_points_in_pyproject():
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["entry-points"]
    for group, drivers in BUILTIN.items():
        assert declared.get(group, {}) == drivers, group


def test_the_installed_metadata_declares_the_built_ins():
    # Fails when the project was installed before its entry points existed: pip install -e .
    for group, drivers in BUILTIN.items():
        eps = {ep.name: ep.value for ep in registry.entry_points(group=group)}
        assert {k: v for k, v in eps.items() if k in drivers} == drivers, group
