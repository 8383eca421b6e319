"""Use cases of a visit: queue tickets, appointment check-in, progress, consultation, complaints.

Each service is a plain class built by the composition root with the store, the print worker
and (when configured) the central client. Methods block (store, network, printer) and are
called from a worker thread, never from the GUI thread; errors carry a ``reason`` code.
"""
