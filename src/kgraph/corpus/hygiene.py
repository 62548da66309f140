"""Boilerplate that feeds wrap around a post's text, stripped before it becomes a post.

Each pattern was seen in real engineering-blog feeds; extend :data:`TRAILERS` and
:data:`BYLINE` as real feeds show more, with a case in ``tests/unit/test_feed_hygiene.py``.

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

_NAME = r"[A-Z][\w'’-]+(?:\s[A-Z]\.)?\s(?:(?:van|von|de|der|da|del|le)\s)?[A-Z][\w'’-]+"
BYLINE = re.compile(
    rf"^\s*(?:Authors?\s*:|Written by\s*:?|[Bb]y\s*:?)\s*"
    rf"(?P<names>{_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_NAME})*)"
    r"\s*(?:[|:•·—–-]\s*)?"
)
"""A byline in front of the text: "Authors: A B, C D", "By A B and C D", "by A B, C D"."""


def clean_summary(text: str) -> tuple[str, list[str]]:
    """``text`` without feed boilerplate, and the authors a leading byline named."""
    authors: list[str] = []
    match = BYLINE.match(text)
    if match and match.end() < len(text):
        authors = [
            n.strip()
            for n in re.split(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|&)\s*", match["names"])
            if n.strip()
        ]
        text = text[match.end() :]
    for _ in range(3):  # a trailer may hide another ("Continue reading" after "appeared first")
        before = text
        for pattern in TRAILERS:
            text = pattern.sub("", text)
        if text == before:
            break
    return text.strip(), authors
