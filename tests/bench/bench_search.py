"""Benchmark: per-keystroke search latency and index memory on synthetic catalogs.

Builds catalogs of 10,000 and 100,000 services from combinations of real-looking words,
types queries one character at a time (1-4 Chinese characters, and 2-4 pinyin initials) and
prints ONE JSON line: p50/p95 latency in ms per query length, index build time and memory
(tracemalloc), plus the end-to-end import time (with pypinyin) for the 10,000 catalog.
Targets: p95 <= 15 ms at 10,000 and <= 60 ms at 100,000. ``phrases_first_hit``: the share of
what citizens type (tests/data/phrases.json) whose expected service is the first hit on the
real bundled catalog; target >= 0.90. The end-to-end import of 10,000 services: <= 5 s (#22).
"targets" and "pass" say which were met.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.catalog import (  # noqa: E402
    BUNDLED_CATALOG,
    BUNDLED_SYNONYMS,
    CatalogBrowser,
    import_document,
)
from kiosk.catalog.browse import load_search_entries  # noqa: E402
from kiosk.catalog.pinyin import pinyin_key  # noqa: E402
from kiosk.catalog.search import SearchEntry, SearchIndex, SynonymTable  # noqa: E402
from kiosk.store import Store  # noqa: E402
from tests.bench.timing import verdict  # noqa: E402
from tests.phrases import TARGET, load_phrases, score  # noqa: E402

SUBJECTS = (
    "社会保障卡 居民身份证 医疗保险 养老保险 失业保险 工伤保险 生育保险 住房公积金 营业执照 "
    "食品经营许可 道路运输证 机动车驾驶证 不动产权证 结婚证 出生医学证明 残疾人证 居住证 "
    "户口簿 教师资格 律师执业 医师执业 护士执业 建筑施工许可 排污许可 取水许可 林木采伐 "
    "药品经营许可 卫生许可 消防安全检查 特种设备使用登记 商标 专利 著作权 档案 学籍 "
    "公租房 低保 特困供养 临时救助 高龄津贴 优待证 读者证 体育场地 演出许可 网吧许可 "
    "出版物经营 广播电视 旅行社 导游证 渔业捕捞 农机登记 种子生产 兽药经营 动物防疫 "
    "城市道路占用 户外广告 燃气经营 供水 供电 排水 殡葬 墓地 宗教活动场所 社会团体 "
    "民办非企业 基金会 慈善组织 退役军人 优抚 烈士褒扬 人才引进 职称评审 技能等级 "
    "创业担保贷款 就业创业证 劳务派遣 人力资源服务 劳动合同 工资支付 个体工商户"
).split()
QUALIFIERS = (
    "城乡居民 职工 个人 企业 残疾人 老年人 学生 外籍人员 港澳台居民 退役军人 农村 城镇 "
    "灵活就业人员 新生儿 未成年人 失业人员 高校毕业生 异地 跨省 本市"
).split()
ACTIONS = (
    "申领 补领 换领 变更登记 注销登记 备案 认定 查询 转移接续 审批 延续 年度报告 证明打印 "
    "待遇申请 资格审核 信息修改 挂失 预约 咨询 补贴申请 首次登记 迁入 迁出 撤销 复核 "
    "减免申请 退费 续期 核验 评估"
).split()
DEPARTMENTS = ("示范市人力资源和社会保障局", "示范市民政局", "示范市公安局", "示范市医疗保障局")
PHRASES = (
    "符合条件的申请人可在本市任一政务服务大厅办理。",
    "材料齐全、符合法定形式的当场受理。",
    "可通过示范市政务服务网在线申请并查询办理进度。",
    "办理结果可选择窗口领取或免费邮寄。",
    "需提供居民身份证、户口簿和申请表。",
    "经济困难的可书面承诺代替收入证明。",
)


@cache
def word_pinyin(word: str) -> str:
    return pinyin_key(word)


def synthetic_entries(n: int, rng: random.Random) -> list[SearchEntry]:
    """``n`` search entries; pinyin composed from cached word pinyin (import does the same)."""
    out = []
    for i in range(n):
        q, s, a = rng.choice(QUALIFIERS), rng.choice(SUBJECTS), rng.choice(ACTIONS)
        words = (q, s, a) if rng.random() < 0.6 else (s, a)
        name = "".join(words)
        keywords = (s, a, q)
        out.append(
            SearchEntry(
                code=f"SYN-{i:06d}",
                name=name,
                department=rng.choice(DEPARTMENTS),
                theme="t",
                theme_name="主题",
                popularity=rng.randrange(100),
                name_pinyin=" ".join(word_pinyin(w) for w in words),
                keywords=keywords,
                keywords_pinyin=tuple(word_pinyin(k) for k in keywords),
                body=" ".join(rng.sample(PHRASES, 3)) + f" {s}{a}相关材料",
            )
        )
    return out


def keystroke_queries(entries: list[SearchEntry], rng: random.Random, count: int) -> list[str]:
    """Queries as typed: prefixes of 4-character substrings of names, and of initials."""
    typed: list[str] = []
    for _ in range(count):
        name = rng.choice(entries).name
        start = rng.randrange(max(1, len(name) - 3))
        word = name[start : start + 4]
        typed.extend(word[:k] for k in range(1, len(word) + 1))
        initials = "".join(s[0] for s in rng.choice(entries).name_pinyin.split())
        typed.extend(initials[:k] for k in range(2, min(4, len(initials)) + 1))
    return typed


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(size: int, synonyms: SynonymTable) -> dict[str, Any]:
    rng = random.Random(size)
    entries = synthetic_entries(size, rng)
    t0 = time.perf_counter()
    index = SearchIndex(entries, synonyms)
    build_s = time.perf_counter() - t0
    # Memory from a second build under tracemalloc (tracing slows building several times).
    del index
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    index = SearchIndex(entries, synonyms)
    memory = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    timings: dict[str, list[float]] = {}
    for query in keystroke_queries(entries, rng, 300):
        kind = f"latin{len(query)}" if query.isascii() else f"zh{len(query)}"
        t = time.perf_counter()
        index.search(query, 20)
        timings.setdefault(kind, []).append((time.perf_counter() - t) * 1000)
    every = [v for vs in timings.values() for v in vs]
    return {
        "build_s": round(build_s, 2),
        "index_mb": round(memory / 2**20, 1),
        "p95_all_ms": round(percentile(every, 95), 2),
        "max_ms": round(max(every), 2),
        **{
            kind: {
                "n": len(vs),
                "p50_ms": round(statistics.median(vs), 3),
                "p95_ms": round(percentile(vs, 95), 3),
            }
            for kind, vs in sorted(timings.items())
        },
    }


def import_10k() -> dict[str, Any]:
    """End to end for 10,000 services: validate, pinyin, one transaction, index from store."""
    doc = json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))
    base = doc["services"]
    doc["services"] = []
    for i in range(10_000):
        item = json.loads(json.dumps(base[i % len(base)]))
        item["code"] = f"BULK-{i:05d}"
        item["name"] = f"{item['name']}{i % 97}号"
        doc["services"].append(item)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "kiosk.db")
        try:
            t = time.perf_counter()
            import_document(store, doc)
            import_s = time.perf_counter() - t
            t = time.perf_counter()
            SearchIndex(load_search_entries(store), SynonymTable.load(BUNDLED_SYNONYMS))
            startup_s = time.perf_counter() - t
        finally:
            store.close()
    return {"import_s": round(import_s, 2), "index_from_store_s": round(startup_s, 2)}


def phrases_first_hit() -> dict[str, Any]:
    """The phrase list on the bundled catalog, as the search page asks (first hit of a page)."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "kiosk.db")
        try:
            import_document(store, json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8")))
            browser = CatalogBrowser.open(store, BUNDLED_SYNONYMS)
            result = score(lambda q: [r.code for r in browser.search(q, 20)], load_phrases())
        finally:
            store.close()
    return {
        "phrases_first_hit": round(result.share, 3),
        "phrases": result.total,
        "phrases_ok": result.share >= TARGET,
        "phrases_missed": [typed for typed, _, _ in result.misses],
    }


def main() -> int:
    synonyms = SynonymTable.load(BUNDLED_SYNONYMS)
    result = {
        "bench": "catalog_search",
        "limit": 20,
        "n10000": measure(10_000, synonyms),
        "n100000": measure(100_000, synonyms),
        "import_n10000": import_10k(),
        **phrases_first_hit(),
    }
    targets = {
        "n10000.p95_all_ms": 15,
        "n100000.p95_all_ms": 60,
        "import_n10000.import_s": 5,
        "phrases_first_hit": TARGET,
    }
    result |= verdict(result, targets, at_least=frozenset({"phrases_first_hit"}))
    print(json.dumps(result, ensure_ascii=False, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
