"""The reference population registry's photos (:mod:`central.reference_photos`): one row per
person, by keyed ID hash, the JPEG sealed."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Field, SQLModel


def photo_now() -> datetime:
    """Now, in UTC (a photo row's ``updated_at``)."""
    return datetime.now(UTC)


class ReferencePhotoRow(SQLModel, table=True):
    """One person's registry photo: JPEG bytes in base64, sealed."""

    __tablename__ = "reference_photo"

    id_hash: str = Field(primary_key=True, max_length=64)
    photo: str
    updated_at: datetime = Field(default_factory=photo_now)
