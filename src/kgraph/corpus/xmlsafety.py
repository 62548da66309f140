"""Refuse XML that declares entities or reaches outside the document (billion laughs, XXE)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import defusedxml.ElementTree as safe_et
from defusedxml import DefusedXmlException

from kgraph.errors import CorpusError

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)


def check_xml(data: bytes, name: str) -> None:
    """Raise :class:`CorpusError` if the document declares entities or external references.

    Malformed XML passes: the feed parser is lenient with it on purpose.
    """
    if _ENTITY_DECL.search(data):
        raise CorpusError(
            f"{name}: the XML declares entities (<!ENTITY>), which kgraph refuses because they "
            "can expand without bound or read local files. Remove the DOCTYPE's entities."
        )
    try:
        safe_et.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise CorpusError(f"{name}: unsafe XML refused ({type(exc).__name__}).") from None
    except ET.ParseError:
        return
