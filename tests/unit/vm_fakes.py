"""Hand-written stand-ins for testing view-models without QML, a window or the demo core.

The view-models are real; what they talk to is not: a dispatcher that runs posts inline or
holds them until the test lets "the GUI thread" run them, and small fake services recording
what they were asked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from kiosk.contract.calendar import DayUnit
from kiosk.services.common import ServiceError
from kiosk.services.evaluate import EvaluationError, Rated
from kiosk.services.followups import Filed, FollowUpView
from kiosk.services.progress import CaseView, ProgressAnswer
from kiosk.services.queues import HallQueues, QueueDef
from kiosk.sync.client import CentralError
from kiosk.workers import ImmediateExecutor
from tests.unit.apply_helpers import service
from ui.viewmodels.apply_core import ApplyCore

NOW = datetime(2026, 3, 2, 9, 30).astimezone()


class InlineDispatcher:
    """Runs every post at once (as if the GUI thread were always free)."""

    def post(self, fn: Callable[..., Any], *args: Any) -> None:
        fn(*args)


class HeldDispatcher:
    """Keeps the posts of workers until the test lets the GUI thread run them, in any order."""

    def __init__(self) -> None:
        self.posted: list[tuple[Callable[..., Any], tuple[Any, ...]]] = []

    def post(self, fn: Callable[..., Any], *args: Any) -> None:
        self.posted.append((fn, args))

    def run(self, index: int = 0) -> None:
        fn, args = self.posted.pop(index)
        fn(*args)

    def run_all(self) -> None:
        while self.posted:
            self.run()


class HeldExecutor:
    """Keeps tasks until the test runs them on "the worker thread" (here: the test's)."""

    def __init__(self) -> None:
        self.tasks: list[tuple[Callable[[], Any], Any, Any]] = []

    def submit(self, task: Callable[[], Any], on_done: Any = None, on_error: Any = None) -> None:
        self.tasks.append((task, on_done, on_error))

    def run_all(self) -> None:
        while self.tasks:
            ImmediateExecutor().submit(*self.tasks.pop(0))

    def shutdown(self) -> None:
        self.tasks.clear()


def case(receipt_no: str = "H0001-T01-260302-0001") -> CaseView:
    return CaseView(
        case_no="C-2026-0001",
        receipt_no=receipt_no,
        service_code="SB-001",
        state="in_progress",
        promised_date=date(2026, 3, 20),
        overdue=False,
        final=False,
        parallel=False,
        departments=[],
        updated_at=NOW,
        fetched_at=NOW,
        owner=True,
    )


class FakeProgress:
    """ProgressService: the cases it is given, or the error it is given, for any question."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error
        self.asked: list[Any] = []  # the identities asked with

    def _answer(self, identity: Any) -> ProgressAnswer:
        self.asked.append(identity)
        if self.error is not None:
            raise self.error
        return ProgressAnswer([case()], offline=False)

    def by_card(self, identity: Any) -> ProgressAnswer:
        return self._answer(identity)

    def by_receipt(self, receipt_no: str, identity: Any = None) -> ProgressAnswer:
        return self._answer(identity)

    def by_scan(self, data: str, identity: Any = None) -> ProgressAnswer:
        return self._answer(identity)


class FakeCatalog:
    """A CatalogSource whose search answers name the query they answer."""

    def themes(self) -> list[dict[str, Any]]:
        return [{"key": "social_security", "name": "社会保障", "count": 2}]

    def services(self, theme: str) -> tuple[str, list[dict[str, Any]]]:
        return "社会保障", [{"code": "SB-001", "name": "社会保障卡申领"}]

    def guide(self, code: str) -> dict[str, Any]:
        return {"code": code, "name": "社会保障卡申领"}

    def __init__(self) -> None:
        self.ends = 0  # how many times a visit's searches were declared final

    def search(self, query: str, limit: int) -> list[dict[str, Any]]:
        return [{"code": "SB-001", "name": f"answer to {query}"}]

    def referral(self, code: str) -> dict[str, Any]:
        return {"code": code, "name": "普通护照申领", "kind": "referral"}

    def end_of_searches(self) -> None:
        self.ends += 1


class FakeComplaints:
    """ComplaintService: files everything, remembers who and which phone were handed on."""

    def __init__(self) -> None:
        self.filed: list[dict[str, Any]] = []

    def file(self, category: str, text: str, **kwargs: Any) -> Filed:
        self.filed.append({"category": category, "text": text, **kwargs})
        return Filed(tracking_no=f"TS-{len(self.filed)}", slip=None)

    def status(self, tracking_no: str) -> FollowUpView:
        if tracking_no != "TS-1":
            raise ServiceError("not_found", "no such tracking number")
        return FollowUpView(tracking_no, "complaint", "efficiency", "received", "", NOW, NOW, False)


class FakeConsult:
    """ConsultService: every question is answered, offline (the last known state)."""

    def answer(self, tracking_no: str) -> FollowUpView:
        return FollowUpView(
            tracking_no, "consultation", "社保卡", "answered", "可以。", NOW, NOW, True
        )


class FakeTickets:
    """TicketService: the queues of a small hall; taking a ticket always prints."""

    def __init__(self) -> None:
        self.taken: list[tuple[str, Any]] = []
        self.hall_queues = HallQueues(
            (QueueDef("A", "综合窗口"), QueueDef("B", "社保医保", ("social_security",)))
        )

    def queues(self) -> list[Any]:
        return list(self.hall_queues.queues)

    def take(self, code: str, identity: Any = None) -> Any:
        self.taken.append((code, identity))
        return SimpleNamespace(
            ticket_id="t1",
            display="A001",
            queue=code,
            queue_name="综合窗口",
            status="issued",
            offline=False,
            priority=False,
            people_ahead=2,
            estimated_wait_min=6,
            print_reason=None,
            created_at=NOW,
        )


class FakeApplyCore:
    """The apply screens' core: receipts numbered in order, ratings keyed by visit id (a
    second rating of one visit is refused, as the outbox's unique key does), two free slots."""

    def __init__(self) -> None:
        self.applications: list[Any] = []
        self.ratings: dict[str, tuple[Any, str | None]] = {}
        self.booked: list[tuple[str, str]] = []
        # Data sharing: the material names it holds (None: every one asked); offline raises.
        self.shared_held: set[str] | None = None
        self.shared_offline = False
        self.looked_up: list[tuple[str, list[str]]] = []

    def verify_shared(self, id_number: str, materials: list[str]) -> dict[str, Any]:
        self.looked_up.append((id_number, list(materials)))
        if self.shared_offline:
            raise CentralError("offline", "central unreachable")
        held = self.shared_held
        return {
            name: SimpleNamespace(licence_no="JH**************0034", issuer="示范市公安局")
            if held is None or name in held
            else None
            for name in materials
        }

    def submit(self, application: Any) -> Any:
        self.applications.append(application)
        n = len(self.applications)
        return SimpleNamespace(
            receipt_no=f"H0001-T01-260302-{n:04d}",
            print_job_id=100 + n,
            promised_date=date(2026, 3, 20),
            promised_days=10,
            promised_unit=DayUnit.WORKING,
            promised_estimated=False,
            complete=True,
            queue_code="B",
            queue_name="社保医保",
        )

    def rate(self, visit_id: str, rating: Any, receipt_no: str | None) -> Rated:
        if visit_id in self.ratings:
            raise EvaluationError("already_rated", "this visit was already rated")
        self.ratings[visit_id] = (rating, receipt_no)
        return Rated(f"eval-{visit_id}")

    def free_slots(self, code: str, start: date) -> list[Any]:
        first = datetime(2026, 3, 3, 9, 0).astimezone()
        return [
            SimpleNamespace(
                start=first + timedelta(hours=h),
                end=first + timedelta(hours=h, minutes=30),
                available=3,
            )
            for h in (0, 1)
        ]

    def book(self, code: str, slot: Any, id_number: str) -> Any:
        self.booked.append((code, id_number))
        return SimpleNamespace(slot_start=slot.start, slot_end=slot.end)

    def core(self, tasks: Any = None) -> ApplyCore:
        return ApplyCore(
            tasks=tasks or ImmediateExecutor(),
            appliable=lambda: [service("HJ-004"), service("SB-001")],
            submit=self.submit,
            rate=self.rate,
            free_slots=self.free_slots,
            book=self.book,
            case_no=lambda receipt_no: None,
            verify_shared=self.verify_shared,
        )
