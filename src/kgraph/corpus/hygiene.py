"""Boilerplate that feeds wrap around a post's text, stripped before it becomes a post.

Each pattern was seen in real engineering-blog feeds; extend :data:`TRAILERS` and
:data:`BYLINES` as real feeds show more, with a case in ``tests/unit/test_feed_hygiene.py``.

>>> clean_summary("We moved to Kafka. The post Moving to Kafka appeared first on Acme Engineering.")
('We moved to Kafka.', [])
>>> clean_summary("Authors: Jane Doe, Raj Patel We moved to Kafka.")
('We moved to Kafka.', ['Jane Doe', 'Raj Patel'])
"""

from __future__ import annotations

import re

TRAILERS = [
    # WordPress: "The post <title> appeared first on <blog>."
    re.compile(r"\s*The post .{1,400}? appeared first on .{1,200}?\.?\s*$", re.S),
    # Medium and many CMSs: "Continue reading on Medium »", "Continue reading <title>"
    re.compile(r"\s*(?:\.\.\.|…)?\s*\[?Continue reading\b.{0,300}$", re.S | re.I),
    re.compile(
        r"\s*(?:\.\.\.|…)?\s*\[?(?:Read (?:more|the (?:full|rest of the) (?:post|article|story))|Read on)\b\W{0,5}(?:»|→|\])?\s*$",
        re.I,
    ),
    # Blogger, Ghost and others: "[…]" or "[...]" left where the text was cut
    re.compile(r"\s*\[(?:…|\.\.\.)\]\s*$"),
]
"""Text at the end of a summary that is the feed's, not the post's."""

_PARTICLE = r"(?:(?:van|von|de|der|da|del|le)\s)?"
_WORD = r"[A-Z][\w'’-]+"
_NAME = rf"{_WORD}(?:\s[A-Z]\.)?\s{_PARTICLE}{_WORD}"
"""First and last name (a middle initial allowed): without a separator after the byline,
where the names end is a guess, and two words is the safest one."""
_LONG_NAME = rf"{_WORD}(?:\s(?:[A-Z]\.|{_PARTICLE}{_WORD})){{1,3}}"
"""Up to four words, when a separator ("|", "—", ":") shows where the byline ends."""
_AND = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
# A bare "By" must not take "By Moving Kafka to ..." for a name: no gerund after it.
_LEAD = r"^\s*(?:Authors?\s*:|Written by\s*:?|[Bb]y\s*:?(?!\s*[A-Z][a-z]+ing\b))\s*"
BYLINES = [
    re.compile(rf"{_LEAD}(?P<names>{_LONG_NAME}(?:{_AND}{_LONG_NAME})*)\s*[|:•·—–]\s*"),
    re.compile(rf"{_LEAD}(?P<names>{_NAME}(?:{_AND}{_NAME})*)\s*"),
]
"""A byline in front of the text: "Authors: A B, C D", "By A B and C D", "by A B, C D"."""


def clean_summary(text: str) -> tuple[str, list[str]]:
    """``text`` without feed boilerplate, and the authors a leading byline named."""
    authors: list[str] = []
    for byline in BYLINES:
        match = byline.match(text)
        if match and match.end() < len(text):
            authors = [n.strip() for n in re.split(_AND, match["names"]) if n.strip()]
            text = text[match.end() :]
            break
    for _ in range(3):  # a trailer may hide another ("Continue reading" after "appeared first")
        before = text
        for pattern in TRAILERS:
            text = pattern.sub("", text)
        if text == before:
            break
    return text.strip(), authors
