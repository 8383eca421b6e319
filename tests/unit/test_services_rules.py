"""Small rules of the visit services: queue file, display numbers, scanned receipts, input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.services.common import ServiceError
from kiosk.services.consult import check_phone
from kiosk.services.followups import check_text
from kiosk.services.progress import receipt_from_scan
from kiosk.services.queues import BUNDLED_QUEUES, QueueConfigError, load_queues
from kiosk.services.tickets import display_number


def test_the_bundled_queues_have_a_general_a_priority_and_an_appointment_queue() -> None:
    hall = load_queues("H0001", BUNDLED_QUEUES)
    assert hall.general.code == "A"
    assert hall.priority_queue is not None and hall.priority_queue.code == "V"
    assert hall.appointment_queue.code == "Y"
    assert hall.for_service("medical_insurance").code == "B"
    assert hall.for_service("unknown-service").code == "A"
    assert hall.for_service(None).code == "A"


def test_the_catalog_names_the_queues_the_bundled_halls_route() -> None:
    import json

    from kiosk.catalog import BUNDLED_CATALOG

    hall = load_queues("H0001", BUNDLED_QUEUES)
    doc = json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))
    keys = {s["guide"]["queue"] for s in doc["services"]}
    # Every line a queue lists is one the catalog uses (no dead names) ...
    for q in hall.queues:
        assert set(q.services) <= keys, q.code
    # ... and services are routed by it: social security to B, land registry to C.
    by_code = {s["code"]: s["guide"]["queue"] for s in doc["services"]}
    assert hall.for_service(by_code["SB-001"]).code == "B"
    assert hall.for_service(by_code["YL-001"]).code == "B"
    assert hall.for_service(by_code["ZF-004"]).code == "C"
    assert hall.for_service(by_code["HY-001"]).code == "A"
    assert hall.for_service(by_code["QY-001"]).code == "D"  # 企业开办 has its own window
    assert hall.for_service(by_code["JY-002"]).code == "B"
    assert (hall.early_min, hall.late_min, hall.priority_proof_age) == (30, 15, 70)


def test_a_hall_entry_overrides_the_default(tmp_path: Path) -> None:
    path = tmp_path / "queues.json"
    path.write_text(
        json.dumps(
            {
                "default": {"queues": [{"code": "A", "name": "综合"}]},
                "halls": {"H0002": {"queues": [{"code": "Q", "name": "专窗"}]}},
            }
        ),
        encoding="utf-8",
    )
    assert [q.code for q in load_queues("H0002", path).queues] == ["Q"]
    assert [q.code for q in load_queues("H0001", path).queues] == ["A"]


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps({"default": {"queues": []}}),
        json.dumps({"default": {"queues": [{"name": "no code"}]}}),
        json.dumps({"default": {"queues": [{"code": "A"}, {"code": "A"}]}}),
        json.dumps({"default": {"queues": [{"code": "综合"}]}}),
    ],
)
def test_a_broken_queue_file_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "queues.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(QueueConfigError):
        load_queues("H0001", path)


def test_display_numbers_wrap_per_day_and_offline_ones_carry_the_terminal() -> None:
    assert [display_number("B", n) for n in (1, 42, 999, 1000, 1998)] == [
        "B001",
        "B042",
        "B999",
        "B001",
        "B999",
    ]
    assert display_number("A", 3, "T07") == "T07-A003"


@pytest.mark.parametrize(
    ("scanned", "receipt"),
    [
        ("https://zwfw.example.gov.cn/progress?no=R20240506-T01-0007", "R20240506-T01-0007"),
        ("http://x.example/p?receipt_no=R1234", "R1234"),
        ("  R20240506-T01-0007\t", "R20240506-T01-0007"),
    ],
)
def test_a_scanned_receipt_code_gives_its_number(scanned: str, receipt: str) -> None:
    assert receipt_from_scan(scanned) == receipt


@pytest.mark.parametrize(
    "scanned", ["https://example.com/", "R1", "R2024 0506", "'; DROP TABLE case_status;--"]
)
def test_anything_else_scanned_is_not_a_receipt(scanned: str) -> None:
    with pytest.raises(ServiceError) as refused:
        receipt_from_scan(scanned)
    assert refused.value.reason == "not_a_receipt"


def test_phone_and_text_are_checked() -> None:
    assert check_phone(" 139 1234 5678 ") == "139 1234 5678"
    assert check_text("  问题  ") == "问题"
    for bad in ("", "abc", "12", "1" * 30):
        with pytest.raises(ServiceError):
            check_phone(bad)
    with pytest.raises(ServiceError) as long:
        check_text("字" * 4001)
    assert long.value.reason == "text_too_long"
