"""``kiosk --screenshots DIR``: every screen and notable state rendered offscreen, one PNG each.

It drives the interface from outside, as a test would, so it lives among the tools and not in
``ui/``: it imports ``ui.app``, and inside ``ui/`` only the entry point :mod:`ui.main` (which
``ui.app`` does not import) imports it.
"""

from tools.screenshots.runner import SCENES, render_all

__all__ = ["SCENES", "render_all"]
