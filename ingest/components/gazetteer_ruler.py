"""``marketgraph_gazetteer``: marks the names the gazetteer knows, before the model's NER.

Every label, alias, demonym and generic name of ``ontologies/gazetteer/`` becomes a
phrase pattern. Acronyms and one-word names match as written ("US", "Meta"); longer
names match in any case ("the Hang Seng index"), except that a capitalised last word
must stay capitalised ("US Steel" the company, not "US steel" the metal). Spans carry
the entity type as label and the gazetteer id (or ``ctx:<generic name>``) as span id;
the longest match wins. It uses two ``PhraseMatcher``s, which stay fast with thousands
of names where a token ``Matcher`` does not.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ingest.gazetteer import Gazetteer, load_gazetteer

_POSSESSIVE = re.compile(r"^(.+?)['’]s\s")
#: Last words of names that news also writes in lower case ("the Hang Seng index").
_GENERIC_LAST = {"index", "indices", "group", "holdings", "exchange", "ministry", "bank", "commission", "council",
                 "department", "agency", "bureau", "administration", "office", "authority", "board", "reserve",
                 "composite", "average", "company", "corporation", "securities", "committee"}


def name_patterns(gazetteer: Gazetteer) -> list[tuple[str, str, str, str]]:
    """(text, label, id, mode) for every name; mode is ``exact``, ``folded`` or ``folded-cap``."""
    out: list[tuple[str, str, str, str]] = []

    def add(text: str, label: str, ident: str, any_case: bool = False) -> None:
        text = text.strip()
        if not text:
            return
        folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        if folded != text and folded.strip():
            add(folded, label, ident, any_case)  # "Banco de la Republica" as news often writes it
        if not any_case and (" " not in text or text.isupper()):
            out.append((text, label, ident, "exact"))
            return
        last = text.split()[-1]
        cap = not any_case and last[:1].isupper() and last.lower() not in _GENERIC_LAST
        out.append((text, label, ident, "folded-cap" if cap else "folded"))

    for entry in gazetteer.entries.values():
        for name in (entry.label, *entry.aliases):
            owner = _POSSESSIVE.match(name)
            if owner and (gazetteer.lookup(owner.group(1)) or gazetteer.country_of_demonym(owner.group(1))):
                continue  # "China's finance ministry": the country and the generic name match on their own
            add(name, entry.type, entry.id)
        for demonym in entry.demonyms:
            add(demonym, "Country", entry.id)
    for generic in sorted(gazetteer.by_context_alias):
        label = gazetteer.entries[gazetteer.by_context_alias[generic][0]].type
        add(generic, label, "ctx:" + generic, any_case=True)
    return out


class GazetteerRuler:
    """The component behind the ``marketgraph_gazetteer`` factory."""

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer) -> None:
        self.name = name
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[int, tuple[str, str, bool]] = {}
        patterns = name_patterns(gazetteer)
        docs = nlp.tokenizer.pipe(text if mode == "exact" else text.lower() for text, _, _, mode in patterns)
        grouped: dict[tuple[str, str, str], list[Doc]] = {}
        for (text, label, ident, mode), doc in zip(patterns, docs):
            if mode != "exact":
                doc = nlp.make_doc(text.lower())
            grouped.setdefault((label, ident, mode), []).append(doc)
        for (label, ident, mode), docs_ in grouped.items():
            key = f"{label}|{ident}|{mode}"
            (self.exact if mode == "exact" else self.folded).add(key, docs_)
            self.keys[nlp.vocab.strings[key]] = (label, ident, mode == "folded-cap")

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in list(self.exact(doc)) + list(self.folded(doc)):
            label, ident, cap_last = self.keys[match_id]
            if cap_last and doc[end - 1].is_lower:
                continue
            spans.append(Span(doc, start, end, label=label, span_id=ident))
        doc.ents = filter_spans(spans)
        return doc


@Language.factory("marketgraph_gazetteer", default_config={"gazetteer_dir": ""}, assigns=["doc.ents"])
def make_gazetteer_ruler(nlp: Language, name: str, gazetteer_dir: str) -> GazetteerRuler:
    """Create the ruler from the gazetteer folder ``gazetteer_dir``."""
    return GazetteerRuler(nlp, name, load_gazetteer(Path(gazetteer_dir)))
