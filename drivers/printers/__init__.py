"""Receipt printers: ESC/POS over USB, serial, TCP, file and CUPS, plus an emulator."""
