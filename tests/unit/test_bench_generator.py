"""The synthetic corpus generator is deterministic and shaped like real posts."""

from __future__ import annotations

import re
from collections import Counter

from kgraph.bench import generate_posts, write_jsonl
from kgraph.corpus import read_corpus
from tests.support.ontologies import tiny_ontology


def test_same_seed_same_posts_other_seed_other_posts():
    onto = tiny_ontology()
    a = generate_posts(50, seed=1, ontology=onto)
    assert [p.to_dict() for p in a] == [p.to_dict() for p in generate_posts(50, 1, ontology=onto)]
    assert [p.title for p in a] != [p.title for p in generate_posts(50, 2, ontology=onto)]


def test_posts_vary_and_common_entities_repeat():
    posts = generate_posts(400, seed=5, ontology=tiny_ontology())
    assert len({p.id for p in posts}) == 400
    lengths = [len(p.summary.split(". ")) for p in posts]
    assert min(lengths) == 1 and max(lengths) >= 5
    sources = Counter(p.source for p in posts)
    top, rare = sources.most_common()[0][1], sources.most_common()[-1][1]
    assert top > 2 * rare  # Zipf-like: a few entities dominate
    assert all(p.title[0].isupper() and p.summary for p in posts)


def test_offset_batches_do_not_collide_and_round_trip_through_the_reader(tmp_path):
    onto = tiny_ontology()
    first, more = (
        generate_posts(20, 3, ontology=onto),
        generate_posts(5, 3, ontology=onto, start=20),
    )
    assert not {p.id for p in first} & {p.id for p in more}
    read = read_corpus([str(write_jsonl(first + more, tmp_path / "c.jsonl"))])
    assert [(p.id, p.title, p.summary) for p in read.posts] == [
        (p.id, p.title, p.summary) for p in first + more
    ]


def test_recombined_posts_are_real_titles_and_sentences_in_a_fixed_order(tmp_path):
    from kgraph.bench.generator import recombined_posts

    src = tmp_path / "real.jsonl"
    src.write_text(
        '{"title": "Sharding at Acme", "summary": "Acme shards Postgres. It took a year."}\n'
        '{"title": "Kafka notes", "summary": "Kafka moved to KRaft! Brokers restarted."}\n',
        encoding="utf-8",
    )
    real = {"Acme shards Postgres.", "It took a year.", "Kafka moved to KRaft!"}
    real.add("Brokers restarted.")
    posts = recombined_posts([src], 50, seed=7)
    assert posts == recombined_posts([src], 50, seed=7) != recombined_posts([src], 50, seed=8)
    assert len({p.id for p in posts}) == 50
    assert {p.title for p in posts} == {"Sharding at Acme", "Kafka notes"}
    for p in posts:
        assert p.summary
        assert set(re.split(r"(?<=[.!?]) ", p.summary)) <= real
