"""A private home for Qt Virtual Keyboard's data.

Qt's pinyin engine keeps a user dictionary of the phrases chosen on it, in
``<config home>/qtvirtualkeyboard/pinyin/usr_dict.dat``. On a public terminal those phrases are
citizens' names and addresses, so the dictionary must neither sit in a home folder nor outlive
the process: the terminal gives Qt a config home of its own under the data folder (0700), empty
at every start and removed at exit. An empty dictionary file is laid there first; the engine
writes a fresh dictionary into it, and it no longer warns on a first start.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

KEYBOARD_DIR = "keyboard"


def private_keyboard_home(data_dir: Path) -> Path:
    """Make an empty config home for the keyboard under ``data_dir`` and point Qt at it.

    Must run before the first input method is created (before the QML scene loads).
    """
    home = Path(data_dir) / KEYBOARD_DIR
    shutil.rmtree(home, ignore_errors=True)
    pinyin = home / "qtvirtualkeyboard" / "pinyin"
    pinyin.mkdir(parents=True, mode=0o700)
    for folder in (home, home / "qtvirtualkeyboard", pinyin):
        folder.chmod(0o700)
    (pinyin / "usr_dict.dat").touch(mode=0o600)
    # QStandardPaths reads the variable at each call; nothing else of ours uses a config home.
    os.environ["XDG_CONFIG_HOME"] = str(home)
    return home


def remove_keyboard_home(data_dir: Path) -> None:
    """Delete what the keyboard learned (at exit)."""
    shutil.rmtree(Path(data_dir) / KEYBOARD_DIR, ignore_errors=True)
