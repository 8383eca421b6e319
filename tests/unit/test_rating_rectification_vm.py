"""The rating and follow-up status view-models with a bad rating's 整改, over the real
EvaluationService and store with central unreachable: the number without a promise, the
lookup by number, the appeal refused offline in words the page can say."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from kiosk.services.common import Central
from kiosk.services.evaluate import EvaluationService
from kiosk.store import Store
from kiosk.visit import Visit
from kiosk.workers import ImmediateExecutor
from tests.unit.vm_fakes import FakeComplaints, FakeConsult, InlineDispatcher
from ui.viewmodels.apply_core import ApplyCore
from ui.viewmodels.apply_flow import ApplyFlow
from ui.viewmodels.follow_up_status import FollowUpStatusViewModel
from ui.viewmodels.rating import RatingViewModel


@pytest.fixture
def evaluation(tmp_path: Path) -> EvaluationService:
    return EvaluationService(Store(tmp_path / "kiosk.db"), "H0001", central=Central(None))


def rating_on(visit: Visit, rate: Any) -> RatingViewModel:
    flow = ApplyFlow(InlineDispatcher(), visit)
    vm = RatingViewModel(InlineDispatcher(), flow)
    core = ApplyCore(
        tasks=ImmediateExecutor(),
        appliable=list,
        submit=lambda application: None,
        rate=rate,
        free_slots=lambda code, start: [],
        book=lambda code, slot, id_number: None,
        case_no=lambda receipt_no: None,
    )
    flow.attach(core)
    return vm


def test_a_bad_rating_offline_gives_the_number_but_no_promise(
    evaluation: EvaluationService,
) -> None:
    visit = Visit()
    vm = rating_on(visit, evaluation.rate)
    vm.rate(2, {}, ["long_wait"], "")
    assert vm.property("ratingState") == "sent"
    number = vm.property("trackingNo")
    assert number.startswith("ZG") and not vm.property("followUpConfirmed")
    assert vm.property("deadline") == ""
    visit.end()  # the next person sees nobody's number
    assert vm.property("trackingNo") == "" and vm.property("ratingState") == ""


def test_a_good_rating_has_no_number(evaluation: EvaluationService) -> None:
    vm = rating_on(Visit(), evaluation.rate)
    vm.rate(5, {}, [], "")
    assert vm.property("ratingState") == "sent" and vm.property("trackingNo") == ""


def test_a_confirmed_rectification_shows_centrals_deadline() -> None:
    from datetime import date

    from kiosk.services.evaluate import Rated

    def rate(visit_id: str, rating: Any, receipt_no: str | None) -> Rated:
        return Rated("eval-x", "ZG1", True, date(2026, 12, 24), None)

    vm = rating_on(Visit(), rate)
    vm.rate(1, {}, ["slow"], "")
    assert vm.property("followUpConfirmed") and vm.property("deadline") == "2026年12月24日"


def test_the_rectification_is_looked_up_and_an_offline_appeal_is_refused_in_words(
    evaluation: EvaluationService,
) -> None:
    from kiosk.services.evaluate import Rating

    number = evaluation.rate("v-1", Rating(level=1, reasons=("slow",))).tracking_no
    assert number is not None
    status = FollowUpStatusViewModel(InlineDispatcher(), Visit())
    status.attach(FakeConsult(), FakeComplaints(), ImmediateExecutor(), evaluation)
    status.lookup("rectification", number.lower())
    found = status.property("status")
    assert (found["tracking_no"], found["kind"], found["state"]) == (
        number,
        "rectification",
        "submitted",
    )
    assert found["offline"] and found["deadline"] == "" and not found["appealed"]
    status.appeal("")
    assert status.property("reason") == "appeal_reason_required"
    status.appeal("not_fixed")
    assert status.property("reason") == "appeal_offline"
    status.lookup("complaint", "TS-1")
    status.appeal("not_fixed")  # only a 整改 can be appealed here
    assert status.property("reason") == "not_appealable"


def test_an_appeal_shows_the_reopened_rectification() -> None:
    from datetime import date, datetime

    from kiosk.services.followups import FollowUpView

    now = datetime(2026, 12, 3, 10, 0).astimezone()

    def view(state: str, appealed: bool) -> FollowUpView:
        return FollowUpView(
            "ZG1", "rectification", "非常不满意", state, "已增开窗口", now, now, False,
            deadline=date(2026, 12, 24), owner="王科长", action="增开窗口",
            result="已增开窗口", appealed=appealed,
        )  # fmt: skip

    service = SimpleNamespace(
        rectification=lambda number: view("closed", False),
        appeal=lambda number, reason: view("appealed", True),
    )
    status = FollowUpStatusViewModel(InlineDispatcher(), Visit())
    status.attach(FakeConsult(), FakeComplaints(), ImmediateExecutor(), service)
    status.lookup("rectification", "ZG1")
    shown = status.property("status")
    assert (shown["owner"], shown["action"], shown["result"]) == (
        "王科长",
        "增开窗口",
        "已增开窗口",
    )
    assert shown["deadline"] == "2026年12月24日" and not shown["appealedNow"]
    status.appeal("disagree")
    shown = status.property("status")
    assert shown["state"] == "appealed" and shown["appealed"] and shown["appealedNow"]
