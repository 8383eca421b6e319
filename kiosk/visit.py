"""One citizen's visit to the terminal: who they are, what they got, and its end.

The visit belongs to the core, not to a screen. It holds the visit's id (the key of the
rating, and the ``visit_id`` of every application made in it), the identity read from the
card (and, while an agent's principal is being read, the agent's card set aside), the receipt
numbers issued and the time it started.

:meth:`Visit.end` is the one place a visit ends: the identity and receipts are dropped, a new
visit begins with a new id, and every listener registered with :meth:`Visit.on_end` is told,
so each holder of visit data (the screens' view-models) wipes what it keeps. Work started for
a visit carries a :class:`VisitToken`; an answer whose token is no longer ``alive`` belongs to
an ended visit and must be dropped.

Thread-safe: any thread may read the visit or end it. Listeners run on the thread that calls
:meth:`end` (the terminal's screens call it on the GUI thread), after the lock is released.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the identity module pulls in the card drivers' types
    from kiosk.domain.identity import Identity

log = logging.getLogger(__name__)

Listener = Callable[[], None]


class VisitToken:
    """Handed out by :meth:`Visit.token`; ``alive`` until that visit ends."""

    __slots__ = ("_number", "_visit")

    def __init__(self, visit: Visit, number: int) -> None:
        self._visit = visit
        self._number = number

    @property
    def alive(self) -> bool:
        """Whether the visit this token was taken in is still going on."""
        return self._visit.number == self._number


class Visit:
    """The visit going on now (one object for the terminal's life; :meth:`end` starts the
    next visit in place)."""

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []
        self._number = 0
        self._ending_in: int | None = None  # the thread running the listeners of an end
        self._begin()

    def _begin(self) -> None:  # with the lock held (or from __init__)
        self._number += 1
        self._id = uuid.uuid4().hex
        self._identity: Identity | None = None
        self._aside: Identity | None = None
        self._receipts: list[str] = []
        self._started_at = self._clock()

    # -- what the visit holds ----------------------------------------------------------------

    @property
    def id(self) -> str:
        """The visit's id: the rating's key and the ``visit_id`` of its applications."""
        with self._lock:
            return self._id

    @property
    def number(self) -> int:
        """Counts visits since start-up (1 for the first)."""
        with self._lock:
            return self._number

    @property
    def started_at(self) -> datetime:
        """When this visit began (when the one before it ended)."""
        with self._lock:
            return self._started_at

    @property
    def identity(self) -> Identity | None:
        """The identity of the card read in this visit (None before a card, or after it was
        given up)."""
        with self._lock:
            return self._identity

    def set_identity(self, identity: Identity | None) -> None:
        """A card was read (or given up with None)."""
        with self._lock:
            self._identity = identity

    def set_identity_aside(self) -> None:
        """Put the card holder's identity aside while another card is read (an agent reads
        the principal's card); the first card set aside stays aside until taken back."""
        with self._lock:
            if self._aside is None:
                self._aside = self._identity
            self._identity = None

    def take_identity_back(self) -> bool:
        """The identity set aside is the visit's identity again; False when none was aside."""
        with self._lock:
            if self._aside is None:
                return False
            self._identity, self._aside = self._aside, None
            return True

    @property
    def receipts(self) -> tuple[str, ...]:
        """The receipt numbers issued in this visit, oldest first."""
        with self._lock:
            return tuple(self._receipts)

    def add_receipt(self, receipt_no: str) -> None:
        """An application of this visit was accepted under ``receipt_no``."""
        with self._lock:
            self._receipts.append(receipt_no)

    # -- lifetime ------------------------------------------------------------------------------

    def token(self) -> VisitToken:
        """A token for work started now: it stays alive until this visit ends."""
        with self._lock:
            return VisitToken(self, self._number)

    def on_end(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` whenever a visit ends; returns a function that unregisters it."""
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def end(self) -> None:
        """End the visit: drop its identity and receipts, begin the next one (new id, new
        tokens), then tell every listener. A listener that fails does not stop the others.
        Ending again from inside a listener does nothing."""
        me = threading.get_ident()
        with self._lock:
            if self._ending_in == me:
                return
            self._ending_in = me
            self._begin()
            listeners = list(self._listeners)
        try:
            for listener in listeners:
                try:
                    listener()
                except Exception as exc:  # the others must still wipe what they hold
                    log.error("a visit listener failed: %s", exc.__class__.__name__)
        finally:
            with self._lock:
                self._ending_in = None
