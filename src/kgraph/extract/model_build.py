"""Building ``models/kgraph`` from the ontology, and the version string that keys the cache."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language

from kgraph import config
from kgraph.extract import pipeline
from kgraph.extract.patterns import ontology_hash
from kgraph.extract.version import CODE_VERSION, MODEL_VERSION
from kgraph.ontology import Ontology, load_ontology

MODEL_DIR = config.MODEL_DIR


def base_version(nlp: Language) -> str:
    """``name-version`` of the base model in ``nlp``, or ``blank`` in rules-only mode."""
    if "ner" not in nlp.component_names:
        return "blank"
    meta = spacy.util.get_model_meta(spacy.util.get_package_path(pipeline.BASE_MODEL))
    return f"{pipeline.BASE_MODEL}-{meta['version']}"


def pipeline_version(onto: Ontology, nlp: Language) -> str:
    """Changes whenever patterns, ontology, code or base model change."""
    parts = [
        MODEL_VERSION,
        CODE_VERSION,
        ontology_hash(onto),
        base_version(nlp),
        spacy.__version__,
        nlp.component_names,
        nlp.disabled,
    ]
    digest = hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:12]
    return f"{MODEL_VERSION}+{digest}"


def build_model(path: Path = MODEL_DIR, ontology_files=()) -> dict:
    """Regenerate the saved pipeline at ``path`` from the ontology; returns its meta."""
    onto = load_ontology(ontology_files)
    nlp = pipeline.base_pipeline(rules_only=False)
    pipeline.add_kgraph_components(nlp)
    pipeline.fill_from_ontology(nlp, onto)
    counts = Counter(e.type for e in onto.entries.values())
    meta = {
        "name": "kgraph",
        "version": MODEL_VERSION,
        "code_version": CODE_VERSION,
        "pipeline_version": pipeline_version(onto, nlp),
        "base_model": base_version(nlp),
        "spacy_version": spacy.__version__,
        "ontology_hash": ontology_hash(onto),
        "entities": dict(sorted(counts.items())),
        "patterns": {n: len(nlp.get_pipe(n).patterns) for n in pipeline.RULERS},
        "pipeline": nlp.component_names,
        "disabled": nlp.disabled,
    }
    pipeline.save(nlp, path, meta)
    return meta
