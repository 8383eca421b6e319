"""The home screen's first frame must not wait for modules it does not need.

Nor for pydantic: the settings (a pydantic model) are checked before the window only when
their inputs are new (kiosk/settings_memo.py; tests/unit/test_first_frame.py), and the
screens' view-models import the catalog's models, the apply session and the form checks on
first use.
"""

from tests.fresh import printed_by_fresh_python

HEAVY = (
    "requests",
    "sqlmodel",
    "sqlalchemy",
    "fastapi",
    "uvicorn",
    "escpos",
    "PIL",
    "cv2",
    "numpy",
    "cryptography",
    "pypinyin",
    "fpdf",
    "pydantic",
    "pydantic_settings",
    "kiosk.config",
    "kiosk.domain.catalog",
    "kiosk.session",
    "kiosk.forms",
    "dlib",  # the face check's models load when a check starts (kiosk/face/models.py)
    "face_recognition_models",
)


def test_starting_the_ui_does_not_import_network_database_or_server_modules():
    code = f"import sys, ui.main; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    assert printed_by_fresh_python(code) == ""


def test_starting_the_ui_does_not_build_the_catalog_models():
    code = (
        "import ui.main, kiosk.domain.catalog as c; "
        "print([n for n in dir(c) if getattr(getattr(c, n), '__pydantic_complete__', False)])"
    )
    assert printed_by_fresh_python(code) == "[]"


def test_starting_the_ui_does_not_import_the_a4_printer_drivers():
    code = "import sys, ui.main; print([m for m in sys.modules if m.startswith('drivers.pages')])"
    assert printed_by_fresh_python(code) == "[]"


def test_starting_the_ui_does_not_import_the_wire_models():
    # The card page masks names with kiosk.contract.masking; the package's ~80 pydantic wire
    # models are imported by the core, after the first frame.
    code = (
        "import sys, ui.main; "
        "print([m for m in sys.modules if m.startswith('kiosk.contract.') "
        "and m != 'kiosk.contract.masking'])"
    )
    assert printed_by_fresh_python(code) == "[]"
