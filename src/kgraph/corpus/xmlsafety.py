"""Refuse XML that declares entities or reaches outside the document (billion laughs, XXE).

The check looks at the document as every encoding a parser might read it in (UTF-8 and
other ASCII-compatible ones, UTF-16 and UTF-32 with or without a byte order mark, and the
encoding the XML declaration names), so a UTF-16 or UTF-32 feed cannot hide its DOCTYPE.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import defusedxml.ElementTree as safe_et
from defusedxml import DefusedXmlException

from kgraph.errors import CorpusError

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_ENTITY_TEXT = re.compile(r"<!\s*ENTITY", re.I)
_DECLARED = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _encoding(data: bytes) -> str | None:
    """The encoding a parser would read ``data`` in: its BOM's, its first bytes', else the
    declared one (None: ASCII-compatible, UTF-8 by default)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:4]
    for pattern, name in (
        (b"\x00\x00\x00<", "utf-32-be"),
        (b"<\x00\x00\x00", "utf-32-le"),
        (b"\x00<\x00?", "utf-16-be"),
        (b"<\x00?\x00", "utf-16-le"),
    ):
        if head == pattern:
            return name
    declared = _DECLARED.search(data[:512])
    if declared:
        try:
            return codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            return None
    return None


def _readings(data: bytes) -> Iterator[str]:
    """``data`` decoded every way a lenient parser might read it."""
    yield data.decode("latin-1")
    yield data.replace(b"\x00", b"").decode("latin-1")  # UTF-16/32 of ASCII markup
    named = _encoding(data)
    for name in (named, *_WIDE):
        if name:
            for start in range(4 if name in _WIDE else 1):  # any alignment after a prefix
                try:
                    yield data[start:].decode(name, errors="ignore")
                except (LookupError, ValueError):
                    break


def _as_utf8(data: bytes) -> bytes | None:
    """A UTF-16/UTF-32/declared-encoding document as UTF-8, for the defusedxml parse."""
    name = _encoding(data)
    if not name or codecs.lookup(name).name == "utf-8":
        return None
    try:
        text = data.decode(name)
    except (LookupError, ValueError):
        return None
    text = text.lstrip("\ufeff")
    text = re.sub(r"""^(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*""", r"\g<1>utf-8", text)
    return text.encode("utf-8")


def check_xml(data: bytes, name: str) -> None:
    """Raise :class:`CorpusError` if the document declares entities or external references.

    Malformed XML passes: the feed parser is lenient with it on purpose.
    """
    if _ENTITY_DECL.search(data) or any(_ENTITY_TEXT.search(t) for t in _readings(data)):
        raise CorpusError(
            f"{name}: the XML declares entities (<!ENTITY>), which kgraph refuses because they "
            "can expand without bound or read local files. Remove the DOCTYPE's entities."
        )
    for document in (data, _as_utf8(data)):
        if document is None:
            continue
        try:
            safe_et.fromstring(
                document, forbid_dtd=False, forbid_entities=True, forbid_external=True
            )
        except DefusedXmlException as exc:
            raise CorpusError(f"{name}: unsafe XML refused ({type(exc).__name__}).") from None
        except (ET.ParseError, ValueError):
            continue
