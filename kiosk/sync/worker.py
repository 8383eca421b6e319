"""The sync worker: one background thread running sync passes.

It wakes when an item is queued (:meth:`SyncWorker.notify`, or its 1-second look at the
outbox), on its timers (catalog, case status, purge), and when the network comes back
(its own probe while offline, or :meth:`SyncWorker.network_changed` from the health
monitor). Items are scheduled by ``next_attempt_at``, so one failing item never blocks
the others. Waits use the monotonic clock; stored times are wall-clock UTC.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text

from kiosk.store import Store
from kiosk.sync.attachments import purge as purge_attachments
from kiosk.sync.client import AuthenticationError, CentralError
from kiosk.sync.outbox import ErrorKind, iso, purge, recover, utcnow
from kiosk.sync.runner import SyncRunner
from kiosk.sync.status import SyncIndicator, indicator

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerTimings:
    """How often the worker does each thing (seconds)."""

    poll_s: float = 1.0
    probe_offline_s: float = 15.0
    catalog_s: float = 300.0
    status_s: float = 120.0
    purge_s: float = 3600.0


class SyncWorker:
    """Runs :class:`SyncRunner` passes on its own thread until stopped."""

    def __init__(
        self,
        runner: SyncRunner,
        *,
        retention_days: int = 7,
        timings: WorkerTimings | None = None,
        on_indicator: Callable[[SyncIndicator], None] | None = None,
    ) -> None:
        self.runner = runner
        self.store: Store = runner.store
        self.retention_days = retention_days
        self.timings = timings or WorkerTimings()
        self.on_indicator = on_indicator
        self.online: bool | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._next: dict[str, float] = {}
        self._pulls: list[tuple[str, float, Callable[[], object]]] = []

    def add_pull(self, name: str, every_s: float, pull: Callable[[], object]) -> None:
        """Run ``pull`` every ``every_s`` while online (e.g. the day's appointments);
        it may raise :class:`CentralError`. Call before :meth:`start`."""
        self._pulls.append((name, every_s, pull))

    def start(self) -> None:
        """Put back rows a previous run left mid-send, then start the thread."""
        recovered = recover(self.store)
        if recovered:
            log.info(
                "%d outbox item(s) were mid-send at the last stop; they will be resent", recovered
            )
        thread = threading.Thread(target=self._run, name="sync", daemon=True)
        thread.start()  # before it is published: stop() never joins an unstarted one
        self._thread = thread

    def notify(self) -> None:
        """Something was queued: send soon (call after the enqueuing transaction commits)."""
        self._wake.set()

    def network_changed(self, online: bool) -> None:
        """The health monitor saw the network go up or down."""
        if online and self.online is False:
            self._next["probe"] = 0.0
            self._wake.set()

    def stop(self, timeout_s: float = 20.0) -> None:
        """Ask the thread to finish its current step and wait for it."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=timeout_s)
        self.runner.client.close()

    def snapshot(self) -> SyncIndicator:
        """The status bar's view now (reads the store; call from any thread)."""
        return indicator(self.store, self.online)

    # -- the loop ----------------------------------------------------------------------------

    def _due(self, name: str, every_s: float) -> bool:
        now = time.monotonic()
        if now >= self._next.get(name, 0.0):
            self._next[name] = now + every_s
            return True
        return False

    def _set_online(self, online: bool) -> None:
        came_back = online and self.online is False
        changed = online != self.online
        self.online = online
        if came_back:
            log.info("central reachable again; sending the backlog")
            pull_forward(self.store, utcnow())
            self._next.pop("catalog", None)
            self._next.pop("status", None)
        if changed:
            self._publish()

    def _publish(self) -> None:
        if self.on_indicator is None:
            return
        try:
            self.on_indicator(self.snapshot())
        except Exception:
            log.exception("sync indicator listener failed")

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._step()
            except Exception:
                log.exception("sync pass failed; trying again shortly")
                self._stop.wait(self.timings.poll_s)
            self._wake.wait(self.timings.poll_s)
            self._wake.clear()

    def _step(self) -> None:
        t = self.timings
        if self.online is False:
            if not self._due("probe", t.probe_offline_s):
                return
            if not self.runner.client.health():
                return
            self._set_online(True)
        while not self._stop.is_set():
            result = self.runner.send_due()
            if result.attempted == 0:
                break
            if result.network_error:
                self._set_online(False)
                return
            if result.sent:
                self._set_online(True)
            self._publish()
        for name, every, pull in (
            ("catalog", t.catalog_s, self.runner.pull_catalog),
            ("status", t.status_s, self.runner.pull_status),
            *self._pulls,
        ):
            if self._stop.is_set() or not self._due(name, every):
                continue
            try:
                pull()
                self._set_online(True)
                self.runner.auth_ok()
            except AuthenticationError as exc:
                self._next[name] = time.monotonic() + min(every, t.probe_offline_s)
                self.runner.note_auth_failure(exc)
                self._publish()
            except CentralError as exc:
                self._next[name] = time.monotonic() + min(every, t.probe_offline_s)
                if getattr(exc, "network", False):
                    self._set_online(False)
                    return
                log.warning("%s pull failed: %s", name, exc)
        if self._due("purge", t.purge_s):
            purged = purge(self.store, utcnow(), self.retention_days)
            if purged:
                log.info("purged personal fields of %d acknowledged item(s)", purged)
            purge_attachments(self.store, utcnow(), self.retention_days)


def pull_forward(store: Store, now: datetime) -> int:
    """Items that waited only because the network was down become due now."""
    with store.session(write=True) as s:
        result = s.execute(
            text(
                "UPDATE outbox SET next_attempt_at=:now "
                "WHERE state='pending' AND error_kind=:network AND next_attempt_at > :now"
            ),
            {"now": iso(now), "network": ErrorKind.NETWORK.value},
        )
        return int(result.rowcount)  # type: ignore[attr-defined]
