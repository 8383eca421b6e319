"""The log filter as a last net, and structured events (issue #20, item 8).

Each corpus line is something that once passed the filter in clear: Chinese names and
addresses inside messages, ID numbers glued to letters, spaced or in full-width digits,
15-digit first-generation numbers, landlines, permit and passport numbers, personal keys
spelt differently (``full_name``), and pydantic's ``input_value=…`` in exception text. The
net must catch every secret; what is not personal (receipt numbers, service codes, times,
counts) must survive, or the logs stop being useful to staff.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from pydantic import BaseModel, Field, ValidationError

from kiosk import logs
from kiosk.logs import log_event, redact_text, redact_value, setup_logging
from tests.integration.services_env import person

# (what, text, secrets that must not survive, words that must survive)
CORPUS: list[tuple[str, str, list[str], list[str]]] = [
    (
        "chinese name after a cue",
        "complaint text: 我叫欧阳娜娜，要投诉",
        ["欧阳娜娜"],
        ["complaint"],
    ),
    ("chinese name labelled", "form 姓名：张三丰 rejected", ["张三丰"], ["rejected"]),
    ("chinese name alone in english", "ticket for 李小龙 printed", ["李小龙"], ["printed"]),
    (
        "applicant name",
        "申请人王五提交了申请 receipt H0001-T01-261128-0001",
        ["王五"],
        ["H0001-T01-261128-0001"],
    ),
    (
        "address in a message",
        "mail to 北京市朝阳区示例路1号院2号楼303室 queued",
        ["示例路1号院", "303室"],
        ["queued"],
    ),
    ("address with full-width digits", "住在幸福路８８号３单元", ["幸福路８８号"], []),
    ("id glued to letters", "cardID110105194912310021Xok", ["110105194912310021"], []),
    ("id after a label", "id:11010519491231002X", ["19491231002"], []),
    ("id with spaces", "number 110105 19491231 002X typed", ["19491231"], ["typed"]),
    ("id in groups of four", "1101 0519 4912 3100 2X", ["4912 3100"], []),
    (
        "id in full-width digits",
        "号码１１０１０５１９４９１２３１００２Ｘ",
        ["１９４９１２３１"],
        [],
    ),
    ("15-digit id", "old card 110105491231002 read", ["110105491231002"], ["read"]),
    ("mobile", "call 138 1234 5678 back", ["1234 5678"], ["back"]),
    (
        "landline with area code",
        "tel 010-62345678 or (0755) 8888 6666",
        ["62345678", "8888 6666"],
        [],
    ),
    ("landline with extension", "0571-87654321-123", ["87654321"], []),
    ("hk macau permit", "permit H12345678 scanned", ["H12345678"], ["scanned"]),
    ("macau permit long", "permit M1234567890 scanned", ["M1234567890"], []),
    ("passport", "passport E12345678 / EA1234567", ["E12345678", "EA1234567"], []),
    ("old foreign card", "foreign card USA118506010012 ok", ["USA118506010012"], ["ok"]),
    ("email", "mail zhang.san@example.com", ["zhang.san@example.com"], []),
    (
        "pydantic input_value",
        "1 validation error for Applicant\nname\n  String should have at most 4 characters "
        "[type=string_too_long, input_value='欧阳娜娜娜娜', input_type=str]",
        ["欧阳娜娜娜娜"],
        ["string_too_long", "input_type=str"],
    ),
    (
        "pydantic dict input_value",
        "[type=missing, input_value={'name': '张三', 'phone': '13812345678'}, input_type=dict]",
        ["张三", "13812345678"],
        ["input_type=dict"],
    ),
]

KEPT = [
    "receipt H0001-T01-261128-0001 printed at 09:30",
    "service SB-001 version 2025060101 imported, 61 services",
    "outbox item 12 (submission) sent in 0.25 s; 3 pending",
    "catalog 高龄津贴申请 updated",
    "printer usb:0x0483:0x5743 paper_out",
]


@pytest.mark.parametrize(("what", "text", "secrets", "kept"), CORPUS, ids=[c[0] for c in CORPUS])
def test_the_net_catches_every_case_of_the_corpus(
    what: str, text: str, secrets: list[str], kept: list[str]
) -> None:
    clean = redact_text(text)
    leaked = [s for s in secrets if s in clean]
    assert not leaked, f"{what}: {clean!r}"
    assert all(k in clean for k in kept), f"{what}: {clean!r}"


@pytest.mark.parametrize("text", KEPT)
def test_what_is_not_personal_survives_the_net(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    "key",
    [
        "full_name",
        "fullName",
        "holder_name",
        "applicantName",
        "mother_name",
        "home_address",
        "contact_phone",
        "phone_number",
        "mobile_no",
        "birthDate",
        "date_of_birth",
        "id_card_no",
        "idNumber",
        "passport_no",
        "permit_number",
        "email_address",
    ],
)
def test_personal_keys_are_recognised_however_they_are_spelt(key: str) -> None:
    assert redact_value({key: "x"}) == {key: logs.REDACTED}


@pytest.mark.parametrize("key", ["service_code", "queue", "reader", "filename", "count", "reason"])
def test_other_keys_keep_their_values(key: str) -> None:
    assert redact_value({key: "x"}) == {key: "x"}


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    # The root logger is put back after the test by tests/conftest.py.
    setup_logging(tmp_path, env={})
    return tmp_path / logs.LOG_FILE


def _lines(path: Path) -> list[dict[str, object]]:
    for h in logging.getLogger().handlers:
        h.flush()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_pydantic_error_with_personal_input_is_clean_in_the_log_file(log_file: Path) -> None:
    class Applicant(BaseModel):
        name: str = Field(max_length=3)

    typed = "".join(["欧阳", "娜娜娜"])  # not a literal: tracebacks quote source lines
    try:
        Applicant(name=typed)
    except ValidationError:
        logging.getLogger("kiosk.test").exception("submission refused")
    text = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
    text += json.dumps(_lines(log_file), ensure_ascii=False)
    assert "欧阳娜娜娜" not in text and "string_too_long" in text


def test_structured_events_drop_personal_fields_by_construction(log_file: Path) -> None:
    holder = person()
    log_event(
        logging.getLogger("kiosk.test"),
        "ticket.taken",
        queue="A",
        number=7,
        full_name=holder.name,  # dropped: a personal key
        identity=holder,  # dropped: not a plain value
        note=f"for {holder.id_number}",  # a free string: masked by the net
        ok=True,
    )
    (entry,) = _lines(log_file)
    assert entry["msg"] == "ticket.taken"
    assert entry["event"] == "ticket.taken"
    assert (entry["queue"], entry["number"], entry["ok"]) == ("A", 7, True)
    assert "full_name" not in entry and "identity" not in entry
    dropped = entry["dropped"]
    assert isinstance(dropped, list) and sorted(dropped) == ["full_name", "identity"]
    raw = log_file.read_text(encoding="utf-8")
    for secret in (holder.name, holder.id_number, holder.address):
        assert secret not in raw
