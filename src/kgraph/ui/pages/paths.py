"""Page script for Paths; the page itself is kgraph.ui.paths."""

from kgraph.ui.paths import render
from kgraph.ui.errors import shown_errors

with shown_errors():
    render()
