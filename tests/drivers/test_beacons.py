"""The call light's drivers: a Linux LED (on a copy of the sysfs files) and the simulator."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers.beacons.base import BeaconError, Light
from drivers.beacons.led import BLINK_MS
from drivers.registry import BEACONS, DriverUnavailable, installed, make_beacon
from kiosk.devices.broken import BrokenBeacon, beacon_or_broken


def fake_led(root: Path, name: str = "call", max_brightness: str = "255") -> Path:
    """The files the kernel's LED class offers for one LED."""
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "max_brightness").write_text(f"{max_brightness}\n")
    for attribute in ("brightness", "trigger", "delay_on", "delay_off"):
        (folder / attribute).write_text("")
    return folder


def test_the_led_blinks_in_the_kernel_stays_on_and_goes_out(tmp_path: Path) -> None:
    folder = fake_led(tmp_path)
    beacon = make_beacon(f"led:call?sysfs={tmp_path}")
    beacon.open()
    beacon.show(Light.BLINK)
    assert (folder / "trigger").read_text() == "timer"
    assert (folder / "delay_on").read_text() == (folder / "delay_off").read_text() == str(BLINK_MS)
    beacon.show(Light.ON)
    assert ((folder / "trigger").read_text(), (folder / "brightness").read_text()) == (
        "none",
        "255",
    )
    beacon.close()
    assert ((folder / "trigger").read_text(), (folder / "brightness").read_text()) == ("none", "0")


def test_a_missing_or_read_only_led_is_a_beacon_error(tmp_path: Path) -> None:
    with pytest.raises(BeaconError, match="not there"):
        make_beacon(f"led:absent?sysfs={tmp_path}").open()
    folder = fake_led(tmp_path)
    (folder / "trigger").chmod(0o444)
    (folder / "trigger").unlink()
    (folder / "trigger").mkdir()  # writing fails even as root
    with pytest.raises(BeaconError, match="cannot write trigger"):
        make_beacon(f"led:call?sysfs={tmp_path}").show(Light.BLINK)


@pytest.mark.parametrize("name", ["", "..", "a/b"])
def test_an_led_name_cannot_leave_the_leds_folder(name: str, tmp_path: Path) -> None:
    with pytest.raises(DriverUnavailable, match="not an LED name"):
        make_beacon(f"led:{name}?sysfs={tmp_path}")
    assert isinstance(beacon_or_broken(f"led:{name}?sysfs={tmp_path}"), BrokenBeacon)


def test_the_simulator_remembers_what_it_showed() -> None:
    beacon = make_beacon("sim:")
    beacon.show(Light.BLINK)
    beacon.show(Light.ON)
    beacon.close()
    assert beacon.history == [Light.BLINK, Light.ON, Light.OFF]  # type: ignore[attr-defined]


def test_call_lights_are_a_plug_in_family_and_a_bad_uri_is_a_broken_stand_in() -> None:
    assert {"led", "sim"} <= set(installed(BEACONS))
    broken = beacon_or_broken("lamp:nowhere")
    assert isinstance(broken, BrokenBeacon)
    with pytest.raises(BeaconError):
        broken.show(Light.BLINK)
