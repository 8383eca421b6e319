"""The importer pauses Python's cycle collector while it works (#22) and always restores it."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from kiosk.catalog import BUNDLED_CATALOG, export_document, import_document
from kiosk.catalog.importer import CatalogImportError, _cyclic_gc_paused
from kiosk.domain.catalog_values import require_unique
from kiosk.store import Store


def bundled() -> dict:
    return json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))


def test_an_import_leaves_the_collector_as_it_found_it(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.db")
    try:
        assert gc.isenabled()
        import_document(store, bundled())
        assert gc.isenabled()
        with pytest.raises(CatalogImportError):
            import_document(store, bundled())  # same version: refused
        assert gc.isenabled()
        gc.disable()
        try:
            import_document(store, bundled(), force=True)
            assert not gc.isenabled()
        finally:
            gc.enable()
        assert export_document(store) == bundled()
    finally:
        store.close()


def test_overlapping_pauses_end_with_the_last() -> None:
    assert gc.isenabled()
    with _cyclic_gc_paused():
        with _cyclic_gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_repeated_value_is_named() -> None:
    assert require_unique(("a", "b")) == ("a", "b")
    with pytest.raises(ValueError, match="'b' appears more than once"):
        require_unique(("c", "b", "c", "b"))
