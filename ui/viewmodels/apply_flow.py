"""The application in progress, shared by the apply screens' view-models (no Qt here).

:class:`ApplyFlow` owns the :class:`~kiosk.session.ApplySession` of the application being made
(its ``visit_id`` is the visit's id), the views the pages show of it, and the one
:class:`~ui.ops.Ops` of the flow: ``busy`` while it is submitted (the session then belongs to
the worker thread, so no step may run) and ``reason``, the code of the last refused step.

The view-models ``apply`` (the steps), ``applyForm`` (form, materials, review) and
``submission`` (submit, receipt) front it and re-emit its changes. The session's own steps are
in-memory and cheap, so they run on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.session_states import FlowError, State
from kiosk.visit import Visit
from ui.ops import Dispatcher, Ops
from ui.viewmodels import apply_views as views
from ui.viewmodels.apply_core import ApplyCore

if TYPE_CHECKING:
    from kiosk.session import ApplySession

log = logging.getLogger(__name__)

Listener = Callable[[], None]


class ApplyFlow:
    """One application at a time; wiped when the visit ends."""

    def __init__(self, dispatcher: Dispatcher, visit: Visit) -> None:
        self.visit = visit
        self.core: ApplyCore | None = None
        self._changed: list[Listener] = []
        self._dropped: list[Listener] = []
        self.ops = Ops(dispatcher, visit, "apply", self.notify, wipe=self._wipe)
        self._adopted: list[Ops] = [self.ops]
        self._fresh()

    def _fresh(self) -> None:
        self._session: ApplySession | None = None  # made on first use: see ``session``
        self.field_errors: dict[str, str] = {}
        self.detail: dict[str, Any] = {}  # the chosen service as the pages show it
        # The review as the citizen checks it on their own screen (typed values as typed,
        # card values masked), built when materials are done; wiped with the visit.
        self.review: dict[str, Any] = {}
        # 修改 was tapped on the review page: the step edited leads back to the review.
        self.revising = False

    def attach(self, core: ApplyCore) -> None:
        """Connect to the core once it is up (GUI thread)."""
        self.core = core
        for ops in self._adopted:
            ops.attach(core.tasks)

    def adopt(self, ops: Ops) -> None:
        """Run ``ops`` (of the rating or booking view-model) on the core's executor too, once
        the flow is attached; those view-models reach the core through ``core``."""
        self._adopted.append(ops)
        if self.core is not None:
            ops.attach(self.core.tasks)

    def on_change(self, listener: Listener) -> None:
        """Call ``listener`` whenever anything of the flow changed (the view-models' signal)."""
        self._changed.append(listener)

    def on_drop(self, listener: Listener) -> None:
        """Call ``listener`` when the application is dropped (a new one, going home, the end
        of the visit): the receipt shown goes with it."""
        self._dropped.append(listener)

    def notify(self) -> None:
        """Tell every view-model of the flow that something changed."""
        for listener in self._changed:
            listener()

    # -- the session -----------------------------------------------------------------------

    @property
    def session(self) -> ApplySession:
        """The application being made, for the visit of the moment. Made on first use: the
        session's module brings the catalog's pydantic models, which the home screen does
        not need before its first frame (tests/unit/test_startup_imports.py)."""
        if self._session is None:
            from kiosk.session import ApplySession

            self._session = ApplySession(visit_id=self.visit.id)
        return self._session

    @session.setter
    def session(self, session: ApplySession) -> None:
        self._session = session  # one made elsewhere (tests start from a given step)

    @property
    def state(self) -> State:
        """The session's state (choosing, until a session is made)."""
        return State.CHOOSE if self._session is None else self._session.state

    def step(self, action: Callable[[], object]) -> bool:
        """Run one session step; a refused step becomes ``reason`` (and field errors)."""
        if self.ops.busy:
            return False
        self.field_errors = {}
        try:
            action()
        except FlowError as exc:
            self.field_errors = {e.field_id: e.reason for e in exc.errors}
            log.info("apply step refused: %s", exc.reason)
            self.ops.set_reason(exc.reason)
            self.notify()
            return False
        self.ops.set_reason("")
        self.notify()
        return True

    def _review_view(self, own_screen: bool) -> dict[str, Any]:
        item = self.session.service
        assert item is not None and item.guide.form is not None
        types = {f.id: f.type.value for f in item.guide.form.fields}
        return views.review_for_qml(self.session.review(own_screen=own_screen), types)

    def own_review(self) -> dict[str, Any]:
        """The review page's values for the citizen's own screen: what they typed in full
        (they must be able to check it), card values masked."""
        return self._review_view(own_screen=True)

    def masked_review(self) -> dict[str, Any]:
        """The same values with every personal one masked (the receipt page, which stays up
        after the citizen has gone)."""
        return self._review_view(own_screen=False)

    def reviewed(self) -> None:
        """The session reached the review step: build its page, end a revision."""
        self.review = self.own_review()
        self.revising = False

    def drop(self) -> None:
        """Forget the application in progress and its receipt on screen (a new one starts)."""
        if self._session is not None:
            self._session.wipe()
        self._fresh()
        self.ops.set_reason("")
        for listener in self._dropped:
            listener()
        self.notify()

    def leave(self) -> None:
        """The citizen went home: drop an application begun (not while it is submitted);
        the visit goes on, with its receipts and its rating."""
        if self.state not in (State.CHOOSE, State.CANCELLED) and not self.ops.busy:
            self.drop()

    def receipt_shown(self) -> None:
        """The receipt page is up."""
        if self.state is State.SUBMITTED:
            self.session.receipt_shown()

    def finish_rating(self) -> None:
        """The visit was rated (or the rating skipped) after this application."""
        if self.state in (State.SUBMITTED, State.RECEIPT):
            self.session.finish_rating()

    def _wipe(self) -> None:  # the visit ended (Ops calls notify after)
        if self._session is not None:
            self._session.wipe()
        self._fresh()
        for listener in self._dropped:
            listener()
