"""The layer rules of docs/ARCHITECTURE.md ("Layers"), checked on the source."""

import ast
import re

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
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
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


# Imported by tests alone on purpose: vendors' own test suites use it from an installed terminal.
FOR_VENDORS_TESTS = {"drivers.testing"}


def test_the_packages_hold_no_module_that_only_tests_use():
    """Fakes, samples and test helpers live under tests/, not in what a terminal installs."""
    modules = {
        ".".join(path.relative_to(REPO).with_suffix("").parts)
        for package in ("kiosk", "drivers", "ui", "central")
        for path in (REPO / package).rglob("*.py")
        if path.name != "__init__.py"
    }
    users: dict[str, set[str]] = {module: set() for module in modules}
    for top in ("kiosk", "drivers", "ui", "central", "tools", "tests"):
        for path, names in imported_modules(top).items():
            for module in modules & names:
                users[module].add(path)
    # Named in text: entry points ("drivers.builtin:sim_printer"), import_module("...").
    named = set(re.findall(r"[a-z_.]+", (REPO / "pyproject.toml").read_text(encoding="utf-8")))
    for top in ("kiosk", "drivers", "ui", "central", "tools"):
        for path in (REPO / top).rglob("*.py"):
            named.update(re.findall(r"[\"']([a-z_][a-z0-9_.]*)[:\"']", path.read_text("utf-8")))
    only_tests = sorted(
        module
        for module, who in users.items()
        if who
        and all(w.startswith("tests/") for w in who)
        and module not in named
        and module not in FOR_VENDORS_TESTS
    )
    assert only_tests == []
