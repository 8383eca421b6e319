"""Property tests: contract models survive a JSON round trip; the backoff stays in bounds."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.contract import (
    Applicant,
    BatchItem,
    CaseState,
    CaseStatus,
    CatalogDelta,
    Complaint,
    DepartmentProgress,
    Evaluation,
    IntakeKind,
    Submission,
    TicketRecord,
)
from kiosk.sync.backoff import Backoff

text = st.text(min_size=1, max_size=30)
moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
applicants = st.builds(
    Applicant,
    name=text,
    id_number=st.one_of(st.none(), st.from_regex(r"\A[0-9]{17}[0-9X]\Z")),
    phone=st.one_of(st.none(), st.from_regex(r"\A1[0-9]{10}\Z")),
    address=st.one_of(st.none(), text),
)
submissions = st.builds(
    Submission,
    receipt_no=text,
    hall_id=st.from_regex(r"\AH[0-9]{4}\Z"),
    terminal_id=st.from_regex(r"\AT[0-9]{2}\Z"),
    service_code=text,
    accepted_at=moments,
    promised_date=st.one_of(st.none(), st.dates()),
    applicant=applicants,
    agent=st.one_of(st.none(), applicants),
    form=st.dictionaries(st.text(max_size=10), st.one_of(st.integers(), st.text(max_size=20))),
)
statuses = st.builds(
    CaseStatus,
    case_no=text,
    receipt_no=text,
    service_code=text,
    state=st.sampled_from(CaseState),
    promised_date=st.one_of(st.none(), st.dates()),
    departments=st.lists(
        st.builds(
            DepartmentProgress,
            department=text,
            state=st.sampled_from(CaseState),
            updated_at=moments,
        ),
        max_size=4,
    ),
    version=st.integers(min_value=1, max_value=10**9),
    updated_at=moments,
)
items = st.fixed_dictionaries(
    {"code": text, "version": st.integers(min_value=0, max_value=10**6)},
    optional={"title": text},
)


@given(st.one_of(submissions, statuses))
def test_contract_models_survive_a_json_round_trip(model: Submission | CaseStatus) -> None:
    assert type(model).model_validate_json(model.model_dump_json()) == model


@given(
    st.one_of(
        st.builds(
            TicketRecord,
            ticket_id=text,
            hall_id=text.map(lambda t: t[:16]),
            queue=text,
            day=st.dates(),
            taken_at=moments,
            number=st.one_of(st.none(), st.integers(1, 9999)),
        ),
        st.builds(
            Evaluation,
            visit_id=text,
            hall_id=st.just("H0001"),
            level=st.integers(1, 5),
            rated_at=moments,
        ),
        st.builds(
            Complaint,
            complaint_id=text,
            hall_id=st.just("H0001"),
            category=text,
            text=text,
            filed_at=moments,
        ),
    )
)
def test_outbox_kinds_survive_a_round_trip_inside_a_batch_item(model: object) -> None:
    body = model.model_dump(mode="json")  # type: ignore[attr-defined]
    item = BatchItem(key="k-12345678", kind=IntakeKind(body["kind"]), body=body)
    again = BatchItem.model_validate_json(item.model_dump_json())
    assert type(model).model_validate(again.body) == model


@given(st.lists(items, max_size=5), st.lists(text, max_size=5), st.integers(0, 10**6))
def test_catalog_deltas_keep_opaque_items_unchanged(
    changed: list[dict[str, object]], removed: list[str], since: int
) -> None:
    delta = CatalogDelta(since=since, version=since + 1, changed=changed, removed=removed)
    assert CatalogDelta.model_validate_json(delta.model_dump_json()) == delta


@given(
    base=st.floats(min_value=0.01, max_value=60),
    cap=st.floats(min_value=0.1, max_value=7200),
    attempt=st.integers(min_value=1, max_value=10_000),
    seed=st.integers(),
)
@settings(max_examples=300)
def test_backoff_delay_is_never_negative_nor_above_its_ceiling_nor_the_cap(
    base: float, cap: float, attempt: int, seed: int
) -> None:
    b = Backoff(base_s=base, cap_s=cap)
    delay = b.delay(attempt, random.Random(seed))
    assert 0.0 <= delay <= b.ceiling(attempt) <= cap


@given(
    base=st.floats(min_value=0.01, max_value=60),
    cap=st.floats(min_value=0.1, max_value=7200),
    attempt=st.integers(min_value=1, max_value=10_000),
)
def test_backoff_ceiling_never_shrinks_as_attempts_grow(
    base: float, cap: float, attempt: int
) -> None:
    b = Backoff(base_s=base, cap_s=cap)
    assert b.ceiling(attempt) <= b.ceiling(attempt + 1)


@given(attempt=st.integers(min_value=1, max_value=100), retry_after=st.floats(0, 3000))
def test_backoff_waits_at_least_what_the_server_asked_for(attempt: int, retry_after: float) -> None:
    delay = Backoff(base_s=1, cap_s=60).delay(attempt, random.Random(0), retry_after)
    assert delay >= retry_after


def test_backoff_ceiling_doubles_until_the_cap() -> None:
    b = Backoff(base_s=2, cap_s=30)
    assert [b.ceiling(n) for n in range(1, 7)] == [2, 4, 8, 16, 30, 30]
