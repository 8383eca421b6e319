"""我有建议 (群众点菜): a suggestion left at the terminal reaches central like a question, with
a tracking number, is answered there, and is counted on the figures page and its CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from central.testing import CentralProcess
from kiosk.services.common import ServiceError
from tests.central_ledger import at_rest, intake_bodies, query
from tests.integration.services_env import Terminal
from tests.integration.test_consult_and_complaints import consult_for
from tests.integration.test_fleet import console_login

PHONE = "13912345678"


def test_a_suggestion_reaches_central_sealed_is_answered_and_counted(
    central: CentralProcess, terminal: Terminal, tmp_path: Path
) -> None:
    consult = consult_for(terminal)
    filed = consult.suggest("proof", "居住证申领", "不要再让我开居住证明", PHONE)
    anonymous = consult.suggest("simplify", "", "新生儿落户希望一次办完")
    assert filed.tracking_no.startswith("ZX") and filed.print_job is not None
    assert terminal.runner is not None and terminal.runner.drain().sent == 2

    (body,) = intake_bodies(central, reference=filed.tracking_no)
    assert (body["category"], body["topic"]) == ("suggestion", "我有建议：取消不必要的证明")
    assert body["text"] == "涉及事项：居住证申领\n不要再让我开居住证明"
    assert body["phone"] == PHONE
    (other,) = intake_bodies(central, reference=anonymous.tracking_no)
    assert other.get("phone") is None
    # The phone and the text are sealed at rest: not in central's database file as written.
    raw = at_rest(central)
    assert PHONE.encode() not in raw and "居住证明".encode() not in raw
    assert query(central, "SELECT COUNT(*) FROM followup_record") == [(2,)]

    central.staff(
        "POST", f"/followups/{filed.tracking_no}", {"state": "answered", "answer": "已转住建部门"}
    )
    assert consult.answer(filed.tracking_no).answer == "已转住建部门"

    http = console_login(central, tmp_path)
    todo = http.get(f"{central.url}/console/followups", timeout=10).text
    card = todo.split(f'id="plan-{filed.tracking_no}"')[1].split("</form>")[0]
    assert "群众建议" in card  # on the staff's to-do list as a suggestion, with a deadline
    page = http.get(f"{central.url}/console/figures", timeout=10)
    assert page.ok and "当天收到建议 2 条" in page.text
    assert "我有建议：取消不必要的证明" in page.text
    export = http.get(f"{central.url}/console/figures.csv", timeout=10)
    rows = {
        (r["section"], r["key"]): r["value"]
        for r in csv.DictReader(io.StringIO(export.content.decode("utf-8-sig")))
    }
    assert rows[("suggestions", "")] == "2"
    assert rows[("suggestions", "我有建议：简化办事")] == "1"
    assert "居住证" not in export.text and PHONE not in export.text


def test_a_suggestion_needs_text_a_valid_phone_if_any_and_a_known_kind(
    terminal: Terminal,
) -> None:
    consult = consult_for(terminal)
    for args, reason in (
        (("simplify", "户口", "  "), "text_empty"),
        (("simplify", "户口", "建议", "call me"), "invalid_phone"),
        (("complain", "户口", "建议"), "invalid_kind"),
    ):
        with pytest.raises(ServiceError) as caught:
            consult.suggest(*args)
        assert caught.value.reason == reason
