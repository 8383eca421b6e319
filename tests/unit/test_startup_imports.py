"""The home screen's first frame must not wait for modules it does not need.

pydantic is not among them: the settings (a pydantic-settings model) are read and checked
before the window opens.
"""

import subprocess
import sys

HEAVY = ("requests", "sqlmodel", "sqlalchemy", "fastapi", "uvicorn", "escpos")


def test_starting_the_ui_does_not_import_network_database_or_server_modules():
    code = f"import sys, ui.app; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
