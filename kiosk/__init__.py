"""The hall terminal's application core: domain, store, services, sync, printing layouts.

No module here imports PySide6; ``ui/`` reaches this package through plain calls and callbacks.
"""

__version__ = "0.1.0"
