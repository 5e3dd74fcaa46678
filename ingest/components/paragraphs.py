"""A paragraph break ends a sentence.

The small English parser does not treat a line break as a sentence boundary, so the last
sentence of one paragraph and the first of the next came out as one sentence ("… TotalEnergies
added 0.5%.\\nBiolys Diagnostics plunged 15.3 percent."), and rules that read one sentence at a
time (the company a sentence is about, the day a measure starts) read two. This component,
placed before the parser, marks the first token after a line break as a sentence start; the
parser keeps boundaries set before it runs.

It also keeps a name joined by a particle in one sentence: no sentence ends on "du" in
"Plastiques du Souss jumped 7.7%", though the parser sometimes cut it there.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.entity_repair import _INNER_JOINERS  # the lower-case words inside a name: "de", "du", "van"


@Language.component("marketgraph_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if "\n" in tok.text_with_ws:
            if not nxt.is_space:
                nxt.is_sent_start = True
        elif tok.text in _INNER_JOINERS and tok.i > 0 and doc[tok.i - 1].is_title and nxt.is_title:
            nxt.is_sent_start = False
    return doc
