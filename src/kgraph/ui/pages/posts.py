"""Page script for Posts; the page itself is kgraph.ui.posts."""

from kgraph.ui.posts import render
from kgraph.ui.errors import shown_errors

with shown_errors():
    render()
