"""The one waiting helper of the tests."""

from __future__ import annotations

import itertools

import pytest

from tests.waiting import wait_for, wait_for_jobs


def test_it_returns_what_the_condition_returned_once_true() -> None:
    counter = itertools.count()
    assert wait_for(lambda: next(counter) >= 3 and "ready", poll_s=0) == "ready"


def test_it_fails_naming_what_did_not_happen_and_what_was_seen() -> None:
    with pytest.raises(AssertionError, match=r"the printer gets 2 jobs: .*last seen: 0"):
        wait_for(lambda: 0, "the printer gets 2 jobs", timeout_s=0, poll_s=0)


def test_jobs_are_awaited_on_anything_that_keeps_them() -> None:
    class Printer:
        jobs = [b"one", b"two"]

    wait_for_jobs(Printer(), 2)
    with pytest.raises(AssertionError, match="3 jobs"):
        wait_for(lambda: len(Printer.jobs) >= 3, "the printer gets 3 jobs", timeout_s=0)
