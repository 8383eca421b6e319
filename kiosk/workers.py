"""Background work for the core: a single-thread executor with success/failure callbacks.

Following Anki's operations: the UI hands a callable to an executor and gets called back; it
never waits. Callbacks run on the worker thread; ``ui/bridge.py`` re-posts them to the GUI
thread. Tests use :class:`ImmediateExecutor`, which runs the task at once (Picard's trick).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Protocol, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class Executor(Protocol):
    """Runs a task somewhere and reports its result or error through callbacks."""

    def submit(
        self,
        task: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Schedule ``task``; exactly one of the callbacks runs when it ends."""

    def shutdown(self) -> None:
        """Stop accepting tasks and let the running one finish."""


def _report(
    future: Future[Any],
    on_done: Callable[[Any], None] | None,
    on_error: Callable[[BaseException], None] | None,
) -> None:
    exc = future.exception()
    try:
        if exc is not None:
            if on_error is None:
                log.error("background task failed: %s", exc.__class__.__name__, exc_info=exc)
            else:
                on_error(exc)
        elif on_done is not None:
            on_done(future.result())
    except Exception:  # a failing callback must not kill the worker
        log.exception("callback of a background task failed")


class ThreadExecutor:
    """A named single-thread executor: tasks run one at a time, in order."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._closed = False

    def submit(
        self,
        task: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``task`` on the worker thread, then the matching callback there. Once the
        executor is shut down (the terminal is stopping), a late task is dropped: nothing is
        left to answer it."""
        try:
            future = self._pool.submit(task)
        except RuntimeError:
            if not self._closed:
                raise
            log.debug("%s: a task came after shutdown and was dropped", self._name)
            return
        future.add_done_callback(lambda f: _report(f, on_done, on_error))

    def shutdown(self) -> None:
        """Cancel queued tasks; wait for the running one."""
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)


class ImmediateExecutor:
    """Runs each task at once in the caller's thread (for tests)."""

    def submit(
        self,
        task: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run now; report through the callbacks exactly like :class:`ThreadExecutor`."""
        future: Future[T] = Future()
        try:
            future.set_result(task())
        except BaseException as exc:  # noqa: BLE001 - reported, not swallowed
            future.set_exception(exc)
        _report(future, on_done, on_error)

    def shutdown(self) -> None:
        """Nothing to stop."""
