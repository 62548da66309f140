"""Keep feed fetching on the public internet: no loopback, private or link-local addresses.

A feed URL comes from a user (the CLI, the app's feed box, an OPML file), so without a
guard it can make the server fetch its own internal pages. Every request is checked here:

- the host name is resolved once and *every* address it resolves to must be public;
- the connection is then made to the checked address (pinned), so a name that resolves
  differently a moment later (DNS rebinding) cannot slip through;
- each redirect is a new request through the same handlers, so it is checked again;
- URLs with user info (``http://user:pass@host/``) are refused.

Refused: loopback, private (RFC 1918, fc00::/7), link-local, CGNAT (100.64.0.0/10),
multicast, unspecified, reserved and the IPv4-mapped/-compatible forms of all of these.
``KGRAPH_ALLOW_PRIVATE_URLS=1`` (or ``kgraph build --allow-private-urls``) lifts the
address check for users who read feeds on their own network; user info stays refused.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import urllib.parse
import urllib.request

from kgraph import config

_CGNAT = ipaddress.ip_network("100.64.0.0/10")


class BlockedAddress(OSError):
    """A URL or address that the guard refuses; never shown to the user as such."""


def is_public(address: str) -> bool:
    """Whether ``address`` (an IPv4 or IPv6 literal) is a public unicast address."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return is_public(str(ip.ipv4_mapped))
        if ip.sixtofour is not None:
            return is_public(str(ip.sixtofour))
        if ip.teredo is not None:
            return False
        if ip in ipaddress.ip_network("::/96"):  # IPv4-compatible (deprecated) form
            return False
        if ip in ipaddress.ip_network("64:ff9b::/96"):  # NAT64 of an IPv4 address
            return is_public(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)))
    elif ip in _CGNAT:
        return False
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_unspecified
        or ip.is_reserved
        or not ip.is_global
    )


def check_url(url: str) -> None:
    """Refuse a URL with user info; :class:`BlockedAddress` if it has any."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise BlockedAddress("user info in URL")


def resolve(host: str, port: int) -> list[tuple]:
    """``getaddrinfo`` results for ``host:port``, every one checked unless allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise BlockedAddress("name does not resolve") from exc
    if not infos:
        raise BlockedAddress("name does not resolve")
    if not config.allow_private_urls():
        for info in infos:
            if not is_public(info[4][0]):
                raise BlockedAddress("address is not public")
    return infos


def _connect(host: str, port: int, timeout, source_address) -> socket.socket:
    """A socket connected to one checked address of ``host`` (the address is pinned)."""
    last: OSError | None = None
    for family, socktype, proto, _name, sockaddr in resolve(host, port):
        sock = socket.socket(family, socktype, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            last = exc
    raise last or OSError("cannot connect")


class GuardedHTTPConnection(http.client.HTTPConnection):
    def connect(self):
        self.sock = _connect(self.host, self.port, self.timeout, self.source_address)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class GuardedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self):
        sock = _connect(self.host, self.port, self.timeout, self.source_address)
        context = getattr(self, "_context", None) or ssl.create_default_context()
        self.sock = context.wrap_socket(sock, server_hostname=self.host)


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        check_url(req.full_url)
        return self.do_open(GuardedHTTPConnection, req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        check_url(req.full_url)
        return self.do_open(GuardedHTTPSConnection, req, context=self._context)


def build_opener(*handlers) -> urllib.request.OpenerDirector:
    """An opener whose every request and redirect goes through the address guard.

    Proxies from the environment are not used: the guard must see the feed's own address.
    """
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        _GuardedHTTPHandler(),
        _GuardedHTTPSHandler(context=ssl.create_default_context()),
        *handlers,
    )
