"""The demo (``kiosk --demo``, ``make demo``): the terminal as installed, on simulated devices,
with a reference central (``central/``) started in the process and seeded with sample cases
and appointments for the sample cards.

Only the demo, the screenshot tool and tests import this package; ``kiosk/`` never does (a
layer test keeps it so). It builds the normal core through ``kiosk.app.build_kiosk``, giving it
a central link of its own, and adds what only a demo does: tapping a sample card, scanning a
sample receipt, showing the printed slip on screen.
"""

from demo.central import DEMO_CASES, InProcessCentral
from demo.terminal import DemoCentral, DemoTerminal, build_demo, demo_settings, sample_identity

__all__ = [
    "DEMO_CASES",
    "DemoCentral",
    "DemoTerminal",
    "InProcessCentral",
    "build_demo",
    "demo_settings",
    "sample_identity",
]
