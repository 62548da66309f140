"""Entity declarations are refused in every encoding a feed can come in (issue 15, case 14).

The same billion-laughs and XXE documents, encoded as UTF-16 (with a comment before the
DOCTYPE) and UTF-32 (with and without a byte order mark), are read as local feed files
through the real readers. Every one must be refused, fast, without reading the secret.
"""

from __future__ import annotations

import codecs
import time

import pytest

from kgraph.corpus import read_corpus
from kgraph.errors import CorpusError

ITEM = (
    "<rss version='2.0'><channel><title>t</title>"
    "<item><title>{}</title><description>d</description></item></channel></rss>"
)
LAUGHS = (
    "<!DOCTYPE r [<!ENTITY a 'ha'>"
    + "".join(f"<!ENTITY {chr(98 + i)} '{('&' + chr(97 + i) + ';') * 10}'>" for i in range(9))
    + "]>"
    + ITEM.format("&j;")
)


def _xxe(secret) -> str:
    return f'<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>' + ITEM.format("&x;")


def _encoded(document: str, encoding: str, *, bom: bool, comment: bool) -> bytes:
    prolog = f'<?xml version="1.0" encoding="{encoding.upper()}"?>'
    if comment:
        prolog += "<!-- a comment before the DOCTYPE -->"
    codec = {"utf-16": "utf-16-le", "utf-32": "utf-32-le"}[encoding]
    body = (prolog + document).encode(codec)
    marks = {"utf-16": codecs.BOM_UTF16_LE, "utf-32": codecs.BOM_UTF32_LE}
    return (marks[encoding] if bom else b"") + body


CASES = [
    ("utf-16", True, True),
    ("utf-16", False, True),
    ("utf-32", True, False),
    ("utf-32", True, True),
    ("utf-32", False, False),
]


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("TOPSECRET-4711")
    return path


@pytest.mark.parametrize(("encoding", "bom", "comment"), CASES)
@pytest.mark.parametrize("kind", ["laughs", "xxe"])
def test_entities_are_refused_in_wide_encodings(tmp_path, secret, encoding, bom, comment, kind):
    document = LAUGHS if kind == "laughs" else _xxe(secret)
    feed = tmp_path / "feed.xml"
    feed.write_bytes(_encoded(document, encoding, bom=bom, comment=comment))
    started = time.monotonic()
    with pytest.raises(CorpusError, match="declares entities") as info:
        read_corpus([str(feed)], fmt="feed")
    assert "TOPSECRET" not in str(info.value)
    assert time.monotonic() - started < 2


@pytest.mark.parametrize(("encoding", "bom", "comment"), CASES)
def test_plain_feeds_in_wide_encodings_still_read(tmp_path, encoding, bom, comment):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(_encoded(ITEM.format("Kafka at scale"), encoding, bom=bom, comment=comment))
    try:
        posts = read_corpus([str(feed)], fmt="feed").posts
    except CorpusError as exc:  # a reader may not know the encoding: a message, not entities
        assert "declares entities" not in str(exc)
        return
    assert [p.title for p in posts] in ([], ["Kafka at scale"])
