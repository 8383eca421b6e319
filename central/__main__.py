"""``kiosk-central``: run the reference central service, or register a terminal.

kiosk-central [--host H] [--port P] [--db URL] [--staff-token-file F] [--max-body-mib N]
              [--public-docs] [--seal-key-file F] [--id-hash-key-file F]
              [--db-pool-size N] [--db-statement-timeout-ms MS] [--workers N]
              [--ssl-certfile F --ssl-keyfile F | --allow-plain-http]
kiosk-central add-terminal ID [--hall H0001] [--db URL] [--seal-key-file F]
kiosk-central add-staff NAME --role window|manager|admin [--hall H0001] [--db URL]
              [--password-file F]   (else the password is asked twice on the terminal)
kiosk-central migrate [--db URL]   (upgrade the database's schema to this version's)

Central serves plain HTTP only on a loopback address (127.0.0.1, ::1, localhost: a TLS front
on the same host proxies to it); on any other address it needs its own certificate
(--ssl-certfile, --ssl-keyfile) or --allow-plain-http (a TLS front on another host).

Central refuses to start on a database whose schema is behind this version; a new, empty
database is given the schema on first start.

``--workers N`` serves with N processes on the one port (uvicorn's workers), for a city's or
a province's halls on PostgreSQL; the default, 1, is a single process. The schema check, the
key files and the other once-per-deployment work are done by the parent before the workers
start (``central.workers``); each worker has its own ``--db-pool-size`` connections.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import sys
from pathlib import Path

DEFAULT_DB = "sqlite:///central.db"


def _seal_key_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--seal-key-file",
        type=Path,
        help="key that seals terminal secrets in the database (created 0600 if missing); "
        "default: next to a SQLite database file, required for any other database",
    )


def _transport_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ssl-certfile", type=Path, help="serve HTTPS with this certificate (PEM, chain first)"
    )
    parser.add_argument("--ssl-keyfile", type=Path, help="the private key of --ssl-certfile (PEM)")
    parser.add_argument(
        "--allow-plain-http",
        action="store_true",
        help="serve plain HTTP on a non-loopback --host: only behind a TLS front (reverse "
        "proxy) on another host, on a network no one else can reach",
    )


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name or "" (every address): not known to stay on this host
        return False


def _check_transport(args: argparse.Namespace) -> str | None:
    """Why central must not serve with these options (one sentence), or None.

    Terminals send personal data: plain HTTP is for loopback (a TLS front on this host), or
    for a non-loopback address only when the operator says a TLS front elsewhere ends TLS.
    """
    if args.ssl_keyfile is not None and args.ssl_certfile is None:
        return "--ssl-keyfile needs --ssl-certfile"
    for option, path in (
        ("--ssl-certfile", args.ssl_certfile),
        ("--ssl-keyfile", args.ssl_keyfile),
    ):
        if path is not None and not path.is_file():
            return f"{option} {path}: no such file"
    if args.ssl_certfile is not None or args.allow_plain_http or _is_loopback(args.host):
        return None
    return (
        f"refusing plain HTTP on {args.host or 'every address'}: give --ssl-certfile and "
        "--ssl-keyfile, or --allow-plain-http when a TLS front on another host proxies to "
        "central"
    )


def _serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="kiosk-central", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8700)
    parser.add_argument("--db", default=DEFAULT_DB, help="SQLAlchemy database URL")
    parser.add_argument(
        "--staff-token-file",
        help="file holding the staff API token (or $KIOSK_CENTRAL_STAFF_TOKEN); none: API off",
    )
    parser.add_argument(
        "--id-hash-key-file",
        default="id_hash.key",
        help="the deployment's key for hashing ID numbers (made on first start, mode 0600); "
        "terminals fetch it over the signed API",
    )
    parser.add_argument("--idempotency-days", type=int, default=30)
    parser.add_argument(
        "--max-body-mib",
        type=int,
        default=16,
        help="largest request body accepted, in MiB (larger: 413 before reading it)",
    )
    parser.add_argument(
        "--public-docs",
        action="store_true",
        help="serve the OpenAPI document and its pages (/openapi.json, /docs, /redoc)",
    )
    _seal_key_argument(parser)
    parser.add_argument(
        "--db-pool-size",
        type=int,
        default=10,
        help="connections this process keeps to a server database (PostgreSQL; as many "
        "again under load), and requests it works on at once (any database); several "
        "processes: each has its own",
    )
    parser.add_argument(
        "--db-statement-timeout-ms",
        type=int,
        default=15_000,
        help="PostgreSQL cancels a statement of central running longer than this",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes serving the one port (default 1: this process alone); "
        "for PostgreSQL, SQLite has one writer at a time",
    )
    parser.add_argument("--log-level", default="info", choices=["debug", "info", "warning"])
    _transport_arguments(parser)
    args = parser.parse_args(argv)
    refusal = _check_transport(args)
    if refusal is not None:
        print(f"kiosk-central: {refusal}", file=sys.stderr)
        return 2
    if args.workers < 1:
        parser.error("--workers must be at least 1")

    from central.workers import ServeSettings, serve

    settings = ServeSettings(
        db_url=args.db,
        id_hash_key_file=str(Path(args.id_hash_key_file).resolve()),
        staff_token_file=str(Path(args.staff_token_file).resolve())
        if args.staff_token_file
        else None,
        seal_key_file=str(args.seal_key_file.resolve()) if args.seal_key_file else None,
        idempotency_days=args.idempotency_days,
        max_body_bytes=args.max_body_mib * 1024 * 1024,
        public_docs=args.public_docs,
        pool_size=args.db_pool_size,
        statement_timeout_ms=args.db_statement_timeout_ms,
    )
    serve(
        settings,
        args.host,
        args.port,
        args.workers,
        args.log_level,
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
    )
    return 0


def _migrate(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="kiosk-central migrate",
        description="Upgrade central's database schema to this version's newest revision "
        "(Alembic); a database made before migrations is adopted first. Safe to run again.",
    )
    parser.add_argument("--db", default=DEFAULT_DB, help="SQLAlchemy database URL")
    args = parser.parse_args(argv)

    from central.db import PoolSettings, make_engine
    from central.schema import head_revision

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # One connection, and no statement timeout: a long migration of a large database must
    # not be cancelled half-way by the timeout meant for requests (0 = none on PostgreSQL).
    single = PoolSettings(size=1, overflow=0, statement_timeout_ms=0)
    engine = make_engine(args.db, single, migrate=True)
    engine.dispose()
    where = engine.url.render_as_string(hide_password=True)
    print(f"central's database {where} is at schema revision {head_revision()} (the newest)")
    return 0


def _add_terminal(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="kiosk-central add-terminal",
        description="Register a terminal and print its secret once (store it on the terminal).",
    )
    parser.add_argument("terminal_id")
    parser.add_argument("--hall", default="H0001")
    parser.add_argument("--db", default=DEFAULT_DB)
    _seal_key_argument(parser)
    args = parser.parse_args(argv)

    from central.auth import add_terminal
    from central.db import Database

    db = Database(args.db, args.seal_key_file)
    try:
        secret = add_terminal(db, args.terminal_id, args.hall)
    finally:
        db.close()
    print(secret)
    print(
        f"terminal {args.terminal_id} registered; put the line above in the terminal's "
        "terminal_secret_file (mode 0600). It is not shown again.",
        file=sys.stderr,
    )
    return 0


def _add_staff(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="kiosk-central add-staff",
        description="Create a staff account of the web console (/console).",
    )
    parser.add_argument("username")
    parser.add_argument("--role", required=True, choices=["window", "manager", "admin"])
    parser.add_argument("--hall", default="H0001")
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument(
        "--password-file", type=Path, help="read the password from this file (first line)"
    )
    _seal_key_argument(parser)
    args = parser.parse_args(argv)

    import getpass

    from central.accounts import AccountError, add_staff
    from central.db import Database

    if args.password_file:
        password = args.password_file.read_text(encoding="utf-8").splitlines()[0]
    else:
        password = getpass.getpass("password: ")
        if getpass.getpass("again: ") != password:
            print("the two passwords differ", file=sys.stderr)
            return 2
    db = Database(args.db, args.seal_key_file)
    try:
        add_staff(db, args.username, args.role, args.hall, password)
    except AccountError as exc:
        print(f"not created: {exc.reason}", file=sys.stderr)
        return 2
    finally:
        db.close()
    print(f"staff account {args.username} ({args.role}, hall {args.hall}) created")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Dispatch ``add-terminal``, ``add-staff``, ``migrate`` or serve.

    A database whose schema this version cannot use ends the command with the reason and
    what to do (exit status 3), not a traceback.
    """
    from central.schema import SchemaError

    argv = sys.argv[1:] if argv is None else argv
    commands = {"add-terminal": _add_terminal, "add-staff": _add_staff, "migrate": _migrate}
    try:
        if argv and argv[0] in commands:
            return commands[argv[0]](argv[1:])
        return _serve(argv)
    except SchemaError as exc:
        print(f"kiosk-central: {exc}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
