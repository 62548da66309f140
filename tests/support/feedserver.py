"""A real HTTP server on 127.0.0.1 serving an OPML list of engineering-blog feeds.

Each feed has dated items (titles and summaries that name real technologies and companies),
answers every request ``delay`` seconds late with an ``ETag`` and a ``Last-Modified``, and
honours ``If-None-Match`` / ``If-Modified-Since`` with 304. Tests change a feed's behaviour
while it runs (add an item, answer 500, hang, serve invalid XML) and read what was asked.

    with FeedServer(n_feeds=50, items=20, delay=0.2) as server:
        server.opml_url          # http://127.0.0.1:PORT/feeds.opml
        server.add_item(3)       # feed 3 gains one item
        server.mode[4] = "500"   # feed 4 starts failing
        server.requests          # [(path, conditional?, status), ...]

Fetching from loopback needs ``KGRAPH_ALLOW_PRIVATE_URLS=1``; the fixtures set it.
"""

from __future__ import annotations

import hashlib
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka"]
TECHNOLOGIES = [
    "PostgreSQL",
    "Kafka",
    "Kubernetes",
    "Redis",
    "Cassandra",
    "Elasticsearch",
    "Spark",
    "Terraform",
    "React",
    "GraphQL",
    "gRPC",
    "Envoy",
    "Prometheus",
    "Airflow",
    "Flink",
]
RISING = ["Rust", "DuckDB", "ClickHouse"]
"""Technologies that appear only in the newest months: a corpus whose "Rising" table has a
known answer."""
CONCEPTS = [
    "sharding",
    "rate limiting",
    "observability",
    "caching",
    "feature flags",
    "service mesh",
    "event sourcing",
    "schema migrations",
    "load balancing",
]
VERBS = ["How we scaled", "Migrating to", "Lessons from running", "Debugging", "Building on"]
MODES = ("ok", "404", "500", "hang", "invalid")


def _month(i: int) -> str:
    """Months back from 2026-10: item 0 is the newest."""
    y, m = 2026, 10 - i
    while m < 1:
        y, m = y - 1, m + 12
    return f"{y:04d}-{m:02d}"


def item(feed: int, n: int) -> dict:
    """Item ``n`` of feed ``feed`` (0 the oldest): deterministic, dated, one month apart."""
    k = feed * 31 + n
    newest = n >= 16  # the last months of a 20-item feed bring the rising technologies
    tech = RISING[k % len(RISING)] if newest and k % 2 == 0 else TECHNOLOGIES[k % len(TECHNOLOGIES)]
    other = TECHNOLOGIES[(k * 7 + 3) % len(TECHNOLOGIES)]
    concept = CONCEPTS[k % len(CONCEPTS)]
    company = COMPANIES[feed % len(COMPANIES)]
    title = f"{VERBS[k % len(VERBS)]} {tech} at {company}: {concept} (part {feed}.{n})"
    summary = (
        f"<p>Our team moved {concept} onto {tech} and {other}. "
        f"We share what broke, what we measured and what we would do again.</p>"
    )
    if n % 5 == 0:  # real feed boilerplate, which the reader must strip
        summary += f"<p>The post {escape(title)} appeared first on {company} Engineering.</p>"
    return {
        "guid": f"urn:feed{feed}:item{n}",
        "title": title,
        "summary": summary,
        "link": f"https://eng.{company.lower()}.example/{feed}/{n}",
        "date": f"{_month(19 - min(n, 19))}-{(n % 27) + 1:02d}",
    }


def rss(feed: int, items: list[dict]) -> bytes:
    company = COMPANIES[feed % len(COMPANIES)]
    parts = [
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>',
        f"<title>{company} Engineering {feed}</title><link>https://eng.example/{feed}</link>",
    ]
    for it in reversed(items):  # newest first, as feeds are
        y, m, d = (int(x) for x in it["date"].split("-"))
        stamp = formatdate(time.mktime((y, m, d, 12, 0, 0, 0, 0, 0)), usegmt=True)
        parts.append(
            f"<item><guid>{it['guid']}</guid><title>{escape(it['title'])}</title>"
            f"<link>{it['link']}</link><pubDate>{stamp}</pubDate>"
            f"<description>{escape(it['summary'])}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class FeedServer:
    """``n_feeds`` feeds of ``items`` items each, plus ``dead`` 404s and ``hanging`` feeds."""

    def __init__(
        self,
        n_feeds: int = 50,
        items: int = 20,
        delay: float = 0.2,
        dead: int = 0,
        hanging: int = 0,
        hang_s: float = 120.0,
    ):
        self.n_feeds, self.delay, self.hang_s = n_feeds, delay, hang_s
        self.items = {f: [item(f, n) for n in range(items)] for f in range(n_feeds)}
        self.mode = {f: "ok" for f in range(n_feeds)}
        for j in range(dead):
            self.mode[n_feeds + j] = "404"
        for j in range(hanging):
            self.mode[n_feeds + dead + j] = "hang"
        self.requests: list[tuple[str, bool, int]] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.modified = {f: 1_780_000_000.0 for f in self.mode}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server._get(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    # -- what tests use ------------------------------------------------------------------

    @property
    def opml_url(self) -> str:
        return f"{self.base}/feeds.opml"

    def feed_url(self, feed: int) -> str:
        return f"{self.base}/feed/{feed}.xml"

    def opml(self) -> bytes:
        outlines = "".join(
            f'<outline type="rss" text="Blog {f}" xmlUrl="{self.feed_url(f)}"/>' for f in self.mode
        )
        return (
            f'<?xml version="1.0"?><opml version="2.0"><head><title>Engineering blogs</title>'
            f'</head><body><outline text="Blogs">{outlines}</outline></body></opml>'
        ).encode()

    def add_item(self, feed: int) -> dict:
        """Feed ``feed`` publishes one more item (dated in the newest month); returns it."""
        with self.lock:
            new = item(feed, len(self.items[feed]))
            new["guid"] += "-fresh"
            company = COMPANIES[feed % len(COMPANIES)]
            new["title"] = f"Announcing Zanzibar-style authorization on Kubernetes at {company}"
            new["link"] += "-fresh"
            new["date"] = "2026-11-02"
            self.items[feed].append(new)
            self.modified[feed] += 3600
        return new

    def reset_log(self) -> None:
        with self.lock:
            self.requests.clear()

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- serving ---------------------------------------------------------------------------

    def _get(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        conditional = bool(h.headers.get("If-None-Match") or h.headers.get("If-Modified-Since"))
        if self.delay:
            time.sleep(self.delay)
        if path == "/feeds.opml":
            return self._send(h, path, conditional, 200, self.opml(), "text/x-opml")
        feed = _feed_number(path)
        mode = self.mode.get(feed, "404") if feed is not None else "404"
        if mode == "hang":
            self._log(path, conditional, 0)
            self.stop.wait(self.hang_s)
            return
        if mode in ("404", "500"):
            return self._send(h, path, conditional, int(mode), b"no such feed", "text/plain")
        if mode == "invalid":
            return self._send(h, path, conditional, 200, b"<rss><channel><item>", "text/xml")
        with self.lock:
            body = rss(feed, list(self.items[feed]))
            modified = formatdate(self.modified[feed], usegmt=True)
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if h.headers.get("If-None-Match") == etag or (
            not h.headers.get("If-None-Match") and h.headers.get("If-Modified-Since") == modified
        ):
            return self._send(h, path, conditional, 304, b"", None, etag, modified)
        return self._send(h, path, conditional, 200, body, "application/rss+xml", etag, modified)

    def _log(self, path: str, conditional: bool, status: int) -> None:
        with self.lock:
            self.requests.append((path, conditional, status))

    def _send(self, h, path, conditional, status, body, ctype, etag=None, modified=None):
        self._log(path, conditional, status)
        try:
            h.send_response(status)
            if ctype:
                h.send_header("Content-Type", ctype)
            if etag:
                h.send_header("ETag", etag)
            if modified:
                h.send_header("Last-Modified", modified)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            if body:
                h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def _feed_number(path: str) -> int | None:
    if path.startswith("/feed/") and path.endswith(".xml"):
        try:
            return int(path[len("/feed/") : -len(".xml")])
        except ValueError:
            return None
    return None


if __name__ == "__main__":  # a server to point kgraph and the app at by hand
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    with FeedServer(n_feeds=n, delay=float(sys.argv[2]) if len(sys.argv) > 2 else 0.2) as s:
        print(s.opml_url, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
