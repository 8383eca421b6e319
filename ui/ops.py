"""The one seam between a view-model and the core: :class:`Ops`.

In the spirit of Anki's ``QueryOp`` (aqt/operations): a view-model hands a blocking core call
to :meth:`Ops.run`, which

- runs it off the GUI thread, on the core's task executor;
- sets the view-model's ``busy`` flag while it runs (unless asked not to) and clears the last
  reason;
- brings the result or the error back to the GUI thread through the dispatcher;
- turns an error into the reason code the page words (QML holds the sentences, in ``qsTr``):
  the core's errors carry a ``reason``; any other exception is logged for staff by class and
  place only (never its message, which may hold personal data) and becomes a generic code;
- drops the answer when the visit it was asked for has ended (a :class:`~kiosk.visit.Visit`
  token), or when a later request of the same ``latest`` key was made (search as you type).

Each view-model holds its own ``Ops`` (composition, not a base class: in PySide6 a property
whose notify signal lives in a base class is not bindable in QML). ``Ops`` also registers the
view-model's ``wipe`` with the visit, so a visit's end clears every view-model from one place.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from kiosk.visit import Visit, VisitToken
from kiosk.workers import Executor

log = logging.getLogger(__name__)

T = TypeVar("T")

GENERIC = "failed"  # a failure the core did not explain: the page's generic sentence
NOT_READY = "not_ready"  # the core is not up yet


class Dispatcher(Protocol):
    """Runs a callable on the GUI thread (``ui.bridge.GuiDispatcher``; inline in tests)."""

    def post(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run ``fn(*args)`` on the GUI thread soon; safe from any thread."""


@dataclass(frozen=True)
class Failure:
    """Why an operation did not go through, as the page needs it."""

    reason: str  # the code QML words
    known: bool  # the core said why (its error's ``reason``); False: the generic code
    details: dict[str, Any] = field(default_factory=dict)  # values the sentence needs


def failure_of(exc: BaseException, fallback: str = GENERIC) -> Failure:
    """The core's errors carry ``reason`` (and some ``details``); anything else is unknown."""
    reason = getattr(exc, "reason", None)
    if isinstance(reason, str) and reason:
        details = getattr(exc, "details", None)
        return Failure(reason, True, dict(details) if isinstance(details, dict) else {})
    return Failure(fallback, False)


def place_of(exc: BaseException) -> str:
    """Where ``exc`` was raised (file, line, function): enough for staff, nothing personal."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno} in {last.name}"


def log_failure(name: str, exc: BaseException, failure: Failure) -> None:
    """A line for staff: the reason code, or the exception's class and place. Never the
    exception's message (it may quote what the citizen typed or the card held)."""
    if failure.known:
        log.info("%s: %s", name, failure.reason)
    else:
        log.error("%s: %s at %s", name, exc.__class__.__name__, place_of(exc))


@dataclass(eq=False)
class _Op:
    token: VisitToken | None
    key: str | None
    busy: bool


class Ops:
    """Runs a view-model's core calls; see the module's docstring.

    ``changed`` is called after every delivered answer and every change of ``busy`` or
    ``reason``; ``wipe`` when the visit ends (then ``changed``).
    """

    def __init__(
        self,
        dispatcher: Dispatcher,
        visit: Visit,
        name: str,
        changed: Callable[[], None],
        wipe: Callable[[], None] | None = None,
    ) -> None:
        self._dispatcher = dispatcher
        self._visit = visit
        self._name = name
        self._changed = changed
        self._wipe = wipe
        self._executor: Executor | None = None
        self._running: set[_Op] = set()
        self._latest: dict[str, _Op] = {}
        self._reason = ""
        visit.on_end(self._visit_ended)

    def attach(self, executor: Executor) -> None:
        """The core is up: run on its task executor from now on."""
        self._executor = executor

    @property
    def ready(self) -> bool:
        """Whether the core is attached."""
        return self._executor is not None

    @property
    def busy(self) -> bool:
        """Whether an operation started with ``busy`` is still running."""
        return any(op.busy for op in self._running)

    @property
    def reason(self) -> str:
        """The code of the last failure ("" when none, or after :meth:`set_reason`)."""
        return self._reason

    @property
    def visit(self) -> Visit:
        """The visit whose answers this helper delivers."""
        return self._visit

    def set_reason(self, reason: str) -> None:
        """Say why a step cannot go on (a check in the view-model), or forget it with ""."""
        if reason != self._reason:
            self._reason = reason
            self._changed()

    def run(
        self,
        task: Callable[[], T],
        done: Callable[[T], None] | None = None,
        *,
        failed: Callable[[Failure], None] | None = None,
        busy: bool = True,
        visit: bool = True,
        latest: str | None = None,
        fallback: str = GENERIC,
    ) -> bool:
        """Run ``task`` on the executor; then ``done(result)`` on the GUI thread.

        On an error ``failed(failure)`` runs instead, or by default ``reason`` becomes the
        failure's code (``fallback`` for an error the core did not explain). ``visit=False``
        keeps the answer across a visit's end (data that is nobody's, like the catalog).
        ``latest``: only the answer to the newest request with this key is delivered.
        Returns False (and says ``not_ready``) before the core is attached.
        """
        executor = self._executor
        if executor is None:
            self.set_reason(NOT_READY)
            return False
        op = _Op(self._visit.token() if visit else None, latest, busy)
        if latest is not None:
            self.supersede(latest)
            self._latest[latest] = op
        self._running.add(op)
        if busy:
            self._reason = ""
            self._changed()
        executor.submit(
            task,
            on_done=lambda result: self._dispatcher.post(self._deliver, op, done, result),
            on_error=lambda exc: self._dispatcher.post(self._fail, op, failed, fallback, exc),
        )
        return True

    def supersede(self, key: str) -> None:
        """Drop the answers of requests with ``latest=key`` still on their way."""
        old = self._latest.pop(key, None)
        if old is not None:
            self._running.discard(old)

    def guard(self, fn: Callable[..., None]) -> Callable[..., None]:
        """A callback for core code on any thread (e.g. a print outcome): ``fn`` runs on the
        GUI thread, and not at all once the visit it was made in has ended."""
        token = self._visit.token()

        def call(*args: Any) -> None:
            if token.alive:
                fn(*args)
                self._changed()

        return lambda *args: self._dispatcher.post(call, *args)

    # -- on the GUI thread -----------------------------------------------------------------

    def _current(self, op: _Op) -> bool:
        if op.token is not None and not op.token.alive:
            return False
        if op.key is not None and self._latest.get(op.key) is not op:
            return False
        return op in self._running

    def _settle(self, op: _Op) -> None:
        self._running.discard(op)
        if op.key is not None and self._latest.get(op.key) is op:
            del self._latest[op.key]

    def _deliver(self, op: _Op, done: Callable[[Any], None] | None, result: Any) -> None:
        if not self._current(op):
            log.debug("%s: dropped the answer of an ended visit or older request", self._name)
            return
        self._settle(op)
        try:
            if done is not None:
                done(result)
        except Exception as exc:  # a bug in the view-model: the page still gets a sentence
            log_failure(self._name, exc, Failure(GENERIC, False))
            self._reason = GENERIC
        self._changed()

    def _fail(
        self,
        op: _Op,
        failed: Callable[[Failure], None] | None,
        fallback: str,
        exc: BaseException,
    ) -> None:
        if not self._current(op):
            log.debug("%s: dropped the failure of an ended visit or older request", self._name)
            return
        self._settle(op)
        failure = failure_of(exc, fallback)
        log_failure(self._name, exc, failure)
        if failed is None:
            self._reason = failure.reason
        else:
            failed(failure)
        self._changed()

    def _visit_ended(self) -> None:
        # Answers still on their way belong to the old visit: forget them (their tokens are
        # dead, and they no longer count as busy).
        self._running = {op for op in self._running if op.token is None}
        self._latest = {k: op for k, op in self._latest.items() if op.token is None}
        self._reason = ""
        if self._wipe is not None:
            self._wipe()
        self._changed()
