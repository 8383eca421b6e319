"""The in-memory search index ranks and limits correctly (entries built by hand)."""

from __future__ import annotations

from kiosk.catalog.pinyin import initials_of, normalize_query, pinyin_key
from kiosk.catalog.search import SearchEntry, SearchIndex, SynonymTable, core_of


def entry(code: str, name: str, keywords: tuple[str, ...] = (), body: str = "", pop: int = 0):
    return SearchEntry(
        code=code,
        name=name,
        department="示范市某局",
        theme="t",
        theme_name="主题",
        popularity=pop,
        name_pinyin=pinyin_key(name),
        keywords=keywords,
        keywords_pinyin=tuple(pinyin_key(k) for k in keywords),
        body=body,
    )


SYN = SynonymTable([["医保", "医疗保险"], ["社保", "社会保险", "社会保障"]])


def test_tiers_order_prefix_name_keyword_text() -> None:
    index = SearchIndex(
        [
            entry("D", "其他事项", body="需要带户口簿"),
            entry("C", "迁入登记", keywords=("户口",)),
            entry("B", "死亡户口注销"),
            entry("A", "户口迁入"),
        ],
        SYN,
    )
    assert [r.code for r in index.search("户口")] == ["A", "B", "C", "D"]
    assert [r.matched for r in index.search("户口")] == ["name_prefix", "name", "keyword", "text"]


def test_within_a_tier_popular_then_short_then_code() -> None:
    index = SearchIndex(
        [
            entry("X2", "社保转移接续"),
            entry("X1", "社保证明打印"),
            entry("X3", "社保卡补换", pop=5),
        ],
        SYN,
    )
    assert [r.code for r in index.search("社保")] == ["X3", "X1", "X2"]


def test_synonym_in_name_counts_as_keyword_tier() -> None:
    index = SearchIndex([entry("M", "城乡居民医疗保险参保"), entry("N", "医保卡")], SYN)
    results = index.search("医保")
    assert [(r.code, r.matched) for r in results] == [("N", "name_prefix"), ("M", "keyword")]


def test_pinyin_prefix_inner_syllable_and_initials() -> None:
    index = SearchIndex([entry("S", "社会保障卡申领", keywords=("社保卡",))], SYN)
    assert index.search("shehui")[0].matched == "name_prefix"
    assert index.search("shbz")[0].matched == "name_prefix"
    assert index.search("baozhang")[0].matched == "name"
    assert index.search("sbk")[0].matched == "keyword"
    # "hui" inside "shehui" is not a syllable boundary match for "ui".
    assert index.search("uibao") == []


def test_limit_stops_each_tier() -> None:
    index = SearchIndex([entry(f"C{i:03d}", f"证明{i}") for i in range(200)], SYN)
    assert len(index.search("证", 7)) == 7
    assert index.search("证", 0) == []


def test_one_hit_per_service_even_when_the_query_repeats() -> None:
    index = SearchIndex([entry("R", "证证证", keywords=("证",), body="证证")], SYN)
    assert [r.code for r in index.search("证")] == ["R"]


def test_latin_synonym_expands_to_chinese_terms() -> None:
    index = SearchIndex([entry("M", "城乡居民医疗保险参保")], SYN)
    assert [r.code for r in index.search("yibao")] == ["M"]


def test_pinyin_helpers() -> None:
    assert pinyin_key("社保卡") == "she bao ka"
    assert initials_of("she bao ka") == "sbk"
    assert pinyin_key("ETC办理") == "etc ban li"
    assert normalize_query(" Ｓhe Bao ") == "shebao"


def test_a_process_without_pypinyin_gets_the_same_keys_from_the_child_process():
    import subprocess
    import sys

    script = (
        "import sys, json\n"
        "from kiosk.catalog.pinyin import pinyin_keys\n"
        "keys = pinyin_keys(['银行卡', '社保卡', 'ABC证明', '重庆'])\n"
        "assert 'pypinyin' not in sys.modules, 'pypinyin was loaded in the terminal process'\n"
        "print(json.dumps(keys))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    import json

    assert json.loads(done.stdout) == [
        pinyin_key("银行卡"),
        pinyin_key("社保卡"),
        pinyin_key("ABC证明"),
        pinyin_key("重庆"),
    ]


def test_everyday_words_around_a_query_are_dropped_when_the_page_is_short() -> None:
    index = SearchIndex(
        [
            entry("U", "失业保险金申领", keywords=("失业",), pop=10),
            entry("M", "结婚登记", keywords=("结婚",), pop=5),
            entry("X", "失业了怎么办讲座", pop=1),
        ],
        SYN,
    )
    # The query's own hit (the literal phrase) stays first; the core's hits follow.
    assert [r.code for r in index.search("失业了怎么办")] == ["X", "U"]
    assert [r.code for r in index.search("失业了")] == ["X", "U"]
    assert [r.code for r in index.search("我想结婚")] == ["M"]
    assert [r.code for r in index.search("失业了", 1)] == ["X"]  # a full page is not extended
    assert core_of("结婚了") == "结婚"
    assert core_of("我要开公司") == "开公司"
    assert core_of("了") == "了" and core_of("好了") == "好了"  # nothing of two characters left
    assert core_of("请问怎么办") == "怎么办"  # a filler alone is kept, not emptied


def test_a_keyword_inside_a_longer_query_finds_its_service_longest_first() -> None:
    index = SearchIndex(
        [
            entry("P", "生育登记", keywords=("准生证",), pop=5),
            entry("L", "企业开办", keywords=("营业执照",), pop=9),
            entry("D", "企业注销", keywords=("注销",), pop=1),
            entry("B", "某某", keywords=("生证",), pop=50),
        ],
        SYN,
    )
    assert [r.code for r in index.search("办准生证")] == ["P", "B"]  # 准生证 before 生证
    assert [r.code for r in index.search("注销营业执照")] == ["L", "D"]
    assert [r.matched for r in index.search("办准生证")] == ["keyword", "keyword"]
    assert [r.code for r in index.search("办准生证", 1)] == ["P"]
    assert index.search("办事须知") == []  # no keyword inside, nothing made up
    latin = SearchIndex([entry("G", "商标注册", keywords=("logo",))], SYN)
    assert latin.search("logo")[0].code == "G"
    assert latin.search("mylogo") == []  # letters are pinyin: matched by their own tiers only
