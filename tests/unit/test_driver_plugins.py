"""Vendor driver plug-ins found through entry points, with a fake distribution on sys.path."""

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
    UnsupportedDevice,
    installed,
    make_card_reader,
    make_printer,
    plugins,
)
from kiosk.config import ConfigError, load_settings
from tests.conftest import REPO

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


def _install_fake_plugin(root: Path, entry_points: str) -> None:
    (root / "acme_kiosk").mkdir()
    (root / "acme_kiosk" / "__init__.py").write_text(PLUGIN_MODULE)
    dist = root / "acme_kiosk-1.2.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-kiosk\nVersion: 1.2\n")
    (dist / "entry_points.txt").write_text(entry_points)


@pytest.fixture
def acme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _install_fake_plugin(
        tmp_path,
        "[kiosk.card_readers]\nacme = acme_kiosk:acme_reader\n"
        "[kiosk.printers]\nsim = acme_kiosk:hijack\n",
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


def test_the_settings_accept_a_plugin_scheme_only_when_it_is_installed(
    acme, clean_env, monkeypatch
):
    settings = load_settings(env={"KIOSK_CARD_READER": "acme:/dev/ttyACM0"})
    assert settings.card_reader == "acme:/dev/ttyACM0"
    monkeypatch.setattr(registry, "entry_points", lambda group: [])
    with pytest.raises(ConfigError, match="card_reader"):
        load_settings(env={"KIOSK_CARD_READER": "acme:/dev/ttyACM0"})


def test_an_unknown_scheme_names_the_installed_ones():
    with pytest.raises(UnsupportedDevice, match=r"installed schemes: pcsc, sam, sim"):
        make_card_reader("nosuch:/dev/x")


def test_a_plugin_that_cannot_be_imported_is_a_clear_error(tmp_path, monkeypatch):
    dist = tmp_path / "broken_kiosk-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-kiosk\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[kiosk.card_readers]\nbroken = not_there:reader\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(UnsupportedDevice, match="cannot be loaded"):
        make_card_reader("broken:x")


def test_the_built_in_drivers_are_declared_as_entry_points_in_pyproject():
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["entry-points"]
    for group, drivers in BUILTIN.items():
        assert declared.get(group, {}) == drivers, group


def test_the_installed_metadata_declares_the_built_ins():
    # Fails when the project was installed before its entry points existed: pip install -e .
    for group, drivers in BUILTIN.items():
        eps = {ep.name: ep.value for ep in registry.entry_points(group=group)}
        assert {k: v for k, v in eps.items() if k in drivers} == drivers, group
