"""Ingest throughput: `marketgraph ingest`'s pipeline against bare `nlp.pipe` of the same model.

Both run in this process on the same texts, so the ratio holds on a busy machine where
absolute times drift. The texts are the bundled samples, the dev set and the seed,
repeated (with a counter in the title, so every copy is a new article) up to --articles,
or with --synthetic as many generated reports (benchmarks/generate.py).

    python benchmarks/ingest_throughput.py --articles 400 [--workers 2] [--synthetic]

Prints a table and writes benchmarks/results/ingest_throughput.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from api.service import ingest_articles  # noqa: E402
from api.settings import Settings  # noqa: E402
from graph.store import open_store  # noqa: E402
from ingest.article import Article  # noqa: E402
from ingest.errors import ReadError  # noqa: E402
from ingest.sources import read_paths  # noqa: E402


def synthetic_corpus(count: int) -> list[Article]:
    """Articles written by benchmarks/generate.py's templates (real names, the extractors' phrasings)."""
    from generate import ArticleGenerator

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("\n".join(ArticleGenerator().lines(count)) + "\n", encoding="utf-8")
        return [a for a in read_paths([path]) if not isinstance(a, ReadError)]


def corpus(count: int) -> list[Article]:
    sources = [ROOT / "samples", ROOT / "tests" / "data" / "dev", ROOT.parent / "shared" / "seeds"]
    base = [a for a in read_paths([p for p in sources if p.exists()]) if not isinstance(a, ReadError)]
    articles = []
    for n in range(count):
        a = base[n % len(base)]
        articles.append(dataclasses.replace(a, title=f"{a.title} #{n}", url=None, source_id=f"bench-{n}"))
    return articles


def run(count: int, batch_size: int, workers: int = 1, synthetic: bool = False) -> dict:
    import spacy

    settings = Settings()
    articles = synthetic_corpus(count) if synthetic else corpus(count)
    words = sum(len(a.body.split()) for a in articles)

    bare = spacy.load(settings.spacy_model)
    for _ in bare.pipe(a.body for a in articles[:8]):  # warm-up
        pass
    started = time.perf_counter()
    for _ in bare.pipe((a.body for a in articles), batch_size=batch_size):
        pass
    bare_seconds = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "kg")
        # the pipeline is built (and cached) before the clock starts, as bare spaCy was loaded
        from ingest.nlp import get_pipeline

        for _ in get_pipeline(settings.spacy_model, settings.gazetteer_dir).pipe(a.body for a in articles[:8]):
            pass
        started = time.perf_counter()
        summary = ingest_articles(articles, store, model=settings.spacy_model, gazetteer_dir=settings.gazetteer_dir,
                                  lexicon=settings.lexicon, batch_size=batch_size, workers=workers)
        ours_seconds = time.perf_counter() - started
        store.close()
    assert summary.new == count, summary

    result = {
        "articles": count,
        "words": words,
        "batch_size": batch_size,
        "workers": workers,
        "corpus": "synthetic" if synthetic else "samples, dev set and seed, repeated",
        "model": settings.spacy_model,
        "bare_nlp_pipe": {"seconds": bare_seconds, "articles_per_s": count / bare_seconds,
                          "words_per_s": words / bare_seconds},
        "marketgraph_ingest": {"seconds": ours_seconds, "articles_per_s": count / ours_seconds,
                               "words_per_s": words / ours_seconds, "triples": summary.triples},
        "ratio": bare_seconds / ours_seconds,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine()},
    }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400, help="number of articles (default 400)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1, help="extraction processes for marketgraph ingest")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "ingest_throughput.json")
    parser.add_argument("--synthetic", action="store_true",
                        help="articles from benchmarks/generate.py's templates instead of the bundled ones repeated")
    args = parser.parse_args(argv)
    result = run(args.articles, args.batch_size, args.workers, args.synthetic)
    bare, ours = result["bare_nlp_pipe"], result["marketgraph_ingest"]
    print(f"{args.articles} articles, {result['words']} words, batch {args.batch_size}, "
          f"{args.workers} worker(s), model {result['model']}")
    print(f"{'':24} {'articles/s':>11} {'words/s':>10} {'seconds':>8}")
    print(f"{'bare nlp.pipe':24} {bare['articles_per_s']:11.1f} {bare['words_per_s']:10.0f} {bare['seconds']:8.2f}")
    print(f"{'marketgraph ingest':24} {ours['articles_per_s']:11.1f} {ours['words_per_s']:10.0f} {ours['seconds']:8.2f}")
    print(f"ratio (marketgraph / bare model speed): {result['ratio']:.2f}x")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
