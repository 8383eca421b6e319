"""The terminal's heartbeat (``POST /api/v1/heartbeat``, signed, about once a minute).

What hall staff need to look after the fleet without a citizen telling them: versions, each
device's state and reason code, the paper, the outbox backlog and dead letters, the last
error's reason code, uptime. No personal data and no free text: reasons are codes.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from kiosk.contract.base import WireModel

CODE = r"^[a-z0-9_]{0,40}$"


class DeviceReport(WireModel):
    """One device: ``ok`` / ``warning`` / ``error`` / ``unknown`` and a reason code."""

    state: str = Field(pattern=r"^(ok|warning|error|unknown)$")
    reason: str = Field(default="", pattern=CODE)


class Heartbeat(WireModel):
    """The terminal's state now."""

    software_version: str = Field(max_length=40)
    catalog_version: int | None = None
    calendar_version: int | None = None
    card_reader: DeviceReport
    printer: DeviceReport
    scanner: DeviceReport | None = None
    paper: str = Field(default="unknown", pattern=r"^(ok|near_end|out|unknown)$")
    outbox_pending: int = Field(ge=0)
    outbox_dead: int = Field(ge=0)
    last_error: str = Field(default="", pattern=CODE)
    uptime_s: int = Field(ge=0)


class HeartbeatAck(WireModel):
    """Central's answer: when it recorded the heartbeat."""

    received_at: datetime
