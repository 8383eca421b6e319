"""``kioskctl sync``: see and push the outbox (status, run, retry-dead)."""

from __future__ import annotations

import argparse

from kiosk.cli.common import ConfigError, fail, print_json, settings_from_args
from kiosk.store import Store, StoreError
from kiosk.sync.factory import SyncNotConfigured, make_runner
from kiosk.sync.outbox import recover, retry_dead
from kiosk.sync.status import sync_status


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``sync`` command group."""
    parser = sub.add_parser("sync", help="outbox to the central service: status, run, retry")
    actions = parser.add_subparsers(dest="sync_action", metavar="ACTION")
    status = actions.add_parser("status", help="items waiting, sent and rejected")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(func=run_status)
    run = actions.add_parser("run", help="send due items now (one batch, or until empty)")
    run.add_argument("--until-empty", action="store_true", help="keep sending until none is due")
    run.set_defaults(func=run_sync)
    retry = actions.add_parser("retry-dead", help="give rejected items another try")
    retry.set_defaults(func=run_retry_dead)
    parser.set_defaults(func=lambda _args: (parser.print_help(), 2)[1])


def _open_store(args: argparse.Namespace) -> tuple[Store | None, int]:
    try:
        settings = settings_from_args(args)
        return Store(settings.db_path), 0
    except ConfigError as exc:
        return None, fail(f"{exc} (fix it in the settings file)")
    except StoreError as exc:
        return None, fail(str(exc))


def run_status(args: argparse.Namespace) -> int:
    """Print the outbox counts; exit 1 when items are dead (staff must look)."""
    store, code = _open_store(args)
    if store is None:
        return code
    try:
        st = sync_status(store)
    finally:
        store.close()
    if args.json:
        print_json(st.as_dict())
    else:
        age = f"{st.oldest_pending_age_s:.0f} s" if st.oldest_pending_age_s is not None else "-"
        last = st.last_success.isoformat(timespec="seconds") if st.last_success else "never"
        print(f"pending {st.pending}, sending {st.sending}, sent {st.sent}, dead {st.dead}")
        print(f"oldest waiting item: {age}; last successful contact: {last}")
        if st.dead:
            print("-> rejected items: check the log, then `kioskctl sync retry-dead`")
    return 1 if st.dead else 0


def run_sync(args: argparse.Namespace) -> int:
    """Send due items now with this terminal's settings and secret."""
    try:
        settings = settings_from_args(args)
        store = Store(settings.db_path)
    except (ConfigError, StoreError) as exc:
        return fail(str(exc))
    try:
        runner = make_runner(settings, store, settings.central_url)
    except SyncNotConfigured as exc:
        store.close()
        return fail(str(exc))
    try:
        recover(store)
        result = runner.drain() if args.until_empty else runner.send_due()
    finally:
        runner.client.close()
        store.close()
    print(f"sent {result.sent}, to retry {result.retried}, rejected {result.dead}")
    if result.network_error:
        return fail("central service unreachable; items stay queued")
    return 1 if result.dead else 0


def run_retry_dead(args: argparse.Namespace) -> int:
    """Move every dead item back to pending."""
    store, code = _open_store(args)
    if store is None:
        return code
    try:
        n = retry_dead(store)
    finally:
        store.close()
    print(f"{n} rejected item(s) queued again")
    return 0
