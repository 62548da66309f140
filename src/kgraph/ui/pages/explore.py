"""Page script for Explore; the page itself is kgraph.ui.explore."""

from kgraph.ui.explore import render
from kgraph.ui.errors import shown_errors

with shown_errors():
    render()
