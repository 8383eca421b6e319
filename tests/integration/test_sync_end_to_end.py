"""Terminal ↔ kiosk-central in a subprocess: offline first, then drain, pull and status."""

from __future__ import annotations

from sqlalchemy import text

from central.testing import CentralProcess
from kiosk.contract import CatalogDelta
from kiosk.store import Store
from kiosk.sync.client import CentralClient, Credentials
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import utcnow
from kiosk.sync.runner import SyncRunner
from kiosk.sync.status import sync_status
from kiosk.sync.worker import SyncWorker, WorkerTimings, pull_forward
from tests.central_ledger import intake_bodies
from tests.sample_submissions import accept_submission, sample_submission
from tests.waiting import wait_for


def make_runner(
    central: CentralProcess, store: Store, secret: str, deltas: list[CatalogDelta]
) -> SyncRunner:
    client = CentralClient(central.url, Credentials("T01", secret.encode()), timeout=(1, 5))
    return SyncRunner(
        store, client, FieldCipher.for_data_dir(store.path.parent), on_catalog=deltas.append
    )


def central_receipts(central: CentralProcess) -> list[str]:
    return sorted(b["receipt_no"] for b in intake_bodies(central, kind="submission"))


def test_submissions_made_offline_reach_central_once_it_runs(
    central: CentralProcess, store: Store
) -> None:
    secret = central.add_terminal("T01")
    deltas: list[CatalogDelta] = []
    runner = make_runner(central, store, secret, deltas)
    for i in range(7):
        accept_submission(store, sample_submission(f"R{i}", scan=True))
    offline = runner.send_due()
    assert offline.network_error and offline.retried == 7
    assert sync_status(store).pending == 7

    central.start()
    pull_forward(store, utcnow())  # what the worker does when the network comes back
    result = runner.drain()
    assert (result.sent, result.dead) == (7, 0)
    assert central_receipts(central) == [f"R{i}" for i in range(7)]
    st = sync_status(store)
    assert (st.pending, st.sent) == (0, 7) and st.last_success is not None
    with store.session() as s:
        case_nos = [r[0] for r in s.execute(text("SELECT case_no FROM submission"))]
    assert all(c and c.startswith("ZW") for c in case_nos)


def test_worker_drains_pulls_catalog_and_follows_a_staff_action(
    central: CentralProcess, store: Store
) -> None:
    secret = central.add_terminal("T01")
    central.start()
    central.staff("PUT", "/catalog", {"items": [{"code": "SB-0001", "version": 1, "title": "x"}]})
    deltas: list[CatalogDelta] = []
    runner = make_runner(central, store, secret, deltas)
    seen = []
    worker = SyncWorker(
        runner,
        timings=WorkerTimings(poll_s=0.05, catalog_s=0.2, status_s=0.2, probe_offline_s=0.2),
        on_indicator=seen.append,
    )
    worker.start()
    try:
        accept_submission(store, sample_submission("R1"))
        worker.notify()
        wait_for(lambda: sync_status(store).sent == 1, "the worker sends the submission")
        wait_for(lambda: bool(deltas), "the worker reports a sync")
        assert deltas[0].changed[0]["code"] == "SB-0001"
        case_no = central.staff("GET", "/cases")[0]["case_no"]
        central.staff(
            "POST", f"/cases/{case_no}/advance", {"state": "completed", "department": "民政局"}
        )
        wait_for(lambda: stored_state(store, case_no) == "completed", "the case completes")
        central.staff("PUT", "/catalog", {"removed": ["SB-0001"]})
        wait_for(lambda: len(deltas) >= 2, "a second sync report")
        assert deltas[-1].removed == ["SB-0001"]
        assert worker.snapshot().online is True and worker.snapshot().backlog == 0
        assert any(i.online for i in seen)
    finally:
        worker.stop()


def stored_state(store: Store, case_no: str) -> str | None:
    with store.session() as s:
        return s.execute(
            text("SELECT state FROM case_status WHERE case_no=:c"), {"c": case_no}
        ).scalar()


def test_a_referral_published_at_central_reaches_the_terminals_search(
    central: CentralProcess, store: Store
) -> None:
    from kiosk.catalog import (
        BUNDLED_CATALOG,
        BUNDLED_SYNONYMS,
        CatalogBrowser,
        apply_delta,
        import_file,
    )

    import_file(store, BUNDLED_CATALOG)
    secret = central.add_terminal("T01")
    central.start()
    customs = {
        "kind": "referral",
        "code": "ZZ-HG-001",
        "name": "个人物品进出境申报",
        "keywords": ["海关", "报关"],
        "description": "由海关受理，本大厅不办理。",
        "unit": "示范海关",
        "address": "示范市港口路1号（示范数据：虚构城市的地址）",
        "phone": "12360",
        "hours": "周一至周五 9:00-17:00",
        "bring": "居民身份证原件",
        "version": 1,
    }
    central.staff("PUT", "/catalog", {"items": [customs]})
    deltas: list[CatalogDelta] = []
    runner = make_runner(central, store, secret, deltas)
    runner.pull_catalog()
    (delta,) = deltas
    apply_delta(store, delta.changed, delta.removed)  # what Kiosk.apply_catalog does
    browser = CatalogBrowser.open(store, BUNDLED_SYNONYMS)
    (hit, *_) = browser.search("海关")
    assert (hit.code, hit.kind) == ("ZZ-HG-001", "referral")
    assert browser.referral("ZZ-HG-001").unit == "示范海关"
    assert browser.search("护照")[0].kind == "referral"  # the bundled ones stay
    central.staff("PUT", "/catalog", {"removed": ["ZZ-HG-001"]})  # withdrawn again
    runner.pull_catalog()
    apply_delta(store, deltas[-1].changed, deltas[-1].removed)
    assert "ZZ-HG-001" not in [r.code for r in browser.referrals()]
    assert all(r.code != "ZZ-HG-001" for r in browser.search("海关"))
