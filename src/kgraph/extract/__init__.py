"""Extraction: companies, technologies and concepts found in posts, with evidence.

>>> from kgraph.extract import load_extractor          # doctest: +SKIP
>>> ex = load_extractor()                               # doctest: +SKIP
>>> [(m.text, m.type, m.canonical) for m in ex.extract_text("Sharding at Airbnb")]  # doctest: +SKIP
[('Sharding', 'CONCEPT', 'sharding'), ('Airbnb', 'COMPANY', 'Airbnb')]
"""

from kgraph.extract.build import build_model
from kgraph.extract.evaluate import evaluate
from kgraph.extract.extractor import Extractor, extractor_from_ontology, load_extractor

__all__ = [
    "Extractor",
    "build_model",
    "evaluate",
    "extractor_from_ontology",
    "load_extractor",
]
