"""A4 page printers: PDF jobs to a CUPS queue (local, remote, IPP) or to a demo folder."""
