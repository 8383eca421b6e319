"""Barcode/QR scanners on a serial port (USB-CDC or RS-232), and their simulator."""
