"""Who published a post, read from its ``source`` and ``url``: the names a publisher goes by.

A post's source is often its publisher's blog (``Zorbly Tech Blog``, ``zorblytech
(Medium)``) and its host names the publisher (``blog.zorbly.com``). A publisher writes about
its own work, so its name in the post is the organisation, and a plain-word company name
(``Segment``) is no plain word there.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgraph.extract.generic import phrases
from kgraph.model import Post

PUBLISHER = "kgraph_publisher"
"""``Doc.user_data`` key: the publisher's name keys (:func:`publisher_keys`) of its post."""

# Words a source's name adds to its publisher's name ("Zorbly Tech Blog", "Zorbly
# Engineering (Medium)", "zorblytech") and host labels that name no publisher.
OUTLET_WORDS = phrases(
    """
    blog blogs engineering tech technology dev developers developer bytes newsroom news
    stories labs research the official team
    """
)
HOST_WORDS = phrases(
    """
    www blog blogs engineering eng tech dev developer developers news medium substack github
    com org net io co uk de fr jp in dk ai app me us eu
    """
)
# A source that is a newsletter, podcast or digest: its host is a writer's or a show's
# site, not an organisation's ("adventures.nodeland.dev").
DIGEST_WORDS = (
    "newsletter",
    "podcast",
    "digest",
    "weekly",
    "roundup",
    "round-up",
    "substack",
    "episode",
    "show",
)
# Words a source's name opens with before its publisher's name ("Team Zorbly (Medium)").
LEADING_WORDS = phrases("team the")
_GLUED_OUTLET = re.compile(r"(?:tech|engineering|eng|blog|dev)$")


_NOT_SQUEEZED = re.compile(r"[^0-9a-z]")


@lru_cache(maxsize=16384)  # asked of every word of a text that names its publisher
def squeezed(text: str) -> str:
    """Letters and digits only, lower case: how a name is compared with a source or host."""
    return _NOT_SQUEEZED.sub("", text.lower())


def publisher_keys(post: Post) -> frozenset[str]:
    """The publisher's name keys of ``post`` (see :func:`source_keys`)."""
    return source_keys(post.source, post.url)


@lru_cache(maxsize=1024)  # a feed's posts share their source and host
def source_keys(source: str, url: str) -> frozenset[str]:
    """The :func:`squeezed` names of the post's publisher: its whole source; the source's
    name before its outlet words (``Zorbly`` of ``Zorbly Tech Blog (Medium)``, of
    ``zorblytech``); the name its host is registered under (``zorbly`` of
    ``blog.zorbly.com``), unless the source is a newsletter or a show. Keys shorter than
    three characters are left out."""
    keys = {squeezed(source)}
    name = source.split("(")[0].split()
    words = list(name)
    while words and words[-1].lower() in OUTLET_WORDS:
        words.pop()
    while len(words) > 1 and words[0].lower() in LEADING_WORDS:
        words.pop(0)  # "Team Zorbly", "The Zorbly Blog"
    if words and len(words) < len(name):
        keys.add(squeezed(" ".join(words)))
    if len(name) == 1 and _GLUED_OUTLET.search(squeezed(name[0])):
        keys.add(_GLUED_OUTLET.sub("", squeezed(name[0])))
    if not any(word in source.lower() for word in DIGEST_WORDS):
        keys |= _host_names(url) | _publication_names(url)
    keys |= _credited_names(source)
    return frozenset(k for k in keys if len(k) >= 3)


# Words that end a credit to the original publisher in a source's note: "(copy of the Zorbly
# Techblog feed)", "(item on a Zorbly engineering post)", "(summary of a Zorbly blog post)".
CREDIT_ENDS = phrases(
    "blog blogs techblog post posts article articles feed repost talk talks engineer engineers"
)
MEETINGS = phrases("meetup conference")
# What a note is written about, before "on" and its subject: "(case study on Zorbly)".
CREDIT_TOPICS = phrases("study studies note notes story stories")
# A credit names its publisher in capitals: "Zorbly", "Zorbly Labs", "Zorbly.io".
_CREDIT_NAME = re.compile(r"[A-Z][\w.&-]*(?:['\u2019]s)?")


def _credited_names(source: str) -> set[str]:
    """The publisher a mirror, summary or repost credits in its source's note: ``zorbly`` of
    ``host.org (copy of the Zorbly Techblog feed)``, of ``Digest (item on a Zorbly engineering
    post)``, of ``Reader (repost of Zorbly's engineering blog)``, of ``Site (a Zorbly
    engineering talk write-up)``, of ``Vendor blog (case study on Zorbly)``. The name is the
    capitalised words before the blog, post or talk words, or after a study's ``on``; two
    or more before a bare ``post`` or ``article`` are more often a writer's name (``a Dana
    Okafor post``) and are left out."""
    note = source.partition("(")[2].rpartition(")")[0]
    keys = set()
    for part in re.split(r"[;,]", note):
        words = [w.strip("\u2019'\"") for w in part.split()]
        for i, word in enumerate(words):
            low = word.lower()
            if low == "on" and 0 < i < len(words) - 1 and words[i - 1].lower() in CREDIT_TOPICS:
                after = words[i + 1 : i + 4]
                if all(_CREDIT_NAME.fullmatch(w) for w in after):
                    keys.add(squeezed(_unpossessed(" ".join(after))))  # "case study on Zorbly"
                continue
            if low not in CREDIT_ENDS or i == 0:
                continue
            j = i
            while j > 0 and words[j - 1].lower() in OUTLET_WORDS | CREDIT_ENDS | MEETINGS:
                j -= 1  # "Zorbly Technology Blog", "Zorbly engineering post"
            bare = j == i and low.startswith(("post", "article"))
            if j == i and low.startswith("talk"):
                continue  # "(KubeCon talk write-up)": an event's talk; "a Zorbly engineering talk"
            name = []
            while j > 0 and len(name) < 3 and _CREDIT_NAME.fullmatch(words[j - 1]):
                name.insert(0, words[j - 1])
                j -= 1
                if name[0].endswith(("'s", "\u2019s")):
                    break
            while name and name[0].lower() in LEADING_WORDS:
                name.pop(0)
            if name and not (bare and len(name) > 1):
                keys.add(squeezed(_unpossessed(" ".join(name))))
    return keys


def _unpossessed(name: str) -> str:
    """``Zorbly`` of ``Zorbly's``."""
    for end in ("'s", "\u2019s"):
        if name.endswith(end):
            return name[: -len(end)]
    return name


def _host_names(url: str) -> set[str]:
    """The name a host is registered under: ``zorbly`` of ``blog.zorbly.com`` and of
    ``zorbly.co.uk``, ``zorbly`` of ``zorbly.github.io`` (a hosting service's own name is
    no publisher's); the subdomains are the site's parts."""
    host = re.match(r"^[a-z]+://([^/:?#]+)", url.strip().lower())
    labels = host.group(1).split(".")[:-1] if host else []  # the last is the country or kind
    if len(labels) > 1 and labels[-1] in ("co", "com", "org", "ac"):
        labels.pop()  # "co.uk"
    while labels and labels[-1] in HOST_WORDS:
        labels.pop()  # "zorbly.github.io", "zorbly.substack.com"
    return {labels[-1].replace("-", "")} if labels else set()


# A blogging site whose first path segment is the publication (``medium.com/zorbly-tech/...``);
# ``medium.com/@someone`` is a writer's own page, no publication.
_PUBLICATION_PATH = re.compile(r"^[a-z]+://(?:www\.)?medium\.com/([a-z0-9][a-z0-9_-]*)/")


def _publication_names(url: str) -> set[str]:
    """The publisher named by a publication's path on a blogging site: ``zorbly`` of
    ``medium.com/zorbly-engineering/...`` and of ``medium.com/team-zorbly/...`` (outlet words
    around the name go, as in a source's name)."""
    match = _PUBLICATION_PATH.match(url.strip().lower())
    if not match:
        return set()
    parts = [p for p in re.split(r"[-_]", match.group(1)) if p]
    while len(parts) > 1 and parts[0] in LEADING_WORDS:
        parts.pop(0)
    while len(parts) > 1 and parts[-1] in OUTLET_WORDS:
        parts.pop()
    key = "".join(parts)
    if len(parts) == 1 and _GLUED_OUTLET.search(key) and _GLUED_OUTLET.sub("", key):
        key = _GLUED_OUTLET.sub("", key)
    return {key}


# Path words under which a vendor's site keeps its customers' stories: the next path part
# starts with the customer's name ("/customers/zorbly/", "/case-studies/zorbly-case-study").
CUSTOMER_PATHS = re.compile(
    r"customers?|case[-_]?stud(?:y|ies)|customer[-_]stor(?:y|ies)|success[-_]stor(?:y|ies)"
)


@lru_cache(maxsize=1024)
def customer_keys(url: str) -> frozenset[str]:
    """The :func:`squeezed` names a customer-story address gives its customer: ``zego`` of
    ``tailscale.com/customers/zego/``, ``vimeo`` and ``vimeobusiness`` of
    ``.../case-study/vimeo-business-customer-case-study`` (the first one to three words of
    the page's name). A case study is about an organisation, the vendor's customer."""
    parts = url.lower().split("?")[0].split("#")[0].strip("/").split("/")
    keys = set()
    for i, part in enumerate(parts[:-1]):
        if i >= 1 and CUSTOMER_PATHS.fullmatch(part):
            words = re.split(r"[-_.]", parts[i + 1])
            for k in range(1, min(3, len(words)) + 1):
                keys.add("".join(words[:k]))
    return frozenset(k for k in keys if len(k) >= 3)
