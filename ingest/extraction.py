"""What extraction produces: typed entities, their mentions, and facts with evidence.

These records are plain data; ``graph.mapping`` turns them into triples.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ingest.article import Article


#: Fact kinds that are policies (subclasses of ``mg:Policy``).
POLICY_KINDS = ("Tariff", "ExportControl", "Investigation", "Sanction", "Subsidy", "InterestRateDecision")


@dataclass(frozen=True)
class Evidence:
    """The sentence a mention or fact was read from; offsets index the article body."""

    sentence: int
    text: str
    start: int
    end: int


@dataclass
class Entity:
    """One real-world thing, identified by ``key`` (a gazetteer id or a normalised name).

    ``type`` is a class local name of the vocabulary (``Company``, ``StockIndex``…).
    ``aliases`` are the other names seen in the article or known to the gazetteer.
    ``country`` is the key of its country: headquarters, jurisdiction or market.
    """

    key: str
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)
    wikidata: str | None = None
    ticker: str | None = None
    country: str | None = None
    exchange: str | None = None
    known: bool = False


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the article body."""

    entity: str
    text: str
    start: int
    end: int
    evidence: Evidence
    confidence: float
    extracted_by: str


@dataclass
class Fact:
    """A statement of the article: a move, a policy or an analyst view.

    ``kind`` is a class local name (``IndexMovement``, ``Tariff``…); ``roles`` maps a
    property local name to the entity keys it links to; ``values`` maps a property
    local name to literal values (``Decimal``, ``date``, ``str`` or a tuple of them).
    """

    kind: str
    roles: dict[str, tuple[str, ...]]
    values: dict[str, Any]
    evidence: Evidence
    confidence: float
    extracted_by: str

    def role(self, name: str) -> str | None:
        """The first entity key of a role, or ``None``."""
        keys = self.roles.get(name) or ()
        return keys[0] if keys else None


@dataclass
class Extraction:
    """Everything read from one article."""

    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def facts_of(self, *kinds: str) -> list[Fact]:
        """The facts of the given kinds, in article order."""
        return [f for f in self.facts if f.kind in kinds]
