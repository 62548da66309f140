"""Page script for Paths; the page itself is kgraph.ui.paths."""

from kgraph.ui.errors import shown_errors
from kgraph.ui.paths import render

with shown_errors():
    render()
