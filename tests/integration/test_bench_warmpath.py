"""The warm path of ``api.build``: an unchanged corpus is recognised without loading spaCy."""

from __future__ import annotations

import kgraph.extract
from kgraph import api


def test_unchanged_rebuild_writes_nothing_and_extracts_nothing(
    shipped_corpus, db_path, word_extractor
):
    first = api.build([shipped_corpus], db=db_path, extractor=word_extractor)
    seen = len(word_extractor.seen)
    again = api.build([shipped_corpus], db=db_path, extractor=word_extractor)
    assert (again.build_id, again.extracted, again.mentions) == (first.build_id, 0, first.mentions)
    assert len(word_extractor.seen) == seen


def test_pipeline_loads_only_when_something_needs_extracting(
    shipped_corpus, write, db_path, word_extractor, monkeypatch
):
    loads = []

    def load(**_):
        loads.append(1)
        return word_extractor

    monkeypatch.setattr(kgraph.extract, "load_extractor", load)
    first = api.build([shipped_corpus], db=db_path)
    assert len(loads) == 1 and first.extracted == first.posts
    warm = api.build([shipped_corpus], db=db_path)
    assert len(loads) == 1 and warm.extracted == 0 and warm.build_id == first.build_id
    extra = write("more.jsonl", '{"title": "Sharding Postgres at Notion", "summary": "How."}\n')
    grown = api.build([shipped_corpus, extra], db=db_path)
    assert len(loads) == 2 and grown.extracted == 1 and grown.build_id > first.build_id
    # Same posts again, but only the cache is needed: a new build, still no extraction.
    back = api.build([shipped_corpus], db=db_path)
    assert back.extracted == 0 and back.build_id > grown.build_id and len(loads) == 2
    assert api.stats(db_path)["posts"] == first.posts
