"""Build ``assets/catalog/catalog.json`` from the tables in this folder.

Run from the repository root: ``python -m tools.catalog.build [--version N]``. The JSON is the
shipped artefact; this script only keeps the tables readable. It validates before writing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kiosk.catalog.validation import validate_catalog
from tools.catalog import (
    data_business,
    data_family,
    data_public,
    data_social,
    data_support,
    referrals,
)
from tools.catalog.basis import apply_basis
from tools.catalog.commitments import apply_commitments
from tools.catalog.forms import FORMS
from tools.catalog.samples import ship_samples

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "assets" / "catalog" / "catalog.json"
VERSION = 2026120303
PUBLISHED = "2026-12-03"

THEMES = [
    ("birth_adoption", "生育收养"),
    ("household", "户籍办理"),
    ("social_security", "社会保障"),
    ("employment", "就业创业"),
    ("business", "企业开办"),
    ("medical", "医疗卫生"),
    ("education", "教育"),
    ("housing", "住房保障"),
    ("marriage", "婚姻登记"),
    ("disability", "残疾人服务"),
    ("elderly", "养老服务"),
    ("culture_sports", "文化体育"),
    ("assistance", "扶贫救助"),
    ("ip", "知识产权"),
    ("legal", "法律服务"),
]


def build(version: int = VERSION, published: str = PUBLISHED) -> dict[str, object]:
    """The whole sample catalog document."""
    services = (
        data_family.services()
        + data_social.services()
        + data_public.services()
        + data_support.services()
        + data_business.services()
    )
    apply_basis(services)
    apply_commitments(services)
    ship_samples(services)
    for s in services:
        if s["code"] in FORMS:
            s["guide"]["form"] = FORMS[s["code"]]
    order = {code: i for i, (code, _) in enumerate(THEMES)}
    services.sort(key=lambda s: (order[s["theme"]], s["code"]))
    return {
        "format": "hall-kiosk-catalog/1",
        "version": version,
        "published": published,
        "themes": [{"code": c, "name": n} for c, n in THEMES],
        "services": services,
        "referrals": referrals.referrals(),
    }


def main() -> int:
    """Build, validate, write."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--version", type=int, default=VERSION)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    doc = build(args.version)
    issues = validate_catalog(doc)
    for issue in issues:
        print(issue, file=sys.stderr)
    if issues:
        return 1
    args.out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(doc['services'])} services)")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
