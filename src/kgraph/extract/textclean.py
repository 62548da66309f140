"""Length-preserving clean-up of raw text, so offsets found in the clean text hold in the raw one.

Every substitution keeps the character count: curly quotes become straight ones, control
characters and HTML tags become spaces, ``&amp;``-style entities become their character
padded with spaces. Mentions are then cut from the *original* field with those offsets.
"""

from __future__ import annotations

import html
import re

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
# C0/C1 control characters except \t \n \r, and zero-width characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")
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
