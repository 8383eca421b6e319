"""View-model of the application's form, materials and review, bound as ``applyForm``.

Fronts the shared :class:`~ui.viewmodels.apply_flow.ApplyFlow` for the form page (fields,
live checks, home-service address), the materials page (bring, or sign a commitment 告知承诺)
and the review page (what the citizen typed in full, card values masked). The plain value of
a field is exposed only on the form being edited and on the review of it, both on the
citizen's own screen during the visit; refused steps set the flow's ``error`` (bound on
``apply``).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.session_states import FlowError, Lookup, State
from ui.viewmodels import apply_views as views
from ui.viewmodels.apply_flow import ApplyFlow

log = logging.getLogger(__name__)


def _sign(signature: Any, facts: Any) -> bytes:  # no signer from the core: no terminal id
    from kiosk.documents.signature import signed_pdf

    return signed_pdf(signature, facts)


class ApplyFormViewModel(QObject):
    """Bound as ``applyForm``: ``fields``, ``materials``, ``review`` of the application."""

    changed = Signal()
    signed = Signal(int)  # a commitment was signed: the material's index

    def __init__(self, flow: ApplyFlow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flow = flow
        self._looking_up = False
        flow.on_change(self.changed.emit)
        flow.on_drop(self._forget)

    def _forget(self) -> None:  # the application was dropped (its lookup's answer goes too)
        self._looking_up = False

    # -- form -------------------------------------------------------------------------------

    def _fields(self) -> list[dict[str, Any]]:
        if self._flow.state is not State.FORM:
            return []
        return views.fields_for_qml(self._flow.session.fields())

    def _normalised(self, values: Any) -> dict[str, str]:
        types = {v.field.id: v.field.type.value for v in self._flow.session.fields()}
        plain = dict(values.toVariant() if hasattr(values, "toVariant") else values or {})
        return {k: views.normalise(types.get(k, ""), str(v)) for k, v in plain.items() if v}

    @Slot("QVariant", str)
    def checkField(self, values: Any, field_id: str) -> None:  # noqa: N802 - Qt naming
        """Live feedback for one field the citizen just left."""
        flow = self._flow
        if flow.state is not State.FORM:
            return
        errors = {e.field_id: e.reason for e in flow.session.check(self._normalised(values))}
        if field_id in errors:
            flow.field_errors[field_id] = errors[field_id]
        else:
            flow.field_errors.pop(field_id, None)
        flow.notify()

    @Slot("QVariant", str, str, result=bool)
    def submitForm(self, values: Any, home_address: str, home_phone: str) -> bool:  # noqa: N802
        """Accept the form and go to the materials (home service: its address and phone)."""
        flow = self._flow
        if flow.state is not State.FORM:
            return False
        from kiosk.domain.application import HomeService  # the domain loads after the first frame

        plain = self._normalised(values)
        session = flow.session
        home = (
            HomeService(home_address.strip(), views.normalise("phone", home_phone))
            if session.home
            else None
        )
        ok = flow.step(lambda: session.submit_form(plain, home))
        if ok:
            self._settle_the_obvious()
            flow.notify()
        return ok

    def _settle_the_obvious(self) -> None:
        """Materials only the citizen can provide need no choice: settle them as brought (the
        page still offers a scan instead). That includes a 免提交 material data sharing did
        not settle, unless it has a commitment of its own to choose."""
        from kiosk.domain.catalog import MaterialSource

        session = self._flow.session
        for m in session.materials():
            if m.settlement is not None:
                continue
            if m.offered is MaterialSource.CITIZEN or (
                m.offered is MaterialSource.SHARED
                and m.lookup in (Lookup.NOT_FOUND, Lookup.OFFLINE, Lookup.DECLINED)
            ):
                session.bring(m.index)

    # -- materials --------------------------------------------------------------------------

    def _materials(self) -> list[dict[str, Any]]:
        session = self._flow.session
        if session.state is not State.MATERIALS or session.service is None:
            return []
        return views.materials_for_qml(session.service, session.materials())

    @Slot(result=bool)
    def lookUp(self) -> bool:  # noqa: N802
        """The citizen agreed that the hall may look up their 免提交 materials: ask data
        sharing (off the GUI thread). What it does not settle, the citizen provides."""
        flow = self._flow
        session = flow.session
        core = flow.core
        if flow.ops.busy or session.state is not State.MATERIALS:
            return False
        names = session.to_look_up()
        if not names:
            return False
        if core is None or core.verify_shared is None:
            self._looked_up(None)
            return True
        verify, subject = core.verify_shared, session.lookup_subject()
        self._looking_up = True
        flow.notify()
        return flow.ops.run(
            lambda: verify(subject, names),
            self._looked_up,
            failed=lambda _failure: self._looked_up(None),
        )

    def _looked_up(self, found: Any) -> None:
        self._looking_up = False
        flow = self._flow
        if flow.state is not State.MATERIALS:  # the citizen went back meanwhile
            flow.notify()
            return
        flow.session.record_lookup(found)
        self._settle_the_obvious()
        if found is None:
            log.info("shared data lookup unavailable: materials to be provided instead")
        flow.ops.set_reason("shared_offline" if found is None else "")
        flow.notify()

    @Slot(result=bool)
    def declineLookUp(self) -> bool:  # noqa: N802
        """The citizen does not want the lookup: they provide those materials themselves."""
        flow = self._flow
        if flow.ops.busy:
            return False
        ok = flow.step(flow.session.decline_lookup)
        if ok:
            self._settle_the_obvious()
            flow.notify()
        return ok

    @Slot(int, result=bool)
    def bring(self, index: int) -> bool:
        """Material ``index`` will be handed in at the window."""
        session = self._flow.session
        return self._flow.step(lambda: session.bring(index))

    @Slot(int, str, bool, result=bool)
    def startSigning(self, index: int, text: str, consent: bool) -> bool:  # noqa: N802
        """May material ``index`` be signed now (consent ticked, its own words)? The sign
        page opens only then; a refusal is ``error``."""
        session = self._flow.session
        return self._flow.step(lambda: session.check_signing(index, text, consent))

    @Slot(int, str, bool, "QVariant", float, float, result=bool)
    def sign(
        self, index: int, text: str, consent: bool, strokes: Any, width: float, height: float
    ) -> bool:
        """The citizen signed the commitment ``text`` of material ``index`` on the pad:
        ``strokes`` as plain lists (``[[[x, y, t ms], …], …]``) on a pad of ``width`` ×
        ``height``. Checked here (a refusal is ``error``: ``signature_dot`` …); the signed PDF
        is made on the core's executor, then the commitment is recorded and ``signed``
        emitted. Returns whether signing started."""
        from kiosk.documents.signature import Signature, SignatureRejected

        flow = self._flow
        if flow.ops.busy:
            return False
        plain = strokes.toVariant() if hasattr(strokes, "toVariant") else strokes
        session = flow.session
        facts: list[Any] = []

        def prepare() -> None:
            try:
                signature = Signature.from_lists(plain or [], width, height)
            except SignatureRejected as exc:
                log.info("signature refused: %s", exc.reason)
                raise FlowError(exc.reason, exc.message) from None
            facts.append((signature, session.prepare_signing(index, text, consent, signature)))

        if not flow.step(prepare):
            return False
        signature, fact = facts[0]
        make = flow.core.sign if flow.core is not None and flow.core.sign else _sign

        def signed(data: bytes) -> None:
            if flow.session is not session:
                return  # that application was dropped meanwhile
            from kiosk.domain.application import Document

            document = Document(kind="signed", media_type="application/pdf", data=data)
            if flow.step(lambda: session.commit(index, text, consent, document)):
                self.signed.emit(index)

        return flow.ops.run(lambda: make(signature, fact), signed, fallback="signing_failed")

    @Slot(result=bool)
    def confirmMaterials(self) -> bool:  # noqa: N802
        """Every material settled: on to the review page."""
        flow = self._flow
        ok = flow.step(flow.session.confirm_materials)
        if ok:
            flow.reviewed()
            flow.notify()
        return ok

    def _field_errors(self) -> dict[str, str]:
        return dict(self._flow.field_errors)

    def _review(self) -> dict[str, Any]:
        return self._flow.review

    fields = Property(list, _fields, notify=changed)
    fieldErrors = Property("QVariantMap", _field_errors, notify=changed)  # type: ignore[arg-type]  # noqa: N815
    materials = Property(list, _materials, notify=changed)
    lookingUp = Property(bool, lambda self: self._looking_up, notify=changed)  # noqa: N815
    review = Property("QVariantMap", _review, notify=changed)  # type: ignore[arg-type]
