"""RSS 2.0 and Atom feeds through feedparser; the feed's title becomes each post's source."""

from __future__ import annotations

import html
import io
import re
import time
import xml.sax
from collections.abc import Iterator
from html.parser import HTMLParser

import feedparser

from kgraph.corpus.hygiene import clean_summary
from kgraph.corpus.records import Skip, to_post
from kgraph.corpus.xmlsafety import check_xml
from kgraph.errors import CorpusError
from kgraph.model import Post


class _TextOnly(HTMLParser):
    """Collects the text of an HTML fragment; tags, scripts and styles are dropped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in ("p", "br", "div", "li"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


_TAG = re.compile(r"<[^>]*>?")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, entities decoded."""
    parser = _TextOnly()
    try:
        parser.feed(fragment)
        parser.close()
        text = "".join(parser.parts)
    except AssertionError:
        # html.parser asserts on some malformed markup ("<![C\x00DATA[", an unknown marked
        # section): a feed's broken fragment still gives its text, tags dropped.
        text = _TAG.sub(" ", fragment)
    return html.unescape(" ".join(text.split()))


def _date(entry) -> str:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else ""


def parse(data: bytes, name: str) -> Iterator[Post | Skip]:
    check_xml(data, name)
    # A stream, never bytes: feedparser opens bytes that name a path (or /dev/zero) as a file.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise CorpusError(f"{name}: no feed entries found{problem}. Is it an RSS or Atom feed?")
    source = html_to_text(parsed.feed.get("title", ""))
    for i, entry in enumerate(parsed.entries, start=1):
        record = {
            "id": entry.get("id", ""),
            "title": html_to_text(entry.get("title", "")),
            "summary": clean_summary(html_to_text(entry.get("summary", "")))[0],
            "url": entry.get("link", ""),
            "source": source,
            "published": _date(entry),
            "tags": [t.get("term", "") for t in entry.get("tags", []) if t.get("term")],
        }
        yield to_post(record, f"{name}#{i}")
    # A cut-off download still parses up to the cut (feedparser falls back to a loose
    # parser), so the feed looks whole unless this is said.
    if parsed.get("bozo") and isinstance(parsed.get("bozo_exception"), xml.sax.SAXException):
        yield Skip(
            name,
            f"not well-formed XML ({parsed.bozo_exception}): the file may be cut off, so "
            f"the entries after entry {len(parsed.entries)} (and that one's end) may be "
            "missing; download it again or fix it",
        )
