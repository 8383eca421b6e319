"""Offline outbox and sync with the central service.

* :mod:`kiosk.sync.outbox` — ``enqueue()`` inside the caller's transaction, states, purge;
* :mod:`kiosk.sync.crypto` — personal fields sealed with AES-GCM at rest;
* :mod:`kiosk.sync.client` — signed HTTP client of the central API;
* :mod:`kiosk.sync.runner` — one resumable sync pass (send, pull catalog, pull status);
* :mod:`kiosk.sync.worker` — the background thread that runs passes;
* :mod:`kiosk.sync.status` — counts for staff and the status bar.
"""
