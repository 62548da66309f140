"""The extraction cache's values: one post's mentions and relations, packed small.

A cache entry is keyed by the post's content hash, so whoever reads it holds the same title
and summary it was made from. A mention's surface text and its sentence are therefore kept
as offsets into that text; only text not found there is written out, and a canonical name
that is the surface text is not written again. Rows are lists, not dicts, and are
compressed with a preset dictionary of the words every entry repeats.

Format byte 1 marks this packing. Entries written before it (plain zlib'd JSON of dicts,
which starts with byte 0x78) are still read.
"""

from __future__ import annotations

import json
import zlib

from kgraph.model import Post

FORMAT = b"\x01"
# Never edit: entries already stored decompress only with the dictionary they were made with.
# A new dictionary needs a new format byte.
_ZDICT = (
    b'"modifier","possessive","verb:use","actor","migration:from-to","migration:replace",'
    b'"migration:to","migration:upgrade","built","uses","migrated_from","migrated_to",'
    b'"applies","model","rule","COMPANY","CONCEPT","TECHNOLOGY",0.98,"ontology",null,0,1,'
)
_MENTION = ("text", "type", "canonical", "field", "start", "end", "sentence", "method")
_RELATION = ("head", "head_type", "type", "tail", "tail_type", "sentence", "method")


def _fields(post: Post) -> tuple[str, str]:
    return post.summary, post.title  # indexed by the stored field number: 0 summary, 1 title


def _sentence(texts: tuple[str, str], field: int | None, sentence: str, near: int) -> list:
    """``[field, s_start, s_end, None]`` when ``sentence`` is in a field, else its text."""
    order = (field,) if field is not None else (1, 0)
    for f in order:
        text = texts[f]
        at = text.find(sentence, max(0, near - len(sentence)))
        if at < 0:
            at = text.find(sentence)
        if at >= 0 and sentence:
            return [f, at, at + len(sentence), None]
    return [field, None, None, sentence]


def pack(post: Post, found: list[dict]) -> bytes:
    """``found`` (mention and relation dicts, a relation has a ``head``) as a cache value.

    >>> post = Post(id="p", title="Kafka at Airbnb", summary="We moved Kafka.")
    >>> found = [{"text": "Kafka", "type": "TECHNOLOGY", "canonical": "Apache Kafka",
    ...           "field": "summary", "start": 9, "end": 14, "sentence": "We moved Kafka.",
    ...           "method": "ontology", "confidence": 0.98}]
    >>> unpack(post, pack(post, found)) == found
    True
    """
    texts = _fields(post)
    mentions, relations = [], []
    for m in found:
        if "head" in m:
            if set(m) != {*_RELATION, "confidence"}:
                raise ValueError(f"a cached relation has unknown fields: {sorted(m)}")
            where = _sentence(texts, None, m["sentence"], 0)
            relations.append(
                [
                    *(m["head"], m["head_type"], m["type"], m["tail"], m["tail_type"]),
                    *(*where, m["method"], m["confidence"]),
                ]
            )
        else:
            if set(m) != {*_MENTION, "confidence"}:
                raise ValueError(f"a cached mention has unknown fields: {sorted(m)}")
            field = 1 if m["field"] == "title" else 0
            text = texts[field]
            same = text[m["start"] : m["end"]] == m["text"]
            where = _sentence(texts, field, m["sentence"], m["end"])[1:]
            mentions.append(
                [
                    None if same else m["text"],
                    m["type"],
                    None if m["canonical"] == m["text"] else m["canonical"],
                    field,
                    *(m["start"], m["end"], *where, m["method"], m["confidence"]),
                ]
            )
    raw = json.dumps([mentions, relations], ensure_ascii=False, separators=(",", ":"))
    squeeze = zlib.compressobj(9, zdict=_ZDICT)
    return FORMAT + squeeze.compress(raw.encode()) + squeeze.flush()


def unpack(post: Post, blob: bytes) -> list[dict]:
    """The mention and relation dicts :func:`pack` took, mentions first."""
    if blob[:1] != FORMAT:  # an entry from before format 1: the dicts themselves
        return json.loads(zlib.decompress(blob))
    expand = zlib.decompressobj(zdict=_ZDICT)
    mentions, relations = json.loads(expand.decompress(blob[1:]) + expand.flush())
    texts = _fields(post)
    out = []
    for text, type_, canonical, field, start, end, s0, s1, sentence, method, conf in mentions:
        text = texts[field][start:end] if text is None else text
        out.append(
            {
                "text": text,
                "type": type_,
                "canonical": text if canonical is None else canonical,
                "field": "title" if field else "summary",
                "start": start,
                "end": end,
                "sentence": texts[field][s0:s1] if sentence is None else sentence,
                "method": method,
                "confidence": conf,
            }
        )
    for head, head_type, type_, tail, tail_type, field, s0, s1, sentence, method, conf in relations:
        out.append(
            {
                "head": head,
                "head_type": head_type,
                "type": type_,
                "tail": tail,
                "tail_type": tail_type,
                "sentence": texts[field][s0:s1] if sentence is None else sentence,
                "method": method,
                "confidence": conf,
            }
        )
    return out
