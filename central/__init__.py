"""Reference central service the terminals sync with (FastAPI).

It shares only :mod:`kiosk.contract` with the terminal.
"""
