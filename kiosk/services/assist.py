"""Calling a person to the terminal (呼叫工作人员 / 人工帮办), from any page.

A call does two things at once, so that it reaches somebody even when one of them fails:
the terminal's own call light blinks (and the screen plays a sound), and central gets the
call, where hall staff see which terminal and which page. While staff have not taken it the
light blinks; once they have ("on my way") it stays on; when they close it, or the visit
ends, it goes out. Nothing about the citizen travels: only the page and a reason code.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Literal

from drivers.beacons.base import Beacon, Light
from kiosk.devices.guard import DeviceGuard
from kiosk.services.common import Central
from kiosk.sync.client import CentralError

log = logging.getLogger(__name__)

# How long switching the lamp may take before the call goes on without it.
LIGHT_DEADLINE_S = 2.0

AssistState = Literal["idle", "calling", "coming", "closed"]


@dataclass(frozen=True)
class AssistView:
    """What the screen says about the call.

    ``calling``: the light blinks, staff have not taken it yet; ``coming``: staff took it;
    ``closed``: staff closed it. ``reached_central`` is False when only the terminal's own
    light and sound are calling (central unreachable or not configured); ``light_works``
    False when the lamp is broken or absent (then only central and the sound call).
    """

    state: AssistState
    reached_central: bool
    light_works: bool
    call_id: str = ""


class AssistService:
    """One terminal's calls for a person (methods block: call them from a worker thread)."""

    def __init__(self, central: Central, beacon: Beacon | None) -> None:
        self.central = central
        self.beacon = beacon
        self._guard = DeviceGuard(f"call light {beacon.uri}") if beacon is not None else None
        self._lock = threading.Lock()
        self._call_id = ""
        self._reached = False
        self._light_works = beacon is not None
        self._shown: Light | None = None  # what the lamp shows; None: unknown or failed

    def _light(self, light: Light) -> bool:
        if self.beacon is None or self._guard is None:
            return False
        if light is self._shown:
            return True
        beacon = self.beacon
        try:
            self._guard.call("show", lambda: beacon.show(light), LIGHT_DEADLINE_S)
        except Exception as exc:  # a broken lamp must not stop the call
            self._shown = None
            log.warning("call light %s cannot show %s: %s", beacon.uri, light, exc)
            return False
        self._shown = light
        return True

    def call(self, page: str, reason: str = "") -> AssistView:
        """Call a person for the citizen at ``page`` (``reason``: what went wrong there)."""
        with self._lock:
            self._light_works = self._light(Light.BLINK)
            try:
                status = self.central.call(lambda c: c.assist(page, reason))
            except CentralError as exc:
                log.warning("call for a person not delivered to central (%s)", exc.reason)
                self._reached = False
                return AssistView("calling", False, self._light_works, self._call_id)
            self._call_id, self._reached = status.call_id, True
            log.info("call for a person %s raised from page %s", status.call_id, page)
            return self._view_of(status.state)

    def refresh(self) -> AssistView:
        """Ask central whether staff have taken the call; the light follows."""
        with self._lock:
            if not self._call_id:
                return AssistView("idle", False, self._light_works)
            call_id = self._call_id
            try:
                status = self.central.call(lambda c: c.assist_state(call_id))
            except CentralError as exc:
                log.info("state of call %s unknown (%s)", call_id, exc.reason)
                return AssistView("calling", self._reached, self._light_works, call_id)
            return self._view_of(status.state)

    def _view_of(self, central_state: str) -> AssistView:
        state: AssistState = {"acknowledged": "coming", "closed": "closed"}.get(
            central_state, "calling"
        )  # type: ignore[assignment]
        light = {"calling": Light.BLINK, "coming": Light.ON}.get(state, Light.OFF)
        self._light_works = self._light(light)
        if state == "closed":
            self._call_id = ""
        return AssistView(state, True, self._light_works, self._call_id)

    def end(self) -> None:
        """The visit is over: the light goes out and the call is forgotten here (staff still
        see it at central until they close it)."""
        with self._lock:
            self._light(Light.OFF)
            self._call_id, self._reached = "", False

    def close(self) -> None:
        """Switch the light off and release it (terminal shutdown)."""
        self.end()
        if self._guard is not None:
            self._guard.close()
