"""``marketgraph_facts``: the whole extraction as a spaCy component, for use outside marketgraph.

Added by ``build_pipeline(facts=True)``, it resolves the doc's entities and finds its
facts, and puts the :class:`~ingest.extraction.Extraction` on ``doc._.marketgraph``.
Relative dates ("on Tuesday") resolve against ``doc.user_data["published"]`` (a
``datetime``) when the caller sets it.

>>> from ingest.nlp import build_pipeline
>>> nlp = build_pipeline(facts=True)
>>> doc = nlp("The Kospi rose 1.5 percent to 2,650.3.")
>>> [(f.kind, str(f.values["percentChange"])) for f in doc._.marketgraph.facts]
[('IndexMovement', '1.5')]
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ingest.article import Article

if not Doc.has_extension("marketgraph"):
    Doc.set_extension("marketgraph", default=None)


class FactsComponent:
    """The component behind the ``marketgraph_facts`` factory."""

    def __init__(self, nlp: Language, name: str, gazetteer_dir: str, lexicon: str) -> None:
        from ingest.pipeline import Extractor  # the extractor imports the pipeline builder

        self.name = name
        self.extractor = Extractor(nlp, gazetteer_dir=Path(gazetteer_dir), lexicon_path=Path(lexicon))

    def __call__(self, doc: Doc) -> Doc:
        article = Article(body=doc.text, title=doc.user_data.get("title", ""),
                          published=doc.user_data.get("published"))
        doc._.marketgraph = self.extractor.assemble(article, doc)
        return doc


@Language.factory("marketgraph_facts", default_config={"gazetteer_dir": "", "lexicon": ""},
                  requires=["doc.ents", "token.dep", "token.lemma"])
def make_facts_component(nlp: Language, name: str, gazetteer_dir: str, lexicon: str) -> FactsComponent:
    """Create the component from the gazetteer folder and the lexicon file."""
    return FactsComponent(nlp, name, gazetteer_dir, lexicon)
