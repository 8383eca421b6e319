"""Certificates printed at the terminal: central's registry, the signed list and issue routes
and the public ``/verify/{code}`` page, over real HTTP on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlmodel import select

from central.certificate_rows import IssuedCertificateRow
from central.db import AuditRow
from central.verify import MISS_LIMIT, MissLimiter
from demo.certificates import INSURED, RESIDENT, seed_sample_certificates
from kiosk.contract.certificates import CODE_PATTERN, format_code
from kiosk.services.certificates import CertificateService
from kiosk.services.common import Central, CentralError
from tests.conftest import CentralDb
from tests.integration.central_server import CentralServer

HOLDER, HOLDER_NAME = RESIDENT
PERMIT_HOLDER = "810000199001010035"  # assets/cards/hmt_permit.json: nothing in the registry


@pytest.fixture
def server(tmp_path: Path, central_db: CentralDb) -> Iterator[CentralServer]:
    key = secrets.token_bytes(32)
    with CentralServer(tmp_path, central_db, id_hash_key=key) as srv:
        with srv.db.session() as s:
            seed_sample_certificates(s, srv.db.sealer, key)
        yield srv


@pytest.fixture
def service(server: CentralServer) -> CertificateService:
    return CertificateService(Central(server.terminal("T01", "H0001")))


def test_each_sample_card_is_offered_what_the_registry_holds(service: CertificateService) -> None:
    kinds = {offer.kind: offer for offer in service.available(HOLDER)}
    assert sorted(kinds) == ["BDC", "GJJ", "HY", "SB"]
    assert kinds["SB"].service_code == "SB-005" and kinds["BDC"].service_code == "ZF-004"
    assert kinds["GJJ"].title == "住房公积金缴存证明"
    assert [o.kind for o in service.available(INSURED[0])] == ["SB"]
    assert service.available(PERMIT_HOLDER) == []


def test_an_issued_certificate_is_recorded_once_per_key_and_its_content_answered(
    service: CertificateService, server: CentralServer
) -> None:
    key = service.new_key()
    first = service.issue(HOLDER, "SB", key)
    assert re.fullmatch(CODE_PATTERN, first.code)
    assert first.name == HOLDER_NAME and first.id_number == HOLDER
    assert first.title == "社会保险参保缴费证明（个人）"
    assert ("累计缴费月数", "269个月") in [(f.label, f.value) for f in first.fields]
    assert first.terminal_id == "T01" and first.hall_id == "H0001"
    assert first.verify_path == f"/verify/{first.code}"
    again = service.issue(HOLDER, "SB", key)  # a retry (the answer was lost): same paper
    assert again == first
    other = service.issue(HOLDER, "SB", service.new_key())  # a second print: a new code
    assert other.code != first.code
    with server.db.session() as s:
        rows = s.exec(select(IssuedCertificateRow)).all()
        assert sorted(r.code for r in rows) == sorted([first.code, other.code])
        for row in rows:  # the holder by keyed hash, the content sealed: no name in clear
            assert HOLDER not in row.id_hash and HOLDER_NAME not in row.body
            assert row.body.startswith("fernet:")
        audit = s.exec(select(AuditRow).where(AuditRow.action == "certificate_issued")).all()
        assert sorted(a.target for a in audit) == sorted([first.code, other.code])
        assert all(HOLDER not in a.detail and HOLDER_NAME not in a.detail for a in audit)


def test_none_held_is_refused_and_a_key_reused_for_another_kind_too(
    service: CertificateService,
) -> None:
    with pytest.raises(CentralError) as none:
        service.issue(PERMIT_HOLDER, "SB", service.new_key())
    assert Central.is_rejection(none.value, "no_such_certificate")
    with pytest.raises(CentralError) as insured:
        service.issue(INSURED[0], "BDC", service.new_key())
    assert Central.is_rejection(insured.value, "no_such_certificate")
    key = service.new_key()
    service.issue(HOLDER, "GJJ", key)
    with pytest.raises(CentralError) as reused:
        service.issue(HOLDER, "HY", key)
    assert reused.value.status == 422


def test_unsigned_calls_are_refused(server: CentralServer) -> None:
    url = f"{server.url}/api/v1/certificates"
    assert (
        requests.post(f"{url}/available", json={"id_number": HOLDER}, timeout=5).status_code == 401
    )
    body = {"id_number": HOLDER, "kind": "SB"}
    headers = {"Idempotency-Key": "cert-0123456789"}
    reply = requests.post(f"{url}/issue", json=body, headers=headers, timeout=5)
    assert reply.status_code == 401


def test_the_verify_page_shows_what_was_issued_masked(
    service: CertificateService, server: CentralServer
) -> None:
    cert = service.issue(HOLDER, "BDC", service.new_key())
    url = service.verify_url(cert)
    assert url == f"{server.url}/verify/{cert.code}"
    page = requests.get(url, timeout=5)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-store"
    html = page.text
    assert '<meta charset="utf-8">' in html and "证明真实有效" in html
    assert "不动产登记信息查询结果" in html and "示范市不动产登记中心" in html
    assert "张*丰" in html and "1101**********0012" in html
    assert HOLDER_NAME not in html and HOLDER not in html
    assert "T01" in html and "H0001" in html and format_code(cert.code) in html
    assert "无抵押登记、无查封登记" in html  # the summary
    assert "示例路1号院" not in html  # the address is on the paper, not on a public page
    # A code typed in groups, lower case, is the same code.
    typed = requests.get(f"{server.url}/verify/{format_code(cert.code).lower()}", timeout=5)
    assert typed.status_code == 200 and "证明真实有效" in typed.text
    form = requests.get(f"{server.url}/verify", params={"code": format_code(cert.code)}, timeout=5)
    assert form.status_code == 200 and form.url == url


def test_an_unknown_code_is_a_clear_404_and_guessing_is_cut_off(
    service: CertificateService, server: CentralServer
) -> None:
    cert = service.issue(HOLDER, "HY", service.new_key())
    for guess in ("23456789ABCD", "not-a-code", "0" * 12, "%E4%B8%AD" * 20):
        reply = requests.get(f"{server.url}/verify/{guess}", timeout=5)
        assert reply.status_code == 404, guess
        assert "查无此证明" in reply.text and '<meta charset="utf-8">' in reply.text
    for n in range(MISS_LIMIT - 4):
        assert requests.get(f"{server.url}/verify/Z{n:011d}", timeout=5).status_code == 404
    # Past the limit even a real code is refused for a while: guessing gains nothing.
    blocked = requests.get(f"{server.url}/verify/{cert.code}", timeout=5)
    assert blocked.status_code == 429 and "查询过于频繁" in blocked.text


def test_the_miss_limiter_forgets_after_its_window() -> None:
    now = [1000.0]
    limiter = MissLimiter(limit=3, window_s=60, clock=lambda: now[0])
    for _ in range(3):
        assert not limiter.blocked("10.0.0.1")
        limiter.miss("10.0.0.1")
    assert limiter.blocked("10.0.0.1") and not limiter.blocked("10.0.0.2")
    now[0] += 59
    assert limiter.blocked("10.0.0.1")
    now[0] += 1
    assert not limiter.blocked("10.0.0.1")


def test_the_printed_papers_qr_code_opens_its_verify_page(
    service: CertificateService, server: CentralServer
) -> None:
    import pypdfium2 as pdfium
    import zxingcpp

    from kiosk.documents.certificate import certificate_pdf

    cert = service.issue(INSURED[0], "SB", service.new_key())
    pdf = pdfium.PdfDocument(certificate_pdf(cert, service.verify_url(cert)))
    try:
        page = pdf[0].render(scale=150 / 72).to_pil()
    finally:
        pdf.close()
    # Only QR codes are looked for, and one found twice counts once: in a fresh run the
    # reader once reported more than one barcode on this page (which is not known; should
    # it happen with QR codes only, the message lists them).
    qr_only = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = zxingcpp.read_barcodes(page, formats=qr_only)
    urls = {code.text for code in found}
    assert len(urls) == 1, [(code.format.name, code.text, str(code.position)) for code in found]
    reply = requests.get(urls.pop(), timeout=5)
    assert reply.status_code == 200 and "周*梅" in reply.text and "证明真实有效" in reply.text


def test_a_public_verify_address_from_the_settings_goes_on_the_paper(
    service: CertificateService, tmp_path: Path
) -> None:
    from kiosk.app import build_kiosk
    from kiosk.config import load_settings

    cert = service.issue(HOLDER, "SB", service.new_key())
    assert service.verify_url(cert).startswith("http://127.0.0.1:")  # none set: central's
    settings = load_settings(
        env={},
        data_dir=str(tmp_path / "terminal"),
        card_reader="sim:sam",
        certificate_verify_url="https://zwfw.example.gov.cn/",
    )
    terminal = build_kiosk(settings)
    try:
        url = terminal.services.certificates.verify_url(cert)
    finally:
        terminal.stop()
    assert url == f"https://zwfw.example.gov.cn/verify/{cert.code}"
