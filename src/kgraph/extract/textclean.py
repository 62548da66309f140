"""Length-preserving clean-up of raw text, so offsets found in the clean text hold in the raw one.

Every substitution in :func:`clean` keeps the character count: curly quotes become straight
ones, control characters and HTML tags become spaces, ``&amp;``-style entities become their
character padded with spaces. :func:`normalise` also folds hyphen look-alikes and drops
invisible format characters, returning an offset map. Mentions are then cut from the
*original* field with offsets mapped back.
"""

from __future__ import annotations

import html
import re

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
# C0/C1 control characters except \t \n \r. Invisible format characters are not blanked
# (a space inside ``Kube\u200bnetes`` would split the name): :func:`normalise` drops them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Zero-width characters, direction marks and overrides, invisible operators, the BOM.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Hyphen look-alikes: hyphen, non-breaking hyphen, figure dash, minus sign.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-"})
# An en dash inside a word (``read\u2013write``) is a hyphen; between spaces it stays a dash.
_GLUED_DASH = re.compile(r"(?<=\w)\u2013(?=\w)")
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});")


def _spaces(match: re.Match) -> str:
    return " " * len(match.group(0))


def _entity(match: re.Match) -> str:
    char = html.unescape(match.group(0))
    if len(char) != 1:
        return " " * len(match.group(0))
    return char.translate(_QUOTES) + " " * (len(match.group(0)) - 1)


def clean(text: str) -> str:
    """``text`` with quotes straightened and noise blanked, same length as the input."""
    text = text.translate(_QUOTES)
    text = _CONTROL.sub(_spaces, text)
    if "<" in text:
        text = _TAG.sub(_spaces, text)
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    return text


def drop_invisible(text: str) -> str:
    """``text`` without invisible format characters (zero-width, direction marks, BOM)."""
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def normalise(text: str) -> tuple[str, list[int] | None]:
    """The text the extractor reads, and where each of its characters is in ``text``.

    On top of :func:`clean`, hyphen look-alikes become ``-`` and invisible format characters
    are dropped. Dropping shortens the text, so the second value maps each character's offset
    (and the end offset) back to ``text``; it is ``None`` when nothing was dropped.

    >>> normalise("high\u2011availability")[0]
    'high-availability'
    >>> normalise("Post\u200bgres")
    ('Postgres', [0, 1, 2, 3, 5, 6, 7, 8, 9])
    """
    text = clean(text).translate(_HYPHENS)
    if "\u2013" in text:
        text = _GLUED_DASH.sub("-", text)
    if not _INVISIBLE.search(text):
        return text, None
    index = [i for i, c in enumerate(text) if not _INVISIBLE.match(c)]
    index.append(len(text))
    return _INVISIBLE.sub("", text), index


# A newsletter issue's masthead used as an item's title ("SRE Weekly Issue #485", "Data Eng
# Weekly #356"): feeds give it to every item of the issue, and it names the publication, not
# anything the item is about (the entity rules do not annotate it). A title of capitalised
# words and an issue number alone ("Signal Path No. 254", "Weekend Reading #80") is a masthead
# too, even without a publication word: a newsletter is often named after its subject
# ("Unsupervised Learning"), which must not be read as the item's concept.
_ISSUE_NAME = re.compile(
    r"^\s*(?:[A-Z][\w.&'\u2019-]*\s+){0,5}?"
    r"(?:(?:Weekly|Daily|Monthly|Digest|Newsletter|Roundup|Bulletin|Briefing)\s+"
    r"(?:Issue\s+|No\.?\s*|Edition\s+)?#?\s*\d+|Issue\s+#?\s*\d+"
    r"|(?<=\s)(?:No\.\s*|#\s?)\d+)\s*$"
)


def is_issue_name(title: str) -> bool:
    """Whether ``title`` is only a newsletter issue's name and number.

    >>> is_issue_name("SRE Weekly Issue #485"), is_issue_name("Real-World Challenges #6: Migrations")
    (True, False)
    """
    return bool(_ISSUE_NAME.match(title))


def chunks(text: str, size: int = 10_000) -> list[tuple[int, str]]:
    """``text`` cut into pieces of about ``size`` characters at whitespace, with their offsets.

    Long inputs are cut so that memory stays flat and time stays linear in the length.
    """
    if len(text) <= size:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind(". ", start, end), text.rfind("\n", start, end))
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces
