"""Fetch many feeds at once: a bounded pool, a cap per host, conditional requests.

A feed that cannot be fetched or parsed becomes a failed :class:`FeedResult` with a
one-line error; it never stops the others. Results come back in the order asked.
"""

from __future__ import annotations

import errno
import socket
import threading
import time
import urllib.error
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from kgraph import config
from kgraph.corpus.fetch import NotModified, fetch_url
from kgraph.corpus.records import Skip
from kgraph.errors import CorpusError
from kgraph.model import Post

OK, NOT_MODIFIED, FAILED = "ok", "not_modified", "failed"


@dataclass
class FeedResult:
    """What one fetch of one feed gave."""

    url: str
    status: str = OK
    """``ok``, ``not_modified`` (a 304 to a conditional request) or ``failed``."""
    title: str = ""
    etag: str = ""
    last_modified: str = ""
    error: str = ""
    fetched_at: float = 0.0
    posts: list[Post] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    opml: list[str] | None = None
    """The feed URLs it lists, when the URL turned out to be an OPML list."""


def parse_feed(data: bytes, name: str) -> list[Post | Skip]:
    """A feed's posts and skipped records, hygiene applied (see :mod:`kgraph.corpus.hygiene`)."""
    from kgraph.corpus import feed  # feedparser loads only when a feed is read

    return list(feed.parse(data, name))


class _HostGate:
    """At most ``per_host`` requests in flight to any one host."""

    def __init__(self, per_host: int):
        self.per_host = per_host
        self.lock = threading.Lock()
        self.gates: dict[str, threading.Semaphore] = {}

    def __call__(self, url: str) -> threading.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self.lock:
            if host not in self.gates:
                self.gates[host] = threading.Semaphore(self.per_host)
            return self.gates[host]


def fetch_feeds(
    urls: Iterable[str],
    *,
    validators: dict[str, tuple[str, str]] | None = None,
    parse: Callable | None = None,
    workers: int | None = None,
    per_host: int | None = None,
    timeout: float | None = None,
    progress: Callable[[int, int], None] | None = None,
    on_result: Callable[[FeedResult], None] | None = None,
) -> list[FeedResult]:
    """Fetch and parse every URL concurrently; one :class:`FeedResult` per URL, in order.

    ``validators`` maps a URL to its last ``(etag, last_modified)``: the request then asks
    conditionally and a 304 gives a ``not_modified`` result with no posts. ``parse`` turns a
    body into items (default: :func:`parse_feed`); it may raise :class:`CorpusError`.
    ``progress(done, total)`` and ``on_result(result)`` are called as each feed completes,
    in the caller's thread.
    """
    urls = list(dict.fromkeys(urls))
    validators = validators or {}
    parse = parse or parse_feed
    gate = _HostGate(per_host or config.FEED_PER_HOST)
    breaker = _NetworkBreaker(min(config.FEED_OFFLINE_AFTER, len(urls)))

    def one(url: str) -> FeedResult:
        etag, modified = validators.get(url, ("", ""))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        result = FeedResult(url, etag=etag, last_modified=modified)
        answer: dict[str, str] = {}
        if breaker.tripped:
            result.status, result.error = FAILED, f"{url}: not tried: {breaker.tripped}"
            return result
        try:
            with gate(url):
                result.fetched_at = time.time()
                body = fetch_url(url, timeout=timeout, headers=headers, response_headers=answer)
            result.etag = _header(answer, "ETag") or ""
            result.last_modified = _header(answer, "Last-Modified") or ""
            if not body.strip():
                raise CorpusError(f"{url}: the server answered with an empty body.")
            items = parse(body, url)
            if items and isinstance(items[0], str):
                result.opml = list(items)
            else:
                result.posts = [i for i in items if isinstance(i, Post)]
                result.skipped = [f"{i.where}: {i.reason}" for i in items if isinstance(i, Skip)]
                result.title = next((p.source for p in result.posts if p.source), "")
                if not result.posts:
                    first = f": {result.skipped[0]}" if result.skipped else ""
                    raise CorpusError(
                        f"{url}: not a usable feed, no valid entries"
                        f" ({len(result.skipped)} skipped{first})."
                    )
        except NotModified:
            result.status = NOT_MODIFIED
        except CorpusError as exc:
            result.status, result.error = FAILED, _one_line(str(exc))
            breaker.failed(exc)
            return result
        except Exception as exc:  # a feed must never sink the others
            result.status, result.error = FAILED, _one_line(f"{url}: {type(exc).__name__}: {exc}")
            breaker.failed(exc)
            return result
        breaker.answered()
        return result

    if not urls:
        return []
    with ThreadPoolExecutor(max_workers=min(workers or config.FEED_WORKERS, len(urls))) as pool:
        futures = [pool.submit(one, url) for url in urls]
        # Progress is reported from the caller's thread (Streamlit draws only from its own).
        for done, future in enumerate(as_completed(futures), start=1):
            if progress:
                progress(done, len(urls))
            if on_result:
                on_result(future.result())
        return [f.result() for f in futures]


class _NetworkBreaker:
    """Stops fetching when the network is down, instead of waiting on every DNS timeout.

    Trips when the first ``after`` feeds to finish all failed for want of a network (name
    resolution failed, network unreachable) and none answered; the rest are then failed
    as "not tried". One answer from any server keeps it closed for good.
    """

    def __init__(self, after: int):
        self.after = after
        self.lock = threading.Lock()
        self.offline = 0
        self.closed = after <= 1
        self.tripped = ""

    def answered(self) -> None:
        with self.lock:
            self.closed = True

    def failed(self, exc: BaseException) -> None:
        with self.lock:
            if self.closed or self.tripped:
                return
            if not _offline(exc):
                self.closed = True
                return
            self.offline += 1
            if self.offline >= self.after:
                self.tripped = (
                    f"the network looks down (the first {self.offline} feeds could not be "
                    "resolved or reached). Check the connection, then run `kgraph refresh`."
                )


_OFFLINE_ERRNOS = {errno.ENETUNREACH, errno.ENETDOWN, errno.EHOSTUNREACH}
_OFFLINE_TEXT = (
    "name or service not known",
    "temporary failure in name resolution",
    "no address associated",
    "nodename nor servname",
    "network is unreachable",
    "cannot resolve",
)


def _offline(exc: BaseException | None) -> bool:
    """Whether ``exc`` (or what it was raised from) says there is no network to use."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, socket.gaierror) or (
            isinstance(exc, OSError) and exc.errno in _OFFLINE_ERRNOS
        ):
            return True
        if any(text in str(exc).lower() for text in _OFFLINE_TEXT):
            return True
        if isinstance(exc, urllib.error.URLError) and _offline(
            exc.reason if isinstance(exc.reason, BaseException) else None
        ):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _header(headers: dict[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]
