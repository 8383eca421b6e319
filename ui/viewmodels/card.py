"""View-model of the ID-card page: waiting, reading, read (masked), or why it failed.

The identity read is the visit's (:class:`kiosk.visit.Visit`), not this object's; it is gone
when the visit ends. QML only ever sees masked values. Whether the reader works is the status
view-model's to say (the one record the status bar reads too): this page follows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.visit import Visit
from ui.viewmodels.status import StatusViewModel


class CardViewModel(QObject):
    """Bound as ``card``. ``state``: waiting | reading | read | error; ``reason`` on error."""

    changed = Signal()
    cardRead = Signal()  # a usable identity arrived (the shell may start a visit)

    def __init__(
        self, visit: Visit, status: StatusViewModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._visit = visit
        self._status = status
        self._state = "waiting"
        self._reason = ""
        self._tap: Callable[[], None] | None = None
        visit.on_end(self._wait)
        status.changed.connect(self._follow_reader)
        self._follow_reader()

    def attach(self, simulate_tap: Callable[[], None] | None) -> None:
        """Connect the demo's simulated tap (None on real hardware)."""
        self._tap = simulate_tap

    # Events from the reader worker, already on the GUI thread.
    def on_present(self) -> None:
        """A card lies on the reader: reading starts."""
        self._set("reading", "")

    def on_read(self, result: Any) -> None:
        """A read finished: keep the identity or say why not."""
        if result.ok:
            self._visit.set_identity(result.identity)
            self._set("read", "")
            self.cardRead.emit()
        else:
            self._visit.set_identity(None)
            self._set("error", result.reason or "read_failed")

    def on_removed(self) -> None:
        """The card was lifted. An ID card is tapped and lifted, so the visit goes on; a
        read that was still running is reported as failed."""
        if self._state == "reading":
            self._set("error", "read_failed")

    def _follow_reader(self) -> None:
        """The status says the reader is gone, or back: so does this page (a card already
        read stays read)."""
        if not self._status.reader_usable():
            if self._state != "read" and self._reason != "reader_lost":
                self._set("error", "reader_lost")
        elif self._state == "error" and self._reason == "reader_lost":
            self._set("waiting", "")

    @property
    def identity(self) -> Any:
        """The visit's identity (for tests and tools; never bound in QML)."""
        return self._visit.identity

    @Slot()
    def simulateTap(self) -> None:  # noqa: N802 - Qt naming
        """Demo: put the next sample card on the simulated reader."""
        if self._tap is not None:
            self._tap()

    @Slot()
    def retry(self) -> None:
        """Back to waiting after an error."""
        self._visit.set_identity(None)
        self._wait()

    def set_aside(self) -> None:
        """Read another card (the principal's) while the agent's waits aside in the visit."""
        self._visit.set_identity_aside()
        self._wait()

    def give_back(self) -> None:
        """The card set aside is the visit's card again; this is not a new tap, so no
        ``cardRead``."""
        if self._visit.take_identity_back():
            self._set("read", "")

    @Slot()
    def cancel(self) -> None:
        """Leave the page: forget the card (the visit goes on)."""
        self._visit.set_identity(None)
        self._wait()

    def _wait(self) -> None:
        # Also the end of a visit: the identity went with it, wait for the next card.
        usable = self._status.reader_usable()
        self._set("waiting" if usable else "error", "" if usable else "reader_lost")

    def _set(self, state: str, reason: str) -> None:
        self._state, self._reason = state, reason
        self.changed.emit()

    def _masked_name(self) -> str:
        identity = self._visit.identity
        return identity.masked_name if identity is not None else ""

    def _masked_id(self) -> str:
        identity = self._visit.identity
        return identity.masked_id_number if identity is not None else ""

    state = Property(str, lambda self: self._state, notify=changed)
    reason = Property(str, lambda self: self._reason, notify=changed)
    maskedName = Property(str, _masked_name, notify=changed)
    maskedId = Property(str, _masked_id, notify=changed)
