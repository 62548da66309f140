"""What the graph looks like on a screen: node selection, layout, the component's payload,
the palette and the standalone HTML page. Pure Python (no Streamlit), so tests call it
directly and the CLI's HTML export shares it with the app.
"""

from kgraph.view.palette import KIND_COLORS
from kgraph.view.path_layout import path_layout
from kgraph.view.payload import LINKS_PER_NODE, layout, view_payload
from kgraph.view.selection import overview_nodes, view_nodes

__all__ = [
    "KIND_COLORS",
    "LINKS_PER_NODE",
    "layout",
    "overview_nodes",
    "path_layout",
    "view_nodes",
    "view_payload",
]
