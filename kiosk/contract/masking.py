"""How a name or a number is shown when it must be recognisable but not usable.

One rule for the terminal's screens and slips and for central's public pages (the
certificate check ``/verify/{code}``), so a citizen sees the same masked form everywhere.
"""

from __future__ import annotations


def mask_name(name: str) -> str:
    """``张三丰`` → ``张*丰``, ``张三`` → ``张*``, ``阿依古丽`` → ``阿**丽``."""
    name = name.strip()
    if len(name) <= 1:
        return "*" * len(name)
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_number(number: str) -> str:
    """``110105198003150012`` → ``1101**********0012``; short numbers keep less."""
    number = number.strip()
    if len(number) <= 4:
        return "*" * len(number)
    keep = 4 if len(number) >= 12 else 1
    return number[:keep] + "*" * (len(number) - 2 * keep) + number[-keep:]
