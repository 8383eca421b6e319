"""A call light on a Linux LED (``/sys/class/leds/<name>``): ``led:<name>``.

Boards wire a lamp (or the relay of one) to a GPIO that the device tree declares as an LED;
the kernel's LED class then offers it as files. ``brightness`` (0 … ``max_brightness``)
switches it, and the ``timer`` trigger blinks it in the kernel (``delay_on``/``delay_off`` in
ms), so a blinking lamp needs no thread of ours and keeps blinking if the terminal hangs.
The ``sysfs`` option points at another folder holding the LED folders (tests use a copy).
"""

from __future__ import annotations

from pathlib import Path

from drivers.beacons.base import BeaconError, Light

LEDS = Path("/sys/class/leds")
BLINK_MS = 500


class LedBeacon:
    """One LED of the kernel's LED class."""

    def __init__(self, name: str, *, uri: str, sysfs: Path = LEDS) -> None:
        if not name or "/" in name or name in (".", ".."):
            raise BeaconError(f"not an LED name: {name!r}", reason="bad_uri")
        self.uri = uri
        self.folder = sysfs / name

    def _write(self, attribute: str, value: str) -> None:
        try:
            (self.folder / attribute).write_text(value, encoding="ascii")
        except OSError as exc:
            raise BeaconError(
                f"LED {self.folder.name}: cannot write {attribute} ({exc.strerror or exc})"
            ) from None

    def _max_brightness(self) -> str:
        try:
            text = (self.folder / "max_brightness").read_text(encoding="ascii").strip()
        except OSError as exc:
            raise BeaconError(f"LED {self.folder.name} is not there ({exc.strerror})") from None
        return text if text.isdigit() and int(text) > 0 else "1"

    def open(self) -> None:
        self._max_brightness()

    def show(self, light: Light) -> None:
        if light is Light.BLINK:
            self._write("trigger", "timer")
            self._write("delay_on", str(BLINK_MS))
            self._write("delay_off", str(BLINK_MS))
            return
        self._write("trigger", "none")
        self._write("brightness", self._max_brightness() if light is Light.ON else "0")

    def close(self) -> None:
        try:
            self.show(Light.OFF)
        except BeaconError:
            pass
