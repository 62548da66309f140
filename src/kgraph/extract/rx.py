"""``re.search`` and its kin for the relation rules' patterns written where they are used.

The relation rules hold about three hundred regular expressions written inline, each beside
the sentence it was written for, and a post runs a few hundred of them. ``re.search(p, s,
re.I)`` finds its compiled pattern in ``re``'s cache on each call, and reading the
``re.I`` flag's value goes through ``enum``'s Python code: together about as long as the
search itself on a short clause. These functions take the same arguments in the same order
and return the same results, from a cache keyed by the pattern and the flags as a plain
number (:data:`I` is ``re.I``'s).

>>> search(r"\\bbuilt\\s+$", "Acme Built ", I).group()
'Built '
>>> split(r"[;:]", "a; b: c")
['a', ' b', ' c']
"""

from __future__ import annotations

import re

I = int(re.IGNORECASE)  # noqa: E741 (named as re names it)
"""``re.IGNORECASE`` as a plain number (the same flag, without the enum's lookups)."""

_MAX = 4096
_compiled: dict[tuple[str, int], re.Pattern] = {}


def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, compiled once."""
    try:
        return _compiled[pattern, flags]
    except KeyError:
        if len(_compiled) >= _MAX:  # only constant patterns are expected; stay bounded
            _compiled.clear()
        found = _compiled[pattern, flags] = re.compile(pattern, flags)
        return found


def search(pattern: str, string: str, flags: int = 0) -> re.Match | None:
    try:
        return _compiled[pattern, flags].search(string)
    except KeyError:
        return compiled(pattern, flags).search(string)


def match(pattern: str, string: str, flags: int = 0) -> re.Match | None:
    try:
        return _compiled[pattern, flags].match(string)
    except KeyError:
        return compiled(pattern, flags).match(string)


def fullmatch(pattern: str, string: str, flags: int = 0) -> re.Match | None:
    try:
        return _compiled[pattern, flags].fullmatch(string)
    except KeyError:
        return compiled(pattern, flags).fullmatch(string)


def finditer(pattern: str, string: str, flags: int = 0):
    return compiled(pattern, flags).finditer(string)


def findall(pattern: str, string: str, flags: int = 0) -> list:
    return compiled(pattern, flags).findall(string)


def split(pattern: str, string: str, maxsplit: int = 0, flags: int = 0) -> list:
    return compiled(pattern, flags).split(string, maxsplit)


def sub(pattern: str, repl, string: str, count: int = 0, flags: int = 0) -> str:
    return compiled(pattern, flags).sub(repl, string, count)
