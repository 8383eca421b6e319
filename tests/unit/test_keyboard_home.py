"""The on-screen keyboard's learned phrases stay private and die with the process."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ui.keyboard import private_keyboard_home, remove_keyboard_home


def test_the_keyboard_gets_an_empty_private_home_under_the_data_folder(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nowhere")
    left = data_dir / "keyboard" / "qtvirtualkeyboard" / "pinyin"
    left.mkdir(parents=True)
    (left / "usr_dict.dat").write_bytes(b"phrases a citizen typed yesterday")

    home = private_keyboard_home(data_dir)

    assert os.environ["XDG_CONFIG_HOME"] == str(home)
    dictionary = home / "qtvirtualkeyboard" / "pinyin" / "usr_dict.dat"
    assert dictionary.read_bytes() == b""
    assert stat.S_IMODE(dictionary.stat().st_mode) == 0o600
    for folder in (home, dictionary.parent.parent, dictionary.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_what_the_keyboard_learned_is_removed_at_exit(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nowhere")
    home = private_keyboard_home(data_dir)
    remove_keyboard_home(data_dir)
    assert not home.exists()
