"""Follow-ups that close: a bad rating opens a 整改 with a deadline, staff close it in the
console, and the citizen's terminal reads the result by its tracking number."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import requests
from sqlmodel import select

from central.db import Database, FollowUpPlanRow, FollowUpRow
from central.plans import open_plan, open_plans
from central.testing import CentralProcess
from kiosk.contract import BatchItem, Evaluation, IntakeKind
from kiosk.contract.calendar import DayUnit, WorkCalendar
from kiosk.sync.client import PermanentError
from tests.conftest import CentralDb
from tests.integration.services_env import client_for
from tests.integration.test_fleet import console_login


def rating(level: int) -> BatchItem:
    body = Evaluation(
        visit_id=uuid.uuid4().hex,
        hall_id="H0001",
        level=level,
        reasons=["等候时间长"] if level <= 2 else [],
        rated_at=datetime.now(UTC),
    )
    return BatchItem(
        key=uuid.uuid4().hex, kind=IntakeKind.EVALUATION, body=body.model_dump(mode="json")
    )


def test_a_bad_rating_opens_a_rectification_that_staff_close_and_the_citizen_reads(
    central: CentralProcess, tmp_path: Path
) -> None:
    secret = central.add_terminal("T01")
    central.start()
    client = client_for(central.url, "T01", secret)
    try:
        results = client.send_batch([rating(1), rating(5)]).results
        bad, good = (r.ack for r in results)
        assert bad is not None and good is not None
        assert bad.tracking_no and bad.tracking_no.startswith("ZG")
        assert good.tracking_no is None  # a good rating opens nothing
        tracking = bad.tracking_no
        due = WorkCalendar.with_documents([]).add(
            datetime.now(UTC).astimezone().date(), 15, DayUnit.WORKING
        )
        http = console_login(central, tmp_path)
        page = http.get(f"{central.url}/console/followups", timeout=10).text
        assert tracking in page and "差评整改" in page and due.day.isoformat() in page
        token = page.split('name="csrf" value="')[1].split('"')[0]
        form = {"csrf": token, "owner": "王科长", "action": "增开窗口", "result": "已增开 2 号窗口"}
        # Without 办结 it stays open; with it (and a result) it closes and answers.
        http.post(f"{central.url}/console/followups/{tracking}", data=form, timeout=10)
        assert client.followup(tracking).state == "in_progress"
        http.post(
            f"{central.url}/console/followups/{tracking}", data={**form, "close": "1"}, timeout=10
        )
        status = client.followup(tracking)
        assert (status.state, status.answer) == ("closed", "已增开 2 号窗口")
        assert tracking not in http.get(f"{central.url}/console/followups", timeout=10).text
        # The citizen does not accept it: one appeal reopens it with a new deadline.
        assert client.appeal(tracking, "not_fixed").state == "appealed"
        assert tracking in http.get(f"{central.url}/console/followups", timeout=10).text
        with pytest.raises(PermanentError) as twice:
            client.appeal(tracking, "disagree")
        assert twice.value.status == 422
        with pytest.raises(PermanentError) as unknown:
            client.appeal("ZG2026000000XXXX", "disagree")
        assert unknown.value.status == 404
        forged = requests.post(
            f"{central.url}/console/followups/{tracking}", data=form, timeout=10,
            allow_redirects=False,
        )  # fmt: skip
        assert forged.status_code == 303 and forged.headers["location"] == "/console/login"
    finally:
        client.close()


def test_overdue_plans_come_first_and_say_so(central_db: CentralDb) -> None:
    db = Database(central_db.url, central_db.seal_key_file)
    try:
        opened = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
        with db.session() as s:
            for tracking, kind in (("TS1", "complaint"), ("ZX1", "consultation")):
                s.add(FollowUpRow(tracking_no=tracking, kind=kind))
                open_plan(s, tracking, "H0001", kind, opened)
        with db.session() as s:
            deadlines = {p.tracking_no: p.deadline for p in s.exec(select(FollowUpPlanRow))}
            views = open_plans(s, "H0001", date(2026, 11, 16))
        assert deadlines == {"ZX1": "2026-11-09", "TS1": "2026-11-23"}  # 5 and 15 working days
        assert [(v.plan.tracking_no, v.overdue) for v in views] == [("ZX1", True), ("TS1", False)]
    finally:
        db.close()
