"""Extraction quality on the dev set (tests/data/dev): the figures must not drop.

Targets (issue "Extraction quality"): F1 >= 0.90 for each entity type seen at least 10
times, F1 >= 0.85 for each fact kind. Rows not yet at target are held at the level
reached so far (FLOORS) so that a change can only move them up; the README's
"Extraction quality" table lists them.
"""

from pathlib import Path

import pytest

from ingest.evaluate import Report, baseline_extraction, read_gold_articles, score_article

DEV = Path(__file__).resolve().parent.parent / "data" / "dev"
ENTITY_TARGET, FACT_TARGET = 0.90, 0.85
# every row is at its target on the 1,293 articles; a row that falls
# below its target again would be held here at the level reached so far
FLOORS: dict[str, float] = {}


@pytest.fixture(scope="module")
def reports(extractor, settings):
    import spacy

    bare = spacy.load(settings.spacy_model)
    system, baseline = Report(), Report()
    pairs = read_gold_articles(DEV)
    assert len(pairs) >= 1293  # the seed and the articles written for the dev set
    for gold, article in pairs:
        score_article(extractor.extract(article), gold, system, label=gold["article"])
        score_article(baseline_extraction(article, bare), gold, baseline, label=gold["article"])
    return system.table(), baseline.table()


def _rows():
    return [f"entity:{t}" for t in ("AnalystFirm", "City", "Company", "Country", "GovernmentBody", "Person",
                                    "StockIndex")] + [f"fact:{k}" for k in ("IndexMovement", "StockMovement",
                                                                             "Policy", "AnalystView")]


@pytest.mark.parametrize("row", _rows())
def test_dev_set_f1_meets_its_target_or_floor(reports, row):
    system, _ = reports
    assert system[row]["support"] >= 10, f"{row} is too rare in the dev set to be judged"
    target = ENTITY_TARGET if row.startswith("entity:") else FACT_TARGET
    wanted = FLOORS.get(row, target)
    assert system[row]["f1"] >= wanted, f"{row}: F1 {system[row]['f1']:.2f} < {wanted}"


@pytest.mark.parametrize("row", _rows())
def test_system_beats_the_bare_model(reports, row):
    system, baseline = reports
    assert system[row]["f1"] > baseline.get(row, {"f1": 0.0})["f1"]
