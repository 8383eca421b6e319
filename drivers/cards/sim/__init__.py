"""Card simulators for demo mode, tests and vendors."""
