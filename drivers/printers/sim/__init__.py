"""Printer emulator for demo mode, tests and vendors."""
