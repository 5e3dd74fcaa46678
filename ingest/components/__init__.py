"""spaCy components of the marketgraph pipeline, one per module.

Importing this package registers their factories with spaCy.
"""

from ingest.components.entity_repair import EntityRepair
from ingest.components.facts_component import FactsComponent
from ingest.components.gazetteer_ruler import GazetteerRuler
from ingest.components.paragraphs import mark_paragraphs

__all__ = ["EntityRepair", "FactsComponent", "GazetteerRuler", "mark_paragraphs"]
