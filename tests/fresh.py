"""Run a few lines in a new interpreter, for tests of what importing a module drags in."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence


def printed_by_fresh_python(
    code: str, env: Mapping[str, str] | None = None, args: Sequence[str] = ()
) -> str:
    """What ``code`` prints, run by ``python -c`` in a process of its own (stripped), with
    ``env`` added to this process's environment and ``args`` as its ``sys.argv[1:]``."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, **env) if env else None,
    )
    return out.stdout.strip()
