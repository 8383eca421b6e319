"""View-model of 自助打印证明, bound as ``certificates``: the card holder's certificates
(``CertificatePrints.offers``), one chosen and issued with its masked preview (``.prepare``),
and its print (``.print``).

Every core call runs through :class:`~ui.ops.Ops` on ``core-tasks``. The issued certificate
(the holder's full name and ID number) stays in this view-model's memory only until the visit
ends; QML sees the masked preview as a ``data:`` URL and the verification code. Each kind has
one idempotency key per visit, so 重试 or choosing it again never issues a second certificate.

A kind whose service's guide asks for the face check (人证核验, ``face`` in an offer) is issued
only after the visit's check for ``certificate`` passed: the list page sends the citizen to the
face check page (:meth:`awaitFace`), and a passed check chooses the kind here.
"""

from __future__ import annotations

import base64
import logging
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.visit import Visit
from ui.ops import Dispatcher, Failure, Ops
from ui.viewmodels.face import FaceCheckViewModel

log = logging.getLogger(__name__)


class CertificateViewModel(QObject):
    """Bound as ``certificates``. ``stage``: "" → ``list`` → ``preview`` → ``printing`` →
    ``done`` | ``failed`` (``reason`` says why)."""

    changed = Signal()

    def __init__(
        self,
        dispatcher: Dispatcher,
        visit: Visit,
        face: FaceCheckViewModel | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._visit = visit
        self._face = face
        if face is not None:
            face.passedCheck.connect(self._face_passed)
        self._ops = Ops(dispatcher, visit, "certificates", self.changed.emit, wipe=self._wipe)
        self._prints: Any = None
        self._wipe()

    def _wipe(self) -> None:  # end of visit: the certificate and its preview are forgotten
        self._offers: list[dict[str, Any]] = []
        self._awaiting = ""  # the kind chosen before its face check
        self._loaded = False
        self._keys: dict[str, str] = {}
        self._prepared: Any = None
        self._preview = ""
        self._title = ""
        self._code = ""
        self._stage = ""

    def attach(self, prints: Any, executor: Any) -> None:
        """Connect to the core's print job (None: no A4 printer configured); GUI thread."""
        self._prints = prints
        self._ops.attach(executor)
        self.changed.emit()

    @Slot()
    def load(self) -> None:
        """The card holder's certificates, from central."""
        identity, prints = self._visit.identity, self._prints
        self._prepared, self._preview, self._code = None, "", ""
        self._loaded, self._offers, self._stage = False, [], "list"
        if identity is None:
            self._ops.set_reason("card_required")
            return
        if prints is None:
            self._ops.set_reason("no_a4_printer")
            return
        number = identity.id_number

        def offers() -> list[tuple[Any, bool]]:
            prints.check_printer()  # out of paper: said now, before anything is issued
            return [(o, prints.needs_face(o.service_code)) for o in prints.offers(number)]

        self._ops.run(offers, self._show_offers)

    def _show_offers(self, offers: list[tuple[Any, bool]]) -> None:
        self._offers = [
            {
                "kind": o.kind,
                "title": o.title,
                "issuer": o.issuer,
                "service": o.service_code or "",
                "face": face,
            }
            for o, face in offers
        ]
        self._loaded = True

    @Slot(str)
    def awaitFace(self, kind: str) -> None:  # noqa: N802 - Qt naming
        """``kind`` is chosen once the face check for ``certificate`` passes."""
        self._awaiting = kind

    def _face_passed(self, action: str) -> None:
        kind, self._awaiting = self._awaiting, ""
        if action == "certificate" and kind:
            self.choose(kind)

    @Slot(str)
    def choose(self, kind: str) -> None:
        """Issue the certificate of ``kind`` (or get the one issued this visit) and preview
        it."""
        identity, prints = self._visit.identity, self._prints
        offer = next((o for o in self._offers if o["kind"] == kind), None)
        if identity is None or prints is None or offer is None:
            self._ops.set_reason("card_required" if identity is None else "failed")
            return
        face = self._face.outcome("certificate") if self._face is not None else None
        if offer["face"] and face is None:
            self._ops.set_reason("face_check_required")
            return
        key = self._keys.setdefault(kind, prints.certificates.new_key())
        number, service = identity.id_number, offer["service"] or None
        self._title, self._preview, self._prepared = offer["title"], "", None
        self._stage = "preview"
        self._ops.run(
            lambda: prints.prepare(number, kind, key, service_code=service, face=face),
            self._show_preview,
        )

    def _show_preview(self, prepared: Any) -> None:
        self._prepared = prepared
        self._preview = "data:image/png;base64," + base64.b64encode(prepared.preview_png).decode()

    @Slot()
    def printIt(self) -> None:  # noqa: N802 - Qt naming
        """Print the previewed certificate; again after a failure (the same certificate)."""
        prepared, prints = self._prepared, self._prints
        if prepared is None or prints is None:
            self._ops.set_reason("failed")
            return
        self._stage, self._code = "printing", ""
        self._ops.run(lambda: prints.print(prepared), self._printed, failed=self._not_printed)

    def _printed(self, printed: Any) -> None:
        self._stage, self._code = "done", printed.code

    def _not_printed(self, failure: Failure) -> None:
        self._stage = "failed"
        self._ops.set_reason(failure.reason)

    @Slot()
    def dismiss(self) -> None:
        """Forget the last error sentence (back to the list or the preview)."""
        self._ops.set_reason("")

    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
    reason = Property(str, lambda self: self._ops.reason, notify=changed)
    available = Property(bool, lambda self: self._prints is not None, notify=changed)
    offers = Property(list, lambda self: self._offers, notify=changed)
    loaded = Property(bool, lambda self: self._loaded, notify=changed)
    stage = Property(str, lambda self: self._stage, notify=changed)
    title = Property(str, lambda self: self._title, notify=changed)
    preview = Property(str, lambda self: self._preview, notify=changed)
    code = Property(str, lambda self: self._code, notify=changed)
