"""View-model of the scan page (扫描上传), bound as ``scan``: one material of the application
in progress photographed at the document camera (高拍仪), page by page.

The camera runs on its own thread (:class:`~kiosk.devices.camera_worker.CameraWorker`); its
frames, pages and refusals reach :meth:`on_frame`, :meth:`on_page` and :meth:`on_refused` on
the GUI thread. Preview frames flow only while the page shows (:meth:`setPreview`). Pages are
JPEG bytes held here in memory, shown through the ``image://scan/`` provider
(:class:`ScanImages`), never written or logged; they go when the material is settled, the
page is left with 返回, the application is dropped or the visit ends. 完成 joins them into
one PDF on ``core-tasks`` and settles the material as scanned
(:meth:`~kiosk.session.ApplySession.scan`), or, opened by :meth:`ScanViewModel.open_for`
(补正, :class:`~ui.viewmodels.supplement.SupplementViewModel`), hands the PDF to the caller.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Property, QObject, QSize, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider

from kiosk.visit import VisitToken
from ui.ops import Dispatcher, Ops
from ui.viewmodels.apply_flow import ApplyFlow

if TYPE_CHECKING:
    from kiosk.domain.application import Document

log = logging.getLogger(__name__)


class CameraControl(Protocol):
    """What the page asks of the camera worker (thread-safe calls)."""

    def set_preview(self, on: bool) -> None: ...

    def capture(self) -> None: ...


def scan_document(pages: list[bytes]) -> Document:
    """One PDF of ``pages`` as the application's document for a material (on ``core-tasks``)."""
    from kiosk.documents.scan import pages_to_pdf
    from kiosk.domain.application import Document

    return Document("scan", "application/pdf", pages_to_pdf(pages), len(pages))


class ScanViewModel(QObject):
    """Bound as ``scan``."""

    changed = Signal()
    frameChanged = Signal()  # a new preview frame (apart from ``changed``: 8 times a second)
    finished = Signal()  # the material was settled as scanned: the page goes back

    def __init__(
        self, dispatcher: Dispatcher, flow: ApplyFlow, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._flow = flow
        self._ops = Ops(dispatcher, flow.visit, "scan", self.changed.emit, wipe=self._clear)
        self._camera: CameraControl | None = None
        self._simulate: Callable[[str], bool] | None = None
        self._clear()
        flow.on_drop(self._dropped)

    def attach(
        self,
        camera: CameraControl | None,
        executor: Any,
        simulate: Callable[[str], bool] | None = None,
    ) -> None:
        """Connect to the core's camera worker (None: no camera) once it is up; ``simulate``
        (demo mode) puts a sample picture under the simulated camera."""
        self._camera = camera
        self._simulate = simulate
        self._ops.attach(executor)
        self.changed.emit()

    def _clear(self) -> None:
        """Forget every picture (end of visit, application dropped, material settled)."""
        self._index = -1
        self._settle_to: Callable[[Document], None] | None = None
        self._name = ""
        self._max_pages = 0
        self._pages: list[bytes] = []
        self._generation = 0  # changes whenever the pages do, so QML reloads thumbnails
        self._preview = b""
        self._frame_no = 0
        self._capturing: VisitToken | None = None
        self._retake = -1
        self._refusal = ""
        self._watching = False
        if self._camera is not None:
            self._camera.set_preview(False)

    def _dropped(self) -> None:
        self._clear()
        self.changed.emit()
        self.frameChanged.emit()

    # -- from the camera worker (GUI thread) ---------------------------------------------

    def on_frame(self, jpeg: bytes) -> None:
        """A preview frame; kept only while the page shows."""
        if not self._watching:
            return
        self._preview = jpeg
        self._frame_no += 1
        self.frameChanged.emit()

    def on_page(self, page: Any) -> None:
        """A straightened page (a ``PageScan``) for the capture asked for."""
        token = self._capturing
        self._capturing = None
        if token is None or not token.alive or self._index < 0:
            return  # nobody asked, or the visit that asked has ended
        if 0 <= self._retake < len(self._pages):
            self._pages[self._retake] = page.jpeg
        elif len(self._pages) < self._max_pages:
            self._pages.append(page.jpeg)
        self._retake = -1
        self._refusal = ""
        self._generation += 1
        self.changed.emit()

    def on_refused(self, reason: str) -> None:
        """The frame gave no usable page: the page says what to do (``reason``)."""
        if self._capturing is None:
            return
        self._capturing = None
        self._refusal = reason
        self.changed.emit()

    def camera_lost(self) -> None:
        """The camera went away: a capture asked for will not come."""
        if self._capturing is not None:
            self._capturing = None
            self.changed.emit()

    # -- from the page ------------------------------------------------------------------

    @Slot(int, result=bool)
    def open(self, index: int) -> bool:
        """Start scanning material ``index`` of the application in progress."""
        session = self._flow.session
        views = session.materials() if session.service is not None else []
        view = next((v for v in views if v.index == index), None)
        if view is None or self._camera is None:
            self._ops.set_reason("scan_unavailable")
            return False
        self._clear()
        self._index, self._name, self._max_pages = index, view.name, view.max_pages
        self._ops.set_reason("")
        self.changed.emit()
        return True

    def open_for(self, name: str, max_pages: int, settle: Callable[[Document], None]) -> bool:
        """Start scanning a material that is not the application's (a 补正): 完成 hands the
        PDF to ``settle`` on the GUI thread instead of settling an application's material."""
        if self._camera is None:
            self._ops.set_reason("scan_unavailable")
            return False
        self._clear()
        self._index, self._name, self._max_pages = 0, name, max_pages
        self._settle_to = settle
        self._ops.set_reason("")
        self.changed.emit()
        return True

    @Slot(bool)
    def setPreview(self, on: bool) -> None:  # noqa: N802 - Qt naming
        """The scan page shows (preview frames flow) or not."""
        self._watching = on and self._index >= 0
        if self._camera is not None:
            self._camera.set_preview(self._watching)
        if not self._watching:
            self._preview = b""
            self.frameChanged.emit()

    @Slot()
    def capture(self) -> None:
        """拍照: take the page under the camera (a new one, or the one being retaken)."""
        if self._camera is None or self._index < 0 or self._capturing is not None:
            return
        if self._retake < 0 and len(self._pages) >= self._max_pages:
            return
        self._capturing = self._flow.visit.token()
        self._refusal = ""
        self._camera.capture()
        self.changed.emit()

    @Slot(str)
    def simulateScene(self, scene: str) -> None:  # noqa: N802
        """Demo mode: lay sample picture ``scene`` (flat, angled, blurred, glare) under the
        simulated camera."""
        if self._simulate is not None:
            self._simulate(scene)

    @Slot(int)
    def retake(self, page: int) -> None:
        """重拍: the next 拍照 replaces page ``page`` (tap again to cancel)."""
        if 0 <= page < len(self._pages):
            self._retake = -1 if self._retake == page else page
            self.changed.emit()

    @Slot(int)
    def remove(self, page: int) -> None:
        """删除 page ``page``."""
        if 0 <= page < len(self._pages):
            del self._pages[page]
            self._retake = -1
            self._generation += 1
            self.changed.emit()

    @Slot()
    def discard(self) -> None:
        """返回 without 完成: the pages taken are forgotten."""
        self._clear()
        self.changed.emit()
        self.frameChanged.emit()

    @Slot()
    def finish(self) -> None:
        """完成: the pages become one PDF (off the GUI thread) and settle the material."""
        if not self._pages or self._index < 0 or self._ops.busy:
            return
        pages, index = list(self._pages), self._index
        self._ops.run(lambda: scan_document(pages), lambda doc: self._settle(index, doc))

    def _settle(self, index: int, document: Document) -> None:
        if self._settle_to is not None:
            self._settle_to(document)
            self._clear()
            self.changed.emit()
            self.finished.emit()
            return
        flow = self._flow
        if flow.step(lambda: flow.session.scan(index, document)):
            self._clear()
            self.changed.emit()
            self.finished.emit()
        else:
            self._ops.set_reason(flow.ops.reason or "failed")

    # -- pictures for ScanImages --------------------------------------------------------

    def picture(self, name: str) -> bytes:
        """The JPEG for an ``image://scan/<name>`` request ("" unknown)."""
        kind, _, rest = name.partition("/")
        if kind == "preview":
            return self._preview
        if kind == "page":
            number = rest.split("-", 1)[0]
            if number.isdigit() and int(number) < len(self._pages):
                return self._pages[int(number)]
        return b""

    def _page_list(self) -> list[dict[str, Any]]:
        return [
            {"number": i + 1, "source": f"image://scan/page/{i}-{self._generation}"}
            for i in range(len(self._pages))
        ]

    materialIndex = Property(int, lambda self: self._index, notify=changed)  # noqa: N815
    materialName = Property(str, lambda self: self._name, notify=changed)  # noqa: N815
    maxPages = Property(int, lambda self: self._max_pages, notify=changed)  # noqa: N815
    pages = Property(list, _page_list, notify=changed)
    pageCount = Property(int, lambda self: len(self._pages), notify=changed)  # noqa: N815
    capturing = Property(bool, lambda self: self._capturing is not None, notify=changed)
    retaking = Property(int, lambda self: self._retake, notify=changed)
    refusal = Property(str, lambda self: self._refusal, notify=changed)
    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
    error = Property(str, lambda self: self._ops.reason, notify=changed)
    available = Property(bool, lambda self: self._camera is not None, notify=changed)
    canSimulate = Property(bool, lambda self: self._simulate is not None, notify=changed)  # noqa: N815
    frameSource = Property(  # noqa: N815
        str,
        lambda self: f"image://scan/preview/{self._frame_no}" if self._preview else "",
        notify=frameChanged,
    )


class ScanImages(QQuickImageProvider):
    """``image://scan/…``: the scan page's preview and pages, from memory only."""

    def __init__(self, scan: ScanViewModel) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._scan = scan

    def requestImage(self, name: str, size: QSize, requested: QSize) -> QImage:  # noqa: N802
        image = QImage()
        data = self._scan.picture(name)
        if not data or not image.loadFromData(data, "JPG"):
            return QImage()
        # Imported here: importing ``Qt`` builds its 93 enum types (ui/bridge.py says why not
        # before the first frame).
        from PySide6.QtCore import Qt

        smooth = Qt.TransformationMode.SmoothTransformation
        if requested.width() > 0 and requested.height() > 0:
            return image.scaled(requested, Qt.AspectRatioMode.KeepAspectRatio, smooth)
        if requested.width() > 0:
            return image.scaledToWidth(requested.width(), smooth)
        if requested.height() > 0:
            return image.scaledToHeight(requested.height(), smooth)
        return image
