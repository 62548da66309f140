"""Feed fetching refuses internal addresses by default (issue 15, case 1).

Real HTTP servers on 127.0.0.1 and 127.0.0.2 stand in for internal services; each records
the requests it saw, so a refused fetch is shown to have sent nothing.
"""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

import kgraph.extract
from kgraph.cli import main
from kgraph.corpus import fetch, netguard, read_corpus
from kgraph.corpus.fetch import fetch_url
from kgraph.errors import CorpusError
from tests import support

FEED = (support.DATA_DIR / "feed.rss").read_bytes()


class _Internal(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.seen.append(self.path)
        if self.path.startswith("/redirect"):
            target = self.path.split("?to=", 1)[1]
            self.send_response(302)
            self.send_header("Location", target)
            self.end_headers()
        elif self.path == "/feed.rss":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(FEED)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


def _serve(host: str):
    httpd = ThreadingHTTPServer((host, 0), _Internal)
    httpd.daemon_threads = True
    httpd.seen = []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture
def internal(monkeypatch):
    """An 'internal' server on 127.0.0.1; private addresses are refused (the default)."""
    monkeypatch.delenv("KGRAPH_ALLOW_PRIVATE_URLS", raising=False)
    monkeypatch.setattr(fetch, "TIMEOUT_S", 2.0)
    httpd = _serve("127.0.0.1")
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _base(httpd) -> str:
    host, port = httpd.server_address[:2]
    return f"http://{host}:{port}"


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.1.2.3",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.127.255.254",
        "224.0.0.251",
        "239.255.255.250",
        "0.0.0.0",
        "255.255.255.255",
        "::",
        "::1",
        "fe80::1",
        "fe80::1%eth0",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.1.2.3",
        "::ffff:169.254.169.254",
        "::127.0.0.1",
        "64:ff9b::a00:1",
        "2002:7f00:1::",
        "not an address",
    ],
)
def test_non_public_addresses_are_refused(address):
    assert not netguard.is_public(address)


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"]
)
def test_public_addresses_pass(address):
    assert netguard.is_public(address)


@pytest.mark.parametrize(
    "form",
    [
        "127.0.0.1",
        "localhost",
        "2130706433",  # 127.0.0.1 as one decimal number
        "0x7f.1",
        "0177.0.0.1",
        "[::ffff:127.0.0.1]",
    ],
)
def test_loopback_in_any_spelling_is_refused_and_never_contacted(internal, form):
    port = internal.server_address[1]
    with pytest.raises(CorpusError, match="cannot be fetched"):
        fetch_url(f"http://{form}:{port}/feed.rss")
    assert internal.seen == []


def test_feed_box_and_opml_are_refused_too(internal, tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        f'<opml version="2.0"><body><outline xmlUrl="{_base(internal)}/feed.rss"/></body></opml>'
    )
    for source in (f"{_base(internal)}/feed.rss", str(opml)):
        with pytest.raises(CorpusError, match="cannot be fetched"):
            read_corpus([source])
    assert internal.seen == []


def test_every_failure_gives_the_same_message(internal, monkeypatch):
    """Refused address, closed port, 404, unknown name: one text, so no port scanning.

    127.0.0.1 stands in for a public server (let through for this test); 127.0.0.2 and
    10.0.0.1 stay refused.
    """
    real = netguard.is_public
    monkeypatch.setattr(netguard, "is_public", lambda a: a == "127.0.0.1" or real(a))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    port = internal.server_address[1]
    urls = {
        "refused": f"http://127.0.0.2:{port}/feed.rss",
        "refused-private": f"http://10.0.0.1:{port}/feed.rss",
        "closed port": f"http://127.0.0.1:{closed}/feed.rss",
        "404": f"{_base(internal)}/missing",
        "unknown name": "http://no-such-host.invalid/feed.rss",
    }
    messages = {}
    for kind, url in urls.items():
        with pytest.raises(CorpusError) as info:
            fetch_url(url)
        messages[kind] = str(info.value).replace(url, "URL")
    assert len(set(messages.values())) == 1, messages
    text = messages["refused"]
    for leak in ("refused", "404", "Errno", "Not Found", "127.0.0", "resolve"):
        assert leak not in text
    # with the opt-in the user trusts the network: the server's answer is told
    monkeypatch.setenv("KGRAPH_ALLOW_PRIVATE_URLS", "1")
    with pytest.raises(CorpusError, match="the server answered 404"):
        fetch_url(urls["404"])


def test_redirect_to_an_internal_address_is_checked_again(internal, monkeypatch):
    """A 'public' server (127.0.0.1, let through for this test) redirects to 127.0.0.2."""
    inner = _serve("127.0.0.2")
    real = netguard.is_public
    monkeypatch.setattr(netguard, "is_public", lambda a: a == "127.0.0.1" or real(a))
    try:
        # the 'public' server itself is fetched ...
        assert len(read_corpus([f"{_base(internal)}/feed.rss"]).posts) == 2
        # ... but not what it redirects to
        with pytest.raises(CorpusError, match="cannot be fetched"):
            fetch_url(f"{_base(internal)}/redirect?to={_base(inner)}/feed.rss")
        assert inner.seen == []
        assert internal.seen[-1].startswith("/redirect")
    finally:
        inner.shutdown()
        inner.server_close()


def test_names_resolving_to_any_private_address_are_refused(monkeypatch):
    """Every address a name resolves to is checked, not only the first."""
    real = socket.getaddrinfo

    def two_addresses(host, port, *args, **kwargs):
        if host == "mixed.example":
            return [
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
            ]
        return real(host, port, *args, **kwargs)

    monkeypatch.delenv("KGRAPH_ALLOW_PRIVATE_URLS", raising=False)
    monkeypatch.setattr(socket, "getaddrinfo", two_addresses)
    with pytest.raises(netguard.BlockedAddress):
        netguard.resolve("mixed.example", 80)


def test_user_info_is_refused_even_when_private_is_allowed(internal, monkeypatch):
    monkeypatch.setenv("KGRAPH_ALLOW_PRIVATE_URLS", "1")
    host, port = internal.server_address[:2]
    for url in (
        f"http://user:secret@{host}:{port}/feed.rss",
        f"http://user@{host}:{port}/feed.rss",
        f"http://@{host}:{port}/feed.rss",
    ):
        with pytest.raises(CorpusError, match="cannot be fetched"):
            fetch_url(url)
    assert internal.seen == []


def test_opt_in_by_environment_reads_local_feeds(internal, monkeypatch):
    monkeypatch.setenv("KGRAPH_ALLOW_PRIVATE_URLS", "1")
    assert len(read_corpus([f"{_base(internal)}/feed.rss"]).posts) == 2


def test_cli_refuses_by_default_and_allow_private_urls_opts_in(
    internal, monkeypatch, tmp_path, word_extractor
):
    monkeypatch.setattr(kgraph.extract, "load_extractor", lambda **_: word_extractor)
    monkeypatch.setenv("KGRAPH_ALLOW_PRIVATE_URLS", "")  # restored after the test
    url = f"{_base(internal)}/feed.rss"
    db = tmp_path / "k.db"
    refused = CliRunner().invoke(main, ["build", url, "--db", str(db)])
    assert refused.exit_code == 1 and "cannot be fetched" in refused.output
    assert "Traceback" not in refused.output and internal.seen == []
    allowed = CliRunner().invoke(main, ["build", url, "--db", str(db), "--allow-private-urls"])
    assert allowed.exit_code == 0, allowed.output
    assert "2 posts" in allowed.output and internal.seen == ["/feed.rss"]
