"""The Posts page: a filterable table of posts with their entities, and one post's view."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kgraph import analysis
from kgraph.ui import html, loaders, state
from kgraph.ui.html import esc


@st.cache_data(max_entries=8, show_spinner=False)
def _table(db: str, version: tuple) -> pd.DataFrame:
    rows = analysis.post_rows(loaders.graph_at(db, version))
    for row in rows:
        row["url"] = html.safe_url(row["url"]) or ""
    return pd.DataFrame(rows, columns=list(analysis.POST_COLUMNS))


def render() -> None:
    """Draw the Posts page."""
    G = loaders.graph()
    table = _table(*loaders.ensure_store())
    st.title("Posts")
    query = st.text_input("Filter by title, source or entity", key=state.POSTS_FILTER)
    shown = table
    if query:
        mask = (
            table[["title", "source", "entities"]]
            .apply(lambda col: col.str.contains(query, case=False, regex=False))
            .any(axis=1)
        )
        shown = table[mask]
    st.caption(f"{len(shown)} of {len(table)} posts")
    st.dataframe(
        shown.drop(columns=["id"]),
        hide_index=True,
        width="stretch",
        column_config={"url": st.column_config.LinkColumn("link")},
    )
    titles = dict(zip(shown["title"], shown["id"], strict=True))
    choice = st.selectbox("Open a post", list(titles), index=None, key=state.POST)
    if not choice:
        return
    node = titles[choice]
    data = G.nodes[node]
    st.html(
        f"<h3>{html.link(data.get('label', ''), data.get('url', ''))}</h3>"
        f"<small>{esc(data.get('source', ''))} {esc(data.get('published', ''))}</small>"
        f"<p><b>{html.highlight_spans(data.get('label', ''), analysis.post_spans(G, node, 'title'))}</b></p>"
        f"<p>{html.highlight_spans(analysis.post_summary(G, node), analysis.post_spans(G, node, 'summary'))}</p>"
        f"<div>{html.legend()}</div>"
    )
    similar = loaders.ask("similar_posts", node, limit=10)
    st.subheader("Similar posts")
    if not similar:
        st.caption("No post shares an entity with this one.")
    st.html(
        "<ul>"
        + "".join(
            f"<li>{esc(s.get('title'))} <small>score {float(s.get('score', 0)):.2f}; shared: "
            f"{esc(', '.join(s.get('shared', [])))}</small></li>"
            for s in similar
        )
        + "</ul>"
    )
