"""What the apply screens get from the core: typed dates normalised, slots by day, masking."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from kiosk.contract import Slot
from kiosk.session import ApplySession
from tests.unit.apply_helpers import identity, service
from ui.viewmodels.apply_views import fields_for_qml, normalise, slots_for_qml

HALL = timezone(timedelta(hours=8))


def test_dates_typed_on_a_number_pad_become_iso_dates() -> None:
    assert normalise("date", "20240501") == "2024-05-01"
    assert normalise("date", "2024.5.1") == "2024-05-01"
    assert normalise("date", "2024年5月1日") == "2024-05-01"
    assert normalise("date", "2024-13") == "2024-13"  # left for the check to refuse
    assert normalise("id_number", " 11010519800315001x ") == "11010519800315001X"


def test_slots_are_grouped_by_day_in_the_halls_own_time() -> None:
    start = datetime(2026, 11, 30, 9, 0, tzinfo=HALL)
    slots = [
        Slot(start=start, end=start + timedelta(hours=1), capacity=4, booked=1),
        Slot(
            start=start + timedelta(days=1),
            end=start + timedelta(days=1, hours=1),
            capacity=4,
            booked=0,
        ),
    ]
    days = slots_for_qml(slots)
    assert [d["day"] for d in days] == ["2026-11-30", "2026-12-01"]
    assert days[0]["slots"][0]["time"] == "09:00-10:00" and days[0]["slots"][0]["available"] == 3


def test_card_values_reach_the_form_page_only_masked() -> None:
    s = ApplySession()
    s.choose(service("HJ-004"))
    s.confirm_conditions()
    card = identity()
    s.identify(card)
    shown = {f["id"]: f for f in fields_for_qml(s.fields())}
    locked = shown["applicant_id_number"]
    assert locked["locked"] and locked["value"] == ""
    assert card.id_number not in repr(shown) and locked["display"] == card.masked_id_number
