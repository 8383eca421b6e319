"""View-models: QObjects that QML binds to, one per page or concern."""
