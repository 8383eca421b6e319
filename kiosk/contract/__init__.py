"""The kiosk↔central wire format (pydantic models), shared with ``central/``.

Versioned: every path is under ``/api/v<API_VERSION>/``; fields are only ever added.
"""

from __future__ import annotations

from pydantic import BaseModel

API_VERSION = 1
API_PREFIX = f"/api/v{API_VERSION}"


class Health(BaseModel):
    """Answer of ``GET /api/v1/health``."""

    status: str = "ok"
    api_version: int = API_VERSION
    server_time: str
