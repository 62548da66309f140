"""Fetch a feed over http(s) with a timeout, a size cap and a bounded number of redirects."""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request

from kgraph.errors import CorpusError

TIMEOUT_S = 10.0
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "kgraph/0.1 (+feed reader)"


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith(("http://", "https://")):
            raise CorpusError(f"{req.full_url}: redirects to {newurl!r}; only http(s) is followed.")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_Redirects)


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
        if str(exc.msg).startswith(_Redirects.inf_msg):
            raise CorpusError(
                f"{url}: more than {MAX_REDIRECTS} redirects; use the final URL."
            ) from None
        if exc.code in (301, 302, 303, 307, 308) and "not allowed" in str(exc.msg):
            # urllib refuses file:, data: and the like itself, before our handler sees them.
            raise CorpusError(
                f"{url}: redirects to {exc.filename!r}; only http(s) is followed."
            ) from None
        raise CorpusError(
            f"{url}: the server answered {exc.code} {exc.reason}. Check the URL."
        ) from None
    except TimeoutError:
        raise CorpusError(f"{url}: no answer within {timeout:g} s. Try again later.") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise CorpusError(f"{url}: no answer within {timeout:g} s. Try again later.") from None
        raise CorpusError(f"{url}: cannot be fetched ({reason}). Check the URL.") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        # HTTPException: a broken answer (bad status line, over-long header, cut-off body).
        raise CorpusError(f"{url}: cannot be fetched ({type(exc).__name__}: {exc}).") from None
    if len(body) > max_bytes:
        raise CorpusError(f"{url}: the feed is larger than {max_bytes:,} bytes; refused.")
    return body
