"""Consultation and complaints: FAQ, questions and answers, complaints and anonymity."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from central.testing import CentralProcess
from kiosk.catalog import CatalogBrowser
from kiosk.services.common import ServiceError
from kiosk.services.consult import ConsultService
from tests.central_ledger import at_rest, intake_bodies
from tests.integration.services_env import Terminal, person

SECRET_PHONE = "13912345678"


def consult_for(term: Terminal, lookup: object = None) -> ConsultService:
    return ConsultService(
        term.store,
        lookup or (lambda code: (_ for _ in ()).throw(LookupError(code))),  # type: ignore[arg-type]
        hall_id="H0001",
        hall_name="市民服务中心",
        terminal_id="T01",
        central=term.central(),
        printing=term.printing,
    )


def test_the_guide_gives_faq_and_phone(browser: CatalogBrowser, tmp_path: Path) -> None:
    term = Terminal(tmp_path / "t")
    try:
        info = consult_for(term, browser.service).info("SY-001")
    finally:
        term.close()
    assert info.service_name == "生育登记"
    assert info.phone and len(info.faq) == 2
    assert all(f.question and f.answer for f in info.faq)


def test_a_question_gets_a_tracking_number_and_later_its_answer(
    central: CentralProcess, terminal: Terminal
) -> None:
    consult = consult_for(terminal)
    filed = consult.ask("生育登记", "异地户口能否办理？", SECRET_PHONE, service_code="SY-001")
    assert filed.tracking_no.startswith("ZX") and "T01" in filed.tracking_no
    assert consult.answer(filed.tracking_no).state == "submitted"  # not at central yet
    assert terminal.runner is not None and terminal.runner.drain().sent == 1
    central.staff(
        "POST", f"/followups/{filed.tracking_no}", {"state": "answered", "answer": "可以"}
    )
    answer = consult.answer(filed.tracking_no)
    assert (answer.state, answer.answer, answer.offline) == ("answered", "可以", False)
    central.stop()
    cached = consult.answer(filed.tracking_no)
    assert (cached.answer, cached.offline) == ("可以", True)


def test_a_question_needs_text_and_a_phone_for_the_answer(terminal: Terminal) -> None:
    consult = consult_for(terminal)
    with pytest.raises(ServiceError) as empty:
        consult.ask("t", "   ", SECRET_PHONE)
    assert empty.value.reason == "text_empty"
    with pytest.raises(ServiceError) as phone:
        consult.ask("t", "问题", "call me")
    assert phone.value.reason == "invalid_phone"


def test_a_complaint_is_tracked_and_moved_on_by_staff(
    central: CentralProcess, terminal: Terminal
) -> None:
    filed = terminal.complaints.file(
        "attitude",
        "3 号窗口态度差",
        anonymous=False,
        identity=person(),
        phone=SECRET_PHONE,
        against_window="3",
    )
    assert filed.tracking_no.startswith("TS")
    assert filed.print_job is not None
    assert terminal.runner is not None and terminal.runner.drain().sent == 1
    central.staff("POST", f"/followups/{filed.tracking_no}", {"state": "in_progress"})
    assert terminal.complaints.status(filed.tracking_no).state == "in_progress"
    (body,) = intake_bodies(central, reference=filed.tracking_no)
    assert body["against_window"] == "3"


def test_a_named_complaint_needs_a_card(terminal: Terminal) -> None:
    with pytest.raises(ServiceError) as refused:
        terminal.complaints.file("other", "text", anonymous=False)
    assert refused.value.reason == "card_required"
    with pytest.raises(ServiceError) as unknown:
        terminal.complaints.file("nonsense", "text", anonymous=True)
    assert unknown.value.reason == "unknown_category"


def scan_for(
    paths: list[Path], needles: list[bytes], central: CentralProcess | None = None
) -> dict[str, list[bytes]]:
    """Which needles each file (and ``central``'s database at rest) holds in clear."""
    sources = {path.name: path.read_bytes() for path in paths}
    if central is not None:
        sources["central"] = at_rest(central)
    found: dict[str, list[bytes]] = {}
    for name, data in sources.items():
        hits = [n for n in needles if n in data]
        if hits:
            found[name] = hits
    return found


def test_the_byte_scan_does_find_a_named_complainant_at_central(
    central: CentralProcess, terminal: Terminal
) -> None:
    holder = person()
    terminal.complaints.file("fees", "收费", anonymous=False, identity=holder)
    assert terminal.runner is not None and terminal.runner.drain().sent == 1
    central.stop()
    found = scan_for([], [holder.id_number.encode()], central)
    assert found == {}  # the ledger's bodies are sealed at rest
    # The method works: a named complaint does carry the ID number, in the opened body.
    assert holder.id_number.encode() in opened_ledger(central)


def opened_ledger(central: CentralProcess) -> bytes:
    """Central's intake bodies unsealed, as bytes to scan."""
    bodies = intake_bodies(central)
    return json.dumps(bodies, ensure_ascii=False).encode()


def test_an_anonymous_complaint_stores_nothing_personal_anywhere(
    central: CentralProcess, terminal: Terminal
) -> None:
    holder = person()
    filed = terminal.complaints.file(
        "fees",
        "收取了材料费",
        anonymous=True,
        identity=holder,  # a card was on the reader: it must be ignored
        phone=SECRET_PHONE,
    )
    assert terminal.runner is not None and terminal.runner.drain().sent == 1
    assert terminal.complaints.status(filed.tracking_no).state == "received"
    terminal.close()
    needles = [
        holder.name.encode(),
        holder.name.encode("gb18030"),
        holder.id_number.encode(),
        terminal.tickets.id_hasher(holder.id_number).encode(),
        hashlib.sha256(holder.id_number.encode()).hexdigest().encode(),
        SECRET_PHONE.encode(),
        holder.address.encode(),
    ]
    files = [p for p in terminal.folder.iterdir() if p.name.startswith("kiosk.db")]
    assert files
    assert scan_for(files, needles, central) == {}
    opened = opened_ledger(central)
    assert b"TS" in opened and [n for n in needles if n in opened] == []
