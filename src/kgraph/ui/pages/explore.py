"""Page script for Explore; the page itself is kgraph.ui.explore."""

from kgraph.ui.errors import shown_errors
from kgraph.ui.explore import render

with shown_errors():
    render()
