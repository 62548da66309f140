"""Fetch a feed over http(s) with a timeout, a size cap and a bounded number of redirects."""

from __future__ import annotations

import socket
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


def fetch_url(url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES) -> bytes:
    """The body of ``url``; :class:`CorpusError` for anything a user must fix."""
    if not url.lower().startswith(("http://", "https://")):
        raise CorpusError(f"{url}: only http:// and https:// feed URLs are read.")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise CorpusError(
                f"{url}: more than {MAX_REDIRECTS} redirects; use the final URL."
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
    except (OSError, ValueError) as exc:
        raise CorpusError(f"{url}: cannot be fetched ({exc}).") from None
    if len(body) > max_bytes:
        raise CorpusError(f"{url}: the feed is larger than {max_bytes // 1_048_576} MB; refused.")
    return body
