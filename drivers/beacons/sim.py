"""``sim:``: a call light that only remembers what it shows (the demo and tests read it)."""

from __future__ import annotations

import threading

from drivers.beacons.base import Light


class SimulatedBeacon:
    """Keeps the current light and every change, in order."""

    def __init__(self, uri: str = "sim:") -> None:
        self.uri = uri
        self._lock = threading.Lock()
        self.history: list[Light] = []

    @property
    def light(self) -> Light:
        with self._lock:
            return self.history[-1] if self.history else Light.OFF

    def open(self) -> None:
        pass

    def show(self, light: Light) -> None:
        with self._lock:
            self.history.append(light)

    def close(self) -> None:
        self.show(Light.OFF)
