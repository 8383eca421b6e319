"""The certificate print job (自助打印证明) on the reference central over real HTTP, the real
layout and the simulated A4 printer's folder: issued once per key, printed with the code
central knows, paper out reported and nothing counted as printed."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from demo.certificates import RESIDENT, seed_sample_certificates
from drivers.pages.base import PagePrinterError
from drivers.pages.sim import SimPagePrinter
from drivers.printers.glyphs import find_cjk_font
from kiosk.contract.certificates import format_code
from kiosk.documents.certificate import CertificateMaker
from kiosk.documents.fonts import DocumentFont
from kiosk.services.certificate_print import CertificatePrints
from kiosk.services.certificates import CertificateService
from kiosk.services.common import Central, ServiceError
from tests.conftest import CentralDb
from tests.integration.central_server import CentralServer

HOLDER, HOLDER_NAME = RESIDENT
PERMIT_HOLDER = "810000199001010035"  # assets/cards/hmt_permit.json: nothing in the registry


@pytest.fixture(scope="module")
def maker(tmp_path_factory: pytest.TempPathFactory) -> CertificateMaker:
    font = find_cjk_font(("Noto Sans CJK SC", "sans-serif:lang=zh-cn"))
    return CertificateMaker(DocumentFont(tmp_path_factory.mktemp("fonts"), source=font), "T01")


@pytest.fixture
def server(tmp_path: Path, central_db: CentralDb) -> Iterator[CentralServer]:
    key = secrets.token_bytes(32)
    with CentralServer(tmp_path, central_db, id_hash_key=key) as srv:
        with srv.db.session() as s:
            seed_sample_certificates(s, srv.db.sealer, key)
        yield srv


class Audit:
    def __init__(self) -> None:
        self.lines: list[tuple[str, str, dict[str, Any]]] = []

    def __call__(self, actor: str, action: str, detail: dict[str, Any]) -> None:
        self.lines.append((actor, action, detail))


def pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(path)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def prints_for(
    server: CentralServer, maker: CertificateMaker, printer: SimPagePrinter, audit: Audit
) -> CertificatePrints:
    service = CertificateService(Central(server.terminal("T01", "H0001")))
    return CertificatePrints(service, maker, lambda: printer, audit, poll_s=0.01)


def test_a_certificate_is_issued_once_and_printed_with_its_code(
    tmp_path: Path, server: CentralServer, maker: CertificateMaker
) -> None:
    printer, audit = SimPagePrinter("sim:pages", tmp_path / "pages"), Audit()
    prints = prints_for(server, maker, printer, audit)
    assert sorted(o.kind for o in prints.offers(HOLDER)) == ["BDC", "GJJ", "HY", "SB"]
    key = prints.certificates.new_key()
    prepared = prints.prepare(HOLDER, "SB", key)
    assert prepared.preview_png.startswith(b"\x89PNG")
    again = prints.prepare(HOLDER, "SB", key)  # 重试 or choosing it again: the same paper
    assert again.certificate.code == prepared.certificate.code
    done = prints.print(prepared)
    assert done.code == format_code(prepared.certificate.code) and done.kind == "SB"
    text = pdf_text(printer.job_file(done.job_id))
    assert done.code in text and HOLDER_NAME in text and HOLDER in text
    assert audit.lines == [
        (
            "terminal",
            "certificate.printed",
            {"kind": "SB", "code": prepared.certificate.code, "job": done.job_id},
        )
    ]


def test_paper_out_is_reported_and_nothing_printed(
    tmp_path: Path, server: CentralServer, maker: CertificateMaker
) -> None:
    printer, audit = SimPagePrinter("sim:pages", tmp_path / "pages"), Audit()
    prints = prints_for(server, maker, printer, audit)
    prepared = prints.prepare(HOLDER, "GJJ", prints.certificates.new_key())
    printer.set_paper_out(True)
    with pytest.raises(PagePrinterError) as caught:
        prints.print(prepared)
    assert caught.value.reason == "paper_out"
    assert not list((tmp_path / "pages").glob("job-*.pdf"))
    assert [line[1] for line in audit.lines] == ["certificate.print_failed"]
    printer.set_paper_out(False)  # staff loads paper: the same certificate prints
    assert prints.print(prepared).code == format_code(prepared.certificate.code)


def test_none_held_and_central_offline_have_their_reasons(
    tmp_path: Path, server: CentralServer, maker: CertificateMaker
) -> None:
    printer, audit = SimPagePrinter("sim:pages", tmp_path / "pages"), Audit()
    prints = prints_for(server, maker, printer, audit)
    assert prints.offers(PERMIT_HOLDER) == []
    with pytest.raises(ServiceError) as caught:
        prints.prepare(PERMIT_HOLDER, "SB", prints.certificates.new_key())
    assert caught.value.reason == "none_held"
    offline = CertificatePrints(CertificateService(Central(None)), maker, lambda: printer)
    with pytest.raises(ServiceError) as caught:
        offline.offers(HOLDER)
    assert caught.value.reason == "central_offline"
    assert audit.lines == []


def test_each_print_is_tracked_sealed_and_staff_can_reprint_it_that_day(
    tmp_path: Path, server: CentralServer, maker: CertificateMaker
) -> None:
    from datetime import datetime, timedelta, timezone

    from kiosk.services.certificate_jobs import CertificateJobNotFound, CertificateJobs
    from kiosk.store import Store
    from kiosk.sync.crypto import FieldCipher

    now = [datetime(2026, 12, 4, 10, 0, tzinfo=timezone(timedelta(hours=8)))]
    store = Store(tmp_path / "db" / "kiosk.db")
    jobs = CertificateJobs(store, FieldCipher(secrets.token_bytes(32)), clock=lambda: now[0])
    printer, audit = SimPagePrinter("sim:pages", tmp_path / "pages"), Audit()
    prints = prints_for(server, maker, printer, audit)
    prints.jobs = jobs
    prepared = prints.prepare(HOLDER, "HY", prints.certificates.new_key())
    printer.set_paper_out(True)
    with pytest.raises(PagePrinterError):
        prints.print(prepared)
    assert jobs.list_today() == []  # refused before anything went out: nothing to track
    printer.set_paper_out(False)
    done = prints.print(prepared)
    (job,) = jobs.list_today()
    assert (job.kind, job.code, job.status, job.reprintable) == ("HY", done.code, "printed", True)
    # The holder is sealed at rest (the database and its write-ahead log), the code is not.
    raw = b"".join(f.read_bytes() for f in store.path.parent.glob(store.path.name + "*"))
    assert HOLDER.encode() not in raw and HOLDER_NAME.encode() not in raw
    assert prepared.certificate.code.encode() in raw

    again = prints.reprint(job.id)  # a jammed sheet: staff print it again
    assert again.code == done.code and again.job_id != done.job_id
    assert HOLDER_NAME in pdf_text(printer.job_file(again.job_id))
    actions = [line[1] for line in audit.lines]
    assert actions[-2:] == ["certificate.printed", "certificate.reprinted"]
    assert jobs.list_today()[0].attempts == 2

    printer.set_paper_out(True)
    with pytest.raises(PagePrinterError):
        prints.reprint(job.id)
    printer.set_paper_out(False)

    now[0] += timedelta(days=1)  # the next morning: the sealed copy is dropped
    assert jobs.list_today() == []
    assert jobs.forget_old() == 1
    with pytest.raises(CertificateJobNotFound):
        prints.reprint(job.id)
    store.close()


def test_a_kind_whose_guide_asks_for_the_face_check_needs_a_passed_one(
    tmp_path: Path, server: CentralServer, maker: CertificateMaker
) -> None:
    from datetime import UTC, datetime

    from kiosk.services.face_checks import FaceOutcome

    printer, audit = SimPagePrinter("sim:pages", tmp_path / "pages"), Audit()
    service = CertificateService(Central(server.terminal("T01", "H0001")))
    guides = {"SB-005": ("certificate",), "ZF-004": ("certificate",)}
    prints = CertificatePrints(
        service,
        maker,
        lambda: printer,
        audit,
        face_actions=lambda code: guides.get(code, ()),
        poll_s=0.01,
    )
    assert prints.needs_face("SB-005") and not prints.needs_face(None)
    assert not prints.needs_face("HJ-004")
    key = service.new_key()
    with pytest.raises(ServiceError) as refused:
        prints.prepare(HOLDER, "SB", key, service_code="SB-005")
    assert refused.value.reason == "face_check_required"
    at = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
    failed = FaceOutcome("certificate", False, "not_live", 0.2, 4.0, at, 1, False)
    with pytest.raises(ServiceError):
        prints.prepare(HOLDER, "SB", key, service_code="SB-005", face=failed)
    other = FaceOutcome("apply", True, None, 0.33, 2.0, at, 0, False)
    with pytest.raises(ServiceError):  # a check for another action does not count
        prints.prepare(HOLDER, "SB", key, service_code="SB-005", face=other)
    passed = FaceOutcome("certificate", True, None, 0.334, 2.5, at, 1, False)
    prepared = prints.prepare(HOLDER, "SB", key, service_code="SB-005", face=passed)
    done = prints.print(prepared)
    assert audit.lines[-1][1:] == (
        "certificate.printed",
        {
            "kind": "SB",
            "code": prepared.certificate.code,
            "job": done.job_id,
            "face": {"passed": True, "distance": 0.334, "at": "2026-12-04T09:30:00+00:00"},
        },
    )
