"""Run a few lines in a new interpreter, for tests of what importing a module drags in."""

from __future__ import annotations

import subprocess
import sys


def printed_by_fresh_python(code: str) -> str:
    """What ``code`` prints, run by ``python -c`` in a process of its own (stripped)."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()
