"""Printing: the slip document model, layouts, ESC/POS rendering, print jobs and their worker.

Layers: layouts build :class:`~kiosk.printing.document.Document` objects from plain
dataclasses; :class:`~kiosk.printing.escpos_render.Renderer` turns them into bytes for a
printer profile; :class:`~kiosk.printing.worker.PrintWorker` prints jobs kept in the store.
"""
