"""Pinyin keys for search, computed once when a catalog is imported.

A citizen types ``shebaoka`` (full pinyin) or ``sbk`` (initials). Names are converted with
pypinyin's phrase dictionary (so 银行 reads ``yin hang``); ü is written ``v`` as on Chinese
keyboards. Letters and digits inside a name are kept, lower-cased, as syllables of their own.

pypinyin's dictionaries cost the process about 55 MB that Python never gives back, for work
done once per catalog. So the terminal computes keys in batches with :func:`pinyin_keys`, in a
short-lived child process: this file run as a script (``python -P kiosk/catalog/pinyin.py``),
so that the child does not import the ``kiosk.catalog`` package with SQLAlchemy and pydantic
(0.4 s of its 1.2 s for 10,000 services, #22). Tools that already hold pypinyin compute
in-process.
"""

from __future__ import annotations

import gc
import json
import logging
import re
import subprocess
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)
CHILD_TIMEOUT_S = 300.0


def _non_hanzi(chunk: str) -> list[str]:
    # pypinyin hands over runs it cannot read (latin, digits, punctuation): keep words only.
    words: list[str] = []
    current = ""
    for ch in chunk:
        if ch.isascii() and ch.isalnum():
            current += ch.lower()
        elif current:
            words.append(current)
            current = ""
    if current:
        words.append(current)
    return words


def syllables(text: str) -> list[str]:
    """The pinyin syllables of ``text`` without tones (``社保卡`` → ``['she', 'bao', 'ka']``)."""
    from pypinyin import Style, lazy_pinyin

    text = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    # pypinyin accepts a callback returning a list; its type stub says str.
    pinyin = lazy_pinyin(text, style=Style.NORMAL, errors=_non_hanzi, v_to_u=False)  # type: ignore[arg-type]
    for s in pinyin:
        s = s.strip().lower()
        if s and s.isascii() and s.isalnum():
            out.append(s)
    return out


def pinyin_key(text: str) -> str:
    """Syllables joined by single spaces, as stored (``'she bao ka'``)."""
    return " ".join(syllables(text))


def pinyin_keys(texts: Sequence[str]) -> list[str]:
    """:func:`pinyin_key` of each text, computed in a child process unless this process has
    pypinyin loaded already (the child's memory goes back to the system when it ends)."""
    if not texts or "pypinyin" in sys.modules:
        return [pinyin_key(t) for t in texts]
    try:
        done = subprocess.run(
            # -P: the script's folder is not put on sys.path (its calendar.py is no stdlib's).
            [sys.executable, "-P", str(Path(__file__).resolve())],
            input=json.dumps(list(texts), ensure_ascii=False),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=CHILD_TIMEOUT_S,
            check=True,
        )
        keys = json.loads(done.stdout)
        if isinstance(keys, list) and len(keys) == len(texts):
            return [str(k) for k in keys]
        log.warning("pinyin child answered %d keys for %d texts", len(keys), len(texts))
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        log.warning("pinyin child failed (%s); computing in-process", type(exc).__name__)
    return [pinyin_key(t) for t in texts]


def initials_of(key: str) -> str:
    """First letter of each syllable of a stored key (``'she bao ka'`` → ``'sbk'``)."""
    return "".join(s[0] for s in key.split())


_IGNORED = re.compile(r"[\s'’·]+")


def normalize_query(text: str) -> str:
    """What search compares: NFKC (full-width → half-width), lower case, no spaces or quotes."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text).lower())


def is_latin(query: str) -> bool:
    """True when a normalized query is letters/digits only, i.e. typed as pinyin."""
    return bool(query) and query.isascii() and query.isalnum()


def _main() -> int:
    """Child process: a JSON list of texts on stdin, their keys as a JSON list on stdout."""
    # A short-lived process that makes no garbage cycles: pypinyin's dictionaries load
    # faster without the cycle collector scanning them as they grow.
    gc.disable()
    texts = json.loads(sys.stdin.read())
    json.dump([pinyin_key(str(t)) for t in texts], sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(_main())
