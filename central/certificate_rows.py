"""Central's tables for certificates printed at terminals (:mod:`central.certificates`).

Owners are indexed only by the deployment's keyed ID hash, like cases and the e-licence
registry; names and contents are personal data and sit sealed (``Database.sealer``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


def _now() -> datetime:
    return datetime.now(UTC)


class CertificateRecordRow(SQLModel, table=True):
    """What the certificate registry holds for one person and one kind (the stand-in for
    the departments' systems: 社保, 公积金, 不动产登记, 婚姻登记). ``body`` is sealed JSON:
    the holder's name, masked ID number, the table's fields and the summary."""

    __tablename__ = "certificate_record"
    __table_args__ = (UniqueConstraint("id_hash", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    id_hash: str = Field(max_length=64, index=True)
    kind: str = Field(max_length=8)
    title: str = Field(max_length=60)
    issuer: str = Field(max_length=80)
    service_code: str | None = Field(default=None, max_length=60)
    body: str


class IssuedCertificateRow(SQLModel, table=True):
    """One certificate a terminal printed, by its verification code (unique: the key).

    ``body`` is sealed JSON of what was printed (the registry's content at that moment), so
    ``/verify/{code}`` shows what the paper says even after the registry changed."""

    __tablename__ = "issued_certificate"

    code: str = Field(primary_key=True, max_length=16)
    kind: str = Field(max_length=8)
    title: str = Field(max_length=60)
    issuer: str = Field(max_length=80)
    id_hash: str = Field(max_length=64, index=True)
    terminal_id: str = Field(max_length=16)
    hall_id: str = Field(max_length=16)
    issued_at: datetime = Field(default_factory=_now)
    body: str
