"""Page script for Data; the page itself is kgraph.ui.data."""

from kgraph.ui.data import render
from kgraph.ui.errors import shown_errors

with shown_errors():
    render()
