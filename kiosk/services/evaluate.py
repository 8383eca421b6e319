"""Rate the service (好差评): five levels, four on-site criteria, sent through the outbox.

One rating per visit: the outbox idempotency key is ``eval-<visit_id>``, so a second rating
of the same visit is refused (``already_rated``) instead of counted twice. Skipping writes
nothing. The two lowest levels need at least one reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import IntEnum

from sqlalchemy.exc import IntegrityError

from drivers.errors import ReasonError
from kiosk.contract import Evaluation
from kiosk.store import Store
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import enqueue

CRITERIA = ("overall", "efficiency", "service_level", "attitude")


class Level(IntEnum):
    """非常满意 (5) … 非常不满意 (1)."""

    VERY_SATISFIED = 5
    SATISFIED = 4
    BASIC = 3
    DISSATISFIED = 2
    VERY_DISSATISFIED = 1


class EvaluationError(ReasonError, ValueError):
    """A rating that cannot be taken; ``reason``: ``invalid_level``, ``unknown_criterion``,
    ``reason_required``, ``comment_too_long``, ``already_rated``."""


@dataclass(frozen=True)
class Rating:
    """What the rating page collected; ``criteria`` maps each of :data:`CRITERIA` to 1..5."""

    level: int
    criteria: dict[str, int] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()
    comment: str = ""


def check(rating: Rating) -> None:
    """Raise :class:`EvaluationError` for a rating the page should not have let through."""
    if rating.level not in tuple(Level):
        raise EvaluationError("invalid_level", "level must be 1..5")
    for name, value in rating.criteria.items():
        if name not in CRITERIA:
            raise EvaluationError("unknown_criterion", f"unknown criterion {name!r}")
        if value not in tuple(Level):
            raise EvaluationError("invalid_level", f"{name} must be 1..5")
    if rating.level <= Level.DISSATISFIED and not [r for r in rating.reasons if r.strip()]:
        raise EvaluationError("reason_required", "a low rating needs a reason")
    if len(rating.comment) > 1000:
        raise EvaluationError("comment_too_long", "the comment is over 1000 characters")


class EvaluationService:
    """Queues ratings of one hall's visits for central."""

    def __init__(
        self,
        store: Store,
        hall_id: str,
        *,
        cipher: FieldCipher | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.hall_id = hall_id
        self.cipher = cipher
        self.clock = clock

    def rate(self, visit_id: str, rating: Rating, receipt_no: str | None = None) -> str:
        """Queue the rating of ``visit_id``; returns its outbox key."""
        check(rating)
        body = Evaluation(
            visit_id=visit_id,
            hall_id=self.hall_id,
            level=rating.level,
            reasons=[r.strip() for r in rating.reasons if r.strip()],
            criteria=dict(rating.criteria),
            comment=rating.comment.strip(),
            receipt_no=receipt_no,
            rated_at=self.clock(),
        )
        key = f"eval-{visit_id}"
        try:
            with self.store.session(write=True) as s:
                enqueue(s, "evaluation", body, key=key, cipher=self.cipher)
        except IntegrityError:
            raise EvaluationError("already_rated", "this visit was already rated") from None
        return key
