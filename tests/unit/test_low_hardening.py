"""Issue #20, items 11-13: staff PIN under concurrency, the audit actor, masked read-card
output, and settings that must fail as ConfigError naming the key."""

from __future__ import annotations

import os
import pwd
import stat
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from drivers.cards.sim.card_files import default_cards_dir, load_card
from kiosk.cli.cards import identity_to_json
from kiosk.cli.staff import cli_actor
from kiosk.domain.identity import identity_from_card
from kiosk.staff import MAX_FAILURES, LockedOut, StaffAccess, StaffSession, WrongPin
from kiosk.store import Store

PIN = "480913"


@pytest.fixture
def access(data_dir: Path) -> StaffAccess:
    a = StaffAccess(Store(data_dir / "kiosk.db"), lambda: datetime(2026, 11, 28, 9, tzinfo=UTC))
    a.set_pin(PIN, "cli:vendor")
    return a


def _all_at_once(access: StaffAccess, pins: list[str]) -> list[object]:
    """Every PIN tried from its own thread, released together."""
    start = threading.Barrier(len(pins))
    results: list[object] = [None] * len(pins)

    def attempt(i: int) -> None:
        start.wait()
        results[i] = access.verify(pins[i])

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(len(pins))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def test_twenty_concurrent_wrong_guesses_are_counted_and_only_five_checked(
    access: StaffAccess,
) -> None:
    results = _all_at_once(access, ["000001"] * 20)
    wrong = [r for r in results if isinstance(r, WrongPin)]
    locked = [r for r in results if isinstance(r, LockedOut)]
    assert len(wrong) == MAX_FAILURES - 1 and len(locked) == 20 - (MAX_FAILURES - 1)
    checked = [e.action for e in access.entries() if e.action.startswith("staff.")]
    assert checked.count("staff.login_failed") == MAX_FAILURES - 1
    assert checked.count("staff.locked_out") == 1


def test_a_right_pin_racing_the_lockout_never_gets_in_after_it(access: StaffAccess) -> None:
    for _round in range(3):
        results = _all_at_once(access, ["000001"] * 12 + [PIN])
        entries = [e.action for e in access.entries()]
        if "staff.locked_out" in entries and isinstance(results[-1], StaffSession):
            # Only fine if the right PIN was checked before the lockout was set.
            last_lock = max(i for i, a in enumerate(entries) if a == "staff.locked_out")
            last_login = max(i for i, a in enumerate(entries) if a == "staff.login")
            assert last_login < last_lock
        # A fresh start for the next round.
        access.set_pin(PIN, "cli:vendor")


def test_the_database_holding_the_pin_hash_is_private(access: StaffAccess) -> None:
    mode = stat.S_IMODE(access.store.path.stat().st_mode)
    assert mode == 0o600


def test_the_audit_actor_is_the_real_user_not_logname(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pwd.getpwuid(os.getuid()).pw_name
    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(var, "someone-else")
    assert cli_actor() == f"cli:{real}"


def test_masked_read_card_output_hides_the_birth_date() -> None:
    identity = identity_from_card(
        load_card(default_cards_dir() / "resident_uyghur.json"), date(2025, 6, 1)
    )
    masked = identity_to_json(identity, date(2025, 6, 1), full=False)
    assert masked["birth_date"] == "1995-**-**"
    assert "1995-07-08" not in repr(masked)
    full = identity_to_json(identity, date(2025, 6, 1), full=True)
    assert full["birth_date"] == "1995-07-08"


# -- item 13: every bad setting is a ConfigError naming the key ------------------------------


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("idle_timeout_s = inf", "idle_timeout_s"),
        ("idle_timeout_s = -inf", "idle_timeout_s"),
        ("idle_timeout_s = nan", "idle_timeout_s"),
        ("idle_timeout_s = 1e400", "idle_timeout_s"),
        ("voice_volume = 12.7", "voice_volume"),
        ("retention_days = 7.0", "retention_days"),
        ('printer = "tcp://[::1"', "printer"),
        ('printer = "tcp://[::1]"', "printer"),
        ('printer = "tcp://::1:9100"', "printer"),
        ('printer = "tcp://printer host:9100"', "printer"),
        ('central_url = "http://[::1"', "central_url"),
        ('central_url = "https://"', "central_url"),
    ],
)
def test_bad_values_in_the_file_are_config_errors_naming_the_key(
    tmp_path: Path, toml: str, key: str, clean_env: None
) -> None:
    from kiosk.config import ConfigError, load_settings

    path = tmp_path / "kiosk.toml"
    path.write_text(f'data_dir = "{tmp_path / "d"}"\n{toml}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(path, env={})
    assert err.value.key == key and str(err.value)


@pytest.mark.parametrize(
    ("env_value", "key"),
    [
        ("1e400", "KIOSK_IDLE_TIMEOUT_S"),
        ("12.7", "KIOSK_VOICE_VOLUME"),
        ("inf", "KIOSK_VOICE_VOLUME"),
    ],
)
def test_bad_values_in_the_environment_are_config_errors(
    tmp_path: Path, env_value: str, key: str
) -> None:
    from kiosk.config import ConfigError, load_settings

    with pytest.raises(ConfigError) as err:
        load_settings(None, env={key: env_value, "KIOSK_DATA_DIR": str(tmp_path)})
    assert err.value.key == key.removeprefix("KIOSK_").lower()


def test_a_settings_file_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    from kiosk.config import ConfigError, load_settings

    path = tmp_path / "kiosk.toml"
    path.write_bytes('hall_name = "市民中心"\n'.encode("gb18030"))
    with pytest.raises(ConfigError) as err:
        load_settings(path, env={})
    assert err.value.key == "file" and "UTF-8" in str(err.value)


def test_a_folder_given_as_the_settings_file_is_a_config_error(tmp_path: Path) -> None:
    from kiosk.config import ConfigError, load_settings

    with pytest.raises(ConfigError) as err:
        load_settings(tmp_path, env={})
    assert err.value.key == "file" and str(tmp_path) in str(err.value)


def test_good_ipv6_and_host_printers_still_parse() -> None:
    from drivers.uri import parse_device_uri

    v6 = parse_device_uri("tcp://[::1]:9100")
    assert (v6.host, v6.port) == ("::1", 9100)
    host = parse_device_uri("tcp://printer-1.hall.local:9100")
    assert (host.host, host.port) == ("printer-1.hall.local", 9100)
