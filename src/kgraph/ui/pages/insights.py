"""Page script for Insights; the page itself is kgraph.ui.insights."""

from kgraph.ui.insights import render
from kgraph.ui.errors import shown_errors

with shown_errors():
    render()
