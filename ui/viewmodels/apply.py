"""View-model of the apply flow's steps (自助办理), bound as ``apply``.

Fronts the shared :class:`~ui.viewmodels.apply_flow.ApplyFlow`: choosing a service and how
(for oneself, as an agent, a home visit), the conditions, the card, the principal (代办),
going back a step and cancelling. Every apply page binds ``step``, ``error``, ``service`` and
``onBehalf`` here; the form, materials and review are ``applyForm``, the submission and its
receipt ``submission``, the rating ``rating`` and appointments ``booking``.

QML gets reason CODES (``error``; per field ``applyForm.fieldErrors``) and masked values.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.session_states import FlowError, State
from ui.viewmodels import apply_views as views
from ui.viewmodels.appliable import AppliableViewModel
from ui.viewmodels.apply_core import ApplyCore
from ui.viewmodels.apply_flow import ApplyFlow
from ui.viewmodels.card import CardViewModel
from ui.viewmodels.face import FaceCheckViewModel

log = logging.getLogger(__name__)

# Pages of the flow in order; going back to a page winds the session back to its state.
_ORDER = (
    State.CHOOSE,
    State.CONDITIONS,
    State.IDENTIFY,
    State.PRINCIPAL,
    State.FORM,
    State.MATERIALS,
    State.REVIEW,
)

# Steps the review page's 修改 links go back to (the card step would forget everything).
_REVISABLE = (State.PRINCIPAL.value, State.FORM.value, State.MATERIALS.value)


class ApplyViewModel(QObject):
    """Bound as ``apply``. ``step`` mirrors the session's state ("" before a choice)."""

    changed = Signal()

    def __init__(
        self,
        flow: ApplyFlow,
        card: CardViewModel,
        appliable: AppliableViewModel,
        face: FaceCheckViewModel | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.flow = flow
        self._card = card
        self._appliable = appliable
        self._face = face
        if face is not None:
            face.passedCheck.connect(self._face_passed)
        flow.on_change(self.changed.emit)

    def _face_passed(self, action: str) -> None:
        """人证核验 passed for an action of the application: the session keeps its record
        (result, distance, time), which goes with the submission."""
        if action not in ("apply", "agent", "commitment") or self._face is None:
            return
        outcome = self._face.outcome(action)
        if outcome is not None and self.flow.state is not State.CHOOSE:
            self.flow.session.face_checked(outcome.record())

    @Slot(str, result=bool)
    def needsFace(self, action: str) -> bool:  # noqa: N802 - Qt naming
        """Whether the chosen service asks for the face check before ``action`` (``apply``,
        ``agent``, ``commitment``) and the application holds no passed one for it yet
        (in memory: fine on the GUI thread)."""
        flow = self.flow
        if flow.state is State.CHOOSE:
            return False
        if action in ("apply", "agent") and action != (
            "agent" if flow.session.on_behalf else "apply"
        ):
            return False
        return action in flow.detail.get("face_check", []) and not flow.session.has_face_check(
            action
        )

    def attach(self, core: ApplyCore) -> None:
        """Connect the flow to the core once it is up (GUI thread)."""
        self.flow.attach(core)

    def leave_flow(self) -> None:
        """The citizen went home: drop the application in progress (the visit goes on)."""
        self.flow.leave()

    @Slot()
    def clearError(self) -> None:  # noqa: N802 - Qt naming
        """A page opened: forget the sentence of an earlier page."""
        self.flow.ops.set_reason("")

    # -- choose and identify ---------------------------------------------------------------

    @Slot(str, str, result=bool)
    def start(self, code: str, mode: str) -> bool:
        """Begin an application of ``code``; ``mode``: self | agent | home."""
        item = self._appliable.item(code)
        if item is None:
            self.flow.ops.set_reason("not_applicable_here")
            return False
        if self.flow.ops.busy:
            return False
        self.flow.drop()
        session = self.flow.session
        ok = self.flow.step(
            lambda: session.choose(item, on_behalf=mode == "agent", home=mode == "home")
        )
        if ok:
            self.flow.detail = views.service_detail(item)
            self.flow.notify()
        return ok

    @Slot(result=bool)
    def confirmConditions(self) -> bool:  # noqa: N802
        """The citizen read the conditions and meets them."""
        return self.flow.step(self.flow.session.confirm_conditions)

    @Slot(result=bool)
    def identify(self) -> bool:
        """Take the card read on the card page as the applicant (or the agent)."""
        identity = self.flow.visit.identity
        if identity is None:
            self.flow.ops.set_reason("card_missing")
            return False
        session = self.flow.session
        return self.flow.step(lambda: session.identify(identity))

    # -- principal (代办) ----------------------------------------------------------------

    @Slot(str, str, str, str, result=bool)
    def setPrincipal(self, relationship: str, kind: str, name: str, id_number: str) -> bool:  # noqa: N802
        """The person applied for, typed in (name and a checked ID number)."""
        from kiosk.domain.application import Authorisation  # after the first frame

        auth = Authorisation(relationship, kind)
        number = views.normalise("id_number", id_number)
        self._card.give_back()  # a principal card read was given up for typing
        session = self.flow.session
        return self.flow.step(lambda: session.set_principal(auth, name=name, id_number=number))

    @Slot(str, str, result=bool)
    def principalFromCard(self, relationship: str, kind: str) -> bool:  # noqa: N802
        """The person applied for, by their card just read on the card page."""
        identity = self.flow.visit.identity
        self._card.give_back()
        if identity is None:
            self.flow.ops.set_reason("card_missing")
            return False
        from kiosk.domain.application import Authorisation  # after the first frame

        auth = Authorisation(relationship, kind)
        session = self.flow.session
        return self.flow.step(lambda: session.set_principal(auth, card=identity))

    @Slot()
    def readPrincipalCard(self) -> None:  # noqa: N802
        """Let the card page read the principal's card; the agent's is given back after, so
        the rest of the visit (another application, progress) is the agent's again."""
        self._card.set_aside()

    # -- back and cancel --------------------------------------------------------------------

    @Slot(str)
    def returnTo(self, step: str) -> None:  # noqa: N802
        """The page of ``step`` is showing again (the citizen went back): wind the session
        back to it. Going back past the card step forgets who was identified."""
        try:
            target = State(step)
        except ValueError:
            return
        flow = self.flow
        if flow.ops.busy or target not in _ORDER or flow.state not in _ORDER:
            return
        changed = False
        while _ORDER.index(flow.state) > _ORDER.index(target):
            try:
                flow.session.back()
            except FlowError:
                break
            changed = True
        if changed:
            flow.field_errors = {}
            flow.ops.set_reason("")
            if flow.state is State.REVIEW:
                flow.reviewed()
            flow.notify()

    @Slot(str, result=bool)
    def revise(self, step: str) -> bool:
        """修改 on the review page: go back to ``step`` (principal, form or materials) to
        change it; going on from there leads straight back to the review."""
        flow = self.flow
        if step not in _REVISABLE or flow.state is not State.REVIEW or flow.ops.busy:
            return False
        if step == State.PRINCIPAL.value and not flow.session.on_behalf:
            return False
        flow.revising = True
        self.returnTo(step)
        return True

    @Slot()
    def cancel(self) -> None:
        """取消办理: the visit ends here; nothing of it (the card, the application, what
        other screens showed) stays behind."""
        self.flow.visit.end()

    # -- properties -------------------------------------------------------------------------

    def _step(self) -> str:
        state = self.flow.state
        return "" if state in (State.CHOOSE, State.CANCELLED) else state.value

    def _detail(self) -> dict[str, Any]:
        return self.flow.detail

    step = Property(str, _step, notify=changed)
    busy = Property(bool, lambda self: self.flow.ops.busy, notify=changed)
    error = Property(str, lambda self: self.flow.ops.reason, notify=changed)
    service = Property("QVariantMap", _detail, notify=changed)  # type: ignore[arg-type]
    onBehalf = Property(bool, lambda self: self.flow.session.on_behalf, notify=changed)  # noqa: N815
    homeService = Property(bool, lambda self: self.flow.session.home, notify=changed)  # noqa: N815
    revising = Property(bool, lambda self: self.flow.revising, notify=changed)
