"""Hardware drivers: card readers, printers and their simulators.

Nothing here imports from ``kiosk`` or ``ui``; the application wires drivers in.
"""
