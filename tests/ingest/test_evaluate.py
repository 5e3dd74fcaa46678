"""The scorer matches each extracted entity to the gold entity it is."""

from ingest.article import Article
from ingest.evaluate import Report, score_article
from ingest.extraction import Entity, Extraction


def test_an_alias_shared_by_two_gold_entities_goes_to_the_one_of_the_same_type():
    # the country, known also as "Washington" where that stands for its government, is the gold country; the
    # city the article names too stays the gold city
    extraction = Extraction(Article(body="", title="t"), entities={
        "united-states": Entity("united-states", "United States", "Country", {"US", "Washington"}),
        "washington": Entity("washington", "Washington", "City", {"Washington"})})
    gold = {"entities": [{"name": "Washington", "type": "City", "aliases": []},
                         {"name": "United States", "type": "Country", "aliases": ["US"]}]}
    report = Report()
    score_article(extraction, gold, report, label="a")
    assert (report.entities["Country"].tp, report.entities["City"].tp) == (1, 1)
    assert report.misses == []


def test_the_gold_entity_named_by_the_label_comes_before_one_of_the_same_type():
    # the bank is scored as the bank its label names, not as its broking arm that it also goes by
    extraction = Extraction(Article(body="", title="t"), entities={
        "royal-bank-of-canada": Entity("royal-bank-of-canada", "Royal Bank of Canada", "AnalystFirm",
                                       {"Royal Bank of Canada", "RBC Capital Markets"})})
    gold = {"entities": [{"name": "RBC Capital Markets", "type": "AnalystFirm", "aliases": []},
                         {"name": "Royal Bank of Canada", "type": "Company", "aliases": []}]}
    report = Report()
    score_article(extraction, gold, report, label="a")
    assert report.misses == ["a: missed Company 'RBC Capital Markets'"]
