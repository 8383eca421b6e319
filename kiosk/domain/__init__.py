"""Plain dataclasses and enums of the terminal's domain (no I/O, no Qt)."""
