"""Measuring the fuzzy-matching threshold of entity resolution.

Resolution matches a name the model found against known names with rapidfuzz's
``token_sort_ratio`` (ingest/resolve.py, FUZZY_THRESHOLD). This script measures, for
thresholds from 70 to 100, how often that match is right:

* positives: variants of gazetteer company and index names as news writes them (legal
  suffixes added or dropped, "&"/"and", punctuation, case, one typo); each should resolve
  to its own entity;
* negatives: real-looking names of other companies that are NOT in the gazetteer (made
  from gazetteer words recombined); each should resolve to nothing.

It prints precision and recall per threshold and the one with the best F1. Deterministic.

    python benchmarks/fuzzy_threshold.py
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from ingest.gazetteer import load_gazetteer, normalize_name  # noqa: E402

SUFFIXES = ["Ltd", "Limited", "Inc", "Corp", "Holdings", "Group", "Co", "plc", "AG", "SA"]


def variants(name: str, rng: random.Random) -> list[str]:
    words = name.split()
    out = [name.upper(), name + " " + rng.choice(SUFFIXES), name.replace("&", "and")]
    if len(words) > 1 and words[-1] in SUFFIXES + ["Corporation", "Company", "Holding"]:
        out.append(" ".join(words[:-1]))
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) > 5:  # one typo in the longest word
        k = rng.randrange(1, len(word) - 1)
        out.append(" ".join(words[:longest] + [word[:k] + word[k + 1:]] + words[longest + 1:]))
    return [v for v in out if normalize_name(v) != normalize_name(name)]


def main() -> int:
    rng = random.Random(11)
    gazetteer = load_gazetteer(ROOT / "ontologies" / "gazetteer")
    entries = [e for e in gazetteer.entries.values() if e.type in ("Company", "AnalystFirm", "StockIndex")]
    names = {normalize_name(n): e.id for e in entries for n in (e.label, *e.aliases) if len(n) > 5}
    positives = [(v, e.id) for e in rng.sample(entries, 300) for v in variants(e.label, rng)]
    vocabulary = sorted({w for e in entries for w in e.label.split() if w.isalpha() and len(w) > 3})
    negatives = []
    while len(negatives) < len(positives):
        candidate = " ".join(rng.sample(vocabulary, 2)) + " " + rng.choice(SUFFIXES)
        if normalize_name(candidate) not in names:
            negatives.append(candidate)

    def best(name: str):
        return process.extractOne(normalize_name(name), names.keys(), scorer=fuzz.token_sort_ratio)

    scored_pos = [(best(v), target) for v, target in positives]
    scored_neg = [best(v) for v in negatives]
    rows = []
    for threshold in range(70, 101, 2):
        tp = sum(1 for (name, score, _), target in scored_pos if score >= threshold and names[name] == target)
        fp = sum(1 for (name, score, _), target in scored_pos if score >= threshold and names[name] != target)
        fp += sum(1 for _, score, _ in scored_neg if score >= threshold)
        fn = len(positives) - tp
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append({"threshold": threshold, "precision": precision, "recall": recall, "f1": f1})
    print(f"{len(positives)} variant names of known entities, {len(negatives)} unknown names")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6}")
    for row in rows:
        print(f"{row['threshold']:9d} {row['precision']:9.3f} {row['recall']:7.3f} {row['f1']:6.3f}")
    top = max(rows, key=lambda r: (r["f1"], r["precision"]))
    print(f"best F1 at threshold {top['threshold']}")
    out = ROOT / "benchmarks" / "results" / "fuzzy_threshold.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"rows": rows, "best": top}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
