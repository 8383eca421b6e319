"""``kiosk-central``: run the reference central service."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and serve until stopped."""
    parser = argparse.ArgumentParser(prog="kiosk-central", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8700)
    parser.add_argument("--db", default="sqlite:///central.db", help="SQLAlchemy database URL")
    args = parser.parse_args(argv)

    import uvicorn

    from central.app import create_app

    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="info")
    return 0


if __name__ == "__main__":
    sys.exit(main())
