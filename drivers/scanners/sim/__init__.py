"""Scanner simulators."""
