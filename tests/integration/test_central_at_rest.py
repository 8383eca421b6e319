"""What central keeps of an accepted item (issue #20): the ledger's bodies sealed, and case
owners indexed by the keyed ID hash every terminal of the deployment computes.

Central runs on 127.0.0.1 (in this process, so the test can reach its database); the
terminal's signed client talks to it over HTTP.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from sqlmodel import select

from central.app import create_app
from central.cases import META_OWNER_HASH
from central.db import CaseRecord, CentralMeta, Database, IntakeItem
from kiosk.contract import Applicant, BatchItem, CaseLookup, IntakeKind, Submission
from kiosk.sync.client import CentralClient
from kiosk.sync.idkey import IdHasher
from tests.central_ledger import ledger, stored_text
from tests.conftest import CentralDb
from tests.integration.central_server import CentralServer
from tests.sample_submissions import sample_submission

AGENT = Applicant(name="李代办", id_number="110105199001010013", phone="13911112222")
ID_KEY = os.urandom(32)


def application(receipt: str) -> Submission:
    return sample_submission(receipt).model_copy(update={"agent": AGENT})


def send(client: CentralClient, sub: Submission) -> str:
    item = BatchItem(key=f"sub-{sub.receipt_no}", kind=IntakeKind.SUBMISSION, body=sub.model_dump())
    (result,) = client.send_batch([item]).results
    assert result.ack is not None and result.ack.case_no
    return result.ack.case_no


def bare_sha256(number: str) -> str:
    return hashlib.sha256(number.strip().upper().encode()).hexdigest()


def test_an_accepted_item_is_sealed_in_the_ledger_and_opens_again(
    tmp_path: Path, central_db: CentralDb
) -> None:
    sub = application("H0001-T01-260101-0001")
    with CentralServer(tmp_path, central_db, id_hash_key=ID_KEY) as server:
        client = server.terminal("T01", "H0001")
        send(client, sub)
        client.close()
    (row,) = ledger(server.db)
    assert row.stored.startswith("fernet:")
    text = stored_text(central_db.url)
    for personal in ("测试用户", "11010519491231002X", "13800000000", "示例路", "李代办"):
        assert personal not in text
    assert row.body["applicant"]["id_number"] == "11010519491231002X"
    assert row.body["agent"]["name"] == "李代办" and row.reference


def test_bodies_kept_in_clear_by_an_older_central_are_sealed_at_the_next_start(
    central_db: CentralDb,
) -> None:
    url, key_file = central_db.url, central_db.seal_key_file
    old = application("H0001-T01-260101-0002").model_dump_json()
    db = Database(url, key_file)
    with db.session() as s:
        s.add(IntakeItem(terminal_id="T01", key="k1", kind="submission", body=old))
    db.close()
    again = Database(url, key_file)
    try:
        with again.session() as s:
            item = s.exec(select(IntakeItem)).one()
        assert item.body.startswith("fernet:") and "测试用户" not in item.body
        assert again.open_body(item) == old
        # A body in clear (written meanwhile by an older central) still reads.
        assert again.open_body(IntakeItem(terminal_id="T", key="k", kind="x", body=old)) == old
    finally:
        again.close()


def test_case_owners_are_indexed_by_the_keyed_hash_terminals_compute(
    tmp_path: Path, central_db: CentralDb
) -> None:
    sub = application("H0001-T01-260101-0003")
    with CentralServer(tmp_path, central_db, id_hash_key=ID_KEY) as server:
        client = server.terminal("T01", "H0001")
        case_no = send(client, sub)
        hasher = IdHasher(tmp_path / "terminal-keys")
        assert hasher.ensure(client)  # the deployment's key, fetched over the signed API
        by_card = client.lookup_cases(CaseLookup(id_number=AGENT.id_number))
        client.close()
        with server.db.session() as s:
            case = s.get(CaseRecord, case_no)
    assert case is not None
    applicant = sub.applicant.id_number or ""
    assert case.id_number_hash == hasher(applicant)
    assert case.agent_id_number_hash == hasher(AGENT.id_number or "")
    assert case.id_number_hash != bare_sha256(applicant)
    assert bare_sha256(applicant) not in stored_text(central_db.url)
    assert [c.case_no for c in by_card] == [case_no]


def test_cases_hashed_bare_by_an_older_central_are_hashed_again_once(
    tmp_path: Path, central_db: CentralDb
) -> None:
    url, key_file = central_db.url, central_db.seal_key_file
    sub = application("H0001-T01-260101-0004")
    applicant = sub.applicant.id_number or ""
    db = Database(url, key_file)
    with db.session() as s:
        for case_no, receipt in (("ZW1", sub.receipt_no), ("ZW2", "H0001-T01-260101-0005")):
            s.add(
                CaseRecord(
                    case_no=case_no,
                    terminal_id="T01",
                    receipt_no=receipt,
                    service_code="SB-0001",
                    id_number_hash=bare_sha256(applicant),
                    state="received",
                )
            )
        # Only ZW1's submission is in the ledger (kept in clear by that older version).
        s.add(
            IntakeItem(
                terminal_id="T01",
                key="sub-1",
                kind="submission",
                body=sub.model_dump_json(),
                reference="ZW1",
            )
        )
    db.close()

    app = create_app(url, id_hash_key=ID_KEY, seal_key_file=key_file)
    new = app.state.db
    hasher = IdHasher(None)
    hasher.install(base64.urlsafe_b64encode(ID_KEY).decode())
    with new.session() as s:
        one, two = s.get(CaseRecord, "ZW1"), s.get(CaseRecord, "ZW2")
        marker = s.get(CentralMeta, META_OWNER_HASH)
        assert one is not None and two is not None and marker is not None
        assert one.id_number_hash == hasher(applicant)
        assert one.agent_id_number_hash == hasher(AGENT.id_number or "")
        assert two.id_number_hash is None  # nothing to hash it from: found by number only
        one.id_number_hash = "set-after-the-migration"
        s.add(one)
    new.close()
    create_app(
        url, id_hash_key=ID_KEY, seal_key_file=key_file
    ).state.db.close()  # done once: not again
    check = Database(url, key_file)
    with check.session() as s:
        again = s.get(CaseRecord, "ZW1")
        assert again is not None and again.id_number_hash == "set-after-the-migration"
    check.close()
