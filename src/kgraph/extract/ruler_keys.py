"""The ontology rulers' phrase patterns saved as the token keys their matcher looks up.

A span ruler loads its phrase patterns by tokenising each one (about 46,000) and adding the
token attributes (``ORTH`` or ``LOWER`` hashes) to its phrase matcher: most of the start-up
of every extracting process, spent on making tens of thousands of lexemes that the matcher
never reads. The hashes depend only on the pattern's text and the tokenizer, so
``kgraph model build`` writes them beside the patterns (``keys.npy``: one row per pattern,
in the patterns' order) and loading hands them to the matcher directly, in the same order,
which builds the same matcher. A ``keys.npy`` that does not fit its patterns (another
length, or saved by another spaCy) is ignored and the patterns are tokenised as before.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import spacy
import srsly
from spacy.pipeline import SpanRuler

KEYS_FILE = "keys.npy"
_HEADER = 3
"""Leading cells of the array: its format, the tokenizer's make (a hash) and the pattern count."""
_FORMAT = 1


def _spacy_stamp(ruler: SpanRuler) -> int:
    """The tokenizer's make: spaCy's version and the base model the tokenizer came from."""
    meta = ruler.nlp.meta
    made = f"spacy {spacy.__version__} {meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
    return ruler.nlp.vocab.strings[made]


def save_keys(ruler: SpanRuler, path: Path) -> None:
    """Write the token keys of ``ruler``'s phrase patterns into ``path`` (its folder).

    The keys are what the phrase matcher would compute from each pattern tokenised by
    ``ruler``'s tokenizer: ``[format, spacy, n, len_1 .. len_n, keys of pattern 1, ...]``.
    """
    matcher, tokenizer = ruler.phrase_matcher, ruler.nlp.tokenizer
    lengths: list[int] = []
    keys: list[int] = []
    for entry in ruler.patterns:
        if not isinstance(entry["pattern"], str):
            return  # token patterns are not ours: no keys, loading tokenises
        row = matcher._convert_to_array(tokenizer(entry["pattern"]))
        lengths.append(len(row))
        keys.extend(row)
    table = np.array([_FORMAT, _spacy_stamp(ruler), len(lengths), *lengths, *keys], dtype=np.uint64)
    out = io.BytesIO()
    np.save(out, table, allow_pickle=False)
    (Path(path) / KEYS_FILE).write_bytes(out.getvalue())


def load_with_keys(ruler: SpanRuler, path: Path) -> bool:
    """Fill ``ruler`` from its saved patterns and their keys; False (``ruler`` untouched)
    when ``path`` has no keys that fit them, so the caller loads it the usual way.

    Does what :meth:`SpanRuler.add_patterns` does for phrase patterns, minus the tokenising:
    the same label map, the same pattern list, the same keys added in the same order.
    """
    path = Path(path)
    if not (path / KEYS_FILE).exists():
        return False
    table = np.load(path / KEYS_FILE, allow_pickle=False)
    patterns = list(srsly.read_jsonl(path / "patterns"))
    if (
        table.dtype != np.uint64
        or len(table) < _HEADER
        or int(table[0]) != _FORMAT
        or int(table[1]) != _spacy_stamp(ruler)
        or int(table[2]) != len(patterns)
        or any(not isinstance(p["pattern"], str) for p in patterns)
    ):
        return False
    n = len(patterns)
    lengths = table[_HEADER : _HEADER + n].tolist()
    keys = table[_HEADER + n :].tolist()
    if sum(lengths) != len(keys):
        return False
    ruler.clear()
    vocab = ruler.nlp.vocab
    strings, label_map, add = vocab.strings, ruler._match_label_id_map, ruler.phrase_matcher.add
    # The matcher makes a lexeme of each label it is given (``repr((label, id))``, 17,000
    # of them), computing every lexical attribute (shape, norm, prefix, ...) in Python:
    # half of this function's time. No token can be such a label (it holds ", "), so
    # nothing ever reads those attributes: the lexemes are made without them.
    getters, vocab.lex_attr_getters = vocab.lex_attr_getters, {}
    try:
        at = 0
        for entry, length in zip(patterns, lengths, strict=True):
            p_label, p_id = entry["label"], entry.get("id", "")
            label = repr((p_label, p_id))
            label_map[strings.as_int(label)] = {"label": p_label, "id": p_id}
            ruler._patterns.append(entry)
            add(label, [keys[at : at + length]])
            at += length
    finally:
        vocab.lex_attr_getters = getters
    return True
