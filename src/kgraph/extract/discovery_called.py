"""Names a sentence gives a kind of software: ``a browser assistant called Milton``, ``an
adventure game called Slot Universe``, ``a platform known as the Core Platform``, ``our own
microservice, which is called "rgw-metrics"``.

The kind noun before the cue settles the type, so the name is a product whatever its words
are: a given name (``Milton``), plain English words (``Slot Universe``) or a lower-case
word in quotes, which the NER and the person and headline filters pass over. A business
noun there (``a startup called X``) is left to the organisation cues.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kgraph.extract.definitions import BUSINESS_KINDS, SOFTWARE_KINDS
from kgraph.extract.generic import is_generic, phrases
from kgraph.extract.spans import Candidate, doc_text, words
from kgraph.model import entity_key

# Kinds of thing a product is, before "called X": the definitions' software kinds and the
# products of consumer and platform teams.
CALLED_KINDS = SOFTWARE_KINDS | phrases(
    """
    app apps application applications assistant assistants service services microservice
    microservices platform platforms bot bots agent agents game games product products
    project projects api apis model models feature features pipeline pipelines solution
    language format service-mesh cli sdk package packages module modules
    """
)
QUOTES = frozenset(['"', "\u201c", "\u201d", "'", "\u2018", "\u2019"])
# How far back from the cue the kind noun may sit: "a slot based adventure game called",
# "a microservice, which is called".
KIND_REACH = 5
MAX_NAME_WORDS = 4


def _name_start(w, i: int) -> int | None:
    """Where the name after the cue ending at ``i`` starts: ``called X``, ``known as X``,
    ``called the X``."""
    low = w.lower[i]
    if low in ("called", "named"):
        start = i + 1
    elif low == "known" and i + 1 < len(w.text) and w.lower[i + 1] == "as":
        start = i + 2
    else:
        return None
    if start < len(w.text) and w.lower[start] == "the":
        start += 1
    return start if start < len(w.text) else None


def _kind_before(w, i: int) -> bool:
    """A kind of software names what is called, and no business or person noun is nearer."""
    for k in range(i - 1, max(-1, i - 1 - KIND_REACH), -1):
        low = w.lower[k]
        if low in BUSINESS_KINDS:
            return False
        if low in CALLED_KINDS:
            return True
        if low in (".", ";", ":", "!", "?"):
            return False
    return False


def _name_end(doc: Doc, w, start: int) -> int:
    """The end of the name from ``start``: a quoted word (``"rgw-metrics"``) or up to four
    capitalised words in one sentence."""
    n = len(w.text)
    if w.text[start] in QUOTES:
        end = start + 1
        while end < n and end - start <= MAX_NAME_WORDS and w.text[end] not in QUOTES:
            if w.space[end - 1] and end > start + 1:
                return start  # words with spaces between: a phrase quoted, not a name
            end += 1
        return end + 1 if end < n and end > start + 1 and w.text[end] in QUOTES else start
    end = start
    while (
        end < n
        and end - start < MAX_NAME_WORDS
        and w.text[end][:1].isupper()
        and not w.punct[end]
        and not w.stop[end]
        and (end == start or not doc[end].is_sent_start)
    ):
        end += 1
    return end


def called_names(doc: Doc, claimed: set[int], conf: float) -> list[Candidate]:
    """Technology candidates for names given to a kind of software after ``called``,
    ``named`` or ``known as`` (see the module's docstring)."""
    text = doc_text(doc)
    if "called" not in text and "named" not in text and "known as" not in text:
        return []
    w = words(doc)
    found = []
    for i, low in enumerate(w.lower):
        if low not in ("called", "named", "known"):
            continue
        start = _name_start(w, i)
        if start is None or not _kind_before(w, i):
            continue
        end = _name_end(doc, w, start)
        if end == start:
            continue
        quoted = w.text[start] in QUOTES
        a, b = (start + 1, end - 1) if quoted else (start, end)
        name = doc[a:b]
        if any(k in claimed for k in range(a, b)) or is_generic(name.text):
            continue
        found.append(
            Candidate(a, b, "TECHNOLOGY", entity_key("TECHNOLOGY", name.text), "model", conf)
        )
    return found
