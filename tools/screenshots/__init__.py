"""``kiosk --screenshots DIR``: every screen and notable state rendered offscreen, a PNG each.

It drives the interface from outside, as a test would, so it lives with the tools and not in
``ui/``. Only the entry point :mod:`ui.main` imports it; :mod:`ui.app` does not.
"""

from tools.screenshots.runner import SCENES, render_all

__all__ = ["SCENES", "render_all"]
