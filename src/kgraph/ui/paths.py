"""The Paths page: an explained path between two entities, drawn and listed hop by hop."""

from __future__ import annotations

import streamlit as st

from kgraph import analysis
from kgraph.ui import loaders, state
from kgraph.ui.component import graph_view
from kgraph.ui.html import esc
from kgraph.ui.mdtext import md


def render() -> None:
    """Draw the Paths page."""
    loaders.graph()
    index = {k: v for k, v in loaders.search_index().items() if not k.startswith("📄")}
    st.title("Paths")
    a, b = st.columns(2)
    start = a.selectbox("From", list(index), index=None, key=state.PATH_A)
    end = b.selectbox("To", list(index), index=None, key=state.PATH_B)
    if not (start and end):
        st.info("Pick two entities to see how they connect, with the posts behind each hop.")
        return
    result = loaders.ask("explained_path", index[start], index[end])
    if not result.get("found"):
        st.warning(f"No path connects {md(start)} and {md(end)}.")
        return
    hops = result.get("hops", [])
    nodes = sorted(
        {h["source"] for h in hops}
        | {h["target"] for h in hops}
        | {h["post"] for h in hops if h.get("post")}
    )
    graph_view(
        loaders.payload(nodes, "pagerank"),
        key="paths_graph",
        select=index[start],
        on_selection=lambda: None,
        on_expand=lambda: None,
    )
    st.html(
        "<ol>"
        + "".join(
            f"<li><b>{esc(h.get('source_label'))}</b> {_arrow(h)} "
            f"<b>{esc(h.get('target_label'))}</b>"
            + (
                f"<br><small>{esc(h.get('post_title') or '')}</small><blockquote>"
                f"{esc(h.get('sentence') or '')}</blockquote>"
                if h.get("sentence")
                else ""
            )
            + "</li>"
            for h in hops
        )
        + "</ol>"
    )


def _arrow(hop: dict) -> str:
    """The hop's arrow the way its relation reads (reversed hops point back)."""
    left, rel, right = analysis.hop_arrow(hop)
    return f"{left[0]} <i>{esc(rel)}</i> {right[-1]}"
