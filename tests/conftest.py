"""Shared fixtures. Qt always runs offscreen with the software renderer in tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QT_ACCESSIBILITY", "0")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder for one test."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No KIOSK_* variables from the developer's shell leak into a test."""
    for key in list(os.environ):
        if key.startswith("KIOSK_"):
            monkeypatch.delenv(key)
