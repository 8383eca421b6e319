"""Resolve a merge of translation files: keep our ``.ts`` files, refresh them from the QML
(lupdate), then take every translation the other branch has for a message still unfinished.

Usage: ``python tools/merge_ts.py BRANCH`` during a merge with conflicts in ``ui/i18n/*.ts``.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parent.parent / "ui" / "i18n"


def translations(xml: str) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for context in ET.fromstring(xml).iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            t = message.find("translation")
            if t is not None and t.get("type") is None and (t.text or "").strip():
                found[(name, message.findtext("source", ""))] = t.text or ""
    return found


def main(branch: str) -> int:
    files = sorted(I18N.glob("kiosk_*.ts"))
    for ts in files:
        rel = ts.relative_to(I18N.parent.parent)
        subprocess.run(["git", "checkout", "--ours", "--", str(rel)], check=True)
    subprocess.run([sys.executable, "-m", "ui.i18n.build", "--update"], check=True)
    left = 0
    for ts in files:
        rel = ts.relative_to(I18N.parent.parent)
        theirs = translations(
            subprocess.run(
                ["git", "show", f"{branch}:{rel}"], capture_output=True, text=True, check=True
            ).stdout
        )
        tree = ET.parse(ts)
        for context in tree.getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                t = message.find("translation")
                if t is None or t.get("type") != "unfinished":
                    continue
                text = theirs.get((name, message.findtext("source", "")))
                if text:
                    t.text = text
                    del t.attrib["type"]
                else:
                    left += 1
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    print(f"{left} message(s) still unfinished", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
