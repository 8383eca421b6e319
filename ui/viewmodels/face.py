"""View-model of 人证核验, bound as ``face``: one face check for a guarded action (apply,
commitment, agent, certificate) on the core's :class:`~kiosk.services.face_checks.FaceChecks`.

The check runs on ``core-tasks``; each camera frame comes back mirrored (the citizen sees
themselves as in a mirror) as the one latest :class:`QImage`, held in memory and served to
QML by :class:`FaceImages` (``image://face/live/<n>``); the step the citizen is asked to do
(``look`` → ``blink`` → ``left`` | ``right``) comes back as it changes. Nothing is written or
logged; the visit's end drops the frame, the outcome and the core's check.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, QSize, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider

from kiosk.visit import Visit
from ui.ops import Dispatcher, Failure, Ops

log = logging.getLogger(__name__)

# The live view's width: enough for the screen's circle, little to copy per frame.
VIEW_WIDTH = 480


def mirrored_qimage(image: Any) -> QImage:
    """A BGR frame (numpy) as an RGB :class:`QImage`, flipped left to right, at most
    :data:`VIEW_WIDTH` wide (a copy: it owns its pixels)."""
    import cv2
    import numpy as np

    height, width = image.shape[:2]
    if width > VIEW_WIDTH:
        height = round(height * VIEW_WIDTH / width)
        width = VIEW_WIDTH
        image = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
    rgb = np.ascontiguousarray(image[:, ::-1, ::-1])  # mirror, and BGR → RGB
    return QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


class FaceCheckViewModel(QObject):
    """Bound as ``face``. ``stage``: "" → ``checking`` → ``passed`` | ``failed`` (重试 while
    failures are under three) | ``window`` (请到人工窗口办理); ``reason`` says why."""

    changed = Signal()
    frameChanged = Signal()  # noqa: N815 - Qt naming
    passedCheck = Signal(str)  # noqa: N815 - the action whose check passed

    def __init__(self, dispatcher: Dispatcher, visit: Visit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._visit = visit
        self._ops = Ops(dispatcher, visit, "face", self.changed.emit, wipe=self._wipe)
        self._dispatcher = dispatcher
        self._faces: Any = None
        self._simulate: Callable[[str], bool] | None = None
        self._lock = threading.Lock()  # the frame: written on core-tasks, read by QML
        self._frame: QImage | None = None
        self._frame_no = 0
        self._wipe()

    def _wipe(self) -> None:  # end of visit: the frame, the outcome and the core's check go
        with self._lock:
            self._frame = None
        self._action = ""
        self._stage = ""
        self._step = ""
        self._failures = 0
        self._max_failures = 3
        self._outcome: Any = None
        self._pending = ""  # asked for while the last check was stopping
        self.frameChanged.emit()
        if self._faces is not None:
            self._faces.forget()

    def attach(
        self, faces: Any, executor: Any, simulate: Callable[[str], bool] | None = None
    ) -> None:
        """Connect to the core's face checks (``simulate``: demo mode's switch of what the
        simulated face camera shows); GUI thread."""
        self._faces = faces
        self._simulate = simulate
        self._max_failures = faces.settings.max_failures
        self._ops.attach(executor)
        self.changed.emit()

    def outcome(self, action: str) -> Any:
        """The visit's passed check for ``action`` (a ``FaceOutcome``), or None."""
        faces, identity = self._faces, self._visit.identity
        return None if faces is None else faces.passed(self._visit.id, action, identity)

    @Slot(str)
    def start(self, action: str) -> None:
        """Check the card holder's face for ``action``; again after a failure (重试)."""
        faces = self._faces
        if self._stage == "checking":  # the last page's check is still stopping: next
            self._pending = action
            return
        if self._stage == "window":
            return
        self._action, self._outcome = action, None
        if faces is None:
            self._stage = "window"
            self._ops.set_reason("no_face_camera")
            self.changed.emit()
            return
        if faces.passed(self._visit.id, action, self._visit.identity) is not None:
            self._stage = "passed"  # checked already in this visit, for this action
            self.changed.emit()
            self.passedCheck.emit(action)
            return
        self._stage, self._step = "checking", "look"
        with self._lock:
            self._frame = None
        self.frameChanged.emit()
        visit_id, identity = self._visit.id, self._visit.identity
        on_step = self._ops.guard(self._set_step)
        token = self._visit.token()

        def on_frame(image: Any) -> None:  # core-tasks
            if not token.alive:
                return
            picture = mirrored_qimage(image)
            with self._lock:
                self._frame = picture
            self._dispatcher.post(self._new_frame, token)

        self._ops.run(
            lambda: faces.check(visit_id, identity, action, on_frame, on_step),
            self._done,
            failed=self._failed,
        )
        self.changed.emit()

    @Slot()
    def retry(self) -> None:
        """Another try after a failure (not once the citizen is sent to a window)."""
        if self._stage == "failed":
            self._stage = ""
            self.start(self._action)

    @Slot()
    def optOut(self) -> None:  # noqa: N802 - Qt naming
        """不便使用摄像头: stop any check and send the citizen to a window (no failure of
        theirs, nothing to retry)."""
        faces, action = self._faces, self._action
        if faces is None or self._stage in ("window", "passed") or not action:
            return
        if self._stage == "checking":
            faces.cancel()
        self._pending = ""
        visit_id, identity = self._visit.id, self._visit.identity
        self._ops.run(lambda: faces.decline(visit_id, identity, action), self._declined)

    def _declined(self, outcome: Any) -> None:
        self._outcome, self._failures = outcome, outcome.failures
        with self._lock:
            self._frame = None
        self.frameChanged.emit()
        self._stage = "window"
        self._ops.set_reason("declined")

    @Slot(str)
    def simulateFace(self, sequence: str) -> None:  # noqa: N802 - Qt naming
        """Demo: the simulated camera shows ``sequence`` (the holder, the holder's printed
        photo, another person) and the check starts again with it."""
        simulate = self._simulate
        if simulate is None or not simulate(sequence):
            return
        if self._stage == "checking":
            action = self._action
            self.cancel()
            self.start(action)  # runs once the stopped check has ended
        elif self._stage == "failed":
            self.retry()

    @Slot()
    def cancel(self) -> None:
        """The citizen left the page: stop a running check (it is no failure)."""
        if self._stage == "checking" and self._faces is not None:
            self._faces.cancel()

    def _set_step(self, step: str) -> None:
        if self._stage == "checking":
            self._step = step

    def _new_frame(self, token: Any) -> None:
        if token.alive:
            self._frame_no += 1
            self.frameChanged.emit()

    def _done(self, outcome: Any) -> None:
        pending, self._pending = self._pending, ""
        if pending:  # its page was left as it ended: the check asked for since goes on
            self._stage = "window" if outcome.to_window else ""
            self.start(pending)
            return
        self._outcome = outcome
        self._failures = outcome.failures
        with self._lock:
            self._frame = None  # the citizen's picture goes with the check
        self.frameChanged.emit()
        if outcome.passed:
            self._stage = "passed"
            self._ops.set_reason("")
            self.passedCheck.emit(outcome.action)
            return
        self._stage = "window" if outcome.to_window else "failed"
        self._ops.set_reason(outcome.reason or "failed")

    def _failed(self, failure: Failure) -> None:
        with self._lock:
            self._frame = None
        self.frameChanged.emit()
        if failure.reason == "cancelled":
            self._stage = ""
            pending, self._pending = self._pending, ""
            if pending:
                self.start(pending)
            return
        self._stage = "window"
        self._ops.set_reason(failure.reason)

    def latest_frame(self) -> QImage:
        """The newest frame for :class:`FaceImages` (an empty image when none)."""
        with self._lock:
            return QImage() if self._frame is None else self._frame

    def _distance(self) -> str:
        outcome = self._outcome
        return "" if outcome is None or outcome.distance is None else f"{outcome.distance:.3f}"

    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
    reason = Property(str, lambda self: self._ops.reason, notify=changed)
    available = Property(bool, lambda self: self._faces is not None, notify=changed)
    action = Property(str, lambda self: self._action, notify=changed)
    stage = Property(str, lambda self: self._stage, notify=changed)
    step = Property(str, lambda self: self._step, notify=changed)
    failures = Property(int, lambda self: self._failures, notify=changed)
    maxFailures = Property(int, lambda self: self._max_failures, notify=changed)  # noqa: N815
    canRetry = Property(  # noqa: N815
        bool, lambda self: self._stage == "failed", notify=changed
    )
    frameSource = Property(  # noqa: N815
        str,
        lambda self: f"image://face/live/{self._frame_no}" if self._frame is not None else "",
        notify=frameChanged,
    )


class FaceImages(QQuickImageProvider):
    """``image://face/live/<n>``: the face check's latest frame, from memory only."""

    def __init__(self, face: FaceCheckViewModel) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._face = face

    def requestImage(self, name: str, size: QSize, requested: QSize) -> QImage:  # noqa: N802
        image = self._face.latest_frame()
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image
