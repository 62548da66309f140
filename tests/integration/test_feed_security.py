"""Hostile feeds served from 127.0.0.1: bombs, XXE, slow and huge answers, bad redirects.

Every case must end in posts or a clear :class:`CorpusError`, and no local file's content
may reach a post. Timeouts and the size cap are lowered here so the suite stays fast.
"""

from __future__ import annotations

import socket
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kgraph.corpus import fetch, read_corpus
from kgraph.corpus.fetch import fetch_url
from kgraph.errors import CorpusError

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example Eng</title>
<item><title>Sharding Postgres at Example</title><link>https://example.com/a</link>
<description>&lt;p&gt;How we shard &lt;b&gt;Postgres&lt;/b&gt;.&lt;/p&gt;</description></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Eng</title><entry><title>Rate limiting with Envoy</title>
<link href="https://example.com/b"/><id>urn:b</id><summary>Envoy limits.</summary></entry></feed>"""
LAUGHS = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>"""


def _xxe_payloads(secret_path: str) -> dict[str, bytes]:
    """Ways a feed can try to pull a local file into its text."""
    uri = f"file://{secret_path}"
    item = (
        "<rss version='2.0'><channel><title>t</title><item><title>{}</title></item></channel></rss>"
    )
    general = f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{uri}">]>' + item.format("&x;")
    return {
        "general": general.encode(),
        "lowercase": general.replace("ENTITY", "entity").encode(),
        "parameter": (
            f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "{uri}"> %p;]>'
            + item.format("x")
        ).encode(),
        "external-dtd": (
            f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{uri}">' + item.format("x")
        ).encode(),
        "utf16": b"\xff\xfe"
        + general.replace('version="1.0"?', 'version="1.0" encoding="UTF-16"?').encode("utf-16-le"),
        "atom": (
            f'<?xml version="1.0"?><!DOCTYPE f [<!ENTITY x SYSTEM "{uri}">]>'
            '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&x;</title></entry></feed>'
        ).encode(),
        # Not XML at all: a body that names a path. feedparser opens such bytes as a file.
        "bare-path": secret_path.encode(),
    }


class _Handler(BaseHTTPRequestHandler):
    secret_path = ""

    def log_message(self, *args):  # keep pytest output clean
        pass

    def _send(self, code: int, body: bytes = b"", headers: dict | None = None) -> None:
        self.send_response(code)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # one branch per hostile endpoint
        path = self.path
        if path == "/rss":
            self._send(200, RSS)
        elif path == "/atom":
            self._send(200, ATOM)
        elif path == "/missing":
            self._send(404, b"not here")
        elif path == "/slow":
            time.sleep(10)
            self._send(200, RSS)
        elif path == "/drip":  # answers at once, then one byte every 0.1 s: a slowloris body
            self.send_response(200)
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif path == "/huge":  # no Content-Length: the reader must stop on its own
            self.send_response(200)
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"<!-- " + b"x" * 65536 + b" -->")
            except OSError:
                pass
        elif path == "/loop":
            self._send(302, headers={"Location": "/loop"})
        elif path.startswith("/chain/"):
            self._send(302, headers={"Location": f"/chain/{int(path.rsplit('/', 1)[1]) + 1}"})
        elif path == "/to-file":
            self._send(302, headers={"Location": f"file://{self.secret_path}"})
        elif path == "/to-ftp":
            self._send(301, headers={"Location": "ftp://127.0.0.1/feed.xml"})
        elif path == "/to-rss":
            self._send(307, headers={"Location": "/rss"})
        elif path == "/laughs":
            self._send(200, LAUGHS)
        elif path.startswith("/xxe/"):
            self._send(200, _xxe_payloads(self.secret_path)[path[5:]])
        elif path == "/garbage":  # not HTTP at all
            self.wfile.write(b"garbage\r\n\r\n")
        else:
            self._send(404)


@pytest.fixture(scope="module")
def secret(tmp_path_factory):
    path = tmp_path_factory.mktemp("secret") / "secret.txt"
    token = f"KGRAPH-SECRET-{uuid.uuid4().hex}"
    # The token alone, and inside a tiny feed: a leaked file would then even parse.
    path.write_text(
        f"<rss><channel><title>{token}</title><item><title>{token}</title></item></channel></rss>"
    )
    return path, token


@pytest.fixture(scope="module")
def server(secret):
    _Handler.secret_path = str(secret[0])
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def quick_limits(monkeypatch, allow_private_urls):
    monkeypatch.setattr(fetch, "TIMEOUT_S", 1.0)
    monkeypatch.setattr(fetch, "MAX_BYTES", 200_000)


def _texts(posts) -> str:
    return "\n".join(repr(p.to_dict()) for p in posts)


def test_valid_rss_and_atom_feeds_are_read(server):
    result = read_corpus([f"{server}/rss", f"{server}/atom"])
    titles = {p.title: p for p in result.posts}
    assert set(titles) == {"Sharding Postgres at Example", "Rate limiting with Envoy"}
    post = titles["Sharding Postgres at Example"]
    assert post.summary == "How we shard Postgres."  # HTML became plain text
    assert post.source == "Example Eng"
    assert titles["Rate limiting with Envoy"].source == "Atom Eng"


def test_404_names_the_url_and_status(server):
    with pytest.raises(CorpusError, match=r"/missing: the server answered 404"):
        read_corpus([f"{server}/missing"])


@pytest.mark.parametrize("path", ["/slow", "/drip"])
def test_slow_server_times_out_quickly(server, path):
    started = time.monotonic()
    with pytest.raises(CorpusError, match=r"no answer within 1 s"):
        read_corpus([f"{server}{path}"])
    # The whole fetch is bounded by the 1 s timeout, not each read: far under the server's
    # 10 s, with room for a busy machine.
    assert time.monotonic() - started < 4


def test_oversized_body_is_refused(server):
    with pytest.raises(CorpusError, match=r"larger than 200,000 bytes"):
        read_corpus([f"{server}/huge"])


@pytest.mark.parametrize("path", ["/loop", "/chain/0"])
def test_redirect_loops_stop(server, path):
    with pytest.raises(CorpusError, match=r"more than 5 redirects"):
        read_corpus([f"{server}{path}"])


def test_one_redirect_is_followed(server):
    assert [p.title for p in read_corpus([f"{server}/to-rss"]).posts] == [
        "Sharding Postgres at Example"
    ]


@pytest.mark.parametrize("path", ["/to-file", "/to-ftp"])
def test_redirects_off_http_are_refused(server, secret, path):
    with pytest.raises(CorpusError, match=r"cannot be fetched") as info:
        read_corpus([f"{server}{path}"])
    assert secret[1] not in str(info.value)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/hostname",
        "ftp://127.0.0.1/feed.xml",
        "gopher://127.0.0.1/",
        "data://text/plain,hello",
    ],
)
def test_non_http_schemes_are_refused(url):
    with pytest.raises(CorpusError, match=r"only http:// and https://"):
        read_corpus([url])


def test_file_url_of_the_secret_is_refused(secret):
    with pytest.raises(CorpusError) as info:
        read_corpus([f"file://{secret[0]}"])
    assert secret[1] not in str(info.value)


def test_billion_laughs_is_refused_fast(server):
    started = time.monotonic()
    with pytest.raises(CorpusError, match=r"declares entities"):
        read_corpus([f"{server}/laughs"])
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("kind", list(_xxe_payloads("/x")))
def test_xxe_never_reads_local_files(server, secret, kind):
    try:
        posts = read_corpus([f"{server}/xxe/{kind}"]).posts
    except CorpusError as exc:
        assert secret[1] not in str(exc)
        return
    assert secret[1] not in _texts(posts)


@pytest.mark.parametrize("kind", list(_xxe_payloads("/x")))
def test_xxe_in_local_feed_files(tmp_path, secret, kind):
    feed_file = tmp_path / "feed.xml"
    feed_file.write_bytes(_xxe_payloads(str(secret[0]))[kind])
    try:
        posts = read_corpus([str(feed_file)], fmt="feed").posts
    except CorpusError as exc:
        assert secret[1] not in str(exc)
        return
    assert secret[1] not in _texts(posts)


def test_opml_only_follows_http_feeds(server, tmp_path, secret):
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        f'<opml version="2.0"><body><outline xmlUrl="{server}/rss"/>'
        f'<outline xmlUrl="file://{secret[0]}"/></body></opml>'
    )
    with pytest.raises(CorpusError, match=r"only http:// and https://"):
        read_corpus([str(opml)])


def test_not_http_answer_is_a_clear_error(server):
    with pytest.raises(CorpusError, match=r"/garbage: cannot be fetched"):
        fetch_url(f"{server}/garbage")


def test_closed_port_is_a_clear_error():
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(CorpusError, match=r"cannot be fetched"):
        fetch_url(f"http://127.0.0.1:{port}/feed.xml")
