"""Progress: by card (owner), by receipt number or its QR code, offline last known status."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from central.testing import CentralProcess
from kiosk.contract import Applicant
from kiosk.services.common import ServiceError
from kiosk.services.progress import receipt_from_scan
from tests.integration.services_env import Terminal, person
from tests.sample_submissions import accept_submission, sample_submission

APPLICANT = "11010519491231002X"  # the sample submission's applicant
AGENT = person()


@pytest.fixture
def terminal(central: CentralProcess, tmp_path: Path) -> Iterator[Terminal]:
    secret = central.add_terminal("T01")
    central.start()
    term = Terminal(tmp_path / "t", central_url=central.url, secret=secret)
    sub = sample_submission("R20261128-T01-0001")
    accept_submission(term.store, sub)
    late = sample_submission("R20261128-T01-0002").model_copy(
        update={
            "promised_date": date.today() - timedelta(days=1),
            "agent": Applicant(name="张明丰", id_number=AGENT.id_number),
        }
    )
    accept_submission(term.store, late)
    assert term.runner is not None and term.runner.drain().sent == 2
    yield term
    term.close()


def case_no(central: CentralProcess, receipt: str) -> str:
    return next(c["case_no"] for c in central.staff("GET", "/cases") if c["receipt_no"] == receipt)


def test_the_owner_sees_every_case_with_each_department_and_its_note(
    central: CentralProcess, terminal: Terminal
) -> None:
    no = case_no(central, "R20261128-T01-0001")
    for dept, state in (("市场监管局", "completed"), ("税务局", "in_progress")):
        central.staff(
            "POST",
            f"/cases/{no}/advance",
            {"state": state, "department": dept, "step": "审核", "note": "请补充身份证复印件"},
        )
    owner = person(APPLICANT, "1949-12-31")
    answer = terminal.progress.by_card(owner)
    assert answer.offline is False
    assert len(answer.cases) == 2
    case = next(c for c in answer.cases if c.case_no == no)
    assert case.owner and case.parallel and case.state == "in_progress"
    assert {d.department for d in case.departments} == {"市场监管局", "税务局"}
    assert all(d.note == "请补充身份证复印件" for d in case.departments)


def test_the_agent_is_an_owner_too_and_a_passed_promise_is_overdue(terminal: Terminal) -> None:
    answer = terminal.progress.by_card(AGENT)
    assert [c.receipt_no for c in answer.cases] == ["R20261128-T01-0002"]
    assert answer.cases[0].overdue is True


def test_a_promised_date_in_a_year_without_the_official_arrangement_reads_estimated(
    terminal: Terminal,
) -> None:
    for receipt, promised in (
        ("R20261128-T01-0003", date(2027, 1, 4)),  # 2027: no State Council arrangement yet
        ("R20261128-T01-0004", date(2026, 12, 1)),  # 2026: official
    ):
        sub = sample_submission(receipt).model_copy(update={"promised_date": promised})
        accept_submission(terminal.store, sub)
    assert terminal.runner is not None and terminal.runner.drain().sent == 2
    answer = terminal.progress.by_card(person(APPLICANT, "1949-12-31"))
    estimated = {c.receipt_no: c.promised_estimated for c in answer.cases}
    assert estimated["R20261128-T01-0003"] is True
    assert estimated["R20261128-T01-0004"] is False


def test_a_receipt_number_alone_shows_status_without_notes(
    central: CentralProcess, terminal: Terminal
) -> None:
    no = case_no(central, "R20261128-T01-0001")
    central.staff(
        "POST",
        f"/cases/{no}/advance",
        {"state": "supplement_needed", "department": "税务局", "note": "张明丰请补材料"},
    )
    answer = terminal.progress.by_receipt("R20261128-T01-0001")
    (case,) = answer.cases
    assert case.owner is False and case.state == "in_progress"
    assert [(d.state, d.note) for d in case.departments] == [("supplement_needed", "")]
    stranger = terminal.progress.by_receipt("R20261128-T01-0001", person())
    assert stranger.cases[0].owner is False
    owner = terminal.progress.by_receipt("R20261128-T01-0001", person(APPLICANT, "1949-12-31"))
    assert owner.cases[0].owner is True
    assert owner.cases[0].departments[0].note == "张明丰请补材料"


def test_scanning_the_receipt_qr_code_finds_the_case(terminal: Terminal) -> None:
    url = "https://zwfw.example.gov.cn/progress?no=R20261128-T01-0001"
    assert terminal.progress.by_scan(url).cases[0].receipt_no == "R20261128-T01-0001"
    with pytest.raises(ServiceError) as bad:
        receipt_from_scan("https://example.com/?q=1")
    assert bad.value.reason == "not_a_receipt"
    with pytest.raises(ServiceError) as unknown:
        terminal.progress.by_receipt("R19990101-T01-0001")
    assert unknown.value.reason == "not_found"


def test_offline_shows_the_last_known_status_and_when_it_was_fetched(
    central: CentralProcess, terminal: Terminal
) -> None:
    owner = person(APPLICANT, "1949-12-31")
    online = terminal.progress.by_card(owner)
    central.stop()
    offline = terminal.progress.by_card(owner)
    assert offline.offline is True
    assert [c.case_no for c in offline.cases] == [c.case_no for c in online.cases]
    assert all(c.fetched_at is not None for c in offline.cases)
    by_receipt = terminal.progress.by_receipt("R20261128-T01-0001")
    assert by_receipt.offline is True and by_receipt.cases[0].owner is False
    # A card never looked up here has nothing to show offline.
    assert terminal.progress.by_card(person()).cases == []


def test_the_card_holder_may_type_only_the_last_digits(terminal: Terminal) -> None:
    owner = person(APPLICANT, "1949-12-31")
    (case,) = terminal.progress.by_receipt(" 0001 ", owner).cases
    assert (case.receipt_no, case.owner) == ("R20261128-T01-0001", True)
    both = terminal.progress.by_receipt("010001", owner)  # digits across the dash count too
    assert [c.receipt_no for c in both.cases] == ["R20261128-T01-0001"]
    with pytest.raises(ServiceError) as stranger:
        terminal.progress.by_receipt("0001", person())  # not the stranger's case
    assert stranger.value.reason == "not_found"
    with pytest.raises(ServiceError) as no_card:
        terminal.progress.by_receipt("0001")
    assert no_card.value.reason == "card_required"
