"""Whether a word is an ordinary English word, from the base model's own lemma lists.

A capital at the start of a sentence says nothing about a name: "Scaling", "Engineers",
"Lessons" are ordinary words. Discovery uses this to spare the statistical NER the
sentences whose only capitalised word is such an opener (:func:`kgraph.extract.discovery`).
The word list is the lemma index of ``en_core_web_sm``'s rule lemmatizer (about 90,000
English lemmas by part of speech, with its irregular forms), read from the installed model
package, so nothing new is shipped or downloaded. Inflected forms are reduced by a few
suffix rules before the lookup.
"""

from __future__ import annotations

from functools import cache

from kgraph.errors import KgraphError

# Regular inflections: (suffix, replacement) tried in order on the lower-cased word.
SUFFIXES = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("ied", "y"),
)


@cache
def english_words() -> frozenset[str]:
    """Every lemma and irregular form in the base model's lemmatizer tables."""
    import spacy.util
    from spacy.lookups import Lookups

    from kgraph.extract.pipeline import BASE_MODEL

    try:
        root = spacy.util.get_package_path(BASE_MODEL)
    except Exception as exc:  # the model package is missing: the pipeline says how to fix it
        raise KgraphError(
            f"The spaCy model package {BASE_MODEL!r} is not installed: {exc}"
        ) from None
    found = sorted(root.glob("*/lemmatizer/lookups")) or sorted(root.glob("lemmatizer/lookups"))
    if not found:
        return frozenset()
    lookups = Lookups().from_disk(found[0])
    words: set[str] = set()
    for table in ("lemma_index", "lemma_exc"):
        if not lookups.has_table(table):
            continue
        for _pos, entries in lookups.get_table(table).items():
            words.update(entries)  # lemma_index: a list of lemmas; lemma_exc: form -> lemmas
    return frozenset(w for w in words if w.isalpha())


def is_english_word(word: str) -> bool:
    """Whether ``word`` (any case) is an English word or a regular inflection of one."""
    lower = word.lower()
    words = english_words()
    if lower in words:
        return True
    for suffix, replacement in SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            if stem + replacement in words:
                return True
            doubled = suffix in ("ing", "ed") and len(stem) > 2 and stem[-1] == stem[-2]
            if doubled and stem[:-1] in words:  # "shipped", "running": a doubled consonant
                return True
    return False
