"""The Qt Quick user interface: the only package that imports PySide6.

Threading rule (as Picard states it): never touch a view-model or QML from a worker thread.
Core callbacks arrive on worker threads; :class:`ui.bridge.GuiDispatcher` re-posts them to the
GUI thread through a queued signal.
"""
