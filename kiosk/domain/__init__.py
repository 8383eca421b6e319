"""Plain domain types of the terminal: no I/O, no Qt."""
