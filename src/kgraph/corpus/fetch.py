"""Fetch a feed over http(s) with a timeout, a size cap and a bounded number of redirects.

Every request and redirect goes through :mod:`kgraph.corpus.netguard` (public addresses
only unless ``KGRAPH_ALLOW_PRIVATE_URLS=1``), and every failure gives the same message,
so the feed box cannot be used to tell a closed port from a 404 or a refused address.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request

from kgraph.corpus import netguard
from kgraph.errors import CorpusError

TIMEOUT_S = 10.0
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "kgraph/0.1 (+feed reader)"


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith(("http://", "https://")):
            raise netguard.BlockedAddress("redirect off http(s)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = netguard.build_opener(_Redirects)


def cannot_fetch(url: str) -> str:
    """The one message for a refused or failed fetch: it reveals nothing about why."""
    return (
        f"{url}: cannot be fetched (no feed answered there, or the address is not allowed). "
        "Check the URL; feeds on your own network need KGRAPH_ALLOW_PRIVATE_URLS=1."
    )


class NotModified(Exception):
    """A conditional fetch answered 304: the feed has not changed since the given validators."""


def fetch_url(
    url: str,
    *,
    timeout: float | None = None,
    max_bytes: int | None = None,
    headers: dict[str, str] | None = None,
    response_headers: dict[str, str] | None = None,
) -> bytes:
    """The body of ``url``; :class:`CorpusError` for anything a user must fix.

    ``headers`` are sent with the request (``If-None-Match``, ``If-Modified-Since``); the
    answer's headers are copied into ``response_headers`` when given. A 304 answer raises
    :class:`NotModified`.

    ``timeout`` bounds the whole fetch, not each read, so a server that drips a byte at a
    time cannot hold a build forever. Defaults are read at call time (tests lower them).
    """
    timeout = TIMEOUT_S if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    if not url.lower().startswith(("http://", "https://")):
        raise CorpusError(f"{url}: only http:// and https:// feed URLs are read.")
    deadline = time.monotonic() + timeout
    try:
        netguard.check_url(url)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
        with _OPENER.open(request, timeout=timeout) as response:
            if response_headers is not None:
                response_headers.update(response.headers.items())
            chunks, size = [], 0
            while size <= max_bytes:
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunk = response.read1(min(65536, max_bytes + 1 - size))  # what has come
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            body = b"".join(chunks)
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            raise NotModified(url) from None
        raise CorpusError(cannot_fetch(url)) from None
    except (OSError, ValueError, http.client.HTTPException):
        # URLError, timeouts, refused addresses (netguard.BlockedAddress) and broken answers
        # alike: one message, so nothing about the far side leaks.
        raise CorpusError(cannot_fetch(url)) from None
    if len(body) > max_bytes:
        raise CorpusError(cannot_fetch(url))
    return body
