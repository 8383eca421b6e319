"""Three applications made at the terminal (one with a commitment, one as agent), accepted
offline, then delivered to a real kiosk-central on 127.0.0.1: case numbers come back."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from central.testing import CentralProcess
from kiosk.domain.application import Authorisation
from kiosk.services.evaluate import EvaluationService, Rating
from kiosk.services.submit import SubmitResult, SubmitService
from kiosk.session import ApplySession
from kiosk.store import Store
from kiosk.sync.client import CentralClient, Credentials
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import utcnow
from kiosk.sync.runner import SyncRunner
from kiosk.sync.worker import pull_forward
from tests.central_ledger import intake_bodies
from tests.unit.apply_helpers import id_number, identity, service, settle_all, walk_to_review

HJ004 = {
    "phone": "13800000000",
    "residence_address": "示范市人民路1号",
    "since": "2024-05-01",
    "basis": "work",
}


def agent_application() -> ApplySession:
    s = ApplySession()
    s.choose(service("SB-001"), on_behalf=True)
    s.confirm_conditions()
    s.identify(identity("李代办", "11010519900101001"))
    s.set_principal(
        Authorisation("parent", "power_of_attorney"),
        name="王老汉",
        id_number=id_number("11010519500101002"),
    )
    s.submit_form({"phone": "13900000000", "bank": "boc", "express": "yes", "address": "示范路"})
    settle_all(s, commit=False)
    s.confirm_materials()
    return s


def test_three_applications_made_offline_get_case_numbers_from_central(
    central: CentralProcess, tmp_path: Path
) -> None:
    secret = central.add_terminal("T01")
    store = Store(tmp_path / "kiosk" / "kiosk.db")
    try:
        submitter = SubmitService(
            store, hall_id="H0001", terminal_id="T01", hall_name="示范", terminal_name="T01"
        )
        sessions = [
            walk_to_review("HJ-004", HJ004, commit=True),
            walk_to_review("HJ-004", HJ004, commit=False),
            agent_application(),
        ]
        results = [s.submit(submitter.submit) for s in sessions]
        assert all(isinstance(r, SubmitResult) for r in results)
        receipts = sorted(r.receipt_no for r in results if isinstance(r, SubmitResult))
        EvaluationService(store, "H0001").rate(
            sessions[0].visit_id, Rating(level=2, reasons=("等候时间长",)), receipts[0]
        )

        central.start()
        client = CentralClient(central.url, Credentials("T01", secret.encode()), timeout=(1, 5))
        runner = SyncRunner(store, client, FieldCipher.for_data_dir(store.path.parent))
        pull_forward(store, utcnow())
        sent = runner.drain()
        client.close()
        assert (sent.sent, sent.dead) == (4, 0)  # three applications and one rating

        with store.session() as db:
            rows = db.execute(text("SELECT receipt_no, case_no FROM submission")).all()
        assert sorted(r[0] for r in rows) == receipts
        assert all(r[1] and r[1].startswith("ZW") for r in rows)

        bodies = intake_bodies(central, kind="submission")
        agent_items = [b for b in bodies if b.get("agent")]
        assert len(agent_items) == 1 and agent_items[0]["agent"]["name"] == "李代办"
        assert agent_items[0]["applicant"]["name"] == "王老汉"
        assert sum(1 for b in bodies for a in b["attachments"] if a["commitment"]) >= 1
        (rating,) = intake_bodies(central, kind="evaluation")
        assert rating["level"] == 2
    finally:
        store.close()
