"""The ontology rulers loaded from their saved token keys match as the tokenised patterns do."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from kgraph.extract import pipeline
from kgraph.extract.model_build import MODEL_DIR
from kgraph.extract.ruler_keys import KEYS_FILE, load_with_keys

pytestmark = pytest.mark.model

TEXTS = [
    "Why We Moved From Apache Kafka to Redpanda",
    "Netflix engineers rebuilt the data pipeline on apache flink and Amazon S3; "
    "the team at Uber Engineering uses Kubernetes, gRPC and a service mesh.",
    "Rate limiting, consistent hashing and change data capture at Shopify.",
]


def _state(ruler):
    return (
        list(ruler.patterns),
        dict(ruler._match_label_id_map),
        # the matcher's keys per match id, as it pickles them
        {k: sorted(v) for k, v in ruler.phrase_matcher.__reduce__()[1][1].items()},
    )


def _spans(nlp):
    return [
        [(s.start, s.end, s.label_, s.id_) for s in doc.spans["kgraph_onto"]]
        for doc in nlp.pipe(TEXTS)
    ]


@pytest.fixture(scope="module")
def both():
    """The shipped pipeline loaded with the keys, and with every pattern tokenised."""
    fast = pipeline.load(MODEL_DIR, rules_only=False)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "load_with_keys", lambda ruler, path: False)
        slow = pipeline.load(MODEL_DIR, rules_only=False)
    return fast, slow


def test_models_hold_keys_for_both_rulers():
    for name in pipeline.RULERS:
        assert (MODEL_DIR / name / KEYS_FILE).is_file(), f"run `kgraph model build` ({name})"


def test_keys_build_the_same_rulers(both):
    fast, slow = both
    for name in pipeline.RULERS:
        assert _state(fast.get_pipe(name)) == _state(slow.get_pipe(name)), name
    assert _spans(fast) == _spans(slow)
    assert any(_spans(fast)), "the texts should match ontology patterns"


def test_keys_that_do_not_fit_are_ignored(tmp_path):
    """Another pattern count or another tokenizer's make: the ruler is left to tokenise."""
    nlp = pipeline.load(MODEL_DIR, rules_only=False)
    ruler = nlp.get_pipe("kgraph_ruler_exact")
    folder = tmp_path / "ruler"
    shutil.copytree(MODEL_DIR / "kgraph_ruler_exact", folder)
    table = np.load(folder / KEYS_FILE)
    for cell in (1, 2):  # the tokenizer's make, the pattern count
        bad = table.copy()
        bad[cell] += 1
        np.save(folder / KEYS_FILE, bad)
        before = _state(ruler)
        assert load_with_keys(ruler, folder) is False
        assert _state(ruler) == before
    (folder / KEYS_FILE).unlink()
    assert load_with_keys(ruler, folder) is False


def test_loading_keeps_a_paused_collector_paused():
    """spaCy's msgpack reads switch the collector on; a build that paused it keeps it off."""
    import gc

    from kgraph.extract import load_extractor

    thresholds = gc.get_threshold()
    gc.disable()
    try:
        load_extractor()
        assert not gc.isenabled()
        assert gc.get_threshold() == thresholds
    finally:
        gc.enable()
