"""Device workers of the core: one thread per device, reporting through plain callbacks."""
