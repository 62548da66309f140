"""Fuzz every corpus reader: any bytes end in posts or a clear CorpusError, never a traceback.

Inputs mix random bytes with near-valid documents of each format that are then truncated,
spliced with junk, nested deeply, given huge fields or wrong types, or re-encoded.
The default is 1,000 inputs per reader (the "ci" profile); raise it with
``KGRAPH_FUZZ_EXAMPLES=20000 pytest tests/unit/test_fuzz_readers.py``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.corpus import read_corpus
from kgraph.corpus.records import SYNONYMS
from kgraph.errors import CorpusError, KgraphError

EXAMPLES = int(os.environ.get("KGRAPH_FUZZ_EXAMPLES", "1000"))
settings.register_profile(
    "fuzz",
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ = settings.get_profile("fuzz")
TRIED: Counter[str] = Counter()  # inputs tried per reader, printed at the end of the module
WORKDIR = Path(tempfile.mkdtemp(prefix="kgraph-fuzz-"))

KEYS = st.sampled_from([n for names in SYNONYMS.values() for n in names]) | st.text(max_size=8)
# Text with the characters that break parsers: quotes, separators, markup, controls, surrogates.
NASTY = st.lists(
    st.characters(codec=None, exclude_categories=())
    | st.sampled_from(
        [*",;\t|\"'\n\r<>&[]{}\\\x00\ufeff\u2028\ud800", "]]>", "&amp;", "<![CDATA[", "&#0;"]
    ),
    max_size=40,
).map("".join)
HUGE = st.integers(min_value=10_000, max_value=150_000).map(lambda n: "x" * n)
FIELD = st.one_of(NASTY, NASTY, NASTY, NASTY, st.just(""), HUGE)  # huge now and then
SCALAR = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | NASTY
    | st.sampled_from(["2024-02-30", "Mon, 01 Jan 2024 00:00:00 +0000"])
)
JSONISH = st.recursive(
    SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=20,
)
RECORD = st.dictionaries(KEYS, JSONISH | FIELD, max_size=7)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1", "cp1252", "shift_jis"]


def _deep(depth: int, open_: str, close: str, truncated: bool) -> str:
    return open_ * depth + ("" if truncated else close * depth)


@st.composite
def mutated(draw, docs) -> tuple[bytes, str | None]:
    """A document, maybe damaged; returns (bytes, the --encoding to pass or None)."""
    text = draw(docs)
    encoding = draw(st.sampled_from(ENCODINGS)) if draw(st.integers(0, 5)) == 0 else "utf-8"
    data = text.encode(encoding, errors="replace")
    how = draw(st.sampled_from(["keep", "keep", "truncate", "splice", "flip", "prefix"]))
    if how == "truncate" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif how == "splice":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=20)) + data[at:]
    elif how == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    elif how == "prefix":
        data = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"   \n"])) + data
    passed = draw(st.sampled_from([None, encoding, "no-such-codec"]))
    return data, passed


def _inputs(docs):
    return st.one_of(st.tuples(st.binary(max_size=2000), st.none()), mutated(docs))


@st.composite
def seed_docs(draw) -> str:
    lines = draw(st.lists(FIELD, max_size=12))
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


@st.composite
def csv_docs(draw) -> str:
    header = draw(st.lists(KEYS, min_size=0, max_size=6))
    rows = draw(st.lists(st.lists(FIELD | SCALAR.map(str), max_size=8), max_size=8))
    buf = io.StringIO()
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    if draw(st.booleans()):
        writer = csv.writer(buf, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
        return buf.getvalue()
    return "\n".join(delimiter.join(r) for r in [header, *rows])  # unquoted, often broken


@st.composite
def json_docs(draw) -> str:
    depth = draw(st.integers(0, 3)) and draw(st.integers(1, 5000))
    if depth > 50:
        return _deep(depth, draw(st.sampled_from(["[", '{"posts":'])), "]", draw(st.booleans()))
    shape = draw(st.sampled_from(["array", "posts", "items", "one", "any"]))
    records = draw(st.lists(RECORD | JSONISH, max_size=6))
    value = {
        "array": records,
        "posts": {"posts": records},
        "items": {"items": records},
        "one": draw(RECORD),
        "any": draw(JSONISH),
    }[shape]
    return json.dumps(value, ensure_ascii=draw(st.booleans()))


@st.composite
def jsonl_docs(draw) -> str:
    lines = [json.dumps(v) for v in draw(st.lists(RECORD | JSONISH, max_size=8))]
    lines += draw(st.lists(NASTY | st.just("[" * 3000), max_size=2))
    return "\n".join(draw(st.permutations(lines)))


def _x(text: str, raw: bool) -> str:
    """Text for an XML element: escaped, or raw so markup and entities leak into it."""
    return text if raw else text.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def feed_docs(draw) -> str:
    raw = draw(st.booleans())
    items = "".join(
        f"<item><title>{_x(t, raw)}</title><description>{_x(d, raw)}</description>"
        f"<link>{_x(u, raw)}</link><pubDate>{_x(p, raw)}</pubDate><category>{_x(c, raw)}"
        "</category></item>"
        for t, d, u, p, c in draw(
            st.lists(st.tuples(FIELD, FIELD, NASTY, NASTY, NASTY), max_size=4)
        )
    )
    title = _x(draw(NASTY), raw)
    kind = draw(st.sampled_from(["rss", "atom", "deep", "html"]))
    if kind == "atom":
        return (
            f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title><entry>'
            f"<title>{title}</title><summary type='html'>{_x(draw(FIELD), raw)}</summary>"
            "</entry></feed>"
        )
    if kind == "deep":
        inner = _deep(draw(st.integers(100, 4000)), "<b>", "</b>", draw(st.booleans()))
        return f"<rss><channel><item><title>{inner}</title></item></channel></rss>"
    if kind == "html":
        return f"<html><body><p>{title}</p><script>alert(1)</script></body></html>"
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}'
        "</channel></rss>"
    )


@st.composite
def opml_docs(draw) -> str:
    urls = draw(
        st.lists(
            st.sampled_from(
                [
                    "https://feeds.test/ok.xml",
                    "https://feeds.test/404",
                    "file:///etc/passwd",
                    "ftp://x/y",
                    "javascript:x",
                ]
            )
            | NASTY,
            max_size=4,
        )
    )
    outlines = "".join(f'<outline text="{_x(u, False)}" xmlUrl="{_x(u, False)}"/>' for u in urls)
    deep = _deep(draw(st.integers(0, 3000)), "<outline>", "</outline>", draw(st.booleans()))
    return f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}{deep}</body></opml>'


def _fake_fetch(url: str, **_request) -> bytes:
    """Feeds an OPML list points to, without a network: one valid, the rest broken."""
    if url == "https://feeds.test/ok.xml":
        return b"<rss><channel><title>T</title><item><title>Ok</title></item></channel></rss>"
    if url.lower().startswith(("http://", "https://")):
        raise CorpusError(f"{url}: the server answered 404 Not Found. Check the URL.")
    raise CorpusError(f"{url}: only http:// and https:// feed URLs are read.")


def _check(reader: str, ext: str, data: bytes, encoding: str | None, fmt: str | None) -> None:
    """The property: posts with sane fields, or a KgraphError naming the file."""
    TRIED[reader] += 1
    path = WORKDIR / f"fuzz-{reader}{ext}"
    path.write_bytes(data)
    try:
        with mock.patch("kgraph.corpus.feeds.fetch_url", _fake_fetch):
            result = read_corpus([str(path)], fmt=fmt, encoding=encoding)
    except KgraphError as exc:
        message = str(exc)
        assert path.name in message or "feeds.test" in message or "://" in message, message
        return
    assert result.posts
    for post in result.posts:
        assert post.title and post.title == post.title.strip()
        for value in (post.id, post.title, post.summary, post.url, post.source, *post.tags):
            assert isinstance(value, str)
            value.encode("utf-8")  # storable: no lone surrogates
        assert post.url == "" or post.url.lower().startswith(("http://", "https://"))
        assert len(post.summary) <= 100_000 and len(post.title) <= 100_000
        assert path.name in post.origin or "feeds.test" in post.origin


READERS = {
    "seed": (".txt", seed_docs()),
    "csv": (".csv", csv_docs()),
    "json": (".json", json_docs()),
    "jsonl": (".jsonl", jsonl_docs()),
    "feed": (".xml", feed_docs()),
    "opml": (".opml", opml_docs()),
}


@pytest.mark.parametrize("reader", list(READERS))
def test_reader_never_raises_anything_but_a_clear_error(reader):
    ext, docs = READERS[reader]

    @FUZZ
    @given(_inputs(docs), st.booleans())
    def run(case, by_extension):
        data, encoding = case
        # Half the time the format comes from detection, half from --format.
        _check(
            reader,
            ext if by_extension else ".dat",
            data,
            encoding,
            None if by_extension else reader,
        )

    run()
    assert TRIED[reader] >= min(EXAMPLES, 1000) * 0.9  # hypothesis stops early on tiny spaces


@settings(FUZZ, max_examples=max(EXAMPLES // 4, 50))
@given(_inputs(st.one_of(*(docs for _, docs in READERS.values()))), st.sampled_from(list(READERS)))
def test_any_document_through_any_reader(case, fmt):
    """A file read with the wrong --format still ends in posts or a clear error."""
    data, encoding = case
    _check("cross-format", ".dat", data, encoding, fmt)


def test_report_inputs_tried():
    print("\nfuzz inputs tried per reader:", dict(TRIED))
    assert all(TRIED[r] for r in READERS)
