"""The print_job table (migration 4) and the printer_profile setting."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_settings
from kiosk.printing.setup import printer_uri
from kiosk.store import SCHEMA_VERSION, Store
from kiosk.store.models import PrintJobRow


def test_the_print_job_table_matches_its_model(tmp_path: Path) -> None:
    store = Store(tmp_path / "kiosk.db")
    store.close()
    with sqlite3.connect(tmp_path / "kiosk.db") as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(print_job)")}
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    assert columns == set(PrintJobRow.model_fields)
    assert version == SCHEMA_VERSION >= 3


def test_an_unknown_job_status_is_refused_by_the_database(tmp_path: Path) -> None:
    Store(tmp_path / "kiosk.db").close()
    with sqlite3.connect(tmp_path / "kiosk.db") as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO print_job (kind, document, status, created_at) "
            "VALUES ('ticket', '{}', 'lost', '2024-05-06T09:30:00+08:00')"
        )


def test_the_printer_profile_defaults_to_80mm_gb18030_and_is_checked() -> None:
    assert load_settings(env={}).printer_profile == "80mm-gb18030"
    assert load_settings(env={"KIOSK_PRINTER_PROFILE": "58mm-raster"}).printer_profile == (
        "58mm-raster"
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"KIOSK_PRINTER_PROFILE": "57mm"})
    assert caught.value.key == "printer_profile"


def test_the_sim_printer_writes_into_the_receipts_folder_with_the_profile_width(
    tmp_path: Path,
) -> None:
    settings = load_settings(
        env={"KIOSK_DATA_DIR": str(tmp_path), "KIOSK_PRINTER_PROFILE": "58mm-gbk"}
    )
    assert printer_uri(settings) == f"sim:?out={tmp_path / 'receipts'}&width=58"
    real = load_settings(env={"KIOSK_PRINTER": "tcp://10.0.0.5:9100"})
    assert printer_uri(real) == "tcp://10.0.0.5:9100"
