"""The root logger put back as it was after a test that configures logging."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


def _pytests(handler: logging.Handler) -> bool:
    # Pytest's capture handlers: new ones for each phase of a test, added and removed by it.
    return type(handler).__module__ == "_pytest.logging"


@contextmanager
def root_logger_restored() -> Iterator[None]:
    """On the way out: handlers added to the root logger inside are removed and closed, the
    ones taken away put back (pytest's excepted, it keeps its own), and the level restored."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    try:
        yield
    finally:
        for handler in list(root.handlers):
            if handler not in before and not _pytests(handler):
                root.removeHandler(handler)
                handler.close()
        for handler in before:
            if handler not in root.handlers and not _pytests(handler):
                root.addHandler(handler)
        root.setLevel(level)
