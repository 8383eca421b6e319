"""Scans and signed documents travel from the terminal's sealed store to a real central on
127.0.0.1: uploaded in chunks before their submission, resumed from central's offset,
checked by hash, refused when missing (409), never stored in clear on either side."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import event, text

from central.accounts import add_staff
from central.attachments import AttachmentStore
from central.db import Terminal
from kiosk.contract import API_PREFIX, BatchItem, IntakeKind, Submission
from kiosk.domain.application import Application
from kiosk.services.evaluate import EvaluationService, Rating
from kiosk.services.submit import SubmitError, SubmitResult, SubmitService
from kiosk.store import Store
from kiosk.sync.attachments import Uploader, open_attachment, purge
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import CentralClient, Credentials, PermanentError
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import utcnow
from kiosk.sync.runner import SyncRunner
from kiosk.sync.status import sync_status
from tests.attachment_helpers import documents_of, pdf_like, with_documents
from tests.central_ledger import at_rest, intake_bodies
from tests.integration.central_server import CentralServer
from tests.integration.faultproxy import FaultProxy
from tests.unit.apply_helpers import walk_to_review
from tests.waiting import wait_for

HJ004 = {
    "phone": "13800000000",
    "residence_address": "示范市人民路1号",
    "since": "2024-05-01",
    "basis": "work",
}


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


def submitter(store: Store) -> SubmitService:
    return SubmitService(
        store, hall_id="H0001", terminal_id="T01", hall_name="示范", terminal_name="T01"
    )


def apply_with_documents(store: Store, commit: bool = True, **kw: int) -> tuple[SubmitResult, dict]:
    session = walk_to_review("HJ-004", HJ004, commit=commit)
    made = {}

    def submit(app: Application) -> SubmitResult:
        app = with_documents(app, **kw)
        made.update(documents_of(app))
        return submitter(store).submit(app)

    return session.submit(submit), made


def central_files(server: CentralServer) -> AttachmentStore:
    return AttachmentStore(server.db)


def test_scans_and_signed_documents_reach_central_whole_before_their_case(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    result, made = apply_with_documents(store, commit=True, pages=3, page_bytes=200_000)
    assert len(made) >= 2
    kinds = {d.kind for d in made.values()}
    assert kinds == {"scan", "signed"}

    runner = SyncRunner(store, client, FieldCipher.for_data_dir(store.path.parent))
    sent = runner.drain()
    assert (sent.sent, sent.dead) == (1, 0)
    # Every byte went in chunks of 256 KiB (a 600 KB scan is three chunks), once.
    assert runner.uploader.stats.files == len(made)
    assert runner.uploader.stats.sent_bytes == sum(len(d.data) for d in made.values())
    assert runner.uploader.stats.chunks > len(made)

    files = central_files(central_server)
    for digest, doc in made.items():
        assert files.read("T01", digest) == doc.data
    (body,) = intake_bodies(central_server.db)
    by_hash = {a["sha256"]: a for a in body["attachments"]}
    assert set(by_hash) == set(made)  # the commitment's text hash is replaced by its document
    for digest, doc in made.items():
        a = by_hash[digest]
        assert (a["size_bytes"], a["pages"], a["media_type"]) == (
            len(doc.data),
            doc.pages,
            "application/pdf",
        )
        assert a["commitment"] is (doc.kind == "signed")
    with store.session() as s:
        case_no = s.execute(text("SELECT case_no FROM submission")).scalar()
        uploaded = s.execute(text("SELECT count(*) FROM attachment WHERE uploaded_at IS NOT NULL"))
        assert uploaded.scalar() == len(made)
    assert case_no and case_no.startswith("ZW")
    assert result.receipt_no


def test_documents_are_sealed_at_rest_on_both_sides(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    _, made = apply_with_documents(store, pages=1, page_bytes=5_000)
    SyncRunner(store, client, FieldCipher.for_data_dir(store.path.parent)).drain()
    store.close()
    terminal_raw = b"".join(
        p.read_bytes() for p in store.path.parent.iterdir() if p.name.startswith(store.path.name)
    )
    for side, raw in (("terminal", terminal_raw), ("central", at_rest(central_server.db))):
        for doc in made.values():
            # 64 bytes from the middle of the file: no copy in clear, in the file or its WAL
            # (on PostgreSQL: in any stored value).
            middle = len(doc.data) // 2
            assert doc.data[middle : middle + 64] not in raw, side


def test_a_submission_naming_files_central_lacks_is_409_until_they_are_uploaded(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    data = pdf_like(1, 10_000)
    digest = hashlib.sha256(data).hexdigest()
    body = _submission_with(digest, len(data))
    item = BatchItem(key="sub-H0001-T01-test-0001", kind=IntakeKind.SUBMISSION, body=body)

    (first,) = client.send_batch([item]).results
    assert first.status == 409 and first.missing == [digest] and first.ack is None

    assert client.put_attachment_chunk(digest, 0, data, len(data)).complete
    (second,) = client.send_batch([item]).results
    assert second.status == 201 and second.ack and second.ack.case_no
    (third,) = client.send_batch([item]).results
    assert third.replayed and third.ack == second.ack  # a repeat stays idempotent
    with central_server.db.session() as s:
        assert s.execute(text("SELECT count(*) FROM case_record")).scalar() == 1


def test_a_submission_whose_size_differs_from_the_held_file_is_refused_as_missing(
    client: CentralClient,
) -> None:
    data = pdf_like(1, 1_000)
    digest = hashlib.sha256(data).hexdigest()
    client.put_attachment_chunk(digest, 0, data, len(data))
    body = _submission_with(digest, len(data) + 1)
    item = BatchItem(key="sub-H0001-T01-test-0002", kind=IntakeKind.SUBMISSION, body=body)
    (result,) = client.send_batch([item]).results
    assert result.status == 409 and result.missing == [digest]


def test_an_upload_resumes_from_the_offset_central_holds(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    _, made = apply_with_documents(store, commit=False, pages=2, page_bytes=300_000)
    digest, doc = next(iter(made.items()))
    first = doc.data[: 256 * 1024]
    state = client.put_attachment_chunk(digest, 0, first, len(doc.data))
    assert (state.received, state.complete) == (len(first), False)
    assert client.attachment_state(digest).received == len(first)

    uploader = Uploader(store, client, FieldCipher.for_data_dir(store.path.parent))
    uploader.upload(digest)
    assert uploader.stats.resumed == 1
    assert uploader.stats.sent_bytes == len(doc.data) - len(first)
    assert central_files(central_server).read("T01", digest) == doc.data


def test_a_wrong_offset_is_answered_with_the_offset_central_expects(
    client: CentralClient,
) -> None:
    data = pdf_like(1, 2_000)
    digest = hashlib.sha256(data).hexdigest()
    client.put_attachment_chunk(digest, 0, data[:1000], len(data))
    # A chunk from too far on, and one already held: both answered with offset 1000.
    assert client.put_attachment_chunk(digest, 1500, data[1500:], len(data)).received == 1000
    assert client.put_attachment_chunk(digest, 0, data[:1000], len(data)).received == 1000
    state = client.put_attachment_chunk(digest, 1000, data[1000:], len(data))
    assert state.complete and state.received == len(data)


def test_bytes_that_do_not_match_their_hash_are_thrown_away(
    central_server: CentralServer, client: CentralClient
) -> None:
    data = pdf_like(1, 3_000)
    digest = hashlib.sha256(data).hexdigest()
    bad = bytes([data[0] ^ 1]) + data[1:]
    with pytest.raises(PermanentError) as refused:
        client.put_attachment_chunk(digest, 0, bad, len(bad))
    assert refused.value.status == 422 and "sha256_mismatch" in str(refused.value)
    assert client.attachment_state(digest).received == 0
    assert central_files(central_server).read("T01", digest) is None
    assert client.put_attachment_chunk(digest, 0, data, len(data)).complete


def test_files_are_scoped_to_the_terminal_that_sent_them(
    central_server: CentralServer, client: CentralClient
) -> None:
    data = pdf_like(1, 1_000)
    digest = hashlib.sha256(data).hexdigest()
    assert client.put_attachment_chunk(digest, 0, data, len(data)).complete
    other = central_server.terminal("T02", "H0001")
    try:
        assert other.attachment_state(digest).received == 0  # T02 learns nothing of T01's
    finally:
        other.close()


def test_oversized_and_malformed_uploads_get_a_reason_never_a_500(
    central_server: CentralServer, client: CentralClient
) -> None:
    digest = "0" * 64
    with pytest.raises(PermanentError) as big:
        client.put_attachment_chunk(digest, 0, b"x" * 10, 21 * 1024 * 1024)
    assert big.value.status == 413 and "attachment_too_large" in str(big.value)
    with pytest.raises(PermanentError) as chunk:
        client.put_attachment_chunk(digest, 0, b"x" * (1024 * 1024 + 1), 2 * 1024 * 1024)
    assert chunk.value.status == 413
    # A body shorter than its range, a range past its total, an unsigned call.
    with pytest.raises(PermanentError) as short:
        client._send(
            "PUT",
            f"/attachments/{digest}",
            b"abc",
            {"Content-Range": "bytes 0-9/10", "Content-Type": "application/octet-stream"},
        )
    assert short.value.status == 400
    with pytest.raises(PermanentError) as past:
        client._send(
            "PUT",
            f"/attachments/{digest}",
            b"abc",
            {"Content-Range": "bytes 0-2/2", "Content-Type": "application/octet-stream"},
        )
    assert past.value.status == 400
    unsigned = requests.get(f"{central_server.url}{API_PREFIX}/attachments/{digest}", timeout=5)
    assert unsigned.status_code == 401


def test_the_bytes_are_purged_after_retention_once_central_acknowledged(
    client: CentralClient, store: Store
) -> None:
    _, made = apply_with_documents(store, pages=1, page_bytes=2_000)
    cipher = FieldCipher.for_data_dir(store.path.parent)
    assert purge(store, utcnow(), 7) == 0  # not acknowledged yet: kept whatever its age
    SyncRunner(store, client, cipher).drain()
    assert purge(store, utcnow(), 7) == 0  # acknowledged just now: kept for retention
    later = utcnow().replace(year=utcnow().year + 1)
    assert purge(store, later, 7) == len(made)
    with store.session() as s:
        rows = s.execute(text("SELECT sealed, purged_at FROM attachment")).all()
    assert rows and all(sealed is None and purged for sealed, purged in rows)
    with pytest.raises(Exception, match="not here"):
        open_attachment(store, cipher, next(iter(made)))


def test_a_full_disk_refuses_the_new_application_and_keeps_the_accepted_ones(
    store: Store,
) -> None:
    first, _ = apply_with_documents(store, pages=1, page_bytes=1_000)
    raw = sqlite3.connect(store.path)
    pages = raw.execute("PRAGMA page_count").fetchone()[0]
    raw.close()

    # SQLite's own "database or disk is full": no connection may grow the file much now.
    def cap(conn: Any, _record: Any) -> None:
        conn.execute(f"PRAGMA max_page_count={pages + 2}")

    event.listen(store.engine, "connect", cap)
    store.engine.dispose()
    with pytest.raises(SubmitError) as refused:
        apply_with_documents(store, pages=4, page_bytes=300_000)
    assert refused.value.reason == "disk_full"
    with store.session() as s:
        rows = s.execute(text("SELECT receipt_no FROM submission")).all()
        files = s.execute(text("SELECT count(*) FROM attachment")).scalar()
        items = s.execute(text("SELECT count(*) FROM outbox")).scalar()
    assert [r[0] for r in rows] == [first.receipt_no] and items == 1 and (files or 0) >= 1


def test_an_oversized_scan_is_refused_before_anything_is_stored(store: Store) -> None:
    session = walk_to_review("HJ-004", HJ004)

    def submit(app: Application) -> SubmitResult:
        app = with_documents(app, pages=1, page_bytes=1_000)
        last = app.materials[-1].document
        assert last is not None
        big = replace(last, data=b"x" * (20 * 1024 * 1024 + 1))
        materials = (*app.materials[:-1], replace(app.materials[-1], document=big))
        return submitter(store).submit(replace(app, materials=materials))

    with pytest.raises(SubmitError) as refused:
        session.submit(submit)
    assert refused.value.reason == "attachment_too_large"
    with store.session() as s:
        assert s.execute(text("SELECT count(*) FROM submission")).scalar() == 0


def _submission_with(digest: str, size: int) -> dict:
    body = Submission.model_validate(
        {
            "receipt_no": f"H0001-T01-261203-{digest[:4]}",
            "hall_id": "H0001",
            "terminal_id": "T01",
            "service_code": "HJ-004",
            "accepted_at": "2026-12-03T09:00:00+08:00",
            "applicant": {"name": "张三", "id_number": "110105199001010012"},
            "attachments": [
                {
                    "material_code": "M01",
                    "name": "居住证明",
                    "media_type": "application/pdf",
                    "size_bytes": size,
                    "sha256": digest,
                    "pages": 1,
                }
            ],
        }
    )
    return body.model_dump(mode="json")


def test_staff_list_a_cases_files_download_them_and_ask_for_a_supplement(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    _, made = apply_with_documents(store, commit=True, pages=2, page_bytes=4_000)
    SyncRunner(store, client, FieldCipher.for_data_dir(store.path.parent)).drain()
    with store.session() as s:
        case_no = str(s.execute(text("SELECT case_no FROM submission")).scalar())

    listed = central_server.staff("GET", f"/cases/{case_no}/attachments")
    assert listed.status_code == 200
    files = {a["sha256"]: a for a in listed.json()["attachments"]}
    assert set(files) == set(made)
    for digest, doc in made.items():
        a = files[digest]
        assert (a["pages"], a["size_bytes"], a["media_type"], a["held"]) == (
            doc.pages,
            len(doc.data),
            "application/pdf",
            True,
        )
        got = requests.get(
            central_server.url + a["download"],
            headers={"Authorization": f"Bearer {central_server.staff_token}"},
            timeout=10,
        )
        assert got.status_code == 200 and got.content == doc.data
        assert got.headers["cache-control"] == "no-store"
        # Staff only: no token, no bytes; a terminal's signature is not a staff token.
        assert requests.get(central_server.url + a["download"], timeout=10).status_code == 403
    assert central_server.staff("GET", "/cases/ZW0/attachments").status_code == 404
    wrong = central_server.staff("GET", f"/cases/{case_no}/attachments/{'1' * 64}")
    assert wrong.status_code == 404

    asked = central_server.staff(
        "POST",
        f"/cases/{case_no}/supplement",
        {"materials": ["租赁合同（第2页）"], "note": "第2页不清晰"},
    )
    assert asked.status_code == 200
    assert asked.json()["state"] == "supplement_needed"
    assert asked.json()["missing_materials"] == ["租赁合同（第2页）"]
    # The terminal sees the list when it asks for the case's status.
    (status,) = client.case_status([case_no])
    assert status.state.value == "supplement_needed"
    assert status.missing_materials == ["租赁合同（第2页）"]
    empty = central_server.staff("POST", f"/cases/{case_no}/supplement", {"materials": []})
    assert empty.status_code == 422
    central_server.staff("POST", f"/cases/{case_no}/advance", {"state": "in_progress"})
    (moved,) = client.case_status([case_no])
    assert moved.missing_materials == []  # once it moved on, nothing is listed as missing


def test_uploads_survive_every_network_fault_and_arrive_whole_once(
    central_server: CentralServer, store: Store
) -> None:
    """Resets before and after central committed a chunk, 500, 503, 429, a timeout: each
    file still arrives whole, chunks tiling it exactly (a chunk central took whose answer
    was lost is answered 409 with the next offset, never stored twice)."""
    central_server.terminal("T01", "H0001").close()
    _, made = apply_with_documents(store, commit=True, pages=2, page_bytes=300_000)
    # First the offset question, then the first chunk: central keeps it, the answer is lost.
    faults = ["ok", "reset_after", "reset_before", "500_before", "503_after", "429", "slow_after"]
    secret = _secret_of(central_server, "T01")
    with FaultProxy(central_server.url, faults + faults[2:], slow_s=1.5) as proxy:
        client = CentralClient(proxy.url, Credentials("T01", secret), timeout=(1.0, 1.0))
        runner = SyncRunner(
            store,
            client,
            FieldCipher.for_data_dir(store.path.parent),
            backoff=Backoff(base_s=0.05, cap_s=0.3),
        )

        def settled() -> bool:
            runner.send_due()
            st = sync_status(store)
            return st.pending == 0 and st.sending == 0

        wait_for(settled, "the outbox settles")
        client.close()
    assert sync_status(store).sent == 1
    lost_answer = proxy.log[1]
    assert lost_answer[0] == "reset_after" and not lost_answer[1].startswith(b"\n<<<")
    assert runner.uploader.stats.resumed >= 1  # the next try went on from central's offset
    files = central_files(central_server)
    for digest, doc in made.items():
        assert files.read("T01", digest) == doc.data
        with central_server.db.session() as s:
            stored = s.execute(
                text("SELECT sum(length) FROM attachment_chunk WHERE sha256=:h"), {"h": digest}
            ).scalar()
        assert stored == len(doc.data)


def _secret_of(server: CentralServer, terminal_id: str) -> bytes:
    with server.db.session() as s:
        row = s.get(Terminal, terminal_id)
        assert row is not None
        return server.db.sealer.open(bytes(row.secret))


def test_an_application_whose_file_is_gone_here_goes_dead_as_local_and_is_not_posted(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    apply_with_documents(store, pages=1, page_bytes=1_000)
    with store.session(write=True) as s:  # e.g. a database restored without its key's data
        s.execute(text("UPDATE attachment SET sealed=X'00'"))
    result = SyncRunner(store, client, FieldCipher.for_data_dir(store.path.parent)).drain()
    assert (result.sent, result.dead) == (0, 1)
    with store.session() as s:
        state, kind, error = s.execute(
            text("SELECT state, error_kind, last_error FROM outbox")
        ).one()
    assert (state, kind) == ("dead", "local") and "attachment_unavailable" in error
    with central_server.db.session() as s:
        assert s.execute(text("SELECT count(*) FROM intake_item")).scalar() == 0


def _console_login(server: CentralServer, username: str, password: str) -> requests.Session:
    http = requests.Session()
    http.get(f"{server.url}/console/login", timeout=10)
    token = http.cookies.get("kiosk_login_csrf", path="/console")
    done = http.post(
        f"{server.url}/console/login",
        data={"username": username, "password": password, "csrf": token},
        timeout=10,
    )
    assert done.url.endswith("/console"), done.url
    return http


def test_the_console_case_page_lists_files_downloads_them_and_asks_for_a_supplement(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    _, made = apply_with_documents(store, commit=True, pages=1, page_bytes=3_000)
    SyncRunner(store, client, FieldCipher.for_data_dir(store.path.parent)).drain()
    with store.session() as s:
        case_no = str(s.execute(text("SELECT case_no FROM submission")).scalar())
    add_staff(central_server.db, "window3", "window", "H0001", "window-pass-2026")
    add_staff(central_server.db, "other1", "window", "H0002", "other-pass-2026")
    http = _console_login(central_server, "window3", "window-pass-2026")

    shown = http.get(f"{central_server.url}/console/cases", params={"case_no": case_no})
    assert shown.status_code == 200 and "已接收" in shown.text
    for digest, doc in made.items():
        link = f"/console/cases/{case_no}/attachments/{digest}"
        assert link in shown.text
        got = http.get(central_server.url + link, timeout=10)
        assert got.content == doc.data and got.headers["cache-control"] == "no-store"
    csrf = re.search(r'name="csrf" value="([^"]+)"', shown.text)
    assert csrf
    forged = http.post(
        f"{central_server.url}/console/cases/{case_no}/supplement",
        data={"csrf": "forged", "materials": "租赁合同"},
    )
    assert forged.status_code == 403
    asked = http.post(
        f"{central_server.url}/console/cases/{case_no}/supplement",
        data={"csrf": csrf.group(1), "materials": "租赁合同（第2页）\n\n户口簿", "note": "不清晰"},
    )
    assert asked.status_code == 200 and "待补正" in asked.text
    assert "<li>租赁合同（第2页）</li>" in asked.text and "<li>户口簿</li>" in asked.text
    (status,) = client.case_status([case_no])
    assert status.missing_materials == ["租赁合同（第2页）", "户口簿"]
    with central_server.db.session() as s:
        actions = [r[0] for r in s.execute(text("SELECT action FROM central_audit"))]
    assert "request_supplement" in actions and "download_attachment" in actions

    # Staff of another hall see neither the case nor its files.
    other = _console_login(central_server, "other1", "other-pass-2026")
    page = other.get(f"{central_server.url}/console/cases", params={"case_no": case_no})
    assert "本大厅没有该办件" in page.text
    digest = next(iter(made))
    denied = other.get(f"{central_server.url}/console/cases/{case_no}/attachments/{digest}")
    assert denied.status_code == 404
    assert (
        requests.get(
            f"{central_server.url}/console/cases/{case_no}/attachments/{digest}",
            allow_redirects=False,
            timeout=10,
        ).status_code
        == 303
    )


class _CallOrder(CentralClient):
    """The real client, noting the order of batches and chunks."""

    calls: list[str]

    def send_batch(self, items: list[BatchItem]) -> Any:
        self.calls.append("batch:" + ",".join(sorted(i.kind.value for i in items)))
        return super().send_batch(items)

    def put_attachment_chunk(self, sha256: str, offset: int, chunk: bytes, total: int) -> Any:
        self.calls.append("put")
        return super().put_attachment_chunk(sha256, offset, chunk, total)


def test_items_without_files_are_posted_and_recorded_before_the_uploads(
    central_server: CentralServer, store: Store
) -> None:
    client = central_server.terminal("T01", "H0001")
    secret = _secret_of(central_server, "T01")
    client.close()
    apply_with_documents(store, pages=2, page_bytes=300_000)
    EvaluationService(store, "H0001").rate("visit-1", Rating(level=5))
    ordered = _CallOrder(central_server.url, Credentials("T01", secret), timeout=(2, 20))
    ordered.calls = []
    result = SyncRunner(store, ordered, FieldCipher.for_data_dir(store.path.parent)).drain()
    ordered.close()
    assert (result.sent, result.dead) == (2, 0)
    assert ordered.calls[0] == "batch:evaluation"
    assert ordered.calls[1] == "put" and ordered.calls[-1] == "batch:submission"


def test_the_case_page_shows_the_face_checks_the_application_passed(
    central_server: CentralServer, client: CentralClient, store: Store
) -> None:
    from datetime import UTC, datetime

    from kiosk.contract.intake import FaceCheckRecord
    from kiosk.sync.outbox import enqueue
    from tests.sample_submissions import sample_submission

    at = datetime(2026, 12, 4, 1, 58, 30, tzinfo=UTC)
    checked = [
        FaceCheckRecord(action="apply", passed=True, distance=0.3342, checked_at=at),
        FaceCheckRecord(action="commitment", passed=True, distance=0.3391, checked_at=at),
    ]
    with store.session(write=True) as s:
        enqueue(s, "submission", sample_submission("R-FACE-1").model_copy(
            update={"face_checks": checked}))  # fmt: skip
        enqueue(s, "submission", sample_submission("R-FACE-0"))  # a terminal before 人证核验
    SyncRunner(store, client, FieldCipher.for_data_dir(store.path.parent)).drain()
    with central_server.db.session() as s:
        cases = dict(s.execute(text("SELECT receipt_no, case_no FROM case_record")).all())
    add_staff(central_server.db, "window3", "window", "H0001", "window-pass-2026")
    http = _console_login(central_server, "window3", "window-pass-2026")

    shown = http.get(f"{central_server.url}/console/cases", params={"case_no": cases["R-FACE-1"]})
    if os.environ.get("KIOSK_CASE_PAGE"):  # to look at it in a browser
        Path(os.environ["KIOSK_CASE_PAGE"]).write_text(shown.text)
    table = shown.text.split('id="face-checks"')[1].split("</table>")[0]
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", table)
    assert rows == [
        ("申请", "通过", "0.334", "2026-12-04 09:58:30"),  # the hall's time
        ("签署承诺", "通过", "0.339", "2026-12-04 09:58:30"),
    ]
    older = http.get(f"{central_server.url}/console/cases", params={"case_no": cases["R-FACE-0"]})
    assert 'id="no-face-checks"' in older.text and 'id="face-checks"' not in older.text
