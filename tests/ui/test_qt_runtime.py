"""Facts about the Qt binding the terminal relies on, checked on the installed version."""

import gc
import sys

import pytest

pytestmark = pytest.mark.gui

CALLS = 1000


def test_processing_events_does_not_leak_references_to_none(qapp):
    # PySide6 6.12.0 drops one None reference per processEvents()/qWait() call; on Python
    # 3.11 a kiosk then aborts after hours of uptime ("deallocating None").
    from PySide6.QtTest import QTest

    for _ in range(20):  # let earlier tests' deferred work settle first
        QTest.qWait(1)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        qapp.processEvents()
        QTest.qWait(0)
    gc.collect()
    lost = before - sys.getrefcount(None)
    assert lost < CALLS // 10, f"{lost} references to None lost in {2 * CALLS} calls"
