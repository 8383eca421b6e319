"""A bad rating's 整改 from the terminal over real HTTP: the number central acknowledged, the
promise with central's deadline on screen and slip only then, the result by number, and one
appeal (申诉); offline no promise, and the same number is recorded once the outbox delivers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from central.testing import CentralProcess
from kiosk.contract.calendar import DayUnit, WorkCalendar
from kiosk.services.common import Central, ServiceError
from kiosk.services.evaluate import EvaluationService, Rating
from tests.integration.services_env import Terminal
from tests.integration.test_fleet import console_login

BAD = Rating(level=1, reasons=("long_wait",))


def rater(term: Terminal, central: Central | None = None) -> EvaluationService:
    return EvaluationService(
        term.store,
        term.hall_id,
        central=central if central is not None else term.central(),
        printing=term.printing,
        terminal_id=term.terminal_id,
        hall_name="市民服务中心",
    )


def printed_slip(term: Terminal, tracking: str) -> str:
    import time

    for _ in range(100):
        for job in term.emulator.jobs:
            if job.complete and tracking in "".join(job.lines):
                return "".join(job.lines)  # wrapped lines joined
        time.sleep(0.1)
    raise AssertionError(f"no slip with {tracking}")


def close_in_console(central: CentralProcess, tmp: Path, tracking: str) -> None:
    http = console_login(central, tmp)
    page = http.get(f"{central.url}/console/followups", timeout=10).text
    token = page.split('name="csrf" value="')[1].split('"')[0]
    form = {
        "csrf": token,
        "owner": "综合窗口 王科长",
        "action": "午间增开 2 号窗口",
        "result": "已增开窗口，等候时间缩短",
        "close": "1",
    }
    http.post(f"{central.url}/console/followups/{tracking}", data=form, timeout=10)


@pytest.fixture
def term(terminal: Terminal) -> Iterator[Terminal]:
    yield terminal


def outbox_state(term: Terminal, key: str) -> str:
    with term.store.session() as s:
        row = s.execute(text("SELECT state FROM outbox WHERE idempotency_key=:k"), {"k": key}).one()
    return str(row[0])


def test_a_bad_rating_promises_the_visit_back_only_with_centrals_number_and_deadline(
    central: CentralProcess, term: Terminal, tmp_path: Path
) -> None:
    rated = rater(term).rate("visit-1", BAD)
    assert rated.tracking_no is not None and rated.tracking_no.startswith("ZG")
    due = WorkCalendar.with_documents([]).add(datetime.now().date(), 15, DayUnit.WORKING).day
    assert rated.confirmed and rated.deadline == due
    slip = printed_slip(term, rated.tracking_no)
    assert "我们将在15个工作日内回访整改" in slip
    assert f"{due.year}年{due.month}月{due.day}日前" in slip and "非常不满意" in slip
    # Handed over at once: the outbox does not send it again.
    assert outbox_state(term, rated.key) == "sent"
    assert term.runner is not None and term.runner.drain().attempted == 0

    service = rater(term)
    open_ = service.rectification(rated.tracking_no.lower())
    assert (open_.kind, open_.state, open_.deadline, open_.offline) == (
        "rectification",
        "received",
        due,
        False,
    )
    with pytest.raises(ServiceError) as early:
        service.appeal(rated.tracking_no, "not_fixed")
    assert early.value.reason == "not_closed"

    close_in_console(central, tmp_path, rated.tracking_no)
    closed = service.rectification(rated.tracking_no)
    assert (closed.state, closed.owner, closed.action, closed.result) == (
        "closed",
        "综合窗口 王科长",
        "午间增开 2 号窗口",
        "已增开窗口，等候时间缩短",
    )
    assert not closed.appealed
    appealed = service.appeal(rated.tracking_no, "not_fixed")
    assert (appealed.state, appealed.appealed) == ("appealed", True)
    assert appealed.deadline is not None and appealed.deadline >= due
    with pytest.raises(ServiceError) as twice:
        service.appeal(rated.tracking_no, "disagree")
    assert twice.value.reason == "already_appealed"
    with pytest.raises(ServiceError) as no_reason:
        service.appeal(rated.tracking_no, "")
    assert no_reason.value.reason == "appeal_reason_required"


def test_a_good_rating_opens_nothing_and_prints_nothing(term: Terminal) -> None:
    rated = rater(term).rate("visit-2", Rating(level=5))
    assert (rated.tracking_no, rated.confirmed, rated.slip) == (None, False, None)
    with term.store.session() as s:
        assert s.execute(text("SELECT COUNT(*) FROM followup")).one()[0] == 0


def test_offline_no_promise_and_the_number_is_recorded_when_the_outbox_delivers(
    central: CentralProcess, term: Terminal
) -> None:
    offline = rater(term, Central(None))
    rated = offline.rate("visit-3", BAD)
    assert rated.tracking_no is not None and not rated.confirmed and rated.deadline is None
    slip = printed_slip(term, rated.tracking_no)
    assert "回访整改" not in slip and "15个工作日" not in slip
    assert "联网后送达并登记整改" in slip
    assert outbox_state(term, rated.key) == "pending"
    with pytest.raises(ServiceError) as cannot:
        offline.appeal(rated.tracking_no, "not_fixed")
    assert cannot.value.reason == "appeal_offline"
    pending = offline.rectification(rated.tracking_no)
    assert (pending.state, pending.offline, pending.deadline) == ("submitted", True, None)

    assert term.runner is not None and term.runner.drain().sent == 1
    recorded = rater(term).rectification(rated.tracking_no)
    assert (recorded.state, recorded.offline) == ("received", False)
    assert recorded.deadline is not None


def test_an_item_central_would_refuse_is_kept_for_staff_and_promises_nothing(
    term: Terminal,
) -> None:
    rated = rater(term).rate("v1", BAD)  # a key too short for the intake contract
    assert rated.tracking_no is not None and not rated.confirmed and rated.deadline is None
    assert outbox_state(term, rated.key) == "pending"  # the outbox reports it, not the screen
