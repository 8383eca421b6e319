"""The slip's outcome reaches the screen even when the printer finished before it asked."""

from __future__ import annotations

from types import SimpleNamespace

from kiosk.printing.watch import JobWatcher


def fake_worker() -> SimpleNamespace:
    return SimpleNamespace(done_listeners=[], failed_listeners=[])


def test_an_outcome_after_watching_is_reported_once() -> None:
    worker = fake_worker()
    watcher = JobWatcher(worker)  # type: ignore[arg-type]
    seen: list[str] = []
    watcher.watch(7, seen.append)
    worker.failed_listeners[0](SimpleNamespace(id=7), "paper_out")
    worker.done_listeners[0](SimpleNamespace(id=7))  # a reprint later: nobody waits any more
    assert seen == ["paper_out"]


def test_a_job_that_ended_before_anyone_watched_is_reported_at_once() -> None:
    worker = fake_worker()
    watcher = JobWatcher(worker, keep=2)  # type: ignore[arg-type]
    for job_id in (1, 2, 3):
        worker.done_listeners[0](SimpleNamespace(id=job_id))
    seen: list[str] = []
    watcher.watch(3, seen.append)
    watcher.watch(1, seen.append)  # forgotten: only the last two outcomes are kept
    assert seen == ["printed"]
