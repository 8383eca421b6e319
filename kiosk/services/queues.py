"""The queues of a hall (取号的业务类型), from ``assets/queues.json`` or a local override.

The file has a ``default`` hall and optional ``halls`` entries keyed by hall id; the terminal
uses its hall's entry. A deployment drops its own file at ``<data_dir>/queues.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BUNDLED_QUEUES = Path(__file__).resolve().parents[2] / "assets" / "queues.json"


class QueueConfigError(ValueError):
    """The queue file cannot be used; the message names the problem for staff."""

    reason = "queue_config"


@dataclass(frozen=True)
class QueueDef:
    """One queue: its letter, name, services it serves and who may use it."""

    code: str
    name: str
    services: tuple[str, ...] = ()
    priority: bool = False
    requires_card: bool = False
    appointment: bool = False


@dataclass(frozen=True)
class HallQueues:
    """A hall's queues and its appointment check-in window (minutes before/after the slot)."""

    queues: tuple[QueueDef, ...]
    priority_proof_age: int = 70
    early_min: int = 30
    late_min: int = 15

    def get(self, code: str) -> QueueDef | None:
        """The queue with letter ``code``, if the hall has one."""
        return next((q for q in self.queues if q.code == code), None)

    def for_service(self, service_queue: str | None) -> QueueDef:
        """The window for a catalog service's line of business (``Guide.queue``); the general
        window when no queue lists it (or the service names none)."""
        for q in self.queues:
            if service_queue is not None and service_queue in q.services:
                return q
        return self.general

    @property
    def general(self) -> QueueDef:
        """The general window (综合窗口): the first queue that is neither priority nor booked."""
        return next((q for q in self.queues if not (q.priority or q.appointment)), self.queues[0])

    @property
    def priority_queue(self) -> QueueDef | None:
        """The priority queue (优先窗口), if any."""
        return next((q for q in self.queues if q.priority), None)

    @property
    def appointment_queue(self) -> QueueDef:
        """Where checked-in appointments queue: the booked queue, else the priority one."""
        return next((q for q in self.queues if q.appointment), self.priority_queue or self.general)


def _queue(raw: Any) -> QueueDef:
    if not isinstance(raw, dict) or not isinstance(raw.get("code"), str):
        raise QueueConfigError(f"queue entry {raw!r} needs a 'code'")
    code = raw["code"]
    if not code.isascii() or not code.isalnum() or not 1 <= len(code) <= 3:
        raise QueueConfigError(f"queue code {code!r} must be 1-3 letters or digits")
    return QueueDef(
        code=code,
        name=str(raw.get("name") or code),
        services=tuple(str(s) for s in raw.get("services", ())),
        priority=bool(raw.get("priority", False)),
        requires_card=bool(raw.get("requires_card", False)),
        appointment=bool(raw.get("appointment", False)),
    )


def load_queues(hall_id: str, path: Path = BUNDLED_QUEUES) -> HallQueues:
    """The queues of ``hall_id`` from the file at ``path``."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise QueueConfigError(f"queue file {path} cannot be read: {exc}") from None
    hall = (raw.get("halls") or {}).get(hall_id) or raw.get("default")
    if not isinstance(hall, dict) or not hall.get("queues"):
        raise QueueConfigError(f"queue file {path} has no queues for hall {hall_id}")
    queues = tuple(_queue(q) for q in hall["queues"])
    if len({q.code for q in queues}) != len(queues):
        raise QueueConfigError(f"queue file {path} repeats a queue code")
    checkin = hall.get("checkin") or {}
    return HallQueues(
        queues=queues,
        priority_proof_age=int(hall.get("priority_proof_age", 70)),
        early_min=int(checkin.get("early_min", 30)),
        late_min=int(checkin.get("late_min", 15)),
    )


def queues_for(data_dir: Path, hall_id: str) -> HallQueues:
    """A deployment's ``<data_dir>/queues.json`` when present, else the bundled file."""
    local = data_dir / "queues.json"
    return load_queues(hall_id, local if local.is_file() else BUNDLED_QUEUES)
