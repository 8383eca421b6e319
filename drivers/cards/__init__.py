"""Card readers: SAM serial ID-card readers, PC/SC smart-card readers, simulators."""
