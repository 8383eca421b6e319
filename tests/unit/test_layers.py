"""The layer rules of docs/ARCHITECTURE.md ("Layers"), checked on the source."""

import ast
import subprocess
import sys
from collections.abc import Callable

from tests.conftest import REPO


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
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [name for name in out.stdout.strip().split(",") if name]


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
    importers = offenders("ui", ("tools",))
    assert importers == ["ui/main.py imports tools.screenshots"]
    assert not [
        f"{path} imports ui.main"
        for package in ("ui", "tools", "kiosk")
        for path, names in imported_modules(package).items()
        if "ui.main" in names and not path.endswith("__main__.py")
    ]
