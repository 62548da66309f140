"""Open a node in Explore from another page: a click stores it, the next run switches page.

``st.switch_page`` cannot run inside a widget callback, so a callback calls :func:`open_later`
and the page calls :func:`follow` at the top of its next run.
"""

from __future__ import annotations

import streamlit as st

from kgraph.ui import state

EXPLORE_PAGE = "src/kgraph/ui/pages/explore.py"
PENDING = "navigate_open"  # a node a click asked to open in Explore


def open_later(node: str, **_ignored) -> None:
    """Callback: open ``node`` in Explore, centred, on the next run."""
    st.session_state[PENDING] = node


def follow(G) -> None:
    """If a click asked for a node, centre Explore on it and go there."""
    node = st.session_state.pop(PENDING, None)
    if not node or node not in G:
        return
    state.init()
    st.session_state[state.CENTER] = node
    st.session_state[state.EXPANDED] = []
    st.session_state[state.SELECTED] = {"type": "node", "id": node}
    st.session_state[state.URL_READ] = True  # the Explore URL must not undo the click
    st.switch_page(EXPLORE_PAGE)
