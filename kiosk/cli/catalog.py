"""``kioskctl catalog``: import, export, lint, show and search the service catalog."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from kiosk.catalog import (
    BUNDLED_SYNONYMS,
    CatalogBrowser,
    CatalogImportError,
    CatalogNotFound,
    export_document,
    import_file,
)
from kiosk.catalog.codec import catalog_from_dict, item_to_dict
from kiosk.catalog.lint import lint_catalog
from kiosk.catalog.validation import validate_catalog
from kiosk.cli.common import ConfigError, fail, print_json, settings_from_args
from kiosk.domain.catalog import Referral, ServiceItem
from kiosk.store import Store, StoreError


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``catalog`` command group."""
    parser = sub.add_parser("catalog", help="import, export, show and search the service catalog")
    group = parser.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)

    p = group.add_parser("import", help="validate a catalog file and install it")
    p.add_argument("file", type=Path)
    p.add_argument("--force", action="store_true", help="reinstall the same version")
    p.set_defaults(func=run_import)

    p = group.add_parser("export", help="write the installed catalog as JSON")
    p.add_argument("file", type=Path, nargs="?", help="output file (default: stdout)")
    p.set_defaults(func=run_export)

    p = group.add_parser(
        "lint", help="list what to fix: every material without its legal basis (exit 1 if any)"
    )
    p.add_argument("file", type=Path, nargs="?", help="a catalog file (default: the installed one)")
    p.add_argument("--json", action="store_true", help="one JSON object per finding and line")
    p.set_defaults(func=run_lint)

    p = group.add_parser("show", help="show one service and its guide")
    p.add_argument("code")
    p.add_argument("--json", action="store_true", help="the item in the exchange format")
    p.set_defaults(func=run_show)

    p = group.add_parser("search", help="search as the terminal does")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run_search)


def _open_store(args: argparse.Namespace) -> Store:
    settings = settings_from_args(args)
    return Store(settings.db_path)


def run_import(args: argparse.Namespace) -> int:
    """Install a catalog file; on refusal print every problem and change nothing."""
    try:
        store = _open_store(args)
    except (ConfigError, StoreError) as exc:
        return fail(str(exc))
    try:
        result = import_file(store, args.file, force=args.force)
    except CatalogImportError as exc:
        for issue in exc.issues:
            print(f"  {issue}", file=sys.stderr)
        return fail(f"{exc} [{exc.reason}]")
    finally:
        store.close()
    before = result.previous_version if result.previous_version is not None else "none"
    print(
        f"Installed catalog version {result.version} (was {before}): "
        f"{result.services} services in {result.themes} themes."
    )
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the installed catalog in the exchange format."""
    try:
        store = _open_store(args)
    except (ConfigError, StoreError) as exc:
        return fail(str(exc))
    try:
        doc = export_document(store)
    finally:
        store.close()
    if doc is None:
        return fail("no catalog is installed", 2)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if args.file is None:
        sys.stdout.write(text)
    else:
        args.file.write_text(text, encoding="utf-8")
        print(f"Wrote catalog version {doc['version']} ({len(doc['services'])} services)")
    return 0


def _lint_document(args: argparse.Namespace) -> dict[str, object] | int:
    """The document to lint: the file given, or the installed catalog; an exit code if none."""
    if args.file is not None:
        try:
            doc = json.loads(args.file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            return fail(f"cannot read {args.file}: {exc}", 2)
        return doc if isinstance(doc, dict) else fail(f"{args.file} is not a catalog", 2)
    try:
        store = _open_store(args)
    except (ConfigError, StoreError) as exc:
        return fail(str(exc), 2)
    try:
        installed = export_document(store)
    finally:
        store.close()
    return installed if installed is not None else fail("no catalog is installed", 2)


def run_lint(args: argparse.Namespace) -> int:
    """Print one finding per line (service code, material, what is wrong); exit 1 if any, 2
    if the catalog cannot be read or is not valid at all."""
    doc = _lint_document(args)
    if isinstance(doc, int):
        return doc
    problems = validate_catalog(doc)
    if problems:
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return fail("the catalog is not valid; fix these first (kioskctl catalog import)", 2)
    findings = lint_catalog(catalog_from_dict(doc))
    for finding in findings:
        if args.json:
            print(json.dumps(finding.to_dict(), ensure_ascii=False))
        else:
            print(finding)
    if not args.json:
        print(f"{len(findings)} finding(s).", file=sys.stderr)
    return 1 if findings else 0


def _print_referral(r: Referral) -> None:
    print(f"{r.code}  {r.name}  [not handled here / 不在本大厅办理]  {r.unit}")
    print(f"  {r.description}")
    print(f"  address: {r.address}")
    print(f"  hours: {r.hours}")
    print(f"  phone: {r.phone}" + (f" ({r.phone_note})" if r.phone_note else ""))
    print(f"  bring: {r.bring}")
    if r.online is not None:
        print(f"  online: {r.online.name} {r.online.url}")


def _print_guide(item: ServiceItem) -> None:
    g = item.guide
    print(f"{item.code}  {item.name}  [{item.theme}]  {item.department}")
    print(f"  {item.description}")
    print(f"  accepting unit: {g.accepting_unit}")
    for b in g.legal_basis:
        print(f"  legal basis: {b.law} {b.article}")
    unit = f"{g.time_limit.unit} days"
    for i, s in enumerate(g.steps, 1):
        print(f"  step {i}: {s.name} ({s.handler}, {s.time_limit_days} {unit})")
    for m in g.materials:
        basis = f" ({m.basis.law}{m.basis.article})" if m.basis else " (no legal basis)"
        print(f"  material: {m.name} [{m.source.value}, {m.form.value} x{m.copies}]{basis}")
    fee = "free" if g.fees.free else ", ".join(f"{f.name} {f.amount_yuan}" for f in g.fees.items)
    print(f"  fees: {fee}")
    print(
        f"  time limit: statutory {g.time_limit.statutory_days}, "
        f"promised {g.time_limit.promised_days} {unit}; visits {g.visits_required}"
    )
    print(
        f"  consultation: {g.consultation.phone}, {g.consultation.place}, "
        f"{g.consultation.hours or 'the hall hours (setting hall_hours)'}"
    )
    print(f"  online: {g.online_url}")


def run_show(args: argparse.Namespace) -> int:
    """Print one service's guide."""
    try:
        store = _open_store(args)
    except (ConfigError, StoreError) as exc:
        return fail(str(exc))
    browser = CatalogBrowser.open(store, BUNDLED_SYNONYMS)
    try:
        found: ServiceItem | Referral = browser.service(args.code)
    except CatalogNotFound as exc:
        try:  # not a service of the hall: a referral elsewhere (不在本大厅办理)?
            found = browser.referral(args.code)
        except CatalogNotFound:
            return fail(str(exc), 2)
    finally:
        store.close()
    if isinstance(found, Referral):
        if args.json:
            print_json(found.model_dump(mode="json", exclude_unset=True))
        else:
            _print_referral(found)
    elif args.json:
        print_json(item_to_dict(found))
    else:
        _print_guide(found)
    return 0


def run_search(args: argparse.Namespace) -> int:
    """Search like the terminal; exit 2 when nothing is found."""
    try:
        store = _open_store(args)
    except (ConfigError, StoreError) as exc:
        return fail(str(exc))
    try:
        results = CatalogBrowser.open(store, BUNDLED_SYNONYMS).search(args.query, args.limit)
    finally:
        store.close()
    if args.json:
        print_json([asdict(r) for r in results])
    else:
        for r in results:
            where = "不在本大厅办理" if r.kind == "referral" else r.theme_name
            print(f"{r.code:<10} {r.name}  [{where}] {r.department}  ({r.matched})")
        if not results:
            print("No service found.")
    return 0 if results else 2
