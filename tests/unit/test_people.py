"""Given names keep speakers out of the entities, and never shadow an ontology name."""

from __future__ import annotations

from kgraph.extract.people import given_names, is_person, ontology_words


def test_a_given_name_alone_or_with_a_surname_is_a_person():
    assert is_person(["Kevin"])
    assert is_person(["Gunnar", "Morling"])
    assert not is_person(["Kevin", "scheduler"])  # a lower-case word is no surname
    assert not is_person(["Debezium"])


def test_no_ontology_name_is_a_given_name():
    """Regenerate data/people/given_names.txt (python -m kgraph.extract.people) when this fails."""
    names = given_names()
    assert len(names) > 10_000
    assert not names & ontology_words()
    assert not {"Ray", "Julia", "Cassandra", "Delta"} & names


def test_a_mc_surname_after_a_capitalised_word_is_a_person():
    import spacy

    from kgraph.extract.people import surname_after_name

    doc = spacy.blank("en")("Caitie McCaffrey Talk at McKinsey")
    assert surname_after_name(doc, 1, 2)
    assert not surname_after_name(doc, 4, 5)  # after a lower-case word: a firm, maybe


def test_a_headline_phrase_the_model_calls_a_person_is_none():
    import spacy
    from spacy.tokens import Doc, Span

    doc = Doc(
        spacy.blank("en").vocab,
        words=["Zorbly", "Migration", "from", "Quorvix", "with", "Atita", "Arora"],
    )
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 5, 7, "PERSON")]
    from kgraph.extract.people import named_in_full

    assert named_in_full(doc) == {"Atita", "Arora"}


def test_a_plain_registry_word_stays_a_given_name():
    """``Felix`` (Apache Felix's alias) and ``Max`` (a language) need support as registry
    words, so the person they open is the likelier reading."""
    assert {"Felix", "Max"} <= given_names()
    assert "Felix" not in ontology_words()


def test_a_given_name_before_a_surname_opens_a_person_name():
    import spacy

    from kgraph.extract.people import opens_person_name

    doc = spacy.blank("en")("Felix Baumgartner met Knox Gateway and Odin 2 with Max")
    assert opens_person_name(doc[0:1])
    assert not opens_person_name(doc[3:4])  # an English word after it: a product's name
    assert not opens_person_name(doc[6:7])  # a version
    assert not opens_person_name(doc[9:10])  # nothing after it
    assert not opens_person_name(doc[1:2])  # no given name
