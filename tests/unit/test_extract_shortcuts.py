"""The shortcuts on extraction's hot paths answer exactly as the plain tests they replace."""

from __future__ import annotations

import spacy

from kgraph.extract import pipeline
from kgraph.extract.discovery_products import _word_chars
from kgraph.extract.generic import fold, is_generic
from kgraph.extract.miner import _capital
from kgraph.extract.spans import TITLE_CASE, _title_case, is_title_case

WORDS = ["pg_repack", "cf-html", "h3i", "---", "a.b", "a b", "héllo", "x²", "١٢٣", "abc!", "Ǆx"]


def test_word_chars_is_the_per_letter_test():
    for word in WORDS:
        assert _word_chars(word) == all(c.isalnum() or c in "-_" for c in word), word


def test_capital_is_the_per_letter_test():
    doc = spacy.blank("en")("start " + " ".join([*WORDS, "GitHub", "eBPF", "Éclair", "ǅemal"]))
    sent = doc[:]
    for tok in doc[1:]:
        assert _capital(tok, sent) == any(c.isupper() for c in tok.text), tok.text
    assert not _capital(doc[0], sent)


def test_title_case_is_kept_per_sentence():
    doc = spacy.blank("en")("Scaling Kafka Clusters With Tiered Storage and more words here")
    head, rest = doc[:6], doc[6:]
    assert is_title_case(head) == _title_case(head) is True
    assert is_title_case(rest) == _title_case(rest) is False
    assert doc.user_data[TITLE_CASE] == {(0, 6): True, (6, len(doc)): False}
    assert is_title_case(list(head)) is True  # tokens, not a span: asked, not kept


def test_surface_tests_answer_alike_when_asked_again():
    assert fold("Databases\u2019") == fold("Databases\u2019") == "database"
    assert is_generic("Reliability") and is_generic("Reliability")


def test_rulers_load_with_the_other_ruler_off():
    nlp = spacy.blank("en")
    pipeline.add_kgraph_components(nlp)
    with pipeline._rulers_off(nlp, "kgraph_ruler_exact"):
        assert "kgraph_ruler_lower" not in nlp.pipe_names
        assert "kgraph_ruler_exact" in nlp.pipe_names
    assert "kgraph_ruler_lower" in nlp.pipe_names


def test_word_lists_are_the_tokens_attributes():
    from kgraph.extract.spans import TEXT, doc_text, words

    text = "  Uses pg_repack,  GitHub's\nCLI — and\u00a0İstanbul’s ǅemal tools…  "
    doc = spacy.blank("en")(text)
    w = words(doc)
    assert w.text == [t.text for t in doc]
    assert w.space == [bool(t.whitespace_) for t in doc]
    assert w.lower == [t.lower_ for t in doc]
    assert w.stop == [t.is_stop for t in doc]
    assert w.punct == [t.is_punct for t in doc]
    assert w.alpha == [t.is_alpha for t in doc]
    assert words(doc) is w  # built once per doc
    assert doc_text(doc) == doc.text == doc.user_data[TEXT]
    empty = spacy.blank("en")("")
    assert words(empty).text == [] and doc_text(empty) == ""


def test_span_group_reads_are_the_groups_spans():
    from spacy.tokens import Span

    from kgraph.extract.spans import SPANS_KEY, spans_in

    doc = spacy.blank("en")("Kafka and Flink run on Kubernetes")
    assert spans_in(doc) == []
    doc.spans[SPANS_KEY] = [Span(doc, 0, 1, label="TECHNOLOGY"), Span(doc, 2, 3, label="X")]
    first = spans_in(doc)
    assert first == list(doc.spans[SPANS_KEY])
    first.pop()  # the caller's list is its own
    assert spans_in(doc) == list(doc.spans[SPANS_KEY]) and len(spans_in(doc)) == 2
    doc.spans[SPANS_KEY] = [Span(doc, 5, 6, label="TECHNOLOGY")]  # a new group: read anew
    assert [s.text for s in spans_in(doc)] == ["Kubernetes"]
    doc.spans[SPANS_KEY].append(Span(doc, 0, 1, label="TECHNOLOGY"))  # grown in place
    assert [s.text for s in spans_in(doc)] == ["Kubernetes", "Kafka"]
    other = spacy.blank("en")("Kafka")
    assert spans_in(other) == []


def test_odd_is_false_for_words_of_letters_alone():
    from kgraph.extract.discovery_products import _odd

    for word in ["quiche", "héllo", "pgvector", "Ǆx", "Kafka"]:
        assert _odd(word) is False, word
    assert _odd("h3i") and _odd("pg_repack") and _odd("arm64")
    assert not _odd("p99") and not _odd("b2b") and not _odd("sub-25ms")


def test_assembly_sentences_are_the_tokens_sentences():
    from kgraph.extract.assemble import Piece, _sentence

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "We run Kafka. It feeds Flink and Iceberg! Then Trino reads it"
    doc = nlp(text)
    piece = Piece.of("summary", 0, doc)
    for tok in doc:
        assert _sentence(piece, tok.idx, text) == tok.sent.text.strip(), tok.text
