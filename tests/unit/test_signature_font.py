"""The signed document's prepared CJK face: same document, never a missing character."""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from kiosk.documents.fonts import PROBE, DocumentFont, covers, document_chars
from kiosk.documents.signature import Signature, Signer, _font, signed_pdf
from tests.unit.apply_helpers import CATALOG, commitment_text, signature_strokes
from tests.unit.test_signature import H, W, facts

RARE = "堃"  # in Noto Sans CJK, not in GB2312: a name character the copy lacks


@pytest.fixture(scope="module")
def source() -> tuple[Path, int]:
    return _font()


@pytest.fixture(scope="module")
def prepared(tmp_path_factory, source) -> DocumentFont:
    """The real GB2312 copy, built once for this module (a few seconds, in a child process)."""
    font = DocumentFont(tmp_path_factory.mktemp("fonts"), source=source, nice=0)
    assert font.prepare()
    return font


def signature() -> Signature:
    return Signature.from_lists(signature_strokes(), W, H)


def page_text(data: bytes) -> str:
    text = pdfium.PdfDocument(data)[0].get_textpage().get_text_range()
    return text.replace("\r\n", "").replace("\n", "")


def catalog_commitments() -> list[tuple[str, str, str]]:
    """(service code, material, the words signed) of every commitment in the sample catalog."""
    doc = json.loads(CATALOG.read_text(encoding="utf-8"))
    found = []
    for service in doc["services"]:
        for material in (service.get("guide") or {}).get("materials", []):
            if material.get("commitment"):
                c = material["commitment"]
                words = commitment_text(c["promise"], c["if_false"])
                found.append((service["code"], material["name"], words))
    return found


def test_the_copy_holds_gb2312_and_is_a_small_part_of_the_face(prepared, source) -> None:
    chars = document_chars()
    assert len(chars) == 95 + 7445  # ASCII, and GB2312's characters
    first, full = prepared.faces()
    assert full == source and first != full and first[0].parent == prepared.cache_path().parent
    assert first[0].stat().st_size < source[0].stat().st_size / 5
    assert covers(first[0], "本人承诺如实申报，" + PROBE) and not covers(first[0], RARE)


def test_the_prepared_copy_makes_the_same_document_byte_for_byte(prepared) -> None:
    signer = Signer(prepared, terminal="H0001-T02")
    made = signer(signature(), facts())
    assert made == signed_pdf(signature(), replace(facts(), terminal="H0001-T02"))
    assert "H0001-T02" in page_text(made)


def test_a_catalog_commitment_and_a_rare_name_character_come_out_right(prepared) -> None:
    code, material, words = catalog_commitments()[0]
    signer = Signer(prepared, terminal="H0001-T01")
    plain = replace(facts(words), service=code, material=material)
    rare = replace(plain, signer_name=f"王*{RARE}")
    for what in (plain, rare):
        text = page_text(signer(signature(), what))
        for expected in (words, material, what.signer_name, "承诺人", "签署文本 SHA-256"):
            assert expected in text, expected
    # The copy alone would have lost the rare character: the full face laid it out.
    copy, _full = prepared.faces()
    alone = page_text(signed_pdf(signature(), rare, copy))
    assert f"王*{RARE}" not in alone
    assert signer(signature(), rare) == signed_pdf(signature(), replace(rare, terminal="H0001-T01"))


def test_every_catalog_commitment_is_set_in_the_copy_alone(prepared) -> None:
    commitments = catalog_commitments()
    assert len(commitments) >= 20
    copy, _full = prepared.faces()
    missing = {c for _, material, words in commitments for c in material + words} - {
        c for c in document_chars()
    }
    assert missing == set()
    assert covers(copy[0], "".join(words for _, _, words in commitments))


def small_system_font(tmp_path: Path, prepared: DocumentFont) -> Path:
    """The prepared copy stands in as a small "system font", so building from it is quick."""
    system = tmp_path / "system.otf"
    system.write_bytes(prepared.faces()[0][0].read_bytes())
    return system


def test_until_the_copy_is_ready_the_full_face_is_used_then_the_copy(tmp_path, prepared) -> None:
    system = small_system_font(tmp_path, prepared)
    font = DocumentFont(tmp_path / "cache", source=(system, 0), chars="本人承诺", nice=0)
    signer = Signer(font, terminal="H0001-T01")
    before = signer(signature(), facts())  # starts the copy in the background, waits for none
    assert font.faces()[1] == (system, 0)
    deadline = time.monotonic() + 60
    while not font.ready and time.monotonic() < deadline:
        time.sleep(0.05)
    first, full = font.faces()
    assert font.ready and first == (font.cache_path(), 0) and full == (system, 0)
    # Ready or not, the document is the same.
    assert signer(signature(), facts()) == before


def test_a_copy_in_the_cache_folder_is_taken_at_once_by_the_next_process(prepared, source):
    again = DocumentFont(prepared.cache_path().parent, source=source)
    assert again.faces() == ((prepared.cache_path(), 0), source)  # no build, no waiting
    assert again.ready


def test_a_broken_copy_is_built_again_and_a_font_update_makes_a_new_one(tmp_path, prepared) -> None:
    system = small_system_font(tmp_path, prepared)
    cache = tmp_path / "cache"
    font = DocumentFont(cache, source=(system, 0), chars="本人承诺", nice=0)
    cache.mkdir()
    broken = font.cache_path()
    broken.write_bytes(b"half a font")
    assert font.prepare()
    assert covers(broken, "本人承诺" + PROBE) and not covers(broken, "申")
    # A font package update: another mtime, another copy; the old one is removed.
    stat = system.stat()
    os.utime(system, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    updated = DocumentFont(cache, source=(system, 0), chars="本人承诺", nice=0)
    assert updated.cache_path() != broken
    assert updated.prepare()
    assert [p.name for p in cache.iterdir()] == [updated.cache_path().name]


def test_a_copy_that_cannot_be_made_leaves_the_full_face_and_a_line_for_staff(
    tmp_path, source, caplog
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    font = DocumentFont(blocked / "fonts", source=source)
    with caplog.at_level(logging.WARNING, logger="kiosk.documents.fonts"):
        assert not font.prepare()
        assert not font.prepare()  # tried once, not at every signature
    assert font.faces() == (source, source)
    assert [r.getMessage() for r in caplog.records if "full CJK font" in r.getMessage()]
    assert len(caplog.records) == 1
    signer = Signer(font, terminal="H0001-T01")
    assert "告知承诺书" in page_text(signer(signature(), facts()))
