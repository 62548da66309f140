"""Page script for Posts; the page itself is kgraph.ui.posts."""

from kgraph.ui.errors import shown_errors
from kgraph.ui.posts import render

with shown_errors():
    render()
