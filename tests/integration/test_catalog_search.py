"""Search as a citizen types, on the real store file with the bundled catalog."""

from __future__ import annotations

from kiosk.catalog import CatalogBrowser


def names(browser: CatalogBrowser, query: str, limit: int = 20) -> list[str]:
    return [r.name for r in browser.search(query, limit)]


def test_shebao_in_chinese_puts_the_social_security_card_on_top(browser: CatalogBrowser) -> None:
    assert names(browser, "社保")[0] == "社会保障卡申领"


def test_full_pinyin_finds_the_social_security_card(browser: CatalogBrowser) -> None:
    assert names(browser, "shebao")[0] == "社会保障卡申领"
    assert names(browser, "shebaoka")[0] == "社会保障卡申领"


def test_pinyin_initials_find_the_social_security_card(browser: CatalogBrowser) -> None:
    found = names(browser, "sbk")
    assert found[0] == "社会保障卡申领"
    assert "社会保障卡挂失与补换" in found


def test_yibao_finds_services_named_medical_insurance(browser: CatalogBrowser) -> None:
    found = names(browser, "医保")
    named_insurance = [n for n in found if "医疗保险" in n]
    assert "城乡居民基本医疗保险参保登记" in named_insurance
    assert "基本医疗保险异地就医备案" in named_insurance


def test_synonym_alone_finds_a_service_without_the_word_in_name_or_keywords(
    browser: CatalogBrowser,
) -> None:
    # 公租房 is only a keyword; 廉租房 reaches it through the synonym table.
    results = browser.search("廉租房")
    assert results[0].name == "公共租赁住房申请"


def test_two_character_hukou_finds_household_services(browser: CatalogBrowser) -> None:
    found = names(browser, "户口")
    assert found[0] == "户口迁入（夫妻、父母子女投靠）"
    assert "死亡人员户口注销" in found
    assert "出生登记（新生儿落户）" in found


def test_one_character_query_matches_names_containing_it(browser: CatalogBrowser) -> None:
    results = browser.search("婚", 50)
    assert {"结婚登记", "离婚登记", "补领婚姻登记证"} <= {r.name for r in results}
    for r in results:
        if r.matched in ("name_prefix", "name"):
            assert "婚" in r.name


def test_one_character_prefix_ranks_before_contains(browser: CatalogBrowser) -> None:
    results = browser.search("医", 50)
    tiers = [r.matched for r in results]
    assert tiers[0] == "name_prefix"
    assert results[0].name.startswith("医")
    assert "城乡居民基本医疗保险参保登记" in [r.name for r in results if r.matched == "name"]


def test_results_are_ranked_prefix_then_name_then_keyword_then_text(
    browser: CatalogBrowser,
) -> None:
    results = browser.search("户口", 50)
    order = {"name_prefix": 0, "name": 1, "keyword": 2, "text": 3}
    ranks = [order[r.matched] for r in results]
    assert ranks == sorted(ranks)
    assert set(ranks) >= {0, 1, 2, 3}


def test_nonsense_finds_nothing(browser: CatalogBrowser) -> None:
    assert browser.search("xyzq") == []
    assert browser.search("鑫鑫鑫") == []


def test_blank_and_full_width_input(browser: CatalogBrowser) -> None:
    assert browser.search("   ") == []
    assert names(browser, "ＳＢＫ")[0] == "社会保障卡申领"


def test_limit_is_respected(browser: CatalogBrowser) -> None:
    assert len(browser.search("证", 3)) == 3


def test_results_carry_department_and_theme(browser: CatalogBrowser) -> None:
    top = browser.search("结婚")[0]
    assert (top.code, top.department, top.theme, top.theme_name) == (
        "HY-001",
        "示范市民政局",
        "marriage",
        "婚姻登记",
    )


def test_index_follows_a_newly_imported_catalog(browser: CatalogBrowser) -> None:
    from kiosk.catalog import export_document, import_document

    doc = export_document(browser._store)
    assert doc is not None
    doc["version"] += 1
    doc["services"][0]["name"] = "鑫测试事项"
    import_document(browser._store, doc)
    assert names(browser, "鑫")[0] == "鑫测试事项"
