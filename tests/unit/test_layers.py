"""The layer rules of docs/ARCHITECTURE.md ("Layers"), checked on the source."""

import ast
import re
from collections.abc import Callable

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


def imports_where(packages: tuple[str, ...], bad: Callable[[str], bool]) -> list[str]:
    return [
        f"{path} imports {name}"
        for package in packages
        for path, names in imported_modules(package).items()
        for name in names
        if bad(name)
    ]


def offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return imports_where((package,), lambda name: name.split(".")[0] in forbidden)


def loaded_by(modules: str, watched: tuple[str, ...]) -> list[str]:
    """Which of the packages ``watched`` a fresh interpreter holds after importing
    ``modules`` (comma-separated)."""
    code = (
        f"import sys, {modules}; "
        f"print(','.join(sorted({{m.split('.')[0] for m in sys.modules}} & {set(watched)!r})))"
    )
    return [name for name in printed_by_fresh_python(code).split(",") if name]


def test_no_module_under_kiosk_or_drivers_imports_pyside6():
    assert offenders("kiosk", ("PySide6", "shiboken6", "ui")) == []
    assert offenders("drivers", ("PySide6", "shiboken6")) == []


def test_drivers_import_nothing_from_the_application():
    assert offenders("drivers", ("kiosk", "ui", "central")) == []


def test_the_core_knows_neither_the_central_service_nor_the_demo():
    """``demo/`` wires a central into the core from outside; ``kiosk/`` imports neither."""
    assert offenders("kiosk", ("central", "demo")) == []


def test_the_demo_is_plain_python_below_the_interface():
    assert offenders("demo", ("PySide6", "shiboken6", "ui", "tools")) == []


def test_the_interface_reaches_simulators_only_through_the_demo():
    """Sample cards, the printer emulator and scans come from ``demo/``, never straight from
    a driver's ``sim`` package (the screenshot tool included)."""

    def simulator(name: str) -> bool:
        return name.startswith("drivers.") and "sim" in name.split(".")

    assert imports_where(("ui", "tools/screenshots"), simulator) == []


def test_the_interface_loads_the_demo_and_central_only_when_a_demo_runs():
    assert loaded_by("ui.main, ui.app", ("demo", "central")) == []


def test_central_shares_only_the_contract_with_the_terminal():
    def terminal(name: str) -> bool:
        return name.startswith(("kiosk", "ui", "drivers")) and not name.startswith("kiosk.contract")

    assert imports_where(("central",), terminal) == []


def test_importing_the_core_does_not_load_qt():
    assert loaded_by("kiosk.app, kiosk.cli, kiosk.cli.doctor", ("PySide6",)) == []


def test_only_the_entry_point_reaches_the_screenshot_tool():
    """``tools/screenshots`` drives ``ui.app`` from outside; inside ``ui/`` only the entry
    point may import it, and nothing may import the entry point (no cycle)."""
    importers = {line.split(" imports ")[0] for line in offenders("ui", ("tools",))}
    assert importers == {"ui/main.py"}
    assert not [
        f"{path} imports ui.main"
        for package in ("ui", "tools", "kiosk")
        for path, names in imported_modules(package).items()
        if "ui.main" in names and not path.endswith("__main__.py")
    ]


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
    for top in ("kiosk", "drivers", "ui", "central", "demo", "tools", "tests"):
        for path, names in imported_modules(top).items():
            for module in modules & names:
                users[module].add(path)
    # Named in text: entry points ("drivers.builtin:sim_printer"), import_module("...").
    named = set(re.findall(r"[a-z_.]+", (REPO / "pyproject.toml").read_text(encoding="utf-8")))
    # Run as commands (`python -m ui.fonts.build`) by the Makefile and the installer.
    for script in ("Makefile", "install/install.sh"):
        named.update(re.findall(r"-m ([a-z_][a-z0-9_.]*)", (REPO / script).read_text("utf-8")))
    for top in ("kiosk", "drivers", "ui", "central", "demo", "tools"):
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
