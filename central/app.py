"""The central service's FastAPI application."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import FastAPI

from kiosk.contract import API_PREFIX, Health


def create_app(db_url: str = "sqlite://") -> FastAPI:
    """Build the application; ``db_url`` is any SQLAlchemy URL (SQLite by default)."""
    app = FastAPI(title="Hall kiosk central service", version="0.1.0")
    app.state.db_url = db_url

    @app.get(f"{API_PREFIX}/health", response_model=Health)
    def health() -> Health:
        return Health(server_time=datetime.now(UTC).isoformat(timespec="seconds"))

    return app
