"""The layer rules of docs/ARCHITECTURE.md ("Layers"), checked on the source."""

import ast

from tests.conftest import REPO
from tests.fresh import printed_by_fresh_python


def imported_modules(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (REPO / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(REPO))] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path} imports {name}"
        for path, names in imported_modules(package).items()
        for name in names
        if name.split(".")[0] in forbidden
    ]


def test_no_module_under_kiosk_or_drivers_imports_pyside6():
    assert offenders("kiosk", ("PySide6", "shiboken6", "ui")) == []
    assert offenders("drivers", ("PySide6", "shiboken6")) == []


def test_drivers_import_nothing_from_the_application():
    assert offenders("drivers", ("kiosk", "ui", "central")) == []


def test_central_shares_only_the_contract_with_the_terminal():
    bad = [
        f"{path} imports {name}"
        for path, names in imported_modules("central").items()
        for name in names
        if name.startswith(("kiosk", "ui", "drivers")) and not name.startswith("kiosk.contract")
    ]
    assert bad == []


def test_importing_the_core_does_not_load_qt():
    code = (
        "import sys, kiosk.app, kiosk.cli, kiosk.cli.doctor; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert printed_by_fresh_python(code) == "False"
