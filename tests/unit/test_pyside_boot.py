"""PySide6's import hook reads each module's source to learn whether it uses PySide6;
ui/pyside_boot.py makes it do so without keeping every module's text in linecache."""

import json

from tests.fresh import printed_by_fresh_python

PROBE = (
    "import json, linecache, sys, ui.main\n"
    "import shibokensupport.feature as f\n"
    "import kiosk.store.migrations, ui.bridge\n"
    "ends = ('kiosk/store/migrations.py', 'ui/bridge.py')\n"
    "kept = [p for p in linecache.cache if p.endswith(ends)]\n"
    "files = [p for p in linecache.cache if p.endswith('.py')]\n"
    "print(json.dumps({'kept': kept, 'linecache_files': len(files),\n"
    "    'bridge': f.pyside_feature_dict.get('ui.bridge'),\n"
    "    'migrations': f.pyside_feature_dict.get('kiosk.store.migrations')}))"
)


def test_modules_imported_after_pyside_leave_no_source_in_linecache():
    seen = json.loads(printed_by_fresh_python(PROBE))
    assert seen["kept"] == []
    # Only the few read before the hook was made lighter (shiboken6, PySide6, enum); without
    # it, every module imported after PySide6 stays there (hundreds).
    assert seen["linecache_files"] < 10


def test_pyside_users_are_still_told_apart_from_other_modules():
    seen = json.loads(printed_by_fresh_python(PROBE))
    assert seen["bridge"] == 0  # uses PySide6: may switch __feature__ options
    assert seen["migrations"] == -1  # does not: ignored by the feature machinery


def test_the_settings_are_built_without_scanning_for_pydantic_plugins():
    code = (
        "import sys, ui.main; "
        "print('importlib.metadata' in sys.modules, sys.modules['pydantic.plugin._loader'].__doc__)"
    )
    # pydantic asked the stand-in (no plug-ins) and never imported its loader, whose module
    # imports importlib.metadata.
    imported, loader = printed_by_fresh_python(code).split(" ", 1)
    assert imported == "False"
    assert "Stands in" in loader


def test_plugins_turned_on_later_reach_the_real_loader():
    code = (
        "import os, sys, ui.main\n"
        "os.environ['PYDANTIC_DISABLE_PLUGINS'] = 'some-plugin'\n"
        "from pydantic import BaseModel\n"
        "class Late(BaseModel):\n"
        "    x: int\n"
        "loader = sys.modules['pydantic.plugin._loader']\n"
        "print(type(loader._plugins).__name__, Late(x=1).x)"
    )
    # The real loader scanned the entry points (its cache is a dict now) and models still work.
    assert printed_by_fresh_python(code) == "dict 1"


def test_plugins_wanted_from_the_start_are_left_to_pydantic():
    code = "import sys, ui.pyside_boot as b; print(b.skip_plugin_loader())"
    env = {"PYDANTIC_DISABLE_PLUGINS": "some-plugin"}
    assert printed_by_fresh_python(code, env=env) == "False"
