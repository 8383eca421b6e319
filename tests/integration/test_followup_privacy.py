"""Nobody can read another person's answer by trying tracking numbers (issue #27).

A tracking number ends in four random characters, and unknown numbers are limited per
terminal at central (429 after ten an hour) and at the terminal itself when central cannot be
asked. Real central over HTTP on 127.0.0.1; the terminal's store on disk.
"""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from central.followups import MISSES_PER_HOUR
from central.testing import CentralProcess
from kiosk.services.common import ServiceError
from kiosk.services.consult import ConsultService
from kiosk.services.followups import LOCAL_MISSES_PER_HOUR, TAIL_ALPHABET
from tests.integration.services_env import Terminal

NUMBER = re.compile(rf"ZX\d{{8}}T01\d{{4}}[{TAIL_ALPHABET}]{{4}}")


def consult_for(term: Terminal, clock=None) -> ConsultService:
    extra = {"clock": clock} if clock else {}
    return ConsultService(
        term.store,
        lambda code: (_ for _ in ()).throw(LookupError(code)),  # type: ignore[arg-type]
        hall_id="H0001",
        hall_name="市民服务中心",
        terminal_id="T01",
        central=term.central(),
        printing=term.printing,
        **extra,
    )


def neighbour_of(number: str) -> str:
    """The same number with another random tail: what a guesser would try."""
    tail = number[-4:]
    other = "".join(TAIL_ALPHABET[(TAIL_ALPHABET.index(c) + 1) % 32] for c in tail)
    return number[:-4] + other


def test_numbers_carry_a_random_tail_and_a_neighbour_is_not_an_answer(
    central: CentralProcess, terminal: Terminal
) -> None:
    consult = consult_for(terminal)
    first = consult.ask("生育登记", "问题一", "13912345678").tracking_no
    second = consult.ask("生育登记", "问题二", "13912345678").tracking_no
    assert NUMBER.fullmatch(first) and NUMBER.fullmatch(second)
    assert first[:-4] != second[:-4] and int(second[-8:-4]) == int(first[-8:-4]) + 1
    assert terminal.runner is not None and terminal.runner.drain().sent == 2
    assert consult.answer(first).state == "received"
    with pytest.raises(ServiceError) as caught:
        consult.answer(neighbour_of(first))
    assert caught.value.reason == "not_found"


def test_a_number_typed_loosely_is_still_found(central: CentralProcess, terminal: Terminal) -> None:
    consult = consult_for(terminal)
    number = consult.ask("生育登记", "问题", "13912345678").tracking_no
    head, tail = number[:-4], number[-4:]
    typed = f" {head[:10].lower()} {head[10:]}-{tail.replace('0', 'O').replace('1', 'l').lower()} "
    assert consult.answer(typed).tracking_no == number


def test_central_refuses_a_terminal_that_keeps_guessing(
    two_terminals: tuple[Terminal, Terminal],
) -> None:
    guesser, other = two_terminals
    honest = consult_for(other)
    real = honest.ask("生育登记", "问题", "13912345678").tracking_no
    assert other.runner is not None and other.runner.drain().sent == 1
    # The guesser's own process would stop it earlier; a fresh service per try stands for a
    # guesser who restarts the terminal to get around that.
    for _ in range(MISSES_PER_HOUR):
        with pytest.raises(ServiceError) as caught:
            consult_for(guesser).answer(neighbour_of(real))
        assert caught.value.reason == "not_found"
    with pytest.raises(ServiceError) as caught:
        consult_for(guesser).answer(real)  # even the right number, this hour
    assert caught.value.reason == "too_many_lookups"
    assert honest.answer(real).state == "received"  # another terminal is not affected


def test_the_terminal_limits_guesses_when_central_cannot_be_asked(tmp_path: Path) -> None:
    now = [datetime(2026, 12, 2, 10, 0).astimezone()]
    term = Terminal(tmp_path / "t")  # no central at all
    try:
        consult = consult_for(term, clock=lambda: now[0])
        real = consult.ask("生育登记", "问题", "13912345678").tracking_no
        for _ in range(LOCAL_MISSES_PER_HOUR):
            with pytest.raises(ServiceError) as caught:
                consult.answer(neighbour_of(real))
            assert caught.value.reason == "not_found"
        with pytest.raises(ServiceError) as caught:
            consult.answer(real)
        assert caught.value.reason == "too_many_lookups"
        now[0] += timedelta(minutes=61)
        assert consult.answer(real).state == "submitted"
    finally:
        term.close()


def test_the_slip_gives_the_hotline_and_what_it_is_about_never_the_words(tmp_path: Path) -> None:
    term = Terminal(tmp_path / "t")
    question = "我的户口在外地，孩子能否在本市办理生育登记？"
    try:
        filed = consult_for(term).ask("生育登记", question, "139-1234-5678")
        deadline = time.monotonic() + 60
        while filed.tracking_no not in term.printed_text() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        term.close()
    printed = term.printed_text()
    assert filed.tracking_no in printed
    assert "便民热线：12345" in printed
    assert f"留言 {len(question)} 字；答复发送至尾号 5678 的电话" in printed
    assert question[:6] not in printed
    assert "139" not in printed.replace(filed.tracking_no, "") and "1234-" not in printed
