"""Secret key files, made the same way on the terminal and at central.

Both sides keep keys in small files: the terminal its outbox key and ID-hash keys, central
its seal key and the deployment's ID-hash key. A key file must be private from its first
byte (0600, in a 0700 folder when the folder is made here), and it must be whole or absent
after a crash or a power cut: a key that vanishes while data sealed with it survives loses
that data for good. So a new key is written to a temporary file, flushed to disk, linked
into place (which fails if another process got there first: both then use the same key)
and the folder is flushed too, since a file's name lives in its folder.

It sits in the contract package because that is the one package central may import from
the terminal (``tests/unit/test_layers.py``).
"""

from __future__ import annotations

import logging
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def fsync_folder(folder: Path) -> None:
    """Make the names in ``folder`` (new, renamed, removed files) durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_new(folder: Path, name: str, data: bytes) -> Path:
    """``data`` in a new private temporary file in ``folder``, flushed to disk."""
    tmp = folder / f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    return tmp


def read_or_create_key_file(path: Path, new_key: Callable[[], bytes]) -> bytes:
    """The bytes in ``path``; when there is no such file, ``new_key()`` is stored there first.

    An empty file (left by an older version that crashed between creating and writing it)
    counts as absent: nothing was ever sealed with an empty key. A file that others may read
    is used but reported.
    """
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        content = b""
    if content:
        if stat.S_IMODE(path.stat().st_mode) & (stat.S_IRWXG | stat.S_IRWXO):
            log.warning("key file %s is readable by others; run chmod 600 on it", path)
        return content
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=PRIVATE_FOLDER)
    path.unlink(missing_ok=True)  # an empty leftover
    tmp = _write_new(folder, path.name, new_key())
    try:
        os.link(tmp, path)
        log.info("created the key file %s", path)
    except FileExistsError:
        pass  # another process made it meanwhile: use that one
    finally:
        tmp.unlink(missing_ok=True)
    fsync_folder(folder)
    return path.read_bytes()


def replace_key_file(path: Path, data: bytes) -> None:
    """Store ``data`` in ``path`` (0600), replacing what is there, all at once and durably."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=PRIVATE_FOLDER)
    tmp = _write_new(folder, path.name, data)
    try:
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(folder)
