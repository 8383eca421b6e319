"""The reference certificate registry and the terminals' certificate printing (自助打印证明).

A province's terminals print 社保参保证明, 公积金缴存证明, 不动产登记信息查询结果 and
婚姻登记记录证明 from the departments' systems. This reference central keeps a small registry
of its own, one record per person and kind — seeded for the sample cards in the demo
(``demo/certificates.py``) and by tests through :func:`add_record`, the way a deployment would
load an export — and answers two signed terminal routes:

- ``POST /api/v1/certificates/available``: the kinds held for the card holder;
- ``POST /api/v1/certificates/issue`` (``Idempotency-Key``): records the issue under a fresh
  verification code and answers the content to print. A retry with the same key gets the same
  certificate (same code); only the code is kept in the idempotency record, the content is
  read back from the sealed row, so nothing personal sits there in clear.

Owners are found by the deployment's keyed ID hash, never the number; names and contents are
sealed at rest; every issue is in the audit log (code and kind only). The public page that
shows what a code stands for is :mod:`central.verify`.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException
from fastapi.responses import JSONResponse
from sqlmodel import Session, select

from central.accounts import audit
from central.auth import AUTH_RESPONSES, Principal
from central.certificate_rows import CertificateRecordRow, IssuedCertificateRow
from central.db import Database, as_utc
from central.idempotency import Idempotency, Work, body_hash
from central.sealing import Sealer
from kiosk.contract import (
    API_PREFIX,
    CertificateField,
    CertificateIssue,
    CertificateOffer,
    CertificateOffers,
    CertificateQuery,
    IssuedCertificate,
    keyed_id_hash,
)
from kiosk.contract.certificates import CODE_ALPHABET, CODE_LENGTH, VERIFY_PATH
from kiosk.contract.intake import KEY_PATTERN
from kiosk.contract.masking import mask_name, mask_number


@dataclass(frozen=True)
class Content:
    """A certificate's personal content, as sealed in a row's ``body``."""

    name: str
    masked_id: str
    fields: tuple[tuple[str, str], ...]
    summary: str

    def seal(self, sealer: Sealer) -> str:
        """The sealed JSON for a ``body`` column."""
        data = {
            "name": self.name,
            "masked_id": self.masked_id,
            "fields": [list(pair) for pair in self.fields],
            "summary": self.summary,
        }
        return sealer.seal_text(json.dumps(data, ensure_ascii=False))

    @classmethod
    def open(cls, sealer: Sealer, body: str) -> Content:
        """The content of a sealed ``body``."""
        data = json.loads(sealer.open_text(body))
        fields = tuple((str(label), str(value)) for label, value in data["fields"])
        return cls(str(data["name"]), str(data["masked_id"]), fields, str(data["summary"]))

    @property
    def masked_name(self) -> str:
        """The holder's name as a public page shows it (张*丰)."""
        return mask_name(self.name)


def new_code() -> str:
    """A fresh verification code: :data:`CODE_LENGTH` characters drawn by ``secrets``."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def add_record(
    s: Session,
    sealer: Sealer,
    id_hash_key: bytes,
    id_number: str,
    *,
    kind: str,
    title: str,
    issuer: str,
    name: str,
    fields: list[tuple[str, str]],
    summary: str,
    service_code: str | None = None,
) -> CertificateRecordRow:
    """Put (or replace) ``id_number``'s certificate of ``kind`` into the registry."""
    digest = keyed_id_hash(id_hash_key, id_number)
    row = s.exec(
        select(CertificateRecordRow).where(
            CertificateRecordRow.id_hash == digest, CertificateRecordRow.kind == kind
        )
    ).first() or CertificateRecordRow(id_hash=digest, kind=kind, title="", issuer="", body="")
    row.title, row.issuer, row.service_code = title, issuer, service_code
    content = Content(name, mask_number(id_number), tuple(fields), summary)
    row.body = content.seal(sealer)
    s.add(row)
    return row


def offers(s: Session, id_hash: str) -> list[CertificateOffer]:
    """The kinds the registry holds for the owner of ``id_hash``, by kind."""
    rows = s.exec(
        select(CertificateRecordRow)
        .where(CertificateRecordRow.id_hash == id_hash)
        .order_by(CertificateRecordRow.kind)
    ).all()
    return [
        CertificateOffer(
            kind=row.kind, title=row.title, issuer=row.issuer, service_code=row.service_code
        )
        for row in rows
    ]


def issue(s: Session, sealer: Sealer, id_hash: str, kind: str, who: Principal) -> str | None:
    """Record a certificate of ``kind`` for ``id_hash`` issued by ``who``; its code, or None
    when the registry holds no such certificate for the person."""
    record = s.exec(
        select(CertificateRecordRow).where(
            CertificateRecordRow.id_hash == id_hash, CertificateRecordRow.kind == kind
        )
    ).first()
    if record is None:
        return None
    code = new_code()
    while s.get(IssuedCertificateRow, code) is not None:  # 60 bits: never, but cheap to ask
        code = new_code()
    s.add(
        IssuedCertificateRow(
            code=code,
            kind=kind,
            title=record.title,
            issuer=record.issuer,
            id_hash=id_hash,
            terminal_id=who.terminal_id,
            hall_id=who.hall_id,
            body=record.body,  # the content as it is now, sealed as it was
        )
    )
    s.flush()
    audit(s, f"terminal:{who.terminal_id}", "certificate_issued", code, kind)
    return code


def issued(s: Session, code: str) -> IssuedCertificateRow | None:
    """The issued certificate of ``code`` (exactly as stored), or None."""
    return s.get(IssuedCertificateRow, code)


def paper(row: IssuedCertificateRow, content: Content, id_number: str) -> IssuedCertificate:
    """What the terminal prints for ``row`` (``id_number``: the holder's, as the terminal
    sent it; central keeps only its hash)."""
    return IssuedCertificate(
        code=row.code,
        kind=row.kind,
        title=row.title,
        issuer=row.issuer,
        name=content.name,
        id_number=id_number.strip().upper(),
        fields=[CertificateField(label=label, value=value) for label, value in content.fields],
        summary=content.summary,
        issued_at=as_utc(row.issued_at),
        terminal_id=row.terminal_id,
        hall_id=row.hall_id,
        verify_path=f"{VERIFY_PATH}/{row.code}",
    )


def build_router(db: Database, idem: Idempotency, auth: Any, id_hash_key: bytes) -> APIRouter:
    """``/certificates/available`` and ``/certificates/issue`` for terminals."""
    router = APIRouter(
        prefix=f"{API_PREFIX}/certificates", tags=["certificates"], responses=AUTH_RESPONSES
    )

    @router.post("/available", response_model=CertificateOffers)
    def available(query: CertificateQuery, who: Principal = Depends(auth)) -> CertificateOffers:
        """The certificates the card holder can print here (maybe none)."""
        with db.session() as s:
            return CertificateOffers(offers=offers(s, keyed_id_hash(id_hash_key, query.id_number)))

    @router.post(
        "/issue",
        response_model=IssuedCertificate,
        status_code=201,
        responses={404: {"description": "``no_such_certificate``: the registry holds none"}},
    )
    def issue_route(
        req: CertificateIssue,
        who: Principal = Depends(auth),
        idempotency_key: str = Header(pattern=KEY_PATTERN),
    ) -> JSONResponse:
        """Issue one certificate: recorded under a new verification code, content answered."""
        digest = keyed_id_hash(id_hash_key, req.id_number)

        def handler(s: Session) -> tuple[int, dict[str, Any]]:
            code = issue(s, db.sealer, digest, req.kind, who)
            if code is None:
                return 404, {"detail": "no_such_certificate"}
            return 201, {"code": code}

        # The body's hash is taken over the keyed hash, not the bare ID number (a plain
        # sha256 of an 18-character number is reversed in seconds).
        keyed = {"id_hash": digest, "kind": req.kind}
        (out,) = idem.run(
            who.terminal_id, [Work(idempotency_key, "certificate", body_hash(keyed), handler)]
        )
        if out.status >= 300:
            raise HTTPException(status_code=out.status, detail=out.body.get("detail"))
        with db.session() as s:
            row = issued(s, str(out.body["code"]))
        if row is None:  # deleted since: the stored answer cannot be honoured any more
            raise HTTPException(status_code=404, detail="no_such_certificate")
        certificate = paper(row, Content.open(db.sealer, row.body), req.id_number)
        return JSONResponse(status_code=out.status, content=certificate.model_dump(mode="json"))

    return router
