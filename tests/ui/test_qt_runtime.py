"""Facts about the Qt binding the terminal relies on, checked on the installed version."""

import sys

import pytest

pytestmark = pytest.mark.gui


def test_processing_events_does_not_leak_references_to_none(qapp):
    # PySide6 6.12.0 drops a None reference per call: a kiosk aborts after hours of uptime.
    from PySide6.QtTest import QTest

    before = sys.getrefcount(None)
    for _ in range(200):
        qapp.processEvents()
        QTest.qWait(0)
    assert sys.getrefcount(None) - before >= -5
