"""补正 over real HTTP: a case in 待补正 gets the scans staff asked for, files first, and
moves on at central; wrong state, missing files, wrong materials and repeats are answered
with a reason (never a 500), and a terminal offline keeps the 补正 and sends it later."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from central.attachments import AttachmentStore
from central.db import CaseRecord, CaseSupplementRow
from kiosk.contract import BatchItem, CaseState, CaseStatus, IntakeKind
from kiosk.domain.application import Document
from kiosk.services.common import Central, ServiceError
from kiosk.services.supplement import SupplementService, supplement_key
from kiosk.store import Store
from kiosk.sync.attachments import purge
from kiosk.sync.client import CentralClient
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import utcnow
from kiosk.sync.runner import SyncRunner
from tests.attachment_helpers import pdf_like
from tests.central_ledger import intake_bodies
from tests.integration.central_server import CentralServer
from tests.integration.test_attachments import apply_with_documents

ASKED = ["租赁合同（第2页）", "房产证复印件"]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "kiosk" / "kiosk.db")
    yield s
    s.close()


@pytest.fixture
def client(central_server: CentralServer) -> Iterator[CentralClient]:
    c = central_server.terminal("T01", "H0001")
    yield c
    c.close()


def case_awaiting(server: CentralServer, client: CentralClient, store: Store) -> CaseStatus:
    """An application from this terminal, sent, then put into 待补正 by staff."""
    apply_with_documents(store, commit=True, pages=1, page_bytes=2_000)
    SyncRunner(store, client, FieldCipher.for_data_dir(store.path.parent)).drain()
    with store.session() as s:
        case_no = str(s.execute(text("SELECT case_no FROM submission")).scalar())
    asked = server.staff("POST", f"/cases/{case_no}/supplement", {"materials": ASKED})
    assert asked.status_code == 200
    (status,) = client.case_status([case_no])
    assert status.state is CaseState.SUPPLEMENT_NEEDED
    return status


def scans(*names: str, pages: int = 2) -> list[tuple[str, Document]]:
    return [(n, Document("scan", "application/pdf", pdf_like(pages, 3_000), pages)) for n in names]


def body_for(case: CaseStatus, files: list[tuple[str, Document]]) -> dict:
    return {
        "kind": "supplement",
        "supplement_id": "s1",
        "hall_id": "H0001",
        "case_no": case.case_no,
        "receipt_no": case.receipt_no,
        "supplied_at": "2026-12-03T09:00:00+08:00",
        "attachments": [
            {
                "material_code": f"S{i}",
                "name": name,
                "media_type": "application/pdf",
                "size_bytes": len(doc.data),
                "sha256": doc.sha256,
                "pages": doc.pages,
            }
            for i, (name, doc) in enumerate(files)
        ],
    }


def test_a_supplement_needs_its_files_then_moves_the_case_on_once(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    case = case_awaiting(central_server, client, store)
    files = scans(*ASKED)
    item = BatchItem(key="supp-test-1", kind=IntakeKind.SUPPLEMENT, body=body_for(case, files))

    (first,) = client.send_batch([item]).results
    assert first.status == 409 and sorted(first.missing) == sorted(d.sha256 for _, d in files)
    (still,) = client.case_status([case.case_no])
    assert still.state is CaseState.SUPPLEMENT_NEEDED  # nothing recorded on a 409

    for _, doc in files:
        assert client.put_attachment_chunk(doc.sha256, 0, doc.data, len(doc.data)).complete
    (second,) = client.send_batch([item]).results
    assert second.status == 201 and second.ack and second.ack.case_no == case.case_no
    (third,) = client.send_batch([item]).results
    assert third.replayed and third.ack == second.ack

    (moved,) = client.case_status([case.case_no])
    assert moved.state is CaseState.ACCEPTED and moved.missing_materials == []
    assert moved.version == case.version + 1  # moved once, not once per repeat
    listed = central_server.staff("GET", f"/cases/{case.case_no}/attachments").json()
    by_name = {a["name"]: a for a in listed["attachments"]}
    for name, doc in files:
        a = by_name[name]
        assert (a["sha256"], a["pages"], a["held"]) == (doc.sha256, doc.pages, True)
        got = central_server.staff("GET", f"/cases/{case.case_no}/attachments/{doc.sha256}")
        assert got.status_code == 200 and got.content == doc.data


def test_a_supplement_for_a_case_not_awaiting_one_or_naming_other_materials_is_refused(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    case = case_awaiting(central_server, client, store)
    for files, key in (
        (scans(ASKED[0]), "supp-part"),  # one of the two asked for
        (scans(ASKED[0], "身份证复印件"), "supp-other"),  # one not asked for
        (scans(ASKED[0], ASKED[0]), "supp-twice"),  # the same one twice
    ):
        for _, doc in files:
            client.put_attachment_chunk(doc.sha256, 0, doc.data, len(doc.data))
        item = BatchItem(key=key, kind=IntakeKind.SUPPLEMENT, body=body_for(case, files))
        (result,) = client.send_batch([item]).results
        assert result.status == 422 and "materials" in (result.error or ""), key

    central_server.staff("POST", f"/cases/{case.case_no}/advance", {"state": "in_progress"})
    files = scans(*ASKED)
    for _, doc in files:
        client.put_attachment_chunk(doc.sha256, 0, doc.data, len(doc.data))
    item = BatchItem(key="supp-late", kind=IntakeKind.SUPPLEMENT, body=body_for(case, files))
    (late,) = client.send_batch([item]).results
    assert late.status == 422 and "not awaiting" in (late.error or "")

    unknown = dict(body_for(case, files), case_no="ZW0")
    (none,) = client.send_batch(
        [BatchItem(key="supp-none", kind=IntakeKind.SUPPLEMENT, body=unknown)]
    ).results
    assert none.status == 404


def test_the_days_waiting_for_the_citizen_do_not_count_against_the_promised_date(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    case = case_awaiting(central_server, client, store)
    promised = date(2027, 1, 10)
    with central_server.db.session() as s:
        row = s.get(CaseRecord, case.case_no)
        asked = s.get(CaseSupplementRow, case.case_no)
        assert row is not None and asked is not None
        row.promised_date = promised.isoformat()
        asked.requested_at = asked.requested_at - timedelta(days=3)
        s.add(row)
        s.add(asked)
    files = scans(*ASKED)
    for _, doc in files:
        client.put_attachment_chunk(doc.sha256, 0, doc.data, len(doc.data))
    item = BatchItem(key="supp-clock", kind=IntakeKind.SUPPLEMENT, body=body_for(case, files))
    (result,) = client.send_batch([item]).results
    assert result.status == 201 and result.ack
    assert result.ack.promised_date == promised + timedelta(days=3)


def test_the_service_sends_files_first_and_the_case_moves_on(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    case = case_awaiting(central_server, client, store)
    service = SupplementService(
        store, "H0001", central=Central(client), hall_name="示范大厅", terminal_name="T01"
    )
    files = scans(*reversed(ASKED), pages=3)
    with pytest.raises(ServiceError) as missing:
        service.supplement(case, "张*", files[:1])
    assert missing.value.reason == "materials_incomplete"

    done = service.supplement(case, "张*", files)
    assert done.sent and done.case_no == case.case_no
    assert [name for name, _ in done.materials] == ASKED  # in the order staff asked
    texts = "\n".join(done.document.texts())
    assert "补正回执" in texts and case.receipt_no in texts and "已扫描（3 页）" in texts
    assert "已在本机保存" not in texts
    (moved,) = client.case_status([case.case_no])
    assert moved.state is CaseState.ACCEPTED
    held = AttachmentStore(central_server.db)
    for _, doc in files:
        assert held.read("T01", doc.sha256) == doc.data
    with store.session() as s:
        state = s.execute(
            text("SELECT state FROM outbox WHERE idempotency_key=:k"), {"k": done.key}
        ).scalar()
    assert state == "sent"
    # The outbox has nothing left to send, and sending again changes nothing at central.
    again = SyncRunner(store, client, FieldCipher.for_data_dir(store.path.parent)).drain()
    assert again.sent == 0
    assert len(intake_bodies(central_server.db, kind="supplement")) == 1


def test_offline_the_supplement_is_kept_sealed_and_the_sync_runner_sends_it_files_first(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    case = case_awaiting(central_server, client, store)
    service = SupplementService(store, "H0001", central=Central(None), hall_name="示范大厅")
    files = scans(*ASKED)
    done = service.supplement(case, "张*", files)
    assert not done.sent
    assert "联网后自动提交" in "\n".join(done.document.texts())
    # Pressed again with the same scans: one item, not two.
    assert service.supplement(case, "张*", files).key == done.key
    assert done.key == supplement_key(case.case_no, [d.sha256 for _, d in files])
    with store.session() as s:
        queued = s.execute(text("SELECT count(*) FROM outbox WHERE kind='supplement'")).scalar()
        sealed = s.execute(text("SELECT sealed FROM attachment")).scalars().all()
    assert queued == 1
    raw = b"".join(bytes(x) for x in sealed if x)
    for _, doc in files:
        assert doc.data[100:164] not in raw  # sealed at rest

    runner = SyncRunner(store, client, FieldCipher.for_data_dir(store.path.parent))
    result = runner.drain()
    assert (result.sent, result.dead) == (1, 0)
    assert runner.uploader.stats.files == len(files)
    (moved,) = client.case_status([case.case_no])
    assert moved.state is CaseState.ACCEPTED
    digest = hashlib.sha256(files[0][1].data).hexdigest()
    assert AttachmentStore(central_server.db).read("T01", digest) == files[0][1].data


def test_a_supplements_files_are_purged_after_retention_once_central_acknowledged_it(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    case = case_awaiting(central_server, client, store)
    with store.session() as s:
        own = set(s.execute(text("SELECT sha256 FROM attachment")).scalars())
    service = SupplementService(store, "H0001", central=Central(None), hall_name="示范大厅")
    files = scans(*ASKED)
    service.supplement(case, "张*", files)
    supplied = {doc.sha256 for _, doc in files}
    later = utcnow() + timedelta(days=30)
    # Queued, not acknowledged: kept whatever its age (the application's own files go).
    assert purge(store, later, 7) == len(own)
    runner = SyncRunner(store, client, FieldCipher.for_data_dir(store.path.parent))
    assert runner.drain().sent == 1
    assert purge(store, utcnow(), 7) == 0  # acknowledged just now: kept for retention
    assert purge(store, later, 7) == len(supplied)
    with store.session() as s:
        left = s.execute(text("SELECT sha256 FROM attachment WHERE sealed IS NOT NULL")).all()
    assert left == []
