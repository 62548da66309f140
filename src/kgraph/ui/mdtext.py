"""User text for places where Streamlit renders markdown: shown as typed, never as markup.

Streamlit draws messages (``st.error``, ``st.warning``…), captions, widget labels and
button labels as markdown. A post title, an entity name, a deep link or a feed URL in one
of them could otherwise draw an image that the browser fetches, or a link that looks like
the app's own ("Sign in again"). :func:`md` backslash-escapes every character markdown
can turn into markup (brackets, so no link or image can form; ``<>`` for autolinks and
tags; ``:`` for bare URLs and Streamlit's ``:color[…]`` directives; emphasis, code, math,
headings and tables) and ``www.``, so no bare address becomes a link. Plain punctuation
such as ``(s)`` or ``'`` is left as it is, so the message reads the same in the source.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~:$^])")
_WWW = re.compile(r"(?i)\b(www)\.")
_NEWLINES = re.compile(r"[\r\n\u2028\u2029]+")


def md(text: object) -> str:
    """``text`` escaped for Streamlit markdown, on one line.

    >>> print(md("![x](http://evil.example/a.png) at www.evil.example"))
    !\\[x\\](http\\://evil.example/a.png) at www\\.evil.example
    """
    text = _SPECIAL.sub(r"\\\1", _NEWLINES.sub(" ", str(text)))
    return _WWW.sub(r"\1\\.", text)
