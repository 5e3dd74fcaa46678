"""Scoring extraction against gold annotations: precision, recall and F1 per entity type
and per fact kind, for the system and for the bare-model baseline, in the same run.

A gold file (JSON, one per article) names its article and lists ``entities`` (name,
type, aliases), ``index_moves``, ``stock_moves``, ``policies`` and ``analyst_views``;
see ``tests/data/dev/*.gold.json``. A system entity matches a gold entity when their
types agree and one of the system's names (canonical label, known aliases, surface
forms in the article) equals one of the gold names after normalisation. Facts match
on their entities and values; goods match when at least half of the gold goods'
words are found.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ingest.article import Article
from ingest.errors import ReadError
from ingest.extraction import POLICY_KINDS, Extraction
from ingest.gazetteer import core_name, normalize_name
from ingest.sources import read_paths

FACT_KINDS = ("IndexMovement", "StockMovement", "Policy", "AnalystView")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass
class Report:
    """Scores by row name (an entity type or a fact kind), plus what went wrong."""

    entities: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    facts: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    misses: list[str] = field(default_factory=list)

    def table(self) -> dict[str, dict[str, float]]:
        rows = {}
        for group, scores in (("entity", self.entities), ("fact", self.facts)):
            for name, s in sorted(scores.items()):
                rows[f"{group}:{name}"] = {"precision": s.precision, "recall": s.recall, "f1": s.f1,
                                           "support": s.support, "tp": s.tp, "fp": s.fp, "fn": s.fn}
        return rows


def _names(*names: str) -> set[str]:
    out = set()
    for n in names:
        if n:
            out.add(normalize_name(n))
            out.add(core_name(n))
    out.discard("")
    return out


def _scoring_type(etype: str, is_analyst: bool) -> str:
    if etype in ("Company", "AnalystFirm"):
        return "AnalystFirm" if is_analyst else "Company"
    return etype


def load_gold(path: Path) -> tuple[dict, Path]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, (path.parent / gold["article"]).resolve()


def _close(a, b, tol: float = 0.011) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= tol


def _goods_match(system: Iterable[str], gold: list[str]) -> bool:
    gold_words = {w for g in gold for w in normalize_name(g).split()}
    if not gold_words:
        return not list(system)
    found = {w for s in system for w in normalize_name(s).split()}
    return len(gold_words & found) >= max(1, len(gold_words) // 2)


def score_article(extraction: Extraction, gold: dict, report: Report, *, label: str = "") -> None:
    """Add one article's counts to ``report``."""
    analysts = {f.role("analyst") for f in extraction.facts_of("AnalystView")}
    surfaces: dict[str, set[str]] = defaultdict(set)
    for m in extraction.mentions:
        surfaces[m.entity].add(m.text)
    gold_analysts = {v["analyst"] for v in gold.get("analyst_views", [])}
    gold_entities = [
        (e["name"], _scoring_type(e["type"], e["name"] in gold_analysts), _names(e["name"], *e.get("aliases", [])))
        for e in gold["entities"]
    ]
    # system key -> gold name, for comparing facts
    to_gold: dict[str, str] = {}
    matched_gold: set[str] = set()
    for key, entity in extraction.entities.items():
        etype = _scoring_type(entity.type, key in analysts)
        names = _names(entity.label, *entity.aliases, *surfaces.get(key, ()))
        # (the gold entity named by the label first, then one of the same type: "Washington" may be both the city
        # and, as an alias, the country)
        open_hits = [g for g in gold_entities if g[0] not in matched_gold and g[2] & names]
        named = _names(entity.label)
        hit = max(open_hits, key=lambda g: (bool(g[2] & named), g[1] == etype), default=None)
        if hit is not None:
            to_gold[key] = hit[0]
        if hit is not None and hit[1] == etype:
            matched_gold.add(hit[0])
            report.entities[etype].tp += 1
        else:
            report.entities[etype].fp += 1
            report.misses.append(f"{label}: spurious {etype} {entity.label!r}"
                                 + (f" (gold: {hit[1]} {hit[0]!r})" if hit else ""))
    for name, etype, _ in gold_entities:
        if name not in matched_gold:
            report.entities[etype].fn += 1
            report.misses.append(f"{label}: missed {etype} {name!r}")

    def g(key: str | None) -> str | None:
        return to_gold.get(key) if key else None

    def iso(value) -> str | None:
        return value.isoformat() if isinstance(value, date) else value

    systems: dict[str, list[tuple]] = {
        "IndexMovement": [(g(f.role("index")), f.values.get("percentChange"), f.values.get("closeLevel"),
                           iso(f.values.get("date"))) for f in extraction.facts_of("IndexMovement")],
        "StockMovement": [(g(f.role("company")), f.values.get("percentChange"), iso(f.values.get("date")))
                          for f in extraction.facts_of("StockMovement")],
        "Policy": [(f.kind, g(f.role("issuedBy")), g(f.role("targets")), f.values.get("ratePercent"),
                    iso(f.values.get("effectiveDate")), f.values.get("appliesTo", ()))
                   for f in extraction.facts if f.kind in POLICY_KINDS],
        "AnalystView": [(g(f.role("analyst")), {g(k) for k in f.roles.get("about", ())} - {None})
                        for f in extraction.facts_of("AnalystView")],
    }
    golds: dict[str, list[tuple]] = {
        "IndexMovement": [(m["index"], m["percent"], m.get("close"), m.get("date")) for m in gold.get("index_moves", [])],
        "StockMovement": [(m["company"], m["percent"], m.get("date")) for m in gold.get("stock_moves", [])],
        "Policy": [(p["kind"], p.get("issuer"), p.get("target"), p.get("rate"), p.get("effective_date"),
                    p.get("goods", [])) for p in gold.get("policies", [])],
        "AnalystView": [(v["analyst"], set(v.get("about", []))) for v in gold.get("analyst_views", [])],
    }
    matchers: dict[str, Callable[[tuple, tuple], bool]] = {
        "IndexMovement": lambda s, t: s[0] == t[0] and _close(s[1], t[1]) and _close(s[2], t[2], 0.02)
        and s[3] == t[3],
        "StockMovement": lambda s, t: s[0] == t[0] and _close(s[1], t[1]) and s[2] == t[2],
        "Policy": lambda s, t: s[0] == t[0] and s[1] == t[1] and s[2] == t[2] and _close(s[3], t[3])
        and s[4] == t[4] and _goods_match(s[5], t[5]),
        "AnalystView": lambda s, t: s[0] == t[0] and (s[1] & t[1] or not s[1] and not t[1]),
    }
    for kind in FACT_KINDS:
        remaining = list(golds[kind])
        for fact in systems[kind]:
            match = next((t for t in remaining if matchers[kind](fact, t)), None)
            if match is not None:
                remaining.remove(match)
                report.facts[kind].tp += 1
            else:
                report.facts[kind].fp += 1
                report.misses.append(f"{label}: spurious {kind} {_shown(fact)}")
        for t in remaining:
            report.facts[kind].fn += 1
            report.misses.append(f"{label}: missed {kind} {_shown(t)}")


def _shown(fact: tuple) -> tuple:
    """A fact as printed in the misses, sets sorted so that two runs print the same."""
    return tuple(sorted(x) if isinstance(x, set) else x for x in fact)


def gold_files(folder: Path) -> list[Path]:
    return sorted(Path(folder).glob("*.gold.json"))


def read_gold_articles(folder: Path) -> list[tuple[dict, Article]]:
    """(gold, article) pairs of a gold folder; a missing article raises :class:`ReadError`."""
    pairs = []
    for path in gold_files(folder):
        gold, article_path = load_gold(path)
        results = list(read_paths([article_path]))
        if len(results) != 1 or isinstance(results[0], ReadError):
            raise ReadError(str(path), f"its article {article_path} could not be read: {results[0]}")
        pairs.append((gold, results[0]))
    return pairs


def baseline_extraction(article: Article, nlp) -> Extraction:
    """The bare statistical model: ORG -> company, GPE -> country, PERSON -> person; no facts."""
    from ingest.extraction import Entity, Evidence, Mention

    result = Extraction(article)
    doc = nlp(article.body)
    mapping = {"ORG": "Company", "GPE": "Country", "PERSON": "Person"}
    for ent in doc.ents:
        if ent.label_ not in mapping:
            continue
        key = normalize_name(ent.text)
        entity = result.entities.setdefault(key, Entity(key=key, label=ent.text, type=mapping[ent.label_]))
        entity.aliases.add(ent.text)
        result.mentions.append(Mention(key, ent.text, ent.start_char, ent.end_char,
                                       Evidence(0, ent.sent.text, ent.sent.start_char, ent.sent.end_char), 0.5, "baseline"))
    return result
