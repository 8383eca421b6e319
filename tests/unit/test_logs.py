"""Logs: JSON lines in the data folder, plain stderr, and no personal data in either."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from kiosk import logs
from kiosk.logs import PersonalDataFilter, redact_text, redact_value, setup_logging
from tests.root_logger import root_logger_restored

ID = "11010519491231002X"


def test_id_numbers_and_mobile_numbers_are_masked():
    text = f"card {ID} phone 13812345678 / +86 139-1234-5678 receipt H0001-T01-261128-0001"
    clean = redact_text(text)
    assert ID not in clean and "1101**********002X" in clean
    assert "13812345678" not in clean and "138****5678" in clean
    assert "139****5678" in clean
    assert "H0001-T01-261128-0001" in clean  # not personal, kept


def test_values_under_personal_keys_are_replaced_wherever_they_are():
    value = {"service": "S1", "applicant": {"name": "张三"}, "items": [{"address": "北京"}]}
    assert redact_value(value) == {
        "service": "S1",
        "applicant": "[redacted]",
        "items": [{"address": "[redacted]"}],
    }


def _record(msg: str, args: tuple, **extra) -> logging.LogRecord:
    record = logging.LogRecord("kiosk.test", logging.INFO, __file__, 1, msg, args, None)
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_the_filter_cleans_message_arguments_and_extra_fields():
    record = _record("read %s for %s", (ID, "visit"), holder="张三丰", service="S1")
    assert PersonalDataFilter().filter(record) is True
    assert record.getMessage() == "read 1101**********002X for visit"
    assert vars(record)["holder"] == "[redacted]"
    assert record.name == "kiosk.test"  # the logger name is a standard field, kept
    assert vars(record)["service"] == "S1"


def test_extra_name_field_is_redacted_in_the_json_file(tmp_path: Path):
    setup_logging(tmp_path, env={})
    logging.getLogger("kiosk.cards").info(
        "card read", extra={"id_number": ID, "holder": "张三丰", "reader": "sam"}
    )
    try:
        raise ValueError(f"bad card {ID}")
    except ValueError:
        logging.getLogger("kiosk.cards").exception("parse failed for 13812345678")
    for h in logging.getLogger().handlers:
        h.flush()
    lines = [json.loads(line) for line in (tmp_path / logs.LOG_FILE).read_text().splitlines()]
    assert lines[0]["msg"] == "card read" and lines[0]["reader"] == "sam"
    assert lines[0]["id_number"] == "[redacted]" and lines[0]["holder"] == "[redacted]"
    assert lines[1]["level"] == "ERROR" and "138****5678" in lines[1]["msg"]
    text = (tmp_path / logs.LOG_FILE).read_text()
    assert ID not in text and "张三丰" not in text and "13812345678" not in text
    assert "1101**********002X" in lines[1]["exc"]


def test_every_handler_carries_the_filter(tmp_path: Path):
    setup_logging(tmp_path, env={})
    handlers = logging.getLogger().handlers
    assert len(handlers) == 2
    assert all(any(isinstance(f, PersonalDataFilter) for f in h.filters) for h in handlers)


def test_stderr_lines_are_plain_and_masked(tmp_path: Path, capsys):
    setup_logging(None, env={"JOURNAL_STREAM": "8:1234"})
    logging.getLogger("kiosk.x").warning("citizen %s", ID)
    err = capsys.readouterr().err
    assert err.startswith("WARNING MainThread kiosk.x: citizen 1101**********002X")


def test_the_log_file_rotates(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    setup_logging(tmp_path, env={})
    for i in range(100):
        logging.getLogger("kiosk.y").info("line %d %s", i, "x" * 40)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "kiosk.jsonl" in names and "kiosk.jsonl.1" in names
    assert len(names) <= 1 + logs.BACKUPS


def test_a_character_a_font_lacks_is_not_named_in_the_log(tmp_path: Path):
    """fpdf2 warns of missing glyphs by naming them; in a signed document that may be a
    character of a name (here 𪚥, an Extension B character the CJK font lacks)."""
    from fpdf import FPDF
    from fpdf.fonts import TTFFont

    from kiosk.documents.signature import _font

    setup_logging(tmp_path, env={})
    path, index = _font()
    pdf = FPDF()
    pdf.add_font("cjk", fname=str(path), collection_font_number=index)
    pdf.add_page()
    pdf.set_font("cjk", size=12)
    pdf.cell(text="王𪚥")
    pdf.output()
    font = pdf.fonts["cjk"]
    assert isinstance(font, TTFFont) and font.missing_glyphs  # really lacks it: the case is real
    logging.getLogger("kiosk.test").error("after the document")
    for h in logging.getLogger().handlers:
        h.flush()
    text = (tmp_path / logs.LOG_FILE).read_text()
    assert "after the document" in text and "𪚥" not in text and "2a6a5" not in text


def test_an_entry_point_run_in_a_test_leaves_no_handler_on_the_stderr_of_that_moment():
    # What the autouse fixture of tests/conftest.py does after every test: a stream handler
    # setup_logging put on pytest's captured stderr must not outlive the test (a later log
    # line would fail on the closed capture), and a handler it took away comes back.
    root = logging.getLogger()
    mine, level = logging.NullHandler(), root.level
    root.addHandler(mine)
    try:
        with root_logger_restored():
            setup_logging(None, logging.DEBUG, env={})
            added = [h for h in root.handlers if type(h) is logging.StreamHandler]
            assert added and mine not in root.handlers
        assert not any(h in root.handlers for h in added)
        assert mine in root.handlers and root.level == level
    finally:
        root.removeHandler(mine)
