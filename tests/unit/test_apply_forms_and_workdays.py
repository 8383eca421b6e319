"""Form validation and prefill, and promised dates on the Chinese working-day calendar."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.contract.calendar import WorkCalendar
from kiosk.domain.id_numbers import id_number_problem
from kiosk.forms import is_valid_phone, prefill, validate
from kiosk.services.common import ServiceError
from kiosk.services.consult import check_phone
from tests.unit.apply_helpers import id_number, identity, service


def reasons(code: str, values: dict[str, str]) -> dict[str, str]:
    form = service(code).guide.form
    assert form is not None
    return {e.field_id: e.reason for e in validate(form, values)}


def test_missing_required_fields_are_reported_each_with_required() -> None:
    found = reasons("SB-006", {})
    assert found["phone"] == "required" and found["bank_account"] == "required"


def test_bad_values_get_their_own_reason_codes() -> None:
    values = {
        "applicant_name": "王小明",
        "applicant_id_number": "110105198003150010",  # wrong check character
        "phone": "12345",
        "last_employer": "示范公司",
        "separation_date": "2025-13-01",
        "contribution_months": "6",
        "bank_account": "62-22",
    }
    assert reasons("SB-006", values) == {
        "applicant_id_number": "id_number_check",
        "phone": "invalid_phone",
        "separation_date": "invalid_date",
        "contribution_months": "out_of_range",
        "bank_account": "invalid_format",
    }


def test_amounts_choices_and_yes_no_are_checked() -> None:
    found = reasons(
        "ZF-001",
        {"household_size": "3", "monthly_income": "12.345", "owns_home": "maybe"},
    )
    assert found["monthly_income"] == "invalid_amount"
    assert found["owns_home"] == "invalid_choice"
    assert reasons("SB-002", {"reason": "stolen"})["reason"] == "invalid_choice"


def test_a_complete_form_has_no_errors_and_a_landline_is_a_phone() -> None:
    person = identity()
    values = {
        "applicant_name": person.name,
        "applicant_id_number": person.id_number,
        "phone": "0999-86110110",
        "reason": "lost",
    }
    assert reasons("SB-002", values) == {}


def test_prefill_takes_name_number_birth_date_and_address_from_the_card() -> None:
    person = identity()
    form = service("CJ-001").guide.form
    assert form is not None
    filled = prefill(form, person)
    assert filled["applicant_name"] == person.name
    assert filled["applicant_id_number"] == person.id_number
    assert filled["birth_date"] == "1980-03-15"
    assert filled["address"] == person.address


def test_id_number_helper_makes_valid_numbers() -> None:
    form = service("ED-001").guide.form
    assert form is not None
    errors = validate(form, {"child_id_number": id_number("11010520180101002")})
    assert "child_id_number" not in {e.field_id for e in errors}


def test_working_days_skip_the_2026_spring_festival_and_count_the_tiaoxiu_saturday() -> None:
    cal = WorkCalendar.with_documents([])

    def add(start: date, days: int) -> date:
        due = cal.add(start, days)
        assert not due.estimated  # 2026 has the official arrangement
        return due.day

    # Friday 13 Feb 2026: Sat 14 Feb is a 调休 working day, 15-23 Feb are the holiday.
    assert add(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert add(date(2026, 2, 13), 2) == date(2026, 2, 24)
    # Fri 27 Feb → Sat 28 Feb is again a 调休 working day.
    assert add(date(2026, 2, 27), 1) == date(2026, 2, 28)
    # An ordinary weekend is skipped: Fri 6 Mar + 1 → Mon 9 Mar.
    assert add(date(2026, 3, 6), 1) == date(2026, 3, 9)


def test_zero_working_days_is_the_same_day() -> None:
    due = WorkCalendar.with_documents([]).add(date(2026, 2, 16), 0)
    assert due.day == date(2026, 2, 16)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("11010519491231002", "id_number_length"),  # one digit left out
        ("1101051949123100２X", "id_number_characters"),  # a full-width digit
        ("11010519491331002X", "id_number_birth"),  # month 13
        ("110105194912310021", "id_number_check"),  # last character mistyped
        (" 11010519491231002x ", None),
    ],
)
def test_an_id_number_is_told_what_is_wrong_with_it(typed: str, reason: str | None) -> None:
    assert id_number_problem(typed) == reason


@pytest.mark.parametrize(
    ("typed", "valid"),
    [
        ("139 1234 5678", True),
        ("139-1234-5678", True),
        ("+86 13912345678", True),
        ("020-12345678", True),
        ("0755 8765 4321", True),
        ("１３９１２３４５６７８", False),  # full-width digits are not a phone number
        ("12345", False),
        ("call me", False),
    ],
)
def test_one_phone_rule_everywhere(typed: str, valid: bool) -> None:
    assert is_valid_phone(typed) is valid
    if valid:
        assert check_phone(typed) == typed.strip()
    else:
        with pytest.raises(ServiceError) as caught:
            check_phone(typed)
        assert caught.value.reason == "invalid_phone"
