"""Helpers for testing a driver plug-in without installing it (vendors' tests use these).

:func:`fake_distribution` writes a package and its ``*.dist-info`` (with ``entry_points.txt``)
into a folder; put that folder on ``sys.path`` and the registry finds the plug-in exactly as
it finds an installed one. Nothing here imports the project's own test configuration, so a
vendor's test suite can use it from an installed terminal::

    from drivers.testing import fake_distribution

    def test_my_reader(tmp_path, monkeypatch):
        fake_distribution(tmp_path, "acme-kiosk", "1.0", {"acme_kiosk": MODULE_SOURCE},
                          {"kiosk.card_readers": {"acme": "acme_kiosk:make_reader"}})
        monkeypatch.syspath_prepend(str(tmp_path))
        reader = make_card_reader("acme:/dev/ttyACM0")
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def fake_distribution(
    root: Path,
    name: str,
    version: str,
    modules: dict[str, str],
    entry_points: dict[str, dict[str, str]],
) -> Path:
    """Write modules (``"pkg"`` → package ``pkg/__init__.py``, ``"pkg.sub"`` → a module in it)
    and a distribution ``name`` declaring ``entry_points`` (group → scheme → target) into
    ``root``; returns ``root`` (put it on ``sys.path``).

    Modules of the same top-level packages imported earlier (say, by another test's fake
    distribution of the same name) are forgotten, so the new ones are the ones imported."""
    for top in {module.split(".")[0] for module in modules}:
        for loaded in [k for k in sys.modules if k == top or k.startswith(f"{top}.")]:
            del sys.modules[loaded]
    for module, source in modules.items():
        parts = module.split(".")
        folder = root.joinpath(*parts[:-1]) if len(parts) > 1 else root / parts[0]
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "__init__.py" if len(parts) == 1 else folder / f"{parts[-1]}.py"
        target.write_text(source, encoding="utf-8")
        for depth in range(1, len(parts)):
            init = root.joinpath(*parts[:depth]) / "__init__.py"
            if not init.exists():
                init.write_text("", encoding="utf-8")
    dist = root / f"{name.replace('-', '_')}-{version}.dist-info"
    dist.mkdir(parents=True, exist_ok=True)
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    lines = []
    for group, schemes in entry_points.items():
        lines.append(f"[{group}]")
        lines += [f"{scheme} = {target}" for scheme, target in schemes.items()]
    (dist / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    importlib.invalidate_caches()
    return root
