"""The exchange format's edges: JSON in, domain objects out, and back; its JSON Schema.

The models in :mod:`kiosk.domain.catalog` are the format, so these are one-liners. Input is
validated as it is read (:func:`kiosk.catalog.validation.validate_catalog` turns the errors
into lines for staff). Output holds exactly the keys the input had, so
``item_to_dict(item_from_dict(d)) == d`` for every valid service ``d``; optional form-field
keys an object made in code never set are left out.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import CoreSchema

from kiosk.domain.catalog import FORMAT, Catalog, ServiceItem

__all__ = [
    "FORMAT",
    "catalog_from_dict",
    "catalog_schema",
    "catalog_to_dict",
    "item_from_dict",
    "item_from_json",
    "item_to_dict",
]

SCHEMA_ID = "https://github.com/hall-kiosk/catalog.schema.json"
SCHEMA_TITLE = "Hall kiosk service catalog (事项目录), exchange format 1"


def item_from_dict(d: Any) -> ServiceItem:
    """A :class:`ServiceItem` from one entry of ``services``."""
    return ServiceItem.model_validate(d)


def item_from_json(text: str | bytes) -> ServiceItem:
    """A :class:`ServiceItem` from its JSON text (as the store keeps it)."""
    return ServiceItem.model_validate_json(text)


def item_to_dict(item: ServiceItem) -> dict[str, Any]:
    """The JSON object of one service item."""
    return item.model_dump(mode="json", exclude_unset=True)


def catalog_from_dict(d: Any) -> Catalog:
    """A whole :class:`Catalog` from a document."""
    return Catalog.model_validate(d)


def catalog_to_dict(c: Catalog) -> dict[str, Any]:
    """The exchange document of a whole catalog."""
    return c.model_dump(mode="json", exclude_unset=True)


class _Schema(GenerateJsonSchema):
    """Pydantic's schema without a title on every property (the field name says it)."""

    def field_title_should_be_set(self, schema: CoreSchema) -> bool:
        return False

    def generate(self, schema: CoreSchema, mode: Any = "validation") -> JsonSchemaValue:
        out = super().generate(schema, mode=mode)
        return {
            "$schema": self.schema_dialect,
            "$id": SCHEMA_ID,
            "title": SCHEMA_TITLE,
            **{k: v for k, v in out.items() if k != "title"},
        }


def catalog_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a catalog document, generated from the models.

    ``assets/catalog/catalog.schema.json`` holds it (``python -m tools.catalog.schema``)."""
    return Catalog.model_json_schema(schema_generator=_Schema)
