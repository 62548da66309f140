"""Page script for Insights; the page itself is kgraph.ui.insights."""

from kgraph.ui.errors import shown_errors
from kgraph.ui.insights import render

with shown_errors():
    render()
