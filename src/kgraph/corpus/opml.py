"""OPML subscription lists: the feed URLs in their ``xmlUrl`` attributes."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import defusedxml.ElementTree as safe_et
from defusedxml import DefusedXmlException

from kgraph.errors import CorpusError


def feed_urls(data: bytes, name: str) -> list[str]:
    try:
        root = safe_et.fromstring(data)
    except DefusedXmlException:
        raise CorpusError(f"{name}: unsafe XML (entities or DTD) refused.") from None
    except ET.ParseError as exc:
        raise CorpusError(f"{name}: malformed OPML ({exc}). Fix the file.") from None
    urls = [o.get("xmlUrl") for o in root.iter("outline") if o.get("xmlUrl")]
    if not urls:
        raise CorpusError(f"{name}: the OPML lists no feeds (no outline with an xmlUrl).")
    return urls
