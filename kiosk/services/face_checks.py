"""人证核验 for a visit: before an action the catalog guards (apply, commitment, agent,
certificate), is the live face in front of the face camera the card holder's?

:class:`FaceChecks` keeps one :class:`~kiosk.face.check.FaceCheck` per visit, so failed checks
count across 重试 within the visit (three: ``to_window``), and the outcomes of the visit's
checks (:class:`FaceOutcome`: action, passed, reason, distance, elapsed, time; no image, no
name). Each check gets the holder's reference photo (:class:`ReferencePhotos`), opens the face
camera through the driver factory, asks a challenge (a blink, then a head turn to the left or
the right, chosen at random) and hands every frame to the screen's callback for its live view.
Frames and the reference stay in memory for the check only.

When a check cannot be made at all (no face camera configured, the camera cannot be opened,
no reference photo, central offline for the photo, the models not installed) the outcome says
why with a reason code and sends the citizen to a staffed window at once.

Every call blocks (the camera, central, dlib): run them on ``core-tasks``. Every check writes
one audit line (``face.checked``: action, passed, reason, distance), nothing personal.
"""

from __future__ import annotations

import hashlib
import logging
import random
import threading
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from drivers.cameras.base import Camera
from drivers.errors import DeviceError, ReasonError
from kiosk.domain.identity import Identity
from kiosk.face.check import FaceCheck, Step, camera_frames
from kiosk.face.liveness import Challenge
from kiosk.face.models import FaceModels, FaceModelsMissing
from kiosk.face.settings import FaceCheckSettings
from kiosk.services.common import local_now
from kiosk.services.reference_photos import ReferencePhotos
from kiosk.sync.client import CentralError

log = logging.getLogger(__name__)

Audit = Callable[[str, str, dict[str, Any]], None]  # (actor, action, detail)

ACTIONS = ("apply", "commitment", "agent", "certificate")
# Reasons a check could not be made at all: the citizen goes to a window at once.
CANNOT_CHECK = (
    "no_face_camera",  # none configured at this terminal
    "camera_absent",  # configured, but it cannot be opened or stopped answering
    "no_reference",  # neither the card nor central's registry has the holder's photo
    "central_offline",  # the registry's photo could not be asked for
    "face_unavailable",  # the face models are not installed
    "card_required",  # no card was read in this visit
    "declined",  # the citizen cannot use the camera (不便使用摄像头)
)


class FaceCheckCancelled(ReasonError):
    """The check was stopped before it ended (its page was left, the visit ended)."""

    def __init__(self, message: str) -> None:
        super().__init__("cancelled", message)


@dataclass(frozen=True)
class FaceOutcome:
    """How one check of a visit ended. ``reason``: a :data:`kiosk.face.check.REASONS` key or
    one of :data:`CANNOT_CHECK` (None when passed)."""

    action: str
    passed: bool
    reason: str | None
    distance: float | None
    elapsed_s: float
    at: datetime
    failures: int  # failed checks in this visit so far
    to_window: bool  # the citizen is sent to a staffed window

    def record(self) -> dict[str, Any]:
        """What is kept with the application or the print: result, score, time."""
        return {
            "action": self.action,
            "passed": self.passed,
            "reason": self.reason,
            "distance": self.distance,
            "elapsed_s": self.elapsed_s,
            "at": self.at.isoformat(timespec="seconds"),
        }


@dataclass
class _VisitChecks:
    visit_id: str
    holder: str  # whose card: another card read in the same visit starts again
    check: FaceCheck | None = None
    failures: int = 0  # counted here too: a check that could not start is not the engine's
    outcomes: list[FaceOutcome] = field(default_factory=list)
    stopped: int = 0  # bumped by cancel(): the running check stops at its next frame


Frames = Callable[[Any], None]  # a BGR image (numpy), on the checking thread
Steps = Callable[[Step], None]


class FaceChecks:
    """The visits' face checks (one visit at a time: a new visit id forgets the last)."""

    def __init__(
        self,
        camera_uri: str,
        reference_photos: ReferencePhotos,
        settings: FaceCheckSettings | None = None,
        *,
        models: FaceModels | None = None,
        make_camera: Callable[[str], Camera] | None = None,
        audit: Audit | None = None,
        rng: random.Random | None = None,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        self.camera_uri = camera_uri
        self.reference_photos = reference_photos
        self.settings = settings or FaceCheckSettings()
        self.models = models or FaceModels()  # loaded by the first check, never before
        self._make_camera = make_camera
        self._audit = audit
        self._rng = rng or random.Random()
        self._clock = clock
        self._lock = threading.Lock()
        self._visit: _VisitChecks | None = None

    @property
    def configured(self) -> bool:
        """Whether this terminal has a face camera."""
        return bool(self.camera_uri)

    def challenge(self) -> Challenge:
        """A blink, then a head turn to a side chosen at random."""
        return Challenge(("blink", self._rng.choice(("left", "right"))))

    def check(
        self,
        visit_id: str,
        identity: Identity | None,
        action: str,
        on_frame: Frames | None = None,
        on_step: Steps | None = None,
    ) -> FaceOutcome:
        """Run one check for ``action`` of the visit ``visit_id``'s card holder (blocking:
        seconds)."""
        if action not in ACTIONS:
            raise ValueError(f"no face-checked action {action!r}")
        state = self._state(visit_id, identity)
        if identity is None:
            return self._cannot(state, action, "card_required")
        if not self.configured:
            return self._cannot(state, action, "no_face_camera")
        if state.check is None:
            reference = self._reference(identity)
            if isinstance(reference, str):
                return self._cannot(state, action, reference)
            state.check = FaceCheck(self.models, self.settings, reference)
            del reference  # the check keeps the embedding only, once prepared
        check = state.check
        try:
            camera = self._camera()
        except (DeviceError, ValueError) as exc:  # no driver, a URI it cannot read
            log.warning("face camera %s not made: %s", self.camera_uri, exc)
            return self._cannot(state, action, "camera_absent")
        generation = state.stopped
        frames = _shown(
            camera_frames(camera),
            on_frame,
            lambda: state.stopped != generation or self._visit is not state,
        )
        try:
            result = check.run(frames, self.challenge(), on_step)
        except DeviceError as exc:
            log.warning("face camera %s failed: %s", self.camera_uri, exc)
            return self._cannot(state, action, "camera_absent")
        except FaceModelsMissing as exc:
            log.error("face check impossible: %s", exc)
            return self._cannot(state, action, "face_unavailable")
        finally:
            frames.close()  # closes the camera when the check stopped before its frames did
        if state.stopped != generation or self._visit is not state:
            check.failures -= 0 if result.passed else 1  # left by the citizen: not a failure
            raise FaceCheckCancelled("the face check was stopped")
        state.failures = max(state.failures, result.failures)
        outcome = FaceOutcome(
            action=action,
            passed=result.passed,
            reason=result.reason,
            distance=result.distance,
            elapsed_s=result.elapsed_s,
            at=self._clock(),
            failures=state.failures,
            # A reference without one face fails every try alike: no point in retrying.
            to_window=result.to_window or result.reason == "bad_reference",
        )
        return self._keep(state, outcome)

    def decline(self, visit_id: str, identity: Identity | None, action: str) -> FaceOutcome:
        """The citizen cannot use the camera: no check, straight to a window (recorded and
        audited like a check that could not be made)."""
        if action not in ACTIONS:
            raise ValueError(f"no face-checked action {action!r}")
        return self._cannot(self._state(visit_id, identity), action, "declined")

    def passed(
        self, visit_id: str, action: str, identity: Identity | None = None
    ) -> FaceOutcome | None:
        """The visit's passed check for ``action`` (of ``identity``'s holder, when given), if
        any; a passed check for another action of the same visit does not count: each action
        asks again."""
        with self._lock:
            state = self._visit
            if state is None or state.visit_id != visit_id:
                return None
            if identity is not None and state.holder != _holder(identity):
                return None
            return next((o for o in state.outcomes if o.passed and o.action == action), None)

    def outcomes(self, visit_id: str) -> list[FaceOutcome]:
        """The visit's outcomes so far, oldest first."""
        with self._lock:
            state = self._visit
            return list(state.outcomes) if state and state.visit_id == visit_id else []

    def cancel(self) -> None:
        """Stop the running check (the citizen left its page); it counts as no failure."""
        with self._lock:
            if self._visit is not None:
                self._visit.stopped += 1

    def forget(self) -> None:
        """The visit ended: its check (the reference's embedding) and outcomes go."""
        with self._lock:
            self._visit = None

    def _state(self, visit_id: str, identity: Identity | None) -> _VisitChecks:
        holder = _holder(identity)
        with self._lock:
            state = self._visit
            if state is None or state.visit_id != visit_id or state.holder != holder:
                state = self._visit = _VisitChecks(visit_id, holder)
            return state

    def _reference(self, identity: Identity) -> bytes | str:
        """The holder's reference photo, or the reason there is none."""
        try:
            reference = self.reference_photos.for_holder(identity)
        except CentralError as exc:
            log.warning("face check reference not fetched: %s", exc.reason)
            return "central_offline"
        return reference.photo if reference.found else "no_reference"

    def _camera(self) -> Camera:
        if self._make_camera is not None:
            return self._make_camera(self.camera_uri)
        from drivers.registry import make_camera

        return make_camera(self.camera_uri)

    def _cannot(self, state: _VisitChecks, action: str, reason: str) -> FaceOutcome:
        state.failures += 1
        outcome = FaceOutcome(
            action=action,
            passed=False,
            reason=reason,
            distance=None,
            elapsed_s=0.0,
            at=self._clock(),
            failures=state.failures,
            to_window=True,
        )
        return self._keep(state, outcome)

    def _keep(self, state: _VisitChecks, outcome: FaceOutcome) -> FaceOutcome:
        with self._lock:
            if self._visit is state:  # dropped when the visit ended meanwhile
                state.outcomes.append(outcome)
        log.info(
            "face check for %s: passed=%s reason=%s failures=%d",
            outcome.action,
            outcome.passed,
            outcome.reason,
            outcome.failures,
        )
        if self._audit is not None:
            detail = {
                "action": outcome.action,
                "passed": outcome.passed,
                "reason": outcome.reason or "",
                "distance": outcome.distance,
            }
            try:
                self._audit("terminal", "face.checked", detail)
            except Exception:  # the outcome stands; the log line above stays
                log.exception("face check audit line not written")
        return outcome


def _holder(identity: Identity | None) -> str:
    """Who a visit's checks are of, without keeping the number itself."""
    if identity is None:
        return ""
    return hashlib.sha256(identity.id_number.encode()).hexdigest()


def _shown(
    frames: Iterator[Any], on_frame: Frames | None, stop: Callable[[], bool]
) -> Generator[Any, None, None]:
    """``frames``, each handed to ``on_frame`` first (the screen's live view), until ``stop``
    says the check was left."""
    try:
        for image in frames:
            if stop():
                return
            if on_frame is not None:
                try:
                    on_frame(image)
                except Exception:  # a broken live view must not stop the check
                    log.exception("face check frame not shown")
            yield image
    finally:
        close = getattr(frames, "close", None)
        if close is not None:
            close()
