"""Helpers shared by ``kioskctl`` commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kiosk.config import ConfigError, Settings, load_settings


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Settings from ``--config`` (or the usual places); raises :class:`ConfigError`."""
    path = Path(args.config) if getattr(args, "config", None) else None
    return load_settings(path)


def print_json(value: Any) -> None:
    """One JSON document on stdout, UTF-8, not ASCII-escaped (names stay readable)."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def fail(message: str, code: int = 1) -> int:
    """Print an error sentence for staff on stderr and return ``code``."""
    print(f"kioskctl: {message}", file=sys.stderr)
    return code


__all__ = ["ConfigError", "fail", "print_json", "settings_from_args"]
