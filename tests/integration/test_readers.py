"""Corpus readers: every format into Posts, and every bad input into a clear CorpusError."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kgraph.corpus import read_corpus
from kgraph.corpus.detect import detect_format
from kgraph.errors import CorpusError
from kgraph.model import post_id_for
from tests import support

DATA = support.DATA_DIR


def test_shipped_seed_corpus_reads_18_posts_tagged_with_the_collection(shipped_corpus):
    result = read_corpus([shipped_corpus])
    assert len(result.posts) == 18
    assert result.skipped == []
    first = result.posts[0]
    assert (
        first.title == "Rethinking Distributed Systems for Serverless Performance and Reliability"
    )
    assert first.summary.startswith("The article explores the evolution of serverless compute")
    assert first.tags == ["Engineering posts about High Availability"]
    assert first.id == post_id_for(first.title)
    assert first.origin.endswith("000_bd76a9d99491f98c.txt:3")


def test_no_sources_means_the_shipped_corpus():
    assert len(read_corpus().posts) == 18


def test_csv_accepts_header_synonyms(write):
    path = write(
        "posts.csv",
        "Name,Description,Link,Company,Date\n"
        'Sharding at Foo,"We split, then merged",https://foo.dev/a,Foo,2026-02-01T10:00:00Z\n',
    )
    (post,) = read_corpus([path]).posts
    assert (post.title, post.summary, post.url, post.source, post.published) == (
        "Sharding at Foo",
        "We split, then merged",
        "https://foo.dev/a",
        "Foo",
        "2026-02-01",
    )
    assert post.origin == f"{path}:2"


def test_csv_stray_quote_that_swallows_records_is_named_not_read_as_one_post(write):
    path = write(
        "posts.csv",
        "title,summary\n"
        "Kafka at Foo,Foo moved to Kafka\n"
        '"Dicer at Bar,Bar shards\n'
        "Caching at Baz,Baz warms caches\n",
    )
    result = read_corpus([path])
    assert [p.title for p in result.posts] == ["Kafka at Foo"]
    (skip,) = result.skipped
    assert skip.startswith(f"{path}:3: a quote opened on line 3 never closes, so lines 3-4")
    assert 'write a quote inside a quoted cell as ""' in skip


def test_csv_summary_in_paragraphs_is_one_post(write):
    path = write("posts.csv", 'title,summary\nA,"para one\n\npara two, and more"\nB,ok\n')
    result = read_corpus([path])
    assert [p.summary for p in result.posts] == ["para one para two, and more", "ok"]
    assert result.skipped == []


def test_cut_off_feed_keeps_its_whole_entries_and_says_it_is_cut(write):
    path = write(
        "feed.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Eng</title>'
        "<item><title>Kafka at Foo</title><description>Foo uses Kafka.</description></item>"
        "<item><title>Sharding at Bar</title><description>Bar shards its",
    )
    result = read_corpus([path])
    assert [p.title for p in result.posts][:1] == ["Kafka at Foo"]
    assert any(
        s.startswith(f"{path}: not well-formed XML") and "may be cut off" in s
        for s in result.skipped
    )


def test_whole_feed_has_no_warning(write):
    path = write(
        "feed.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Eng</title>'
        "<item><title>Kafka at Foo</title><description>Foo uses Kafka.</description></item>"
        "</channel></rss>",
    )
    assert read_corpus([path]).skipped == []


def test_json_array_and_jsonl_keep_their_own_ids_and_tags(write):
    records = [
        {"id": "p1", "title": "A", "summary": "x", "tags": ["ha"]},
        {"id": "p2", "title": "B", "abstract": "y", "link": "https://b.dev"},
    ]
    from_json = read_corpus([write("c.json", json.dumps(records))]).posts
    from_jsonl = read_corpus([write("c.jsonl", "\n".join(map(json.dumps, records)))]).posts
    for posts in (from_json, from_jsonl):
        assert [p.id for p in posts] == ["p1", "p2"]
        assert posts[0].tags == ["ha"]
        assert posts[1].summary == "y" and posts[1].url == "https://b.dev"


def test_rss_feed_strips_html_and_uses_the_feed_title_as_source():
    posts = read_corpus([DATA / "feed.rss"]).posts
    assert [p.title for p in posts] == ["Sharding Postgres at Example", "Rate limiting with Envoy"]
    assert posts[0].summary == "How we sharded PostgreSQL & kept high availability."
    assert "alert" not in posts[0].summary
    assert posts[0].source == "Example Engineering"
    assert posts[0].published == "2026-03-03"
    assert posts[0].tags == ["databases"]


def test_atom_feed():
    (post,) = read_corpus([DATA / "feed.atom"]).posts
    assert post.summary == "Running Apache Kafka across regions."
    assert post.url == "https://atom.example.com/kafka"
    assert post.source == "Atom Blog"


def test_the_same_post_from_two_places_is_one_post_with_merged_tags(write):
    a = write("a.jsonl", json.dumps({"title": "Same Post", "tags": ["x"]}))
    b = write("b.jsonl", json.dumps({"title": "same  post", "tags": ["y"]}))
    (post,) = read_corpus([a, b]).posts
    assert post.tags == ["x", "y"]


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("x.txt", b"Name\n", "seed"),
        ("x.ndjson", b"{}", "jsonl"),
        ("x", b"[{}]", "json"),
        ("x", b'{"title": 1}', "jsonl"),
        ("x", b"<?xml?><rss>", "feed"),
        ("x", b"<opml>", "opml"),
        ("x", b"title,summary\n", "csv"),
        ("x.xml", b"<opml version='2.0'>", "opml"),
    ],
)
def test_format_detection(name, head, expected):
    assert detect_format(name, head) == expected


# -- bad input: each case names the file, the place and the fix ---------------------------


def _error(sources, **kw) -> str:
    with pytest.raises(CorpusError) as info:
        read_corpus(sources, **kw)
    return str(info.value)


def test_not_utf8_names_the_line_and_the_encoding_option(write):
    path = write("latin.csv", "title,summary\nCaf\u00e9 scaling,ok\n".encode("latin-1"))
    message = _error([path])
    assert str(path) in message and "line 2" in message and "--encoding" in message
    assert read_corpus([path], encoding="latin-1").posts[0].title == "Café scaling"


def test_malformed_json_names_the_line(write):
    message = _error([write("bad.json", '[\n{"title": "a"},\n{"title": }\n]')])
    assert "bad.json" in message and "line 3" in message


def test_malformed_jsonl_line_is_skipped_and_counted(write):
    path = write("bad.jsonl", '{"title": "ok"}\n{"title": \n{"summary": "no title"}\n')
    result = read_corpus([path])
    assert [p.title for p in result.posts] == ["ok"]
    assert len(result.skipped) == 2
    assert result.skipped[0].startswith(f"{path}:2: malformed JSON")
    assert result.skipped[1].startswith(f"{path}:3: record has no title")


def test_strict_fails_on_the_first_bad_record(write):
    path = write("bad.jsonl", '{"title": "ok"}\n{"summary": "no title"}\n')
    assert f"{path}:2" in _error([path], strict=True)


def test_csv_without_a_title_column(write):
    message = _error([write("no_title.csv", "headline_text,body\nx,y\n")])
    assert "no_title.csv" in message and "title column" in message


def test_empty_file(write):
    assert "is empty" in _error([write("empty.jsonl", "  \n")])


def test_missing_file():
    assert "nope.csv: no such file" in _error(["nope.csv"])


def test_seed_title_without_summary_is_skipped(write):
    path = write("s.txt", "Name\nDescription\nTitle one\nSummary one\nDangling title\n")
    result = read_corpus([path])
    assert len(result.posts) == 1
    assert result.skipped == [f"{path}:5: title 'Dangling title' has no summary line after it"]


# -- feeds over http, from a server on 127.0.0.1 -------------------------------------------


class _FeedHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/feed.rss":
            body = (DATA / "feed.rss").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/list.opml":
            port = self.server.server_address[1]
            body = (
                f'<opml version="2.0"><body><outline text="x" '
                f'xmlUrl="http://127.0.0.1:{port}/feed.rss"/></body></opml>'
            ).encode()
            self.send_response(200)
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def feed_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_feed_url(feed_server, allow_private_urls):
    posts = read_corpus([f"{feed_server}/feed.rss"]).posts
    assert len(posts) == 2 and posts[0].source == "Example Engineering"


def test_opml_follows_its_feeds(feed_server, write, allow_private_urls):
    opml = write(
        "subs.opml",
        f'<opml version="2.0"><body><outline xmlUrl="{feed_server}/feed.rss"/></body></opml>',
    )
    assert len(read_corpus([opml]).posts) == 2
    assert len(read_corpus([f"{feed_server}/list.opml"]).posts) == 2


def test_feed_url_404_says_so(feed_server, allow_private_urls):
    message = _error([f"{feed_server}/missing.rss"])
    assert "404" in message and "missing.rss" in message
