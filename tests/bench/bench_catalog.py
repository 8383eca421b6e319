"""Benchmark: reading the catalog format, on the bundled sample and on one ten times larger.

What the terminal does with the format: on start, an import validates the whole document
(``validate_catalog``); a guide page decodes one stored item (``CatalogBrowser.service``);
``kioskctl catalog show`` encodes one. The fastest of BENCH_RUNS runs (7) is reported; the
import, which changes the store, is timed once. Prints ONE JSON line: {"services",
"validate_ms", "decode_ms", "encode_ms", "open_one_ms", "import_ms"} for the sample and for
the large catalog.
"""

from __future__ import annotations

import copy
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.catalog import BUNDLED_CATALOG, BUNDLED_SYNONYMS, import_document  # noqa: E402
from kiosk.catalog.browse import CatalogBrowser  # noqa: E402
from kiosk.catalog.codec import catalog_from_dict, catalog_to_dict  # noqa: E402
from kiosk.catalog.validation import validate_catalog  # noqa: E402
from kiosk.store import Store  # noqa: E402
from tests.bench.timing import fastest_ms, verdict  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_RUNS", "7"))


def enlarged(doc: dict[str, Any], times: int) -> dict[str, Any]:
    """The sample's services ``times`` over, each copy under its own code."""
    out = copy.deepcopy(doc)
    out["services"] = []
    for k in range(times):
        for service in doc["services"]:
            item = copy.deepcopy(service)
            item["code"] = f"{service['code']}-{k:02d}"
            out["services"].append(item)
    return out


def measure(doc: dict[str, Any]) -> dict[str, Any]:
    assert validate_catalog(doc) == []
    catalog = catalog_from_dict(doc)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "kiosk.db")
        try:
            start = time.perf_counter()
            import_document(store, doc)
            import_ms = round((time.perf_counter() - start) * 1000, 1)
            browser = CatalogBrowser.open(store, BUNDLED_SYNONYMS)
            codes = [s["code"] for s in doc["services"]]
            open_all = fastest_ms(lambda: [browser.service(c) for c in codes], ROUNDS)
        finally:
            store.close()
    return {
        "services": len(doc["services"]),
        "validate_ms": fastest_ms(lambda: validate_catalog(doc), ROUNDS),
        "decode_ms": fastest_ms(lambda: catalog_from_dict(doc), ROUNDS),
        "encode_ms": fastest_ms(lambda: catalog_to_dict(catalog), ROUNDS),
        "open_one_ms": round(open_all / len(codes), 3),
        "import_ms": import_ms,
    }


def main() -> int:
    sample = json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))
    result = {
        "bench": "catalog_format",
        "sample": measure(sample),
        "large": measure(enlarged(sample, 10)),
    }
    # No target set for this one yet: the line says so with empty targets.
    print(json.dumps(result | verdict(result, {}), separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
