"""``kioskctl read-card`` and ``devices`` as a vendor runs them, against the pty emulator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.cards.sim.card_files import default_cards_dir, load_card
from drivers.cards.sim.sam_emulator import SamEmulator

pytestmark = pytest.mark.slow  # each kioskctl start costs about 2 s
KIOSKCTL = str(Path(sys.executable).parent / "kioskctl")


def kioskctl(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if data_dir is not None:
        env["KIOSK_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [KIOSKCTL, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


@pytest.fixture
def emulator() -> Iterator[SamEmulator]:
    emu = SamEmulator().start()
    yield emu
    emu.stop()


def test_read_card_prints_masked_json_and_exits_0(emulator: SamEmulator) -> None:
    emulator.card = load_card(default_cards_dir() / "resident_uyghur.json")
    done = kioskctl("read-card", "--reader", f"sam:{emulator.path}", "--json", "--timeout", "5")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["card_type"] == "resident"
    assert data["name"] == "阿**丽"
    assert data["id_number"] == "4403**********0028"
    assert (data["sex"], data["nation"], data["birth_date"]) == ("female", "维吾尔", "1995-**-**")
    assert data["photo_wlt"] is None and data["pass_number"] is None
    assert "440306199507080028" not in done.stdout


def test_full_shows_everything_and_flags_an_expired_card(
    emulator: SamEmulator, tmp_path: Path
) -> None:
    emulator.card = load_card(default_cards_dir() / "resident_expired.json")
    done = kioskctl(
        "read-card", "--reader", f"sam:{emulator.path}", "--json", "--full", data_dir=tmp_path
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["name"], data["id_number"]) == ("李强", "310104198808081238")
    assert data["expired"] is True
    assert len(data["photo_wlt"]) > 1000
    audit = json.loads(kioskctl("audit", "--json", data_dir=tmp_path).stdout)
    full = [e for e in audit if e["action"] == "card.read_full"]
    assert len(full) == 1 and full[0]["actor"].startswith("cli:")
    assert "310104198808081238" not in json.dumps(audit, ensure_ascii=False)


def test_full_is_refused_when_it_cannot_be_audited(emulator: SamEmulator, tmp_path: Path) -> None:
    emulator.card = load_card(default_cards_dir() / "resident_expired.json")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    done = kioskctl(
        "read-card", "--reader", f"sam:{emulator.path}", "--json", "--full", data_dir=blocked
    )
    assert done.returncode == 1
    assert "audit log" in done.stderr
    assert "李强" not in done.stdout and "310104198808081238" not in done.stdout


def test_a_long_term_card_says_long_term(emulator: SamEmulator) -> None:
    emulator.card = load_card(default_cards_dir() / "resident_long_term.json")
    data = json.loads(kioskctl("read-card", "--reader", f"sam:{emulator.path}", "--json").stdout)
    assert data["valid_to"] == "long_term" and data["nation"] == "德昂"


def test_the_foreign_card_gives_its_card_number_and_nationality(
    emulator: SamEmulator, tmp_path: Path
) -> None:
    emulator.card = load_card(default_cards_dir() / "foreign_old.json")
    done = kioskctl(
        "read-card", "--reader", f"sam:{emulator.path}", "--json", "--full", data_dir=tmp_path
    )
    data = json.loads(done.stdout)
    assert (data["card_type"], data["id_number"]) == ("foreign_permanent", "USA118506010012")
    assert (data["nationality"], data["name_en"]) == ("USA", "SMITH, JOHN ALEXANDER")


def test_no_card_before_the_timeout_exits_2(emulator: SamEmulator) -> None:
    done = kioskctl("read-card", "--reader", f"sam:{emulator.path}", "--timeout", "0.5")
    assert done.returncode == 2
    assert "no card" in done.stderr


def test_a_missing_port_exits_1_with_its_reason(tmp_path: Path) -> None:
    done = kioskctl("read-card", "--reader", f"sam:{tmp_path}/ttyUSB7", "--timeout", "1")
    assert done.returncode == 1
    assert "reader_absent" in done.stderr and "ttyUSB7" in done.stderr


def test_devices_lists_serial_ports_and_pcsc_state_as_json() -> None:
    done = kioskctl("devices", "--json")
    assert done.returncode in (0, 2)
    data = json.loads(done.stdout)
    assert set(data) == {"serial_ports", "pcsc_readers", "pcsc_error", "plugin_devices"}


def test_the_simulator_command_serves_a_card_until_stopped(tmp_path: Path) -> None:
    card = default_cards_dir() / "hmt_permit.json"
    proc = subprocess.Popen(
        [KIOSKCTL, "simulate", "sam-reader", "--card", str(card)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        path = proc.stdout.readline().strip()
        assert path.startswith("/dev/pts/")
        done = kioskctl("read-card", "--reader", f"sam:{path}", "--json")
        assert json.loads(done.stdout)["pass_number"] == "H*******8"
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0
