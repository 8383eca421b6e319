"""Pinyin keys for search, computed once when a catalog is imported.

A citizen types ``shebaoka`` (full pinyin) or ``sbk`` (initials). Names are converted with
pypinyin's phrase dictionary (so 银行 reads ``yin hang``); ü is written ``v`` as on Chinese
keyboards. Letters and digits inside a name are kept, lower-cased, as syllables of their own.
"""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin


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
