"""Typed relations the text states between the entities of one post (see RELATION-RULES).

``built``, ``uses``, ``migrated_from``, ``migrated_to`` and ``applies``, each with the sentence
that states it, the rule that found it (``method``) and a confidence. The rules read the
sentence around the post's mentions: only sentences with at least two entities (or one
entity and the post's actor, for anaphora such as "we", "the team", "its") are examined, so
the cost stays a small fraction of the NER's.

Two kinds of rule:

* lexical patterns between two mentions ("X-based", "written in X", "from A to B",
  "replaced A with B", "C built T", "T, a … concept"), precise and specific;
* attachment of the post's remaining technologies and concepts to its actor (the one
  company the post is about), which the rules call anaphora and title support: in a post
  by or about one company, what it runs and practises is stated of it. It is the least
  precise rule, so it stays out of sentences that are not about the company (a possessive
  alone, another subject's activity, an aside) and leaves what the company moved away from
  and concepts a named technology realises (rules 5 and 6) alone.

>>> from kgraph.model import Mention, Post
>>> post = Post("p", "Harbor built Tidewater, a Zig-based job scheduler")
>>> ms = [Mention("p", t, ty, t, "title", s, s + len(t), post.title, "ontology", 0.99)
...       for t, ty, s in [("Harbor", "COMPANY", 0), ("Tidewater", "TECHNOLOGY", 13),
...                        ("Zig", "TECHNOLOGY", 26), ("job scheduler", "CONCEPT", 36)]]
>>> sorted((r.head, r.type, r.tail) for r in find_relations(post, ms, models={}))
[('Harbor', 'built', 'Tidewater'), ('Tidewater', 'applies', 'job scheduler'), ('Tidewater', 'uses', 'Zig')]
"""

from __future__ import annotations

import itertools

from kgraph.extract import relations_applies, rx
from kgraph.extract.learned import LinearModel
from kgraph.extract.relations_actor import _actor_rules
from kgraph.extract.relations_learned import decide, load_models
from kgraph.extract.relations_post import _Post
from kgraph.extract.relations_sentence import _sentence_rules
from kgraph.model import Mention, Post, Relation
from kgraph.ontology import Ontology


def find_relations(
    post: Post,
    mentions: list[Mention],
    onto: Ontology | None = None,
    models: dict[str, LinearModel] | None = None,
) -> list[Relation]:
    """The relations the post's title and summary state between its mentioned entities.

    ``onto`` tells which technologies are curated, well-known ones and who makes them: a
    company does not build a well-known technology another maker (or no one company) makes.
    ``models`` are the learned decisions of each relation type (the shipped ones when None;
    ``{}`` for the rules alone, see :mod:`kgraph.extract.relations_learned`).
    """
    if not mentions:
        return []
    state = rule_state(post, mentions, onto)
    models = load_models() if models is None else models
    if models:
        return decide(state, models)
    return state.result()


def rule_state(post: Post, mentions: list[Mention], onto: Ontology | None = None) -> _Post:
    """The post after every hand rule has run: what they found and what they put forward."""
    state = _Post(post, mentions, onto)
    for unit in state.units:
        if len(unit.ents) >= 2 or (unit.ents and state.actor is not None):
            _sentence_rules(state, unit)
    _actor_rules(state)
    relations_applies.post_rules(state)
    _parenthesised_synonyms(state)
    return state


def _parenthesised_synonyms(state: _Post) -> None:
    """ "introduces assisted generation (speculative decoding)": a concept glossed by another
    in parentheses names the same practice (an apposition, rule 4), so what applies the
    first applies the second."""
    pairs = []
    for unit in state.units:
        ents, text = unit.ents, unit.text
        for a, b in itertools.pairwise(ents):
            if (
                a.type == "CONCEPT"
                and b.type == "CONCEPT"
                and rx.fullmatch(r"\s*\(\s*", text[a.e : b.s])
                and rx.match(r"\s*\)", text[b.e :])
            ):
                pairs.append((a.name, b.name))
    for a, b in pairs:
        for rel in [r for (_, t, tail), r in state.found.items() if t == "applies" and tail == a]:
            state.add(rel.head, "applies", b, rel.sentence, rel.method)
