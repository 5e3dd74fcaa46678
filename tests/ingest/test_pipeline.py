"""Extraction on the seed article: what a reader of the article would check."""

from datetime import date
from decimal import Decimal

import pytest


def _label(extraction, key):
    return extraction.entities[key].label if key else None


def _moves(extraction, kind, role):
    return {
        _label(extraction, f.role(role)): (f.values["percentChange"], f.values.get("closeLevel"), f.values.get("date"))
        for f in extraction.facts_of(kind)
    }


def test_index_moves(seed_extraction):
    moves = _moves(seed_extraction, "IndexMovement", "index")
    assert moves == {
        "Hang Seng Index": (Decimal("2.83"), Decimal("20789.96"), date(2025, 2, 4)),
        "Hang Seng Tech Index": (Decimal("5"), Decimal("4977.38"), date(2025, 2, 4)),
        "Hang Seng China Enterprises Index": (Decimal("3.51"), Decimal("7643.63"), date(2025, 2, 4)),
    }


@pytest.mark.parametrize(
    ("company", "pct"),
    [("GDS Holdings", "19"), ("Solomon Systech", "16.7"), ("Shanghai Fudan Microelectronics", "13.1"),
     ("XPeng", "12"), ("Li Auto", "8.7"), ("Geely", "7.9"), ("JD.com", "6.7"), ("Meituan", "6"),
     ("Alibaba Group", "3.9")],
)
def test_stock_moves(seed_extraction, company, pct):
    moves = _moves(seed_extraction, "StockMovement", "company")
    assert len(moves) == 9  # all nine stock moves of the seed
    matches = [v for label, v in moves.items() if label.startswith(company)]
    assert matches, f"no move for {company}: {sorted(moves)}"
    assert matches[0][0] == Decimal(pct)
    assert matches[0][2] == date(2025, 2, 4)


def test_entity_types(seed_extraction):
    types = {e.label: e.type for e in seed_extraction.entities.values()}
    assert types["Hang Seng Index"] == "StockIndex"
    assert types["China"] == types["United States"] == types["Hong Kong"] == "Country"
    assert types["Donald Trump"] == "Person"
    assert types["XPeng"] == types["Meituan"] == "Company"
    assert types["Huatai Securities"] == "AnalystFirm"
    # technologies and products are not entities
    for not_entity in ("AI", "LNG", "EV"):
        assert not_entity not in types
    # surface forms resolve to one node
    us = next(e for e in seed_extraction.entities.values() if e.label == "United States")
    assert "US" in us.aliases


def test_policies(seed_extraction):
    ex = seed_extraction
    tariffs = [
        (_label(ex, f.role("issuedBy")), _label(ex, f.role("targets")), f.values.get("ratePercent"),
         f.values.get("effectiveDate"), f.values.get("appliesTo"))
        for f in ex.facts_of("Tariff")
    ]
    assert ("United States", "China", Decimal("10"), date(2025, 2, 4), ("Chinese imports",)) in tariffs
    china_mof = [t for t in tariffs if t[0] and "Finance" in t[0]]
    assert [(t[1], t[2], t[3]) for t in china_mof] == [
        ("United States", Decimal("15"), date(2025, 2, 10)),
        ("United States", Decimal("10"), date(2025, 2, 10)),
    ]
    assert china_mof[0][4] == ("US coal", "liquefied natural gas")
    assert china_mof[1][4] == ("crude oil", "farm equipment", "automobiles")
    (control,) = ex.facts_of("ExportControl")
    assert "Commerce" in _label(ex, control.role("issuedBy"))
    assert ex.entities[control.role("issuedBy")].country == "china"
    assert control.values["appliesTo"] == ("tungsten", "molybdenum")
    (probe,) = ex.facts_of("Investigation")
    assert _label(ex, probe.role("issuedBy")) == "China"
    assert "Google" in ex.entities[probe.role("targets")].aliases


def test_analyst_views(seed_extraction):
    views = {_label(seed_extraction, f.role("analyst")): f for f in seed_extraction.facts_of("AnalystView")}
    assert set(views) == {"Huatai Securities", "Guotai Haitong Securities"}
    for view in views.values():
        assert [_label(seed_extraction, k) for k in view.roles["about"]] == ["DeepSeek"]
        assert view.values["statement"] == view.evidence.text


def test_evidence_offsets_point_into_the_body(seed_extraction):
    body = seed_extraction.article.body
    for fact in seed_extraction.facts:
        assert body[fact.evidence.start:fact.evidence.end] == fact.evidence.text
    for mention in seed_extraction.mentions:
        assert body[mention.start:mention.end] == mention.text
