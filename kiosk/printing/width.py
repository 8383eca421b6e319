"""Display width and line wrapping for a printer's character grid.

A column is one ASCII character of font A (12 dots). A Chinese character takes two.
``unicodedata.east_asian_width`` gives W/F for the wide ones; on a Chinese printer every
other non-ASCII character (· — ℃ ①) is also printed from the double-width Chinese font,
so it counts two as well. Combining marks take none.
"""

from __future__ import annotations

import unicodedata

# Characters that must not start a line (Chinese line-breaking rules, 禁则).
NO_LINE_START = frozenset("，。、；：！？）】》」』”’%,.;:!?)]}·…—～")
# Characters that must not end a line.
NO_LINE_END = frozenset("（【《「『“‘([{")


def char_width(ch: str) -> int:
    """Columns ``ch`` takes on the printer: 0, 1 or 2."""
    if ch.isascii():
        return 1 if ch.isprintable() else 0
    if unicodedata.combining(ch):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 2  # printed from the double-byte Chinese font (see module docstring)


def display_width(text: str) -> int:
    """Columns ``text`` takes."""
    if text.isascii():
        return len(text)
    return sum(char_width(c) for c in text)


def _tokens(text: str) -> list[str]:
    """ASCII words (with their trailing space) stay whole; every other character is alone."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch.isascii() and not ch.isspace():
            word += ch
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(ch)
    if word:
        tokens.append(word)
    return tokens


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most ``columns`` columns; explicit newlines are kept.

    ASCII words are not split unless longer than a line; a closing punctuation mark is
    never left alone at the start of a line (the character before it moves down with it).
    """
    if columns < 2:
        raise ValueError(f"cannot wrap to {columns} columns")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, columns))
    return lines


def _wrap_paragraph(text: str, columns: int) -> list[str]:
    if display_width(text) <= columns:
        return [text]
    lines: list[list[str]] = [[]]
    used = 0
    for token in _tokens(text):
        width = display_width(token)
        if width > columns:  # a word longer than the line: split it hard
            for ch in token:
                if used + 1 > columns:
                    lines.append([])
                    used = 0
                lines[-1].append(ch)
                used += 1
            continue
        if used + width > columns:
            if token == " ":
                continue  # a space at the break is dropped, not carried over
            carry: list[str] = []
            current = lines[-1]
            if token[0] in NO_LINE_START and len(current) > 1:
                carry.append(current.pop())
                # "前）。": a closing mark carried down takes the character before it too.
                while carry[0][0] in NO_LINE_START and len(current) > 1:
                    carry.insert(0, current.pop())
            while len(current) > 1 and current[-1] and current[-1][-1] in NO_LINE_END:
                carry.insert(0, current.pop())
            carried = sum(display_width(t) for t in carry)
            if carried + width > columns:  # carrying would overflow: break plainly
                current.extend(carry)
                carry, carried = [], 0
            lines.append(carry)
            used = carried
        lines[-1].append(token)
        used += width
    return ["".join(tokens).rstrip() for tokens in lines]
