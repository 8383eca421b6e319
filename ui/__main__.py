"""``python -m ui``: the same as the ``kiosk`` command."""

import sys

from ui.main import main

sys.exit(main())
