"""The core's background executors."""

from __future__ import annotations

from kiosk.workers import ThreadExecutor


def test_a_task_runs_on_the_worker_and_answers_there() -> None:
    executor = ThreadExecutor("answers")
    answers: list[object] = []
    try:
        executor.submit(lambda: 41 + 1, on_done=answers.append)
    finally:
        executor.shutdown()  # waits for the running task and its callback
    assert answers == [42]


def test_a_task_after_shutdown_is_dropped_without_an_error() -> None:
    executor = ThreadExecutor("late")
    executor.shutdown()
    answers: list[object] = []
    executor.submit(lambda: 1, on_done=answers.append, on_error=answers.append)
    assert answers == []  # nothing runs, nothing raises: the terminal is stopping
