"""Fetch a feed over http(s) with a timeout, a size cap and a bounded number of redirects.

Every request and redirect goes through :mod:`kgraph.corpus.netguard` (public addresses
only unless ``KGRAPH_ALLOW_PRIVATE_URLS=1``), and by default every failure gives the same
message, so the feed box cannot be used to tell a closed port from a 404 or a refused
address (see :func:`cannot_fetch`).
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request

from kgraph import config
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


def cannot_fetch(url: str, detail: str = "") -> str:
    """The message for a refused or failed fetch.

    By default it is one message for every cause, so the feed box cannot tell a closed
    port from a 404 or a refused address. With ``KGRAPH_ALLOW_PRIVATE_URLS=1`` the user
    reads feeds on a network they trust, and ``detail`` (the server's status, a timeout)
    says what went wrong; refusals (user info, redirects off http) never add detail.
    """
    if detail and config.allow_private_urls():
        return f"{url}: {detail}"
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
        if exc.code in (301, 302, 303, 307, 308) and "not allowed" in str(exc.msg):
            # urllib refuses file:, data: and the like itself: a refusal, told as one
            raise CorpusError(cannot_fetch(url)) from None
        if str(exc.msg).startswith(_Redirects.inf_msg):
            detail = f"more than {MAX_REDIRECTS} redirects; use the final URL."
        else:
            detail = f"the server answered {exc.code} {exc.reason}. Check the URL."
        raise CorpusError(cannot_fetch(url, detail)) from None
    except netguard.BlockedAddress:
        raise CorpusError(cannot_fetch(url)) from None
    except TimeoutError:
        detail = f"no answer within {timeout:g} s. Try again later."
        raise CorpusError(cannot_fetch(url, detail)) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, netguard.BlockedAddress):
            raise CorpusError(cannot_fetch(url)) from None
        if isinstance(reason, (TimeoutError, socket.timeout)):
            detail = f"no answer within {timeout:g} s. Try again later."
        else:
            detail = f"cannot be fetched ({reason}). Check the URL."
        raise CorpusError(cannot_fetch(url, detail)) from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        # a broken answer (bad status line, over-long header, cut-off body)
        detail = f"cannot be fetched ({type(exc).__name__}: {exc})."
        raise CorpusError(cannot_fetch(url, detail)) from None
    if len(body) > max_bytes:
        raise CorpusError(
            cannot_fetch(url, f"the feed is larger than {max_bytes:,} bytes; refused.")
        )
    return body
