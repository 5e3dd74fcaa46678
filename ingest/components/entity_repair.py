"""``marketgraph_entities``: turns the model's and the ruler's spans into typed entities.

It runs after the statistical NER. Gazetteer matches (labels such as ``StockIndex``,
with the gazetteer id as span id) are kept as they are; the model's spans are cleaned
(a leading "the", a trailing "and" or possessive), split where the model glued a list
together ("Li Auto and Geely"), dropped when they are technologies, currencies or other
things that are not entities, looked up in the gazetteer, and mapped to the
vocabulary's classes (``ORG`` -> ``Company``, ``PERSON`` -> ``Person``, ``GPE`` ->
``Country`` or ``City``, demonyms -> their ``Country``).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ingest.gazetteer import Gazetteer, load_gazetteer, normalize_name

OUR_TYPES = {"Company", "AnalystFirm", "StockIndex", "Country", "GovernmentBody", "StockExchange", "City", "Person"}
_MODEL_LABELS = {"ORG": "Company", "PERSON": "Person", "GPE": "City", "NORP": "Country", "FAC": None, "LOC": None}
_TRIM_LEFT = {"the", "a", "an", "'s", "’s", "peers", "peer", "rival", "rivals"}
_TRIM_RIGHT = {"and", "or", "&", ",", ";", "'s", "’s", "'", ".", "-", "--", "shares", "stock"}


class EntityRepair:
    """The component behind the ``marketgraph_entities`` factory."""

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer, not_entities: list[str]) -> None:
        self.name = name
        self.gazetteer = gazetteer
        self.not_entities = {normalize_name(w) for w in not_entities} | set(not_entities)

    def _trim(self, span: Span) -> Span | None:
        start, end = span.start, span.end
        doc = span.doc
        while start < end and (doc[start].lower_ in _TRIM_LEFT or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].lower_ in _TRIM_RIGHT or doc[end - 1].is_punct and doc[end - 1].text not in ".&"):
            end -= 1
        if start >= end:
            return None
        return Span(doc, start, end, label=span.label_, span_id=span.id_)

    def _split(self, span: Span) -> list[Span]:
        """Split "A, B and C" glued into one span by the model, when each part is capitalised."""
        doc = span.doc
        cuts = [t.i for t in span if t.lower_ in ("and", ",", "&") and t.i not in (span.start, span.end - 1)]
        if not cuts or any(t.lower_ == "&" for t in span):
            return [span]
        parts, start = [], span.start
        for cut in cuts + [span.end]:
            if start < cut:
                parts.append(Span(doc, start, cut, label=span.label_))
            start = cut + 1
        if all(p[0].is_title or p[0].is_upper or self.gazetteer.lookup(p.text) for p in parts):
            return parts
        return [span]

    def _type(self, span: Span) -> Span | None:
        text = span.text
        if text in self.not_entities or normalize_name(text) in self.not_entities:
            return None
        if span.label_ in OUR_TYPES:
            return span
        if not any(t.is_alpha for t in span) or all(t.is_lower for t in span if t.is_alpha):
            return None
        if span.label_ == "NORP":
            country = self.gazetteer.country_of_demonym(text)
            return Span(span.doc, span.start, span.end, label="Country", span_id=country.id) if country else None
        label = _MODEL_LABELS.get(span.label_)
        if label is None:
            return None
        entry = self.gazetteer.lookup(text)
        if entry is not None and (span.label_ != "PERSON" or entry.type == "Person" or len(span) > 1):
            return Span(span.doc, span.start, span.end, label=entry.type, span_id=entry.id)
        if span.label_ == "ORG" and len(span) == 1 and span[0].is_upper and len(text) <= 3:
            return None  # unknown acronyms are mostly sectors and products (AI, EV, LNG)
        return Span(span.doc, span.start, span.end, label=label)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for ent in doc.ents:
            if ent.label_ not in OUR_TYPES and ent.label_ not in _MODEL_LABELS:
                continue
            trimmed = self._trim(ent)
            if trimmed is None:
                continue
            pieces = self._split(trimmed) if trimmed.label_ not in OUR_TYPES else [trimmed]
            for piece in pieces:
                piece = self._trim(piece)
                typed = self._type(piece) if piece is not None else None
                if typed is not None:
                    spans.append(typed)
        doc.ents = filter_spans(spans)
        return doc


@Language.factory(
    "marketgraph_entities",
    default_config={"gazetteer_dir": "", "not_entities": []},
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def make_entity_repair(nlp: Language, name: str, gazetteer_dir: str, not_entities: list[str]) -> EntityRepair:
    """Create the component, reading the gazetteer from ``gazetteer_dir``."""
    return EntityRepair(nlp, name, load_gazetteer(Path(gazetteer_dir)), not_entities)
