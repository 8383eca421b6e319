"""Small PDFs for the A4 printer tests."""

from __future__ import annotations


def pdf_with_text(text: str) -> bytes:
    """One A4 page with ``text`` written in a core font (ASCII only)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=20)
    pdf.cell(text=text)
    return bytes(pdf.output())
