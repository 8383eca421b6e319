"""kiosk.contract imports its modules on first use; what it offers stays the same."""

import ast
import importlib
from pathlib import Path

import kiosk.contract

INIT = Path(kiosk.contract.__file__)


def _type_checking_imports() -> dict[str, str]:
    """Name → module of the imports under ``if TYPE_CHECKING:`` in the package's __init__."""
    names: dict[str, str] = {}
    for node in ast.parse(INIT.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for imp in node.body:
                assert isinstance(imp, ast.ImportFrom) and imp.module
                names.update((alias.name, imp.module) for alias in imp.names)
    return names


def test_every_public_name_resolves_to_its_module_object():
    declared = _type_checking_imports()
    assert sorted(declared) == sorted(kiosk.contract.__all__)
    for name, module in declared.items():
        assert getattr(kiosk.contract, name) is getattr(importlib.import_module(module), name)


def test_from_import_of_a_model_works_and_unknown_names_still_fail():
    from kiosk.contract import Ticket, parse_intake

    assert Ticket.__module__ == "kiosk.contract.queue"
    assert callable(parse_intake)
    try:
        kiosk.contract.NoSuchModel  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchModel" in str(exc)
    else:
        raise AssertionError("an unknown name resolved")
    assert "Ticket" in dir(kiosk.contract)
