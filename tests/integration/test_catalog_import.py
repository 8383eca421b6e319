"""Import, export and the ``kioskctl catalog`` commands on a real store file."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kiosk.catalog import (
    BUNDLED_CATALOG,
    CatalogImportError,
    ensure_catalog,
    export_document,
    import_document,
    import_file,
)
from kiosk.catalog.lint import NO_BASIS, NO_COMMITMENT
from kiosk.cli import main
from kiosk.store import Store


def bundled() -> dict[str, Any]:
    return json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))


def stored_names(path: Path) -> dict[str, str]:
    # Read the file directly, not through the code under test.
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT code, name FROM catalog_service").fetchall())
    finally:
        conn.close()


def test_fresh_store_gets_the_bundled_catalog_once(store: Store) -> None:
    first = ensure_catalog(store, BUNDLED_CATALOG)
    assert first is not None and first.services == len(bundled()["services"])
    assert ensure_catalog(store, BUNDLED_CATALOG) is None


def test_bad_file_lists_every_problem_with_code_and_field(catalog_store: Store) -> None:
    doc = bundled()
    doc["version"] += 1
    del doc["services"][0]["guide"]["fees"]
    doc["services"][1]["guide"]["materials"][0]["source"] = "neighbour"
    doc["services"][2]["guide"]["time_limit"]["promised_days"] = 99
    doc["services"][3]["theme"] = "no_such_theme"
    doc["services"][4]["code"] = doc["services"][5]["code"]
    doc["services"][6]["guide"]["steps"][1]["handler"] = ""
    codes = [s["code"] for s in doc["services"]]
    with pytest.raises(CatalogImportError) as caught:
        import_document(catalog_store, doc)
    assert caught.value.reason == "invalid"
    found = {(i.code, i.field) for i in caught.value.issues}
    assert (codes[0], "guide.fees") in found
    assert (codes[1], "guide.materials[0].source") in found
    assert (codes[2], "guide.time_limit.promised_days") in found
    assert (codes[3], "theme") in found
    assert (codes[5], "code") in found
    assert (codes[6], "guide.steps[1].handler") in found


def test_bad_file_leaves_the_old_catalog_intact(catalog_store: Store, tmp_path: Path) -> None:
    before = stored_names(catalog_store.path)
    doc = bundled()
    doc["version"] += 1
    doc["services"][0]["name"] = "改过的名称"
    doc["services"][-1]["guide"]["online_url"] = "ftp://nope"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogImportError):
        import_file(catalog_store, bad)
    assert stored_names(catalog_store.path) == before


def test_garbled_file_is_refused_as_unreadable(catalog_store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "garbled.json"
    bad.write_bytes(b"\xff\xfe{not json")
    with pytest.raises(CatalogImportError) as caught:
        import_file(catalog_store, bad)
    assert caught.value.reason == "unreadable"


def test_older_version_is_refused(catalog_store: Store) -> None:
    doc = bundled()
    doc["version"] -= 1
    with pytest.raises(CatalogImportError) as caught:
        import_document(catalog_store, doc)
    assert caught.value.reason == "older_version"


def test_same_version_needs_force(catalog_store: Store) -> None:
    doc = bundled()
    with pytest.raises(CatalogImportError) as caught:
        import_document(catalog_store, doc)
    assert caught.value.reason == "same_version"
    assert import_document(catalog_store, doc, force=True).forced


def test_export_then_import_gives_the_same_catalog(catalog_store: Store, tmp_path: Path) -> None:
    exported = export_document(catalog_store)
    assert exported == bundled()
    other = Store(tmp_path / "other.db")
    try:
        import_document(other, copy.deepcopy(exported))
        assert export_document(other) == exported
    finally:
        other.close()


def test_newer_import_replaces_removed_services(catalog_store: Store) -> None:
    doc = bundled()
    doc["version"] += 1
    removed = doc["services"].pop()["code"]
    import_document(catalog_store, doc)
    assert removed not in stored_names(catalog_store.path)


@pytest.fixture
def cli_env(catalog_store: Store, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(catalog_store.path.parent))
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    return catalog_store.path.parent


def test_cli_search_json_lists_code_name_department_theme(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["catalog", "search", "社保", "--json", "--limit", "3"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert len(results) == 3
    assert results[0]["code"] == "SB-001"
    assert {"code", "name", "department", "theme"} <= set(results[0])


def test_cli_search_without_result_exits_2(cli_env: Path) -> None:
    assert main(["catalog", "search", "xyzq"]) == 2


def test_cli_show_json_is_the_exchange_item(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["catalog", "show", "HY-001", "--json"]) == 0
    item = json.loads(capsys.readouterr().out)
    assert item == next(s for s in bundled()["services"] if s["code"] == "HY-001")
    assert main(["catalog", "show", "NOPE-1"]) == 2


def test_cli_shows_and_finds_a_referral(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "show", "ZZ-CRJ-001", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == next(r for r in bundled()["referrals"] if r["code"] == "ZZ-CRJ-001")
    assert main(["catalog", "show", "ZZ-JJ-001"]) == 0
    assert "online: 交管12123" in capsys.readouterr().out
    assert main(["catalog", "search", "驾照"]) == 0
    assert "[不在本大厅办理]" in capsys.readouterr().out.splitlines()[0]


def test_cli_export_and_reimport_with_force(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "export.json"
    assert main(["catalog", "export", str(out)]) == 0
    assert main(["catalog", "import", str(out)]) == 1
    assert "same_version" in capsys.readouterr().err
    assert main(["catalog", "import", str(out), "--force"]) == 0


def test_cli_import_prints_every_problem(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = bundled()
    doc["version"] += 1
    doc["services"][0]["guide"]["visits_required"] = -1
    doc["services"][9]["keywords"] = "not a list"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["catalog", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{doc['services'][0]['code']}: guide.visits_required" in err
    assert f"{doc['services'][9]['code']}: keywords" in err


def test_cli_lint_passes_on_the_installed_sample(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["catalog", "lint"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["catalog", "lint", str(BUNDLED_CATALOG), "--json"]) == 0


def test_cli_lint_names_each_material_without_basis_once_per_line(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = bundled()
    first, second = doc["services"][0], doc["services"][5]
    del first["guide"]["materials"][0]["basis"]
    del second["guide"]["materials"][-1]["basis"]
    path = tmp_path / "unfounded.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    assert main(["catalog", "lint", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{first['code']}: {first['guide']['materials'][0]['name']}: {NO_BASIS}",
        f"{second['code']}: {second['guide']['materials'][-1]['name']}: {NO_BASIS}",
    ]
    assert "设定依据" in NO_BASIS

    assert main(["catalog", "lint", str(path), "--json"]) == 1
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(f["code"], f["material"]) for f in found] == [
        (first["code"], first["guide"]["materials"][0]["name"]),
        (second["code"], second["guide"]["materials"][-1]["name"]),
    ]


def test_cli_lint_refuses_an_invalid_file_with_exit_2(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = bundled()
    doc["services"][0]["guide"]["materials"][0]["basis"] = {"law": "《某法》"}
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["catalog", "lint", str(path)]) == 2
    assert "materials[0].basis.article" in capsys.readouterr().err


def test_cli_lint_names_a_commitment_without_its_own_text(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = bundled()
    service, material = next(
        (s, m)
        for s in doc["services"]
        for m in s["guide"]["materials"]
        if m["source"] == "commitment"
    )
    del material["commitment"]
    path = tmp_path / "generic.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["catalog", "lint", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{service['code']}: {material['name']}: {NO_COMMITMENT}"
    ]
