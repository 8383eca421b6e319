"""Fill English translations into ``ui/i18n/kiosk_en_US.ts`` from a JSON object.

Usage: ``python tools/fill_en.py words.json`` where the file maps Simplified Chinese source
strings to English. Only entries still marked unfinished are filled; ``--list`` prints the
unfinished sources (as a JSON object with empty values, ready to fill in);
``--from-ts OTHER.ts`` takes the words from the finished entries of another copy of the file
(after a merge kept one side of a conflicted ``.ts``, the other side's translations).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "ui" / "i18n" / "kiosk_en_US.ts"


def unfinished(root: ET.Element) -> list[ET.Element]:
    return [
        m
        for m in root.iter("message")
        if (t := m.find("translation")) is not None and t.get("type") == "unfinished"
    ]


def finished(root: ET.Element) -> dict[str, str]:
    """Source to English of every entry with a finished translation."""
    words: dict[str, str] = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") or not translation.text:
            continue
        words[message.findtext("source", "")] = translation.text
    return words


def main(argv: list[str]) -> int:
    tree = ET.parse(TS)
    root = tree.getroot()
    if argv[:1] == ["--list"]:
        sources = {m.findtext("source", ""): "" for m in unfinished(root)}
        print(json.dumps(sources, ensure_ascii=False, indent=1))
        return 0
    if argv[:1] == ["--from-ts"]:
        words = finished(ET.parse(argv[1]).getroot())
    else:
        words = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    missing = 0
    for message in unfinished(root):
        source = message.findtext("source", "")
        english = words.get(source, "")
        translation = message.find("translation")
        assert translation is not None
        if english:
            translation.text = english
            del translation.attrib["type"]
        else:
            missing += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    # lupdate writes <!DOCTYPE TS>; ElementTree drops it, Qt's tools do not need it.
    print(f"{missing} still unfinished", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
