"""Translations of the QML interface (source language: Simplified Chinese)."""
