"""Write ``assets/catalog/catalog.schema.json`` from the catalog models.

Run from the repository root after changing :mod:`kiosk.domain.catalog`:
``python -m tools.catalog.schema``. The file is committed so that people and tools outside the
terminal (catalog editors, central's staff, vendors) read the format without running Python;
``tests/unit/test_sample_catalog.py`` fails while it differs from what the models generate.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from kiosk.catalog.codec import catalog_schema
from kiosk.catalog.validation import SCHEMA_PATH


def schema_text(schema: dict[str, Any]) -> str:
    """The schema as the file holds it."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main(out: Path = SCHEMA_PATH) -> int:
    """Generate, write, say where."""
    out.write_text(schema_text(catalog_schema()), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
