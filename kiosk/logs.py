"""Logging for the terminal: a rotating file in the data folder plus stderr (the journal)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def setup_logging(log_dir: Path | None, level: int = logging.INFO) -> None:
    """Configure the root logger once for the process (called by entry points only)."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    stream = logging.StreamHandler()
    stream.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(stream)
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            file_handler = logging.handlers.RotatingFileHandler(
                log_dir / "kiosk.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
            )
        except OSError as exc:
            root.warning("cannot write logs to %s: %s", log_dir, exc)
        else:
            file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
            root.addHandler(file_handler)
