"""Deadlines on driver calls: a driver that hangs costs its own device, never its caller.

Every call the terminal makes into a driver (open, read, send, status, close) goes through a
:class:`DeviceGuard`. The guard runs the call on the device's own worker thread and waits at
most ``deadline_s`` for it. When the deadline passes, the caller gets :class:`DeviceTimeout`
(a sentence naming the device and the call) and goes on; the stuck worker thread — a daemon —
is abandoned, and the next call gets a fresh thread. A driver that keeps hanging therefore
leaks at most :data:`MAX_STUCK` threads per guard: past that the guard refuses at once.

One guard per device per component (the print worker, the health monitor, the reader worker
each own theirs), created where the component is built: nothing here is module-level state.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

# Abandoned threads still inside a hung driver call, per guard, before calls are refused.
MAX_STUCK = 3


class DeviceTimeout(RuntimeError):
    """A driver call did not return within its deadline; the device counts as faulty."""

    reason = "timeout"

    def __init__(self, device: str, operation: str, deadline_s: float, stuck: bool = False):
        if stuck:
            message = f"{device} is still stuck in earlier calls; '{operation}' was not attempted"
        else:
            message = f"{device} did not finish '{operation}' within {deadline_s:g} s"
        super().__init__(message)
        self.device = device
        self.operation = operation
        self.deadline_s = deadline_s


class _Call:
    """One call handed to the worker thread, and its outcome."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn
        self.done = threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.value = self.fn()
        except BaseException as exc:  # handed back to the caller, whatever it is
            self.error = exc
        finally:
            self.done.set()


class _Worker:
    """A daemon thread that runs calls one after another until abandoned."""

    def __init__(self, name: str) -> None:
        self.calls: queue.SimpleQueue[_Call | None] = queue.SimpleQueue()
        self.abandoned = False
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            call = self.calls.get()
            if call is None:
                return
            call.run()
            if self.abandoned:  # its caller gave up on it: this thread is done
                return


class DeviceGuard:
    """Runs one device's driver calls on a dedicated thread, each under a deadline.

    ``device`` names the device in messages (``"printer tcp://10.0.0.5:9100"``). Calls from
    several threads are serialised: the device's driver is only ever entered by one thread
    of this guard at a time.
    """

    def __init__(self, device: str) -> None:
        self.device = device
        self._lock = threading.Lock()
        self._worker: _Worker | None = None
        self._stuck: list[_Worker] = []
        self._serial = 0

    def call(self, operation: str, fn: Callable[[], T], deadline_s: float) -> T:
        """``fn()`` on the device thread; its result or exception, or :class:`DeviceTimeout`
        after ``deadline_s``: the caller is never held longer than that, waiting for
        another caller's call to this device included."""
        started = time.monotonic()
        if not self._lock.acquire(timeout=deadline_s):
            raise DeviceTimeout(self.device, operation, deadline_s)
        try:
            worker = self._ready_worker(operation, deadline_s)
            call = _Call(fn)
            worker.calls.put(call)
            left = max(0.0, deadline_s - (time.monotonic() - started))
            if not call.done.wait(left):
                worker.abandoned = True
                worker.calls.put(None)  # in case the hung call returns one day
                self._stuck.append(worker)
                self._worker = None
                log.warning(
                    "%s: '%s' still running after %g s; abandoning its thread",
                    self.device,
                    operation,
                    deadline_s,
                )
                raise DeviceTimeout(self.device, operation, deadline_s)
        finally:
            self._lock.release()
        if call.error is not None:
            raise call.error
        value: T = call.value
        return value

    @property
    def stuck_threads(self) -> int:
        """How many abandoned threads are still inside a driver call."""
        with self._lock:
            self._stuck = [w for w in self._stuck if w.thread.is_alive()]
            return len(self._stuck)

    def close(self) -> None:
        """Let the current worker thread end (abandoned ones end when their call returns)."""
        with self._lock:
            if self._worker is not None:
                self._worker.calls.put(None)
                self._worker = None

    def _ready_worker(self, operation: str, deadline_s: float) -> _Worker:
        if self._worker is not None:
            return self._worker
        self._stuck = [w for w in self._stuck if w.thread.is_alive()]
        if len(self._stuck) >= MAX_STUCK:
            raise DeviceTimeout(self.device, operation, deadline_s, stuck=True)
        self._serial += 1
        self._worker = _Worker(f"device:{self.device}#{self._serial}")
        return self._worker


def call_once(device: str, operation: str, fn: Callable[[], T], deadline_s: float) -> T:
    """One guarded call on a guard of its own (the CLI, doctor): its thread ends after."""
    guard = DeviceGuard(device)
    try:
        return guard.call(operation, fn, deadline_s)
    finally:
        guard.close()
