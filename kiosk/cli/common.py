"""Helpers shared by ``kioskctl`` commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from drivers.registry import DriverUnavailable
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


def driver_hint(exc: BaseException, cable_hint: str) -> str:
    """What staff should do about a device failure: the plug-in package for a driver that
    does not load or build, the device itself (``cable_hint``) otherwise."""
    reason = getattr(exc, "reason", "")
    package = getattr(exc, "package", "") if isinstance(exc, DriverUnavailable) else ""
    if reason == "driver_missing":
        return "install the driver plug-in for this scheme, or fix the URI in the settings"
    if reason == "driver_import_failed":
        if package:
            return (
                f"the plug-in package {package} does not load: reinstall it and its vendor "
                f"libraries (pip install --force-reinstall {package}); see kioskctl version"
            )
        return "the driver does not load: reinstall the terminal software"
    if reason in ("driver_factory_failed", "driver_nonconforming"):
        who = f"the plug-in package {package}" if package else "the driver"
        return f"{who} is faulty: run kioskctl vendor-check and call its vendor"
    if reason == "timeout":
        return "the device's driver does not answer: " + cable_hint
    return cable_hint


__all__ = ["ConfigError", "driver_hint", "fail", "print_json", "settings_from_args"]
