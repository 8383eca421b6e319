"""Catalog feed: snapshots and deltas of service items.

On the wire a service item is an opaque JSON object with at least ``code`` and ``version``;
the catalog domain model (``kiosk/domain/catalog.py``) interprets the rest.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from kiosk.contract.base import WireModel


def _check_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for item in items:
        if not isinstance(item.get("code"), str) or not item["code"]:
            raise ValueError("every service item needs a non-empty string 'code'")
        if not isinstance(item.get("version"), int) or isinstance(item["version"], bool):
            raise ValueError(f"service item {item['code']!r} needs an integer 'version'")
    return items


class CatalogSnapshot(WireModel):
    """``GET /api/v1/catalog/snapshot``: every live item at feed version ``version``."""

    version: int = Field(ge=0)
    items: list[dict[str, Any]]

    _valid = field_validator("items")(_check_items)


class CatalogDelta(WireModel):
    """``GET /api/v1/catalog/delta?since=N``: what changed after ``since`` up to ``version``.

    Apply ``changed`` (upsert by code) and ``removed`` (codes) then remember ``version``.
    ``since == version`` means nothing changed.
    """

    since: int = Field(ge=0)
    version: int = Field(ge=0)
    changed: list[dict[str, Any]] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)

    _valid = field_validator("changed")(_check_items)

    @property
    def empty(self) -> bool:
        """Nothing to apply."""
        return not self.changed and not self.removed


class CalendarFeed(WireModel):
    """``GET /api/v1/calendar?since=N``: the official holiday arrangement (a calendar document,
    see ``kiosk.contract.calendar.CalendarDocument``) when central's version is newer than
    ``since``, else ``document`` is None. ``version`` is 0 before anything was published."""

    version: int = Field(ge=0)
    document: dict[str, Any] | None = None


class CatalogUpload(WireModel):
    """Staff API: publish items (upsert) and withdraw codes; bumps the feed version."""

    items: list[dict[str, Any]] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)

    _valid = field_validator("items")(_check_items)
