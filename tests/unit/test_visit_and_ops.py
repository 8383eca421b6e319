"""The visit (kiosk/visit.py) and the one seam between view-models and core (ui/ops.py).

No window, no QML engine, no core: an executor that runs the task inline and a dispatcher
that holds what the worker posts until the test lets the GUI thread run it.
"""

from __future__ import annotations

import logging
import threading

from kiosk.services.common import ServiceError
from kiosk.visit import Visit
from kiosk.workers import ImmediateExecutor
from tests.unit.apply_helpers import identity
from tests.unit.vm_fakes import HeldDispatcher
from ui.ops import GENERIC, Ops


class Screen:
    """What a view-model does with Ops: count changes, keep results, wipe at the visit's end."""

    def __init__(self, visit: Visit, dispatcher: HeldDispatcher, attach: bool = True) -> None:
        self.changes = 0
        self.results: list[object] = []
        self.wiped = 0
        self.ops = Ops(dispatcher, visit, "screen", self._changed, wipe=self._wipe)
        if attach:
            self.ops.attach(ImmediateExecutor())

    def _changed(self) -> None:
        self.changes += 1

    def _wipe(self) -> None:
        self.wiped += 1
        self.results.clear()


def fail(exc: BaseException):
    def task() -> object:
        raise exc

    return task


# -- the visit ---------------------------------------------------------------------------------


def test_a_token_dies_when_its_visit_ends_and_the_next_visit_has_a_new_id():
    visit = Visit()
    first_id, token = visit.id, visit.token()
    assert token.alive
    visit.end()
    assert not token.alive and visit.token().alive
    assert visit.id != first_id and visit.number == 2


def test_the_end_of_a_visit_drops_what_it_held_and_tells_every_listener():
    visit = Visit()
    visit.set_identity(identity())
    visit.add_receipt("H0001-T01-260302-0001")
    told: list[str] = []

    def broken() -> None:
        raise RuntimeError("a listener with a bug")

    visit.on_end(broken)  # a failing listener must not keep the others from wiping
    visit.on_end(lambda: told.append("wiped"))
    remove = visit.on_end(lambda: told.append("removed one"))
    remove()
    visit.end()
    assert visit.identity is None and visit.receipts == ()
    assert told == ["wiped"]


def test_an_identity_set_aside_comes_back_and_goes_with_the_visit():
    visit = Visit()
    agent, principal = identity("张明丰"), identity("王老汉", "11010519500101002")
    visit.set_identity(agent)
    visit.set_identity_aside()
    assert visit.identity is None
    visit.set_identity(principal)
    assert visit.take_identity_back() and visit.identity is agent
    assert not visit.take_identity_back()
    visit.set_identity_aside()
    visit.end()
    assert not visit.take_identity_back() and visit.identity is None


def test_a_visit_ended_from_another_thread_while_listeners_run_is_not_lost():
    visit = Visit()
    calls: list[int] = []

    def listener() -> None:
        calls.append(visit.number)
        if len(calls) == 1:
            visit.end()  # from inside a listener, on the same thread: nothing happens
            other = threading.Thread(target=visit.end)  # another thread: a real end
            other.start()
            other.join()

    visit.on_end(listener)
    visit.end()
    assert visit.number == 3 and calls == [2, 3]


# -- Ops ---------------------------------------------------------------------------------------


def test_busy_while_the_task_is_on_its_way_and_not_after():
    dispatcher = HeldDispatcher()
    screen = Screen(Visit(), dispatcher)
    screen.ops.set_reason("card_required")
    assert screen.ops.run(lambda: 42, screen.results.append)
    assert screen.ops.busy and screen.ops.reason == ""  # a new try forgets the old sentence
    dispatcher.run_all()
    assert not screen.ops.busy and screen.results == [42]
    screen.ops.run(lambda: 43, screen.results.append, busy=False)
    assert not screen.ops.busy


def test_an_error_of_the_core_becomes_its_reason_code():
    dispatcher = HeldDispatcher()
    screen = Screen(Visit(), dispatcher)
    screen.ops.run(fail(ServiceError("not_found", "no case with this receipt number")))
    dispatcher.run_all()
    assert screen.ops.reason == "not_found" and not screen.ops.busy


def test_an_unknown_error_becomes_the_generic_code_and_a_log_line_without_personal_data(caplog):
    person = identity()
    dispatcher = HeldDispatcher()
    screen = Screen(Visit(), dispatcher)
    secret = ValueError(f"cannot parse {person.id_number} of {person.name}")
    with caplog.at_level(logging.DEBUG):
        screen.ops.run(fail(secret), fallback="submit_failed")
        dispatcher.run_all()
    assert screen.ops.reason == "submit_failed"
    screen.ops.run(fail(KeyError(person.address)))
    dispatcher.run_all()
    assert screen.ops.reason == GENERIC
    errors = [r for r in caplog.records if r.name == "ui.ops" and r.levelno == logging.ERROR]
    assert len(errors) == 2 and "ValueError" in errors[0].getMessage()
    for record in caplog.records:
        text = record.getMessage() + (record.exc_text or "") + str(record.exc_info or "")
        assert person.id_number not in text and person.name not in text
        assert person.address not in text


def test_a_late_answer_after_the_visit_ended_is_dropped():
    visit, dispatcher = Visit(), HeldDispatcher()
    screen = Screen(visit, dispatcher)
    screen.ops.run(lambda: "the cases of the last citizen", screen.results.append)
    screen.ops.run(fail(ServiceError("not_found", "late")))
    visit.end()
    assert not screen.ops.busy and screen.wiped == 1
    dispatcher.run_all()
    assert screen.results == [] and screen.ops.reason == ""


def test_what_is_nobodys_still_arrives_after_the_visit_ended():
    visit, dispatcher = Visit(), HeldDispatcher()
    screen = Screen(visit, dispatcher)
    screen.ops.run(lambda: "themes", screen.results.append, busy=False, visit=False)
    visit.end()
    dispatcher.run_all()
    assert screen.results == ["themes"]


def test_the_latest_request_wins_whatever_order_the_answers_come_in():
    dispatcher = HeldDispatcher()
    screen = Screen(Visit(), dispatcher)
    for query in ("s", "sh", "she"):
        screen.ops.run(lambda q=query: q, screen.results.append, busy=False, latest="search")
    dispatcher.run(2)  # the newest answer first, then the older ones
    dispatcher.run_all()
    assert screen.results == ["she"]
    screen.ops.run(lambda: "x", screen.results.append, busy=False, latest="search")
    screen.ops.supersede("search")  # the field was emptied
    dispatcher.run_all()
    assert screen.results == ["she"]


def test_nothing_runs_before_the_core_is_up():
    screen = Screen(Visit(), HeldDispatcher(), attach=False)
    assert not screen.ops.run(lambda: 1, screen.results.append)
    assert screen.ops.reason == "not_ready" and not screen.ops.busy


def test_a_guarded_callback_from_the_core_is_dropped_once_the_visit_ended():
    visit, dispatcher = Visit(), HeldDispatcher()
    screen = Screen(visit, dispatcher)
    outcome = screen.ops.guard(screen.results.append)
    outcome("printing")  # from the printer thread
    dispatcher.run_all()
    later = screen.ops.guard(screen.results.append)
    visit.end()
    later("printed")
    dispatcher.run_all()
    assert screen.results == []  # wiped at the end, and the late outcome never came in
    outcome = screen.ops.guard(screen.results.append)
    outcome("printed")
    dispatcher.run_all()
    assert screen.results == ["printed"]
