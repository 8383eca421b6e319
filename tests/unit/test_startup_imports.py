"""The home screen's first frame must not wait for modules it does not need."""

import subprocess
import sys

HEAVY = ("requests", "pydantic", "sqlmodel", "sqlalchemy", "fastapi", "uvicorn", "escpos")


def test_starting_the_ui_does_not_import_network_database_or_server_modules():
    code = f"import sys, ui.main; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
