"""Extraction: companies, technologies and concepts found in posts, with evidence.

>>> from kgraph.extract import load_extractor          # doctest: +SKIP
>>> ex = load_extractor()                               # doctest: +SKIP
>>> [(m.text, m.type, m.canonical) for m in ex.extract_text("Sharding at Airbnb")]  # doctest: +SKIP
[('Sharding', 'CONCEPT', 'sharding'), ('Airbnb', 'COMPANY', 'Airbnb')]

The names below load lazily, so ``kgraph.extract.version`` (read by the build's warm path)
does not import spaCy.
"""

from importlib import import_module

_LAZY = {
    "Extractor": "kgraph.extract.extractor",
    "extractor_from_ontology": "kgraph.extract.extractor",
    "load_extractor": "kgraph.extract.extractor",
    "build_model": "kgraph.extract.model_build",
    "evaluate": "kgraph.extract.scoring",
    "write_output": "kgraph.extract.output",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kgraph.extract' has no attribute {name!r}")
