"""PrintFuture: one print attempt's outcome, settled once, told to every callback."""

from __future__ import annotations

import logging
import threading
from datetime import datetime

import pytest

from kiosk.printing.jobs import PrintJob
from kiosk.printing.outcome import PrintFuture, PrintOutcome


def job(job_id: int = 7, status: str = "queued", reason: str | None = None) -> PrintJob:
    return PrintJob(
        id=job_id,
        kind="slip",
        reference="S-1",
        status=status,  # type: ignore[arg-type]
        reason=reason,
        attempts=0,
        created_at=datetime.now(),
        printed_at=None,
        document_json="{}",
    )


def test_callbacks_get_the_outcome_once_whenever_they_are_attached() -> None:
    future = PrintFuture(job())
    early: list[str] = []
    future.add_done_callback(lambda o: early.append(o.code))
    assert not future.done()
    assert future.settle(PrintOutcome(7, "slip", "paper_out", "printer is out of paper"))
    assert not future.settle(PrintOutcome(7, "slip")), "only the first outcome counts"
    late: list[str] = []
    future.add_done_callback(lambda o: late.append(o.code))
    assert early == late == ["paper_out"]
    assert future.done() and future.result().detail == "printer is out of paper"


def test_a_waiter_is_released_only_after_the_callbacks_ran() -> None:
    """What a callback does (e.g. issue the ticket) is done before ``result()`` returns."""
    future = PrintFuture(job())
    released_before_callback: list[bool] = []
    future.add_done_callback(lambda _o: released_before_callback.append(future.done()))
    answers: list[PrintOutcome] = []
    waiter = threading.Thread(target=lambda: answers.append(future.result()))
    waiter.start()
    future.settle(PrintOutcome(7, "slip"))
    waiter.join()
    assert released_before_callback == [False]
    assert [a.code for a in answers] == ["printed"]


def test_a_failing_callback_is_logged_and_the_others_still_run(
    caplog: pytest.LogCaptureFixture,
) -> None:
    future = PrintFuture(job())
    seen: list[bool] = []

    def broken(_outcome: PrintOutcome) -> None:
        raise RuntimeError("screen gone")

    future.add_done_callback(broken)
    future.add_done_callback(lambda o: seen.append(o.printed))
    with caplog.at_level(logging.ERROR):
        future.settle(PrintOutcome(7, "slip"))
    assert seen == [True]
    assert "print outcome callback failed (job 7)" in caplog.text


def test_an_unsettled_future_times_out_instead_of_answering() -> None:
    with pytest.raises(TimeoutError):
        PrintFuture(job()).result(timeout=0)


def test_the_store_says_how_a_finished_job_ended() -> None:
    assert PrintOutcome.of(job(status="printing")) is None
    assert PrintOutcome.of(job(status="printed")) == PrintOutcome(7, "slip")
    assert PrintOutcome.of(job(status="failed", reason="cover_open")) == PrintOutcome(
        7, "slip", "cover_open"
    )
    assert PrintOutcome.of(job(status="failed")) == PrintOutcome(7, "slip", "error")


def test_commit_steps_are_handed_out_once_and_none_join_after() -> None:
    """The worker takes the steps when it starts recording the end; a step added later
    would never run, so it is not kept (the caller's done callback writes instead)."""
    future = PrintFuture(job())
    ran: list[str] = []
    future.add_commit_step(lambda _s, o: ran.append(f"first {o.code}"))
    steps = future.commit_steps()
    future.add_commit_step(lambda _s, o: ran.append("late"))
    assert future.commit_steps() == []
    for step in steps:
        step(None, PrintOutcome(7, "slip"))
    assert ran == ["first printed"]
    future.settle(PrintOutcome(7, "slip"))
    future.add_commit_step(lambda _s, o: ran.append("after"))
    assert future.commit_steps() == [] and ran == ["first printed"]
