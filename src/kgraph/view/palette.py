"""The one palette: the colour of each node kind, shared by the app and the HTML export.

>>> from kgraph.model import NODE_KINDS
>>> sorted(KIND_COLORS) == sorted(NODE_KINDS)
True
"""

from __future__ import annotations

KIND_COLORS = {
    "company": "#e4572e",
    "technology": "#2e86de",
    "concept": "#17a673",
    "post": "#9b8f7a",
}
"""Colours by node kind, mid-tone so they read on light and dark backgrounds."""
FALLBACK_COLOR = "#888888"
"""For a node of a kind the palette does not know."""
