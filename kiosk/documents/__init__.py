"""Documents a citizen hands the terminal: camera frames turned into pages, pages into PDFs."""
