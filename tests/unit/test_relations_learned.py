"""The learned relation layer (extract/relations_learned.py) over the hand rules: the shipped
weights load, the model finds what no rule states, and the rules' triples stay."""

from __future__ import annotations

import pytest

from kgraph.extract.learned import LinearModel
from kgraph.extract.relation_fit import THRESHOLDS
from kgraph.extract.relations import find_relations
from kgraph.extract.relations_learned import LEARNED, LEARNED_TYPES, load_models
from tests.support.mentions import post_with_mentions


def _post(title: str, summary: str, entities: list[tuple[str, str, str]]):
    """A post and its mentions: each (surface, type, canonical) at every occurrence."""
    return post_with_mentions(title, summary, entities, 0.98)


# "stores its data lake on Apache Hudi": no rule reads "stores … on" as a use
HUDI = _post(
    "Uber's data lake",
    "Uber stores its data lake on Apache Hudi with incremental processing.",
    [
        ("Uber", "COMPANY", "Uber"),
        ("data lake", "CONCEPT", "data lake"),
        ("Apache Hudi", "TECHNOLOGY", "Apache Hudi"),
        ("incremental processing", "CONCEPT", "incremental processing"),
    ],
)


def _triples(relations):
    return {(r.head, r.type, r.tail) for r in relations}


def test_the_shipped_weights_load():
    models = load_models()
    assert set(models) == set(LEARNED_TYPES)
    for type_, model in models.items():
        assert model.weights and model.threshold == THRESHOLDS[type_]


def test_the_model_finds_a_use_no_rule_states():
    post, mentions = HUDI
    rules = _triples(find_relations(post, mentions, models={}))
    assert ("Uber", "uses", "Apache Hudi") not in rules
    found = {(r.head, r.type, r.tail): r for r in find_relations(post, mentions)}
    rel = found[("Uber", "uses", "Apache Hudi")]
    assert rel.method == LEARNED
    assert rel.confidence >= THRESHOLDS["uses"]
    assert rel.sentence == post.summary


def test_the_rules_triples_stay_when_the_model_accepts_nothing():
    post, mentions = HUDI
    models = load_models()
    none = {t: LinearModel(m.weights, m.bias, 1.01) for t, m in models.items()}
    assert _triples(find_relations(post, mentions, models=none)) == _triples(
        find_relations(post, mentions, models={})
    )


@pytest.mark.parametrize(
    ("summary", "absent"),
    [
        # rule 7: the side of a comparison, or what a tail is only compatible with
        ("Uber chose PostgreSQL over MongoDB.", ("Uber", "uses", "MongoDB")),
        ("Uber runs a PostgreSQL-compatible database.", ("Uber", "uses", "PostgreSQL")),
        # a negated kind: what the technology is not
        ("PostgreSQL is not a database for Uber.", ("PostgreSQL", "applies", "database")),
        ("MongoDB isn't a database Uber runs.", ("MongoDB", "applies", "database")),
    ],
)
def test_what_relation_rules_rule_out_the_model_does_not_add(summary, absent):
    names = [
        ("Uber", "COMPANY", "Uber"),
        ("PostgreSQL", "TECHNOLOGY", "PostgreSQL"),
        ("MongoDB", "TECHNOLOGY", "MongoDB"),
        ("database", "CONCEPT", "database"),
    ]
    post, mentions = _post("", summary, names)
    assert absent not in _triples(find_relations(post, mentions))


def test_blocks_name_the_tuning_sets_they_leave_out():
    from kgraph.extract.relation_fit import block_sets

    first, second = block_sets("1-3,9-10")
    assert first == ["real-dev", "real-dev2", "real-dev3"]
    assert second == ["real-dev9", "real-dev10"]


def _candidates(title, summary, entities):
    from kgraph.extract.relations import rule_state
    from kgraph.extract.relations_learned import candidates

    post, mentions = _post(title, summary, entities)
    state = rule_state(post, mentions)
    return candidates(state, state.result())


def test_a_coordinated_name_shares_its_lists_cue():
    found = _candidates(
        "Faster indexing with Apache Kafka and Elasticsearch",
        "A post.",
        [
            ("indexing", "CONCEPT", "indexing"),
            ("Apache Kafka", "TECHNOLOGY", "Apache Kafka"),
            ("Elasticsearch", "TECHNOLOGY", "Elasticsearch"),
        ],
    )
    second = found[("Elasticsearch", "indexing")].features
    assert "co_last=th:with" in second  # the words between the list and the concept
    assert "last=th:and" in second  # the plain features stay
    assert not any(f.startswith("co_") for f in found[("Apache Kafka", "indexing")].features)


def _two_sentences(first: str, second: str, entities: list[tuple[str, str, str]]):
    """The rule state and learned candidates of a post whose summary is two sentences, each
    mention carrying its own sentence as the extractor's sentence splitter gives them."""
    import dataclasses

    from kgraph.extract.relations import rule_state
    from kgraph.extract.relations_learned import candidates

    post, mentions = _post("A post", f"{first} {second}", entities)
    mentions = [
        dataclasses.replace(m, sentence=first if m.start < len(first) else second) for m in mentions
    ]
    state = rule_state(post, mentions)
    return state, candidates(state, state.result())


def test_a_pronoun_subject_refers_back_to_the_technology_named_before():
    state, found = _two_sentences(
        "Vector is a log router.",
        "It is written in Rust and supports backpressure.",
        [
            ("Vector", "TECHNOLOGY", "Vector"),
            ("log router", "CONCEPT", "log router"),
            ("Rust", "TECHNOLOGY", "Rust"),
            ("backpressure", "CONCEPT", "backpressure"),
        ],
    )
    # "It" is read as a mention of Vector (rule 1's anaphora, since code version 133): the
    # sentence's rules and its in-sentence features hold for Vector's pairs
    assert ("Vector", "uses", "Rust") in {(r.head, r.type, r.tail) for r in state.result()}
    assert "bag=ht:is written in" in found[("Vector", "Rust")].features
    assert "pronoun_subject" not in found[("Vector", "backpressure")].features
    assert any(f.startswith("dist=ht") for f in found[("Vector", "backpressure")].features)


def test_a_pronoun_the_resolver_leaves_keeps_the_far_features():
    _, found = _two_sentences(
        "Vector is a log router.",
        "Its buffer supports backpressure.",
        [
            ("Vector", "TECHNOLOGY", "Vector"),
            ("log router", "CONCEPT", "log router"),
            ("backpressure", "CONCEPT", "backpressure"),
        ],
    )
    assert "pronoun_subject" in found[("Vector", "backpressure")].features
    assert "pronoun_subject" not in found[("Vector", "log router")].features


def test_an_expletive_it_refers_to_nothing():
    import dataclasses

    from kgraph.extract.relations import rule_state

    first, second = "Vector is a log router.", "It is hard to tell whether Rust helps."
    post, mentions = _post(
        "A post",
        f"{first} {second}",
        [
            ("Vector", "TECHNOLOGY", "Vector"),
            ("log router", "CONCEPT", "log router"),
            ("Rust", "TECHNOLOGY", "Rust"),
        ],
    )
    mentions = [
        dataclasses.replace(m, sentence=first if m.start < len(first) else second) for m in mentions
    ]
    state = rule_state(post, mentions)
    second_unit = next(u for u in state.units if u.text.startswith("It"))
    assert [e.name for e in second_unit.ents] == ["Rust"]


def test_a_language_or_hardware_head_only_hosts_the_model_s_concept():
    from types import SimpleNamespace

    from kgraph.extract.relations_learned import _ruled_out
    from kgraph.extract.relations_post import _Post
    from kgraph.model import Relation, entity_key

    post, mentions = _post(
        "",
        "Tidewater is a log-structured storage engine in Zig.",
        [
            ("Tidewater", "TECHNOLOGY", "Tidewater"),
            ("Zig", "TECHNOLOGY", "Zig"),
            ("storage engine", "CONCEPT", "storage engine"),
        ],
    )
    onto = SimpleNamespace(
        entries={
            entity_key("TECHNOLOGY", "Zig"): SimpleNamespace(
                company="", parents=["programming language"], registry=False
            ),
            entity_key("TECHNOLOGY", "Tidewater"): SimpleNamespace(
                company="", parents=["storage engine"], registry=False
            ),
        }
    )
    state = _Post(post, mentions, onto)

    def rel(head):
        return Relation(
            post.id,
            head,
            "TECHNOLOGY",
            "applies",
            "storage engine",
            "CONCEPT",
            post.summary,
            LEARNED,
            0.6,
        )

    assert _ruled_out(state, rel("Zig"), {}, {})
    assert not _ruled_out(state, rel("Tidewater"), {}, {})
