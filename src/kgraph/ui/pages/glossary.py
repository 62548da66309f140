"""Page script for Glossary; the page itself is kgraph.ui.glossary."""

from kgraph.ui.errors import shown_errors
from kgraph.ui.glossary import render

with shown_errors():
    render()
