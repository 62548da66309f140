"""Normalising text before matching: hyphen look-alikes, invisible characters, offsets back."""

from __future__ import annotations

import pytest

from kgraph.extract.textclean import clean, is_issue_name, normalise
from kgraph.extract.variants import capitalised_form, spellings


@pytest.mark.parametrize("dash", ["\u2010", "\u2011", "\u2012", "\u2212"])
def test_hyphen_look_alikes_become_hyphens(dash):
    text, index = normalise(f"write{dash}ahead log")
    assert text == "write-ahead log" and index is None


def test_an_en_dash_is_a_hyphen_only_inside_a_word():
    assert normalise("read\u2013write path")[0] == "read-write path"
    assert normalise("Scale \u2013 Event Sourcing")[0] == "Scale \u2013 Event Sourcing"


@pytest.mark.parametrize(
    "mark",
    [
        "\u200b",
        "\u200c",
        "\u200d",
        "\u200e",
        "\u200f",
        "\u202a",
        "\u202e",
        "\u2060",
        "\u2064",
        "\ufeff",
    ],
)
def test_invisible_characters_are_dropped_and_offsets_map_back(mark):
    raw = f"We run Post{mark}greSQL."
    text, index = normalise(raw)
    assert text == "We run PostgreSQL."
    start = text.index("PostgreSQL")
    end = start + len("PostgreSQL")
    # the mention's offsets in the original text cover the invisible character
    assert raw[index[start] : index[end - 1] + 1] == f"Post{mark}greSQL"
    assert len(index) == len(text) + 1 and index[-1] == len(raw)


def test_clean_keeps_invisible_characters_for_normalise_to_drop():
    assert clean("Kube\u200bnetes") == "Kube\u200bnetes"


def test_two_word_concepts_also_match_hyphenated():
    assert "high-availability" in spellings("high availability", "CONCEPT")
    assert "Apache Kafka" in spellings("Apache Kafka", "TECHNOLOGY")
    assert "Apache-Kafka" not in spellings("Apache Kafka", "TECHNOLOGY")


@pytest.mark.parametrize(
    ("name", "form"),
    [("GraphQL", "Graphql"), ("PostgreSQL", "Postgresql"), ("Kafka", None), ("AWS", None)],
)
def test_camel_case_names_get_their_capitalised_spelling(name, form):
    assert capitalised_form(name) == form


@pytest.mark.parametrize(
    ("title", "issue"),
    [
        ("SRE Weekly Issue #485", True),
        ("Data Eng Weekly #356", True),
        ("Postgres Weekly Issue 8", True),
        ("Frontend Digest No. 12", True),
        ("Unsupervised Learning No. 254", True),
        ("Weekend Reading #80", True),
        ("No. 5", False),
        ("Kafka No. 5 tips", False),
        ("Ready, Set, Cloud! #187", False),
        ("#420 – All In On Postgres", False),
        ("Real-World Engineering Challenges #6: Migrations", False),
        ("Kafka Weekly Rebalances Explained", False),
    ],
)
def test_newsletter_issue_names(title, issue):
    assert is_issue_name(title) is issue


def test_three_word_concepts_match_with_their_modifier_hyphenated():
    forms = spellings("content delivery network", "CONCEPT")
    assert {"content-delivery network", "content-delivery networks"} <= set(forms)
    assert "Apache-Kafka Streams" not in spellings("Apache Kafka Streams", "TECHNOLOGY")
    assert not any("-" in f for f in spellings("state of art", "CONCEPT")[:1])
