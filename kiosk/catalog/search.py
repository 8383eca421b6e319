"""Search the catalog as a citizen types: Chinese substrings, pinyin, initials, synonyms.

Why not SQLite FTS5: its trigram tokenizer cannot match queries of one or two characters
(医保, 户口, 社保), which are what citizens type most. The index here lives in memory, built
at start from the rows the importer wrote (pinyin already computed, so no pypinyin work).

Ranking, best first:

0. the name starts with the query (Chinese), or its pinyin / initials do (``shebao``, ``sbkx``);
1. the name contains the query, or its pinyin / initials from a syllable boundary do;
2. a keyword matches, or a synonym of the query (医保 → 医疗保险) is in the name or keywords;
3. the guide text (description, conditions, materials, units) contains the query.

A query wrapped in everyday words (我想…, …了, …怎么办) that leaves the page short is searched
once more without them (``core_of``), its hits after the query's own: 失业了 finds 失业. If the
page is still short, a keyword found whole *inside* the query counts (办准生证 holds 准生证,
宝宝上户口 holds 上户口), longer keywords first: each substring of the query is looked up in a
table of keywords, so it costs a few hundred dictionary look-ups, not a scan.

Within a tier: more popular first, then shorter name, then code. Documents are numbered in
that order, and every field is one long string per kind (entries joined by a separator), so
``str.find`` scans in C and hits come out already ranked: a scan stops as soon as it has
enough results, and lower tiers are not searched once the higher ones filled the page.
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from kiosk.catalog.pinyin import initials_of, is_latin, normalize_query, pinyin_keys

SEP = "\x00"
TIER_NAMES = ("name_prefix", "name", "keyword", "text")
MAX_KEYWORD_INSIDE = 12  # longest keyword looked for inside a query (characters)
# Words around what a citizen means, not part of it; longest first so 怎么办理 goes whole.
FILLER_PREFIXES = ("我想要", "我想", "我要", "想要", "请问", "怎么", "如何")
FILLER_SUFFIXES = ("怎么办理", "在哪里办", "怎么办", "怎么弄", "在哪办", "去哪办", "了", "吗", "呢")


def core_of(query: str) -> str:
    """``query`` (normalized) without the everyday words around it; itself when nothing of at
    least two characters would be left (了 alone stays 了, 结婚了 becomes 结婚)."""
    core = query
    for prefix in FILLER_PREFIXES:
        if core.startswith(prefix):
            core = core[len(prefix) :]
            break
    stripped = True
    while stripped:  # 丢了怎么办: both go
        stripped = False
        for suffix in FILLER_SUFFIXES:
            if core.endswith(suffix) and len(core) > len(suffix):
                core = core[: -len(suffix)]
                stripped = True
                break
    return core if len(core) >= 2 else query


@dataclass(frozen=True)
class SearchEntry:
    """What the index needs of one service (read from the store's search rows)."""

    code: str
    name: str
    department: str
    theme: str
    theme_name: str
    popularity: int
    name_pinyin: str  # syllables separated by spaces
    keywords: tuple[str, ...]
    keywords_pinyin: tuple[str, ...]
    body: str
    kind: str = "service"  # or "referral": handled elsewhere (不在本大厅办理)


@dataclass(frozen=True)
class SearchResult:
    """One hit: enough for a result list; ``matched`` says which tier found it, ``kind``
    whether it is a service of the hall or a referral elsewhere."""

    code: str
    name: str
    department: str
    theme: str
    theme_name: str
    matched: str
    kind: str = "service"


class SynonymTable:
    """Groups of words that mean the same to a citizen (医保 = 医疗保险 = 医疗保障)."""

    def __init__(self, groups: Iterable[Sequence[str]]) -> None:
        self.groups = [tuple(dict.fromkeys(normalize_query(t) for t in g if t)) for g in groups]
        # Latin forms of each term: a citizen typing "yibao" means 医保.
        self._latin: list[tuple[str, int]] = []
        terms = [(i, term) for i, group in enumerate(self.groups) for term in group]
        for (i, _term), key in zip(terms, pinyin_keys([t for _, t in terms]), strict=True):
            self._latin.append((key.replace(" ", ""), i))
            self._latin.append((initials_of(key), i))

    @classmethod
    def load(cls, path: Path) -> SynonymTable:
        """Read ``synonyms.json``: ``{"groups": [["医保", "医疗保险"], …]}``."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["groups"])

    def alternatives(self, query: str) -> list[str]:
        """Other ways to write ``query``: each term found in it replaced by its synonyms."""
        out: dict[str, None] = {}
        if is_latin(query):
            for latin, i in self._latin:
                if len(query) >= 2 and latin == query:
                    out.update(dict.fromkeys(self.groups[i]))
            return list(out)
        for group in self.groups:
            for term in group:
                if term in query:
                    for other in group:
                        if other != term:
                            out[query.replace(term, other)] = None
        out.pop(query, None)
        return list(out)


class _Blob:
    """Many short strings as one: ``SEP + e0 + SEP + e1 …``, each entry owned by a document."""

    def __init__(self) -> None:
        self._entries: list[str] = []
        self._owners: list[int] = []
        self._starts = array("q")
        self._docs = array("i")
        self.text = ""

    def add(self, doc: int, entry: str) -> None:
        self._entries.append(entry)
        self._owners.append(doc)

    def freeze(self) -> None:
        # Offsets are computed once here rather than per add(): building is a startup cost.
        self.text = SEP + SEP.join(self._entries)
        self._starts = array("q", accumulate((len(e) + 1 for e in self._entries), initial=1))
        self._starts.pop()
        self._docs = array("i", self._owners)
        self._entries, self._owners = [], []

    def scan(self, needle: str, prefix: bool) -> Iterator[int]:
        """Documents whose entry starts with (or contains) ``needle``, in document order."""
        if not needle or SEP in needle:
            return
        text, starts, docs = self.text, self._starts, self._docs
        target = SEP + needle if prefix else needle
        shift = 1 if prefix else 0
        pos = text.find(target)
        while pos >= 0:
            entry = bisect_right(starts, pos + shift) - 1
            yield docs[entry]
            nxt = entry + 1
            if nxt >= len(starts):
                return
            # Skip the rest of this entry: one hit per entry is enough.
            pos = text.find(target, starts[nxt] - shift)


class SearchIndex:
    """The in-memory search index. Build once per catalog version; read-only afterwards."""

    def __init__(self, entries: Iterable[SearchEntry], synonyms: SynonymTable) -> None:
        self.synonyms = synonyms
        self.docs = sorted(entries, key=lambda e: (-e.popularity, len(e.name), e.code))
        self._names = _Blob()
        self._name_latin = _Blob()  # full pinyin and initials of the whole name
        self._name_latin_inner = _Blob()  # the same from each later syllable on
        self._keywords = _Blob()
        self._keyword_latin = _Blob()
        self._body = _Blob()
        self._keyword_docs: dict[str, list[int]] = {}  # keyword -> documents, in rank order
        for doc, e in enumerate(self.docs):
            self._add(doc, e)
        for blob in self._blobs():
            blob.freeze()

    def _blobs(self) -> tuple[_Blob, ...]:
        return (
            self._names,
            self._name_latin,
            self._name_latin_inner,
            self._keywords,
            self._keyword_latin,
            self._body,
        )

    def _add(self, doc: int, e: SearchEntry) -> None:
        self._names.add(doc, normalize_query(e.name))
        sylls = e.name_pinyin.split()
        heads = [s[0] for s in sylls]
        self._name_latin.add(doc, "".join(sylls))
        self._name_latin.add(doc, "".join(heads))
        for i in range(1, len(sylls)):
            self._name_latin_inner.add(doc, "".join(sylls[i:]))
            self._name_latin_inner.add(doc, "".join(heads[i:]))
        for kw, kw_pinyin in zip(e.keywords, e.keywords_pinyin, strict=False):
            self._keywords.add(doc, normalize_query(kw))
            docs = self._keyword_docs.setdefault(normalize_query(kw), [])
            if not docs or docs[-1] != doc:
                docs.append(doc)
            self._keyword_latin.add(doc, kw_pinyin.replace(" ", ""))
            self._keyword_latin.add(doc, initials_of(kw_pinyin))
        self._body.add(doc, normalize_query(e.body))

    def __len__(self) -> int:
        return len(self.docs)

    def _tiers(self, q: str) -> list[list[Iterator[int]]]:
        alternatives = self.synonyms.alternatives(q)
        synonym_sources = [self._names.scan(a, False) for a in alternatives]
        synonym_sources += [self._keywords.scan(a, False) for a in alternatives]
        if is_latin(q):
            return [
                [self._name_latin.scan(q, True), self._names.scan(q, True)],
                [self._name_latin_inner.scan(q, True), self._names.scan(q, False)],
                [self._keyword_latin.scan(q, True), self._keywords.scan(q, False)]
                + synonym_sources,
                [],
            ]
        return [
            [self._names.scan(q, True)],
            [self._names.scan(q, False)],
            [self._keywords.scan(q, False)] + synonym_sources,
            [self._body.scan(q, False)] + [self._body.scan(a, False) for a in alternatives],
        ]

    def search(self, query: str, limit: int = 20) -> list[SearchResult]:
        """The best ``limit`` services for what the citizen typed so far ([] for blank input)."""
        q = normalize_query(query)
        if not q or limit <= 0:
            return []
        found: dict[int, int] = {}  # doc -> tier, in rank order
        self._collect(q, limit, found)
        core = core_of(q)
        if core != q and len(found) < limit:
            self._collect(core, limit, found)
        if len(found) < limit and not is_latin(q):
            self._keywords_inside(core, limit, found)
        return [self._result(doc, tier) for doc, tier in found.items()]

    def _keywords_inside(self, q: str, limit: int, found: dict[int, int]) -> None:
        """Add documents with a keyword (of two characters or more) found whole inside ``q``,
        longest keyword first, each length in rank order."""
        tier = TIER_NAMES.index("keyword")
        for size in range(min(len(q) - 1, MAX_KEYWORD_INSIDE), 1, -1):
            hits: set[int] = set()
            for start in range(len(q) - size + 1):
                hits.update(self._keyword_docs.get(q[start : start + size], ()))
            for doc in sorted(hits - found.keys()):
                if len(found) >= limit:
                    return
                found[doc] = tier

    def _collect(self, q: str, limit: int, found: dict[int, int]) -> None:
        """Add the best hits of ``q`` to ``found`` (in rank order) until it holds ``limit``."""
        for tier, sources in enumerate(self._tiers(q)):
            need = limit - len(found)
            if need <= 0:
                break
            candidates: set[int] = set()
            for source in sources:
                taken = 0
                for doc in source:
                    if doc in found or doc in candidates:
                        continue
                    candidates.add(doc)
                    taken += 1
                    if taken >= need:
                        break
            for doc in sorted(candidates)[:need]:
                found[doc] = tier

    def _result(self, doc: int, tier: int) -> SearchResult:
        e = self.docs[doc]
        return SearchResult(
            e.code, e.name, e.department, e.theme, e.theme_name, TIER_NAMES[tier], e.kind
        )
