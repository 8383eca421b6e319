"""Demo mode: the sample cards have cases at the demo central, created once."""

from __future__ import annotations

from pathlib import Path

from demo.central import DEMO_CASES, DEMO_SHARED, InProcessCentral


def test_the_demo_central_seeds_the_sample_cases_once(tmp_path: Path) -> None:
    central = InProcessCentral(tmp_path)
    central.start()
    try:
        first = central.seed_demo_cases("T01", "H0001")
        again = central.seed_demo_cases("T01", "H0001")
        cases = central.staff("GET", "/cases")
    finally:
        central.stop()
    assert first == again and len(first) == len(DEMO_CASES)
    assert all(r.startswith("H0001-T01-") for r in first)
    assert len(cases) == len(DEMO_CASES)
    parallel = next(c for c in cases if c["receipt_no"] == first[0])
    assert len(parallel["departments"]) == 3


def test_the_demo_central_holds_the_resident_cards_licences_once_however_often_it_starts(
    tmp_path: Path,
) -> None:
    from sqlmodel import func, select

    from central.db import SharedRecordRow
    from central.shared import check
    from kiosk.contract import SharedCheck

    central = InProcessCentral(tmp_path)
    central.start()
    try:
        assert central.seed_demo_shared() == len(DEMO_SHARED)
        central.seed_demo_shared()  # a restart seeds again: replaced, not doubled
        db = central._app.state.db  # noqa: SLF001
        with db.session() as s:
            rows = s.exec(select(func.count()).select_from(SharedRecordRow)).one()
            answer = check(
                s,
                central.id_hash_key,
                SharedCheck(id_number=DEMO_SHARED[0][0], materials=["户口簿信息", "残疾人证信息"]),
            )
    finally:
        central.stop()
    assert rows == len(DEMO_SHARED)
    assert [f.found for f in answer.findings] == [True, False]


def test_a_demo_central_stopped_while_it_starts_never_serves_on_the_closed_socket(
    tmp_path: Path,
) -> None:
    import threading

    import pytest

    # A terminal shut down in its first seconds stops the demo central from the GUI thread
    # while the core's thread is still in start(): start() must give up cleanly, not run a
    # server on the socket stop() closed (that died with "Bad file descriptor" in a thread).
    central = InProcessCentral(tmp_path)
    central.stop()
    died: list[BaseException] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: died.append(args.exc_value)  # type: ignore[assignment]
    try:
        with pytest.raises(RuntimeError, match="stopped while starting"):
            central.start(wait_s=5)
    finally:
        threading.excepthook = previous
    assert died == []


def test_the_demo_central_holds_the_sample_cards_certificates_once_however_often_it_starts(
    tmp_path: Path,
) -> None:
    from sqlmodel import func, select

    from central.certificate_rows import CertificateRecordRow
    from central.certificates import offers
    from demo.certificates import INSURED, RESIDENT, SAMPLE_CERTIFICATES
    from kiosk.contract import keyed_id_hash

    central = InProcessCentral(tmp_path)
    central.start()
    try:
        assert central.seed_demo_certificates() == len(SAMPLE_CERTIFICATES)
        central.seed_demo_certificates()  # a restart seeds again: replaced, not doubled
        db = central._app.state.db  # noqa: SLF001
        with db.session() as s:
            rows = s.exec(select(func.count()).select_from(CertificateRecordRow)).one()
            resident = offers(s, keyed_id_hash(central.id_hash_key, RESIDENT[0]))
            insured = offers(s, keyed_id_hash(central.id_hash_key, INSURED[0]))
    finally:
        central.stop()
    assert rows == len(SAMPLE_CERTIFICATES)
    assert [o.kind for o in resident] == ["BDC", "GJJ", "HY", "SB"]
    assert [o.kind for o in insured] == ["SB"]
