"""``kioskctl export-logs`` and ``kioskctl purge``: diagnostics out, personal data gone."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.common import ConfigError, fail, print_json, settings_from_args
from kiosk.cli.staff import cli_actor
from kiosk.diagnostics import bundle_members, write_bundle
from kiosk.retention import purge_personal_data
from kiosk.staff import StaffAccess
from kiosk.store import Store, StoreError


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``export-logs`` and ``purge``."""
    parser = sub.add_parser(
        "export-logs",
        help="write logs and diagnostics (personal data removed) to a .tar.gz or .zip",
        description="Exit 0 written, 1 when the file cannot be written or settings are broken.",
    )
    parser.add_argument("file", help="bundle to write, e.g. /media/usb/diag.tar.gz or diag.zip")
    parser.add_argument(
        "--no-devices", action="store_true", help="skip opening the card reader and printer"
    )
    parser.set_defaults(func=run_export)

    parser = sub.add_parser(
        "purge",
        help="delete personal data past the retention period now",
        description="Exit 0 done (also when nothing was due), 1 on a store or settings error.",
    )
    parser.add_argument(
        "--days", type=int, help="retention in days (default: the retention_days setting)"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run_purge)


def run_export(args: argparse.Namespace) -> int:
    """Write the diagnostics bundle."""
    try:
        settings = settings_from_args(args)
    except ConfigError as exc:
        return fail(f"{exc} (fix it in the settings file)")
    members = bundle_members(settings, include_devices=not args.no_devices)
    try:
        path = write_bundle(Path(args.file), members)
    except OSError as exc:
        return fail(f"cannot write {args.file}: {exc}")
    try:
        store = Store(settings.db_path)
        try:
            StaffAccess(store).audit(cli_actor(), "export_logs", Path(args.file).name)
        finally:
            store.close()
    except StoreError:
        pass  # the bundle is what matters; doctor.json in it says why the store failed
    print(f"Wrote {path} ({len(members)} files, personal data removed).")
    return 0


def run_purge(args: argparse.Namespace) -> int:
    """Delete personal data older than the retention period."""
    try:
        settings = settings_from_args(args)
        store = Store(settings.db_path)
    except ConfigError as exc:
        return fail(f"{exc} (fix it in the settings file)")
    except StoreError as exc:
        return fail(str(exc))
    days = settings.retention_days if args.days is None else args.days
    if not 0 <= days <= 365:
        store.close()
        return fail("--days must be between 0 and 365", 2)
    try:
        result = purge_personal_data(store, settings.data_dir, days)
        StaffAccess(store).audit(cli_actor(), "purge", {"days": days, **result.as_dict()})
    finally:
        store.close()
    if args.json:
        print_json({"retention_days": days, **result.as_dict()})
    else:
        print(
            f"Purged personal data older than {days} day(s): {result.outbox_items} outbox "
            f"item(s), {result.attachments} attachment(s), {result.print_jobs} print job(s), "
            f"{result.preview_files} preview file(s), "
            f"{result.migration_backups} migration backup(s)."
        )
    return 0
