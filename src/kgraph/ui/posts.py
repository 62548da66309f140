"""The Posts page: a filterable table of posts with their entities, and one post's view."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kgraph import analysis
from kgraph.ui import html, loaders, navigate, panel, state


@st.cache_data(max_entries=8, show_spinner=False)
def _table(db: str, version: tuple) -> pd.DataFrame:
    rows = analysis.post_rows(loaders.graph_at(db, version))
    for row in rows:
        row["url"] = html.safe_url(row["url"]) or ""
    return pd.DataFrame(rows, columns=list(analysis.POST_COLUMNS))


SHOWN = "posts_shown"  # the titles of the table's rows, in its order, for _on_row


def _on_row() -> None:
    """Callback: a clicked row opens its post below (the "Open a post" box shows it too)."""
    event = st.session_state.get(state.POSTS_TABLE) or {}
    selection = getattr(event, "selection", None) or event.get("selection") or {}
    rows = getattr(selection, "rows", None) or selection.get("rows") or []
    shown = st.session_state.get(SHOWN, [])
    if rows and 0 <= rows[0] < len(shown):
        st.session_state[state.POST] = shown[rows[0]]


def render() -> None:
    """Draw the Posts page."""
    G = loaders.graph()
    navigate.follow(G)
    html.page_style()
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
    st.caption(f"{len(shown)} of {len(table)} posts · click a row to open the post")
    st.session_state[SHOWN] = list(shown["title"])
    st.dataframe(
        shown.drop(columns=["id"]),
        hide_index=True,
        width="stretch",
        column_config={"url": st.column_config.LinkColumn("link")},
        key=state.POSTS_TABLE,
        on_select=_on_row,
        selection_mode="single-row",
    )
    titles = dict(zip(shown["title"], shown["id"], strict=True))
    choice = st.selectbox("Open a post", list(titles), index=None, key=state.POST)
    if not choice:
        return
    # The same post card as Explore's panel: its entities, similar posts and "read next"
    # are buttons that open Explore on them (through kgraph.ui.navigate).
    panel.post_card(G, titles[choice], select=navigate.open_later)
